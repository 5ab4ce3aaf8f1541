// Drives the browser proof: serves index.html, proof.js and the SDK's browser build on 127.0.0.1, launches headless
// Chromium (Debian's, through playwright-core: no browser download), and runs window.runProof() once per mode on a
// fresh page. Prints exactly one line 'RESULT {json}' on stdout; browser console and driver logs go to stderr.
//
//   node run.mjs --backend http://127.0.0.1:5080 --cos-port 9000 --bucket examplebucket-1250000000 \
//                --region ap-guangzhou --prefix browser/ [--page-port 0] [--modes format1-scope,format1,format2]
//
// Chromium: COS_CHROMIUM_PATH, else /usr/bin/chromium. Exit code 0 when every mode ran (the caller judges the
// steps), 1 when the driver itself failed, 2 for bad arguments.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const log = (...args) => console.error('[run.mjs]', ...args);

function parseArgs(argv) {
  const args = { pagePort: '0', modes: 'format1-scope,format1,format2' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
    args[name] = argv[i + 1];
  }
  for (const required of ['backend', 'cosPort', 'bucket', 'region', 'prefix']) {
    if (!args[required]) throw new Error(`--${required.replace(/[A-Z]/g, c => '-' + c.toLowerCase())} is required`);
  }
  return args;
}

// Only these files are served: the page, its script and the SDK's browser build.
const files = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/proof.js': ['proof.js', 'text/javascript; charset=utf-8'],
  '/node_modules/cos-js-sdk-v5/dist/cos-js-sdk-v5.min.js': ['node_modules/cos-js-sdk-v5/dist/cos-js-sdk-v5.min.js', 'text/javascript; charset=utf-8'],
};

function startPageServer(port) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://page').pathname;
    const file = files[path];
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(here, file[0]));
      response.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-store' }).end(body);
    } catch (e) {
      response.writeHead(500).end(String(e));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    return 2;
  }

  const executablePath = process.env.COS_CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.error(`Chromium is not installed at ${executablePath} (apt-get install chromium, or set COS_CHROMIUM_PATH).`);
    return 1;
  }
  const sdk = join(here, 'node_modules/cos-js-sdk-v5/dist/cos-js-sdk-v5.min.js');
  if (!existsSync(sdk)) {
    console.error(`${sdk} is missing: run npm ci in tests/browser.`);
    return 1;
  }

  const server = await startPageServer(args.pagePort);
  const origin = `http://127.0.0.1:${server.address().port}`;
  log(`page at ${origin}, backend ${args.backend}, emulator port ${args.cosPort}`);
  let browser;
  try {
    // playwright-core starts Chromium with a fresh temporary profile; no background networking: Chromium's own
    // connections (updates, sync) have nowhere to go on a closed network.
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    });
    log(`Chromium ${browser.version()}`);
    const results = [];
    for (const mode of args.modes.split(',')) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('console', message => console.error(`[${mode} console.${message.type()}] ${message.text()}`));
      page.on('pageerror', error => console.error(`[${mode} pageerror] ${error.stack || error}`));
      page.on('requestfailed', request => console.error(`[${mode} requestfailed] ${request.method()} ${request.url()} ${request.failure()?.errorText}`));
      const query = new URLSearchParams({
        backend: args.backend, cosPort: args.cosPort, bucket: args.bucket, region: args.region, prefix: args.prefix, mode,
      });
      await page.goto(`${origin}/index.html?${query}`);
      log(`running ${mode}`);
      results.push(await page.evaluate(() => window.runProof()));
      await context.close();
    }
    process.stdout.write(`RESULT ${JSON.stringify({ origin, chromium: browser.version(), results })}\n`);
    return 0;
  } finally {
    await browser?.close();
    server.close();
  }
}

main().then(code => { process.exitCode = code; }, error => { console.error(error.stack || error); process.exitCode = 1; });

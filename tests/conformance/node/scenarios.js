#!/usr/bin/env node
// Conformance scenarios for the official Tencent COS Node SDK (cos-nodejs-sdk-v5) against a local
// COS emulator. One scenario per invocation:
//
//   node scenarios.js <scenario>        (node scenarios.js --list prints the names)
//
// Configuration comes from the environment:
//   COS_ENDPOINT    http://127.0.0.1:PORT of the emulator (required)
//   COS_BUCKET      bucket, name-appid, already created (required except for putBucket)
//   COS_REGION      region (default ap-guangzhou)
//   COS_SECRET_ID, COS_SECRET_KEY   credentials the emulator accepts (required)
//   COS_KEY_PREFIX  prefix for every object key this run writes (default node/<random>)
//
// The SDK connects to the emulator through its Ip option and keeps the virtual-hosted Host header
// (bucket.cos.region.myqcloud.com), so requests are signed exactly as against real COS.
//
// Prints one JSON line {"scenario", "ok", ...} and exits 0 on success, 1 on failure. The secret key is
// never printed.
'use strict';

const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const COS = require('cos-nodejs-sdk-v5');
// The SDK's upload-id cache (one per process); resumeSliceUpload clears an entry to force a resume from the server's lists.
const session = require('cos-nodejs-sdk-v5/sdk/session');

const MiB = 1024 * 1024;

function config() {
  const endpoint = process.env.COS_ENDPOINT;
  const missing = ['COS_ENDPOINT', 'COS_SECRET_ID', 'COS_SECRET_KEY'].filter((n) => !process.env[n]);
  if (missing.length) throw new Error(`missing environment variables: ${missing.join(', ')}`);
  const url = new URL(endpoint);
  if (url.protocol !== 'http:') throw new Error(`COS_ENDPOINT must be http://host:port, got ${endpoint}`);
  const port = url.port || '80';
  return {
    host: url.hostname,
    port: Number(port),
    ip: `${url.hostname}:${port}`,
    bucket: process.env.COS_BUCKET || '',
    region: process.env.COS_REGION || 'ap-guangzhou',
    secretId: process.env.COS_SECRET_ID,
    secretKey: process.env.COS_SECRET_KEY,
    prefix: (process.env.COS_KEY_PREFIX || `node/${crypto.randomBytes(4).toString('hex')}`).replace(/\/+$/, '') + '/',
  };
}

let cfg; // set by main()
let cos; // the client every scenario shares

// The SDK's upload-id cache goes to a temp folder of this process, never to ~/.config.
let confDir;
process.on('exit', () => confDir && fs.rmSync(confDir, { recursive: true, force: true }));

function client(overrides) {
  confDir = confDir || fs.mkdtempSync(path.join(os.tmpdir(), 'cos-conformance-conf-'));
  return new COS({
    ConfCwd: confDir,
    SecretId: cfg.secretId,
    SecretKey: cfg.secretKey,
    Protocol: 'http:',
    Ip: cfg.ip,
    ChunkRetryTimes: 0,
    ...overrides,
  });
}

const base = () => {
  assert.ok(cfg.bucket, 'COS_BUCKET is required');
  return { Bucket: cfg.bucket, Region: cfg.region };
};
const key = (name) => cfg.prefix + name;

// A new bucket of the run's APPID, for scenarios that change bucket-wide state (versioning) the others must not see.
async function freshBucket(tag) {
  const appId = (cfg.bucket.match(/-(\d+)$/) || [null, '1250000000'])[1];
  const bucket = `${tag}${crypto.randomBytes(3).toString('hex')}-${appId}`;
  await cos.putBucket({ Bucket: bucket, Region: cfg.region });
  return { Bucket: bucket, Region: cfg.region };
}

/** Records every request the SDK sends (method, path, query) through its before-send event. */
function recordRequests(instance) {
  const log = [];
  log.listener = (opt) => {
    const url = new URL(opt.url);
    log.push({ method: opt.method, path: url.pathname, query: { ...(opt.qs || {}), ...Object.fromEntries(url.searchParams) } });
  };
  instance.on('before-send', log.listener);
  return log;
}

const md5 = (buf) => crypto.createHash('md5').update(buf).digest('hex');

// CRC-64/XZ (ECMA-182 polynomial, reflected, all-ones init and xorout), what COS sends as a decimal
// x-cos-hash-crc64ecma. The SDK does not check it; the scenarios do. Two 32-bit halves for speed.
const crcLo = new Uint32Array(256);
const crcHi = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let c = BigInt(i);
  for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ 0xc96c5795d7870f42n : c >> 1n;
  crcLo[i] = Number(c & 0xffffffffn);
  crcHi[i] = Number(c >> 32n);
}
function crc64(buf) {
  let lo = 0xffffffff;
  let hi = 0xffffffff;
  for (let i = 0; i < buf.length; i++) {
    const t = (lo ^ buf[i]) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ crcLo[t]) >>> 0;
    hi = ((hi >>> 8) ^ crcHi[t]) >>> 0;
  }
  return ((BigInt(~hi >>> 0) << 32n) | BigInt(~lo >>> 0)).toString();
}
assert.strictEqual(crc64(Buffer.from('123456789')), '11051210869376104954', 'CRC-64/XZ check value');

function randomFile(size) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cos-conformance-'));
  const file = path.join(dir, 'data.bin');
  const data = crypto.randomBytes(size);
  fs.writeFileSync(file, data);
  return { dir, file, data };
}

async function getBytes(k) {
  const data = await cos.getObject({ ...base(), Key: k });
  assert.strictEqual(data.statusCode, 200, `GET ${k} status`);
  return data.Body;
}

function assertSameBytes(actual, expected, what) {
  assert.ok(Buffer.isBuffer(actual), `${what}: body is not a Buffer`);
  assert.strictEqual(actual.length, expected.length, `${what}: length`);
  assert.ok(actual.equals(expected), `${what}: bytes differ (md5 ${md5(actual)} != ${md5(expected)})`);
}

/** Expects the promise to fail and returns the SDK error. */
async function failure(promise, what) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error(`${what} succeeded but should have failed`);
}

/** camSafeUrlEncode of a key with '/' kept, as CopySource wants. */
const encodeKey = (k) =>
  encodeURIComponent(k).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%2F/g, '/');

/** Plain HTTP GET of a URL, connecting to the emulator but keeping the URL's Host. */
function plainGet(urlText) {
  const url = new URL(urlText);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: cfg.host, port: cfg.port, method: 'GET', path: url.pathname + url.search, headers: { Host: url.host } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      }
    );
    req.on('error', reject);
    req.end();
  });
}

const scenarios = {
  async putBucket() {
    const appId = (cfg.bucket.match(/-(\d+)$/) || [null, '1250000000'])[1];
    const bucket = `nodeput${crypto.randomBytes(3).toString('hex')}-${appId}`;
    const put = await cos.putBucket({ Bucket: bucket, Region: cfg.region });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket status');
    const head = await cos.headBucket({ Bucket: bucket, Region: cfg.region });
    assert.strictEqual(head.statusCode, 200, 'HEAD Bucket status');
    const list = await cos.getBucket({ Bucket: bucket, Region: cfg.region });
    assert.deepStrictEqual(list.Contents, [], 'a new bucket is empty');
    return { bucket };
  },

  async putObjectSpecialKeys() {
    const names = ['key with spaces.txt', 'a+b=c&d.txt', '中文/ünïcödé ☃ 🚀.txt', "marks ()!*'~.txt", 'dir/sub dir/x y+z.bin'];
    const results = [];
    for (const name of names) {
      const k = key(name);
      const body = Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), crypto.randomBytes(1000)]);
      const put = await cos.putObject({ ...base(), Key: k, Body: body });
      assert.strictEqual(put.statusCode, 200, `PUT ${k} status`);
      assertSameBytes(await getBytes(k), body, `GET ${k}`);
      results.push(k);
    }
    // The listing returns the keys as they were written.
    const list = await cos.getBucket({ ...base(), Prefix: cfg.prefix });
    assert.deepStrictEqual(list.Contents.map((c) => c.Key).sort(), [...results].sort(), 'listed keys');
    return { keys: results };
  },

  async getObject() {
    const k = key('get/blob.bin');
    const body = crypto.randomBytes(256 * 1024 + 7);
    await cos.putObject({ ...base(), Key: k, Body: body, ContentType: 'application/x-test' });
    const get = await cos.getObject({ ...base(), Key: k });
    assertSameBytes(get.Body, body, 'GET body');
    assert.strictEqual(get.headers['content-type'], 'application/x-test', 'Content-Type');
    assert.strictEqual(Number(get.headers['content-length']), body.length, 'Content-Length');
    const range = await cos.getObject({ ...base(), Key: k, Range: 'bytes=10-19' });
    assert.strictEqual(range.statusCode, 206, 'ranged GET status');
    assertSameBytes(range.Body, body.subarray(10, 20), 'ranged GET body');
    const missing = await failure(cos.getObject({ ...base(), Key: key('get/missing') }), 'GET of a missing key');
    assert.strictEqual(missing.statusCode, 404, 'missing key status');
    assert.strictEqual(missing.code, 'NoSuchKey', 'missing key code');
    return { size: body.length };
  },

  async headObject() {
    const k = key('head/meta.txt');
    const body = Buffer.from('hello, head\n');
    const put = await cos.putObject({
      ...base(),
      Key: k,
      Body: body,
      ContentType: 'text/plain',
      Headers: { 'x-cos-meta-author': 'zhangsan', 'x-cos-meta-project': 'conformance' },
    });
    const head = await cos.headObject({ ...base(), Key: k });
    assert.strictEqual(head.statusCode, 200, 'HEAD status');
    assert.strictEqual(head.ETag, put.ETag, 'HEAD ETag equals PUT ETag');
    assert.strictEqual(head.headers.etag, `"${md5(body)}"`, 'ETag is the quoted MD5 of a simple upload');
    assert.strictEqual(Number(head.headers['content-length']), body.length, 'Content-Length');
    assert.strictEqual(head.headers['content-type'], 'text/plain', 'Content-Type');
    assert.strictEqual(head.headers['x-cos-meta-author'], 'zhangsan', 'x-cos-meta-author');
    assert.strictEqual(head.headers['x-cos-meta-project'], 'conformance', 'x-cos-meta-project');
    assert.strictEqual(head.headers['x-cos-hash-crc64ecma'], crc64(body), 'x-cos-hash-crc64ecma');
    const missing = await failure(cos.headObject({ ...base(), Key: key('head/missing') }), 'HEAD of a missing key');
    assert.strictEqual(missing.statusCode, 404, 'missing key status');
    return { etag: head.ETag };
  },

  async getBucketPrefixDelimiter() {
    const p = key('tree/');
    const names = ['a.txt', 'b.txt', 'photos/1.jpg', 'photos/2.jpg', 'docs/x/readme.md', 'docs/y.md'];
    for (const n of names) await cos.putObject({ ...base(), Key: p + n, Body: Buffer.from(n) });
    const list = await cos.getBucket({ ...base(), Prefix: p, Delimiter: '/' });
    assert.deepStrictEqual(list.Contents.map((c) => c.Key).sort(), [p + 'a.txt', p + 'b.txt'], 'Contents');
    assert.deepStrictEqual(list.CommonPrefixes.map((c) => c.Prefix).sort(), [p + 'docs/', p + 'photos/'], 'CommonPrefixes');
    assert.strictEqual(list.IsTruncated, 'false', 'IsTruncated');
    const sub = await cos.getBucket({ ...base(), Prefix: p + 'docs/', Delimiter: '/' });
    assert.deepStrictEqual(sub.Contents.map((c) => c.Key), [p + 'docs/y.md'], 'nested Contents');
    assert.deepStrictEqual(sub.CommonPrefixes.map((c) => c.Prefix), [p + 'docs/x/'], 'nested CommonPrefixes');
    // Paging with MaxKeys follows NextMarker.
    const seen = [];
    let marker;
    for (let page = 0; page < 10; page++) {
      const r = await cos.getBucket({ ...base(), Prefix: p, MaxKeys: 2, Marker: marker });
      seen.push(...r.Contents.map((c) => c.Key));
      if (r.IsTruncated !== 'true') break;
      marker = r.NextMarker;
      assert.ok(marker, 'a truncated page has NextMarker');
    }
    assert.deepStrictEqual(seen, names.map((n) => p + n).sort(), 'all keys by MaxKeys pages');
    return { contents: list.Contents.length, commonPrefixes: list.CommonPrefixes.length };
  },

  async sliceUploadFile() {
    const k = key('slice/five-mib.bin');
    const { dir, file, data } = randomFile(5 * MiB + 123);
    try {
      const log = recordRequests(cos);
      const result = await cos.sliceUploadFile({ ...base(), Key: k, FilePath: file, ChunkSize: MiB });
      assert.strictEqual(result.statusCode, 200, 'sliceUploadFile status');
      const parts = log.filter((r) => r.method === 'PUT' && r.query.partNumber !== undefined);
      assert.strictEqual(parts.length, 6, 'six UploadPart requests');
      assert.ok(log.some((r) => r.method === 'POST' && 'uploads' in r.query), 'InitiateMultipartUpload sent');
      assert.ok(log.some((r) => r.method === 'POST' && r.query.uploadId), 'CompleteMultipartUpload sent');
      assertSameBytes(await getBytes(k), data, 'GET of the multipart object');
      const head = await cos.headObject({ ...base(), Key: k });
      assert.strictEqual(Number(head.headers['content-length']), data.length, 'HEAD Content-Length');
      assert.strictEqual(head.headers['x-cos-hash-crc64ecma'], crc64(data), 'CRC-64 of the whole multipart object');
      return { size: data.length, parts: parts.length, etag: result.ETag, crc64: head.headers['x-cos-hash-crc64ecma'] };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  async resumeSliceUpload() {
    const k = key('resume/five-mib.bin');
    const { dir, file, data } = randomFile(5 * MiB);
    const uploader = client({ ChunkParallelLimit: 1 }); // one part at a time, so the interruptions are exact
    const slice = { ...base(), Key: k, FilePath: file, ChunkSize: MiB };
    const isInit = (r) => r.method === 'POST' && 'uploads' in r.query;
    const isPart = (r) => r.method === 'PUT' && r.query.partNumber !== undefined;
    const listParts = async (uploadId) =>
      [].concat((await uploader.multipartListPart({ ...base(), Key: k, UploadId: uploadId })).Part || []).map((p) => Number(p.PartNumber));

    /** Starts sliceUploadFile and cancels its task (cos.cancelTask) once `stopAfter` more parts are stored. */
    async function interruptedUpload(stopAfter) {
      const log = recordRequests(uploader);
      let taskId;
      let uploadId;
      const stored = [];
      const upload = uploader.multipartUpload;
      uploader.multipartUpload = function (params, callback) {
        return upload.call(this, params, (err, result) => {
          if (!err && uploadId === undefined) {
            stored.push(params.PartNumber);
            if (stored.length === stopAfter) {
              uploadId = params.UploadId;
              uploader.cancelTask(taskId); // drops the task; the SDK never calls its callback
            }
          }
          callback(err, result);
        });
      };
      try {
        uploader.sliceUploadFile({ ...slice, onTaskReady: (id) => (taskId = id) }).catch(() => {});
        for (let i = 0; i < 200 && uploadId === undefined; i++) await new Promise((r) => setTimeout(r, 50));
        assert.ok(uploadId, `the interrupted upload stored ${stopAfter} part(s) within 10 s`);
        await new Promise((r) => setTimeout(r, 200)); // let the canceled task settle
      } finally {
        uploader.multipartUpload = upload;
        uploader.off('before-send', log.listener);
      }
      return { uploadId, stored, log };
    }

    try {
      // Run 1: a fresh upload, canceled after parts 1 and 2.
      const run1 = await interruptedUpload(2);
      assert.deepStrictEqual(run1.stored, [1, 2], 'run 1 stored parts 1 and 2');
      assert.strictEqual(run1.log.filter(isInit).length, 1, 'run 1 initiated the upload');
      assert.deepStrictEqual(await listParts(run1.uploadId), [1, 2], 'ListParts after run 1');
      const uploads = await uploader.multipartList({ ...base(), Prefix: k });
      assert.deepStrictEqual([].concat(uploads.Upload || []).map((u) => u.UploadId), [run1.uploadId], 'ListMultipartUploads after run 1');

      // Run 2: the same file again; the SDK takes the UploadId from its local cache (after ListParts), sends
      // part 3 and is canceled again.
      const run2 = await interruptedUpload(1);
      assert.strictEqual(run2.uploadId, run1.uploadId, 'run 2 resumed the same UploadId');
      assert.strictEqual(run2.log.filter(isInit).length, 0, 'run 2 initiated nothing');
      assert.deepStrictEqual(run2.log.filter(isPart).map((r) => Number(r.query.partNumber)), [3], 'run 2 sent only part 3');
      assert.deepStrictEqual(await listParts(run1.uploadId), [1, 2, 3], 'ListParts after run 2');

      // Run 3: as if on a machine without that cache, the SDK must find the upload through
      // ListMultipartUploads and trust its parts only if ListParts' ETags are the MD5s of the local slices.
      session.removeUploadId.call(uploader, run1.uploadId);
      const log = recordRequests(uploader);
      let hashed = 0; // the remote scan hashes the local slices to compare them with ListParts' ETags
      const result = await uploader.sliceUploadFile({ ...slice, onHashProgress: () => hashed++ });
      uploader.off('before-send', log.listener);
      assert.ok(hashed > 0, 'run 3 checked the listed parts against the local file (onHashProgress)');
      assert.strictEqual(result.statusCode, 200, 'run 3 status');
      assert.strictEqual(log.filter(isInit).length, 0, 'run 3 initiated nothing');
      const sent = log.filter(isPart);
      assert.deepStrictEqual(sent.map((r) => Number(r.query.partNumber)), [4, 5], 'run 3 sent only parts 4 and 5');
      assert.ok(sent.every((r) => r.query.uploadId === run1.uploadId), 'parts went to the first UploadId');
      const complete = log.find((r) => r.method === 'POST' && r.query.uploadId);
      assert.ok(complete && complete.query.uploadId === run1.uploadId, 'completed the first UploadId');

      assertSameBytes(await getBytes(k), data, 'GET of the resumed object');
      const head = await uploader.headObject({ ...base(), Key: k });
      assert.strictEqual(head.headers['x-cos-hash-crc64ecma'], crc64(data), 'CRC-64 of the resumed object');
      const after = await uploader.multipartList({ ...base(), Prefix: k });
      assert.deepStrictEqual([].concat(after.Upload || []), [], 'no upload left after Complete');
      return { uploadId: run1.uploadId, run1: run1.stored, run2: run2.stored, run3: sent.map((r) => Number(r.query.partNumber)) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  async putObjectCopy() {
    const src = key('copy/source (1)+.txt');
    const dst = key('copy/target ☃.txt');
    const body = crypto.randomBytes(64 * 1024);
    await cos.putObject({ ...base(), Key: src, Body: body, ContentType: 'text/x-src', Headers: { 'x-cos-meta-origin': 'source' } });
    const copy = await cos.putObjectCopy({
      ...base(),
      Key: dst,
      CopySource: `${cfg.bucket}.cos.${cfg.region}.myqcloud.com/${encodeKey(src)}`,
    });
    assert.strictEqual(copy.statusCode, 200, 'PUT Object - Copy status');
    assert.ok(copy.ETag, 'CopyObjectResult ETag');
    assertSameBytes(await getBytes(dst), body, 'GET of the copy');
    const head = await cos.headObject({ ...base(), Key: dst });
    assert.strictEqual(head.headers['x-cos-meta-origin'], 'source', 'metadata copied (MetadataDirective Copy)');
    assert.strictEqual(head.headers['content-type'], 'text/x-src', 'Content-Type copied');
    // Replaced: new metadata.
    const replaced = key('copy/replaced.txt');
    await cos.putObjectCopy({
      ...base(),
      Key: replaced,
      CopySource: `${cfg.bucket}.cos.${cfg.region}.myqcloud.com/${encodeKey(src)}`,
      MetadataDirective: 'Replaced',
      Headers: { 'x-cos-meta-origin': 'replaced' },
    });
    const head2 = await cos.headObject({ ...base(), Key: replaced });
    assert.strictEqual(head2.headers['x-cos-meta-origin'], 'replaced', 'metadata replaced');
    return { etag: copy.ETag };
  },

  async deleteMultipleObject() {
    const names = ['one.txt', 'two words.txt', 'three+.txt', 'keep.txt'].map((n) => key('multi/' + n));
    for (const n of names) await cos.putObject({ ...base(), Key: n, Body: Buffer.from(n) });
    const doomed = [...names.slice(0, 3), key('multi/never-existed.txt')];
    const result = await cos.deleteMultipleObject({ ...base(), Objects: doomed.map((Key) => ({ Key })) });
    assert.strictEqual(result.statusCode, 200, 'DELETE Multiple Objects status');
    assert.deepStrictEqual(result.Deleted.map((d) => d.Key).sort(), [...doomed].sort(), 'Deleted (a missing key counts as deleted)');
    assert.deepStrictEqual(result.Error, [], 'no Error entries');
    const list = await cos.getBucket({ ...base(), Prefix: key('multi/') });
    assert.deepStrictEqual(list.Contents.map((c) => c.Key), [key('multi/keep.txt')], 'only keep.txt remains');
    // Quiet mode returns no Deleted entries.
    const quiet = await cos.deleteMultipleObject({ ...base(), Quiet: true, Objects: [{ Key: key('multi/keep.txt') }] });
    assert.deepStrictEqual(quiet.Deleted, [], 'Quiet lists no Deleted');
    return { deleted: result.Deleted.length };
  },

  async getObjectUrl() {
    const k = key('url/presigned file (1).txt');
    const body = crypto.randomBytes(4096);
    await cos.putObject({ ...base(), Key: k, Body: body });
    const url = await new Promise((resolve, reject) =>
      cos.getObjectUrl({ ...base(), Key: k, Sign: true, Expires: 300 }, (err, data) => (err ? reject(err) : resolve(data.Url)))
    );
    assert.ok(url.startsWith(`http://${cfg.bucket}.cos.${cfg.region}.myqcloud.com/`), `URL host: ${url}`);
    const res = await plainGet(url);
    assert.strictEqual(res.status, 200, `GET of the presigned URL: ${res.body.toString().slice(0, 300)}`);
    assertSameBytes(res.body, body, 'presigned GET body');
    // The same URL with a tampered signature is refused.
    const tampered = await plainGet(url.replace(/q-signature=([0-9a-f])/, (m, c) => 'q-signature=' + (c === '0' ? '1' : '0')));
    assert.strictEqual(tampered.status, 403, 'tampered presigned URL status');
    // Unsigned URL of a private object is refused.
    const unsigned = cos.getObjectUrl({ ...base(), Key: k, Sign: false });
    assert.strictEqual((await plainGet(unsigned)).status, 403, 'unsigned URL status');
    return { url: url.replace(/q-signature=[0-9a-f]+/, 'q-signature=…') };
  },

  async wrongSecretKey() {
    const k = key('auth/secret.txt');
    await cos.putObject({ ...base(), Key: k, Body: Buffer.from('secret') });
    const wrong = client({ SecretKey: 'not-the-' + 'right-key' });
    const err = await failure(wrong.getObject({ ...base(), Key: k }), 'GET with a wrong SecretKey');
    assert.strictEqual(err.statusCode, 403, 'status');
    assert.strictEqual(err.code, 'SignatureDoesNotMatch', 'error code');
    const putErr = await failure(wrong.putObject({ ...base(), Key: key('auth/evil.txt'), Body: Buffer.from('x') }), 'PUT with a wrong SecretKey');
    assert.strictEqual(putErr.code, 'SignatureDoesNotMatch', 'PUT error code');
    await failure(cos.headObject({ ...base(), Key: key('auth/evil.txt') }), 'HEAD of the refused PUT');
    const unknownId = client({ SecretId: 'AKIDunknown' + 'xxxx' });
    const idErr = await failure(unknownId.getObject({ ...base(), Key: k }), 'GET with an unknown SecretId');
    assert.strictEqual(idErr.statusCode, 403, 'unknown SecretId status');
    return { code: err.code, unknownSecretIdCode: idErr.code };
  },

  async deleteObject() {
    const k = key('delete/gone soon.txt');
    await cos.putObject({ ...base(), Key: k, Body: Buffer.from('bye') });
    const del = await cos.deleteObject({ ...base(), Key: k });
    assert.strictEqual(del.statusCode, 204, 'DELETE status');
    const head = await failure(cos.headObject({ ...base(), Key: k }), 'HEAD after DELETE');
    assert.strictEqual(head.statusCode, 404, 'HEAD after DELETE status');
    const again = await cos.deleteObject({ ...base(), Key: k });
    assert.strictEqual(again.statusCode, 204, 'DELETE of a missing key status');
    return {};
  },

  async objectAcl() {
    const k = key('acl/shared file.txt');
    await cos.putObject({ ...base(), Key: k, Body: Buffer.from('acl') });
    const fresh = await cos.getObjectAcl({ ...base(), Key: k });
    assert.strictEqual(fresh.statusCode, 200, 'GET Object acl status');
    assert.strictEqual(fresh.Grants.length, 1, 'an object without an ACL: one grant');
    assert.strictEqual(fresh.Grants[0].Permission, 'FULL_CONTROL', "the owner's FULL_CONTROL");
    assert.strictEqual(fresh.Grants[0].Grantee.ID, fresh.Owner.ID, 'granted to the owner');
    assert.strictEqual(fresh.ACL, 'private', 'decoded as private');
    const put = await cos.putObjectAcl({ ...base(), Key: k, ACL: 'public-read', GrantReadAcp: 'id="100000000011"' });
    assert.strictEqual(put.statusCode, 200, 'PUT Object acl status');
    const pub = await cos.getObjectAcl({ ...base(), Key: k });
    assert.strictEqual(pub.ACL, 'public-read', 'decoded as public-read');
    assert.strictEqual(pub.GrantReadAcp, 'id="qcs::cam::uin/100000000011:uin/100000000011"', 'the READ_ACP grant');
    // The body form replaces it.
    await cos.putObjectAcl({
      ...base(),
      Key: k,
      AccessControlPolicy: {
        Owner: fresh.Owner,
        Grants: [{ Grantee: { ID: 'qcs::cam::uin/100000000011:uin/100000000011' }, Permission: 'READ' }],
      },
    });
    const body = await cos.getObjectAcl({ ...base(), Key: k });
    assert.deepStrictEqual(body.Grants.map((g) => [g.Grantee.ID, g.Permission]), [['qcs::cam::uin/100000000011:uin/100000000011', 'READ']], 'the grants of the body');
    const missing = await failure(cos.getObjectAcl({ ...base(), Key: key('acl/missing.txt') }), 'GET Object acl of a missing key');
    assert.strictEqual(missing.statusCode, 404, 'missing key status');
    return { acl: pub.ACL };
  },

  async appendObject() {
    const k = key('append/log file.txt');
    const first = await cos.appendObject({ ...base(), Key: k, Position: 0, Body: Buffer.from('hello') });
    assert.strictEqual(first.statusCode, 200, 'first append status');
    assert.strictEqual(first.headers['x-cos-next-append-position'], '5', 'next position after the first append');
    const second = await cos.appendObject({ ...base(), Key: k, Position: 5, Body: Buffer.from(' world') });
    assert.strictEqual(second.headers['x-cos-next-append-position'], '11', 'next position after the second append');
    const get = await cos.getObject({ ...base(), Key: k });
    assert.strictEqual(get.Body.toString(), 'hello world', 'the appended object');
    const head = await cos.headObject({ ...base(), Key: k });
    assert.strictEqual(head.headers['x-cos-object-type'], 'appendable', 'x-cos-object-type');
    const stale = await failure(cos.appendObject({ ...base(), Key: k, Position: 5, Body: Buffer.from('x') }), 'append at a stale position');
    assert.strictEqual(stale.statusCode, 409, 'stale position status');
    assert.strictEqual(stale.code, 'PositionNotEqualToLength', 'stale position code');
    const normal = key('append/normal.txt');
    await cos.putObject({ ...base(), Key: normal, Body: Buffer.from('put') });
    const refused = await failure(cos.appendObject({ ...base(), Key: normal, Position: 3, Body: Buffer.from('x') }), 'append to a normal object');
    assert.strictEqual(refused.code, 'ObjectNotAppendable', 'normal object code');
    return { next: second.headers['x-cos-next-append-position'] };
  },

  async restoreObject() {
    const k = key('restore/cold file.txt');
    await cos.putObject({ ...base(), Key: k, Body: Buffer.from('frozen'), StorageClass: 'ARCHIVE' });
    const archived = await failure(cos.getObject({ ...base(), Key: k }), 'GET of an archived object');
    assert.strictEqual(archived.statusCode, 403, 'archived GET status');
    assert.strictEqual(archived.code, 'InvalidObjectState', 'archived GET code');
    const restore = await cos.restoreObject({ ...base(), Key: k, RestoreRequest: { Days: 1, CASJobParameters: { Tier: 'Standard' } } });
    assert.strictEqual(restore.statusCode, 202, 'POST Object restore status');
    const head = await cos.headObject({ ...base(), Key: k });
    assert.match(head.headers['x-cos-restore'] || '', /^ongoing-request="false", expiry-date=".+ GMT"$/, 'x-cos-restore after the restore');
    assert.strictEqual(head.headers['x-cos-storage-class'], 'ARCHIVE', 'still ARCHIVE');
    const get = await cos.getObject({ ...base(), Key: k });
    assert.strictEqual(get.Body.toString(), 'frozen', 'the restored copy');
    return { restore: head.headers['x-cos-restore'] };
  },

  async putBucketCors() {
    // The SDK takes plural keys (AllowedOrigins) and sends them singular (AllowedOrigin), then pluralises them on GET.
    const rules = [
      { ID: 'web', AllowedOrigins: ['https://*.example.com'], AllowedMethods: ['GET', 'PUT'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: '600' },
      { AllowedOrigins: ['http://a.test', 'http://b.test'], AllowedMethods: ['HEAD'] },
    ];
    const put = await cos.putBucketCors({ ...base(), CORSRules: rules });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket cors status');
    const got = await cos.getBucketCors(base());
    assert.strictEqual(got.statusCode, 200, 'GET Bucket cors status');
    assert.deepStrictEqual(got.CORSRules.map((r) => r.AllowedOrigins), [['https://*.example.com'], ['http://a.test', 'http://b.test']], 'AllowedOrigins');
    assert.deepStrictEqual(got.CORSRules.map((r) => r.AllowedMethods), [['GET', 'PUT'], ['HEAD']], 'AllowedMethods');
    assert.strictEqual(got.CORSRules[0].ID, 'web', 'ID');
    assert.strictEqual(got.CORSRules[0].MaxAgeSeconds, '600', 'MaxAgeSeconds');
    assert.deepStrictEqual(got.CORSRules[0].ExposeHeaders, ['ETag'], 'ExposeHeaders');

    // optionsObject: a signed preflight, answered from those rules; a refused one is 403, which the SDK reports as OptionsForbidden.
    const k = key('cors/options.txt');
    const allowed = await cos.optionsObject({ ...base(), Key: k, Origin: 'https://app.example.com', AccessControlRequestMethod: 'PUT', AccessControlRequestHeaders: 'content-type' });
    assert.strictEqual(allowed.statusCode, 200, 'OPTIONS Object status');
    assert.strictEqual(allowed.AccessControlAllowOrigin, 'https://app.example.com', 'AccessControlAllowOrigin');
    assert.strictEqual(allowed.AccessControlAllowMethods, 'GET,PUT', 'AccessControlAllowMethods');
    assert.strictEqual(allowed.AccessControlAllowHeaders, 'content-type', 'AccessControlAllowHeaders');
    assert.strictEqual(allowed.AccessControlExposeHeaders, 'ETag', 'AccessControlExposeHeaders');
    assert.strictEqual(allowed.AccessControlMaxAge, '600', 'AccessControlMaxAge');
    const refused = await cos.optionsObject({ ...base(), Key: k, Origin: 'https://evil.example.org', AccessControlRequestMethod: 'GET' });
    assert.strictEqual(refused.OptionsForbidden, true, 'OptionsForbidden for an origin no rule allows');

    const del = await cos.deleteBucketCors(base());
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket cors status');
    // The SDK turns 404 NoSuchCORSConfiguration into an empty list.
    const empty = await cos.getBucketCors(base());
    assert.deepStrictEqual(empty.CORSRules, [], 'CORSRules after DELETE');
    return { rules: got.CORSRules.length };
  },

  async putBucketVersioning() {
    const b = await freshBucket('nodevers');
    // A bucket that never had versioning answers an empty root, which the SDK gives as {}.
    const never = await cos.getBucketVersioning(b);
    assert.strictEqual(never.statusCode, 200, 'GET Bucket versioning status');
    assert.deepStrictEqual(never.VersioningConfiguration, {}, 'VersioningConfiguration of a never-versioned bucket');
    const put = await cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Enabled' } });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket versioning status');
    const enabled = await cos.getBucketVersioning(b);
    assert.strictEqual(enabled.VersioningConfiguration.Status, 'Enabled', 'Status after Enabled');
    await cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Suspended' } });
    const suspended = await cos.getBucketVersioning(b);
    assert.strictEqual(suspended.VersioningConfiguration.Status, 'Suspended', 'Status after Suspended');
    return { status: suspended.VersioningConfiguration.Status };
  },

  async listObjectVersions() {
    const b = await freshBucket('nodeverlist');
    await cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Enabled' } });
    const k = 'v/file one.txt';
    const one = await cos.putObject({ ...b, Key: k, Body: Buffer.from('one') });
    assert.ok(one.VersionId, 'PUT Object answers x-cos-version-id on an enabled bucket');
    const two = await cos.putObject({ ...b, Key: k, Body: Buffer.from('two') });
    assert.ok(two.VersionId && two.VersionId !== one.VersionId, 'a second PUT gets a new version id');
    const old = await cos.getObject({ ...b, Key: k, VersionId: one.VersionId });
    assert.strictEqual(old.Body.toString(), 'one', 'GET by VersionId reads the old version');
    const head = await cos.headObject({ ...b, Key: k });
    assert.strictEqual(head.VersionId, two.VersionId, 'HEAD reports the current version id');

    const del = await cos.deleteObject({ ...b, Key: k });
    assert.strictEqual(del.DeleteMarker, 'true', 'a DELETE without VersionId leaves a delete marker');
    assert.ok(del.VersionId, 'the delete marker has a version id');
    await assert.rejects(cos.getObject({ ...b, Key: k }), (e) => e.statusCode === 404, 'the key reads as missing behind its delete marker');

    const list = await cos.listObjectVersions({ ...b, Prefix: 'v/' });
    assert.deepStrictEqual(list.Versions.map((v) => [v.Key, v.VersionId, v.IsLatest]), [[k, two.VersionId, 'false'], [k, one.VersionId, 'false']], 'Versions, newest first');
    assert.deepStrictEqual(list.DeleteMarkers.map((m) => [m.Key, m.VersionId, m.IsLatest]), [[k, del.VersionId, 'true']], 'DeleteMarkers');

    // Page by the marker pair, one entry a page.
    const seen = [];
    let KeyMarker, VersionIdMarker;
    for (let pages = 0; ; pages++) {
      assert.ok(pages < 10, 'paging ends');
      const page = await cos.listObjectVersions({ ...b, MaxKeys: 1, KeyMarker, VersionIdMarker });
      for (const e of [...page.DeleteMarkers, ...page.Versions]) seen.push(e.VersionId);
      if (page.IsTruncated !== 'true') break;
      KeyMarker = page.NextKeyMarker;
      VersionIdMarker = page.NextVersionIdMarker;
    }
    assert.deepStrictEqual(seen, [del.VersionId, two.VersionId, one.VersionId], 'the pages hold every entry once, in order');

    // Deleting the marker by id brings the key back; deleting a version by id removes it for good.
    const undelete = await cos.deleteObject({ ...b, Key: k, VersionId: del.VersionId });
    assert.strictEqual(undelete.VersionId, del.VersionId, 'the deleted version id');
    assert.strictEqual((await cos.getObject({ ...b, Key: k })).Body.toString(), 'two', 'the key is back');
    await cos.deleteObject({ ...b, Key: k, VersionId: two.VersionId });
    assert.strictEqual((await cos.getObject({ ...b, Key: k })).Body.toString(), 'one', 'the older version is current again');
    return { versions: seen.length };
  },

  async putBucketInventory() {
    // A bucket of its own, so the listing holds only this scenario's jobs.
    const appId = (cfg.bucket.match(/-(\d+)$/) || [null, '1250000000'])[1];
    const bucket = { Bucket: `nodeinv${crypto.randomBytes(3).toString('hex')}-${appId}`, Region: cfg.region };
    await cos.putBucket(bucket);
    const configuration = (id) => ({
      Id: id,
      IsEnabled: 'true',
      Destination: {
        COSBucketDestination: {
          Format: 'CSV',
          AccountId: '100000000001',
          Bucket: `qcs::cos:${cfg.region}::${bucket.Bucket}`,
          Prefix: 'cos_bucket_inventory',
          Encryption: { SSECOS: '' },
        },
      },
      Schedule: { Frequency: 'Daily' },
      Filter: { And: { Prefix: 'myPrefix', Tag: [{ Key: 'age', Value: '18' }] } },
      IncludedObjectVersions: 'All',
      OptionalFields: ['Size', 'ETag', 'x-cos-meta-*'],
    });
    const put = await cos.putBucketInventory({ ...bucket, Id: 'list1', InventoryConfiguration: configuration('list1') });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket inventory status');
    await cos.putBucketInventory({ ...bucket, Id: 'list2', InventoryConfiguration: configuration('list2') });
    const got = await cos.getBucketInventory({ ...bucket, Id: 'list1' });
    assert.strictEqual(got.statusCode, 200, 'GET Bucket inventory status');
    const inventory = got.InventoryConfiguration;
    assert.strictEqual(inventory.Id, 'list1', 'Id');
    assert.strictEqual(inventory.IsEnabled, 'true', 'IsEnabled');
    const destination = inventory.Destination.COSBucketDestination;
    assert.strictEqual(destination.Bucket, `qcs::cos:${cfg.region}::${bucket.Bucket}`, 'destination Bucket');
    assert.strictEqual(destination.Format, 'CSV', 'Format');
    assert.ok(Object.prototype.hasOwnProperty.call(destination.Encryption, 'SSECOS'), 'SSE-COS comes back (as SSECOS)');
    assert.strictEqual(inventory.Schedule.Frequency, 'Daily', 'Frequency');
    assert.deepStrictEqual(inventory.Filter.And.Tag, { Key: 'age', Value: '18' }, 'filter tag');
    assert.deepStrictEqual(inventory.OptionalFields, ['Size', 'ETag', 'x-cos-meta-*'], 'OptionalFields');
    const list = await cos.listBucketInventory(bucket);
    assert.strictEqual(list.statusCode, 200, 'List Bucket inventory status');
    assert.deepStrictEqual(list.InventoryConfigurations.map((c) => c.Id), ['list1', 'list2'], 'listed ids');
    assert.strictEqual(list.IsTruncated, 'false', 'IsTruncated');
    const del = await cos.deleteBucketInventory({ ...bucket, Id: 'list1' });
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket inventory status');
    const gone = await failure(cos.getBucketInventory({ ...bucket, Id: 'list1' }), 'GET of a deleted inventory job');
    assert.strictEqual(gone.statusCode, 404, 'status after DELETE');
    assert.strictEqual(gone.code, 'NoSuchInventoryConfiguration', 'error code after DELETE');
    const left = await cos.listBucketInventory(bucket);
    assert.deepStrictEqual(left.InventoryConfigurations.map((c) => c.Id), ['list2'], 'listed ids after DELETE');
    return { listed: list.InventoryConfigurations.length };
  },

  async putBucketReplication() {
    // Two buckets of their own with versioning Enabled, as COS requires of both ends.
    const appId = (cfg.bucket.match(/-(\d+)$/) || [null, '1250000000'])[1];
    const suffix = crypto.randomBytes(3).toString('hex');
    const source = { Bucket: `nodereplsrc${suffix}-${appId}`, Region: cfg.region };
    const destination = { Bucket: `noderepldst${suffix}-${appId}`, Region: cfg.region };
    for (const bucket of [source, destination]) {
      await cos.putBucket(bucket);
      await cos.putBucketVersioning({ ...bucket, VersioningConfiguration: { Status: 'Enabled' } });
    }
    const none = await cos.getBucketReplication(source);
    assert.deepStrictEqual(none.ReplicationConfiguration, { Rules: [] }, 'the SDK turns 404 ReplicationConfigurationnotFoundError into no rules');
    const rules = [
      { ID: 'logs', Status: 'Enabled', Prefix: 'logs/', Destination: { Bucket: `qcs::cos:${cfg.region}::${destination.Bucket}`, StorageClass: 'STANDARD_IA' } },
      { ID: 'images', Status: 'Disabled', Prefix: 'images/', Destination: { Bucket: `qcs::cos:${cfg.region}::${destination.Bucket}` } },
    ];
    const put = await cos.putBucketReplication({ ...source, ReplicationConfiguration: { Role: 'qcs::cam::uin/100000000001:uin/100000000001', Rules: rules } });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket replication status');
    const got = await cos.getBucketReplication(source);
    assert.strictEqual(got.statusCode, 200, 'GET Bucket replication status');
    assert.strictEqual(got.ReplicationConfiguration.Role, 'qcs::cam::uin/100000000001:uin/100000000001', 'Role');
    assert.deepStrictEqual(got.ReplicationConfiguration.Rules, rules, 'Rules');
    const del = await cos.deleteBucketReplication(source);
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket replication status');
    const after = await cos.getBucketReplication(source);
    assert.deepStrictEqual(after.ReplicationConfiguration.Rules, [], 'Rules after DELETE');
    return { rules: got.ReplicationConfiguration.Rules.length };
  },

  async putBucketLifecycle() {
    // The SDK sends Rules as <Rule> elements (with Content-MD5, which COS requires) and gives them back as Rules[].
    const rules = [
      { ID: 'archive-logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Transition: [{ Days: 30, StorageClass: 'STANDARD_IA' }, { Days: 180, StorageClass: 'ARCHIVE' }], Expiration: { Days: 365 } },
      { ID: 'uploads', Status: 'Disabled', Filter: { And: { Prefix: 'tmp/', Tag: [{ Key: 'type', Value: 'temp' }] } }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
    ];
    const none = await cos.getBucketLifecycle(base());
    assert.deepStrictEqual(none.Rules, [], 'Rules before PUT (404 NoSuchLifecycleConfiguration, which the SDK makes empty)');
    const put = await cos.putBucketLifecycle({ ...base(), Rules: rules });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket lifecycle status');
    const got = await cos.getBucketLifecycle(base());
    assert.strictEqual(got.statusCode, 200, 'GET Bucket lifecycle status');
    assert.deepStrictEqual(got.Rules.map((r) => [r.ID, r.Status]), [['archive-logs', 'Enabled'], ['uploads', 'Disabled']], 'IDs and Status');
    assert.strictEqual(got.Rules[0].Filter.Prefix, 'logs/', 'Filter Prefix');
    assert.deepStrictEqual(got.Rules[0].Transition, [{ Days: '30', StorageClass: 'STANDARD_IA' }, { Days: '180', StorageClass: 'ARCHIVE' }], 'Transitions');
    assert.strictEqual(got.Rules[0].Expiration.Days, '365', 'Expiration Days');
    assert.deepStrictEqual(got.Rules[1].Filter.And, { Prefix: 'tmp/', Tag: { Key: 'type', Value: 'temp' } }, 'Filter And');
    assert.strictEqual(got.Rules[1].AbortIncompleteMultipartUpload.DaysAfterInitiation, '7', 'DaysAfterInitiation');
    const both = await failure(
      cos.putBucketLifecycle({ ...base(), Rules: [{ ID: 'both', Status: 'Enabled', Filter: {}, Transition: { Days: 30, StorageClass: 'ARCHIVE' }, Expiration: { Date: '2030-01-01T00:00:00+08:00' } }] }),
      'a rule with Days and Date'
    );
    assert.strictEqual(both.statusCode, 400, 'Days and Date status');
    const del = await cos.deleteBucketLifecycle(base());
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket lifecycle status');
    const empty = await cos.getBucketLifecycle(base());
    assert.deepStrictEqual(empty.Rules, [], 'Rules after DELETE');
    return { rules: got.Rules.length };
  },

  async putBucketDomain() {
    const rules = [
      { Status: 'ENABLED', Name: 'www.example.com', Type: 'REST' },
      { Status: 'DISABLED', Name: 'static.example.com', Type: 'WEBSITE', ForcedReplacement: 'CNAME' },
    ];
    const none = await failure(cos.getBucketDomain(base()), 'GET Bucket domain before PUT');
    assert.strictEqual(none.statusCode, 404, 'no domain status');
    const put = await cos.putBucketDomain({ ...base(), DomainRule: rules });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket domain status');
    const got = await cos.getBucketDomain(base());
    assert.strictEqual(got.statusCode, 200, 'GET Bucket domain status');
    assert.deepStrictEqual(got.DomainRule, rules, 'DomainRule');
    const del = await cos.deleteBucketDomain(base());
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket domain status');
    const gone = await failure(cos.getBucketDomain(base()), 'GET Bucket domain after DELETE');
    assert.strictEqual(gone.statusCode, 404, 'deleted domain status');
    return { domains: got.DomainRule.length, code: gone.code };
  },

  async putBucketOrigin() {
    const rule = {
      RulePriority: 1,
      OriginType: 'Mirror',
      OriginCondition: { HTTPStatusCode: 404, Prefix: 'images/' },
      OriginParameter: {
        Protocol: 'HTTPS',
        FollowQueryString: true,
        HttpHeader: { NewHttpHeaders: { Header: [{ Key: 'x-cos-meta-from', Value: 'origin' }] } },
        FollowRedirection: true,
      },
      OriginInfo: { HostInfo: { HostName: 'origin.example.com' } },
    };
    const put = await cos.putBucketOrigin({ ...base(), OriginRule: [rule] });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket origin status');
    const got = await cos.getBucketOrigin(base());
    assert.strictEqual(got.statusCode, 200, 'GET Bucket origin status');
    assert.strictEqual(got.OriginRule.length, 1, 'one rule');
    const back = got.OriginRule[0];
    assert.strictEqual(back.RulePriority, '1', 'RulePriority');
    assert.strictEqual(back.OriginType, 'Mirror', 'OriginType');
    assert.deepStrictEqual(back.OriginCondition, { HTTPStatusCode: '404', Prefix: 'images/' }, 'OriginCondition');
    assert.strictEqual(back.OriginParameter.Protocol, 'HTTPS', 'Protocol');
    assert.strictEqual(back.OriginParameter.FollowQueryString, 'true', 'FollowQueryString');
    assert.deepStrictEqual(back.OriginParameter.HttpHeader.NewHttpHeaders.Header, { Key: 'x-cos-meta-from', Value: 'origin' }, 'NewHttpHeaders');
    assert.strictEqual(back.OriginInfo.HostInfo.HostName, 'origin.example.com', 'HostName');
    const del = await cos.deleteBucketOrigin(base());
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket origin status');
    const gone = await failure(cos.getBucketOrigin(base()), 'GET Bucket origin after DELETE');
    assert.strictEqual(gone.statusCode, 404, 'deleted origin status');
    return { host: back.OriginInfo.HostInfo.HostName, code: gone.code };
  },

  async putBucketAccelerate() {
    // A bucket that never had acceleration answers an empty root, which the SDK gives as {}.
    const never = await cos.getBucketAccelerate(base());
    assert.strictEqual(never.statusCode, 200, 'GET Bucket accelerate status');
    assert.deepStrictEqual(never.AccelerateConfiguration, {}, 'AccelerateConfiguration of a never-accelerated bucket');
    const put = await cos.putBucketAccelerate({ ...base(), AccelerateConfiguration: { Status: 'Enabled', Type: 'COS' } });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket accelerate status');
    const enabled = await cos.getBucketAccelerate(base());
    assert.deepStrictEqual(enabled.AccelerateConfiguration, { Status: 'Enabled', Type: 'COS' }, 'after Enabled');
    await cos.putBucketAccelerate({ ...base(), AccelerateConfiguration: { Status: 'Suspended' } });
    const suspended = await cos.getBucketAccelerate(base());
    assert.strictEqual(suspended.AccelerateConfiguration.Status, 'Suspended', 'Status after Suspended');
    return { status: suspended.AccelerateConfiguration.Status };
  },

  async putBucketLogging() {
    const off = await cos.getBucketLogging(base());
    assert.strictEqual(off.statusCode, 200, 'GET Bucket logging status');
    assert.ok(!(off.BucketLoggingStatus && off.BucketLoggingStatus.LoggingEnabled), 'no LoggingEnabled before PUT');
    // COS allows the source bucket itself as the target (not recommended).
    const target = { TargetBucket: cfg.bucket, TargetPrefix: 'logs/' };
    const put = await cos.putBucketLogging({ ...base(), BucketLoggingStatus: { LoggingEnabled: target } });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket logging status');
    const on = await cos.getBucketLogging(base());
    assert.deepStrictEqual(on.BucketLoggingStatus.LoggingEnabled, target, 'LoggingEnabled');
    // Without BucketLoggingStatus the SDK sends the empty root, which turns logging off.
    const disable = await cos.putBucketLogging(base());
    assert.strictEqual(disable.statusCode, 200, 'PUT Bucket logging (off) status');
    const offAgain = await cos.getBucketLogging(base());
    assert.ok(!(offAgain.BucketLoggingStatus && offAgain.BucketLoggingStatus.LoggingEnabled), 'no LoggingEnabled after the empty root');
    const appId = (cfg.bucket.match(/-(\d+)$/) || [null, '1250000000'])[1];
    const missing = await failure(
      cos.putBucketLogging({ ...base(), BucketLoggingStatus: { LoggingEnabled: { TargetBucket: `nosuchlogs-${appId}` } } }),
      'logging to a missing bucket'
    );
    assert.strictEqual(missing.statusCode, 400, 'missing target status');
    return { target: on.BucketLoggingStatus.LoggingEnabled.TargetBucket, code: missing.code };
  },

  async bucketBasics() {
    const b = await freshBucket('nodebasics');
    const service = await cos.getService({ Region: cfg.region });
    assert.ok(service.Buckets.some((x) => x.Name === b.Bucket), 'GET Service lists the new bucket');
    const location = await cos.getBucketLocation(b);
    assert.strictEqual(location.LocationConstraint, cfg.region, 'LocationConstraint');
    const del = await cos.deleteBucket(b);
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket status');
    const gone = await failure(cos.headBucket(b), 'HEAD of a deleted bucket');
    assert.strictEqual(gone.statusCode, 404, 'deleted bucket status');
    return { bucket: b.Bucket };
  },

  async bucketAcl() {
    const b = await freshBucket('nodebacl');
    await cos.putObject({ ...b, Key: 'pub.txt', Body: Buffer.from('public') });
    const before = await plainGet(`http://${b.Bucket}.cos.${cfg.region}.myqcloud.com/pub.txt`);
    assert.strictEqual(before.status, 403, 'an unsigned GET in a private bucket');
    const put = await cos.putBucketAcl({ ...b, ACL: 'public-read', GrantFullControl: 'id="100000000012"' });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket acl status');
    const got = await cos.getBucketAcl(b);
    assert.strictEqual(got.ACL, 'public-read', 'decoded as public-read');
    assert.strictEqual(got.GrantFullControl, 'id="qcs::cam::uin/100000000012:uin/100000000012"', 'the FULL_CONTROL grant (the SDK joins them)');
    const after = await plainGet(`http://${b.Bucket}.cos.${cfg.region}.myqcloud.com/pub.txt`);
    assert.strictEqual(after.status, 200, 'an unsigned GET in a public-read bucket');
    assert.strictEqual(after.body.toString(), 'public', 'the object');
    return { acl: got.ACL };
  },

  async putBucketPolicy() {
    const b = await freshBucket('nodepolicy');
    const appId = b.Bucket.match(/-(\d+)$/)[1];
    const Policy = {
      version: '2.0',
      Statement: [
        {
          Principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000011'] },
          Effect: 'allow',
          Action: ['name/cos:GetObject'],
          Resource: [`qcs::cos:${cfg.region}:uid/${appId}:${b.Bucket}/*`],
          Condition: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } },
        },
      ],
    };
    const put = await cos.putBucketPolicy({ ...b, Policy });
    assert.strictEqual(put.statusCode, 204, 'PUT Bucket policy status');
    const got = await cos.getBucketPolicy(b);
    assert.deepStrictEqual(got.Policy.Statement[0].Action, ['name/cos:GetObject'], 'Action');
    assert.deepStrictEqual(got.Policy.Statement[0].Condition, Policy.Statement[0].Condition, 'Condition, free-form JSON');
    const del = await cos.deleteBucketPolicy(b);
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket policy status');
    const none = await failure(cos.getBucketPolicy(b), 'GET Bucket policy after DELETE');
    assert.strictEqual(none.statusCode, 404, 'no policy status');
    return { statements: got.Policy.Statement.length };
  },

  async putBucketTagging() {
    const b = await freshBucket('nodetags');
    const Tags = [{ Key: 'team', Value: 'storage' }, { Key: 'cost center', Value: 'a&b' }];
    const put = await cos.putBucketTagging({ ...b, Tags });
    assert.strictEqual(put.statusCode, 204, 'PUT Bucket tagging status');
    const got = await cos.getBucketTagging(b);
    assert.deepStrictEqual(got.Tags, Tags, 'Tags');
    const tooMany = await failure(cos.putBucketTagging({ ...b, Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }), '51 bucket tags');
    assert.strictEqual(tooMany.code, 'InvalidTag', '51 bucket tags code');
    const del = await cos.deleteBucketTagging(b);
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket tagging status');
    const empty = await cos.getBucketTagging(b);
    assert.deepStrictEqual(empty.Tags, [], 'Tags after DELETE (the SDK turns NoSuchTagSet into [])');
    return { tags: got.Tags.length };
  },

  async objectTagging() {
    const k = key('tags/object.txt');
    await cos.putObject({ ...base(), Key: k, Body: Buffer.from('tagged'), Headers: { 'x-cos-tagging': 'origin=upload&note=two%20words' } });
    const fromHeader = await cos.getObjectTagging({ ...base(), Key: k });
    assert.deepStrictEqual(fromHeader.Tags, [{ Key: 'origin', Value: 'upload' }, { Key: 'note', Value: 'two words' }], 'tags from x-cos-tagging');
    const head = await cos.headObject({ ...base(), Key: k });
    assert.strictEqual(head.headers['x-cos-tagging-count'], '2', 'x-cos-tagging-count');
    const Tags = [{ Key: 'stage', Value: 'final' }];
    const put = await cos.putObjectTagging({ ...base(), Key: k, Tags });
    assert.strictEqual(put.statusCode, 200, 'PUT Object tagging status');
    assert.deepStrictEqual((await cos.getObjectTagging({ ...base(), Key: k })).Tags, Tags, 'Tags replaced');
    const tooMany = await failure(cos.putObjectTagging({ ...base(), Key: k, Tags: Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }), '11 object tags');
    assert.strictEqual(tooMany.code, 'InvalidTag', '11 object tags code');
    const del = await cos.deleteObjectTagging({ ...base(), Key: k });
    assert.strictEqual(del.statusCode, 204, 'DELETE Object tagging status');
    assert.deepStrictEqual((await cos.getObjectTagging({ ...base(), Key: k })).Tags, [], 'Tags after DELETE');
    return { tags: Tags.length };
  },

  async putBucketReferer() {
    const b = await freshBucket('nodereferer');
    const RefererConfiguration = { Status: 'Enabled', RefererType: 'White-List', DomainList: { Domains: ['*.example.com', 'www.example.org'] }, EmptyReferConfiguration: 'Deny' };
    const put = await cos.putBucketReferer({ ...b, RefererConfiguration });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket referer status');
    const got = await cos.getBucketReferer(b);
    assert.strictEqual(got.RefererConfiguration.RefererType, 'White-List', 'RefererType');
    assert.deepStrictEqual(got.RefererConfiguration.DomainList.Domains, ['*.example.com', 'www.example.org'], 'Domains');
    assert.strictEqual(got.RefererConfiguration.EmptyReferConfiguration, 'Deny', 'EmptyReferConfiguration');
    return { domains: got.RefererConfiguration.DomainList.Domains.length };
  },

  async putBucketEncryption() {
    const b = await freshBucket('nodeenc');
    const put = await cos.putBucketEncryption({ ...b, ServerSideEncryptionConfiguration: { Rule: [{ ApplySideEncryptionConfiguration: { SSEAlgorithm: 'AES256' } }] } });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket encryption status');
    const got = await cos.getBucketEncryption(b);
    assert.strictEqual(got.statusCode, 200, 'GET Bucket encryption status');
    // The bucket's default encryption reaches its objects.
    const obj = await cos.putObject({ ...b, Key: 'enc.txt', Body: Buffer.from('secret') });
    assert.strictEqual(obj.headers['x-cos-server-side-encryption'], 'AES256', 'PUT Object echoes the default encryption');
    const head = await cos.headObject({ ...b, Key: 'enc.txt' });
    assert.strictEqual(head.headers['x-cos-server-side-encryption'], 'AES256', 'HEAD Object reports it');
    const del = await cos.deleteBucketEncryption(b);
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket encryption status');
    const plain = await cos.putObject({ ...b, Key: 'plain.txt', Body: Buffer.from('plain') });
    assert.strictEqual(plain.headers['x-cos-server-side-encryption'], undefined, 'no default after DELETE');
    return { algorithm: head.headers['x-cos-server-side-encryption'] };
  },

  async putBucketWebsite() {
    const b = await freshBucket('nodesite');
    const WebsiteConfiguration = {
      IndexDocument: { Suffix: 'index.html' },
      ErrorDocument: { Key: 'error.html' },
      RoutingRules: [{ Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { Protocol: 'https', ReplaceKeyPrefixWith: 'documents/' } }],
    };
    const put = await cos.putBucketWebsite({ ...b, WebsiteConfiguration });
    assert.strictEqual(put.statusCode, 200, 'PUT Bucket website status');
    const got = await cos.getBucketWebsite(b);
    assert.strictEqual(got.WebsiteConfiguration.IndexDocument.Suffix, 'index.html', 'IndexDocument');
    assert.strictEqual(got.WebsiteConfiguration.ErrorDocument.Key, 'error.html', 'ErrorDocument');
    assert.deepStrictEqual(got.WebsiteConfiguration.RoutingRules[0].Redirect.ReplaceKeyPrefixWith, 'documents/', 'RoutingRules');
    const del = await cos.deleteBucketWebsite(b);
    assert.strictEqual(del.statusCode, 204, 'DELETE Bucket website status');
    const empty = await cos.getBucketWebsite(b);
    assert.deepStrictEqual(empty.WebsiteConfiguration, {}, 'the SDK turns NoSuchWebsiteConfiguration into {}');
    return { suffix: got.WebsiteConfiguration.IndexDocument.Suffix };
  },

  async multipartLowLevel() {
    const k = key('multipart/low level.bin');
    const data = crypto.randomBytes(MiB + 100);
    const init = await cos.multipartInit({ ...base(), Key: k, Headers: { 'x-cos-tagging': 'via=multipart' } });
    assert.ok(init.UploadId, 'UploadId');
    const listed = await cos.multipartList({ ...base(), Prefix: key('multipart/') });
    assert.ok(listed.Upload.some((u) => u.UploadId === init.UploadId), 'multipartList shows the upload');
    const p1 = await cos.multipartUpload({ ...base(), Key: k, UploadId: init.UploadId, PartNumber: 1, Body: data.subarray(0, MiB) });
    // Part 2 is copied from an object with uploadPartCopy.
    const src = key('multipart/source.bin');
    await cos.putObject({ ...base(), Key: src, Body: data.subarray(MiB) });
    const p2 = await cos.uploadPartCopy({
      ...base(), Key: k, UploadId: init.UploadId, PartNumber: 2,
      CopySource: `${cfg.bucket}.cos.${cfg.region}.myqcloud.com/${encodeKey(src)}`,
    });
    const parts = await cos.multipartListPart({ ...base(), Key: k, UploadId: init.UploadId });
    assert.deepStrictEqual(parts.Part.map((p) => p.PartNumber), ['1', '2'], 'multipartListPart');
    const done = await cos.multipartComplete({
      ...base(), Key: k, UploadId: init.UploadId,
      Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }],
    });
    assert.strictEqual(done.statusCode, 200, 'multipartComplete status');
    assertSameBytes(await getBytes(k), data, 'the completed object');
    assert.deepStrictEqual((await cos.getObjectTagging({ ...base(), Key: k })).Tags, [{ Key: 'via', Value: 'multipart' }], 'tags given at initiate');
    const abandoned = await cos.multipartInit({ ...base(), Key: key('multipart/abandoned.bin') });
    const abort = await cos.multipartAbort({ ...base(), Key: key('multipart/abandoned.bin'), UploadId: abandoned.UploadId });
    assert.strictEqual(abort.statusCode, 204, 'multipartAbort status');
    const again = await failure(cos.multipartAbort({ ...base(), Key: key('multipart/abandoned.bin'), UploadId: abandoned.UploadId }), 'a second abort');
    assert.strictEqual(again.statusCode, 404, 'a second abort status');
    return { parts: parts.Part.length };
  },

  // SELECT Object Content: the SDK parses the emulator's event stream (Records into Payload, Stats) and turns a
  // bad expression's 400 into an error. Delimiters are written as the SDK's own examples write them ('\\n').
  async selectObjectContent() {
    const k = key('select/people.csv');
    const csv = 'name,age\nzhang,30\nli,25\nwang,41\n';
    await cos.putObject({ ...base(), Key: k, Body: Buffer.from(csv) });
    const select = (Expression, OutputSerialization) =>
      cos.selectObjectContent({
        ...base(),
        Key: k,
        SelectType: 2,
        SelectRequest: {
          Expression,
          ExpressionType: 'SQL',
          InputSerialization: {
            CompressionType: 'NONE',
            CSV: { FileHeaderInfo: 'USE', RecordDelimiter: '\\n', FieldDelimiter: ',', QuoteCharacter: '"', QuoteEscapeCharacter: '"', Comments: '#', AllowQuotedRecordDelimiter: 'FALSE' },
          },
          OutputSerialization,
          RequestProgress: { Enabled: 'FALSE' },
        },
      });

    const asCsv = await select("SELECT s.name, s.age FROM COSObject s WHERE CAST(s.age AS INT) > 28", {
      CSV: { QuoteFields: 'ASNEEDED', RecordDelimiter: '\\n', FieldDelimiter: ',', QuoteCharacter: '"', QuoteEscapeCharacter: '"' },
    });
    assert.strictEqual(asCsv.statusCode, 200, 'select status');
    assert.strictEqual(asCsv.Payload.toString(), 'zhang,30\nwang,41\n', 'CSV records');
    assert.deepStrictEqual(asCsv.Stats, { BytesScanned: String(csv.length), BytesProcessed: String(csv.length), BytesReturned: '17' }, 'Stats');

    const asJson = await select("SELECT s.name FROM COSObject s WHERE s.name = 'li' OR s.name = 'wang' LIMIT 1", { JSON: { RecordDelimiter: '\\n' } });
    assert.strictEqual(asJson.Payload.toString(), '{"name":"li"}\n', 'JSON records');

    const bad = await failure(select('SELECT * FROM COSObject WHERE', { CSV: {} }), 'a malformed expression');
    assert.strictEqual(bad.statusCode, 400, 'malformed expression status');
    assert.strictEqual(bad.code, 'ParseUnexpectedToken', 'malformed expression code');
    return { csv: asCsv.Payload.toString(), json: asJson.Payload.toString(), stats: asCsv.Stats, code: bad.code };
  },
};

function describe(err) {
  if (!err || typeof err !== 'object') return { message: String(err) };
  const out = { message: err.message };
  for (const f of ['code', 'statusCode', 'RequestId', 'method', 'url']) if (err[f] !== undefined) out[f] = err[f];
  if (err.error && typeof err.error === 'object') out.error = err.error;
  if (err instanceof assert.AssertionError) {
    out.actual = err.actual;
    out.expected = err.expected;
  }
  if (err.stack) out.stack = err.stack.split('\n').slice(0, 6).join('\n');
  return out;
}

function print(result) {
  let line = JSON.stringify(result);
  if (cfg && cfg.secretKey) line = line.split(cfg.secretKey).join('***');
  process.stdout.write(line + '\n');
}

async function main() {
  const name = process.argv[2];
  if (name === '--list') {
    process.stdout.write(Object.keys(scenarios).join('\n') + '\n');
    return 0;
  }
  if (!name || !Object.prototype.hasOwnProperty.call(scenarios, name)) {
    print({ scenario: name || null, ok: false, error: { message: `unknown scenario; one of: ${Object.keys(scenarios).join(', ')}` } });
    return 1;
  }
  const started = Date.now();
  try {
    cfg = config();
    cos = client();
    const details = await scenarios[name]();
    print({ scenario: name, ok: true, ms: Date.now() - started, details });
    return 0;
  } catch (err) {
    print({ scenario: name, ok: false, ms: Date.now() - started, error: describe(err) });
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    print({ scenario: process.argv[2] || null, ok: false, error: describe(err) });
    process.exit(1);
  }
);

/* global COS */
// Runs in the page: cos-js-sdk-v5 with getAuthorization exactly as its documentation shows, against the sample
// backend (samples/Cos.AuthBackend) and the COS emulator. Parameters come from the query string:
//   backend   the backend's origin (http://127.0.0.1:PORT)
//   cosPort   the emulator's port; the SDK reaches it as {Bucket}.cos.{Region}.localhost:PORT (Chromium resolves
//             *.localhost to loopback), so the signed Host is a COS-like virtual host
//   bucket, region, prefix (the backend's allowed key prefix), mode (format1-scope | format1 | format2)
// window.runProof() resolves to one result object; run.mjs prints it as JSON.
'use strict';

var params = new URLSearchParams(location.search);
var config = {
  backend: params.get('backend'),
  cosPort: params.get('cosPort'),
  Bucket: params.get('bucket'),
  Region: params.get('region'),
  prefix: params.get('prefix'),
  mode: params.get('mode'),
};

// Every call the getAuthorization functions make to the backend: { path, status, scope }.
var backendCalls = [];

function log(text) {
  document.getElementById('log').textContent += text + '\n';
  console.log(text);
}

// Format 1, temporary keys for the whole prefix (README "方式二：传入获取临时密钥回调"): GET /sts.
function getAuthorizationTemporaryKey(options, callback) {
  var url = config.backend + '/sts';
  var xhr = new XMLHttpRequest();
  var data = null;
  var credentials = null;
  xhr.open('GET', url, true);
  xhr.onload = function (e) {
    backendCalls.push({ path: 'GET /sts', status: xhr.status });
    try {
      data = JSON.parse(e.target.responseText);
      credentials = data.credentials;
    } catch (e) {
    }
    if (!data || !credentials) {
      console.error('credentials invalid:\n' + JSON.stringify(data, null, 2));
      // Not in the documentation's sample (it stops here and the SDK waits forever): an empty answer makes the
      // SDK fail the request with 'getAuthorization callback params missing "TmpSecretId"'.
      return callback({});
    }
    callback({
      TmpSecretId: credentials.tmpSecretId,
      TmpSecretKey: credentials.tmpSecretKey,
      SecurityToken: credentials.sessionToken,
      // The documentation recommends the server's time as the start, against a skewed browser clock.
      StartTime: data.startTime,
      ExpiredTime: data.expiredTime,
    });
  };
  xhr.send();
}

// Format 1 with ScopeLimit (documentation "方法二（细粒度控制权限）"): POST /sts with options.Scope as JSON; the SDK
// then reuses a key only for requests of the same scope.
function getAuthorizationScoped(options, callback) {
  var url = config.backend + '/sts';
  var xhr = new XMLHttpRequest();
  var data = null;
  var credentials = null;
  xhr.open('POST', url, true);
  xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.onload = function (e) {
    backendCalls.push({ path: 'POST /sts', status: xhr.status, scope: options.Scope });
    try {
      data = JSON.parse(e.target.responseText);
      credentials = data.credentials;
    } catch (e) {
    }
    if (!data || !credentials) {
      console.error('credentials invalid:\n' + JSON.stringify(data, null, 2));
      return callback({});
    }
    callback({
      TmpSecretId: credentials.tmpSecretId,
      TmpSecretKey: credentials.tmpSecretKey,
      SecurityToken: credentials.sessionToken,
      StartTime: data.startTime,
      ExpiredTime: data.expiredTime,
      ScopeLimit: true, // fine-grained permissions: a key is reused only for the same scope
    });
  };
  xhr.send(JSON.stringify(options.Scope));
}

// Format 2, a signature per request (documentation "格式三"): POST /sign {method, pathname, query, headers}.
function getAuthorizationSignature(options, callback) {
  var url = config.backend + '/sign';
  var xhr = new XMLHttpRequest();
  var data = null;
  xhr.open('POST', url, true);
  xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.onload = function (e) {
    backendCalls.push({ path: 'POST /sign', status: xhr.status });
    try {
      data = JSON.parse(e.target.responseText);
    } catch (e) {
    }
    if (!data || !data.authorization) {
      console.error('authorization invalid:\n' + JSON.stringify(data, null, 2));
      return callback({});
    }
    callback({
      Authorization: data.authorization,
      SecurityToken: data.securityToken, // only when the backend signs with a temporary key
    });
  };
  xhr.send(JSON.stringify({
    method: options.Method,
    pathname: options.Pathname,
    query: options.Query,
    headers: options.Headers,
  }));
}

var authorizations = {
  'format1-scope': getAuthorizationScoped,
  'format1': getAuthorizationTemporaryKey,
  'format2': getAuthorizationSignature,
};

// The same deterministic bytes the .NET test regenerates to compare what the emulator stored.
function largeContent(length) {
  var bytes = new Uint8Array(length);
  for (var i = 0; i < length; i++) {
    bytes[i] = (i * 31 + (i >>> 10) * 17) & 255;
  }
  return bytes;
}

async function sha256Hex(buffer) {
  var digest = await crypto.subtle.digest('SHA-256', buffer);
  return Array.from(new Uint8Array(digest), function (b) { return b.toString(16).padStart(2, '0'); }).join('');
}

function errorOf(err) {
  if (!err) return null;
  var inner = err.error || {};
  return {
    statusCode: err.statusCode || null,
    code: inner.Code || err.code || null,
    message: inner.Message || err.message || String(err),
  };
}

window.runProof = async function () {
  var getAuthorization = authorizations[config.mode];
  if (!getAuthorization) throw new Error('unknown mode ' + config.mode);
  var cos = new COS({
    getAuthorization: getAuthorization,
    Domain: '{Bucket}.cos.{Region}.localhost:' + config.cosPort,
    Protocol: 'http:',
    ChunkSize: 1024 * 1024,
  });
  var call = function (method, request) {
    return new Promise(function (resolve) {
      cos[method](Object.assign({ Bucket: config.Bucket, Region: config.Region }, request), function (err, data) {
        resolve({ err: err, data: data });
      });
    });
  };

  var base = config.prefix + config.mode + '/';
  var text = 'hello from cos-js-sdk-v5 in Chromium, ' + config.mode + ' \u2713';
  var large = largeContent(2.5 * 1024 * 1024);
  var largeSha = await sha256Hex(large.buffer);
  var steps = {};

  log('putObject ' + base + 'hello.txt');
  var put = await call('putObject', { Key: base + 'hello.txt', Body: text, ContentType: 'text/plain; charset=utf-8' });
  steps.putObject = { ok: !put.err && put.data.statusCode === 200, etag: put.data && put.data.ETag, error: errorOf(put.err) };

  log('sliceUploadFile ' + base + 'large.bin');
  var parts = new Set();
  var slice = await call('sliceUploadFile', {
    Key: base + 'large.bin',
    Body: new Blob([large], { type: 'application/octet-stream' }),
    ChunkSize: 1024 * 1024,
    onProgress: function () {},
  });
  steps.sliceUploadFile = { ok: !slice.err && slice.data.statusCode === 200, etag: slice.data && slice.data.ETag, error: errorOf(slice.err) };

  log('getBucket ' + base);
  var list = await call('getBucket', { Prefix: base });
  steps.getBucket = {
    ok: !list.err && list.data.statusCode === 200,
    keys: list.data ? list.data.Contents.map(function (c) { return c.Key; }).sort() : [],
    error: errorOf(list.err),
  };

  log('getObject ' + base + 'hello.txt');
  var get = await call('getObject', { Key: base + 'hello.txt' });
  steps.getObject = { ok: !get.err && get.data.statusCode === 200, equal: !!get.data && get.data.Body === text, etag: get.data && get.data.ETag, error: errorOf(get.err) };

  log('getObject ' + base + 'large.bin');
  var getLarge = await call('getObject', { Key: base + 'large.bin', DataType: 'arraybuffer' });
  var downloadedSha = getLarge.data ? await sha256Hex(getLarge.data.Body) : null;
  steps.getLargeObject = {
    ok: !getLarge.err && getLarge.data.statusCode === 200,
    length: getLarge.data ? getLarge.data.Body.byteLength : null,
    equal: downloadedSha === largeSha,
    error: errorOf(getLarge.err),
  };

  // Outside the allowed prefix: refused by the backend (scope, signature) or by the emulator (the key's policy).
  var outsideKey = 'outside/' + config.mode + '.txt';
  log('putObject ' + outsideKey + ' (must be refused)');
  var callsBefore = backendCalls.length;
  var denied = await call('putObject', { Key: outsideKey, Body: 'must not be stored' });
  var deniedCalls = backendCalls.slice(callsBefore);
  steps.outsidePrefix = {
    refused: !!denied.err,
    key: outsideKey,
    error: errorOf(denied.err),
    backendStatus: deniedCalls.length ? deniedCalls[deniedCalls.length - 1].status : null,
  };

  return {
    mode: config.mode,
    text: text,
    largeLength: large.length,
    largeSha256: largeSha,
    steps: steps,
    backendCalls: backendCalls.map(function (c) {
      return { path: c.path, status: c.status, actions: c.scope ? c.scope.map(function (s) { return s.action + ' ' + s.prefix; }) : undefined };
    }),
  };
};

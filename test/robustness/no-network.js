/**
 * Preloaded into the CLI by test/robustness/attacks.test.ts (`node --require …`): every way Node can reach the
 * network is replaced by a trap that writes what was tried to $JX_NET_LOG and throws. The CLI must never trip it.
 */
'use strict';
const fs = require('node:fs');

function trap(what) {
  return function denied() {
    fs.appendFileSync(process.env.JX_NET_LOG, `${what}\n`);
    throw new Error(`network access denied: ${what}`);
  };
}

const net = require('node:net');
net.Socket.prototype.connect = trap('net.Socket.connect');
net.connect = net.createConnection = trap('net.connect');
const tls = require('node:tls');
tls.connect = trap('tls.connect');
const dgram = require('node:dgram');
dgram.createSocket = trap('dgram.createSocket');
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[k] = trap(`dns.${k}`);
  dns.promises[k] = trap(`dns.promises.${k}`);
}
for (const mod of ['node:http', 'node:https', 'node:http2']) {
  const m = require(mod);
  for (const k of ['request', 'get', 'connect']) if (typeof m[k] === 'function') m[k] = trap(`${mod}.${k}`);
}
globalThis.fetch = trap('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = trap('WebSocket');

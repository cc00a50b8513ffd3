#!/usr/bin/env node
/**
 * Serves the built web bundle (dist/web) over plain http on 127.0.0.1: the standalone page of 匠选.
 *
 *   node scripts/serve.js            → http://127.0.0.1:3000/taskpane.html
 *   PORT=8080 node scripts/serve.js  (PORT=0 picks a free port; the address is printed either way)
 *   node scripts/serve.js --root DIR (another folder)
 *
 * No dependencies, no prompts, no network beyond the loopback interface; works as root.
 */
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.woff2': 'font/woff2',
};

function parseArgs(argv) {
  const out = { root: path.join(__dirname, '..', 'dist', 'web'), host: process.env.HOST || '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root' && argv[i + 1]) out.root = path.resolve(argv[++i]);
    else if (argv[i] === '--host' && argv[i + 1]) out.host = argv[++i];
  }
  return out;
}

/** Resolves a URL path inside root; undefined when it would escape it. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return full === root || full.startsWith(root + path.sep) ? full : undefined;
}

function createServer(root) {
  return http.createServer((req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed');
    const urlPath = (req.url || '/').split('?')[0].split('#')[0];
    if (urlPath === '/' || urlPath === '') {
      res.writeHead(302, { Location: '/taskpane.html' });
      return res.end();
    }
    const file = resolveInside(root, urlPath);
    if (!file) return send(400, 'Bad Request');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return send(404, 'Not Found');
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      // Hashed bundles never change; pages and samples are revalidated.
      const immutable = /\.[0-9a-f]{8}\.js$/.test(file);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': st.size,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    });
  });
}

function main() {
  const { root, host } = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(root, 'taskpane.html'))) {
    console.error(`找不到 ${path.join(root, 'taskpane.html')}：请先运行 npm run build:web`);
    process.exit(1);
  }
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 3000 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT=${process.env.PORT} 不是有效端口`);
    process.exit(1);
  }
  const server = createServer(root);
  server.on('error', (e) => {
    console.error(e.code === 'EADDRINUSE' ? `端口 ${port} 已被占用：请用 PORT=其他端口 重新运行` : `无法启动：${e.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const addr = server.address();
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    console.log(`匠选已启动：http://${shown}:${addr.port}/taskpane.html`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) main();
module.exports = { createServer, resolveInside };

#!/usr/bin/env node
/**
 * Serves the built web bundle (dist/web) over plain http on 127.0.0.1: the standalone page of 匠选.
 *
 *   node scripts/serve.js            → http://127.0.0.1:3000/taskpane.html
 *   PORT=8080 node scripts/serve.js  (PORT=0 picks a free port; the address is printed either way)
 *   node scripts/serve.js --root DIR (another folder)
 *
 * No dependencies, no prompts, no network beyond the loopback interface; works as root.
 *
 * Text files (the page, scripts, source maps, JSON, SVG, XML) are sent compressed when the browser accepts it:
 * brotli, else gzip (node:zlib). Each file is compressed once and kept in memory until it changes; the page and
 * its scripts are compressed in the background right after start, so the first visit does not wait for it.
 * Images, workbooks and fonts are sent as they are (already compressed).
 */
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

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

/** Types worth compressing; the rest (PNG, ICO, XLSX, WOFF2, unknown) are compressed formats or binary. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.txt', '.svg', '.xml']);
/** Smaller files gain nothing worth a header. */
const MIN_COMPRESS_BYTES = 1024;
/**
 * brotli quality 5 and gzip level 9: a 1.4 MB bundle compresses in a fraction of a second even on a busy machine,
 * within a few per cent of brotli's slowest setting for gzip-sized output (brotli 11 takes seconds per bundle).
 */
const ENCODERS = {
  br: (buf) =>
    promisify(zlib.brotliCompress)(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }),
  gzip: (buf) => promisify(zlib.gzip)(buf, { level: 9 }),
};
/** Bytes of compressed copies kept in memory at most (dist/web holds large source maps and office.js files). */
const CACHE_LIMIT_BYTES = 64 * 1024 * 1024;

function promisify(fn) {
  return (...args) => new Promise((resolve, reject) => fn(...args, (err, out) => (err ? reject(err) : resolve(out))));
}

/**
 * The encoding to send for an Accept-Encoding header: 'br', 'gzip' or undefined (identity). Honours q-values
 * ("br;q=0" refuses brotli) and "*"; brotli first when both are equally welcome.
 */
function chooseEncoding(header) {
  if (!header) return undefined;
  const q = new Map();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name) => (q.has(name) ? q.get(name) : q.has('*') ? q.get('*') : 0);
  const best = ['br', 'gzip'].filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
  return best[0];
}

/** Compressed copies of files, made once per file version (size and modification time) and encoding. */
function compressionCache() {
  const entries = new Map(); // `${encoding}:${file}` → { version, bytes: Promise<Buffer>, size }
  let total = 0;
  return {
    get(file, st, encoding) {
      const key = `${encoding}:${file}`;
      const version = `${st.size}:${st.mtimeMs}`;
      const hit = entries.get(key);
      if (hit && hit.version === version) return hit.bytes;
      if (hit) {
        total -= hit.size;
        entries.delete(key);
      }
      const entry = { version, size: 0, bytes: undefined };
      entry.bytes = fs.promises
        .readFile(file)
        .then((raw) => ENCODERS[encoding](raw))
        .then((out) => {
          entry.size = out.length;
          total += out.length;
          // Oldest first out when over the limit (Map keeps insertion order).
          for (const [k, e] of entries) {
            if (total <= CACHE_LIMIT_BYTES || k === key) break;
            total -= e.size;
            entries.delete(k);
          }
          return out;
        });
      entry.bytes.catch(() => entries.delete(key));
      entries.set(key, entry);
      return entry.bytes;
    },
  };
}

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
  const cache = compressionCache();
  const server = http.createServer((req, res) => {
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
      const ext = path.extname(file).toLowerCase();
      const type = TYPES[ext] || 'application/octet-stream';
      // Hashed bundles never change; pages and samples are revalidated.
      const immutable = /\.[0-9a-f]{8}\.js$/.test(file);
      const headers = {
        'Content-Type': type,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      const compressible = COMPRESSIBLE.has(ext) && st.size >= MIN_COMPRESS_BYTES;
      // Caches must keep the encodings apart for every response that could have been compressed.
      if (compressible) headers.Vary = 'Accept-Encoding';
      const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : undefined;
      if (!encoding) {
        res.writeHead(200, { ...headers, 'Content-Length': st.size });
        if (req.method === 'HEAD') return res.end();
        return fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
      }
      cache.get(file, st, encoding).then(
        (body) => {
          res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
          res.end(req.method === 'HEAD' ? undefined : body);
        },
        () => send(500, 'Internal Server Error'),
      );
    });
  });
  /** Compresses the page and its scripts now (in zlib's worker threads), before the browser asks for them. */
  server.warm = () => {
    let names = [];
    try {
      names = fs.readdirSync(root).filter((f) => /\.(html|js)$/.test(f));
    } catch {
      return;
    }
    for (const f of names) {
      const file = path.join(root, f);
      fs.stat(file, (err, st) => {
        if (err || !st.isFile() || st.size < MIN_COMPRESS_BYTES) return;
        for (const enc of Object.keys(ENCODERS)) cache.get(file, st, enc).catch(() => undefined);
      });
    }
  };
  return server;
}

/** PORT from the environment (3000 when unset; 0 picks a free port); exits with a message when invalid. */
function portFromEnv() {
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 3000 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT=${process.env.PORT} 不是有效端口`);
    process.exit(1);
  }
  return port;
}

/** Serves `root` until SIGINT/SIGTERM, printing the page's address once listening (the tests wait for that line). */
function serve({ root, host, port }) {
  if (!fs.existsSync(path.join(root, 'taskpane.html'))) {
    console.error(`找不到 ${path.join(root, 'taskpane.html')}：请先运行 npm run build:web`);
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
    server.warm();
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return server;
}

function main() {
  const { root, host } = parseArgs(process.argv.slice(2));
  serve({ root, host, port: portFromEnv() });
}

if (require.main === module) main();
module.exports = { createServer, resolveInside, chooseEncoding, parseArgs, portFromEnv, serve };

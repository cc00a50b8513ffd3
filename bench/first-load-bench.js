#!/usr/bin/env node
/**
 * What the standalone page downloads on a first visit (npm run bench:first-load; needs dist/web from
 * npm run build:web and /usr/bin/chromium): serves dist/web with scripts/serve.js on a free port, opens
 * taskpane.html in headless Chromium with an empty cache, waits until the bundled sample has been checked (the
 * first screen), and lists every file fetched with its size as built, as sent (Chromium's Accept-Encoding,
 * serve.js's compression) and gzip -9 / brotli 11 for reference.
 *
 *   node bench/first-load-bench.js [--root dist/web] [--json]
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { createServer } = require('../scripts/serve.js');

const ROOT = path.join(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`.padStart(9);

async function main() {
  const root = path.resolve(arg('--root', path.join(ROOT, 'dist', 'web')));
  if (!fs.existsSync(path.join(root, 'taskpane.html'))) throw new Error(`no ${root}/taskpane.html: run npm run build:web first`);
  const { chromium } = require('playwright-core');
  const server = createServer(root);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-first-load-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  const rows = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    const pending = [];
    page.on('requestfinished', (req) =>
      pending.push(
        (async () => {
          const res = await req.response();
          const sizes = await req.sizes();
          const url = new URL(req.url());
          const file = path.join(root, decodeURIComponent(url.pathname));
          const raw = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : Buffer.alloc(0);
          rows.push({
            file: decodeURIComponent(url.pathname.slice(1)),
            raw: raw.length,
            sent: sizes.responseBodySize,
            encoding: (res && (await res.allHeaders())['content-encoding']) || 'identity',
            gzip9: zlib.gzipSync(raw, { level: 9 }).length,
            br11: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
          });
        })(),
      ),
    );
    const started = Date.now();
    await page.goto(`${origin}/taskpane.html`, { timeout: 180000 });
    await page.waitForFunction(() => {
      const app = document.querySelector('[data-testid="app"]');
      return !!app && app.getAttribute('data-busy') === 'false' && Number(app.getAttribute('data-checks')) > 0;
    }, undefined, { timeout: 120000 });
    const shown = Date.now() - started;
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    rows.sort((a, b) => b.raw - a.raw);
    const sum = (k, f = () => true) => rows.filter(f).reduce((n, r) => n + r[k], 0);
    const js = (r) => r.file.endsWith('.js');
    const totals = {
      files: rows.length,
      raw: sum('raw'),
      sent: sum('sent'),
      gzip9: sum('gzip9'),
      br11: sum('br11'),
      jsRaw: sum('raw', js),
      jsSent: sum('sent', js),
      jsGzip9: sum('gzip9', js),
      jsBr11: sum('br11', js),
      sampleCheckedMs: shown,
    };
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify({ rows, totals }));
    } else {
      console.log(`${'file'.padEnd(42)}${'built'.padStart(9)}${'sent'.padStart(9)}  enc     ${'gzip -9'.padStart(9)}${'br 11'.padStart(9)}`);
      for (const r of rows) console.log(`${r.file.slice(0, 41).padEnd(42)}${kb(r.raw)}${kb(r.sent)}  ${r.encoding.padEnd(8)}${kb(r.gzip9)}${kb(r.br11)}`);
      console.log(`${'all files'.padEnd(42)}${kb(totals.raw)}${kb(totals.sent)}          ${kb(totals.gzip9)}${kb(totals.br11)}`);
      console.log(`${'JavaScript'.padEnd(42)}${kb(totals.jsRaw)}${kb(totals.jsSent)}          ${kb(totals.jsGzip9)}${kb(totals.jsBr11)}`);
      console.log(`sample checked and shown ${shown} ms after navigation (headless Chromium, this machine's load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
      console.log(JSON.stringify(totals));
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

#!/usr/bin/env node
/**
 * How long `npm start` takes until the page is served (npm run bench:start): runs scripts/start.js (what
 * npm start runs) with PORT=0 and measures the time from launch to the moment the page and its bundle answer
 * over HTTP, compressed. Runs, in order:
 *   cold   this checkout's webpack cache removed first (a fresh clone's first npm start);
 *   warm   with the cache the cold run saved (every later npm start; sources unchanged);
 *   nocache  JIANGXUAN_WEBPACK_CACHE=0 (no cache read or written).
 * Prints wall time, the CPU seconds the Node process used, and the load average before and after each run: on a
 * shared machine the wall time depends on the load, so compare runs at similar load, or the CPU seconds.
 *
 *   node bench/start-bench.js [--runs cold,warm,nocache] [--json]
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'webpack');
const CHECKOUT = crypto.createHash('sha256').update(ROOT).digest('hex').slice(0, 8);
const TICK = 100; // clock ticks per second of /proc/<pid>/stat on Linux

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** CPU seconds (user + system) of a live process, from /proc (0 where there is no /proc). */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch {
    return 0;
  }
}

function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': 'br, gzip' } }, (res) => {
        let n = 0;
        res.on('data', (d) => (n += d.length));
        res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'], bytes: n }));
      })
      .on('error', reject);
  });
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

function runOnce(kind) {
  if (kind === 'cold') {
    for (const f of fs.existsSync(CACHE_DIR) ? fs.readdirSync(CACHE_DIR) : []) {
      if (f.startsWith('web-production-') && f.includes(CHECKOUT)) fs.rmSync(path.join(CACHE_DIR, f), { recursive: true, force: true });
    }
  }
  const env = { ...process.env, PORT: '0' };
  if (kind === 'nocache') env.JIANGXUAN_WEBPACK_CACHE = '0';
  const loadBefore = load();
  const t0 = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stages = 0;
  return new Promise((resolve, reject) => {
    let result;
    const done = (e) => {
      child.kill('SIGTERM');
      if (e) reject(e);
      else resolve(result);
    };
    child.stderr.on('data', (d) => {
      const text = d.toString();
      stages += (text.match(/\[build:web\]/g) || []).length;
      process.stderr.write(text);
    });
    child.stdout.on('data', async (d) => {
      out += d.toString();
      process.stderr.write(d.toString());
      const m = /匠选已启动：(http:\/\/[^/]+)\/taskpane\.html/.exec(out);
      if (m && !result) {
        result = { kind };
        try {
          const page = await get(`${m[1]}/taskpane.html`);
          const html = await new Promise((r) => http.get(`${m[1]}/taskpane.html`, (res) => { let s = ''; res.on('data', (c) => (s += c)); res.on('end', () => r(s)); }));
          const bundle = /src="(taskpane\.[0-9a-f]{8}\.js)"/.exec(html)[1];
          const js = await get(`${m[1]}/${bundle}`);
          Object.assign(result, {
            servingSeconds: (Date.now() - t0) / 1000,
            cpuSeconds: cpuSeconds(child.pid),
            page: page.status,
            bundleEncoding: js.encoding,
            bundleBytesSent: js.bytes,
            progressLines: stages,
            loadBefore,
            loadAfter: load(),
          });
        } catch (e) {
          return done(e);
        }
        if (kind === 'nocache') return done();
      }
      // The cold and warm runs wait for the cache to be saved (after serving; not counted) so the next run can use it.
      if (/构建缓存已保存|构建缓存未能保存/.test(out) && result && result.servingSeconds) {
        result.cacheSavedSeconds = (Date.now() - t0) / 1000;
        done();
      }
    });
    child.on('exit', (code) => {
      if (!result || !result.servingSeconds) reject(new Error(`scripts/start.js exited (${code}) before serving:\n${out}`));
    });
  });
}

async function main() {
  const kinds = arg('--runs', 'cold,warm,nocache').split(',');
  const results = [];
  for (const k of kinds) results.push(await runOnce(k));
  if (process.argv.includes('--json')) return console.log(JSON.stringify(results));
  console.log(`\n${os.cpus().length} cores (${os.cpus()[0].model})`);
  console.log('run       serving   CPU (node)  cache saved  bundle sent            load before → after');
  for (const r of results) {
    console.log(
      `${r.kind.padEnd(9)} ${`${r.servingSeconds.toFixed(1)} s`.padStart(7)}   ${`${r.cpuSeconds.toFixed(1)} s`.padStart(8)}  ${(r.cacheSavedSeconds ? `${r.cacheSavedSeconds.toFixed(1)} s` : '–').padStart(11)}  ${`${Math.round(r.bundleBytesSent / 1024)} KB ${r.bundleEncoding}`.padEnd(21)}  ${r.loadBefore} → ${r.loadAfter}`,
    );
  }
  console.log(JSON.stringify(results));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

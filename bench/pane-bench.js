#!/usr/bin/env node
/**
 * Pane benchmark (`npm run bench:pane`, which builds the CLI and the WPS add-in first): the WPS task pane
 * (dist/wps) in headless Chromium (/usr/bin/chromium, playwright-core), served over http as an online add-in, with
 * the strict ET simulation (scripts/wps/build-et-sim.js) holding the 5,000-nominee workbook of the page benchmark.
 * It checks the open workbook with the check in the worker ("worker": hosts/grid-check-worker.ts) and on the pane's
 * own thread ("pane": Worker removed before the pane starts, the fallback), alternating, each in a fresh page, and
 * measures from the click on 校验 to the counts shown: the time, and the long main-thread tasks (PerformanceObserver
 * 'longtask', over 50 ms) until 500 ms after: the longest, their total, and each one's start and length.
 *
 * What it cannot tell: how long a real WPS takes to answer the object-model calls. Reading (Value2 by blocks,
 * number formats, merges, hidden rows) and marking (fills, comments) are synchronous calls that stay on the pane's
 * thread in both paths; here they are calls into the JavaScript simulation, so their share is this machine's, not WPS's.
 *
 * Options: --nominees N (5000) --runs N (3).
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { benchWorkbook } = require('./lib/bench-workbook.js');
const { serve } = require('./lib/serve.js');
const { median, ms, positiveArg } = require('./lib/bench-args.js');
const { buildEtSimulation } = require('../scripts/wps/build-et-sim.js');

const ROOT = path.join(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ADDIN = path.join(ROOT, 'dist', 'wps', `jiangxuan_${PKG.version}`);

const NOMINEES = positiveArg('nominees', 5000);
const RUNS = positiveArg('runs', 3);


/**
 * Runs in the pane before its own scripts: long tasks from the start, the click on 校验, the counts shown.
 * Playwright sends this function's source to the page, so it stands alone (page-bench.js has its own, for a file input).
 */
function instrument(noWorker) {
  const w = window;
  w.__bench = { longtasks: [], clickAt: undefined, doneAt: undefined, checksAtClick: undefined };
  if (noWorker) {
    delete w.Worker;
    w.Worker = undefined;
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const app = () => document.querySelector('[data-testid="app"]');
  document.addEventListener(
    'click',
    (e) => {
      if (e.target && e.target.closest && e.target.closest('[data-testid="check"]')) {
        w.__bench.clickAt = performance.now();
        w.__bench.checksAtClick = Number(app()?.getAttribute('data-checks'));
      }
    },
    true,
  );
  new MutationObserver(() => {
    const b = w.__bench;
    if (b.clickAt === undefined || b.doneAt !== undefined) return;
    const a = app();
    if (a && a.getAttribute('data-busy') === 'false' && Number(a.getAttribute('data-checks')) > b.checksAtClick) b.doneAt = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-checks', 'data-busy'] });
}

async function measure(context, origin, wireScript, sim, mode) {
  const page = await context.newPage();
  await page.addInitScript(instrument, mode === 'pane');
  await page.addInitScript(wireScript);
  await page.addInitScript({ path: sim });
  await page.goto(`${origin}/taskpane.html?asOf=2025-03-01`);
  await page.locator('[data-testid="app"][data-mode="wps"]').waitFor({ timeout: 60000 });
  await page.waitForTimeout(300);
  await page.getByTestId('check').click();
  await page.waitForFunction(() => window.__bench.doneAt !== undefined, undefined, { timeout: 600000, polling: 100 });
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => {
    const b = window.__bench;
    const during = b.longtasks.filter((t) => t.start + t.duration >= b.clickAt && t.start <= b.doneAt + 500);
    return {
      path: window.__jiangxuanPaneCheckPath,
      findingsMs: b.doneAt - b.clickAt,
      longest: during.reduce((m, t) => Math.max(m, t.duration), 0),
      blocked: during.reduce((s, t) => s + t.duration, 0),
      detail: during.map((t) => `${Math.round(t.start - b.clickAt)}+${Math.round(t.duration)}`).join(' '),
      errors: Number(document.querySelector('[data-testid="count-error"]')?.textContent ?? NaN),
    };
  });
  await page.close();
  const expected = mode === 'pane' ? 'page' : 'worker';
  if (r.path !== expected) throw new Error(`expected the ${expected} path, the pane took ${r.path}`);
  return r;
}

async function main() {
  if (!fs.existsSync(path.join(ADDIN, 'taskpane.html'))) throw new Error('no WPS build: run `npm run build:wps` first (npm run bench:pane does it)');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium); no browser is downloaded`);
  const file = await benchWorkbook(NOMINEES);
  const { readWorkbookBytes } = require(path.join(ROOT, 'dist', 'adapters', 'files', 'read-workbook.js'));
  const grid = await readWorkbookBytes(fs.readFileSync(file), { name: path.basename(file) });
  // The simulation's input (test/e2e/wps-sim-entry.ts): dates travel as {date: ISO}.
  const wire = { name: path.basename(file), grid: { sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ?? []).map((v) => (v instanceof Date ? { date: v.toISOString() } : v))) })) } };
  const wireScript = `window.__JX_GRID = ${JSON.stringify(wire)};`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-pane-bench-'));
  const sim = await buildEtSimulation(tmp);
  const server = await serve(ADDIN);
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 350, height: 800 } });
  const results = { pane: [], worker: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const mode of i % 2 ? ['worker', 'pane'] : ['pane', 'worker']) {
        const r = await measure(context, server.origin, wireScript, sim, mode);
        results[mode].push(r);
        process.stderr.write(`  ${mode} run ${i + 1}/${RUNS}: findings ${ms(r.findingsMs)}, longest task ${ms(r.longest)}, long tasks ${ms(r.blocked)} [${r.detail}]\n`);
      }
    }
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const errors = new Set([...results.pane, ...results.worker].map((r) => r.errors));
  if (errors.size !== 1) throw new Error(`the two paths disagree on the errors: ${[...errors].join(' / ')}`);
  const row = (label, list) =>
    `${label.padEnd(24)}${ms(median(list.map((r) => r.findingsMs))).padStart(12)}${ms(median(list.map((r) => r.longest))).padStart(14)}${ms(Math.max(...list.map((r) => r.longest))).padStart(12)}${ms(median(list.map((r) => r.blocked))).padStart(14)}`;
  console.log(`\n匠选 pane benchmark · WPS pane (simulated ET) · ${NOMINEES.toLocaleString('en-US')} nominees · ${RUNS} runs each, alternating`);
  console.log(`${'path'.padEnd(24)}${'click→counts'.padStart(12)}${'longest task'.padStart(14)}${'worst'.padStart(12)}${'long tasks'.padStart(14)}`);
  console.log(row("pane's own thread", results.pane));
  console.log(row('check in the worker', results.worker));
  const summary = (list) => ({ findingsMs: median(list.map((r) => r.findingsMs)), longestMs: median(list.map((r) => r.longest)), worstMs: Math.max(...list.map((r) => r.longest)), blockedMs: median(list.map((r) => r.blocked)) });
  console.log(JSON.stringify({ nominees: NOMINEES, runs: RUNS, errors: [...errors][0], pane: summary(results.pane), worker: summary(results.worker) }));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

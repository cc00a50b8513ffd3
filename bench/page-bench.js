#!/usr/bin/env node
/**
 * Page benchmark (`npm run bench:page`, which builds the CLI and the web bundle first): how long the standalone
 * page takes from choosing a file to showing its findings, and how long its main thread is blocked meanwhile,
 * with reading and checking in the worker ("worker") and on the page's own thread ("page": the path a host
 * without Web Workers takes, forced here by removing `Worker` before the page starts), side by side in one run.
 *
 * 1. Generates the 5,000-nominee 上海质量工匠 2025 workbook of bench/validate-bench.js (summary + details, 51
 *    columns, every text filled) into bench/out/ (gitignored), unless it is there already.
 * 2. Serves dist/web with scripts/serve.js and drives /usr/bin/chromium (never downloaded) with playwright-core.
 * 3. For each path, `--runs` times (alternating, each in a fresh page): chooses the file, and measures
 *    - time to findings: the file input's change event → the page reporting the check done (data-checks);
 *    - long tasks (PerformanceObserver 'longtask', tasks over 50 ms) on the main thread from the change event
 *      until 500 ms after the findings show: the longest one, and their total;
 *    - from a Chromium trace of the same span, the most CPU time any one main-thread task took (the trace's
 *      thread time): on a busy machine a task waits for a core, and its wall-clock length grows with the load.
 *    Then it downloads the annotated copy (下载标注版) and measures the same way from the click to the download:
 *    the time it takes and the long main-thread tasks meanwhile (made in a worker, or on the page without one).
 *    After each, it chooses the 100 unit files of bench:cli's inbox at once (bench/lib/inbox.js) and measures the
 *    time to the combined report's totals, to every file's report drawn, and the long tasks until 500 ms after.
 * Prints tables (medians) and one JSON line. Target: no main-thread task over 100 ms while the file is checked.
 *
 * Options: --nominees N (5000) --runs N (5) --batch-files N (100) --no-batch --strict (exit 1 when the worker path
 * misses the target).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { benchWorkbook } = require('./lib/bench-workbook.js');
const { benchInbox } = require('./lib/inbox.js');
const { serve } = require('./lib/serve.js');
const { median, ms, positiveArg } = require('./lib/bench-args.js');

const ROOT = path.join(__dirname, '..');
const WEB = path.join(ROOT, 'dist', 'web');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TARGET_MS = 100;

const NOMINEES = positiveArg('nominees', 5000);
const RUNS = positiveArg('runs', 5);
// --no-batch skips the many-files step.
const BATCH_FILES = process.argv.includes('--no-batch') ? 0 : positiveArg('batch-files', 100);
const STRICT = process.argv.includes('--strict');


/**
 * Runs in the page before its own scripts: records long tasks from the start, the time of the file input's
 * change event and the time the app reports the check done; `noWorker` removes Worker (the page falls back).
 */
function instrument(noWorker) {
  const w = window;
  w.__bench = { longtasks: [], changeAt: undefined, doneAt: undefined, checksAtChange: undefined };
  if (noWorker) {
    // The host "has no Web Worker": hosts/check-worker.ts then checks on the page, as before the worker.
    delete w.Worker;
    w.Worker = undefined;
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'change',
    (e) => {
      if (e.target && e.target.getAttribute && e.target.getAttribute('data-testid') === 'file-input') {
        w.__bench.changeAt = performance.now();
        performance.mark('jx-change');
        const app = document.querySelector('[data-testid="app"]');
        w.__bench.checksAtChange = Number(app && app.getAttribute('data-checks'));
      }
    },
    true,
  );
  // Many files at once: when the combined report's totals appear.
  new MutationObserver(() => {
    const b = w.__bench;
    if (b.changeAt !== undefined && b.batchAt === undefined && document.querySelector('[data-testid="batch-totals"]')) b.batchAt = performance.now();
  }).observe(document, { subtree: true, childList: true });
  new MutationObserver(() => {
    const b = w.__bench;
    if (b.changeAt === undefined || b.doneAt !== undefined) return;
    const app = document.querySelector('[data-testid="app"]');
    if (app && app.getAttribute('data-busy') === 'false' && Number(app.getAttribute('data-checks')) > b.checksAtChange) {
      b.doneAt = performance.now();
      performance.mark('jx-done');
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-checks', 'data-busy'] });
}

/**
 * The main thread's tasks from a Chromium trace, between the change and 500 ms after the findings: wall time and
 * the thread's own CPU time ("tdur"), which a machine shared with other work does not inflate.
 */
function tasksFromTrace(buffer) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents ?? [];
  const mark = (name) => events.find((e) => e.name === name && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b' || e.ph === 'X'));
  const change = mark('jx-change');
  const done = mark('jx-done');
  if (!change || !done) return undefined;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === change.pid).map((e) => e.tid));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.pid === change.pid && main.has(e.tid) && e.ts + e.dur >= change.ts && e.ts <= done.ts + 500000);
  return {
    longestWall: tasks.reduce((m, e) => Math.max(m, e.dur / 1000), 0),
    longestCpu: tasks.reduce((m, e) => Math.max(m, (e.tdur ?? 0) / 1000), 0),
    cpuOver50: tasks.filter((e) => (e.tdur ?? 0) > 50000).length,
  };
}

/** A fresh page, instrumented (without Worker on the page path), ready for a file. */
async function openPage(context, origin, mode) {
  const page = await context.newPage();
  await page.addInitScript(instrument, mode === 'page');
  await page.goto(`${origin}/taskpane.html?sample=0&lang=zh&asOf=2025-03-01`);
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  return page;
}

async function measure(context, origin, file, mode) {
  const page = await openPage(context, origin, mode);
  const browser = context.browser();
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  await page.getByTestId('file-input').setInputFiles(file);
  await page.waitForFunction(() => window.__bench.doneAt !== undefined, undefined, { timeout: 600000, polling: 100 });
  await page.getByTestId('count-error').waitFor({ timeout: 60000 });
  await page.waitForTimeout(500);
  const trace = tasksFromTrace(await browser.stopTracing());
  // The annotated copy, right after: from the click to the download.
  const clickAt = await page.evaluate(() => performance.now());
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600000 }), page.getByTestId('download-annotated').click()]);
  const savedAt = await page.evaluate(() => performance.now());
  await download.delete();
  await page.waitForTimeout(300);
  const copy = await page.evaluate(
    ([from, to]) => {
      const during = window.__bench.longtasks.filter((t) => t.start + t.duration >= from && t.start <= to + 300);
      return {
        path: window.__jiangxuanAnnotatePath,
        ms: to - from,
        longest: during.reduce((m, t) => Math.max(m, t.duration), 0),
        blocked: during.reduce((sum, t) => sum + t.duration, 0),
      };
    },
    [clickAt, savedAt],
  );
  const r = await page.evaluate(() => {
    const b = window.__bench;
    const during = b.longtasks.filter((t) => t.start + t.duration >= b.changeAt && t.start <= b.doneAt + 500);
    return {
      path: window.__jiangxuanCheckPath,
      findingsMs: b.doneAt - b.changeAt,
      longest: during.reduce((m, t) => Math.max(m, t.duration), 0),
      blocked: during.reduce((s, t) => s + t.duration, 0),
      tasks: during.length,
      // Each long task: start relative to the change event (ms), duration; the findings showed at `findingsMs`.
      detail: during.map((t) => `${Math.round(t.start - b.changeAt)}+${Math.round(t.duration)}`).join(' '),
      errors: Number(document.querySelector('[data-testid="count-error"]')?.textContent ?? NaN),
    };
  });
  await page.close();
  if (!trace) throw new Error('the trace has no jx-change / jx-done marks');
  Object.assign(r, trace, { copy });
  if (r.path !== mode) throw new Error(`expected the ${mode} path, the page took ${r.path}`);
  if (copy.path !== mode) throw new Error(`expected the annotated copy on the ${mode} path, it took ${copy.path}`);
  return r;
}

/**
 * Many files at once (the inbox of bench:cli, chosen together): from the change to the combined report's totals,
 * to every file's report drawn (they are drawn a few per frame), and the long tasks until 500 ms after that.
 */
async function measureBatch(context, origin, files, mode) {
  const page = await openPage(context, origin, mode);
  await page.getByTestId('file-input').setInputFiles(files);
  await page.getByTestId('batch-totals').waitFor({ timeout: 600000 });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="batch-file"]').length === n, files.length, { timeout: 60000, polling: 50 });
  const drawnAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(500);
  const r = await page.evaluate((drawn) => {
    const b = window.__bench;
    const during = b.longtasks.filter((t) => t.start + t.duration >= b.changeAt && t.start <= drawn + 500);
    return {
      path: window.__jiangxuanCheckPath,
      totalsMs: b.batchAt - b.changeAt,
      drawnMs: drawn - b.changeAt,
      longest: during.reduce((m, t) => Math.max(m, t.duration), 0),
      blocked: during.reduce((sum, t) => sum + t.duration, 0),
      tasks: during.length,
    };
  }, drawnAt);
  await page.close();
  if (r.path !== mode) throw new Error(`many files: expected the ${mode} path, the page took ${r.path}`);
  return r;
}

async function main() {
  if (!fs.existsSync(path.join(WEB, 'taskpane.html'))) throw new Error('no web build: run `npm run build:web` first (npm run bench:page does it)');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium); no browser is downloaded`);
  const file = await benchWorkbook(NOMINEES);
  const inbox = BATCH_FILES ? await benchInbox(BATCH_FILES, 10) : undefined;
  const server = await serve();
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: Number(process.env.BENCH_WIDTH) || 1280, height: 800 } });
  const results = { page: [], worker: [] };
  const batches = { page: [], worker: [] };
  try {
    process.stderr.write(`${path.basename(file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB), warm-up…\n`);
    const modes = process.env.BENCH_ONLY ? [process.env.BENCH_ONLY] : ['page', 'worker'];
    for (const mode of modes) await measure(context, server.origin, file, mode);
    for (let i = 0; i < RUNS; i++) {
      for (const mode of modes) {
        const r = await measure(context, server.origin, file, mode);
        results[mode].push(r);
        process.stderr.write(`  ${mode}: findings ${ms(r.findingsMs)}, longest task ${ms(r.longest)}, blocked ${ms(r.blocked)}, most CPU time in one task ${ms(r.longestCpu)} (${r.tasks} long tasks${process.env.BENCH_DETAIL ? `: ${r.detail}` : ''}); annotated copy ${ms(r.copy.ms)}, longest task ${ms(r.copy.longest)}\n`);
        if (inbox) {
          const b = await measureBatch(context, server.origin, inbox.files, mode);
          batches[mode].push(b);
          process.stderr.write(`  ${mode}, ${inbox.files.length} files: totals ${ms(b.totalsMs)}, all drawn ${ms(b.drawnMs)}, longest task ${ms(b.longest)}, blocked ${ms(b.blocked)}\n`);
        }
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  // Over the runs of one path: the median of a measure, and its worst (largest) value.
  const mid = (xs, f) => Math.round(median(xs.map(f)));
  const worst = (xs, f) => Math.round(Math.max(...xs.map(f)));
  const sum = (mode) => {
    const rs = results[mode];
    if (!rs.length) return {};
    return {
      findingsMs: mid(rs, (r) => r.findingsMs),
      longestTaskMs: mid(rs, (r) => r.longest),
      worstLongestTaskMs: worst(rs, (r) => r.longest),
      blockedMs: mid(rs, (r) => r.blocked),
      longestTaskCpuMs: mid(rs, (r) => r.longestCpu),
      worstLongestTaskCpuMs: worst(rs, (r) => r.longestCpu),
      copyMs: mid(rs, (r) => r.copy.ms),
      copyLongestTaskMs: mid(rs, (r) => r.copy.longest),
      copyWorstLongestTaskMs: worst(rs, (r) => r.copy.longest),
      copyBlockedMs: mid(rs, (r) => r.copy.blocked),
    };
  };
  const before = sum('page');
  const after = sum('worker');
  console.log(`\n${NOMINEES.toLocaleString('en-US')} nominees, ${RUNS} runs each, medians\n`);
  console.log(`load average ${require('node:os').loadavg().map((x) => x.toFixed(1)).join(' ')} (${require('node:os').cpus().length} cores)\n`);
  console.log('| path | time to findings | longest main-thread task, wall clock (worst run) | most CPU time in one task (worst run) | main thread blocked (long tasks) |');
  console.log('|---|---|---|---|---|');
  for (const [label, x] of [['before: on the page', before], ['after: in the worker', after]].filter(([, x]) => Number.isFinite(x.findingsMs))) {
    console.log(`| ${label} | ${ms(x.findingsMs)} | ${ms(x.longestTaskMs)} (${ms(x.worstLongestTaskMs)}) | ${ms(x.longestTaskCpuMs)} (${ms(x.worstLongestTaskCpuMs)}) | ${ms(x.blockedMs)} |`);
  }
  console.log('\n下载标注版 (the annotated copy), from the click to the download:\n');
  console.log('| path | time to the download | longest main-thread task (worst run) | main thread blocked (long tasks) |');
  console.log('|---|---|---|---|');
  for (const [label, x] of [['before: on the page', before], ['after: in a worker', after]].filter(([, x]) => Number.isFinite(x.copyMs))) {
    console.log(`| ${label} | ${ms(x.copyMs)} | ${ms(x.copyLongestTaskMs)} (${ms(x.copyWorstLongestTaskMs)}) | ${ms(x.copyBlockedMs)} |`);
  }
  const batchSum = (mode) => {
    const bs = batches[mode];
    if (!bs.length) return {};
    return {
      totalsMs: mid(bs, (b) => b.totalsMs),
      drawnMs: mid(bs, (b) => b.drawnMs),
      longestTaskMs: mid(bs, (b) => b.longest),
      worstLongestTaskMs: worst(bs, (b) => b.longest),
      blockedMs: mid(bs, (b) => b.blocked),
    };
  };
  const batch = { before: batchSum('page'), after: batchSum('worker') };
  if (inbox) {
    console.log(`\n${inbox.files.length} unit files × 10 nominees chosen at once (the combined report):\n`);
    console.log("| path | time to the totals | every file's report drawn | longest main-thread task (worst run) | main thread blocked (long tasks) |");
    console.log('|---|---|---|---|---|');
    for (const [label, x] of [['before: on the page', batch.before], ['after: in the worker', batch.after]].filter(([, x]) => Number.isFinite(x.totalsMs))) {
      console.log(`| ${label} | ${ms(x.totalsMs)} | ${ms(x.drawnMs)} | ${ms(x.longestTaskMs)} (${ms(x.worstLongestTaskMs)}) | ${ms(x.blockedMs)} |`);
    }
  }
  const ok = after.worstLongestTaskMs !== undefined && after.worstLongestTaskMs <= TARGET_MS;
  console.log(`\ntarget: no main-thread task over ${TARGET_MS} ms with the worker: ${ok ? 'met' : 'MISSED'} (worst ${ms(after.worstLongestTaskMs)} wall, ${ms(after.worstLongestTaskCpuMs)} CPU)`);
  console.log(JSON.stringify({ bench: 'page', nominees: NOMINEES, runs: RUNS, before, after, batch: inbox ? { files: inbox.files.length, ...batch } : undefined, targetMet: ok }));
  if (STRICT && !ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});

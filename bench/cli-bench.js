#!/usr/bin/env node
/**
 * CLI benchmark (`npm run bench:cli`, which builds dist/ first): what a user of the command line waits for.
 *
 * 1. A whole inbox: generates 100 unit workbooks × 10 nominees (上海质量工匠 2025, one recommending unit each, every
 *    text filled; bench/lib/inbox.js) into bench/out/ (gitignored), then times, each as a fresh `node bin/jiangxuan.js` process:
 *    (a) `validate <inbox>` once for all 100 files;
 *    (b) `validate <file>` for one file (the unit of comparison: "one file's process");
 *    (c) `validate <file>` once per file, 100 processes one after another (the old way: a shell loop).
 * 2. Start-up: `node -e 0`, `jiangxuan programs`, `jiangxuan --help`.
 *
 * Medians of --runs runs (default 5; start-up uses max(runs, 10)), the commands compared timed in turn (a, b, a,
 * b, …) so that the machine's drift does not enter their ratio; (c) is slow (~100 processes a run), so it uses
 * --process-runs (default 1). Prints a table and one JSON line; targets: (a) ≤ 2 × (b), start-up ≤ 0.3 s.
 * Options: --files N (100) --nominees N (10) --runs N --process-runs N --no-per-process --strict (exit 1 when a
 * target fails). JIANGXUAN_BENCH_ROOT=<checkout> times another checkout's bin/ and dist/ (same inbox).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { benchInbox } = require('./lib/inbox.js');

const ROOT = process.env.JIANGXUAN_BENCH_ROOT ? path.resolve(process.env.JIANGXUAN_BENCH_ROOT) : path.join(__dirname, '..');
const dist = path.join(ROOT, 'dist');
if (!fs.existsSync(path.join(dist, 'cli', 'main.js'))) {
  console.error('dist/ has no build: run `npm run build:cli` first (npm run bench:cli does it)');
  process.exit(2);
}

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return def;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} needs a positive whole number`);
  return v;
}
const FILES = arg('files', 100);
const NOMINEES = arg('nominees', 10);
const RUNS = arg('runs', 5);
const PROCESS_RUNS = arg('process-runs', 1);
const START_RUNS = Math.max(RUNS, 10);
const STRICT = process.argv.includes('--strict');
// --no-per-process: skip the 100-process pass (e.g. to compare two builds' one run quickly).
const PER_PROCESS = !process.argv.includes('--no-per-process');
const CLI = path.join(ROOT, 'bin', 'jiangxuan.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const note = (s) => process.stderr.write(s + '\n');

/** Wall-clock time of one process, from spawn to exit. */
function timed(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} → exit ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Several commands timed in turn (a, b, c, a, b, c, …) rather than one after the other: the machine's speed drifts
 * over minutes, and a ratio of two commands timed apart would measure the drift. Medians per command.
 */
function measureAlternating(runs, steps) {
  for (const [, once] of steps) once(); // warm-up: the disk cache, not the process
  const xs = steps.map(() => []);
  for (let i = 0; i < runs; i++) {
    steps.forEach(([label, once], k) => {
      xs[k].push(once());
      note(`  ${label}: run ${i + 1}/${runs} ${fmt(xs[k][xs[k].length - 1])}`);
    });
  }
  return xs.map(median);
}

function measureNoWarmUp(label, runs, once) {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    xs.push(once());
    note(`  ${label}: run ${i + 1}/${runs} ${fmt(xs[xs.length - 1])}`);
  }
  return median(xs);
}

async function main() {
  const { dir: INBOX, files } = await benchInbox(FILES, NOMINEES, { dist, note });
  note(`inbox: ${FILES} files × ${NOMINEES} nominees in ${path.relative(ROOT, INBOX)}`);
  const validate = ['validate', '--as-of', '2025-03-01', '--format', 'json'];

  const [node, programs, help] = measureAlternating(START_RUNS, [
    ['node -e 0', () => timed(['-e', '0'])],
    ['jiangxuan programs', () => timed([CLI, 'programs'])],
    ['jiangxuan --help', () => timed([CLI, '--help'])],
  ]);
  const startup = { node, programs, help };
  const [oneRun, oneFile] = measureAlternating(RUNS, [
    ['validate <inbox> (one process)', () => timed([CLI, ...validate, INBOX])],
    ['validate <one file>', () => timed([CLI, ...validate, files[0]])],
  ]);
  // Its warm-up is skipped: one pass is already 100 processes, each of them cold in the same way.
  const perProcess = PER_PROCESS ? measureNoWarmUp(`validate, one process per file (${files.length} processes)`, PROCESS_RUNS, () => {
    let total = 0;
    for (const f of files) total += timed([CLI, ...validate, f]);
    return total;
  }) : NaN;

  const rows = [
    ['node -e 0', fmt(startup.node), ''],
    ['jiangxuan programs', fmt(startup.programs), `${(startup.programs / startup.node).toFixed(1)}× node -e 0`],
    ['jiangxuan --help', fmt(startup.help), `${(startup.help / startup.node).toFixed(1)}× node -e 0`],
    [`validate 1 file (${NOMINEES} nominees)`, fmt(oneFile), ''],
    [`validate ${files.length} files in one run`, fmt(oneRun), `${(oneRun / oneFile).toFixed(2)}× one file's process`],
  ];
  if (PER_PROCESS) rows.push([`validate ${files.length} files, one process each`, fmt(perProcess), `${(perProcess / oneRun).toFixed(1)}× the one run`]);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nmedians: start-up of ${START_RUNS} runs, validate of ${RUNS}, one process per file of ${PROCESS_RUNS}`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${b.padStart(9)}  ${c}`);
  const targets = { oneRunWithin2xOneFile: oneRun <= 2 * oneFile, startupWithin300ms: Math.max(startup.programs, startup.help) <= 300 };
  console.log(`\ntargets: ${files.length} files in one run ≤ 2× one file's process: ${targets.oneRunWithin2xOneFile ? 'yes' : 'NO'}; start-up ≤ 0.3 s: ${targets.startupWithin300ms ? 'yes' : 'NO'}`);
  console.log(JSON.stringify({ files: files.length, nominees: NOMINEES, runs: RUNS, processRuns: PROCESS_RUNS, startup, oneFile, oneRun, perProcess, targets }));
  if (STRICT && !Object.values(targets).every(Boolean)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});

#!/usr/bin/env node
/**
 * Validation benchmark (`npm run bench`, which builds dist/ first).
 *
 * 1. Generates a 5,000-nominee 上海质量工匠 2025 workbook (summary + details, every text field filled:
 *    个人自述 ≈ 500 字, 主要成绩 ≈ 1,500 字 …) into bench/out/ (gitignored).
 * 2. Measures, in one process, after a warm-up run, the median of several runs of:
 *    (a) loading the file with exceljs alone: new ExcelJS.Workbook().xlsx.load(buf)
 *    (b) the full validate path: readWorkbookBytes (sniff + the fast reader: src/adapters/xlsx-fast) + validateWorkbook
 *    (c) the core alone: validateWorkbook on the already-read grid, as rows per second, also on a
 *        100,000-row details grid made by repeating the rows (IDs made unique, so no duplicate findings).
 * 3. Prints a table and one JSON line, and states whether the targets hold:
 *    validation adds at most half again the load time ((b − a) / a ≤ 0.5), and the core checks ≥ 100,000 rows/s.
 *
 * Options: --nominees N (5000) --rows N (100000) --runs N (5; load paths use min(runs, 3)) --core-only
 * (skip (a) and (b), e.g. under `node --cpu-prof`) --strict (exit 1 when a target fails).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

// JIANGXUAN_BENCH_DIST=<dir> compares another build (e.g. a patched copy under bench/out/) with ../dist.
const dist = process.env.JIANGXUAN_BENCH_DIST ? path.resolve(process.env.JIANGXUAN_BENCH_DIST) : path.join(__dirname, '..', 'dist');
if (!fs.existsSync(path.join(dist, 'samples', 'fake-nominees.js'))) {
  console.error(`${dist} has no build: run \`npm run build:cli\` first (npm run bench does it)`);
  process.exit(2);
}
const ExcelJS = require('exceljs');
const { buildNominees, writeNominationWorkbook } = require(path.join(dist, 'samples/fake-nominees.js'));
const { readWorkbookBytes } = require(path.join(dist, 'adapters/files/read-workbook.js'));
const { validateWorkbook } = require(path.join(dist, 'core/rules/validate-workbook.js'));
const { builtinProfile } = require(path.join(dist, 'core/profiles/builtin-profiles.js'));
const { residentIdCheckChar } = require(path.join(dist, 'core/checks/resident-id.js'));
const { copyId } = require('./lib/big-workbook.js');
const { median, positiveArg } = require('./lib/bench-args.js');

const flag = (name) => process.argv.includes(`--${name}`);

const NOMINEES = positiveArg('nominees', 5000);
const BIG_ROWS = positiveArg('rows', 100000);
const RUNS = positiveArg('runs', 5);
const LOAD_RUNS = Math.min(RUNS, 3);
const CORE_ONLY = flag('core-only');
const PROGRAMME = 'sqc-2025';
const AS_OF = { y: 2025, m: 3, d: 1 };
const OUT_DIR = path.join(__dirname, 'out');

const ms = (x) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const int = (x) => Math.round(x).toLocaleString('en-US');

/** Warm-up, then `runs` timed runs; returns the median and all times (ms). fn may be async. */
async function measure(label, runs, fn) {
  process.stderr.write(`  ${label}: warm-up`);
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    process.stderr.write(` ${Math.round(times[i])}`);
  }
  process.stderr.write(' ms\n');
  return { median: median(times), times };
}

/**
 * A details grid of `rows` rows made by repeating the data rows of `sheet`. Each copy gets a new, valid,
 * unique ID (same birth date and sex, another region code / sequence number) and its own unit name,
 * so the copies raise no duplicate findings.
 */
function repeatRows(sheet, headerRow, firstRow, dataRows, rows, idCol, unitCol) {
  const out = sheet.rows.slice(0, firstRow).map((r) => r.slice());
  const seen = new Set();
  for (let k = 0; out.length - firstRow < rows; k++) {
    for (const r of dataRows) {
      if (out.length - firstRow >= rows) break;
      const row = sheet.rows[r].slice();
      const id = String(row[idCol]);
      row[idCol] = copyId(id, k, seen, residentIdCheckChar);
      if (k > 0) row[unitCol] = `${row[unitCol]}第${k + 1}分公司`;
      out.push(row);
    }
  }
  return { name: sheet.name, rows: out, merges: sheet.merges };
}

async function main() {
  const profile = builtinProfile(PROGRAMME);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${PROGRAMME}-${NOMINEES}.xlsx`);

  process.stderr.write(`generating ${int(NOMINEES)} nominees …\n`);
  let t0 = performance.now();
  const nominees = buildNominees({ count: NOMINEES, seed: 'bench', programme: PROGRAMME, asOf: AS_OF, recommender: '上海市浦东新区市场监督管理局' });
  const genMs = performance.now() - t0;
  t0 = performance.now();
  const bytes = await writeNominationWorkbook(PROGRAMME, nominees, { sheetNames: { summary: '推荐汇总表', details: '申报信息' } });
  const writeMs = performance.now() - t0;
  fs.writeFileSync(file, bytes);
  const buf = fs.readFileSync(file);
  process.stderr.write(`wrote ${path.relative(process.cwd(), file)} (${(buf.length / 1048576).toFixed(1)} MB) in ${ms(genMs + writeMs)}\n`);

  const results = { programme: PROGRAMME, nominees: NOMINEES, fileBytes: buf.length, node: process.version, runs: RUNS, loadRuns: LOAD_RUNS };
  let loadA;
  let fullB;
  let readOnly;
  if (!CORE_ONLY) {
    // (a) exceljs alone
    loadA = await measure('(a) exceljs load', LOAD_RUNS, async () => {
      await new ExcelJS.Workbook().xlsx.load(buf);
    });
    // (b) full path, read and validate timed separately inside each run
    const parts = [];
    fullB = await measure('(b) read + validate', LOAD_RUNS, async () => {
      const t = performance.now();
      const g = await readWorkbookBytes(buf);
      const t1 = performance.now();
      const r = validateWorkbook(g, profile, { asOf: AS_OF });
      parts.push({ read: t1 - t, validate: performance.now() - t1, findings: r.findings.length });
    });
    readOnly = { read: median(parts.slice(1).map((p) => p.read)), validate: median(parts.slice(1).map((p) => p.validate)) };
    results.a_excelJsLoadMs = loadA.median;
    results.b_readAndValidateMs = fullB.median;
    results.b_readMs = readOnly.read;
    results.b_validateMs = readOnly.validate;
    results.overhead = (fullB.median - loadA.median) / loadA.median;
  }

  // (c) core alone on the read grid
  const grid = await readWorkbookBytes(buf);
  const first = validateWorkbook(grid, profile, { asOf: AS_OF });
  const rows5k = first.tables.reduce((n, t) => n + t.nominees, 0);
  const core5k = await measure(`(c) core, ${int(NOMINEES)} nominees`, RUNS, () => {
    validateWorkbook(grid, profile, { asOf: AS_OF });
  });
  results.c_coreMs = core5k.median;
  results.c_tableRows = rows5k;
  results.c_nomineesPerSec = NOMINEES / (core5k.median / 1000);
  results.c_rowsPerSec = rows5k / (core5k.median / 1000);
  results.c_findings = first.counts;

  // (c') core on a 100,000-row details grid
  const details = first.tables.find((t) => t.kind === 'details');
  const sheet = grid.sheets.find((s) => s.name === details.sheet);
  const header = sheet.rows[1];
  const idCol = header.indexOf('身份证');
  const unitCol = header.indexOf('工作单位');
  const dataRows = [];
  for (let r = 2; r < sheet.rows.length; r++) if (sheet.rows[r]?.some((v) => v !== null)) dataRows.push(r); // empty rows are holes
  const big = { sheets: [repeatRows(sheet, 1, 2, dataRows, BIG_ROWS, idCol, unitCol)] };
  const bigFirst = validateWorkbook(big, profile, { asOf: AS_OF });
  const bigRows = bigFirst.nominees;
  const coreBig = await measure(`(c) core, ${int(bigRows)}-row grid`, Math.min(RUNS, 3), () => {
    validateWorkbook(big, profile, { asOf: AS_OF });
  });
  results.c100k_rows = bigRows;
  results.c100k_coreMs = coreBig.median;
  results.c100k_rowsPerSec = bigRows / (coreBig.median / 1000);
  results.c100k_findings = bigFirst.counts;

  // Targets
  // The target is in table rows (the 5,000-nominee workbook has 10,000: a summary row and a details row each).
  const coreRate = Math.min(results.c_rowsPerSec, results.c100k_rowsPerSec);
  results.targets = {
    overheadAtMostHalf: CORE_ONLY ? null : results.overhead <= 0.5,
    coreAtLeast100kRowsPerSec: coreRate >= 100000,
  };

  const lines = [];
  const row = (a, b, c = '') => lines.push(`${a.padEnd(46)}${b.padStart(12)}  ${c}`);
  lines.push('');
  lines.push(`匠选 validation benchmark · ${PROGRAMME} · ${int(NOMINEES)} nominees · ${(buf.length / 1048576).toFixed(1)} MB · node ${process.version}`);
  lines.push('-'.repeat(100));
  row('step', 'median', 'notes');
  row('generate nominees + write xlsx', ms(genMs + writeMs), 'once');
  if (!CORE_ONLY) {
    row('(a) exceljs load alone', ms(loadA.median), `${LOAD_RUNS} runs after warm-up`);
    row('(b) readWorkbookBytes + validateWorkbook', ms(fullB.median), `read ${ms(readOnly.read)} + validate ${ms(readOnly.validate)}`);
    row('    overhead (b − a) / a', `${(results.overhead * 100).toFixed(1)} %`, `target ≤ 50 %  ${results.targets.overheadAtMostHalf ? '✓ holds' : '✗ fails'}`);
  }
  row(`(c) core, ${int(NOMINEES)} nominees (${int(rows5k)} table rows)`, ms(core5k.median), `${int(results.c_nomineesPerSec)} nominees/s · ${int(results.c_rowsPerSec)} table rows/s`);
  row(`(c) core, ${int(bigRows)}-row details grid`, ms(coreBig.median), `${int(results.c100k_rowsPerSec)} rows/s · findings e/w/i ${bigFirst.counts.error}/${bigFirst.counts.warning}/${bigFirst.counts.info}`);
  row('    core speed, rows (slower of the two)', `${int(coreRate)}/s`, `target ≥ 100,000 rows/s  ${results.targets.coreAtLeast100kRowsPerSec ? '✓ holds' : '✗ fails'}`);
  lines.push('-'.repeat(100));
  console.log(lines.join('\n'));
  console.log(JSON.stringify(results));
  const failed = Object.values(results.targets).some((v) => v === false);
  if (failed && flag('strict')) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 2;
});

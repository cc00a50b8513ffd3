#!/usr/bin/env node
/**
 * The reading budget, measured (`npm run bench:bounded`, which builds dist/ first): every workbook that used to
 * exhaust memory or never finish (issue #10) — a value in XFD1048576, a merge to it, <col max="2147483647">, five
 * whole-column drop-downs, a whole-sheet validation, a sheet with a value in each of its 1,048,576 rows — made by
 * src/samples/hostile-workbooks.ts into bench/out/hostile/, and (when bench/read-bench.js has made it) the
 * 100,000-nominee workbook. Each is run through the real command line, `jiangxuan validate` and
 * `jiangxuan validate --out`, under `timeout -s KILL 60` with its peak memory from `/usr/bin/time -f %M`.
 *
 * The promise (README, "表格大小"): within 60 s and 1.5 GB on a 2-core machine, exit 0 or 1 with the findings, or
 * exit 2 with one line 「表格过大…」 naming the sheet. Prints a table and one JSON line; --strict exits 1 when a
 * case breaks the promise.
 *
 *   node bench/bounded-bench.js [--strict]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(__dirname, 'out', 'hostile');
const LIMIT_S = 60;
const LIMIT_MB = 1536;

function run(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', 'timeout', '-s', 'KILL', String(LIMIT_S), process.execPath, path.join(ROOT, 'bin', 'jiangxuan.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const errLines = r.stderr.trim().split('\n');
  const [seconds, kb] = errLines.pop().trim().split(/\s+/).slice(-2).map(Number);
  const message = errLines.filter((l) => !/^Command (exited|terminated)/.test(l)).join(' ');
  const exit = r.status === null || /Command terminated by signal|status 137/.test(r.stderr) ? 'killed' : r.status;
  return { exit, seconds, peakMb: kb / 1024, message: message.slice(0, 160) };
}

function keeps(r) {
  if (r.exit === 'killed' || r.seconds > LIMIT_S || r.peakMb > LIMIT_MB) return false;
  if (r.exit === 0 || r.exit === 1) return true;
  return r.exit === 2 && /表格过大/.test(r.message) && !/\n\s+at /.test(r.message);
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'samples/hostile-workbooks.js'))) {
    console.error('dist/ has no build: run `npm run build:cli` first (npm run bench:bounded does it)');
    process.exit(2);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const hostile = require(path.join(DIST, 'samples/hostile-workbooks.js'));
  const sample = fs.readFileSync(path.join(ROOT, 'samples', hostile.HOSTILE_BASE_SAMPLE));
  const cases = [];
  for (const [name, make] of Object.entries(hostile.HOSTILE_WORKBOOKS)) {
    const file = path.join(OUT, `${name}.xlsx`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, await make(sample));
    cases.push({ name, file });
  }
  const big = path.join(__dirname, 'out', 'sqc-2025-100000.xlsx');
  if (fs.existsSync(big)) cases.push({ name: '100,000 nominees', file: big });

  const rows = [];
  for (const c of cases) {
    process.stderr.write(`${c.name} …\n`);
    const validate = run(['validate', c.file, '--as-of', '2025-03-01', '--format', 'json']);
    const out = path.join(OUT, `${c.name}-标注版.xlsx`);
    fs.rmSync(out, { force: true });
    const annotate = run(['validate', c.file, '--as-of', '2025-03-01', '--out', out]);
    rows.push({ case: c.name, fileKb: Math.round(fs.statSync(c.file).size / 1024), validate, annotate, kept: keeps(validate) && keeps(annotate) });
  }

  const cell = (r) => `exit ${r.exit} · ${r.seconds.toFixed(1)} s · ${Math.round(r.peakMb)} MB`;
  const lines = ['', `匠选 bounded reading · limits ${LIMIT_S} s, ${LIMIT_MB} MB · node ${process.version}`, '-'.repeat(112)];
  lines.push(`${'workbook'.padEnd(32)}${'size'.padStart(9)}  ${'validate'.padEnd(32)}${'validate --out'.padEnd(32)}kept`);
  for (const r of rows) lines.push(`${r.case.padEnd(32)}${`${r.fileKb} KB`.padStart(9)}  ${cell(r.validate).padEnd(32)}${cell(r.annotate).padEnd(32)}${r.kept ? '✓' : '✗'}`);
  lines.push('-'.repeat(112));
  for (const r of rows) if (r.annotate.exit === 2) lines.push(`${r.case} --out: ${r.annotate.message}`);
  console.log(lines.join('\n'));
  console.log(JSON.stringify({ node: process.version, rows }));
  if (process.argv.includes('--strict') && rows.some((r) => !r.kept)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 2;
});

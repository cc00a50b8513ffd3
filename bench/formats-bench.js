#!/usr/bin/env node
/**
 * Reading benchmark of the other formats (`npm run bench:formats`, which builds dist/ first): the 5,000-nominee
 * 上海质量工匠 2025 workbook of validate-bench.js as .xlsx, and as LibreOffice saves it as .xls, .ods and (the details
 * sheet) CSV, each read through the one file entry (readWorkbookBytes) as the CLI does. Median of --runs after a
 * warm-up, the first SheetJS load timed apart. Needs LibreOffice (soffice) for the conversions; files in bench/out/
 * (BENCH_OUT=<dir> elsewhere). Options: --nominees N (5000) --runs N (3).
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const dist = process.env.BENCH_DIST || path.join(__dirname, '..', 'dist');
const { buildNominees, writeNominationWorkbook } = require(path.join(dist, 'samples/fake-nominees.js'));
const { readWorkbookBytes } = require(path.join(dist, 'adapters/files/read-workbook.js'));
const { loadSheetJs } = require(path.join(dist, 'adapters/sheetjs/load-sheetjs.js'));

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : Number(process.argv[i + 1]);
};
const NOMINEES = arg('nominees', 5000);
const RUNS = arg('runs', 3);
const OUT = process.env.BENCH_OUT || path.join(__dirname, 'out');
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function convert(file, filter, outDir) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-bench-lo-'));
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, file], { env: { ...process.env, HOME: profile }, encoding: 'utf8', timeout: 600000 });
  fs.rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soffice: ${r.stderr}`);
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const base = path.join(OUT, `sqc-2025-${NOMINEES}`);
  if (!fs.existsSync(`${base}.xlsx`)) {
    // The same workbook as validate-bench.js (same seed and options).
    const nominees = buildNominees({ count: NOMINEES, seed: 'bench', programme: 'sqc-2025', asOf: { y: 2025, m: 3, d: 1 }, recommender: '上海市浦东新区市场监督管理局' });
    fs.writeFileSync(`${base}.xlsx`, await writeNominationWorkbook('sqc-2025', nominees, { sheetNames: { summary: '推荐汇总表', details: '申报信息' } }));
  }
  if (!fs.existsSync(`${base}.xls`)) convert(`${base}.xlsx`, 'xls', OUT);
  if (!fs.existsSync(`${base}.ods`)) convert(`${base}.xlsx`, 'ods', OUT);
  const csv = `${base}-申报信息.csv`;
  if (!fs.existsSync(csv)) convert(`${base}.xlsx`, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', OUT);

  let t = performance.now();
  await loadSheetJs();
  const loadMs = performance.now() - t;

  const rows = [];
  for (const file of [`${base}.xlsx`, `${base}.xls`, `${base}.ods`, csv]) {
    const bytes = fs.readFileSync(file);
    const name = path.basename(file);
    await readWorkbookBytes(bytes, { name });
    const times = [];
    let cells = 0;
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      const g = await readWorkbookBytes(bytes, { name });
      times.push(performance.now() - t);
      cells = g.sheets.reduce((n, s) => n + s.rows.length * (s.rows[0]?.length ?? 0), 0);
    }
    rows.push({ file: name, mb: (bytes.length / 1048576).toFixed(1), ms: Math.round(median(times)), cells });
  }
  console.log(`SheetJS first load: ${Math.round(loadMs)} ms`);
  console.log('| file | MB | read (median) | grid cells |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.file} | ${r.mb} | ${r.ms.toLocaleString('en-US')} ms | ${r.cells.toLocaleString('en-US')} |`);
  console.log(JSON.stringify({ nominees: NOMINEES, sheetjsLoadMs: Math.round(loadMs), rows }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

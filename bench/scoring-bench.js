#!/usr/bin/env node
/**
 * Expert-scoring benchmark (`npm run build:cli && node bench/scoring-bench.js`).
 *
 * 1. Writes a 300-candidate 上海质量工匠 2025 nomination workbook and a 50-expert list (src/samples: fake people;
 *    3 experts share a unit with some candidates, so conflicts of interest are exercised).
 * 2. Generates the score sheets (timed), then fills every sheet with exceljs the way an expert's Excel would save
 *    it: each candidate has a "true" quality, each expert a leniency, plus noise, rounded to 0.5 per criterion
 *    (setup, not timed). Files go to bench/out/scoring/ (gitignored).
 * 3. Times the consolidation, after one warm-up, as the median of several runs:
 *    (a) read + check + statistics (consolidateScoreFiles on the bytes),
 *    (b) writing the result workbook (with the chart),
 *    (c) the whole command in one process: reading the files from disk, (a) and (b), writing the result;
 *    and once (d) the real CLI in a fresh Node process (`jiangxuan consolidate bench/out/scoring/returned …`).
 * 4. Prints a table and one JSON line, and whether the target holds: (c) under 3 s for 50 experts × 300 candidates.
 *
 * Options: --experts N (50) --candidates N (300) --runs N (3) --strict (exit 1 when the target fails).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const dist = process.env.JIANGXUAN_BENCH_DIST ? path.resolve(process.env.JIANGXUAN_BENCH_DIST) : path.join(__dirname, '..', 'dist');
if (!fs.existsSync(path.join(dist, 'adapters', 'exceljs', 'scoring', 'index.js'))) {
  console.error(`${dist} has no build: run \`npm run build:cli\` first`);
  process.exit(2);
}
const ExcelJS = require('exceljs');
const { buildNominees, writeNominationWorkbook, Rng } = require(path.join(dist, 'samples/fake-nominees.js'));
const { builtinProfile } = require(path.join(dist, 'core/profiles/builtin-profiles.js'));
const scoring = require(path.join(dist, 'adapters/exceljs/scoring/index.js'));

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return def;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} needs a positive whole number`);
  return v;
}
const EXPERTS = arg('experts', 50);
const CANDIDATES = arg('candidates', 300);
const RUNS = arg('runs', 3);
const STRICT = process.argv.includes('--strict');
const TARGET_MS = 3000;
const OUT = path.join(__dirname, 'out', 'scoring');
const RETURNED = path.join(OUT, 'returned');
const RESULT = path.join(OUT, 'result.xlsx');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const log = (s) => process.stderr.write(s + '\n');

async function expertsWorkbook(nominees) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家名单');
  ws.addRow(['姓名', '单位', '邮箱']);
  const universities = ['复旦大学', '同济大学', '上海交通大学', '华东理工大学', '上海大学', '东华大学', '上海理工大学', '上海电力大学', '上海应用技术大学', '上海工程技术大学'];
  for (let i = 0; i < EXPERTS; i++) {
    // Three experts work where some candidate works (conflicts of interest); the others at universities and institutes.
    const unit = i < 3 ? nominees[i * 7].values.unit : `${universities[i % universities.length]}${i >= universities.length ? `第${Math.floor(i / universities.length)}研究所` : ''}`;
    ws.addRow([`专家${String(i + 1).padStart(2, '0')}`, unit, `expert${i + 1}@example.com`]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An expert filling in their sheet: quality + leniency + noise, per criterion, on the 0.5 step. */
async function fill(bytes, expertIndex, quality, rng) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes));
  const ws = wb.getWorksheet('评分表');
  const leniency = (rng.next() - 0.5) * 3;
  ws.eachRow((row, n) => {
    if (n < 4) return;
    const code = row.getCell(1).value;
    const q = quality.get(code);
    if (q === undefined) return;
    for (let k = 0; k < 5; k++) {
      const raw = q + leniency + (rng.next() - 0.5) * 5;
      row.getCell(5 + k).value = Math.min(20, Math.max(0, Math.round(raw * 2) / 2));
    }
    row.getCell(12).value = q > 15 ? '推荐' : '不推荐';
  });
  wb.modified = new Date(Date.UTC(2025, 3, 1, 8, expertIndex));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(RETURNED, { recursive: true });
  const profile = builtinProfile('sqc-2025');
  log(`setup: ${CANDIDATES} candidates, ${EXPERTS} experts`);
  const nominees = buildNominees({ count: CANDIDATES, seed: 'scoring-bench', programme: 'sqc-2025' });
  const candidates = await writeNominationWorkbook('sqc-2025', nominees);
  const experts = await expertsWorkbook(nominees);

  let t = performance.now();
  const gen = await scoring.generateScoreSheets({ profile, candidates: { name: 'candidates.xlsx', bytes: candidates }, experts: { name: 'experts.xlsx', bytes: experts } });
  const generateMs = performance.now() - t;
  log(`generated ${gen.sheets.length} sheets in ${ms(generateMs)} (${gen.assignment.exclusions.length} conflicts of interest)`);

  const rng = new Rng('scoring-bench-fill');
  const quality = new Map(gen.candidates.candidates.map((c) => [c.code, 12 + rng.next() * 6]));
  t = performance.now();
  for (let i = 0; i < gen.sheets.length; i++) {
    const s = gen.sheets[i];
    fs.writeFileSync(path.join(RETURNED, s.name), await fill(s.bytes, i, quality, rng));
    if ((i + 1) % 10 === 0) log(`  filled ${i + 1}/${gen.sheets.length}`);
  }
  fs.writeFileSync(path.join(RETURNED, gen.key.name), gen.key.bytes);
  log(`filled in ${ms(performance.now() - t)} (setup, not timed)`);

  const names = fs.readdirSync(RETURNED).filter((f) => f.endsWith('.xlsx')).sort();
  const readAll = () => names.map((n) => {
    const p = path.join(RETURNED, n);
    return { name: n, bytes: fs.readFileSync(p), lastModified: fs.statSync(p).mtimeMs };
  });
  const files = readAll();
  const bytesIn = files.reduce((s, f) => s + f.bytes.length, 0);

  const timesA = [];
  const timesB = [];
  const timesC = [];
  let last;
  for (let run = 0; run <= RUNS; run++) {
    const t0 = performance.now();
    const onDisk = readAll();
    const t1 = performance.now();
    const c = await scoring.consolidateScoreFiles({ profile, files: onDisk, top: 30 });
    const t2 = performance.now();
    const out = await scoring.writeResultWorkbook(c);
    fs.writeFileSync(RESULT, out);
    const t3 = performance.now();
    if (run > 0) {
      timesA.push(t2 - t1);
      timesB.push(t3 - t2);
      timesC.push(t3 - t0);
    }
    last = { c, resultBytes: out.length };
    log(`${run === 0 ? 'warm-up' : `run ${run}`}: read+check+stats ${ms(t2 - t1)}, result workbook ${ms(t3 - t2)}, total ${ms(t3 - t0)}`);
  }
  const cliStart = performance.now();
  const cli = spawnSync(process.execPath, [path.join(__dirname, '..', 'bin', 'jiangxuan.js'), 'consolidate', RETURNED, '--program', 'sqc-2025', '--out', path.join(OUT, 'result-cli.xlsx'), '--format', 'json', '--force'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const cliMs = performance.now() - cliStart;
  if (cli.status !== 0) log(`CLI exited ${cli.status}: ${cli.stderr}`);

  const c = last.c;
  const scores = c.records.length;
  const w = c.result.agreement[0] && c.result.agreement[0].w;
  const a = median(timesA);
  const b = median(timesB);
  const total = median(timesC);
  const rows = [
    ['experts × candidates', `${EXPERTS} × ${CANDIDATES} (${scores} scores, ${gen.assignment.exclusions.length} conflicts of interest)`],
    ['returned files', `${files.length} (${(bytesIn / 1e6).toFixed(1)} MB)`],
    ['generate score sheets', ms(generateMs)],
    ['(a) read + check + statistics', ms(a)],
    ['(b) result workbook (7 sheets + chart)', `${ms(b)} (${(last.resultBytes / 1e6).toFixed(1)} MB)`],
    ['(c) whole consolidation, in process', ms(total)],
    ['(d) CLI in a fresh process', ms(cliMs)],
    ["Kendall's W", w ? w.w.toFixed(3) : '—'],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nScoring benchmark (median of ${RUNS} runs, Node ${process.version}, ${require('node:os').cpus().length} CPUs)\n`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  const ok = total < TARGET_MS;
  console.log(`\n  target: (c) < ${TARGET_MS} ms … ${ok ? 'met' : 'MISSED'}`);
  console.log(JSON.stringify({ bench: 'scoring', experts: EXPERTS, candidates: CANDIDATES, scores, files: files.length, generateMs: Math.round(generateMs), readCheckStatsMs: Math.round(a), resultWorkbookMs: Math.round(b), consolidateMs: Math.round(total), cliMs: Math.round(cliMs), targetMs: TARGET_MS, ok }));
  if (STRICT && !ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});

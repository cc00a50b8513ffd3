#!/usr/bin/env node
/**
 * Reading benchmark (`npm run bench:read`, which builds dist/ first): how close `validate` is to the floor.
 *
 * For 上海质量工匠 2025 nomination workbooks of 50, 5,000 and 100,000 nominees (summary + details, 51 columns,
 * every text filled; made by src/samples/fake-nominees.ts, the big one by repeating rows: bench/lib/big-workbook.js),
 * measures side by side in one run, each step in its own Node process (so that its peak memory is its own):
 *   floor     native zlib inflate of every part, streamed as the reader does, UTF-8 decoding and one scan that
 *             visits every tag (indexOf "<"): the least any reader of the file must do;
 *   validate  what `jiangxuan validate` does once the file is read from disk: readWorkbookBytes (the fast reader)
 *             + checkWorkbook (programme detection, all rules);
 *   exceljs   new ExcelJS.Workbook().xlsx.load(bytes), the model the annotated copy is made from.
 * Each step runs in --rounds alternating rounds (floor, validate, exceljs, floor, …: the machine's speed drifts, and
 * steps timed minutes apart would compare the drift), each round a process with one warm-up and --runs runs; the
 * median is over the runs of all rounds (wall time; CPU time too). Peak RSS (/usr/bin/time -f %M) is measured in
 * another process that runs the step once, as the CLI does; all under `timeout -s KILL`.
 * exceljs on 100,000 nominees runs once, in one round (--big-exceljs-runs).
 *
 * Targets (issue #16): validate ≤ 1.5 × the floor at 5,000 and 100,000 nominees, ≤ 300 MB peak at 100,000.
 * Prints a table and one JSON line; --strict exits 1 when a target fails. Progress goes to stderr.
 *
 *   node bench/read-bench.js [--runs 5] [--rounds 3] [--sizes 50,5000,100000] [--big-exceljs-runs 1] [--skip-exceljs] [--strict]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const DIST = process.env.JIANGXUAN_BENCH_DIST ? path.resolve(process.env.JIANGXUAN_BENCH_DIST) : path.join(ROOT, 'dist');
const OUT = path.join(__dirname, 'out');
const PROGRAMME = 'sqc-2025';
const AS_OF = '2025-03-01';
const TODAY = { y: 2025, m: 3, d: 1 };

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : process.argv[i + 1];
}
const flag = (name) => process.argv.includes(`--${name}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// ------------------------------------------------------------------ child: one step, several runs

async function child(step, file, runs) {
  let bytes = fs.readFileSync(file);
  let once;
  if (step === 'floor') {
    const zlib = require('node:zlib');
    const { zipEntries } = require(path.join(DIST, 'adapters/exceljs/ooxml/zip.js'));
    once = async () => {
      let tags = 0;
      for (const e of zipEntries(bytes).values()) {
        if (!e.compressedSize) continue;
        const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
        await new Promise((resolve, reject) => {
          const z = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
          const decoder = new TextDecoder();
          z.on('data', (chunk) => {
            const s = decoder.decode(chunk, { stream: true });
            for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) tags++;
          });
          z.on('end', resolve);
          z.on('error', reject);
          z.end(data);
        });
      }
      return tags;
    };
  } else if (step === 'validate') {
    const { readWorkbookBytes } = require(path.join(DIST, 'adapters/files/read-workbook.js'));
    const { checkWorkbook } = require(path.join(DIST, 'core/check/check-workbook.js'));
    once = async () => {
      const grid = await readWorkbookBytes(bytes, { name: path.basename(file) });
      // The process that measures the peak runs once, as `jiangxuan validate` without --out does: the file's
      // bytes go before the check (validate-command.ts).
      if (runs === 1) bytes = undefined;
      return checkWorkbook(grid, { asOf: AS_OF, today: TODAY }).result.counts;
    };
  } else if (step === 'exceljs') {
    const ExcelJS = require('exceljs');
    once = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes);
      return wb.worksheets.length;
    };
  } else throw new Error(`unknown step ${step}`);
  const wall = [];
  const cpu = [];
  let result;
  if (runs > 1) result = await once(); // warm-up
  const n = runs > 1 ? runs : 1;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const c = cpuMs();
    result = await once();
    cpu.push(cpuMs() - c);
    wall.push(performance.now() - t);
    process.stderr.write(` ${Math.round(wall[i])}`);
  }
  process.stderr.write('\n'); // /usr/bin/time's line comes after this one
  process.stdout.write(JSON.stringify({ wall, cpu, result }) + '\n');
}

// ------------------------------------------------------------------ parent

async function workbook(nominees) {
  const file = path.join(OUT, `${PROGRAMME}-${nominees}.xlsx`);
  if (fs.existsSync(file)) return file;
  const { buildNominees, writeNominationWorkbook } = require(path.join(DIST, 'samples/fake-nominees.js'));
  const base = Math.min(nominees, 5000);
  const baseFile = path.join(OUT, `${PROGRAMME}-${base}.xlsx`);
  if (!fs.existsSync(baseFile)) {
    process.stderr.write(`generating ${base} nominees …\n`);
    const list = buildNominees({ count: base, seed: 'bench', programme: PROGRAMME, asOf: TODAY, recommender: '上海市浦东新区市场监督管理局' });
    fs.writeFileSync(baseFile, await writeNominationWorkbook(PROGRAMME, list, { sheetNames: { summary: '推荐汇总表', details: '申报信息' } }));
  }
  if (nominees === base) return baseFile;
  process.stderr.write(`repeating rows to ${nominees} nominees …\n`);
  const { repeatNominees } = require('./lib/big-workbook.js');
  const { readWorkbookBytes } = require(path.join(DIST, 'adapters/files/read-workbook.js'));
  const { residentIdCheckChar } = require(path.join(DIST, 'core/checks/resident-id.js'));
  const src = fs.readFileSync(baseFile);
  fs.writeFileSync(file, repeatNominees(src, await readWorkbookBytes(src), nominees, residentIdCheckChar));
  return file;
}

/**
 * The steps' times, taken in alternating rounds (floor, validate, exceljs, floor, validate, …; each round a process
 * per step with a warm-up and `runs` runs): this machine's speed drifts from one minute to the next, and a ratio of
 * two steps timed minutes apart would measure the drift. The runs of all rounds are pooled for the median. Peak
 * memory is measured apart, in a process that runs the step once, as the CLI does (several runs in one process
 * leave the previous run's garbage to the GC).
 */
function measureSteps(steps, file, rounds) {
  const pooled = new Map(steps.map((st) => [st.step, { wall: [], cpu: [], peaks: [], failed: undefined, result: undefined }]));
  for (let r = 0; r < rounds; r++) {
    for (const st of steps) {
      const acc = pooled.get(st.step);
      if (acc.failed || (st.rounds !== undefined && r >= st.rounds)) continue;
      const m = measureProcess(st.step, file, st.runs, st.limit);
      if (m.failed) acc.failed = m.failed;
      else {
        acc.wall.push(...m.wall);
        acc.cpu.push(...m.cpu);
        acc.peaks.push(m.peakMb);
        acc.result = m.result;
      }
    }
  }
  const out = {};
  for (const st of steps) {
    const acc = pooled.get(st.step);
    if (acc.failed) {
      out[st.step] = { failed: acc.failed };
      continue;
    }
    const once = st.runs > 1 ? measureProcess(st.step, file, 1, st.limit) : undefined;
    out[st.step] = {
      wallMs: median(acc.wall),
      cpuMs: median(acc.cpu),
      runs: acc.wall.length,
      peakMb: once && !once.failed ? once.peakMb : Math.max(...acc.peaks),
      peakMbOverRuns: Math.max(...acc.peaks),
      result: acc.result,
    };
  }
  return out;
}

/** Runs a step in its own process under /usr/bin/time and timeout; returns the runs and the peak RSS (MB). */
function measureProcess(step, file, runs, limitSeconds) {
  process.stderr.write(`  ${step} ${path.basename(file)}:`);
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'timeout', '-s', 'KILL', String(limitSeconds), process.execPath, __filename, '--child', step, file, '--runs', String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const errLines = r.stderr.trim().split('\n');
  const peakKb = Number(errLines[errLines.length - 1].trim());
  process.stderr.write(`${errLines.length > 1 ? errLines[errLines.length - 2] : ''} ms · peak ${Math.round(peakKb / 1024)} MB\n`);
  const line = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !line) return { failed: `exit ${r.status}${r.status === 137 || r.status === null ? ' (killed at the time limit)' : ''}`, peakMb: peakKb / 1024 };
  const out = JSON.parse(line);
  return { wall: out.wall, cpu: out.cpu, peakMb: peakKb / 1024, result: out.result };
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'adapters/xlsx-fast/read-workbook.js'))) {
    console.error(`${DIST} has no build: run \`npm run build:cli\` first (npm run bench:read does it)`);
    process.exit(2);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const runs = Number(arg('runs', '5'));
  const rounds = Number(arg('rounds', '3'));
  const sizes = String(arg('sizes', '50,5000,100000')).split(',').map(Number);
  const bigExceljsRuns = Number(arg('big-exceljs-runs', '1'));
  const rows = [];
  for (const n of sizes) {
    const file = await workbook(n);
    const mb = fs.statSync(file).size / 1048576;
    const steps = [
      { step: 'floor', runs, limit: 600 },
      { step: 'validate', runs, limit: 600 },
    ];
    // exceljs on 100,000 nominees takes minutes: one round of --big-exceljs-runs.
    if (!flag('skip-exceljs')) steps.push(n >= 100000 ? { step: 'exceljs', runs: bigExceljsRuns, limit: 900, rounds: 1 } : { step: 'exceljs', runs, limit: 900 });
    const m = measureSteps(steps, file, rounds);
    rows.push({ nominees: n, fileMb: mb, floor: m.floor, validate: m.validate, exceljs: m.exceljs ?? { failed: 'skipped' } });
  }

  const fmt = (s) => (s.failed ? s.failed : `${Math.round(s.wallMs).toLocaleString('en-US')} ms`);
  const mem = (s) => (s.peakMb ? `${Math.round(s.peakMb)} MB` : '–');
  const ratio = (a, b) => (a.failed || b.failed ? '–' : `${(a.wallMs / b.wallMs).toFixed(2)}×`);
  const cpuRatio = (a, b) => (a.failed || b.failed ? '–' : `${(a.cpuMs / b.cpuMs).toFixed(2)}×`);
  const lines = [];
  lines.push('');
  lines.push(`匠选 reading benchmark · ${PROGRAMME} · node ${process.version} · ${rounds} alternating rounds × ${runs} runs (median wall time; exceljs on 100,000: ${bigExceljsRuns} run)`);
  lines.push('-'.repeat(128));
  lines.push(['nominees', 'file', 'floor', 'peak', 'validate', '× floor', '(CPU ×)', 'peak', 'exceljs', '× floor', 'peak'].map((h, i) => (i < 2 ? h.padEnd(10) : h.padStart(11))).join(''));
  for (const r of rows) {
    lines.push(
      [r.nominees.toLocaleString('en-US'), `${r.fileMb.toFixed(1)} MB`, fmt(r.floor), mem(r.floor), fmt(r.validate), ratio(r.validate, r.floor), cpuRatio(r.validate, r.floor), mem(r.validate), fmt(r.exceljs), ratio(r.exceljs, r.floor), mem(r.exceljs)]
        .map((c, i) => (i < 2 ? String(c).padEnd(10) : String(c).padStart(11)))
        .join(''),
    );
  }
  lines.push('-'.repeat(128));
  const at = (n) => rows.find((r) => r.nominees === n);
  const targets = {};
  for (const n of [5000, 100000]) {
    const r = at(n);
    if (r && !r.validate.failed && !r.floor.failed) targets[`validateAtMost1.5xFloorAt${n}`] = r.validate.wallMs <= 1.5 * r.floor.wallMs;
  }
  if (at(100000) && !at(100000).validate.failed) targets.validateAtMost300MbAt100000 = at(100000).validate.peakMb <= 300;
  for (const [k, v] of Object.entries(targets)) lines.push(`target ${k}: ${v ? '✓ holds' : '✗ fails'}`);
  console.log(lines.join('\n'));
  console.log(JSON.stringify({ node: process.version, runs, rounds, rows, targets }));
  if (flag('strict') && Object.values(targets).some((v) => !v)) process.exitCode = 1;
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv[4], Number(arg('runs', '5'))).catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exitCode = 2;
  });
}

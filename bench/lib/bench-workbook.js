/**
 * The benchmarks' 上海质量工匠 2025 workbook of N nominees (summary + details, 51 columns, every text filled), written
 * once into bench/out/ (gitignored) with the generator of the samples (dist/samples, so the CLI must be built).
 * Used by the page and pane benchmarks; bench:read and bench make larger ones by repeating rows (big-workbook.js).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'bench', 'out');

async function benchWorkbook(nominees) {
  const file = path.join(OUT_DIR, `sqc-2025-${nominees}.xlsx`);
  if (fs.existsSync(file)) return file;
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'samples', 'fake-nominees.js'))) throw new Error('no CLI build: run `npm run build:cli` first');
  const { buildNominees, writeNominationWorkbook } = require(path.join(dist, 'samples/fake-nominees.js'));
  process.stderr.write(`writing ${path.relative(ROOT, file)}…\n`);
  const list = buildNominees({ count: nominees, seed: 'bench', programme: 'sqc-2025', asOf: { y: 2025, m: 3, d: 1 }, recommender: '上海市浦东新区市场监督管理局' });
  const bytes = await writeNominationWorkbook('sqc-2025', list, { sheetNames: { summary: '推荐汇总表', details: '申报信息' } });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

module.exports = { benchWorkbook };

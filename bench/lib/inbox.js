/**
 * The benchmarks' inbox: `files` unit workbooks of `nominees` nominees each (上海质量工匠 2025, one recommending unit
 * each, named in its footer, every text filled), written once into bench/out/inbox-<files>x<nominees>/ (gitignored)
 * with the generator of the samples (dist/samples, so the CLI must be built). Used by bench:cli (the CLI's one run
 * over a folder) and bench:page (the page's many files at once). Returns the folder and its files in order.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');

async function benchInbox(files, nominees, { dist = path.join(ROOT, 'dist'), note = (s) => process.stderr.write(s + '\n') } = {}) {
  const dir = path.join(ROOT, 'bench', 'out', `inbox-${files}x${nominees}`);
  if (!fs.existsSync(path.join(dir, 'done'))) {
    if (!fs.existsSync(path.join(dist, 'samples', 'fake-nominees.js'))) throw new Error('no CLI build: run `npm run build:cli` first');
    const { buildNominees, writeNominationWorkbook } = require(path.join(dist, 'samples/fake-nominees.js'));
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 1; i <= files; i++) {
      const unit = `上海市第${i}推荐单位`;
      const list = buildNominees({ count: nominees, seed: `inbox-${i}`, programme: 'sqc-2025', asOf: { y: 2025, m: 3, d: 1 }, recommender: unit });
      const bytes = await writeNominationWorkbook('sqc-2025', list, { sheetNames: { summary: '推荐汇总表', details: '申报信息' }, footer: { unit } });
      fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}-${unit}.xlsx`), bytes);
      if (i % 10 === 0) note(`  generated ${i}/${files}`);
    }
    fs.writeFileSync(path.join(dir, 'done'), '');
  }
  const list = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(dir, f));
  return { dir, files: list };
}

module.exports = { benchInbox };

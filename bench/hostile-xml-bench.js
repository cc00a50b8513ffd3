#!/usr/bin/env node
/**
 * Hostile XML in returned files (`npm run bench:hostile-xml`, which builds dist/ first): the score-sheet reader
 * (xlsx-lite) and the fast reader on the inputs of src/samples/hostile-xml.ts at 25,000, 50,000 and 100,000
 * elements, as the shared strings of a small workbook — including the reported case, 40,000 unclosed <si> in a
 * 12 KB file, which took the old regular-expression reader 17 s. Linear means time grows with n, not n²: the table
 * shows ms per 100,000 elements at each size. The test suite counts the scanner's work on the same inputs
 * (test/adapters/xml-scan.test.ts); this times them, with a generous bound (--strict: every read under 2 s).
 *
 *   node bench/hostile-xml-bench.js [--strict]
 */
'use strict';
const path = require('node:path');

const DIST = path.join(__dirname, '..', 'dist');
const BOUND_MS = 2000;

async function timeRead(fn) {
  const t = performance.now();
  let outcome;
  try {
    await fn();
    outcome = 'read';
  } catch (e) {
    outcome = e && e.code ? e.code : 'error';
  }
  return { ms: performance.now() - t, outcome };
}

async function main() {
  const { HOSTILE_XML, liteWorkbookWith } = require(path.join(DIST, 'samples/hostile-xml.js'));
  const { openLiteWorkbook } = require(path.join(DIST, 'adapters/exceljs/scoring/xlsx-lite.js'));
  const { readWorkbookFast } = require(path.join(DIST, 'adapters/xlsx-fast/read-workbook.js'));
  const lite = async (bytes) => {
    const wb = await openLiteWorkbook(bytes);
    await wb.read(wb.sheets[0]);
  };
  const sizes = [25000, 50000, 100000];
  const rows = [];
  const cases = { 'reported: 40,000 unclosed <si>': () => '<sst xmlns="x">' + '<si>'.repeat(40000), ...HOSTILE_XML };
  for (const [name, make] of Object.entries(cases)) {
    const row = { case: name, lite: [], fast: [] };
    for (const n of name.startsWith('reported') ? [40000] : sizes) {
      const bytes = await liteWorkbookWith({ sharedStrings: make(n) });
      await timeRead(() => lite(bytes)); // warm-up
      const a = await timeRead(() => lite(bytes));
      const b = await timeRead(() => readWorkbookFast(bytes));
      row.lite.push({ n, kb: Math.round(bytes.length / 1024), ...a });
      row.fast.push({ n, ...b });
    }
    rows.push(row);
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const fmt = (m) => `${m.ms.toFixed(0).padStart(5)} ms (${((m.ms / m.n) * 100000).toFixed(0)}/100k)`;
  const lines = ['', `匠选 hostile XML · score-sheet reader (xlsx-lite) and fast reader · node ${process.version}`, '-'.repeat(120)];
  for (const r of rows) {
    lines.push(`${r.case.padEnd(34)} lite: ${r.lite.map(fmt).join('  ')}  → ${r.lite[0].outcome}`);
    lines.push(`${''.padEnd(34)} fast: ${r.fast.map(fmt).join('  ')}  → ${r.fast[0].outcome}`);
  }
  const worst = Math.max(...rows.flatMap((r) => [...r.lite, ...r.fast].map((m) => m.ms)));
  lines.push('-'.repeat(120));
  lines.push(`slowest read: ${worst.toFixed(0)} ms (bound ${BOUND_MS} ms) ${worst <= BOUND_MS ? '✓' : '✗'}`);
  console.log(lines.join('\n'));
  console.log(JSON.stringify({ node: process.version, rows }));
  if (process.argv.includes('--strict') && worst > BOUND_MS) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 2;
});

#!/usr/bin/env node
/**
 * Forms benchmark (`npm run bench:forms`, which builds dist/ first).
 *
 * Measures, in one process, after a warm-up, the median of several runs of:
 *  (a) writing N filled 上海质量工匠 2025 申报表 as .docx (core layout + the docx package),
 *  (b) reading them back: .docx → grid (jszip + the linear XML reader) → the one door (checkWorkbook, every sheet a
 *      form) → records and findings,
 *  (c) the cost the form detection adds to the one door on a table workbook: checkWorkbook vs validateWorkbook on a
 *      5,000-nominee details grid (no form sheets: detection must stay cheap).
 * Options: --forms N (100) --rows N (5000) --runs N (5).
 */
'use strict';
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const dist = path.join(__dirname, '..', 'dist');
const { buildNominees } = require(path.join(dist, 'samples/fake-nominees.js'));
const { builtinProfile } = require(path.join(dist, 'core/profiles/builtin-profiles.js'));
const { applicationForm, formsSettings } = require(path.join(dist, 'core/forms/form-layout.js'));
const { formDocument } = require(path.join(dist, 'core/forms/form-document.js'));
const { detailsSheet } = require(path.join(dist, 'core/forms/form-details.js'));
const { checkWorkbook } = require(path.join(dist, 'core/check/check-workbook.js'));
const { validateWorkbook } = require(path.join(dist, 'core/rules/validate-workbook.js'));
const { writeDocx } = require(path.join(dist, 'adapters/docx/write-docx.js'));
const { readDocxGrid } = require(path.join(dist, 'adapters/docx/read-docx.js'));

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : Number(process.argv[i + 1]);
}
const FORMS = arg('forms', 100);
const ROWS = arg('rows', 5000);
const RUNS = arg('runs', 5);
const AS_OF = { y: 2025, m: 3, d: 1 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn) {
  await fn();
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

(async () => {
  const profile = builtinProfile('sqc-2025');
  const layout = applicationForm(profile);
  const attachAbove = formsSettings(profile).attachAbove;
  const nominees = buildNominees({ count: FORMS, programme: 'sqc-2025', seed: 'bench-forms', asOf: AS_OF });
  let docs = [];
  const write = await time(async () => {
    docs = [];
    for (const n of nominees) docs.push(await writeDocx(formDocument(layout, new Map(Object.entries(n.values)), { attachAbove, nominee: n.name }).document));
  });
  let forms = 0;
  const read = await time(async () => {
    const sheets = [];
    for (const [i, bytes] of docs.entries()) sheets.push((await readDocxGrid(bytes, `${i}.docx`)).grid);
    forms = checkWorkbook({ sheets }, { profile, today: AS_OF }).forms.length;
  });
  if (forms !== FORMS) throw new Error(`read ${forms} forms of ${FORMS}`);

  const rows = buildNominees({ count: ROWS, programme: 'sqc-2025', seed: 'bench-table', asOf: AS_OF }).map((n) => ({ values: new Map(Object.entries(n.values)) }));
  const grid = { sheets: [detailsSheet(rows, profile, '申报信息')] };
  const door = await time(() => checkWorkbook(grid, { profile, today: AS_OF }));
  const engine = await time(() => validateWorkbook(grid, profile, { asOf: AS_OF }));
  const bytes = docs.reduce((n, d) => n + d.length, 0);
  console.log(`(a) write ${FORMS} forms (.docx, ${Math.round(bytes / FORMS / 1024)} KB each): ${write.toFixed(0)} ms, ${(write / FORMS).toFixed(1)} ms a form`);
  console.log(`(b) read ${FORMS} forms and check them: ${read.toFixed(0)} ms, ${(read / FORMS).toFixed(1)} ms a form`);
  console.log(`(c) ${ROWS}-row details table: checkWorkbook ${door.toFixed(0)} ms vs validateWorkbook ${engine.toFixed(0)} ms (+${(((door - engine) / engine) * 100).toFixed(1)}%)`);
  console.log(JSON.stringify({ forms: FORMS, writeMs: Math.round(write), readMs: Math.round(read), rows: ROWS, checkWorkbookMs: Math.round(door), validateWorkbookMs: Math.round(engine) }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

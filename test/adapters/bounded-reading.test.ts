/**
 * Bounded reading (issue #10): legal workbooks that used to exhaust memory or never finish — a value in XFD1048576,
 * a merge or drop-downs reaching it, <col max="2147483647">, a million-row sheet — are read with the work bounded by
 * the data, give the same grid and findings as the workbook without them, and an annotated copy is made from a
 * clipped model (or refused with 「表格过大」 when even that is over the budget). Work is counted (cells, ranges,
 * validation entries), never timed: speed and memory are measured by bench/bounded-bench.js.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { annotateWorkbook } from '../../src/adapters/exceljs/annotate';
import { loadExcelWorkbook } from '../../src/adapters/exceljs/load';
import { worksheetMerges, worksheetValidations } from '../../src/adapters/exceljs/ooxml/exceljs-patches';
import { clipRefList, parseRangeRef } from '../../src/adapters/exceljs/ooxml/clip-ranges';
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { readWorkbookBytes } from '../../src/adapters/files/read-workbook';
import { readWorkbookFast } from '../../src/adapters/xlsx-fast/read-workbook';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import type { WorkbookGrid } from '../../src/core/model/grid';
import * as hostile from '../../src/samples/hostile-workbooks';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', hostile.HOSTILE_BASE_SAMPLE));
const AS_OF = '2025-03-01';
const TODAY = { y: 2025, m: 3, d: 1 };
const DETAILS = hostile.DETAILS.name;

/** The million-row workbook takes seconds to zip: made once. */
let fullHeight: Promise<Uint8Array> | undefined;
const fullHeightSheet = () => (fullHeight ??= hostile.fullHeightSheet(SAMPLE));

function findings(grid: WorkbookGrid) {
  return checkWorkbook(grid, { asOf: AS_OF, today: TODAY }).result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
}

let base: WorkbookGrid;
let baseFindings: string[];
beforeAll(async () => {
  base = await readWorkbookBytes(SAMPLE);
  baseFindings = findings(base);
  expect(baseFindings.length).toBeGreaterThan(5);
});

/** The grid without the details sheet's far corner, to compare with the sample's. */
function sheetOf(grid: WorkbookGrid, name: string) {
  return grid.sheets.find((s) => s.name === name)!;
}

describe('the reader bounds its work by the data', () => {
  test('a value in XFD1048576: one more row, holes in between, the same findings', async () => {
    const grid = await readWorkbookBytes(await hostile.valueInLastCell(SAMPLE));
    const rows = sheetOf(grid, DETAILS).rows;
    expect(rows).toHaveLength(1_048_576);
    expect(rows[1_048_575]).toHaveLength(16_384);
    expect(rows[1_048_575][16_383]).toBe('角落');
    // Only the rows holding data exist: the sample's and the corner's.
    expect(Object.keys(rows)).toHaveLength(Object.keys(sheetOf(base, DETAILS).rows).length + 1);
    expect(findings(grid)).toEqual(baseFindings);
  });

  test.each([
    ['merge to XFD1048576', hostile.mergeToLastCell],
    ['<col max="2147483647">', hostile.hugeColumnRange],
    ['five whole-column drop-downs', hostile.wholeColumnDropDowns],
    ['a whole-sheet validation and conditional format', hostile.wholeSheetValidation],
  ])('%s: the same grid and findings as the sample (the range is formatting only)', async (_name, make) => {
    const bytes = await make(SAMPLE);
    const grid = await readWorkbookBytes(bytes);
    expect(grid).toStrictEqual(base);
    expect(findings(grid)).toEqual(baseFindings);
    // The exceljs reader, on its clipped copy, agrees.
    expect(await readWorkbookBuffer(bytes)).toStrictEqual(base);
  });

  test('a sheet with a value in every one of its 1,048,576 rows is read whole; the other sheets are unchanged', async () => {
    const grid = await readWorkbookBytes(await fullHeightSheet());
    const full = sheetOf(grid, '序号');
    expect(full.rows).toHaveLength(1_048_576);
    expect(full.rows.every((r) => r.length === 1 && r[0] === 1)).toBe(true);
    expect(grid.sheets.filter((s) => s.name !== '序号')).toStrictEqual(base.sheets);
    expect(findings(grid)).toEqual(baseFindings);
  });
});

describe('the reading budget: counted, and said as 「表格过大」 naming the sheet', () => {
  test('cells holding data', async () => {
    const err = await readWorkbookFast(await fullHeightSheet(), { maxCells: 500_000 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'too-large', failure: { code: 'too-large', reason: 'cells', sheet: '序号', limit: 500_000 } });
    expect(err.localized.zh).toMatch(/^表格过大：工作表“序号”填写的单元格超过 500,000 个/);
    expect(err.localized.zh).toMatch(/拆成几个文件/);
    expect(err.localized.en).toMatch(/^The table is too large: sheet “序号”/);
  });

  test('rows spread far to the right (row slots from column A)', async () => {
    const err = await readWorkbookFast(await hostile.valueInLastCell(SAMPLE), { maxExtent: 10_000 }).catch((e) => e);
    expect(err).toMatchObject({ failure: { code: 'too-large', reason: 'extent', sheet: DETAILS } });
  });

  test('unzipped XML', async () => {
    const err = await readWorkbookFast(await fullHeightSheet(), { maxXmlBytes: 4 * 1024 * 1024 }).catch((e) => e);
    expect(err).toMatchObject({ failure: { code: 'too-large', reason: 'size', limit: 4 } });
    expect(err.localized.zh).toMatch(/^表格过大：.*解压后超过 4 MB/);
  });
});

describe('exceljs gets a clipped copy (annotated copies)', () => {
  test('ranges are clipped to the data and a margin; what is inside stays as written', () => {
    const box = { bottom: 1013, right: 150 };
    expect(clipRefList('C3:C1048576 E3:E9', box)).toEqual({ text: 'C3:C1014 E3:E9', area: 1012 + 7, changed: true });
    expect(clipRefList('A1:XFD1048576', box).text).toBe('A1:EU1014');
    expect(clipRefList('D:D 3:3', box).text).toBe('D1:D1014 A3:EU3');
    expect(clipRefList('ZZ2000:ZZZ3000 A1', box)).toMatchObject({ text: 'A1', changed: true });
    expect(clipRefList('A1:B2', box)).toEqual({ text: 'A1:B2', area: 4, changed: false });
    expect(clipRefList('A20:A20', box, 2).text).toBe(''); // a merge of one cell is no merge
    expect(parseRangeRef('$B$3:$A$1')).toEqual({ top: 0, left: 0, bottom: 2, right: 1 });
    expect(parseRangeRef('XFE1')).toBeUndefined();
  });

  test('five whole-column drop-downs: exceljs never expands them (none of five million entries), the copy has them as written', async () => {
    const bytes = await hostile.wholeColumnDropDowns(SAMPLE);
    const wb = await loadExcelWorkbook(bytes);
    expect(Object.keys(worksheetValidations(wb.getWorksheet(DETAILS)!).model)).toHaveLength(0);
    const copy = await annotateWorkbook(bytes, [], { lang: 'zh' });
    const xml = await (await JSZip.loadAsync(copy)).file('xl/worksheets/sheet2.xml')!.async('string');
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(sqrefs).toEqual(['C3:C1048576', 'E3:E1048576', 'F3:F1048576', 'H3:H1048576', 'I3:I1048576']);
    // In their place in the sheet, so Excel opens the copy without repair.
    expect(xml.indexOf('</dataValidations>')).toBeLessThan(xml.indexOf('<pageMargins'));
    expect(xml.indexOf('<dataValidations')).toBeGreaterThan(xml.indexOf('</sheetData>'));
  });

  test('a merge to XFD1048576 becomes the merged area within the margin; the title merge stays', async () => {
    const wb = await loadExcelWorkbook(await hostile.mergeToLastCell(SAMPLE));
    const merges = worksheetMerges(wb.getWorksheet(DETAILS)!).map((m) => [m.top, m.left, m.bottom, m.right]);
    expect(merges).toContainEqual([1, 1, 1, 51]);
    const big = merges.find((m) => m[0] === 20)!;
    expect(big[2]).toBeLessThan(1100);
    expect(big[3]).toBeLessThan(200);
  });

  test('<col max="2147483647"> and a whole-sheet validation load and write', async () => {
    for (const make of [hostile.hugeColumnRange, hostile.wholeSheetValidation]) {
      const bytes = await make(SAMPLE);
      const copy = await annotateWorkbook(bytes, [], { lang: 'zh' });
      expect(await readWorkbookBytes(copy).then((g) => g.sheets.length)).toBe(base.sheets.length + 1);
    }
  });

  test('a million-row sheet is over the annotated copy’s budget: refused before loading, naming the sheet', async () => {
    const err = await annotateWorkbook(await fullHeightSheet(), [], { lang: 'zh' }).catch((e) => e);
    expect(err).toMatchObject({ failure: { code: 'too-large', reason: 'annotate', sheet: '序号' } });
    expect(err.localized.zh).toMatch(/^表格过大，无法生成标注版：工作表“序号”/);
  });

  test('the input bytes are never modified', async () => {
    const bytes = await hostile.wholeSheetValidation(SAMPLE);
    const before = Buffer.from(bytes);
    await annotateWorkbook(bytes, [], { lang: 'zh' });
    expect(Buffer.from(bytes).equals(before)).toBe(true);
  });
});

describe('the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-bounded-'));
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), ...args], { encoding: 'utf8', cwd: dir });

  test('a value in XFD1048576: the sample’s findings; with --out an annotated copy', async () => {
    const file = join(dir, 'corner.xlsx');
    writeFileSync(file, await hostile.valueInLastCell(SAMPLE));
    const r = run('validate', file, '--as-of', AS_OF, '--format', 'json', '--out', join(dir, 'corner-标注.xlsx'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings).toHaveLength(baseFindings.length);
  });

  test('--out on a million-row sheet: exit 2, one line 「表格过大」 naming the sheet, no stack', async () => {
    const file = join(dir, 'full.xlsx');
    writeFileSync(file, await fullHeightSheet());
    const r = run('validate', file, '--as-of', AS_OF, '--out', join(dir, 'full-标注.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/full\.xlsx：表格过大，无法生成标注版：工作表“序号”/);
    expect(r.stderr).not.toMatch(/at \w+ \(/);
  });
});

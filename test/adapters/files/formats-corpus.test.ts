/**
 * The formats corpus (test/fixtures/real/formats, made by LibreOffice and iconv the way users make such files;
 * see its README): every file through the one file entry (readWorkbookBytes) and checkWorkbook, as the CLI and the
 * page do. Each gives the findings committed in expected.json, and those are the findings of its .xlsx source:
 * the same workbook read by exceljs (for a CSV, the source's sheet it was saved from). IDs stay text exactly as
 * written. LibreOffice computes formulas the .xlsx source left uncalculated; those findings are listed per file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookBytes } from '../../../src/adapters/files/read-workbook';
import { readWorkbookBuffer } from '../../../src/adapters/exceljs/read-workbook';
import { checkWorkbook } from '../../../src/core/check/check-workbook';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../../src/core/model/grid';
import { parseCellAddress } from '../../../src/core/model/grid';

const ROOT = join(__dirname, '..', '..', '..');
const DIR = join(ROOT, 'test', 'fixtures', 'real', 'formats');

interface Expected {
  source?: string;
  sheet?: string;
  asOf?: string;
  program?: string;
  findings?: string[];
  computedByLibreOffice?: string[];
  unreadable?: string;
}
const EXPECTED: Record<string, Expected> = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const TODAY = { y: 2026, m: 12, d: 1 };

const read = (file: string) => readWorkbookBytes(readFileSync(join(DIR, file)), { name: file });

function findings(grid: WorkbookGrid, asOf: string | undefined) {
  const o = checkWorkbook(grid, { asOf, today: TODAY });
  return { program: o.profile.id, lines: o.result.findings.map((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.rule}`) };
}

const base = (file: string) => file.replace(/\.[^.]+$/, '');

const readable = Object.entries(EXPECTED).filter(([, e]) => !e.unreadable);

describe.each(readable)('%s', (file, e) => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = await read(file);
  });

  test('gives the committed findings', () => {
    const got = findings(grid, e.asOf);
    expect(got.program).toBe(e.program);
    expect(got.lines).toEqual(e.findings);
  });

  if (e.source) {
    test(`gives the findings of its .xlsx source ${e.source}${e.sheet ? ` (sheet ${e.sheet})` : ''}`, async () => {
      let src = await readWorkbookBuffer(readFileSync(join(ROOT, e.source!)));
      // A CSV holds one sheet of the source; the reader names it after the file, as Excel does.
      if (e.sheet) src = { sheets: src.sheets.filter((s) => s.name === e.sheet).map((s) => ({ ...s, name: base(file) })) };
      const expected = findings(src, e.asOf).lines;
      const extra = e.computedByLibreOffice ?? [];
      expect(findings(grid, e.asOf).lines.filter((l) => !extra.includes(l))).toEqual(expected);
    });
  }
});

function cell(grid: WorkbookGrid, sheet: string, a1: string): CellValue {
  const s = grid.sheets.find((x) => x.name === sheet);
  const p = parseCellAddress(a1)!;
  return s?.rows[p.row]?.[p.col] ?? null;
}

describe('IDs and other digit strings stay text exactly as written', () => {
  test.each(['申报信息.csv', '申报信息-BOM.csv', '申报信息-GBK.csv'])('%s', async (file) => {
    const g = await read(file);
    const sheet = base(file);
    expect(g.sheets.map((s) => s.name)).toEqual([sheet]);
    expect(cell(g, sheet, 'H3')).toBe('310110197703319487');
    expect(cell(g, sheet, 'H6')).toBe('31011419750608153x');
    expect(cell(g, sheet, 'D3')).toBe('１３７５６０５３６６５');
    // The home postcode stays six characters; a number would have lost the leading zero of 010010.
    expect(typeof cell(g, sheet, 'M3')).toBe('string');
    // LibreOffice wrote the ID stored as a number the way it shows it: the reader keeps that text, the rule explains.
    expect(cell(g, sheet, 'H4')).toBe('3.1010119850307E+017');
    // Names and long texts decoded from GB18030 as from UTF-8.
    expect(cell(g, sheet, 'B3')).toBe('罗莉婷');
  });

  test.each(['网页导出.xls', '网页导出-GBK.xls'])('%s (an HTML table saved as .xls)', async (file) => {
    const g = await read(file);
    const sheet = base(file);
    expect(cell(g, sheet, 'H3')).toBe('310104197805162417');
    expect(cell(g, sheet, 'H5')).toBe('31011519900101381X');
    expect(cell(g, sheet, 'D3')).toBe('13816620417');
    expect(cell(g, sheet, 'D5')).toBe('138 1662 0418');
    expect(cell(g, sheet, 'A1')).toBe('第三届（2025年度）“上海质量工匠”申报推荐表信息汇总');
    expect(g.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 8 }]);
  });
});

/** '' and null are both an empty cell (exceljs keeps an empty string; the other readers drop it). */
function normalised(s: SheetGrid) {
  return { ...s, rows: s.rows.map((r) => r.map((v) => (v === '' ? null : v))) };
}

describe('a workbook saved as .xls, .et or .ods reads cell for cell as its .xlsx source', () => {
  test.each([
    ['sqc-2025-有问题.xls', 'samples/sqc-2025-有问题.xlsx'],
    ['sqc-2025-有问题.et', 'samples/sqc-2025-有问题.xlsx'],
    ['sqc-2025-有问题.ods', 'samples/sqc-2025-有问题.xlsx'],
    ['qingpu-2018-有问题.xls', 'samples/qingpu-2018-有问题.xlsx'],
    // Dates, times, booleans, errors, formulas (their values), merges, a hidden and a very hidden sheet.
    ['单元格类型.xls', 'test/fixtures/real/formats/单元格类型.xlsx'],
    ['单元格类型.ods', 'test/fixtures/real/formats/单元格类型.xlsx'],
    // A hidden sheet and hidden rows (the grid's hiddenRows too).
    ['sqc-2025-隐藏行.xls', 'test/fixtures/real/layouts/sqc-2025-隐藏行.xlsx'],
    ['sqc-2025-隐藏行.ods', 'test/fixtures/real/layouts/sqc-2025-隐藏行.xlsx'],
  ])('%s', async (file, source) => {
    const g = await read(file);
    const src = await readWorkbookBuffer(readFileSync(join(ROOT, source)));
    expect(g.sheets.map(normalised)).toEqual(src.sheets.map(normalised));
  });

  // LibreOffice calculates the formulas this workbook's .xlsx left for Excel: the typed cells are compared.
  test.each(['培育跟踪-有问题.xls', '培育跟踪-有问题.ods'])('%s: sheets, merges, every date', async (file) => {
    const g = await read(file);
    const src = await readWorkbookBuffer(readFileSync(join(DIR, '培育跟踪-有问题.xlsx')));
    expect(g.sheets.map((s) => [s.name, !!s.hidden])).toEqual(src.sheets.map((s) => [s.name, !!s.hidden]));
    let dates = 0;
    src.sheets.forEach((s, i) => {
      expect(g.sheets[i].merges).toEqual(s.merges);
      s.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!(v instanceof Date)) return;
          dates++;
          expect([s.name, r, c, g.sheets[i].rows[r][c]]).toEqual([s.name, r, c, v]);
        }),
      );
    });
    expect(dates).toBeGreaterThan(10);
  });
});

describe('hidden rows kept through "save as" .xls and .ods', () => {
  test.each(['sqc-2025-隐藏行.xls', 'sqc-2025-隐藏行.ods'])('%s: the hidden rows are checked and the findings say so', async (file) => {
    const g = await read(file);
    expect(g.sheets.find((s) => s.name === '申报信息')?.hiddenRows).toEqual([4, 6]);
    const o = checkWorkbook(g, { asOf: '2025-03-01', today: TODAY });
    const id = o.result.findings.find((f) => f.rule === 'id.checksum')!;
    expect(id).toMatchObject({ cell: 'H5', hidden: 'row' });
    expect(id.message.zh).toMatch(/（此行已隐藏）$/);
    expect(o.result.findings.find((f) => f.rule === 'table.hidden-rows')!.message.zh).toContain('第 5、7 行被隐藏，已一并校验');
  });
});

describe('unreadable files: the core reason', () => {
  test.each(Object.entries(EXPECTED).filter(([, e]) => e.unreadable))('%s → %s', async (file, e) => {
    await expect(read(file)).rejects.toMatchObject({ failure: { code: 'unreadable', reason: e.unreadable } });
  });
});

/**
 * The fast reader (what every front end uses) and the exceljs reader give the same grid — values and their
 * types, merges, hidden sheets and rows, sheet order — and therefore the same findings, on every sample
 * workbook, every workbook the test fixtures build, and every kind of workbook Jiangxuan itself writes (annotated
 * copies, score sheets and their key, result workbooks, tracking workbooks). The browser's inflater
 * (DecompressionStream, which Node has too) gives the same grids as native zlib.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { annotateWorkbook } from '../../src/adapters/exceljs/annotate';
import { createTrackingWorkbook } from '../../src/adapters/exceljs/cultivation';
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { consolidateScoreFiles, generateScoreSheets, writeResultWorkbook } from '../../src/adapters/exceljs/scoring';
import { readWorkbookFast } from '../../src/adapters/xlsx-fast/read-workbook';
import { inflateRaw as webInflate } from '../../src/adapters/xlsx-fast/inflate-web';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import { isCheckError } from '../../src/core/check/failures';
import type { WorkbookGrid } from '../../src/core/model/grid';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { buildSampleWorkbook, builtinCjkDateWorkbook, toBuffer } from './exceljs/fixtures';
import { candidatesWorkbook, expertsWorkbook } from '../scoring/helpers';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const TODAY = { y: 2025, m: 3, d: 1 };

/** What a check of the grid gives: the findings, or the failure's code. */
function outcome(grid: WorkbookGrid): string[] {
  try {
    const o = checkWorkbook(grid, { asOf: '2025-03-01', today: TODAY });
    return [o.profile.id, ...o.result.findings.map((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.rule} ${f.message.zh}`)];
  } catch (e) {
    if (isCheckError(e)) return [`failure ${e.failure.code}`];
    throw e;
  }
}

async function expectSameReading(bytes: Uint8Array): Promise<void> {
  const fast = await readWorkbookFast(bytes);
  const slow = await readWorkbookBuffer(bytes);
  // Same values and types (Dates, errors, numbers vs text), same holes and row lengths, merges, hidden flags.
  expect(fast).toStrictEqual(slow);
  expect(outcome(fast)).toEqual(outcome(slow));
  expect(await readWorkbookFast(bytes, { inflate: webInflate })).toStrictEqual(fast);
  // Worksheets as Latin-1 bytes (Node) and decoded (as in the page) read the same.
  expect(await readWorkbookFast(bytes, { decodeAll: true })).toStrictEqual(fast);
}

/** Native inflate, its output handed over `size` bytes at a time (tokens and UTF-8 characters cut anywhere). */
function inflateInPieces(size: number) {
  return async (data: Uint8Array, onChunk: (c: Uint8Array) => void) => {
    const out = inflateRawSync(data);
    for (let i = 0; i < out.length; i += size) onChunk(out.subarray(i, i + size));
  };
}

const sampleFiles = readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'));

test('there are samples to compare', () => {
  expect(sampleFiles.length).toBeGreaterThanOrEqual(8);
});

test.each(sampleFiles)('samples/%s', async (file) => {
  const bytes = readFileSync(join(SAMPLES, file));
  await expectSameReading(bytes);
  // …and an annotated copy of it (what `validate --out` writes) reads the same with both too.
  const grid = await readWorkbookFast(bytes);
  const o = checkWorkbook(grid, { asOf: '2025-03-01', today: TODAY });
  await expectSameReading(await annotateWorkbook(bytes, o.result.findings, { lang: 'zh', programName: o.profile.name.zh }));
});

test('the same grid when the unzipped text arrives a byte or a few bytes at a time (UTF-8 and tokens cut anywhere)', async () => {
  const bytes = readFileSync(join(SAMPLES, 'sqc-2025-有问题.xlsx'));
  const whole = await readWorkbookFast(bytes);
  for (const size of [1, 7]) {
    const inflate = inflateInPieces(size);
    expect(await readWorkbookFast(bytes, { inflate })).toStrictEqual(whole);
  }
});

test('parts that start with a UTF-8 byte-order mark, however the unzipped bytes are cut', async () => {
  const zip = await JSZip.loadAsync(readFileSync(join(SAMPLES, 'sqc-2025-有问题.xlsx')));
  for (const name of Object.keys(zip.files).filter((n) => (n.startsWith('xl/worksheets/') && n.endsWith('.xml')) || n === 'xl/sharedStrings.xml')) {
    const text = await zip.file(name)!.async('string');
    zip.file(name, '\ufeff' + text);
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  const whole = await readWorkbookFast(bytes);
  expect(whole).toStrictEqual(await readWorkbookBuffer(bytes));
  for (const size of [1, 2, 5]) {
    const inflate = inflateInPieces(size);
    expect(await readWorkbookFast(bytes, { inflate })).toStrictEqual(whole);
    expect(await readWorkbookFast(bytes, { inflate, decodeAll: true })).toStrictEqual(whole);
  }
});

describe('test fixtures', () => {
  test('the awkward nomination table (rich text, numeric IDs, dates, errors, formulas, hyperlinks, merges, hidden sheets)', async () => {
    await expectSameReading(await toBuffer(buildSampleWorkbook()));
  });

  test('a date in Chinese Excel’s built-in format id 31', async () => {
    await expectSameReading(await builtinCjkDateWorkbook());
  });

  test('hidden rows, a 1904 date system, booleans, formula results of every type, a sheet starting at C4', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('C4').value = '起点';
    ws.getCell('A6').value = new Date(Date.UTC(1990, 5, 1));
    ws.getCell('A6').numFmt = 'yyyy-mm-dd';
    ws.getCell('B6').value = { formula: 'A6+1', result: new Date(Date.UTC(1990, 5, 2)) } as ExcelJS.CellFormulaValue;
    ws.getCell('B6').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('C6').value = { formula: '1=1', result: true } as ExcelJS.CellFormulaValue;
    ws.getCell('D6').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('E6').value = { formula: '"a"&"b"', result: 'ab' } as ExcelJS.CellFormulaValue;
    ws.getCell('F6').value = false;
    ws.getCell('G6').value = '  两端空格  ';
    ws.getCell('H6').value = '多行\n文字\r\n换行';
    ws.getCell('I6').value = 'Tab\tand _x0041_ literally & <tags>';
    ws.getCell('J6').value = 0.1 + 0.2;
    ws.getCell('K6').value = -1e-7;
    ws.getRow(6).hidden = true;
    ws.getCell('A8').value = 1;
    ws.getRow(8).hidden = true;
    wb.addWorksheet('空表');
    await expectSameReading(await toBuffer(wb));
  });

  test('the CLI tests’ nomination workbook shape (title merged over the header, footer lines)', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('汇总表');
    s.mergeCells('A1:E1');
    s.getCell('A1').value = '第三届（2025年度）“上海质量工匠”培养选树推荐汇总表';
    s.addRow(['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级']);
    s.addRow([1, '上海申江精密机械有限公司', '林晓', '质量部', '高级技师']);
    s.addRow([]);
    s.addRow(['推荐单位（加盖公章）：上海市某区市场监督管理局']);
    await expectSameReading(await toBuffer(wb));
  });
});

describe('workbooks Jiangxuan writes', () => {
  const profile = builtinProfile('sqc-2025')!;

  test('score sheets, the key and the result workbook', async () => {
    const candidates = await candidatesWorkbook([
      { name: '林晓', unit: '上海申江精密机械有限公司' },
      { name: '王强', unit: '上海电气集团' },
      { name: '陈静', unit: '上海华谊集团' },
    ]);
    await expectSameReading(candidates);
    const experts = await expertsWorkbook([
      ['张华', '同济大学', 'zh@example.com'],
      ['李明', '上海交通大学', 'lm@example.com'],
    ]);
    await expectSameReading(experts);
    const round = await generateScoreSheets({ profile, candidates: { name: 'c.xlsx', bytes: candidates }, experts: { name: 'e.xlsx', bytes: experts }, now: new Date(Date.UTC(2025, 3, 1)) });
    for (const f of [...round.sheets, round.key]) await expectSameReading(f.bytes);
    const result = await consolidateScoreFiles({ profile, files: [...round.sheets, round.key].map((f) => ({ name: f.name, bytes: f.bytes })) });
    await expectSameReading(await writeResultWorkbook(result, { generatedAt: '2025-04-02T00:00:00Z' }));
  });

  test('a tracking workbook made from a sample', async () => {
    const tracking = await createTrackingWorkbook({
      profile: builtinProfile('sqc-cultivation-2026')!,
      nominees: readFileSync(join(SAMPLES, 'sqc-2025-正确.xlsx')),
      asOf: { y: 2026, m: 3, d: 1 },
    });
    await expectSameReading(tracking.bytes);
  });
});

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import { readWorkbookBuffer, workbookToGrid, worksheetToGrid, WorkbookReadError } from '../../../src/adapters/exceljs/read-workbook';
import { readWorkbookFast } from '../../../src/adapters/xlsx-fast/read-workbook';
import { readWorkbookFile } from '../../support/read-file';
import { loadFailureCode } from '../../../src/adapters/exceljs/load';
import { checkFailureMessage } from '../../../src/core/check/failures';
import type { SheetGrid, WorkbookGrid } from '../../../src/core/model/grid';
import { builtinCjkDateWorkbook, BIRTH, FULL_WIDTH, ID_AS_NUMBER, fakeOle, sampleBytes, storedZip, tmpFile, toBuffer } from './fixtures';

function sheet(grid: WorkbookGrid, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Both readers give the same grid: the fast one (what every front end uses) and exceljs (kept for writing). */
const READERS: [string, (b: Uint8Array | ArrayBuffer) => Promise<WorkbookGrid>][] = [
  ['fast reader', (b) => readWorkbookFast(b)],
  ['exceljs reader', (b) => readWorkbookBuffer(b)],
];

describe.each(READERS)('%s: values as the user sees them', (_name, readWorkbook) => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = await readWorkbook(await sampleBytes());
  });

  test('all sheets in tab order, hidden ones flagged', () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(['推荐表', '参数', '内部', "It's \"odd\"", 'Empty']);
    expect(sheet(grid, '推荐表').hidden).toBeUndefined();
    expect(sheet(grid, '参数').hidden).toBe(true);
    expect(sheet(grid, '内部').hidden).toBe(true);
    expect(sheet(grid, '参数').rows).toEqual([['截止日期', new Date(Date.UTC(2025, 2, 1))]]);
    // Bounded grid (core/model/grid.ts): an empty row is a hole, a row ends at its last value.
    expect(sheet(grid, '内部').rows).toStrictEqual([, [null, null, 42]]);
    expect(sheet(grid, 'Empty')).toEqual({ name: 'Empty', rows: [], merges: [] });
  });

  test('merged title row above the header', () => {
    const s = sheet(grid, '推荐表');
    expect(s.rows[0]).toEqual(['2025年度上海工匠推荐汇总表']);
    expect(s.rows[1]).toEqual(['序号', '姓名', '身份证号', '出生日期', '得分', '备注']);
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 6, left: 1, bottom: 7, right: 1 },
    ]);
    expect(s.rows[6][1]).toBe('赵六');
    expect(s.rows[7]).toEqual([6]);
  });

  test('row 3: rich text, numeric ID, date, cached #DIV/0!, full-width digits', () => {
    const r = sheet(grid, '推荐表').rows[2];
    expect(r[0]).toBe(1);
    expect(r[1]).toBe('张三');
    expect(typeof r[2]).toBe('number');
    expect(r[2]).toBe(ID_AS_NUMBER);
    expect(r[3]).toBeInstanceOf(Date);
    expect((r[3] as Date).toISOString()).toBe(BIRTH.toISOString());
    expect(r[4]).toEqual({ error: '#DIV/0!' });
    expect(r[5]).toBe(FULL_WIDTH);
  });

  test('formula results, hyperlinks, errors, booleans, shared formulas', () => {
    const s = sheet(grid, '推荐表');
    expect(s.rows[3]).toEqual([2, '李四', '31010119800101001X', new Date(Date.UTC(1980, 0, 1)), 20, '材料链接']);
    expect(s.rows[4]).toEqual([3, '王五', { error: '#N/A' }, true, 30, '王五（复审）']);
    // A formula without a cached result reads as empty.
    expect(s.rows[5]).toEqual([4]);
  });

  test('rows end at their last value and trailing styled-but-empty rows are trimmed', () => {
    const s = sheet(grid, '推荐表');
    expect(s.rows).toHaveLength(8);
    expect(s.rows.map((r) => r.length)).toEqual([1, 6, 6, 6, 6, 1, 2, 1]);
  });

  test('ArrayBuffer, Uint8Array and file path inputs give the same grid', async () => {
    const bytes = await sampleBytes();
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await readWorkbook(ab)).toStrictEqual(grid);
    expect(await readWorkbook(new Uint8Array(bytes))).toStrictEqual(grid);
    expect(await readWorkbookFile(tmpFile('sample.xlsx', bytes))).toStrictEqual(grid);
  });

  test('a date formatted with a built-in Chinese format id (31) arrives as a Date', async () => {
    const g = await readWorkbook(await builtinCjkDateWorkbook());
    expect(g.sheets[0].rows).toEqual([['出生日期'], [new Date(Date.UTC(1980, 0, 1))]]);
  });

  test('a sheet whose data starts further down and right starts at A1, with holes for the empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('C4').value = 'x';
    const g = await readWorkbook(await toBuffer(wb));
    expect(g.sheets[0].rows).toStrictEqual([, , , [null, null, 'x']]);
  });

  test('hidden rows that hold data are listed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 6; r++) ws.getCell(r, 1).value = r;
    ws.getRow(3).hidden = true;
    ws.getRow(5).hidden = true;
    ws.getRow(9).hidden = true; // no data: not listed
    const g = await readWorkbook(await toBuffer(wb));
    expect(g.sheets[0].hiddenRows).toEqual([2, 4]);
    expect(sheet(grid, '推荐表').hiddenRows).toBeUndefined();
  });

  test('merges reaching past the data are clipped; merges beyond it are dropped', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.mergeCells('A1:Z1');
    ws.getCell('A1').value = 'title';
    ws.getCell('B2').value = 1;
    ws.mergeCells('D10:E12'); // empty and outside the data
    const g = await readWorkbook(await toBuffer(wb));
    expect(g.sheets[0].rows).toEqual([['title'], [null, 1]]);
    expect(g.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  test('hidden rows are listed (0-based, ascending); a sheet without any has no list', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 6; r++) ws.getCell(r, 1).value = `r${r}`;
    ws.getRow(5).hidden = true;
    ws.getRow(3).hidden = true;
    ws.getRow(9).hidden = true; // hidden but empty: not part of the grid
    wb.addWorksheet('T').getCell('A1').value = 'x';
    const g = await readWorkbookBuffer(await toBuffer(wb));
    expect(g.sheets[0].hiddenRows).toEqual([2, 4]);
    expect(g.sheets[1].hiddenRows).toBeUndefined();
  });

  // How fast this reads is measured by bench/, not here; this checks the values survive such a sheet.
  test('a sheet with a whole-column drop-down reads its values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '性别';
    ws.getCell('A2').value = '男';
    // exceljs writes this compactly but would expand it to a million entries when reading it back.
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('A2:A1048576', {
      type: 'list',
      allowBlank: true,
      formulae: ['"男,女"'],
    });
    const g = await readWorkbook(await toBuffer(wb));
    expect(g.sheets[0].rows).toEqual([['性别'], ['男']]);
  });
});

describe.each(READERS)('%s: formula cells', (_name, readWorkbook) => {
  test('a cached result of 0 or FALSE is a value, not an empty cell; "" shows as empty', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { formula: '1-1', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = { formula: '1=2', result: false } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = { formula: '""', result: '' } as ExcelJS.CellFormulaValue;
    ws.getCell('A4').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    const g = await readWorkbook(await toBuffer(wb));
    expect(g.sheets[0].rows.map((r) => r[0])).toStrictEqual([0, false, , 2]);
  });
});

describe('large sheets', () => {
  // Speed is measured by bench/validate-bench.js; this checks 100,000 rows convert completely and correctly.
  test('100,000 rows × 20 columns convert completely', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('big');
    const ROWS = 100_000;
    const COLS = 20;
    for (let r = 1; r <= ROWS; r++) {
      const values: (string | number)[] = new Array(COLS);
      for (let c = 0; c < COLS; c++) values[c] = c % 2 ? r * COLS + c : `v${r}`;
      ws.addRow(values);
    }
    const grid = worksheetToGrid(ws);
    expect(grid.rows).toHaveLength(ROWS);
    expect(grid.rows[ROWS - 1][COLS - 1]).toBe(ROWS * COLS + COLS - 1);
    expect(grid.rows[0][0]).toBe('v1');
    expect(workbookToGrid(wb).sheets).toHaveLength(1);
  });
});

describe.each(READERS)('%s: unusable files give a WorkbookReadError with a code and never anything else', (_name, readWorkbookBuffer) => {
  async function codeOf(bytes: Uint8Array | ArrayBuffer): Promise<string> {
    try {
      await readWorkbookBuffer(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      const err = e as WorkbookReadError;
      expect(err.localized.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(err.localized.en).toMatch(/[a-z]/);
      expect(err.localized.zh).not.toContain('\n');
      expect(err.localized.en).not.toContain('\n');
      expect(err.message.startsWith(err.localized.zh)).toBe(true);
      expect(err.text('en')).toBe(err.localized.en);
      return err.code;
    }
    throw new Error('expected a WorkbookReadError');
  }

  test('empty file', async () => {
    expect(await codeOf(Buffer.alloc(0))).toBe('empty');
    expect(await codeOf(new ArrayBuffer(0))).toBe('empty');
  });

  test('random bytes', async () => {
    const junk = randomBytes(4096);
    junk[0] = 0x00;
    expect(await codeOf(junk)).toBe('not-a-workbook');
  });

  test('a truncated xlsx (first half of the bytes)', async () => {
    const bytes = await sampleBytes();
    expect(await codeOf(bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe('truncated');
    expect(await codeOf(bytes.subarray(0, 10))).toBe('truncated');
  });

  test('a zip whose sheet data is damaged (exceljs or jszip throws)', async () => {
    const bytes = Buffer.from(await sampleBytes());
    // Overwrite the middle of the first sheet's compressed data.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = bytes.indexOf(name) + name.length;
    bytes.fill(0xa5, at + 40, at + 400);
    expect(await codeOf(bytes)).toBe('truncated');
    // It got past the byte checks: the cause is what jszip or exceljs threw (kept for debugging).
    await expect(readWorkbookBuffer(bytes)).rejects.toHaveProperty('cause');
  });

  test('password-protected OOXML (OLE with an EncryptionInfo stream)', async () => {
    expect(await codeOf(fakeOle(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted');
  });

  test('legacy .xls (OLE without EncryptionInfo)', async () => {
    expect(await codeOf(fakeOle(['Root Entry', 'Workbook', '\u0005SummaryInformation']))).toBe('legacy-xls');
    expect(await codeOf(Buffer.from('D0CF11E0A1B11AE1', 'hex'))).toBe('legacy-xls');
  });

  test('a zip that is not a workbook (.docx), and an empty zip', async () => {
    const docx = storedZip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
      'word/document.xml': '<?xml version="1.0"?><w:document/>',
    });
    expect(await codeOf(docx)).toBe('not-a-workbook');
    await expect(readWorkbookBuffer(docx)).rejects.toMatchObject({ kind: 'docx' });
    expect(await codeOf(storedZip({}))).toBe('not-a-workbook');
  });

  test('a complete zip claiming to be a workbook but holding garbage: malformed, not "download it again"', async () => {
    const fake = storedZip({ 'xl/workbook.xml': 'not xml at all <<<', 'xl/worksheets/sheet1.xml': '<<<' });
    expect(await codeOf(fake)).toBe('malformed');
    await expect(readWorkbookBuffer(fake)).rejects.toMatchObject({ localized: { zh: expect.stringContaining('另存为新的 .xlsx') } });
    await expect(readWorkbookBuffer(fake)).rejects.not.toMatchObject({ localized: { zh: expect.stringContaining('重新从邮件下载') } });
  });

  test('the same XML damage in a stored entry whose CRC no longer matches: damaged in transit', async () => {
    const fake = Buffer.from(storedZip({ 'xl/workbook.xml': '<workbook><sheets/></workbook>' }));
    const at = fake.indexOf('<sheets/>');
    fake[at + 1] = '!'.charCodeAt(0); // "<!heets/>": bad XML, and the entry's CRC-32 no longer matches
    expect(await codeOf(fake)).toBe('truncated');
  });

  test('cells or merges beyond column XFD: beyond-grid, not "damaged"', async () => {
    const sample = await sampleBytes();
    const zip = await JSZip.loadAsync(sample);
    const part = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace('</sheetData>', '<row r="20"><c r="XFE20"><v>1</v></c></row></sheetData>'));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await codeOf(bytes)).toBe('beyond-grid');
    await expect(readWorkbookBuffer(bytes)).rejects.toMatchObject({ localized: { zh: expect.stringContaining('超出 Excel 表格范围') } });
  });

  test('running out of room while loading (a RangeError from V8): too-large', async () => {
    expect(await loadFailureCode(new Uint8Array(0), new RangeError('Invalid string length'))).toBe('too-large');
    // The one wording of a workbook too large to read (表格过大…), shared with the counted budget's refusals.
    expect(checkFailureMessage({ code: 'too-large', reason: 'memory', limit: 0 }).zh).toMatch(/^表格过大：读取工作簿时内存不足/);
  });

  test('an HTML table saved with an .xls name', async () => {
    const html = Buffer.from('<html><head><meta charset="utf-8"></head><body><table><tr><td>姓名</td></tr></table></body></html>');
    expect(await codeOf(html)).toBe('not-a-workbook');
    await expect(readWorkbookBuffer(html)).rejects.toMatchObject({ kind: 'html' });
  });

  test('the path variant reports content problems the same way and passes fs errors through', async () => {
    await expect(readWorkbookFile(tmpFile('empty.xlsx', Buffer.alloc(0)))).rejects.toMatchObject({ code: 'empty' });
    await expect(readWorkbookFile('/nonexistent/dir/x.xlsx')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

/** Test workbooks built with exceljs at run time, and hand-made byte strings for bad inputs. */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';

export const ID_AS_NUMBER = 110105194912310000;
export const BIRTH = new Date(Date.UTC(1949, 11, 31));
export const FULL_WIDTH = '１２３４５６';

/** A nomination table with the awkward things real ones have. */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('推荐表');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '2025年度上海工匠推荐汇总表';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getRow(2).values = ['序号', '姓名', '身份证号', '出生日期', '得分', '备注'];

  const shared: Partial<ExcelJS.Style> = {
    font: { name: '宋体', size: 11, italic: true },
    border: { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } },
  };

  // Row 3: rich text name, ID typed as a number, a date, #DIV/0! cached, full-width digits.
  ws.getCell('A3').value = 1;
  ws.getCell('B3').value = { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] };
  ws.getCell('C3').value = ID_AS_NUMBER;
  ws.getCell('C3').numFmt = '0';
  ws.getCell('D3').value = BIRTH;
  ws.getCell('D3').numFmt = 'yyyy-mm-dd';
  ws.getCell('E3').value = { formula: 'A3/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('F3').value = FULL_WIDTH;

  // Row 4: text ID, formula with a cached date, a number result, a hyperlink.
  ws.getCell('A4').value = 2;
  ws.getCell('B4').value = '李四';
  ws.getCell('B4').note = '用户备注：请核实学历';
  ws.getCell('C4').value = '31010119800101001X';
  ws.getCell('D4').value = { formula: 'DATE(1980,1,1)', result: new Date(Date.UTC(1980, 0, 1)) } as ExcelJS.CellFormulaValue;
  ws.getCell('D4').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('F4').value = { text: '材料链接', hyperlink: 'https://example.com/a.pdf' };

  // Row 5: error value, boolean, string formula result, shared formula (E4:E5).
  ws.getCell('A5').value = 3;
  ws.getCell('B5').value = '王五';
  ws.getCell('B5').note = {
    texts: [
      { text: '审核员:', font: { bold: true, size: 9 } },
      { text: '\n身份证复印件缺失', font: { size: 9 } },
    ],
  };
  ws.getCell('C5').value = { error: '#N/A' };
  ws.getCell('D5').value = true;
  ws.getCell('F5').value = { formula: 'B5&"（复审）"', result: '王五（复审）' } as ExcelJS.CellFormulaValue;
  ws.fillFormula('E4:E5', 'A4*10', [20, 30]);

  // Row 6: a formula with no cached result; row 7-8: a vertical merge in the data.
  ws.getCell('A6').value = 4;
  ws.getCell('E6').value = { formula: 'A6*10' } as ExcelJS.CellFormulaValue;
  ws.mergeCells('B7:B8');
  ws.getCell('B7').value = '赵六';
  ws.getCell('A7').value = 5;
  ws.getCell('A8').value = 6;

  // Cells sharing one style: annotating one must not recolour the other.
  for (const a of ['C3', 'C4', 'C5', 'C6']) ws.getCell(a).style = { ...ws.getCell(a).style, ...shared };

  // Things an annotated copy must keep: a drop-down, conditional formatting, a frozen header, a name.
  ws.getCell('F6').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  ws.addConditionalFormatting({
    ref: 'E3:E8',
    rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: ['25'], style: { font: { color: { argb: 'FF9C0006' } } } }],
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
  wb.definedNames.add("'推荐表'!$C$3:$C$8", '身份证号列');

  // Styled but empty rows at the end are trimmed.
  ws.getCell('A20').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };

  const hidden = wb.addWorksheet('参数', { state: 'hidden' });
  hidden.getCell('A1').value = '截止日期';
  hidden.getCell('B1').value = new Date(Date.UTC(2025, 2, 1));
  hidden.getCell('B1').numFmt = 'yyyy-mm-dd';

  const very = wb.addWorksheet('内部', { state: 'veryHidden' });
  very.getCell('C2').value = 42;

  wb.addWorksheet("It's \"odd\"").getCell('B2').value = 'x';
  wb.addWorksheet('Empty');
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function sampleBytes(): Promise<Buffer> {
  return toBuffer(buildSampleWorkbook());
}

export function tmpFile(name: string, bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiangxuan-exceljs-'));
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

// ---------------------------------------------------------------------------------------------------------
// Hand-made bytes

/** A valid zip with stored (uncompressed) entries. */
export function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const OLE_HEADER = Buffer.from('D0CF11E0A1B11AE1', 'hex');

/** An OLE compound file header followed by directory-ish bytes holding the given UTF-16LE stream names. */
export function fakeOle(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  OLE_HEADER.copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  const dir = Buffer.alloc(512);
  streamNames.forEach((n, i) => {
    const name = Buffer.from(n + '\0', 'utf16le');
    name.copy(dir, i * 128);
    dir.writeUInt16LE(name.length, i * 128 + 64);
  });
  return Buffer.concat([header, Buffer.alloc(512, 0xff), dir]);
}

// jszip is exceljs's own dependency; tests use it to edit the XML of a written workbook.
const JSZip = require('jszip') as {
  loadAsync(b: Uint8Array): Promise<{
    file(n: string): { async(t: 'string'): Promise<string> } | null;
    file(n: string, data: string): unknown;
    files: Record<string, unknown>;
    generateAsync(o: { type: 'nodebuffer'; compression: 'DEFLATE' }): Promise<Buffer>;
  }>;
};
export { JSZip };

/**
 * A workbook whose date cell uses Excel's built-in id 31 (yyyy"年"m"月"d"日" in zh-CN), as Chinese Excel
 * writes it: no <numFmt> entry, only the id. The cell is on a sheet "S" added to `wb` (default: a new workbook).
 */
export async function builtinCjkDateWorkbook(wb = new ExcelJS.Workbook()): Promise<Buffer> {
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = '出生日期';
  ws.getCell('A2').value = new Date(Date.UTC(1980, 0, 1));
  ws.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
  const zip = await JSZip.loadAsync(await toBuffer(wb));
  let styles = await zip.file('xl/styles.xml')!.async('string');
  const m = /<numFmt numFmtId="(\d+)" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"\/>/.exec(styles);
  if (!m) throw new Error('fixture: custom date format not found in styles.xml');
  styles = styles.replace(m[0], '').replace(new RegExp(`numFmtId="${m[1]}"`, 'g'), 'numFmtId="31"');
  zip.file('xl/styles.xml', styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

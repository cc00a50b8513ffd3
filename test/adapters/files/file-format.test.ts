/**
 * Which reader the one file entry chooses, from the bytes (and, for plain text only, the name); the encodings a
 * text file may come in; and the smaller formats the corpus does not hold (UTF-16 text, Excel 2003 XML).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFileFormat, readWorkbookBytes } from '../../../src/adapters/files/read-workbook';
import { decodeText } from '../../../src/adapters/sheetjs';
import { oleIsComplete } from '../../../src/adapters/sheetjs/ole';
import { fakeOle, storedZip } from '../exceljs/fixtures';

const FORMATS = join(__dirname, '..', '..', 'fixtures', 'real', 'formats');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FORMATS, name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('detectFileFormat', () => {
  test('by content, whatever the name says', () => {
    expect(detectFileFormat(new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'samples', 'sqc-2025-正确.xlsx'))), 'x.xls')).toEqual({ reader: 'exceljs' });
    expect(detectFileFormat(fixture('sqc-2025-有问题.xls'), '推荐表.xlsx')).toEqual({ reader: 'sheetjs', format: 'xls' });
    expect(detectFileFormat(fixture('sqc-2025-有问题.ods'))).toEqual({ reader: 'sheetjs', format: 'ods' });
    expect(detectFileFormat(fixture('网页导出.xls'))).toEqual({ reader: 'sheetjs', format: 'html' });
    expect(detectFileFormat(utf8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'))).toEqual({ reader: 'sheetjs', format: 'xml' });
  });

  test('plain text is a table under a table’s name (or no name), not under any other', () => {
    const csv = utf8('姓名,身份证号码\n张三,310101198503070023\n');
    for (const name of ['名单.csv', '名单.TXT', '导出.tsv', '导出.xls', '名单.et', undefined]) expect(detectFileFormat(csv, name)).toEqual({ reader: 'sheetjs', format: 'text' });
    expect(detectFileFormat(csv, '配置.json')).toEqual({ reader: 'none', code: 'not-a-workbook', kind: 'text' });
    expect(detectFileFormat(csv, '名单.xlsx')).toEqual({ reader: 'none', code: 'not-a-workbook', kind: 'text' });
  });

  test('Office 97-2003 files that are no workbook, and OpenDocument files that are no spreadsheet', () => {
    expect(detectFileFormat(fakeOle(['Root Entry', 'WordDocument', '1Table']), '推荐表.doc')).toEqual({ reader: 'none', code: 'not-a-workbook', kind: 'docx' });
    expect(detectFileFormat(fakeOle(['Root Entry', 'PowerPoint Document']))).toEqual({ reader: 'none', code: 'not-a-workbook', kind: 'pptx' });
    const odt = storedZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' });
    expect(detectFileFormat(odt, '说明.odt')).toEqual({ reader: 'none', code: 'not-a-workbook', kind: 'opendocument' });
    const ods = storedZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
    expect(detectFileFormat(ods)).toEqual({ reader: 'sheetjs', format: 'ods' });
  });

  test('a cut-short compound file is truncated before any parser sees it', () => {
    const xls = fixture('sqc-2025-有问题.xls');
    expect(oleIsComplete(xls)).toBe(true);
    for (const keep of [512, 4096, 40960, xls.length - 4096]) {
      expect([keep, oleIsComplete(xls.subarray(0, keep))]).toEqual([keep, false]);
      expect(detectFileFormat(xls.subarray(0, keep))).toEqual({ reader: 'none', code: 'truncated' });
    }
    // A header-only stand-in (as in the exceljs reader's tests) is not a complete file either.
    expect(oleIsComplete(fakeOle(['Root Entry', 'Workbook']))).toBe(false);
  });
});

describe('decodeText', () => {
  const text = '姓名,身份证号码\n罗莉婷,31011419750608153x\n';
  test('UTF-8 with and without BOM, GB18030, UTF-16 with BOM', () => {
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array(Buffer.from(readFileSync(join(FORMATS, '申报信息-GBK.csv'))))).encoding).toBe('gb18030');
    expect(decodeText(new Uint8Array(Buffer.from(new TextEncoder().encode('罗莉婷'))))).toEqual({ text: '罗莉婷', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xc2, 0xde, 0xc0, 0xf2, 0xe6, 0xc3]))).toEqual({ text: '罗莉婷', encoding: 'gb18030' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
  });

  test('the GB18030 CSV decodes to the same text as the UTF-8 one', () => {
    expect(decodeText(fixture('申报信息-GBK.csv')).text).toBe(decodeText(fixture('申报信息.csv')).text);
  });
});

describe('readWorkbookBytes on the smaller formats', () => {
  test('Excel “Unicode text” (UTF-16, tab-separated): IDs as written', async () => {
    const tsv = '姓名\t身份证号码\t邮编\n张三\t310101198503070023\t010010\n';
    const g = await readWorkbookBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from(tsv, 'utf16le')]), { name: '名单.txt' });
    expect(g.sheets).toEqual([{ name: '名单', rows: [['姓名', '身份证号码', '邮编'], ['张三', '310101198503070023', '010010']], merges: [] }]);
  });

  test('Excel 2003 XML saved as .xls by a web platform: string cells stay strings', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="申报信息"><Table>
  <Row><Cell><Data ss:Type="String">姓名</Data></Cell><Cell><Data ss:Type="String">身份证号码</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">张三</Data></Cell><Cell><Data ss:Type="String">310101198503070023</Data></Cell></Row>
 </Table></Worksheet>
</Workbook>`;
    const g = await readWorkbookBytes(utf8(xml), { name: '导出.xls' });
    expect(g.sheets.map((s) => [s.name, s.rows])).toEqual([['申报信息', [['姓名', '身份证号码'], ['张三', '310101198503070023']]]]);
  });

  test('a page with no table, an XML file that is no spreadsheet: not a workbook, with what it is', async () => {
    await expect(readWorkbookBytes(utf8('<html><body><p>登录已过期</p></body></html>'), { name: '导出.xls' })).rejects.toMatchObject({ failure: { reason: 'not-a-workbook', kind: 'html' } });
    await expect(readWorkbookBytes(utf8('<?xml version="1.0"?><config><a>1</a></config>'), { name: 'x.xml' })).rejects.toMatchObject({ failure: { reason: 'not-a-workbook' } });
  });
});

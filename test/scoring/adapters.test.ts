/** The small pieces under the scoring adapters: the fast .xlsx reader, Excel's protection hash, the chart part. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sha256Hex, sheetProtectionHash } from '../../src/adapters/exceljs/scoring/crypto';
import { chartXml } from '../../src/adapters/exceljs/scoring/chart';
import { openLiteWorkbook } from '../../src/adapters/exceljs/scoring/xlsx-lite';
import { decodeXml } from '../../src/adapters/exceljs/ooxml/xml';
import { rowsXml } from '../../src/adapters/exceljs/scoring/sheet-rows';
import { WorkbookReadError } from '../../src/adapters/exceljs/errors';

/** A minimal hand-made package, the way other writers (WPS, LibreOffice, older Excel) may lay it out. */
async function handMade(sheetXml: string, shared: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'xl/workbook.xml',
    `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="评分表" sheetId="1" rel:id="R1"/><x:sheet name="jx_meta" sheetId="2" state="hidden" rel:id="R2"/></x:sheets></x:workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/><Relationship Id="R2" Type="x/worksheet" Target="worksheets/b.xml"/><Relationship Id="R3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>`,
  );
  zip.file('xl/worksheets/a.xml', sheetXml);
  zip.file('xl/worksheets/b.xml', '<worksheet><sheetData/></worksheet>');
  zip.file('xl/strings.xml', shared);
  zip.file('docProps/core.xml', '<cp:coreProperties xmlns:cp="x" xmlns:dcterms="y"><dcterms:modified xsi:type="dcterms:W3CDTF">2025-04-02T08:30:00Z</dcterms:modified></cp:coreProperties>');
  return zip.generateAsync({ type: 'uint8array' });
}

describe('xlsx-lite', () => {
  test('prefixes, absolute targets, rich and phonetic shared strings, inline strings, implicit positions, escapes', async () => {
    const shared =
      '<sst xmlns="x"><si><t>编号</t></si><si><r><t>林</t></r><r><rPr><b/></rPr><t xml:space="preserve">晓 </t></r><rPh sb="0" eb="1"><t>リン</t></rPh></si><si><t>a&amp;b_x000D_c</t></si></sst>';
    const sheet =
      '<x:worksheet xmlns:x="m"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>C001</x:t></x:is></x:c><x:c><x:v>17.5</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c r="B4" t="str"><x:f>IF(1,&quot;&quot;,2)</x:f><x:v></x:v></x:c><x:c r="C4" t="s"><x:v>2</x:v></x:c><x:c r="D4"/></x:row>' +
      '</x:sheetData></x:worksheet>';
    const wb = await openLiteWorkbook(await handMade(sheet, shared));
    expect(wb.sheets.map((s) => [s.name, s.state, s.part])).toEqual([
      ['评分表', 'visible', 'xl/worksheets/a.xml'],
      ['jx_meta', 'hidden', 'xl/worksheets/b.xml'],
    ]);
    expect(wb.modified?.toISOString()).toBe('2025-04-02T08:30:00.000Z');
    const data = await wb.read(wb.sheets[0]);
    // Bounded like the core's grid: rows end at their last value, an empty row is a hole.
    expect(data.rows[0]).toEqual(['编号', null, '林晓 ']);
    expect(data.rows[1]).toEqual(['C001', 17.5, true, { error: '#N/A' }]);
    expect(data.rows[2]).toBeUndefined();
    expect(data.rows[3]).toEqual([null, '', 'a&b\rc']);
    expect(data.formulas.get(3 * 16384 + 1)).toBe('IF(1,"",2)');
    expect((await wb.read(wb.sheets[1])).rows).toEqual([]);
  });

  test('reads what exceljs writes, and what we append as XML', async () => {
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet('S');
    ws.addRow(['编号', 1.5, { formula: 'A1&"x"', result: '编号x' }]);
    const bytes = new Uint8Array((await x.xlsx.writeBuffer()) as ArrayBuffer);
    const wb = await openLiteWorkbook(bytes);
    expect((await wb.read(wb.sheets[0])).rows).toEqual([['编号', 1.5, '编号x']]);
    expect(rowsXml(2, [['<a>', 2, { f: 'SUM(B2:B2)', v: 2 }, null, { f: 'X', v: '' }]], ['', '5'])).toBe(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>&lt;a&gt;</t></is></c><c r="B2" s="5"><v>2</v></c><c r="C2"><f>SUM(B2:B2)</f><v>2</v></c><c r="E2" t="str"><f>X</f><v></v></c></row>',
    );
  });

  test('unusable bytes get the shared, precise messages', async () => {
    await expect(openLiteWorkbook(new Uint8Array())).rejects.toThrow(WorkbookReadError);
    await expect(openLiteWorkbook(new TextEncoder().encode('a,b\n1,2\n'))).rejects.toThrow(/文本文件/);
    const cut = (await handMade('<worksheet/>', '<sst/>')).slice(0, 200);
    await expect(openLiteWorkbook(cut)).rejects.toThrow(/不完整或已损坏/);
  });

  test('XML entities and OOXML escapes', () => {
    expect(decodeXml('&#x4E2D;&#25991;&lt;&apos;_x0009_')).toBe("中文<'\t");
  });
});

describe('crypto', () => {
  test('SHA-256 through Web Crypto', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('the sheet-protection hash is Excel’s (same as exceljs’ Node implementation for the same salt)', async () => {
    const Encryptor = require('exceljs/lib/utils/encryptor') as { convertPasswordToHash(p: string, alg: string, salt: string, spin: number): string };
    const h = await sheetProtectionHash('口令ab12', 100);
    expect(h.algorithmName).toBe('SHA-512');
    expect(h.spinCount).toBe(100);
    expect(h.hashValue).toBe(Encryptor.convertPasswordToHash('口令ab12', 'SHA512', h.saltValue, 100));
  });
});

describe('chart part', () => {
  test('a floating-bar range chart with the trimmed mean marked', () => {
    const xml = chartXml({
      sheet: "分数'分布",
      firstRow: 2,
      lastRow: 3,
      categoryCol: 'B',
      categories: ['C001', 'C<2>'],
      low: { name: '最低分', col: 'D', values: [70, undefined] },
      range: { name: '最低分至最高分', col: 'G', values: [25, 0] },
      mark: { name: '去极值平均分', col: 'E', values: [82.5, 80] },
      title: '分布',
      max: 100,
      at: { col: 8, row: 1, cols: 12, rows: 24 },
    });
    expect(xml).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(xml).toContain("<c:f>'分数''分布'!$D$2:$D$3</c:f>");
    expect(xml).toContain('<c:v>C&lt;2&gt;</c:v>');
    expect(xml).toContain('<c:pt idx="0"><c:v>70</c:v></c:pt></c:numCache>');
    expect(xml).toContain('<c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>');
    expect(xml).toContain('<c:max val="100"/>');
  });
});

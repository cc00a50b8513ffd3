/**
 * Hostile XML for the readers of untrusted parts (issue #10, "No regex over untrusted XML"): each generator makes
 * an input of `n` elements (or characters) of a shape that makes backtracking regular expressions or naive
 * rescanning quadratic. Tests (test/adapters/xml-scan.test.ts) count the scanner's work on them;
 * bench/hostile-xml-bench.js times them in the score-sheet reader and the fast reader.
 */
import JSZip from 'jszip';

export const HOSTILE_XML: Record<string, (n: number) => string> = {
  'unclosed <si>': (n) => '<sst xmlns="x">' + '<si>'.repeat(n),
  'unclosed <si><t> with text': (n) => '<sst xmlns="x">' + '<si><t>文'.repeat(n),
  'deep nesting': (n) => '<sst xmlns="x">' + '<si>'.repeat(n) + '</si>'.repeat(n) + '</sst>',
  'many attributes in one tag': (n) => '<sst xmlns="x"' + Array.from({ length: n }, (_, i) => ` a${i}="${i}"`).join('') + '/>',
  'one huge attribute value': (n) => `<sst xmlns="x" a="${'x'.repeat(10 * n)}"/>`,
  'an unclosed quote': (n) => '<sst xmlns="x" a="' + '<si>'.repeat(n),
  'names without values': (n) => '<sst' + ' a'.repeat(n) + '>',
  'entities without semicolons': (n) => '<sst xmlns="x"><si><t>' + '&amp;'.repeat(n) + '&'.repeat(n) + '&#'.repeat(n) + '</t></si></sst>',
  'escape-like text': (n) => '<sst xmlns="x"><si><t>' + '_x0041_'.repeat(n) + '_x'.repeat(n) + '</t></si></sst>',
  'an unclosed comment': (n) => '<sst xmlns="x"><!--' + '<si>'.repeat(n),
  'an unclosed CDATA section': (n) => '<sst xmlns="x"><si><t><![CDATA[' + ']]'.repeat(n),
  'a DOCTYPE of brackets': (n) => '<!DOCTYPE sst [' + '['.repeat(n) + '<sst/>',
  'many distinct element names': (n) => '<sst>' + Array.from({ length: n }, (_, i) => `<e${i}/>`).join('') + '</sst>',
  'many small items': (n) => '<sst xmlns="x">' + '<si><t>文字</t></si>'.repeat(n) + '</sst>',
  'many end tags': (n) => '<sst>' + '</si>'.repeat(n),
};

/**
 * A minimal workbook (one sheet "S" with 编号 | 1 in A1:B1, a shared-strings part) with any part replaced: the
 * way a damaged or crafted returned file arrives.
 */
export async function liteWorkbookWith(parts: { sharedStrings?: string; sheet?: string }): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'xl/workbook.xml',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', parts.sheet ?? '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>');
  zip.file('xl/sharedStrings.xml', parts.sharedStrings ?? '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>编号</t></si></sst>');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

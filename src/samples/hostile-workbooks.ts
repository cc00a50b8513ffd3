/**
 * Legal workbooks that used to crash or hang Jiangxuan (issue #10, "Bounded reading"), made small: a sample
 * workbook (samples/sqc-2025-有问题.xlsx, read by the caller) whose XML is edited in its zip. Each is a few
 * kilobytes to a few megabytes; what made them costly was what a reader expanded, not their size. Tests and
 * bench/bounded-bench.js use them.
 */
import JSZip from 'jszip';

/** The sample these are made from, under samples/. */
export const HOSTILE_BASE_SAMPLE = 'sqc-2025-有问题.xlsx';
/** The sample's details sheet (申报信息) and its part. */
export const DETAILS = { name: '申报信息', part: 'xl/worksheets/sheet2.xml' } as const;

type Edit = (xml: string) => string;

async function editSheet(sample: Uint8Array, part: string, edit: Edit, extra?: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sample);
  const xml = await zip.file(part)!.async('string');
  const edited = edit(xml);
  if (edited === xml) throw new Error(`fixture: the edit of ${part} changed nothing`);
  zip.file(part, edited);
  if (extra) await extra(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

/** Elements a worksheet may hold after its cells, in schema order; new ones go before the first present. */
const AFTER_DATA = ['<hyperlinks', '<printOptions', '<pageMargins', '<pageSetup', '<headerFooter', '<drawing', '<legacyDrawing', '<tableParts', '<extLst', '</worksheet>'];

function insertBeforeTail(xml: string, element: string): string {
  const at = Math.min(...AFTER_DATA.map((t) => xml.indexOf(t)).filter((i) => i >= 0));
  return xml.slice(0, at) + element + xml.slice(at);
}

/** One more cell in a row of its own at the end of the sheet data. */
function addLastRow(xml: string, row: number, cell: string): string {
  return xml.replace('</sheetData>', `<row r="${row}">${cell}</row></sheetData>`);
}

/** A value in the very last cell, XFD1048576 (an inline string). */
export function valueInLastCell(sample: Uint8Array): Promise<Uint8Array> {
  return editSheet(sample, DETAILS.part, (x) => addLastRow(x, 1048576, '<c r="XFD1048576" t="inlineStr"><is><t>角落</t></is></c>'));
}

/** A merged area from below the table to XFD1048576 (formatting only: no value in it). */
export function mergeToLastCell(sample: Uint8Array): Promise<Uint8Array> {
  return editSheet(sample, DETAILS.part, (x) => x.replace('</mergeCells>', '<mergeCell ref="A20:XFD1048576"/></mergeCells>'));
}

/** A column range as wide as a 32-bit number (Excel itself stops at 16,384 columns). */
export function hugeColumnRange(sample: Uint8Array): Promise<Uint8Array> {
  return editSheet(sample, DETAILS.part, (x) => x.replace('</cols>', '<col min="60" max="2147483647" width="9" style="0" customWidth="1"/></cols>'));
}

/** Five whole-column drop-downs (性别, 学历 …: what a template maker does by selecting whole columns). */
export function wholeColumnDropDowns(sample: Uint8Array): Promise<Uint8Array> {
  const dv = (col: string, list: string) => `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${col}3:${col}1048576"><formula1>"${list}"</formula1></dataValidation>`;
  const block = `<dataValidations count="5">${dv('C', '男,女')}${dv('E', '中共党员,群众')}${dv('F', '汉族,回族')}${dv('H', '本科,硕士')}${dv('I', '是,否')}</dataValidations>`;
  return editSheet(sample, DETAILS.part, (x) => insertBeforeTail(x, block));
}

/** One validation over the whole sheet, A1:XFD1048576 (and a conditional format over it). */
export function wholeSheetValidation(sample: Uint8Array): Promise<Uint8Array> {
  const cf = '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="containsBlanks" dxfId="0" priority="1"><formula>LEN(TRIM(A1))=0</formula></cfRule></conditionalFormatting>';
  const dv = '<dataValidations count="1"><dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" sqref="A1:XFD1048576"><formula1>2000</formula1></dataValidation></dataValidations>';
  return editSheet(sample, DETAILS.part, (x) => insertBeforeTail(x, cf + dv), async (zip) => {
    // The conditional format's style (dxfId 0) must exist.
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const dxfs = '<dxfs count="1"><dxf><font><color rgb="FFFF0000"/></font></dxf></dxfs>';
    if (styles.includes('<dxfs count="0"/>')) zip.file('xl/styles.xml', styles.replace('<dxfs count="0"/>', dxfs));
    else if (!styles.includes('<dxfs')) zip.file('xl/styles.xml', styles.replace('</cellStyles>', '</cellStyles>' + dxfs));
  });
}

/**
 * A third sheet holding a value in every one of its 1,048,576 rows (a column filled down to the end, all 1s: the
 * file stays small). Rows and cells carry their r attributes: exceljs needs them (Excel does not).
 */
export async function fullHeightSheet(sample: Uint8Array): Promise<Uint8Array> {
  const rows: string[] = [];
  for (let r = 1; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  return editSheet(
    sample,
    'xl/workbook.xml',
    (x) => x.replace('</sheets>', '<sheet sheetId="3" name="序号" state="visible" r:id="rIdFull"/></sheets>'),
    async (zip) => {
      zip.file('xl/worksheets/sheet3.xml', sheet);
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      zip.file(
        'xl/_rels/workbook.xml.rels',
        rels.replace('</Relationships>', '<Relationship Id="rIdFull" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>'),
      );
      const types = await zip.file('[Content_Types].xml')!.async('string');
      zip.file(
        '[Content_Types].xml',
        types.replace('</Types>', '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
      );
    },
  );
}

/** Every case by name (bench/bounded-bench.js writes them all to files). */
export const HOSTILE_WORKBOOKS: Record<string, (sample: Uint8Array) => Promise<Uint8Array>> = {
  'value-in-XFD1048576': valueInLastCell,
  'merge-to-XFD1048576': mergeToLastCell,
  'col-max-2147483647': hugeColumnRange,
  'five-whole-column-drop-downs': wholeColumnDropDowns,
  'whole-sheet-validation': wholeSheetValidation,
  'full-1048576-row-sheet': fullHeightSheet,
};

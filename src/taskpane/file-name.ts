/** The file types the page opens, and the names of downloaded files. Pure. */

/**
 * What the file choosers offer (the same formats the CLI reads, adapters/files/file-format.ts): Excel .xlsx and
 * 97-2003 .xls (also the HTML and XML tables web platforms export as .xls), WPS .et, OpenDocument .ods, .xlsb,
 * CSV and TXT. Extensions and MIME types, since browsers differ in which they match.
 */
export const WORKBOOK_ACCEPT = [
  '.xlsx',
  '.xls',
  '.et',
  '.ods',
  '.xlsb',
  '.csv',
  '.txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/csv',
].join(',');

/** True when the name says .xlsx (the annotated copy keeps the format; any other is converted to .xlsx). */
export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}

/**
 * "推荐表.xlsx" → "推荐表-标注.xlsx" (the same name `jiangxuan validate --out` users are told to use). The copy is
 * always .xlsx, whatever was opened: "推荐表.csv" → "推荐表-标注.xlsx".
 */
export function annotatedFileName(original: string): string {
  const base = (original.split(/[\\/]/).pop() ?? '').replace(/\.(xlsx|xlsm|xltx|xls|xlsb|et|ett|ods|csv|tsv|txt|html?|xml)$/i, '').trim() || '工作簿';
  return `${base}-标注.xlsx`;
}

/** The file name without its folder, for messages. */
export function displayFileName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

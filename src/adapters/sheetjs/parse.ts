/**
 * Bytes → a SheetJS workbook, for the formats exceljs does not read (the choice is files/file-format.ts). Values
 * are kept as written: CSV, TXT and HTML cells stay text (`raw`), so an 18-digit resident ID or a postcode with a
 * leading zero is never turned into a number on the way in. Text is decoded here (BOM, UTF-8, else GB18030), not
 * by SheetJS, whose codepage tables are not loaded. Failures are WorkbookReadErrors with the core's reasons.
 * Browser-safe.
 */
import type { CellObject, WorkBook } from '@e965/xlsx';
import { WorkbookReadError } from '../exceljs/errors';
import type { SheetJsFormat } from '../files/file-format';
import { loadSheetJs, quietly, type SheetJs } from './load-sheetjs';
import { decodeText } from './text-decoding';
import { hiddenOdsRows, hiddenOdsTables } from './ods-hidden';
import { withSortedContinueOffsets } from './continue-offsets';
import { READ_BUDGET } from '../../core/model/read-budget';
import { zipDirectory } from '../exceljs/ooxml/zip';

export interface ParsedWorkbook {
  X: SheetJs;
  wb: WorkBook;
  format: SheetJsFormat;
}

/** Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ]. */
function sheetNameFromFile(name: string | undefined): string | undefined {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '').replace(/[:\\/?*[\]]/g, '_').trim();
  return base ? base.slice(0, 31) : undefined;
}

function isPasswordError(e: unknown): boolean {
  const m = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return /password|encrypt/i.test(m);
}

/**
 * Why SheetJS could not use the bytes: a web page without a table or an XML file that is no spreadsheet is not a
 * workbook; a complete OLE2 file (checked before, files/file-format.ts) without a readable workbook is an Office
 * 97-2003 file of another kind or damaged inside; any other package that breaks the parser is damaged.
 */
function unreadable(format: SheetJsFormat, cause?: unknown): WorkbookReadError {
  switch (format) {
    case 'html':
    case 'xml':
    case 'text':
      return new WorkbookReadError('not-a-workbook', { kind: format, cause });
    case 'xls':
      return new WorkbookReadError('legacy-xls', { cause });
    case 'xlsb':
      return new WorkbookReadError('not-a-workbook', { kind: 'xlsb', cause });
    case 'ods':
      return new WorkbookReadError('truncated', { cause });
  }
}

/**
 * How much SheetJS would have to parse, in bytes: the parts once unzipped for the zip packages (.ods, .xlsb, as
 * their directory records them), the file itself otherwise (.xls/.et, text).
 */
export function sheetJsContentBytes(bytes: Uint8Array, format: SheetJsFormat): number {
  if (format !== 'ods' && format !== 'xlsb') return bytes.length;
  const entries = zipDirectory(bytes);
  // zip64 (null) only for packages of gigabytes; a damaged directory (undefined) is SheetJS's to report.
  if (entries === null) return Infinity;
  if (entries === undefined) return bytes.length;
  return entries.reduce((n, e) => n + e.size, 0);
}

export async function parseWithSheetJs(bytes: Uint8Array, format: SheetJsFormat, name?: string): Promise<ParsedWorkbook> {
  // SheetJS holds the whole file and its model and cannot be stopped part-way: past the budget, refuse before
  // it starts (and before its code is even loaded).
  const limit = READ_BUDGET.otherFormatMegabytes;
  if (sheetJsContentBytes(bytes, format) > limit * 1048576) {
    throw new WorkbookReadError('too-large', { tooLarge: { reason: 'other-format', limit } });
  }
  const X = await loadSheetJs();
  const textual = format === 'html' || format === 'xml' || format === 'text';
  let wb: WorkBook;
  try {
    wb = quietly(() =>
      textual
        ? X.read(decodeText(bytes).text, { type: 'string', raw: true, dense: true, cellFormula: false, cellHTML: false })
        : withSortedContinueOffsets(() => X.read(bytes, { type: 'array', raw: true, dense: true, cellNF: true, cellFormula: true, cellHTML: false, cellStyles: true })),
    );
  } catch (cause) {
    if (isPasswordError(cause)) throw new WorkbookReadError('encrypted', { cause });
    throw unreadable(format, cause);
  }
  if (!wb.SheetNames.length) throw unreadable(format);
  if (format === 'ods') {
    markHiddenOds(X, wb, bytes);
    restoreOdsBooleans(wb);
  }
  // A CSV or a single web table has no sheet name (SheetJS says "Sheet1"): Excel names it after the file, and so
  // do we, so that findings and the annotated copy say "推荐汇总表!C5" as the user would. An Excel 2003 XML
  // export keeps its own names.
  if ((format === 'text' || format === 'html') && wb.SheetNames.length === 1 && wb.SheetNames[0] === 'Sheet1') renameSheet(wb, 'Sheet1', sheetNameFromFile(name));
  return { X, wb, format };
}

function renameSheet(wb: WorkBook, from: string, to: string | undefined): void {
  if (!to || to === from) return;
  wb.Sheets[to] = wb.Sheets[from];
  delete wb.Sheets[from];
  wb.SheetNames[0] = to;
  const props = wb.Workbook?.Sheets?.[0];
  if (props) props.name = to;
}

/**
 * SheetJS does not read an ODS sheet's visibility (it sits in the table's style) nor a row's: take them from
 * content.xml; hidden rows go where SheetJS puts an .xls's (the sheet's row properties).
 */
function markHiddenOds(X: SheetJs, wb: WorkBook, bytes: Uint8Array): void {
  let xml: string;
  try {
    const entry = X.CFB.find(X.CFB.read(bytes, { type: 'array' }), 'content.xml') as { content?: Uint8Array } | null;
    if (!entry?.content) return;
    xml = new TextDecoder('utf-8').decode(entry.content);
  } catch {
    return; // SheetJS has just read this package; a failure here only loses what is hidden.
  }
  const rowsOf = (n: string) => ((wb.Sheets[n]?.['!data'] ?? []) as unknown[]).length;
  const rows = hiddenOdsRows(xml, Math.max(0, ...wb.SheetNames.map(rowsOf)));
  for (const [n, list] of rows) {
    const ws = wb.Sheets[n];
    if (!ws) continue;
    const props = (ws['!rows'] ??= []);
    for (const r of list) props[r] = { ...(props[r] ?? {}), hidden: true };
  }
  const hidden = hiddenOdsTables(xml);
  if (!hidden.size) return;
  wb.Workbook ??= {};
  wb.Workbook.Sheets = wb.SheetNames.map((n, i) => ({ ...(wb.Workbook?.Sheets?.[i] ?? {}), name: n, Hidden: hidden.has(n) ? 1 : 0 }));
}

/** LibreOffice keeps a boolean as the number 1 or 0 with a boolean format (shown TRUE/FALSE): make it a boolean. */
function restoreOdsBooleans(wb: WorkBook): void {
  for (const name of wb.SheetNames) {
    for (const row of (wb.Sheets[name]['!data'] ?? []) as (CellObject[] | undefined)[]) {
      if (!row) continue;
      for (const cell of row) {
        if (cell?.t === 'n' && ((cell.v === 1 && cell.w === 'TRUE') || (cell.v === 0 && cell.w === 'FALSE'))) {
          cell.t = 'b';
          cell.v = cell.v === 1;
        }
      }
    }
  }
}

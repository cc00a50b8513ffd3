/// <reference types="office-js" />
/**
 * Workbooks written by the exceljs adapter (a scoring result, a cultivation tracking workbook) put into Excel:
 * - insertWorkbookSheets: the sheets of a workbook inserted into the open one (Workbook.insertWorksheetsFromBase64,
 *   ExcelApi 1.13, optional), renamed when a name is taken or a prefix is asked for. Excel updates the formulas of
 *   renamed sheets itself, so the inserted sheets' cross-references keep working. 3 syncs whatever the number of
 *   sheets: (1) the names already in the workbook; (2) the insert, which returns the new sheets' ids; (3) renames,
 *   activation of the first inserted sheet and their final names.
 * - createWorkbookFromBytes: a new workbook window from the bytes (Excel.createWorkbook, ExcelApi 1.8; no sync).
 * Both requirement sets are optional: the manifest keeps its minimum (1.10) and, where the host lacks one, the pane
 * downloads the file instead (canInsertSheets / canCreateWorkbook, checked at run time with isSetSupported).
 */
import { uniqueSheetName } from '../../core/report/results-table';
import { bytesToBase64 } from '../exceljs/ooxml/encoding';
import { supports } from './requirements';

export const INSERT_SHEETS_REQUIREMENT = { set: 'ExcelApi', version: '1.13' } as const;
export const CREATE_WORKBOOK_REQUIREMENT = { set: 'ExcelApi', version: '1.8' } as const;

/** Excel's limit on a sheet name, and the characters it refuses. */
const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

function supported(req: { set: string; version: string }): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(req.set, req.version);
  } catch {
    return false;
  }
}

/** True when the open workbook can take sheets from another workbook (ExcelApi 1.13, optional). */
export function canInsertSheets(): boolean {
  return supported(INSERT_SHEETS_REQUIREMENT);
}

/** True when Excel can open a new workbook from bytes (ExcelApi 1.8, optional). */
export function canCreateWorkbook(): boolean {
  return typeof Office !== 'undefined' && supported(CREATE_WORKBOOK_REQUIREMENT) && supports('createWorkbook') && typeof Excel !== 'undefined' && typeof Excel.createWorkbook === 'function';
}

/**
 * False in Excel on the web, whose insertWorksheetsFromBase64 leaves charts out: the pane then writes the result
 * workbook without its chart (the 分数分布 sheet keeps its data bars) instead of losing it silently.
 */
export function insertKeepsCharts(): boolean {
  try {
    return !(typeof Office !== 'undefined' && Office.context?.platform === Office.PlatformType?.OfficeOnline);
  } catch {
    return true;
  }
}

/** Base64 of the bytes: what Office.js takes for a file (the OOXML toolkit's one encoder). */
export { bytesToBase64 };

/** A sheet name Excel accepts: no \ / ? * [ ] :, at most 31 characters, not blank. */
export function safeSheetName(name: string): string {
  const clean = name.replace(BAD_SHEET_CHARS, '_').replace(/^'+|'+$/g, '').trim();
  return (clean || 'Sheet').slice(0, MAX_SHEET_NAME);
}

export interface InsertSheetsOptions {
  /**
   * The source workbook's sheets to insert, in its order (default: all of them). Hidden helper sheets can be left
   * out this way. Needed to rename (sheetNamePrefix, or names already taken in the open workbook).
   */
  sheetNames?: readonly string[];
  /** Put before every inserted sheet's name, e.g. "书面初评·". */
  sheetNamePrefix?: string;
  /** Activate the first inserted sheet (default true). */
  activate?: boolean;
}

export interface InsertedSheets {
  /** Ids of the inserted sheets, in the source workbook's order. */
  ids: string[];
  /** Their names in the open workbook (different from the source's when renamed). */
  names: string[];
}

/**
 * Inserts the sheets of an .xlsx (bytes) at the end of the open workbook; 3 syncs. A name that is already taken
 * gets " (2)", " (3)" … as Excel does when it copies a sheet. The pane checks canInsertSheets() first and
 * downloads the file instead.
 * @requires ExcelApi 1.13 (insertSheets)
 */
export async function insertWorkbookSheets(context: Excel.RequestContext, bytes: Uint8Array, opts: InsertSheetsOptions = {}): Promise<InsertedSheets> {
  const prefix = opts.sheetNamePrefix ?? '';
  const wanted = opts.sheetNames ? [...opts.sheetNames] : undefined;
  if (prefix && !wanted) throw new TypeError('insertWorkbookSheets: sheetNamePrefix needs sheetNames');
  const worksheets = context.workbook.worksheets;

  // (1) Names already taken.
  worksheets.load('items/name');
  await context.sync();
  const taken = worksheets.items.map((w) => w.name);
  const finalNames = wanted?.map((n) => {
    const name = uniqueSheetName(safeSheetName(prefix + n), taken).slice(0, MAX_SHEET_NAME);
    taken.push(name);
    return name;
  });

  // (2) The insert.
  const options: Excel.InsertWorksheetOptions = { positionType: 'End' };
  if (wanted) options.sheetNamesToInsert = wanted;
  const ids = context.workbook.insertWorksheetsFromBase64(bytesToBase64(bytes), options);
  await context.sync();

  // (3) Renames (Excel rewrites the formulas that refer to a renamed sheet), activation, final names.
  const inserted = ids.value.map((id, i) => {
    const ws = worksheets.getItem(id);
    const name = finalNames?.[i];
    if (name !== undefined && name !== wanted![i]) ws.name = name;
    ws.load('name');
    return ws;
  });
  if ((opts.activate ?? true) && inserted.length) inserted[0].activate();
  await context.sync();
  return { ids: [...ids.value], names: inserted.map((w) => w.name) };
}

/**
 * Opens the .xlsx (bytes) as a new workbook in Excel; no sync. The pane checks canCreateWorkbook() first.
 * @requires ExcelApi 1.8 (createWorkbook)
 */
export async function createWorkbookFromBytes(bytes: Uint8Array): Promise<void> {
  await Excel.createWorkbook(bytesToBase64(bytes));
}

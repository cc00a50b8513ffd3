/**
 * The SheetJS adapter: the file formats exceljs does not read (.xls and WPS .et, .ods, .xlsb, HTML and XML tables
 * exported as .xls, CSV/TXT) → the core's grid, and the same workbook as .xlsx for the annotated copy. SheetJS
 * itself is loaded only when such a file arrives (load-sheetjs.ts). Browser-safe.
 */
import type { WorkbookGrid } from '../../core/model/grid';
import type { SheetJsFormat } from '../files/file-format';
import { parseWithSheetJs } from './parse';
import { sheetJsToGrid } from './to-grid';
import { writeXlsx } from './to-xlsx';

export { decodeText } from './text-decoding';
export { sheetJsLiteWorkbook } from './lite-workbook';

/** Reads the bytes into the grid; throws WorkbookReadError when SheetJS cannot use them. */
export async function readSheetJsWorkbook(bytes: Uint8Array, format: SheetJsFormat, name?: string): Promise<WorkbookGrid> {
  const parsed = await parseWithSheetJs(bytes, format, name);
  return sheetJsToGrid(parsed.X, parsed.wb);
}

/** The same workbook as .xlsx bytes (cells where readSheetJsWorkbook put them). */
export async function sheetJsWorkbookAsXlsx(bytes: Uint8Array, format: SheetJsFormat, name?: string): Promise<Uint8Array> {
  return writeXlsx(await parseWithSheetJs(bytes, format, name));
}

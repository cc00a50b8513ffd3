/**
 * Opens workbook bytes with exceljs after checking what they are. Browser-safe: no fs in this file's
 * import graph (bundlers resolve exceljs to its browser build).
 */
import ExcelJS from 'exceljs';
import { WorkbookReadError } from './errors';
import { installExceljsPatches } from './ooxml/exceljs-patches';
import { sniffWorkbook } from './sniff';
import { zipEntriesIntact } from './ooxml/zip';
import type { WorkbookReadErrorCode } from './errors';
import { asBytes, type WorkbookBytes } from './ooxml/encoding';

export { asBytes, type WorkbookBytes };

export interface LoadOptions {
  /**
   * Skip parsing worksheet parts the caller does not need. exceljs expands every data-validation range
   * into one entry per cell (a whole-column drop-down is a million entries), so readers skip them;
   * writers must not, or the validations would be lost.
   */
  ignoreNodes?: string[];
}

/**
 * Checks the bytes and loads them. Throws only WorkbookReadError; never modifies `input`
 * (exceljs gets a private copy).
 */
export async function loadExcelWorkbook(input: WorkbookBytes, options: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  const bytes = asBytes(input);
  const sniffed = sniffWorkbook(bytes);
  if (!sniffed.ok) throw new WorkbookReadError(sniffed.code, { kind: sniffed.kind });
  installExceljsPatches();
  const workbook = new ExcelJS.Workbook();
  try {
    const copy = bytes.slice();
    await workbook.xlsx.load(copy as unknown as Parameters<ExcelJS.Xlsx["load"]>[0], { ignoreNodes: options.ignoreNodes ?? [] });
  } catch (cause) {
    throw new WorkbookReadError(await loadFailureCode(bytes, cause), { cause });
  }
  return workbook;
}

/** jszip's own words for a container it cannot unpack. */
const ZIP_FAILURE = /corrupted zip|end of data reached|unexpected signature|central directory|data size mismatch|crc32|invalid (stored|block|code|distance|literal)|too many length|unknown compression|encrypted zip|zip64|header check/i;
/** exceljs' words for an address beyond the grid ("Out of bounds. Invalid column letter: XFE"). */
const BEYOND_GRID = /out of bounds|invalid address|invalid row number/i;

/**
 * Why exceljs could not load bytes that looked like a workbook, so that the user is told the real cause: a damaged
 * download (get it again) is not a file another program wrote wrongly (re-save it in Excel), nor one too big.
 */
export async function loadFailureCode(bytes: Uint8Array, cause: unknown): Promise<WorkbookReadErrorCode> {
  // V8's "Invalid array length", "Invalid string length", "Maximum call stack size exceeded".
  if (cause instanceof RangeError) return 'too-large';
  const message = cause instanceof Error ? cause.message : String(cause);
  if (ZIP_FAILURE.test(message)) return 'truncated';
  if (BEYOND_GRID.test(message)) return 'beyond-grid';
  // An XML error may still come from damaged bytes that happened to inflate to the recorded size: the CRCs tell.
  return (await zipEntriesIntact(bytes)) === false ? 'truncated' : 'malformed';
}

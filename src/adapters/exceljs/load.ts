/**
 * Opens workbook bytes with exceljs after checking what they are, on a bounded copy: ranges reaching past the
 * data are clipped before exceljs expands them and data validations are kept aside whole, to be written back as
 * they were (ooxml/clip-ranges.ts, ooxml/kept-validations.ts); a workbook whose model would be over the budget is
 * refused with 'too-large' before loading. Browser-safe: no fs in this file's import graph
 * (bundlers resolve exceljs to its browser build).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { READ_BUDGET } from '../../core/model/read-budget';
import { WorkbookReadError } from './errors';
import { installExceljsPatches } from './ooxml/exceljs-patches';
import { FootprintHandler, clipSheetXml, type ClipBox } from './ooxml/clip-ranges';
import { keepValidations } from './ooxml/kept-validations';
import { sniffWorkbook } from './sniff';
import { zipEntriesIntact } from './ooxml/zip';
import type { WorkbookReadErrorCode } from './errors';
import { asBytes, type WorkbookBytes } from './ooxml/encoding';
import { XlsxPackage } from '../xlsx-fast/package';
import { readWorkbookParts } from '../xlsx-fast/parts';

export { asBytes, type WorkbookBytes };

export interface LoadOptions {
  /**
   * Skip parsing worksheet parts the caller does not need. exceljs expands every data-validation range
   * into one entry per cell (a whole-column drop-down is a million entries), so readers skip them;
   * writers must not, or the validations would be lost.
   */
  ignoreNodes?: string[];
  /**
   * What the model is for, for the message when it is over the budget: an annotated copy ('annotate', the
   * default) or reading values ('read').
   */
  purpose?: 'annotate' | 'read';
  /** Cells, rows and merged cells the model may hold (default: the reading budget's). */
  maxObjects?: number;
}

/**
 * A copy of the bytes exceljs can load within the budget: the same bytes when no sheet has a range to clip,
 * else the package with those sheets' XML clipped (the input is never modified). Throws WorkbookReadError
 * ('too-large' naming the sheet, or 'truncated').
 */
async function boundedCopy(bytes: Uint8Array, options: LoadOptions): Promise<{ bytes: Uint8Array; validations: Map<string, string> }> {
  const budget = options.maxObjects ?? READ_BUDGET.annotateCells;
  const countValidations = !(options.ignoreNodes ?? []).includes('dataValidations');
  const pkg = XlsxPackage.open(bytes);
  const parts = await readWorkbookParts(pkg);
  const toClip: { part: string; sheet: string; box: ClipBox }[] = [];
  const validations = new Map<string, string>();
  let objects = 0;
  for (const s of parts.sheets) {
    if (!s.isWorksheet || !pkg.has(s.part)) continue;
    const h = new FootprintHandler(countValidations);
    await pkg.scan(s.part, h, s.name);
    const f = h.result();
    objects += f.objects;
    if (objects > budget) {
      throw new WorkbookReadError('too-large', { tooLarge: { reason: (options.purpose ?? 'annotate') === 'annotate' ? 'annotate' : 'cells', sheet: s.name, limit: budget } });
    }
    if (f.needsClip) toClip.push({ part: s.part, sheet: s.name, box: h.clipBox() });
  }
  if (!toClip.length) return { bytes: bytes.slice(), validations };
  const zip = await JSZip.loadAsync(bytes);
  for (const c of toClip) {
    const name = zip.file(c.part) ? c.part : '/' + c.part;
    const clipped = clipSheetXml(await zip.file(name)!.async('string'), c.box);
    zip.file(name, clipped.xml);
    if (clipped.validations !== undefined) validations.set(c.sheet, clipped.validations);
  }
  // Unchanged parts keep their compressed bytes; the clipped ones are deflated quickly.
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } }), validations };
}

/**
 * Checks the bytes and loads them. Throws only WorkbookReadError; never modifies `input`
 * (exceljs gets a private, bounded copy).
 */
export async function loadExcelWorkbook(input: WorkbookBytes, options: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  const bytes = asBytes(input);
  const sniffed = sniffWorkbook(bytes);
  if (!sniffed.ok) throw new WorkbookReadError(sniffed.code, { kind: sniffed.kind });
  let copy: { bytes: Uint8Array; validations: Map<string, string> };
  try {
    copy = await boundedCopy(bytes, options);
  } catch (cause) {
    throw cause instanceof WorkbookReadError ? cause : await failureError(bytes, cause);
  }
  installExceljsPatches();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(copy.bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0], { ignoreNodes: options.ignoreNodes ?? [] });
  } catch (cause) {
    throw await failureError(bytes, cause);
  }
  // Written back as they were by writeWorkbookBytes (ooxml/kept-validations.ts).
  keepValidations(workbook, copy.validations);
  return workbook;
}

/** What the user is told when jszip or exceljs throws on the bytes (loadFailureCode). */
async function failureError(bytes: Uint8Array, cause: unknown): Promise<WorkbookReadError> {
  const code = await loadFailureCode(bytes, cause);
  return code === 'too-large'
    ? new WorkbookReadError('too-large', { tooLarge: { reason: 'memory', limit: 0 }, cause })
    : new WorkbookReadError(code, { cause });
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

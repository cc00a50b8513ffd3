/// <reference types="office-js" />
/**
 * Merged areas of the open workbook: a unit merged down over its nominees is every nominee's unit, as it is when
 * the CLI reads the file. Two ways, as this Excel allows:
 * - ExcelApi 1.13: Range.getMergedAreasOrNullObject, all sheets in one sync. Excel refuses a sheet with more than
 *   512 merged areas (the whole request fails): then the file is read instead;
 * - otherwise (and then): the workbook's own bytes through Office's getFileAsync, read by the same file reader as
 *   the CLI. The task pane registers that reader (setWorkbookFileReader) so it is loaded only when needed: it is
 *   the largest part of the standalone page, and this adapter does not depend on it.
 * When neither works the grid keeps no merges, and the caller says so.
 */
import type { MergedRange, WorkbookGrid } from '../../core/model/grid';
import { parseRangeAddress } from './address';
import { canReadDocumentFile, readDocumentFile } from './document-file';
import { logOfficeError } from './errors';
import { FEATURES, supports } from './requirements';

export const MERGES_REQUIREMENT = { set: 'ExcelApi', version: `1.${FEATURES.merges.minor}` } as const;

export type MergeSource = 'excel' | 'file' | 'none';

/** Turns a workbook file's bytes into the core's grid (adapters/files/read-workbook.ts readWorkbookBytes). */
export type WorkbookFileReader = (bytes: Uint8Array) => Promise<WorkbookGrid>;

let fileReader: WorkbookFileReader | undefined;

/** Registers the file reader used when Excel cannot list merged areas itself. */
export function setWorkbookFileReader(reader: WorkbookFileReader | undefined): void {
  fileReader = reader;
}

/** True when Excel can list merged areas itself (ExcelApi 1.13). */
export function canReadMerges(): boolean {
  return supports('merges');
}

/**
 * Merged areas (0-based, inclusive) of the given sheets from Excel, keyed by sheet name; 1 sync. Undefined when
 * Excel refuses (more than 512 areas on a sheet).
 * @requires ExcelApi 1.13 (merges)
 */
export async function readMergedAreas(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<Map<string, MergedRange[]> | undefined> {
  const out = new Map<string, MergedRange[]>();
  if (!sheetNames.length) return out;
  const worksheets = context.workbook.worksheets;
  const areas = sheetNames.map((name) => worksheets.getItem(name).getUsedRange().getMergedAreasOrNullObject().load('areas/items/address'));
  try {
    await context.sync();
  } catch (e) {
    logOfficeError(e, 'readMergedAreas');
    return undefined;
  }
  sheetNames.forEach((name, i) => {
    const a = areas[i];
    if (a.isNullObject) return;
    const list: MergedRange[] = [];
    for (const r of a.areas.items) {
      const b = parseRangeAddress(r.address);
      if (b && (b.bottom > b.top || b.right > b.left)) list.push({ top: b.top, left: b.left, bottom: b.bottom, right: b.right });
    }
    if (list.length) out.set(name, list);
  });
  return out;
}

/** Merged areas from the workbook's file (any Excel with getFileAsync); undefined when it cannot be read. */
export async function readMergesFromFile(sheetNames: readonly string[]): Promise<Map<string, MergedRange[]> | undefined> {
  if (!fileReader || !canReadDocumentFile()) return undefined;
  try {
    const bytes = await readDocumentFile();
    const grid = await fileReader(bytes);
    const wanted = new Set(sheetNames);
    return new Map(grid.sheets.filter((s) => wanted.has(s.name) && s.merges.length).map((s) => [s.name, s.merges]));
  } catch (e) {
    console.error('[匠选] could not read the workbook file for its merged cells', e);
    return undefined;
  }
}

/** Merged areas by the best way this Excel has. */
export async function readMerges(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<{ merges: Map<string, MergedRange[]>; source: MergeSource }> {
  if (supports('merges')) {
    const fromExcel = await readMergedAreas(context, sheetNames);
    if (fromExcel) return { merges: fromExcel, source: 'excel' };
  }
  const fromFile = await readMergesFromFile(sheetNames);
  return fromFile ? { merges: fromFile, source: 'file' } : { merges: new Map(), source: 'none' };
}

/** The grid with the merges of the open workbook (for scoring and cultivation, when read without them). */
export async function addMergedAreas(context: Excel.RequestContext, grid: WorkbookGrid): Promise<WorkbookGrid> {
  if (grid.sheets.some((s) => s.merges.length)) return grid;
  const { merges } = await readMerges(
    context,
    grid.sheets.filter((s) => s.rows.length).map((s) => s.name),
  );
  return { sheets: grid.sheets.map((s) => ({ ...s, merges: merges.get(s.name) ?? s.merges })) };
}

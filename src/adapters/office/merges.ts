/// <reference types="office-js" />
/**
 * Merged areas of the open workbook, for expert scoring and cultivation: a unit merged down over its nominees
 * is every nominee's unit there, as it is when the CLI reads the file with exceljs (the checker does not need
 * merges, so readWorkbookGrid leaves them out). One sync for all sheets. Range.getMergedAreasOrNullObject is
 * ExcelApi 1.13, optional: without it, or when Excel cannot list a sheet's merges (more than 512 areas), the
 * grid keeps no merges and a merged cell reads as empty below its first row, as before.
 */
import type { MergedRange, WorkbookGrid } from '../../core/model/grid';
import { parseRangeAddress } from './address';

export const MERGES_REQUIREMENT = { set: 'ExcelApi', version: '1.13' } as const;

/** True when Excel can list merged areas (ExcelApi 1.13, optional). */
export function canReadMerges(): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(MERGES_REQUIREMENT.set, MERGES_REQUIREMENT.version);
  } catch {
    return false;
  }
}

/** Merged areas (0-based, inclusive) of the given sheets, keyed by sheet name; 1 sync. Empty when Excel refuses. */
export async function readMergedAreas(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<Map<string, MergedRange[]>> {
  const out = new Map<string, MergedRange[]>();
  if (!sheetNames.length) return out;
  const worksheets = context.workbook.worksheets;
  const areas = sheetNames.map((name) => worksheets.getItem(name).getUsedRange().getMergedAreasOrNullObject().load('areas/items/address'));
  try {
    await context.sync();
  } catch {
    return out;
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

/** The grid with the merges Excel reports (when it can), for scoring and cultivation. */
export async function addMergedAreas(context: Excel.RequestContext, grid: WorkbookGrid): Promise<WorkbookGrid> {
  if (!canReadMerges()) return grid;
  const merges = await readMergedAreas(
    context,
    grid.sheets.map((s) => s.name),
  );
  return { sheets: grid.sheets.map((s) => ({ ...s, merges: merges.get(s.name) ?? s.merges })) };
}

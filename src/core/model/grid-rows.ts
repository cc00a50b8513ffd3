/**
 * Keeping a cached grid in step with a live workbook (the Excel and WPS live re-checks): a re-read row is put in
 * the way readers build the grid (core/model/grid.ts: a row ends at its last value, a row without one is a hole,
 * the grid ends at its last row holding one), and only a row that really changed counts.
 */
import type { CellValue, SheetGrid } from './grid';
import { isCellError } from './grid';

/** Two cell values are the same value (dates by time, errors by code; a missing cell is an empty one). */
export function sameCellValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && isCellError(x) && isCellError(y)) return x.error === y.error;
  return false;
}

export function sameRowValues(a: readonly CellValue[] | undefined, b: readonly CellValue[]): boolean {
  const n = Math.max(a?.length ?? 0, b.length);
  for (let i = 0; i < n; i++) if (!sameCellValue(a?.[i], b[i])) return false;
  return true;
}

/** The grid ends at its last row holding a value. */
export function trimTrailingHoles(rows: CellValue[][]): void {
  let h = rows.length;
  while (h > 0 && rows[h - 1] === undefined) h--;
  rows.length = h;
}

/** Puts a re-read row into the cached sheet; returns whether the row changed. */
export function putRereadRow(sheet: SheetGrid, r: number, values: readonly CellValue[]): boolean {
  let end = values.length;
  while (end > 0 && (values[end - 1] ?? null) === null) end--;
  if (sameRowValues(sheet.rows[r], values)) return false;
  if (end > 0) {
    sheet.rows[r] = values.slice(0, end);
  } else if (r < sheet.rows.length) {
    delete sheet.rows[r];
    trimTrailingHoles(sheet.rows);
  }
  return true;
}

/** Columns of the widest row. */
export function widestRow(sheet: SheetGrid): number {
  let w = 0;
  for (const r of sheet.rows) if (r && r.length > w) w = r.length;
  return w;
}

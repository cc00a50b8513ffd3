/**
 * A file's grid travels from the worker to the page in slices of rows: one message is unpacked in one task of
 * the page's thread, so a 5,000-row grid sent whole would block the page while it is unpacked.
 */
import type { WorkbookGrid } from '../../core/model/grid';
import type { GridSlice } from './check-messages';

/** About this many cells a slice (judged from the sheet's first rows): a 5,000-row, 51-column sheet is ~90 slices. */
const SLICE_CELLS = 3000;

export function* gridSlices(index: number, grid: WorkbookGrid): Generator<GridSlice> {
  for (let sheet = 0; sheet < grid.sheets.length; sheet++) {
    const sh = grid.sheets[sheet];
    // Rows are ragged and a row without values is a hole (core/model/grid.ts): holes count as empty.
    let width = 1;
    for (let r = 0; r < Math.min(50, sh.rows.length); r++) width = Math.max(width, sh.rows[r]?.length ?? 0);
    const step = Math.max(1, Math.floor(SLICE_CELLS / width));
    for (let start = 0; start === 0 || start < sh.rows.length; start += step) {
      const slice: GridSlice = { index, sheet, name: sh.name, start, rows: sh.rows.slice(start, start + step) };
      if (sh.hidden) slice.hidden = true;
      if (start === 0) slice.merges = sh.merges;
      if (start === 0 && sh.hiddenRows?.length) slice.hiddenRows = sh.hiddenRows;
      yield slice;
    }
  }
}

/** Puts a slice of a file's grid in place (slices of a sheet arrive in order). */
export function addSlice(grids: Map<number, WorkbookGrid>, slice: GridSlice): void {
  let grid = grids.get(slice.index);
  if (!grid) grids.set(slice.index, (grid = { sheets: [] }));
  let sheet = grid.sheets[slice.sheet];
  if (!sheet) {
    sheet = { name: slice.name, rows: [], merges: slice.merges ?? [] };
    if (slice.hidden) sheet.hidden = true;
    if (slice.hiddenRows) sheet.hiddenRows = slice.hiddenRows;
    grid.sheets[slice.sheet] = sheet;
  }
  // A row without values stays a hole, as in the grid that was sent.
  for (let i = 0; i < slice.rows.length; i++) if (slice.rows[i] !== undefined) sheet.rows[slice.start + i] = slice.rows[i];
}


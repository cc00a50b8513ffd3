/**
 * A check's outcome as it crosses between a worker and the page or pane. Each recognised table points at its sheet
 * as the checks read it (core: RecognizedTable.sheet): the grid's own sheet, or a copy where recognition filled
 * merged body cells in (only those rows differ). Sent as is, every row would travel a second time beside the grid
 * the receiver already has (the pane read it; the page gets it in slices) and be unpacked in one task of the
 * receiver's thread. So a table's sheet travels as the grid sheet's index and only the rows that differ from it,
 * and the receiver rebuilds it from its own copy of the grid.
 */
import type { CheckOutcome } from '../../core/check/check-workbook';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../core/model/grid';

/** A table's sheet on the wire: `rows` holds only the rows that differ from grid sheet `sheetIndex` (holes elsewhere). */
type WireSheet = SheetGrid & { sheetIndex?: number; derived?: boolean };

/** The outcome to post, for a receiver that has `grid`. */
export function detachSheets(outcome: CheckOutcome, grid: WorkbookGrid): CheckOutcome {
  const recognized = outcome.result.recognized.map((t) => {
    const k = grid.sheets.findIndex((s) => s.name === t.sheet.name);
    if (k < 0) return t;
    const own = grid.sheets[k];
    const changed: CellValue[][] = [];
    if (t.sheet !== own) for (let r = 0; r < t.sheet.rows.length; r++) if (t.sheet.rows[r] !== own.rows[r] && t.sheet.rows[r] !== undefined) changed[r] = t.sheet.rows[r];
    const wire: WireSheet = { name: own.name, rows: changed, merges: [], sheetIndex: k, derived: t.sheet !== own };
    return { ...t, sheet: wire };
  });
  return { ...outcome, result: { ...outcome.result, recognized } };
}

/** The received outcome with each table's sheet rebuilt from the receiver's own grid (the grid the worker checked). */
export function attachSheets(outcome: CheckOutcome, grid: WorkbookGrid): CheckOutcome {
  const recognized = outcome.result.recognized.map((t) => {
    const wire = t.sheet as WireSheet;
    if (wire.sheetIndex === undefined) return t;
    const own = grid.sheets[wire.sheetIndex];
    // The worker checked this grid: a sheet missing here is a bug, not something to show with no rows.
    if (own?.name !== wire.name) throw new Error(`the checked grid has no sheet ${wire.sheetIndex} “${wire.name}”`);
    if (!wire.derived) return { ...t, sheet: own };
    const rows = own.rows.slice();
    wire.rows.forEach((row, r) => (rows[r] = row));
    return { ...t, sheet: { ...own, rows } };
  });
  return { ...outcome, result: { ...outcome.result, recognized } };
}

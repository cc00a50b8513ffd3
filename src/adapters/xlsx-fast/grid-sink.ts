/**
 * Cells as the sheet scan finds them → one sheet of the bounded grid (core/model/grid.ts), counted against the
 * reading budget (core/model/read-budget.ts) as they arrive: past it the read stops with 'too-large' naming the
 * sheet. Browser-safe.
 */
import type { CellValue, MergedRange, SheetGrid } from '../../core/model/grid';
import { READ_BUDGET } from '../../core/model/read-budget';
import { WorkbookReadError } from '../exceljs/errors';
import type { CellRange, SheetSink } from './sheet-cells';

export function newTally(opts: { maxCells?: number; maxExtent?: number } = {}): Tally {
  return { cells: 0, slots: 0, maxCells: opts.maxCells ?? READ_BUDGET.cells, maxExtent: opts.maxExtent ?? READ_BUDGET.extent };
}

/** Counts for the whole workbook, so that many sheets cannot add up past the budget either. */
export interface Tally {
  cells: number;
  slots: number;
  readonly maxCells: number;
  readonly maxExtent: number;
}

/** Builds one sheet's bounded grid: rows only where there are values, each row only as far as its last value. */
export class GridSink implements SheetSink {
  readonly rows: CellValue[][] = [];
  readonly merges: CellRange[] = [];
  readonly hidden: number[] = [];

  constructor(
    private readonly name: string,
    private readonly tally: Tally,
  ) {}

  /** The row being filled: it is copied to its exact size once the scan moves on (arrays grow with spare room). */
  private open = -1;

  private seal(): void {
    const cells = this.rows[this.open];
    if (cells !== undefined) this.rows[this.open] = cells.slice();
  }

  cell(row: number, col: number, value: CellValue): void {
    if (row !== this.open) {
      if (this.open >= 0) this.seal();
      this.open = row;
    }
    let cells = this.rows[row];
    if (cells === undefined) cells = this.rows[row] = [];
    const len = cells.length;
    if (col < len) {
      if (cells[col] === null) this.count();
      cells[col] = value;
      return;
    }
    this.tally.slots += col + 1 - len;
    if (this.tally.slots > this.tally.maxExtent) throw tooLarge('extent', this.name, this.tally.maxExtent);
    for (let c = len; c < col; c++) cells.push(null);
    cells.push(value);
    this.count();
  }

  private count(): void {
    if (++this.tally.cells > this.tally.maxCells) throw tooLarge('cells', this.name, this.tally.maxCells);
  }

  merge(r: CellRange): void {
    this.merges.push(r);
  }

  hiddenRow(row: number): void {
    this.hidden.push(row);
  }

  grid(hidden: boolean): SheetGrid {
    if (this.open >= 0) this.seal();
    this.open = -1;
    const rows = this.rows;
    const height = rows.length;
    let width = 0;
    for (let r = 0; r < height; r++) {
      const cells = rows[r];
      if (cells !== undefined && cells.length > width) width = cells.length;
    }
    // Merges are clipped to the data; merges wholly outside it (formatting only) are dropped.
    const merges: MergedRange[] = [];
    for (const m of this.merges) {
      if (m.top >= height || m.left >= width) continue;
      merges.push({ top: m.top, left: m.left, bottom: Math.min(m.bottom, height - 1), right: Math.min(m.right, width - 1) });
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    const sheet: SheetGrid = { name: this.name, rows, merges };
    if (hidden) sheet.hidden = true;
    const hiddenRows = [...new Set(this.hidden.filter((r) => rows[r] !== undefined))].sort((a, b) => a - b);
    if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
    return sheet;
  }
}


function tooLarge(reason: 'cells' | 'extent', sheet: string, limit: number): WorkbookReadError {
  return new WorkbookReadError('too-large', { tooLarge: { reason, sheet, limit } });
}

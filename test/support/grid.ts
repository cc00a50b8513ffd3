/** Builds in-memory grids for core tests (files are covered by the adapter and CLI tests). */
import { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/model/grid';
import { residentIdCheckChar } from '../../src/core/checks/resident-id';

export function sheet(name: string, rows: CellValue[][], hidden = false): SheetGrid {
  return { name, rows, merges: [], hidden };
}

export function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** A valid 18-character ID from its first 17 digits. */
export function validId(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/** Looks up a column by header label in a row-array table: returns a setter-friendly index. */
export function col(header: CellValue[], label: string): number {
  const i = header.indexOf(label);
  if (i < 0) throw new Error(`no column ${label}`);
  return i;
}

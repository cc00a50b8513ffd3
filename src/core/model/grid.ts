/**
 * The plain grid every adapter produces (the fast reader and exceljs for files, Office.js inside Excel).
 * Rows and columns are 0-based and always start at A1, so rows[r][c] is cell (r+1, c+1).
 *
 * The grid is bounded by the cells that hold data, never by what a sheet claims (its used range, formatting,
 * merges or drop-downs reaching to XFD1048576):
 * - `rows.length` is one past the last row holding a value; a row with no value is a hole (`rows[r]` is
 *   undefined), so a single value in row 1,048,576 costs one row, not a million;
 * - each row is ragged: it ends at its own last value (`rows[r].length` is one past it), cells before that
 *   with nothing in them are null; nothing pads rows out to the width of the widest row.
 * Read cells with `cellAt(sheet, r, c)` or `sheet.rows[r]?.[c] ?? null`; loop over `rows` with an index (or
 * `for … of` guarding undefined), never assuming a row exists or has a given length.
 */

/** An Excel error value such as #DIV/0! or #N/A, kept distinct from text that merely looks like one. */
export interface CellError {
  error: string;
}

/**
 * What a cell holds, as the user sees it:
 * - string for text (rich text flattened), number for numbers as Excel stores them (IDs typed as numbers
 *   arrive here already damaged: the rules explain that), boolean, Date for date-formatted cells,
 * - CellError for error values (also the cached result of a formula that failed), null for empty.
 * For formula cells adapters pass the cached result.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Rows of cells; holes and ragged ends as described above. */
  rows: CellValue[][];
  /** Merged ranges, clipped to the rows and columns holding data; the value sits in the top-left cell. */
  merges: MergedRange[];
  /** Hidden sheets are read (they may hold data) but reported as such. */
  hidden?: boolean;
  /**
   * Hidden rows (hidden by hand or by a filter), 0-based, ascending, each once; absent or empty when none.
   * They are checked like any row; findings on them say the row is hidden (people miss what they cannot see).
   */
  hiddenRows?: readonly number[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (row, col) → "D7". */
export function cellAddress(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** Column letters → 0-based index (A → 0, AA → 26); the inverse of columnLetters. */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** "D7" → 0-based { row, col }; undefined when not an A1 address. */
export function parseCellAddress(a1: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.rows[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

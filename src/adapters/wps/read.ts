/**
 * The open WPS workbook → the core's grid, with the same meaning as the file and Excel readers: every
 * worksheet in tab order (hidden and veryHidden ones read and flagged, hidden rows read like any other and listed),
 * the value of a formula is its result, date-formatted numbers are Dates at UTC midnight, errors are
 * {error}, merged areas are listed (their value sits in the top-left cell). Jiangxuan's own state sheet is
 * left out.
 *
 * Every ET call crosses a process bridge (~0.2 ms), so nothing is read cell by cell:
 * - values: Value2 of row blocks of at most BLOCK_CELLS cells (one call per block);
 * - what to read: the used range; when it is huge (formatting applied to whole rows or columns), the last
 *   row and column holding data are found with Range.Find first, so a used range to XFD1048576 costs two
 *   calls, not 17 billion cells;
 * - number formats: NumberFormat of a column's run of numeric cells answers for all of them when they share
 *   one format (the usual case), and the run is halved only where formats differ;
 * - merged areas: MergeCells of a rectangle is false when nothing in it is merged (one call for a sheet
 *   without merges), and rectangles are halved only around merged cells;
 * - hidden rows: Hidden of the rows likewise (one call for a sheet without hidden rows).
 */
import type { CellValue, MergedRange, SheetGrid, WorkbookGrid } from '../../core/model/grid';
import { excelSerialToDate } from '../../core/model/dates';
import { isDateNumberFormat } from '../../core/model/number-formats';
import { activeWorkbook, cvErrText, EtApp, EtSheet, rangeBounds, rectAddress, valueMatrix, worksheets, XL_BY_COLUMNS, XL_BY_ROWS, XL_FORMULAS, XL_PART, XL_PREVIOUS, XL_SHEET_VISIBLE } from './et';
import { STATE_SHEET } from './state';
import { runAtOnce, runWithPauses, type Steps } from '../../core/check/steps';
import { WpsError } from './errors';

/** Cells per Value2 read. */
export const BLOCK_CELLS = 200_000;
/**
 * Cells per Value2 read when the pane reads in steps (readWorkbookGridInSteps): a step is one such read, so the
 * pane can answer between them; ten times the calls of BLOCK_CELLS still cost a few milliseconds of bridge time.
 */
export const STEP_BLOCK_CELLS = 20_000;
/** Above this many cells the used range is bounded by the data first (Range.Find). */
export const FIND_BOUNDS_ABOVE = 1_000_000;

export interface ReadProgress {
  phase: 'metadata' | 'values';
  done: number;
  total: number;
}

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  /** Read merged areas (default true). */
  merges?: boolean;
}


/** 0-based, inclusive. */
interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One Value2 cell → CellValue (numbers stay numbers here; dates are decided with the formats). */
export function convertValue2(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return null;
    const err = cvErrText(v);
    return err ? { error: err } : v;
  }
  if (v instanceof Date) return v;
  return String(v);
}

/**
 * Where a sheet holds data: the used range, or when that is huge, its top-left corner to the last row and
 * column that hold anything (Range.Find, searching backwards by rows and by columns). Undefined when empty.
 */
export function dataBounds(ws: EtSheet): Rect | undefined {
  const used = ws.UsedRange;
  const b = rangeBounds(used);
  if (b.rows <= 0 || b.cols <= 0) return undefined;
  let rect: Rect = { top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 };
  if (b.rows * b.cols > FIND_BOUNDS_ABOVE) {
    const lastByRows = used.Find('*', undefined, XL_FORMULAS, XL_PART, XL_BY_ROWS, XL_PREVIOUS);
    if (!lastByRows) return undefined;
    const lastByCols = used.Find('*', undefined, XL_FORMULAS, XL_PART, XL_BY_COLUMNS, XL_PREVIOUS);
    rect = { ...rect, bottom: lastByRows.Row - 1, right: (lastByCols ?? lastByRows).Column - 1 };
  }
  return rect;
}

/** Row blocks of at most BLOCK_CELLS cells covering a rectangle. */
export function planBlocks(r: Rect, cellsPerBlock = BLOCK_CELLS): Rect[] {
  const width = r.right - r.left + 1;
  const step = Math.max(1, Math.floor(cellsPerBlock / width));
  const out: Rect[] = [];
  for (let t = r.top; t <= r.bottom; t += step) out.push({ top: t, left: r.left, bottom: Math.min(r.bottom, t + step - 1), right: r.right });
  return out;
}

/** Value2 of a rectangle as CellValue rows (numbers not yet turned into dates). */
export function readValues(ws: EtSheet, r: Rect): CellValue[][] {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  const m = valueMatrix(ws.Range(rectAddress(r.top, r.left, r.bottom, r.right)).Value2, rows);
  const out: CellValue[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const src = m[i] ?? [];
    const row: CellValue[] = new Array(cols);
    for (let j = 0; j < cols; j++) row[j] = convertValue2(src[j]);
    out[i] = row;
  }
  return out;
}

function formatOf(ws: EtSheet, address: string): string | null {
  const range = ws.Range(address);
  const f = range.NumberFormat;
  return typeof f === 'string' ? f : f === null ? null : String(f);
}

/**
 * Turns date-formatted numbers of `rows` (absolute grid rows) into Dates: per column, the run from its first
 * to its last number is asked for its NumberFormat; a run whose cells differ is halved until each part agrees.
 */
export function applyDateFormats(ws: EtSheet, rows: CellValue[][], r: Rect): void {
  runAtOnce(dateFormatSteps(ws, rows, r));
}

/** applyDateFormats a column a step. */
function* dateFormatSteps(ws: EtSheet, rows: CellValue[][], r: Rect): Steps<void> {
  for (let c = r.left; c <= r.right; c++) {
    const numeric: number[] = [];
    for (let row = r.top; row <= r.bottom; row++) if (typeof rows[row]?.[c] === 'number') numeric.push(row);
    if (!numeric.length) continue;
    const settle = (lo: number, hi: number): void => {
      // numeric[lo..hi] are the numeric rows of this part
      const top = numeric[lo];
      const bottom = numeric[hi];
      const f = formatOf(ws, rectAddress(top, c, bottom, c));
      if (f !== null) {
        if (isDateNumberFormat(f)) {
          for (let k = lo; k <= hi; k++) {
            const v = rows[numeric[k]][c] as number;
            const d = excelSerialToDate(v);
            if (d) rows[numeric[k]][c] = d;
          }
        }
        return;
      }
      if (lo === hi) return; // a single cell without a format answer: keep the number
      const mid = (lo + hi) >> 1;
      settle(lo, mid);
      settle(mid + 1, hi);
    };
    settle(0, numeric.length - 1);
    yield;
  }
}

/** Merged areas inside a rectangle (0-based, clipped to it), found by halving around merged cells only. */
export function findMerges(ws: EtSheet, r: Rect): MergedRange[] {
  const found = new Map<string, MergedRange>();
  const record = (m: Rect) => {
    const clipped = { top: Math.max(m.top, r.top), left: Math.max(m.left, r.left), bottom: Math.min(m.bottom, r.bottom), right: Math.min(m.right, r.right) };
    if (clipped.bottom > clipped.top || clipped.right > clipped.left) found.set(`${m.top},${m.left},${m.bottom},${m.right}`, clipped);
  };
  const scan = (t: number, l: number, b: number, rt: number): void => {
    const range = ws.Range(rectAddress(t, l, b, rt));
    const mc = range.MergeCells;
    if (mc === false) return;
    if (mc === true) {
      const a = rangeBounds(range.MergeArea);
      const area = { top: a.top, left: a.left, bottom: a.top + a.rows - 1, right: a.left + a.cols - 1 };
      if (area.top <= t && area.left <= l && area.bottom >= b && area.right >= rt) {
        record(area);
        return;
      }
    }
    if (t === b && l === rt) return;
    if (b - t >= rt - l) {
      const mid = (t + b) >> 1;
      scan(t, l, mid, rt);
      scan(mid + 1, l, b, rt);
    } else {
      const mid = (l + rt) >> 1;
      scan(t, l, b, mid);
      scan(t, mid + 1, b, rt);
    }
  };
  scan(r.top, r.left, r.bottom, r.right);
  return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** One worksheet into a grid sheet starting at A1. */
export function readSheet(ws: EtSheet, opts: ReadOptions = {}, onCells?: (n: number) => void): SheetGrid {
  return runAtOnce(sheetSteps(ws, opts, onCells, BLOCK_CELLS));
}

/** readSheet in steps: a step per Value2 block of `blockCells`, per column of dates, then merges, then hidden rows. */
function* sheetSteps(ws: EtSheet, opts: ReadOptions, onCells: ((n: number) => void) | undefined, blockCells: number): Steps<SheetGrid> {
  const sheet: SheetGrid = { name: ws.Name, rows: [], merges: [] };
  if (ws.Visible !== XL_SHEET_VISIBLE) sheet.hidden = true;
  const r = dataBounds(ws);
  if (!r) return sheet;
  // The grid's shape (core/model/grid.ts): a row with no value is a hole, each row ends at its own last value.
  const rows: CellValue[][] = [];
  for (const b of planBlocks(r, blockCells)) {
    const block = readValues(ws, b);
    block.forEach((vals, i) => {
      let end = vals.length;
      while (end > 0 && vals[end - 1] === null) end--;
      if (end === 0) return;
      const row = new Array<CellValue>(b.left + end).fill(null);
      for (let j = 0; j < end; j++) row[b.left + j] = vals[j];
      rows[b.top + i] = row;
    });
    onCells?.((b.bottom - b.top + 1) * (b.right - b.left + 1));
    yield;
  }
  if (!rows.length) return sheet; // an empty sheet's used range is A1 holding nothing
  yield* dateFormatSteps(ws, rows, r);
  sheet.rows = rows;
  if (opts.merges !== false) {
    sheet.merges = findMerges(ws, r);
    yield;
  }
  const hidden = findHiddenRows(ws, r).filter((row) => rows[row].some((v) => v !== null));
  if (hidden.length) sheet.hiddenRows = hidden;
  return sheet;
}

/**
 * Hidden rows of a rectangle (0-based, ascending), as the file readers list them: Range.Hidden of whole rows is
 * false when none is hidden (one call for a sheet without hidden rows), true when all are, null when some are;
 * only runs that answer null are halved.
 */
export function findHiddenRows(ws: EtSheet, r: Rect): number[] {
  const out: number[] = [];
  const scan = (t: number, b: number): void => {
    const h = ws.Range(`${t + 1}:${b + 1}`).Hidden;
    if (h === false) return;
    if (h === true) {
      for (let row = t; row <= b; row++) out.push(row);
      return;
    }
    if (t === b) return; // a single row without an answer: not said hidden
    const mid = (t + b) >> 1;
    scan(t, mid);
    scan(mid + 1, b);
  };
  scan(r.top, r.bottom);
  return out;
}

/** Every worksheet of the active workbook (but Jiangxuan's state sheet) into the core's grid. */
export function readWorkbookGrid(app: EtApp, opts: ReadOptions = {}): WorkbookGrid {
  return runAtOnce(workbookSteps(app, opts, BLOCK_CELLS));
}

/** A zero-delay timer: the pane paints and handles input before the next step. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface StepOptions extends ReadOptions {
  /** Lets the pane take its turn (default nextTurn); awaited between steps once `every` ms have gone by. */
  pause?: () => Promise<void>;
  /** Milliseconds of reading between pauses (default 30). */
  every?: number;
}

/**
 * readWorkbookGrid for the task pane: the same calls and the same grid, read in smaller Value2 blocks with pauses
 * between steps, so that the pane keeps painting and answering while a large workbook is read (ET's calls are
 * synchronous: read at once, 5,000 nominees held the pane for one long task). Something typed during a pause is
 * read if its step comes later, as with an edit made while the check runs: the next check or live re-check sees it.
 */
export function readWorkbookGridInSteps(app: EtApp, opts: StepOptions = {}): Promise<WorkbookGrid> {
  return runWithPauses(workbookSteps(app, opts, STEP_BLOCK_CELLS), opts.pause ?? nextTurn, Date.now, opts.every);
}

function* workbookSteps(app: EtApp, opts: ReadOptions, blockCells: number): Steps<WorkbookGrid> {
  const wb = activeWorkbook(app);
  if (!wb) throw new WpsError('no-workbook');
  const sheets = worksheets(wb).filter((ws) => ws.Name !== STATE_SHEET);
  opts.onProgress?.({ phase: 'metadata', done: 0, total: sheets.length });
  let done = 0;
  const out: SheetGrid[] = [];
  const onCells = (n: number) => {
    done += n;
    opts.onProgress?.({ phase: 'values', done, total: 0 });
  };
  for (const ws of sheets) {
    out.push(yield* sheetSteps(ws, opts, onCells, blockCells));
    yield;
  }
  return { sheets: out };
}

/**
 * Rows of one sheet read again after an edit (live re-checking): whole rows 0..width-1, consecutive rows in
 * one Value2 call, dates decided as in readWorkbookGrid.
 */
export function readRows(ws: EtSheet, rowIndexes: readonly number[], width: number): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  if (width <= 0) {
    for (const r of rowIndexes) out.set(r, []);
    return out;
  }
  const sorted = [...new Set(rowIndexes)].filter((r) => Number.isInteger(r) && r >= 0).sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const run: Rect = { top: sorted[i], left: 0, bottom: sorted[j], right: width - 1 };
    for (const b of planBlocks(run)) {
      const vals = readValues(ws, b);
      const rows: CellValue[][] = [];
      vals.forEach((v, k) => (rows[b.top + k] = v));
      applyDateFormats(ws, rows, b);
      vals.forEach((_, k) => out.set(b.top + k, rows[b.top + k]));
    }
    i = j + 1;
  }
  return out;
}

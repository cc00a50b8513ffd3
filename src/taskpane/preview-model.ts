/** The read-only sheet preview of the standalone page: which rows to draw, what each cell shows, marks. Pure. */
import type { Finding, Lang, Severity } from '../core/model/findings';
import type { CellValue, MergedRange, SheetGrid } from '../core/model/grid';
import { cellText } from '../core/text/normalize';
import { worseSeverity } from '../core/report/colours';

/** A cell the preview highlights, addressed as findings address theirs (the checklist points at cells too). */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** At most this many rows are drawn; big sheets show a window around the selected cell. */
export const PREVIEW_MAX_ROWS = 500;

export interface RowWindow {
  /** 0-based, end exclusive. */
  start: number;
  end: number;
}

/** A window of at most `max` rows containing `focus` (about a fifth of it above), within [0, total). */
export function rowWindow(total: number, focus: number | undefined, max = PREVIEW_MAX_ROWS): RowWindow {
  if (total <= max) return { start: 0, end: total };
  const f = Math.min(Math.max(focus ?? 0, 0), total - 1);
  let start = Math.max(0, f - Math.floor(max / 5));
  if (start + max > total) start = total - max;
  return { start, end: start + max };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Digits Excel's General format shows in a column of standard width. */
const GENERAL_WIDTH = 11;

/**
 * A number as Excel shows it in a General cell: at most 11 characters, larger and tinier numbers in scientific
 * notation with 6 significant digits. An ID typed as a number shows as 3.10101E+17, as the user sees it in
 * Excel: the preview must not show an 18-digit string the cell no longer holds. (Checks read cellText.)
 */
export function generalNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const sign = v < 0 ? '-' : '';
  const abs = Math.abs(v);
  if (abs >= 1e11 || abs < 1e-4) {
    const [mantissa, exp] = abs.toExponential(5).split('e');
    const e = Number(exp);
    return `${sign}${mantissa.replace(/\.?0+$/, '')}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  for (let digits = GENERAL_WIDTH; digits > 1; digits--) {
    const s = String(Number(abs.toPrecision(digits)));
    if (sign.length + s.length <= GENERAL_WIDTH) return sign + s;
  }
  return sign + String(Math.round(abs));
}

/** What a cell shows: numbers as Excel's General format shows them, errors by code, dates with their time. */
export function displayValue(v: CellValue): string {
  if (typeof v === 'number') return generalNumber(v);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const base = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const h = v.getUTCHours();
    const m = v.getUTCMinutes();
    return h || m ? `${base} ${pad(h)}:${pad(m)}` : base;
  }
  return cellText(v);
}

export interface CellMark {
  severity: Severity;
  /** The messages of every finding on the cell, worst first, one per line (the cell's tooltip). */
  title: string;
  count: number;
}

/** "row,col" → mark, for one sheet. */
export function cellMarks(findings: readonly Finding[], sheet: string, lang: Lang): Map<string, CellMark> {
  const bucket = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet) continue;
    const k = `${f.row},${f.col}`;
    const list = bucket.get(k);
    if (list) list.push(f);
    else bucket.set(k, [f]);
  }
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  const out = new Map<string, CellMark>();
  for (const [k, list] of bucket) {
    let worst: Severity | undefined;
    for (const f of list) worst = worseSeverity(worst, f.severity);
    const sorted = [...list].sort((a, b) => rank[b.severity] - rank[a.severity]);
    out.set(k, { severity: worst!, title: sorted.map((f) => f.message[lang]).join('\n'), count: list.length });
  }
  return out;
}

export interface MergeLayout {
  /** "row,col" of the top-left cell → its span, clipped to the window. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** "row,col" of cells hidden under a merge. */
  covered: Set<string>;
}

/**
 * Merges inside the drawn window. A merge that starts above the window starts at its first row instead
 * (so a tall merged block is still drawn once).
 */
export function mergeLayout(merges: readonly MergedRange[], win: RowWindow, width: number): MergeLayout {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of merges) {
    const top = Math.max(m.top, win.start);
    const bottom = Math.min(m.bottom, win.end - 1);
    const right = Math.min(m.right, width - 1);
    if (top > bottom || m.left > right) continue;
    if (top === bottom && m.left === right) continue;
    spans.set(`${top},${m.left}`, { rowSpan: bottom - top + 1, colSpan: right - m.left + 1 });
    for (let r = top; r <= bottom; r++) {
      for (let c = m.left; c <= right; c++) if (r !== top || c !== m.left) covered.add(`${r},${c}`);
    }
  }
  return { spans, covered };
}

/** Columns to draw: the sheet's width, at least the columns findings point at, at least one. */
export function sheetWidth(sheet: SheetGrid, findings: readonly Finding[]): number {
  let w = 0;
  for (const r of sheet.rows) if (r && r.length > w) w = r.length;
  for (const f of findings) if (f.sheet === sheet.name && f.col + 1 > w) w = f.col + 1;
  return Math.max(w, 1);
}

/** Rows to draw: the sheet's height, at least the rows findings point at (a missing footer line below the table). */
export function sheetHeight(sheet: SheetGrid, findings: readonly Finding[]): number {
  let h = sheet.rows.length;
  for (const f of findings) if (f.sheet === sheet.name && f.row + 1 > h) h = f.row + 1;
  return h;
}

/**
 * The column the preview keeps in view while scrolling sideways, by sheet: the name column of the first table
 * recognised on the sheet (姓名, or 培育对象 in the cultivation workbook), so a marked cell far to the right still
 * has the nominee's name beside it.
 */
export function nameColumns(tables: readonly { sheet: { name: string }; colOf: ReadonlyMap<string, number> }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tables) {
    const c = t.colOf.get('name') ?? t.colOf.get('trainee');
    if (c !== undefined && !out.has(t.sheet.name)) out.set(t.sheet.name, c);
  }
  return out;
}

/** Width of the preview's row numbers (px): fixed, so the frozen name column can sit right beside them. */
export function rowHeadWidth(height: number): number {
  return Math.max(3, String(height).length) * 8 + 14;
}

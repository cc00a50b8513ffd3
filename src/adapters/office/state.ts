/**
 * What Jiangxuan remembers about the cells it marked, kept in the workbook itself (a veryHidden worksheet,
 * one JSON object per row in column A) so that clearMarks restores them after the file was saved, closed
 * and reopened. Pure: parsing, serialising and shifting records when rows or columns are inserted/deleted.
 */
import { cellAddress, parseCellAddress } from '../../core/model/grid';

/** The veryHidden sheet holding the marks state. */
export const STATE_SHEET = '_jiangxuan_marks';
/** Every comment Jiangxuan writes starts with this, so ours can be told from the users'. */
export const COMMENT_PREFIX = '【匠选】';

/** A cell's fill as it was before we marked it (Office.js RangeFill, ExcelApi 1.9 properties). */
export interface SavedFill {
  /** pattern: "None" (no fill), "Solid", "Gray50"… */
  p: string;
  /** color (#RRGGBB) when there was a fill. */
  c?: string;
  pc?: string;
  t?: number;
  pt?: number;
}

/** One marked cell. */
export interface MarkRecord {
  /** Sheet name and A1 address. */
  s: string;
  a: string;
  /** Fill before marking. */
  f: SavedFill;
  /** The fill colour we set (#RRGGBB): the cell is restored only while it still shows it. */
  k: string;
  /** Id of the comment we added to the cell. */
  c?: string;
  /** 1 when the cell had a user's comment: we added none (the message is in the task pane / results sheet). */
  u?: 1;
  /** Not saved: the record was made by shiftRecords for a cell that inherited a marked neighbour's format. */
  i?: 1;
}

/** Row 1 of the state sheet. */
export interface StateMeta {
  app: 'jiangxuan';
  v: 1;
  /** Name of the results sheet we wrote, when there is one. */
  results?: string;
}

export function newMeta(results?: string): StateMeta {
  const m: StateMeta = { app: 'jiangxuan', v: 1 };
  if (results) m.results = results;
  return m;
}

export function parseStateMeta(v: unknown): StateMeta | undefined {
  if (typeof v !== 'string' || !v.startsWith('{')) return undefined;
  try {
    const o = JSON.parse(v) as Record<string, unknown>;
    if (o.app !== 'jiangxuan') return undefined;
    return newMeta(typeof o.results === 'string' && o.results ? o.results : undefined);
  } catch {
    return undefined;
  }
}

function parseRecord(v: unknown): MarkRecord | undefined {
  if (typeof v !== 'string' || !v.startsWith('{')) return undefined;
  try {
    const o = JSON.parse(v) as Record<string, unknown>;
    const f = o.f as Record<string, unknown> | undefined;
    if (typeof o.s !== 'string' || typeof o.a !== 'string' || !parseCellAddress(o.a) || typeof o.k !== 'string' || !f || typeof f.p !== 'string') return undefined;
    const fill: SavedFill = { p: f.p };
    if (typeof f.c === 'string') fill.c = f.c;
    if (typeof f.pc === 'string') fill.pc = f.pc;
    if (typeof f.t === 'number') fill.t = f.t;
    if (typeof f.pt === 'number') fill.pt = f.pt;
    const rec: MarkRecord = { s: o.s, a: o.a.toUpperCase(), f: fill, k: o.k };
    if (typeof o.c === 'string' && o.c) rec.c = o.c;
    if (o.u === 1) rec.u = 1;
    return rec;
  } catch {
    return undefined;
  }
}

/** Column A values of the state sheet (row 1 = meta) → meta and records; unreadable rows are skipped. */
export function parseState(values: unknown[][] | undefined): { meta?: StateMeta; records: MarkRecord[] } {
  const records: MarkRecord[] = [];
  if (!values || values.length === 0) return { records };
  const meta = parseStateMeta(values[0]?.[0]);
  for (let r = 1; r < values.length; r++) {
    const rec = parseRecord(values[r]?.[0]);
    if (rec) records.push(rec);
  }
  return meta ? { meta, records } : { records };
}

/** Meta and records → column A rows (one JSON text each). */
export function serializeState(meta: StateMeta, records: readonly MarkRecord[]): string[][] {
  return [[JSON.stringify(meta)], ...records.map(({ i: _inherited, ...r }) => [JSON.stringify(r)])];
}

/**
 * Rows or columns inserted (count > 0, at `at`) or deleted (count < 0: -count of them starting at `at`),
 * 0-based, as worksheet onChanged reports them (RowInserted, RowDeleted, ColumnInserted, ColumnDeleted).
 */
export interface StructuralChange {
  sheet: string;
  axis: 'rows' | 'cols';
  at: number;
  count: number;
}

/** Where a cell went after a change; undefined when it was deleted. */
export function shiftPosition(ch: StructuralChange, sheet: string, row: number, col: number): { row: number; col: number } | undefined {
  if (sheet !== ch.sheet) return { row, col };
  const v = ch.axis === 'rows' ? row : col;
  let nv = v;
  if (ch.count > 0) {
    if (v >= ch.at) nv = v + ch.count;
  } else {
    const n = -ch.count;
    if (v >= ch.at && v < ch.at + n) return undefined;
    if (v >= ch.at + n) nv = v - n;
  }
  return ch.axis === 'rows' ? { row: nv, col } : { row, col: nv };
}

/**
 * Applies changes, in order, to records. Inserted rows (columns) take the formats of the row above (column to
 * the left; below/right when inserted at the very start), so a marked neighbour passes our fill on to them:
 * such cells get a record of their own without a comment, with the neighbour's original fill, so they are
 * restored too (only while they still show our colour).
 */
export function shiftRecords(records: readonly MarkRecord[], changes: readonly StructuralChange[]): MarkRecord[] {
  let out = records.slice();
  for (const ch of changes) {
    const next: MarkRecord[] = [];
    for (const rec of out) {
      const pos = parseCellAddress(rec.a)!;
      const p = shiftPosition(ch, rec.s, pos.row, pos.col);
      if (p) next.push(p.row === pos.row && p.col === pos.col ? rec : { ...rec, a: cellAddress(p.row, p.col) });
    }
    if (ch.count > 0) {
      const source = ch.at > 0 ? ch.at - 1 : ch.at + ch.count;
      const taken = new Set(next.filter((r) => r.s === ch.sheet).map((r) => r.a));
      for (const rec of next.slice()) {
        if (rec.s !== ch.sheet) continue;
        const pos = parseCellAddress(rec.a)!;
        if ((ch.axis === 'rows' ? pos.row : pos.col) !== source) continue;
        for (let k = 0; k < ch.count; k++) {
          const a = ch.axis === 'rows' ? cellAddress(ch.at + k, pos.col) : cellAddress(pos.row, ch.at + k);
          if (taken.has(a)) continue;
          taken.add(a);
          next.push({ s: rec.s, a, f: rec.f, k: rec.k, i: 1 });
        }
      }
    }
    out = next;
  }
  return out;
}

/**
 * What Jiangxuan remembers about the cells it marked, kept in the workbook itself so that 清除标注 restores them
 * after the file was saved, closed and reopened: a veryHidden worksheet (Visible = xlSheetVeryHidden), one JSON
 * text per row in column A, row 1 the header: `s` sheet, `a` A1, `w` the ET Interior before marking (BGR numbers,
 * restored as it was), `f` the same fill in words (pattern name, #RRGGBB) for whoever opens the sheet, `k` our
 * colour, `n` a comment we added (ET comments have no id), `u` a user's comment we left alone. Document custom
 * properties were the alternative; a sheet holds thousands of records without a size limit, and the Excel
 * add-in's reader already skips a sheet of this name (its former state sheet).
 */
import { parseCellAddress } from '../../core/model/grid';
import { bgrToHex, EtSheet, XL_NONE, XL_SOLID } from './et';

export const STATE_SHEET = '_jiangxuan_marks';
/** Every comment Jiangxuan writes starts with this, so ours can be told from the users'. */
export const COMMENT_PREFIX = '【匠选】';

/** A cell's Interior as ET reports it (BGR numbers; null where ET gave none). */
export interface RawFill {
  c: number | null;
  i: number | null;
  p: number | null;
  pc?: number | null;
  t?: number | null;
}

/** The fill before marking in words (pattern name, #RRGGBB). */
export interface SavedFill {
  p: string;
  c?: string;
  pc?: string;
  t?: number;
}

export interface MarkRecord {
  s: string;
  a: string;
  f: SavedFill;
  /** Our colour (#RRGGBB): the cell is restored only while it still shows it. */
  k: string;
  /** The ET interior before marking, restored as it was. */
  w?: RawFill;
  /** 1: we added the cell's comment. */
  n?: 1;
  /** 1: the cell had a user's comment, so we added none. */
  u?: 1;
}

export interface StateMeta {
  app: 'jiangxuan';
  v: 1;
  results?: string;
}

const PATTERN_NAMES: Record<number, string> = {
  [XL_SOLID]: 'Solid',
  [-4125]: 'Gray50',
  [-4124]: 'Gray75',
  [-4126]: 'Gray25',
  17: 'Gray16',
  18: 'Gray8',
  [-4128]: 'Horizontal',
  [-4166]: 'Vertical',
  [-4121]: 'Down',
  [-4162]: 'Up',
  9: 'Checker',
  16: 'SemiGray75',
  10: 'LightHorizontal',
  11: 'LightVertical',
  12: 'LightDown',
  13: 'LightUp',
  14: 'Grid',
  15: 'CrissCross',
};

export function hasNoFill(f: RawFill): boolean {
  return f.p === XL_NONE || f.i === XL_NONE || f.p === 0;
}

/** The raw interior in words. */
export function savedFillOf(f: RawFill): SavedFill {
  if (hasNoFill(f)) return { p: 'None' };
  const s: SavedFill = { p: (f.p !== null && PATTERN_NAMES[f.p]) || 'Solid' };
  if (typeof f.c === 'number') s.c = bgrToHex(f.c);
  if (s.p !== 'Solid' && typeof f.pc === 'number') s.pc = bgrToHex(f.pc);
  if (typeof f.t === 'number' && f.t !== 0) s.t = f.t;
  return s;
}

export function newMeta(): StateMeta {
  return { app: 'jiangxuan', v: 1 };
}

function parseRaw(v: unknown): RawFill | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === 'number' ? x : null);
  const raw: RawFill = { c: num(o.c), i: num(o.i), p: num(o.p) };
  if (typeof o.pc === 'number') raw.pc = o.pc;
  if (typeof o.t === 'number') raw.t = o.t;
  return raw;
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
    const rec: MarkRecord = { s: o.s, a: o.a.toUpperCase(), f: fill, k: o.k.toUpperCase() };
    const raw = parseRaw(o.w);
    if (raw) rec.w = raw;
    if (o.n === 1) rec.n = 1;
    if (o.u === 1) rec.u = 1;
    return rec;
  } catch {
    return undefined;
  }
}

/** Column A values (row 1 = header) → records; unreadable rows are skipped. */
export function parseState(values: readonly unknown[]): MarkRecord[] {
  const out: MarkRecord[] = [];
  for (let i = 1; i < values.length; i++) {
    const rec = parseRecord(values[i]);
    if (rec) out.push(rec);
  }
  return out;
}

export function serializeState(records: readonly MarkRecord[]): string[] {
  return [JSON.stringify(newMeta()), ...records.map((r) => JSON.stringify(r))];
}

/** Column A of the state sheet as a list (one Value2 call). */
export function readStateColumn(ws: EtSheet): unknown[] {
  const used = ws.UsedRange;
  const rows = used.Row - 1 + used.Rows.Count;
  if (rows <= 0) return [];
  const v = ws.Range(`A1:A${rows}`).Value2;
  if (!Array.isArray(v)) return [v];
  return (v as unknown[]).map((r) => (Array.isArray(r) ? r[0] : r));
}

/** Writes the records (one Value2 call) and blanks rows left from a longer earlier state (one more). */
export function writeStateColumn(ws: EtSheet, lines: readonly string[], oldRows: number): void {
  ws.Range(`A1:A${lines.length}`).Value2 = lines.map((l) => [l]);
  if (oldRows > lines.length) ws.Range(`A${lines.length + 1}:A${oldRows}`).Value2 = Array.from({ length: oldRows - lines.length }, () => [null]);
}


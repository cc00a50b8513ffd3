/**
 * Binding a header row (or two) to a table's fields: labels and aliases as the profile gives them, the same
 * labels with synonym words exchanged ("活动时间" for 活动日期; "联系电话" for 手机号码 where the profile says
 * so), force-prefixed indicators ("引领力-勇挑重担"), and a field typed over several columns
 * (职务 | 职称/技能等级 for 职务、职称/技能等级).
 */
import type { CellValue, SheetGrid } from '../model/grid';
import { FieldSpec, FORCES, ResolvedTable } from '../profiles/schema';
import { headerKey, isBlank } from '../text/normalize';

export interface ColumnBinding {
  field: FieldSpec;
  col: number;
  /** Header text as typed, for messages. */
  header: string;
}

/** Words that mean the same in any header, whatever the profile ("开始日期" = "开始时间"). */
export const DEFAULT_HEADER_SYNONYMS: readonly (readonly string[])[] = [['日期', '时间']];

export interface LabelIndex {
  /** Normalised label or alias → fields, most likely first. */
  byKey: Map<string, FieldSpec[]>;
  /** The same labels with a synonym word exchanged, where that is no field's own label. */
  bySynonym: Map<string, FieldSpec[]>;
  /** Normalised label of a part column → the fields split over such columns. */
  parts: Map<string, FieldSpec[]>;
}

function add(map: Map<string, FieldSpec[]>, k: string, f: FieldSpec): void {
  const list = map.get(k);
  if (!list) map.set(k, [f]);
  else if (!list.includes(f)) list.push(f);
}

export function buildIndex(spec: ResolvedTable, synonyms: readonly (readonly string[])[]): LabelIndex {
  const byKey = new Map<string, FieldSpec[]>();
  const bySynonym = new Map<string, FieldSpec[]>();
  const parts = new Map<string, FieldSpec[]>();
  for (const f of spec.fields) for (const label of [f.label, ...f.aliases]) add(byKey, headerKey(label), f);
  const groups = [...DEFAULT_HEADER_SYNONYMS, ...synonyms].map((g) => [...new Set(g.map(headerKey).filter(Boolean))]);
  for (const f of spec.fields) {
    for (const label of [f.label, ...f.aliases]) {
      const k = headerKey(label);
      for (const group of groups) {
        for (const word of group) {
          if (!k.includes(word)) continue;
          for (const other of group) {
            const variant = k.split(word).join(other);
            if (other !== word && !byKey.has(variant)) add(bySynonym, variant, f);
          }
        }
      }
    }
    for (const p of f.parts ?? []) add(parts, headerKey(p), f);
  }
  return { byKey, bySynonym, parts };
}

const indexes = new WeakMap<ResolvedTable, { synonyms: readonly (readonly string[])[]; index: LabelIndex }>();

/**
 * buildIndex, made once per table of a profile: recognition asks for it on every sheet of every file (and for
 * every programme while the programme is being detected), and an inbox of a hundred small files would spend more
 * time building the same index than checking its nominees.
 */
export function labelIndex(spec: ResolvedTable, synonyms: readonly (readonly string[])[]): LabelIndex {
  const hit = indexes.get(spec);
  if (hit && hit.synonyms === synonyms) return hit.index;
  const index = buildIndex(spec, synonyms);
  indexes.set(spec, { synonyms, index });
  return index;
}

const FORCE_PREFIX = new RegExp(`^(${FORCES.join('|')})[-—_:：/、.]?`);
/** Header labels are short; long cells are data (a 5,000-字 text must not be normalised for nothing). */
const MAX_HEADER_LENGTH = 80;

interface Candidates {
  fields: FieldSpec[];
  viaSynonym: boolean;
}

/** Fields a header cell may mean, most likely first. */
function candidates(index: LabelIndex, k: string): Candidates | undefined {
  if (!k) return undefined;
  const direct = index.byKey.get(k);
  if (direct) return { fields: direct, viaSynonym: false };
  const stripped = k.replace(FORCE_PREFIX, '');
  if (stripped !== k) {
    const forced = index.byKey.get(stripped);
    if (forced) return { fields: forced, viaSynonym: false };
  }
  const syn = index.bySynonym.get(k);
  return syn && { fields: syn, viaSynonym: true };
}

const asPhone = new WeakMap<FieldSpec, FieldSpec>();
/**
 * A mobile-number field found under a general phone header ("联系电话", through a synonym): a landline is a fair
 * answer to that header, so the column is checked as a contact phone.
 */
function fieldFor(field: FieldSpec, key: string, viaSynonym: boolean): FieldSpec {
  if (!viaSynonym || field.type !== 'mobile' || /手机|移动/.test(key)) return field;
  let f = asPhone.get(field);
  if (!f) {
    f = { ...field, type: 'phone' };
    asPhone.set(field, f);
  }
  return f;
}

interface HeaderCell {
  /** As typed. */
  text: string;
  key: string;
}

const rowCells = new WeakMap<readonly CellValue[], readonly (HeaderCell | undefined)[]>();
const NO_CELLS: readonly (HeaderCell | undefined)[] = [];

/**
 * The cells of a row that could be header labels (short texts), with their keys. Each row near the top is tried
 * as the header, and as the second header row, of every table of every programme being detected: its keys are
 * made once per row (remembered by the row's array, which a live re-check replaces when the row changes).
 */
function headerCells(sheet: SheetGrid, row: number): readonly (HeaderCell | undefined)[] {
  const values = sheet.rows[row];
  if (values === undefined) return NO_CELLS;
  let cells = rowCells.get(values);
  if (!cells) {
    const out: (HeaderCell | undefined)[] = [];
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      out.push(typeof v === 'string' && v.length <= MAX_HEADER_LENGTH && !isBlank(v) ? { text: v, key: headerKey(v) } : undefined);
    }
    rowCells.set(values, (cells = out));
  }
  return cells;
}

/** Binds header cells of one row to fields; an ambiguous label (two 邮编 columns) takes the next unbound field. */
function bindRow(sheet: SheetGrid, row: number, index: LabelIndex, bound: Map<string, ColumnBinding>, taken: Set<number>): number {
  const cells = headerCells(sheet, row);
  let added = 0;
  for (let c = 0; c < cells.length; c++) {
    if (taken.has(c)) continue;
    const cell = cells[c];
    if (cell === undefined) continue;
    const v = cell.text;
    const k = cell.key;
    const cands = candidates(index, k);
    if (!cands) continue;
    const field = cands.fields.find((f) => !bound.has(f.key));
    if (!field) continue;
    bound.set(field.key, { field: fieldFor(field, k, cands.viaSynonym), col: c, header: v.trim() });
    taken.add(c);
    added++;
  }
  return added;
}

/**
 * Columns of fields typed over several columns. Under a bound field (a merged "职务、职称/技能等级" over
 * 职务 | 职称/技能等级 on the next header row) the part columns start at its column; a field the header
 * lacks takes the part columns of the header rows. Returns how many part cells were found on `below`.
 */
function bindParts(sheet: SheetGrid, top: number, below: number, index: LabelIndex, bound: Map<string, ColumnBinding>, taken: Set<number>, parts: Map<string, number[]>): number {
  if (index.parts.size === 0) return 0;
  let onBelow = 0;
  const found = new Map<FieldSpec, { row: number; col: number; header: string }[]>();
  for (const row of below > top ? [top, below] : [top]) {
    const cells = headerCells(sheet, row);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === undefined) continue;
      const v = cell.text;
      const fields = index.parts.get(cell.key);
      if (!fields) continue;
      for (const f of fields) {
        const b = bound.get(f.key);
        // Under its own header cell, or anywhere for a field the header lacks; never a column another field has.
        if (b ? row !== below || c < b.col || (c !== b.col && taken.has(c)) : taken.has(c)) continue;
        const list = found.get(f) ?? [];
        list.push({ row, col: c, header: v.trim() });
        found.set(f, list);
        break;
      }
    }
  }
  for (const [f, cells] of found) {
    const b = bound.get(f.key);
    const cols = [...new Set(cells.map((x) => x.col))].sort((a, z) => a - z);
    if (b) {
      // Part columns under a bound header must start at its column and run side by side.
      if (cols[0] !== b.col || cols.some((c, i) => i > 0 && c !== cols[i - 1] + 1) || cols.length < 2) continue;
    } else {
      bound.set(f.key, { field: f, col: cols[0], header: cells.map((x) => x.header).join(' | ') });
    }
    for (const c of cols) taken.add(c);
    if (cols.length > 1) parts.set(f.key, cols);
    onBelow += cells.filter((x) => x.row === below).length;
  }
  return onBelow;
}

/** A header found on a sheet: its rows, the columns bound to fields, how well it fits. */
export interface HeaderMatch {
  spec: ResolvedTable;
  headerTop: number;
  /** Last header row (headerTop + 1 when the header spans two rows). */
  headerRow: number;
  columns: ColumnBinding[];
  /** Fields over several columns → their columns (the first is the field's column). */
  parts: Map<string, number[]>;
  /** Header cells bound to fields. */
  score: number;
}

/**
 * The header of `spec` starting at `row`, if the row holds at least one of its labels. A second header row
 * (indicators under their force, 邮编 under an address block, 职务 | 职称/技能等级 under a merged title) counts
 * only with two or more labels, so a data row holding one label-like value is not taken for one.
 */
export function matchHeader(sheet: SheetGrid, row: number, spec: ResolvedTable, index: LabelIndex): HeaderMatch | undefined {
  const bound = new Map<string, ColumnBinding>();
  const taken = new Set<number>();
  const first = bindRow(sheet, row, index, bound, taken);
  if (first === 0) return undefined;
  const bound2 = new Map(bound);
  const taken2 = new Set(taken);
  const parts2 = new Map<string, number[]>();
  const second = bindRow(sheet, row + 1, index, bound2, taken2);
  const secondParts = bindParts(sheet, row, row + 1, index, bound2, taken2, parts2);
  let headerRow = row;
  let final = bound;
  let parts = new Map<string, number[]>();
  if (second + secondParts >= 2) {
    headerRow = row + 1;
    final = bound2;
    parts = parts2;
  } else {
    bindParts(sheet, row, row, index, bound, taken, parts);
  }
  const columns = [...final.values()].sort((a, b) => a.col - b.col);
  return { spec, headerTop: row, headerRow, columns, parts, score: columns.length };
}

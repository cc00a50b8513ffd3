/**
 * Finds the tables a profile knows (推荐汇总表, nominee details) in a workbook grid, whatever the sheet is called:
 * a table is recognised by its header row, which may sit under a merged title row or span two rows.
 */
import { SheetGrid, WorkbookGrid } from '../model/grid';
import { FieldSpec, FORCES, Profile, ResolvedTable, TableKind } from '../profiles/schema';
import { cellText, fold, headerKey, isBlank } from '../text/normalize';

export interface ColumnBinding {
  field: FieldSpec;
  col: number;
  /** Header text as typed, for messages. */
  header: string;
}

export type FooterKey = 'unit' | 'contact' | 'phone' | 'email';

export interface FooterEntry {
  /** Label cell. */
  labelRow: number;
  labelCol: number;
  /** Where the value is (the label cell itself for "联系人：林晓"). */
  row: number;
  col: number;
  value: string;
}

export interface RecognizedTable {
  kind: TableKind;
  spec: ResolvedTable;
  sheet: SheetGrid;
  /** First and last header rows (equal unless the header spans two rows). */
  headerTop: number;
  headerRow: number;
  columns: ColumnBinding[];
  /** Field key → column. */
  colOf: Map<string, number>;
  /** Fields the profile expects that the header lacks. */
  missing: FieldSpec[];
  /** Rows holding a nominee (0-based), in sheet order. */
  dataRows: number[];
  /** Text above the header (the sheet's title lines). */
  title: string;
  /** Summary sheets only: the footer lines found below the table (absent keys were not found). */
  footer?: Partial<Record<FooterKey, FooterEntry>>;
  /** Row after the last data row (where a missing footer line is reported). */
  endRow: number;
}

const SCAN_ROWS = 40;
const MAX_HEADER_LENGTH = 80;
/** First characters of FOOTER_START's words, simplified and traditional: a cheap test before folding. */
const FOOTER_FIRST_CHAR = /^[推联聯邮郵电電注註说說填审審]/;
const FOOTER_START = /^(推荐单位|联系人|联系电话|联系方式|邮箱|电子邮箱|注[:：]|注$|说明[:：]|填表说明|填表人|审核人)/;

interface LabelIndex {
  byKey: Map<string, FieldSpec[]>;
}

/** Built once per table spec (profiles are resolved once): every sheet of every file is matched against it. */
const INDEXES = new WeakMap<ResolvedTable, LabelIndex>();

function buildIndex(spec: ResolvedTable): LabelIndex {
  const known = INDEXES.get(spec);
  if (known) return known;
  const index = makeIndex(spec);
  INDEXES.set(spec, index);
  return index;
}

function makeIndex(spec: ResolvedTable): LabelIndex {
  const byKey = new Map<string, FieldSpec[]>();
  for (const f of spec.fields) {
    for (const label of [f.label, ...f.aliases]) {
      const k = headerKey(label);
      const list = byKey.get(k) ?? [];
      if (!list.includes(f)) list.push(f);
      byKey.set(k, list);
    }
  }
  return { byKey };
}

const FORCE_PREFIX = new RegExp(`^(${FORCES.join('|')})[-—_:：/、.]?`);

/** Fields a header cell may mean, most likely first. Force-prefixed indicators ("引领力-勇挑重担") are accepted. */
function candidates(index: LabelIndex, text: string): FieldSpec[] | undefined {
  const k = headerKey(text);
  if (!k) return undefined;
  const direct = index.byKey.get(k);
  if (direct) return direct;
  const stripped = k.replace(FORCE_PREFIX, '');
  return stripped !== k ? index.byKey.get(stripped) : undefined;
}

/** Binds header cells of one row to fields; an ambiguous label (two 邮编 columns) takes the next unbound field. */
function bindRow(sheet: SheetGrid, row: number, index: LabelIndex, bound: Map<string, ColumnBinding>, takenCols: Set<number>): number {
  const cells = sheet.rows[row] ?? [];
  let added = 0;
  for (let c = 0; c < cells.length; c++) {
    if (takenCols.has(c)) continue;
    const v = cells[c];
    // Header labels are short; long cells are data (a 5,000-字 text must not be normalised for nothing).
    if (typeof v !== 'string' || v.length > MAX_HEADER_LENGTH || isBlank(v)) continue;
    const cands = candidates(index, v);
    if (!cands) continue;
    const field = cands.find((f) => !bound.has(f.key));
    if (!field) continue;
    bound.set(field.key, { field, col: c, header: v.trim() });
    takenCols.add(c);
    added++;
  }
  return added;
}

function rowText(sheet: SheetGrid, row: number): string {
  return (sheet.rows[row] ?? [])
    .filter((v) => !isBlank(v))
    .map((v) => cellText(v).trim())
    .join(' ');
}

function isFooterRow(sheet: SheetGrid, row: number): boolean {
  const cells = sheet.rows[row];
  if (!cells) return false;
  // Runs on every data row: decide on the first filled cell, count the others only when it looks like a footer.
  let c = 0;
  while (c < cells.length && isBlank(cells[c])) c++;
  const first = cells[c];
  if (typeof first !== 'string' || !FOOTER_FIRST_CHAR.test(first.trimStart()) || !FOOTER_START.test(fold(first.slice(0, 12)))) return false;
  let filled = 1;
  for (c++; c < cells.length; c++) if (!isBlank(cells[c]) && ++filled > 4) return false;
  return true;
}

function parseFooter(sheet: SheetGrid, fromRow: number, profile: Profile): Partial<Record<FooterKey, FooterEntry>> {
  const labels: [FooterKey, string[]][] = [
    ['unit', [profile.footer.unit, '推荐单位', '推荐单位盖章', '推荐单位（盖章）']],
    ['contact', [profile.footer.contact, '联系人姓名']],
    ['phone', [profile.footer.phone, '联系方式', '电话', '联系人电话', '手机']],
    ['email', [profile.footer.email, '电子邮箱', '邮件', 'e-mail', 'email', '电子邮件']],
  ];
  const keyOf = new Map<string, FooterKey>();
  for (const [key, ls] of labels) for (const l of ls) keyOf.set(headerKey(l), key);
  const found: Partial<Record<FooterKey, FooterEntry>> = {};
  const last = Math.min(sheet.rows.length, fromRow + 30);
  for (let r = fromRow; r < last; r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== 'string' || isBlank(v)) continue;
      // "联系人：林晓" in one cell, or "联系人：" then the value in a cell to the right; several labels may share a row.
      const m = /^([^:：]{1,16})[:：]\s*([\s\S]*)$/.exec(v.trim()); // [\s\S], not the s flag: the WPS bundle targets ES2017
      const labelPart = m ? m[1] : v;
      const key = keyOf.get(headerKey(labelPart));
      if (!key || found[key]) continue;
      const inline = m ? m[2].trim() : '';
      if (inline) {
        found[key] = { labelRow: r, labelCol: c, row: r, col: c, value: inline };
        continue;
      }
      let valueCol = -1;
      for (let k = c + 1; k < Math.min(cells.length, c + 7); k++) {
        const w = cells[k];
        if (isBlank(w)) continue;
        // The next cell may be another label ("联系人：" | "联系电话："): then this label has no value.
        if (typeof w === 'string' && keyOf.has(headerKey(w.replace(/[:：][\s\S]*$/, '')))) break;
        valueCol = k;
        break;
      }
      found[key] = {
        labelRow: r,
        labelCol: c,
        row: r,
        col: valueCol >= 0 ? valueCol : c,
        value: valueCol >= 0 ? cellText(cells[valueCol]).trim() : '',
      };
    }
  }
  return found;
}

/**
 * People merge a unit's name down over its nominees: every row of a merged area in the table body reads the
 * area's value, so the lower rows are not "empty". Header merges are left alone (the header is already read).
 * Only the table's data rows and columns are filled — all that anything reads — so a merge reaching to the end
 * of the sheet costs no more than the table; rows are copied only where a merge changes them (the adapter's grid
 * is not modified).
 */
function withMergedValues(table: RecognizedTable): RecognizedTable {
  const { sheet, dataRows } = table;
  const body = sheet.merges.filter((m) => m.top > table.headerRow && (m.bottom > m.top || m.right > m.left));
  if (body.length === 0 || dataRows.length === 0) return table;
  const cols = [...new Set(table.columns.map((b) => b.col))].sort((a, b) => a - b);
  const rows = sheet.rows.slice();
  const copied = new Set<number>();
  // Merges that do not overlap (all Excel allows) fill each table cell at most once; overlapping ones in a
  // damaged file stop here instead of multiplying the work.
  let fills = dataRows.length * cols.length;
  for (const m of body) {
    if (fills <= 0) break;
    const v = sheet.rows[m.top]?.[m.left] ?? null;
    // dataRows ascend: start at the first one inside the merge.
    let lo = 0;
    let hi = dataRows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dataRows[mid] < m.top) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < dataRows.length && dataRows[k] <= m.bottom; k++) {
      const r = dataRows[k];
      for (const c of cols) {
        if (c < m.left || c > m.right || (r === m.top && c === m.left)) continue;
        if (!copied.has(r)) {
          rows[r] = (rows[r] ?? []).slice();
          copied.add(r);
        }
        const row = rows[r];
        while (row.length < c) row.push(null);
        row[c] = v;
        fills--;
      }
    }
  }
  return { ...table, sheet: { ...sheet, rows } };
}

interface HeaderCandidate {
  kind: TableKind;
  row: number;
  score: number;
}

/** Recognises at most one table per sheet: the best-scoring header row among the first rows. */
export function recognizeSheet(sheet: SheetGrid, profile: Profile): RecognizedTable | undefined {
  const specs = (Object.values(profile.tables) as ResolvedTable[]).filter(Boolean);
  const indexes = new Map(specs.map((s) => [s.kind, buildIndex(s)] as const));
  let best: HeaderCandidate | undefined;
  const scanTo = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < scanTo; r++) {
    for (const spec of specs) {
      const index = indexes.get(spec.kind)!;
      const bound = new Map<string, ColumnBinding>();
      const taken = new Set<number>();
      let score = bindRow(sheet, r, index, bound, taken);
      if (score === 0) continue;
      const second = bindRow(sheet, r + 1, index, bound, taken);
      if (second >= 2) score += second;
      if (score < spec.minMatches) continue;
      // On a tie the summary wins only when it has columns of its own; details tables are wider.
      if (!best || score > best.score || (score === best.score && best.row === r && spec.kind === 'details')) {
        best = { kind: spec.kind, row: r, score };
      }
    }
  }
  if (!best) return undefined;
  const spec = profile.tables[best.kind]!;
  const index = indexes.get(best.kind)!;
  const bound = new Map<string, ColumnBinding>();
  const taken = new Set<number>();
  bindRow(sheet, best.row, index, bound, taken);
  let headerRow = best.row;
  // A second header row (indicators under their force, "邮编" under an address block) binds the rest;
  // it counts only with two or more labels, so a data row holding one label-like value is not taken for one.
  const bound2 = new Map(bound);
  const taken2 = new Set(taken);
  if (bindRow(sheet, best.row + 1, index, bound2, taken2) >= 2) {
    headerRow = best.row + 1;
    for (const [k, b] of bound2) bound.set(k, b);
  }
  const columns = [...bound.values()].sort((a, b) => a.col - b.col);
  const colOf = new Map(columns.map((b) => [b.field.key, b.col]));
  const missing = spec.fields.filter((f) => f.expected && !colOf.has(f.key));

  const dataCols = columns.filter((b) => b.field.type !== 'serial').map((b) => b.col);
  const dataRows: number[] = [];
  let endRow = headerRow + 1;
  let r = headerRow + 1;
  for (; r < sheet.rows.length; r++) {
    if (isFooterRow(sheet, r)) break;
    const cells = sheet.rows[r];
    if (!cells) continue;
    if (dataCols.some((c) => !isBlank(cells[c] ?? null))) {
      dataRows.push(r);
      endRow = r + 1;
    }
  }
  const titleLines: string[] = [];
  for (let t = 0; t < best.row; t++) {
    const line = rowText(sheet, t);
    if (line) titleLines.push(line);
  }
  const table: RecognizedTable = {
    kind: best.kind,
    spec,
    sheet,
    headerTop: best.row,
    headerRow,
    columns,
    colOf,
    missing,
    dataRows,
    title: titleLines.join('\n'),
    endRow,
  };
  if (best.kind === 'summary') table.footer = parseFooter(sheet, endRow, profile);
  // Every consumer of a recognised table (checks, candidates, trainees) reads merged body cells the same way.
  return withMergedValues(table);
}

export function recognizeWorkbook(wb: WorkbookGrid, profile: Profile): RecognizedTable[] {
  const out: RecognizedTable[] = [];
  for (const sheet of wb.sheets) {
    const t = recognizeSheet(sheet, profile);
    if (t) out.push(t);
  }
  return out;
}

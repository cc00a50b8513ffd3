/**
 * Finds the tables a profile knows (推荐汇总表, nominee details) in a workbook grid, whatever the sheet is called:
 * a table is recognised by its header row, which may sit under a merged title row or span two rows.
 *
 * A sheet may hold several blocks of one table: SAQ staff paste the summaries of several units one under
 * another, each with its title, header, rows and footer. Every block is found; rows that are not nominees
 * (totals, notes, footer and signature lines, section labels, blank rows) are left out of the data rows.
 */
import { CellValue, SheetGrid, WorkbookGrid } from '../model/grid';
import { FieldSpec, Profile, ResolvedTable, TableKind } from '../profiles/schema';
import { cellText, isBlank } from '../text/normalize';
import { labelIndex, ColumnBinding, HeaderMatch, LabelIndex, matchHeader } from './header-binding';

const NO_SYNONYMS: readonly (readonly string[])[] = [];
import { Footer, FOOTER_KEYS, parseFooter } from './footer';
import { classifyRow } from './row-kinds';

export type { ColumnBinding } from './header-binding';
export type { FooterKey, FooterEntry, Footer } from './footer';

/** Where a table sits when its sheet holds several tables of its kind. */
export interface TableBlock {
  /** 1-based, top to bottom. */
  index: number;
  /** Tables of this kind on the sheet. */
  count: number;
  /** What people call the block: its footer's 推荐单位, else its title line. */
  label?: string;
}

export interface RecognizedTable {
  kind: TableKind;
  spec: ResolvedTable;
  /** The sheet as the checks read it: merged body cells give their value on every row they cover. */
  sheet: SheetGrid;
  /** First and last header rows (equal unless the header spans two rows). A continued block: the row above its data. */
  headerTop: number;
  headerRow: number;
  columns: ColumnBinding[];
  /** Field key → column. */
  colOf: Map<string, number>;
  /** Fields typed over several columns (职务 | 职称/技能等级) → their columns; the first is colOf's. */
  parts: Map<string, number[]>;
  /** Fields the profile expects that the header lacks. */
  missing: FieldSpec[];
  /** Rows holding a nominee (0-based), in sheet order. */
  dataRows: number[];
  /** Rows under the header that are not nominees: totals, notes, one-cell section labels. */
  skippedRows: number[];
  /** Text above the header (the block's title lines). */
  title: string;
  /** Summary sheets only: the footer lines found below the table, or above its header (absent keys were not found). */
  footer?: Footer;
  /** Row after the last data row (where a missing footer line is reported). */
  endRow: number;
  /** Set when the sheet holds several tables of this kind. */
  block?: TableBlock;
  /** First row of the next table on the sheet (its title or header), when one follows: nothing of this table is below it. */
  nextStart?: number;
  /** Rows pasted under a footer without a header of their own: the columns are those of the block above. */
  continued?: boolean;
}

const SCAN_ROWS = 40;
/** The first header is the earliest row that fits at least this share of the best-fitting row in the scan. */
const FIRST_HEADER_SHARE = 0.6;
/** How far below a table's last row its footer is looked for, when no other block follows. */
const FOOTER_ROWS = 30;

interface Draft {
  match: HeaderMatch;
  /** First row of the block (its title, or its header). */
  start: number;
  colOf: Map<string, number>;
  nameCol?: number;
  data: number[];
  skipped: number[];
  /** A footer line has been seen: rows below are no longer this block's nominees. */
  closed: boolean;
  continued: boolean;
  /** First row after the block (the next block's start, or the sheet's end). */
  end: number;
}

function draft(match: HeaderMatch, start: number, continued = false): Draft {
  const colOf = new Map(match.columns.map((b) => [b.field.key, b.col]));
  return { match, start, colOf, nameCol: colOf.get('name') ?? colOf.get('trainee'), data: [], skipped: [], closed: false, continued, end: 0 };
}

function rowText(sheet: SheetGrid, row: number): string {
  return (sheet.rows[row] ?? [])
    .filter((v) => !isBlank(v))
    .map((v) => cellText(v).trim())
    .join(' ');
}

/** The block's own header pasted again right under its rows: two of its first header cells typed the same. */
function repeatsHeader(d: Draft, cells: readonly CellValue[]): boolean {
  let same = 0;
  for (const b of d.match.columns.slice(0, 4)) {
    const v = cells[b.col];
    if (typeof v === 'string' && v.trim() === b.header && ++same >= 2) return true;
  }
  return false;
}

const NAME_LIKE = /^[^\d:：]{2,20}$/;
/** A nominee row pasted under a footer without its header: a name, and at least two more cells of the columns above. */
function continuesBlock(d: Draft, cells: readonly CellValue[]): boolean {
  if (d.nameCol === undefined) return false;
  const name = cells[d.nameCol];
  if (typeof name !== 'string' || !NAME_LIKE.test(name.trim())) return false;
  let others = 0;
  for (const b of d.match.columns) {
    if (b.col !== d.nameCol && b.field.type !== 'serial' && !isBlank(cells[b.col] ?? null) && ++others >= 2) return true;
  }
  return false;
}

/**
/**
 * Body merges spread over the cells they cover (people merge a unit's name down over its nominees), so every
 * consumer reads a data row the same way. Header and title merges are left alone. Only the tables' data rows and
 * columns are filled — all that anything reads — so a merge reaching to the end of the sheet costs no more than the
 * tables; rows are copied only where a merge changes them (the adapter's grid is not modified).
 */
function withMergedValues(sheet: SheetGrid, drafts: readonly Draft[]): SheetGrid {
  if (sheet.merges.length === 0) return sheet;
  const headerRows = new Set<number>();
  const dataSet = new Set<number>();
  const colSet = new Set<number>();
  for (const d of drafts) {
    for (const r of d.data) dataSet.add(r);
    for (const b of d.match.columns) colSet.add(b.col);
    if (!d.continued) for (let r = d.match.headerTop; r <= d.match.headerRow; r++) headerRows.add(r);
  }
  const dataRows = [...dataSet].sort((a, b) => a - b);
  const cols = [...colSet].sort((a, b) => a - b);
  const body = sheet.merges.filter((m) => (m.bottom > m.top || m.right > m.left) && !headerRows.has(m.top));
  if (body.length === 0 || dataRows.length === 0) return sheet;
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
  return { ...sheet, rows };
}

/** The best header of any table of the profile starting at `row` (on a tie the details table: it is wider). */
function headerAt(sheet: SheetGrid, row: number, specs: readonly ResolvedTable[], indexes: Map<TableKind, LabelIndex>): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  for (const spec of specs) {
    const m = matchHeader(sheet, row, spec, indexes.get(spec.kind)!);
    if (!m || m.score < spec.minMatches) continue;
    if (!best || m.score > best.score || (m.score === best.score && spec.kind === 'details')) best = m;
  }
  return best;
}

/** Every table of the profile on one sheet, top to bottom. */
export function recognizeSheetTables(sheet: SheetGrid, profile: Profile): RecognizedTable[] {
  const specs = (Object.values(profile.tables) as ResolvedTable[]).filter(Boolean);
  const indexes = new Map(specs.map((s) => [s.kind, labelIndex(s, profile.headerSynonyms ?? NO_SYNONYMS)] as const));
  const n = sheet.rows.length;

  // The first header: the earliest row of the first rows that fits nearly as well as the best one (a legend
  // line above the table naming three columns does not count; a smaller header of the first block does).
  const found: HeaderMatch[] = [];
  for (let r = 0; r < Math.min(n, SCAN_ROWS); r++) {
    const m = headerAt(sheet, r, specs, indexes);
    if (m) found.push(m);
  }
  if (found.length === 0) return [];
  const top = Math.max(...found.map((m) => m.score));
  const first = found.find((m) => m.score >= Math.ceil(top * FIRST_HEADER_SHARE))!;

  const drafts: Draft[] = [];
  let cur = draft(first, 0);
  /** A blank, title, note or footer row came since the last nominee row: a header may follow. */
  let afterBreak = false;
  /** First title row since the last nominee row: where the next block would start. */
  let titleFrom: number | undefined;
  const next = (d: Draft, end: number) => {
    cur.end = end;
    drafts.push(cur);
    cur = d;
    afterBreak = false;
    titleFrom = undefined;
  };
  for (let r = cur.match.headerRow + 1; r < n; r++) {
    const cells = sheet.rows[r];
    const kind = classifyRow(cells, cur.nameCol);
    if (kind === 'blank') {
      afterBreak = true;
      continue;
    }
    if (kind === 'title') {
      titleFrom ??= r;
      afterBreak = true;
      continue;
    }
    if (kind !== 'data') {
      // A footer line under a title row belongs above the next block's header.
      if (kind === 'footer' && titleFrom === undefined) cur.closed = true;
      if (!cur.closed && kind !== 'footer') cur.skipped.push(r);
      afterBreak = true;
      continue;
    }
    if (afterBreak || repeatsHeader(cur, cells)) {
      const m = headerAt(sheet, r, specs, indexes);
      if (m) {
        if (!afterBreak && !cur.closed && m.spec.kind === cur.match.spec.kind) {
          // Straight under the rows, with nothing between: a page's repeated header, the table goes on; straight
          // under a header with no rows yet: a header row more (the better fitting one is kept).
          if (cur.data.length === 0 && m.score > cur.match.score) cur = draft(m, cur.start);
          r = m.headerRow;
          continue;
        }
        next(draft(m, titleFrom ?? r), titleFrom ?? r);
        r = m.headerRow;
        continue;
      }
    }
    afterBreak = false;
    if (cur.closed) {
      // Nominees pasted under a footer with no header: a block with the columns of the one above.
      if (continuesBlock(cur, cells!)) {
        const start = titleFrom ?? r;
        const m: HeaderMatch = { ...cur.match, headerTop: r - 1, headerRow: r - 1 };
        next(draft(m, start, true), start);
        cur.data.push(r);
      }
      continue;
    }
    titleFrom = undefined;
    cur.data.push(r);
  }
  cur.end = n;
  drafts.push(cur);
  return finishTables(sheet, profile, drafts);
}

function finishTables(raw: SheetGrid, profile: Profile, drafts: Draft[]): RecognizedTable[] {
  const sheet = withMergedValues(raw, drafts);
  const tables = drafts.map((d) => {
    const { match } = d;
    const spec = match.spec;
    const endRow = d.data.length ? d.data[d.data.length - 1] + 1 : match.headerRow + 1;
    const titleLines: string[] = [];
    if (!d.continued) {
      for (let t = d.start; t < match.headerTop; t++) {
        const line = rowText(raw, t);
        if (line) titleLines.push(line);
      }
    }
    const table: RecognizedTable = {
      kind: spec.kind,
      spec,
      sheet,
      headerTop: match.headerTop,
      headerRow: match.headerRow,
      columns: match.columns,
      colOf: d.colOf,
      parts: match.parts,
      missing: spec.fields.filter((f) => f.expected && !d.colOf.has(f.key)),
      dataRows: d.data,
      skippedRows: d.skipped,
      title: titleLines.join('\n'),
      endRow,
    };
    if (d.continued) table.continued = true;
    if (d.end < raw.rows.length) table.nextStart = d.end;
    if (spec.kind === 'summary') {
      const below = parseFooter(raw, endRow, Math.min(d.end, endRow + FOOTER_ROWS), profile);
      const lacking = FOOTER_KEYS.filter((k) => !below.footer[k]);
      // Some templates put 推荐单位（盖章）and the contact above the header, under the title.
      const above = lacking.length && !d.continued ? parseFooter(raw, d.start, match.headerTop, profile, lacking).footer : {};
      table.footer = { ...above, ...below.footer };
    }
    return table;
  });
  const byKind = new Map<TableKind, RecognizedTable[]>();
  for (const t of tables) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t]);
  for (const list of byKind.values()) {
    if (list.length < 2) continue;
    list.forEach((t, i) => {
      const label = t.footer?.unit?.value || t.title.split('\n').pop()?.trim();
      t.block = { index: i + 1, count: list.length, ...(label && { label: label.length > 40 ? label.slice(0, 40) + '…' : label }) };
    });
  }
  return tables;
}

/** The first table on a sheet (see recognizeSheetTables for all of them). */
export function recognizeSheet(sheet: SheetGrid, profile: Profile): RecognizedTable | undefined {
  return recognizeSheetTables(sheet, profile)[0];
}

export function recognizeWorkbook(wb: WorkbookGrid, profile: Profile): RecognizedTable[] {
  const out: RecognizedTable[] = [];
  for (const sheet of wb.sheets) out.push(...recognizeSheetTables(sheet, profile));
  return out;
}

/** A field's value on a row as text; a field typed over several columns joins its parts ("车间主任、高级技师"). */
export function fieldText(table: RecognizedTable, row: number, key: string): string {
  const cells = table.sheet.rows[row] ?? [];
  const cols = table.parts.get(key);
  if (cols) {
    // Runs for every row that has such a field: no intermediate arrays.
    let out = '';
    for (const c of cols) {
      const t = cellText(cells[c] ?? null).trim();
      if (t) out = out ? out + '、' + t : t;
    }
    return out;
  }
  const c = table.colOf.get(key);
  return c === undefined ? '' : cellText(cells[c] ?? null);
}

/**
 * The validation engine: recognise the tables, check every cell, row and table, cross-check the summary
 * against the details, and return findings placed on cells. Pure: grid in, findings out.
 */
import { runAtOnce, type Steps } from '../check/steps';
import { countFindings, Finding, FindingCounts, Issue } from '../model/findings';
import { cellAddress, CellValue, MergedRange, SheetGrid, WorkbookGrid } from '../model/grid';
import { formatIsoDate, SimpleDate } from '../model/dates';
import { Profile, TableKind } from '../profiles/schema';
import { fieldText, RecognizedTable, recognizeWorkbook, TableBlock } from '../recognition/recognize-tables';
import { FOOTER_KEYS } from '../recognition/footer';
import { cellText, isBlank, simplify } from '../text/normalize';
import { checkEmail, checkPhone } from '../checks/contact';
import { SEVERITY_RANK } from '../report/colours';
import { checkCell, newRowFacts, resetRowFacts, RowValues } from './cell-checks';
import { checkRow, planRows } from './row-checks';
import { applyEligibility, RowView } from './eligibility';
import { applyWorkbookRules } from './workbook-rules';
import { crossCheck } from './cross-check';
import { CheckedTable, checkDuplicates, checkSerials, personNameKey, RowRecord } from './table-checks';
import { report } from './catalogue';
import { nomineeOrder } from '../report/nominee-groups';

export interface ValidateOptions {
  /** Ages and look-back windows are counted at this date. */
  asOf: SimpleDate;
}

export interface TableReport {
  sheet: string;
  kind: TableKind;
  name: { zh: string; en: string };
  /** A1 address of the first header cell. */
  header: string;
  nominees: number;
  columns: number;
  missingColumns: string[];
  /** Set when the sheet holds several tables of this kind (units' summaries pasted one under another). */
  block?: TableBlock;
}

export interface ValidationResult {
  program: { id: string; name: { zh: string; en: string } };
  asOf: string;
  tables: TableReport[];
  /** The tables as recognised (columns, rows), for front ends that show more than findings (the checklist). */
  recognized: RecognizedTable[];
  findings: Finding[];
  counts: FindingCounts;
  /** Distinct nominees (details rows, or summary rows when there is no details table). */
  nominees: number;
  /**
   * Who those nominees are, with the keys the duplicate rule compares (one per nominee row of the table counted
   * in `nominees`): check/combine-files.ts finds the same person in several files with them.
   */
  people: NomineeKeys[];
  /** The nominees as findings name them, in reading order (the summary sheet's first): how reports group findings. */
  nomineeOrder: string[];
}

/** A nominee row and the keys that make two rows the same person (duplicate.id, duplicate.name). */
export interface NomineeKeys {
  /** Name as typed, or "第 7 行". */
  nominee: string;
  sheet: string;
  /** 0-based row, and the cell a finding about the person points at (the name, else the table's first column). */
  row: number;
  col: number;
  /** Normalised 18-character resident ID, when it could be read. */
  id?: string;
  /** Name and unit as compared (width, spaces, traditional characters folded); absent when the name is blank. */
  nameKey?: string;
}

export { personNameKey } from './table-checks';

/** No table of the profile in the workbook: the file cannot be checked (the CLI exits 2). */
export class NoTableError extends Error {
  constructor(readonly profile: Profile) {
    super('no recognisable table');
    this.name = 'NoTableError';
  }
}

/** Findings that are themselves about hidden rows or sheets: they need no "(hidden)" note. */
const ABOUT_HIDING = new Set(['table.hidden-sheet', 'table.hidden-rows']);

/**
 * Collects findings. A finding on a cell covered by a merged area moves to the area's top-left cell (where
 * Excel shows the value and a note can be seen), and the same finding is kept once. A finding on a hidden row
 * or sheet says so: people look for it where they cannot see it.
 */
class FindingSink {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  private readonly owners = new Map<string, Map<number, MergedRange>>();
  private readonly hiddenRows = new Map<string, Set<number>>();

  add(i: Issue, sheet: SheetGrid, row: number, col: number, nominee?: string): void {
    const m = this.mergeAt(sheet, row, col);
    if (m) {
      row = m.top;
      col = m.left;
      const key = `${sheet.name}|${row}|${col}|${i.rule}|${i.message.zh}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    const f: Finding = { ...i, sheet: sheet.name, row, col, cell: cellAddress(row, col) };
    if (nominee !== undefined) f.nominee = nominee;
    if (!ABOUT_HIDING.has(i.rule)) {
      if (this.rowHidden(sheet, row)) {
        f.hidden = 'row';
        f.message = { zh: `${i.message.zh}（此行已隐藏）`, en: `${i.message.en} (this row is hidden)` };
      } else if (sheet.hidden) {
        f.hidden = 'sheet';
        f.message = { zh: `${i.message.zh}（工作表已隐藏）`, en: `${i.message.en} (the sheet is hidden)` };
      }
    }
    this.findings.push(f);
  }

  rowHidden(sheet: SheetGrid, row: number): boolean {
    if (!sheet.hiddenRows?.length) return false;
    let set = this.hiddenRows.get(sheet.name);
    if (!set) {
      set = new Set(sheet.hiddenRows);
      this.hiddenRows.set(sheet.name, set);
    }
    return set.has(row);
  }

  private mergeAt(sheet: SheetGrid, row: number, col: number): MergedRange | undefined {
    if (sheet.merges.length === 0) return undefined;
    let byCell = this.owners.get(sheet.name);
    if (!byCell) {
      byCell = new Map();
      for (const m of sheet.merges) {
        for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) byCell.set(r * 16384 + c, m);
      }
      this.owners.set(sheet.name, byCell);
    }
    return byCell.get(row * 16384 + col);
  }
}

function nomineeLabel(table: RecognizedTable, row: number): string {
  // Nominee tables name people in 姓名; the cultivation sheets in 培育对象.
  const c = table.colOf.get('name') ?? table.colOf.get('trainee');
  const name = c === undefined ? '' : cellText(table.sheet.rows[row]?.[c] ?? null).trim();
  return name || `第 ${row + 1} 行`;
}

/** Rows checked between two steps (a few milliseconds' work: see check/steps.ts). */
const ROWS_PER_STEP = 256;

function* checkTableRows(table: RecognizedTable, profile: Profile, opts: ValidateOptions, sink: FindingSink): Steps<RowRecord[]> {
  const { sheet } = table;
  const records: RowRecord[] = [];
  const plan = planRows(table.columns.map((b) => b.field));
  const firstCol = table.columns[0].col;
  const colOf = table.colOf;
  const present = (key: string) => colOf.has(key);
  // The closures below read the row being checked; they are made once per table, not once per row.
  let cells: CellValue[] = [];
  const facts = newRowFacts();
  const texts = new RowValues<string>();
  let row = 0;
  const parts = table.parts;
  /** A field typed over several columns (职务 | 职称/技能等级) gives its parts joined, or null. */
  const joined = (key: string): CellValue => fieldText(table, row, key) || null;
  const get = (key: string): CellValue => {
    const c = colOf.get(key);
    if (c === undefined) return null;
    return parts.size && parts.has(key) ? joined(key) : cells[c] ?? null;
  };
  // Per column, once: whether it is the first of a split field's columns.
  const split = table.columns.map((b) => parts.has(b.field.key));
  const filled = (key: string) => !isBlank(get(key));
  const view: RowView = {
    facts,
    has: present,
    text(key) {
      let t = texts.get(key);
      if (t === undefined) {
        const v = get(key);
        // Spaces go, line breaks stay (honours are listed one per line).
        t = isBlank(v) ? '' : ruleText(cellText(v));
        texts.set(key, t);
      }
      return t || undefined;
    },
  };
  // One row's checks, in a plain function: the generator below only counts rows and yields (a generator's own
  // loop is not optimised while it runs, which made a one-off check — the CLI's — 10–20% slower).
  const checkOne = (r: number) => {
    cells = sheet.rows[r] ?? [];
    row = r;
    resetRowFacts(facts);
    texts.clear();
    const nominee = nomineeLabel(table, r);
    for (let i = 0; i < table.columns.length; i++) {
      const b = table.columns[i];
      const issues = checkCell(b.field, split[i] ? joined(b.field.key) : cells[b.col] ?? null, opts.asOf, facts);
      for (let k = 0; k < issues.length; k++) sink.add(issues[k], sheet, r, b.col, nominee);
    }
    const identityText = filled('identity') ? cellText(get('identity')) : undefined;
    for (const h of checkRow(profile, plan, filled, facts, identityText, opts.asOf)) {
      sink.add(h.issue, sheet, r, colOf.get(h.fieldKey) ?? firstCol, nominee);
    }
    for (const rule of profile.eligibility) {
      const hit = applyEligibility(rule, view, opts.asOf);
      if (hit) sink.add(hit.issue, sheet, r, colOf.get(hit.fieldKey) ?? firstCol, nominee);
    }
    records.push({ row: r, nominee, id: facts.id?.id, serial: facts.numbers.get('serial'), nameKey: personNameKey(table, r) });
  };
  const rows = table.dataRows;
  for (let k = 0; k < rows.length; k++) {
    checkOne(rows[k]);
    if ((k + 1) % ROWS_PER_STEP === 0) yield;
  }
  return records;
}

/**
 * Text searched by eligibility patterns: full-width folded (U+3000 becomes a space), spaces and quotes removed,
 * short texts simplified (the patterns match Traditional characters themselves: see eligibility.ts).
 */
function ruleText(s: string): string {
  const t = foldRuleText(s);
  return t.length <= 24 ? simplify(t) : t;
}

/**
 * Full-width forms made ASCII (U+3000 a space), then spaces, tabs, no-break spaces and title quotes left out — in
 * one pass that copies nothing when there is nothing to change (most texts).
 */
function foldRuleText(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80 ? c !== 32 && c !== 9 && c !== 34 && c !== 39 : c !== 0xa0 && c !== 0x3000 && !(c >= 0xff01 && c <= 0xff5e) && !isTitleQuote(c)) continue;
    out += s.slice(from, i);
    from = i + 1;
    if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0;
      // ＂ and ＇ fold to quotes, which are left out too.
      if (c !== 34 && c !== 39) out += String.fromCharCode(c);
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Quotes people put around titles ("青浦区“工匠”", 《…》) beyond ASCII's: “”‘’ 〈〉《》「」『』. A title reads the same without them. */
function isTitleQuote(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || (c >= 0x3008 && c <= 0x300f);
}

function checkTableStructure(table: RecognizedTable, sink: FindingSink, sheetsSaidHidden: Set<string>): void {
  const { sheet } = table;
  const headerCol = table.columns[0].col;
  // A block pasted without its header has the columns of the block above: its missing columns are said there.
  if (table.missing.length && !table.continued) {
    // Two columns may share a label (家庭住址 and 单位地址 each have a 邮编): say "「邮编」×2" once.
    const tally = new Map<string, number>();
    for (const f of table.missing) tally.set(f.label, (tally.get(f.label) ?? 0) + 1);
    const missing = [...tally].map(([label, count]) => ({ label, count }));
    sink.add(report('table.missing-column', { table: table.spec.name, missing }), sheet, table.headerRow, headerCol);
  }
  if (table.dataRows.length === 0 && !table.spec.optional) {
    sink.add(report('table.empty', { table: table.spec.name, ...(table.block && { block: blockRef(table.block) }) }), sheet, table.headerRow, headerCol);
  }
  if (sheet.hidden && !sheetsSaidHidden.has(sheet.name + '|' + table.kind)) {
    sheetsSaidHidden.add(sheet.name + '|' + table.kind);
    sink.add(report('table.hidden-sheet', { sheet: sheet.name, table: table.spec.name }), sheet, table.headerRow, headerCol);
  }
  const hidden = table.dataRows.filter((r) => sink.rowHidden(sheet, r));
  if (hidden.length) {
    const nameCol = table.colOf.get('name') ?? headerCol;
    sink.add(report('table.hidden-rows', { table: table.spec.name, rows: hidden.map((r) => r + 1) }), sheet, hidden[0], nameCol);
  }
}

function blockRef(b: TableBlock): { index: number; label?: string } {
  return { index: b.index, ...(b.label && { label: b.label }) };
}

function checkFooter(table: RecognizedTable, profile: Profile, sink: FindingSink): void {
  const footer = table.footer ?? {};
  const { sheet } = table;
  const labels = { unit: profile.footer.unit, contact: profile.footer.contact, phone: profile.footer.phone, email: profile.footer.email };
  // Which block lacks a line, when the sheet holds several: the cell alone does not say whose footer it is.
  const block = table.block && { block: blockRef(table.block) };
  for (const key of FOOTER_KEYS) {
    const e = footer[key];
    const label = labels[key];
    if (!e) {
      sink.add(report('footer.missing', { label, ...block }), sheet, table.endRow, table.columns[0].col);
      continue;
    }
    if (!e.value) {
      sink.add(report('footer.empty', { label, unit: key === 'unit', ...block }), sheet, e.row, e.col);
      continue;
    }
    const problems = key === 'phone' ? checkPhone(e.value) : key === 'email' ? checkEmail(e.value) : [];
    for (const p of problems) sink.add(p, sheet, e.row, e.col);
  }
}

export function validateWorkbook(wb: WorkbookGrid, profile: Profile, opts: ValidateOptions): ValidationResult {
  return runAtOnce(validateWorkbookSteps(wb, profile, opts));
}

/** validateWorkbook in steps (check/steps.ts): a step every few hundred rows, and between the whole-table rules. */
export function* validateWorkbookSteps(wb: WorkbookGrid, profile: Profile, opts: ValidateOptions): Steps<ValidationResult> {
  const tables = recognizeWorkbook(wb, profile);
  yield;
  if (tables.length === 0) throw new NoTableError(profile);
  const sink = new FindingSink();
  const place = (i: Issue, t: RecognizedTable, row: number, col: number, nominee?: string) => sink.add(i, t.sheet, row, col, nominee);
  const reports: TableReport[] = [];
  const checked = new Map<TableKind, CheckedTable[]>();
  const saidHidden = new Set<string>();
  for (const table of tables) {
    const records = yield* checkTableRows(table, profile, opts, sink);
    checkTableStructure(table, sink, saidHidden);
    checkSerials(profile, table, records, place);
    if (table.kind === 'summary') checkFooter(table, profile, sink);
    checked.set(table.kind, [...(checked.get(table.kind) ?? []), { table, records }]);
    const r: TableReport = {
      sheet: table.sheet.name,
      kind: table.kind,
      name: table.spec.name,
      header: cellAddress(table.headerRow, table.columns[0].col),
      nominees: table.dataRows.length,
      columns: table.columns.length,
      missingColumns: table.missing.map((f) => f.label),
    };
    if (table.block) r.block = table.block;
    reports.push(r);
  }
  // Duplicates and the cross-check run over every block and sheet of a kind.
  yield;
  for (const list of checked.values()) checkDuplicates(list, place);
  yield;
  const ofKind = (kind: string) => tables.filter((t) => t.kind === kind);
  const summaries = ofKind('summary');
  const details = ofKind('details');
  if (summaries.length && details.length) crossCheck(summaries, details, place);
  yield;
  applyWorkbookRules(profile, tables, opts.asOf, (i, t, row, key) => sink.add(i, t.sheet, row, t.colOf.get(key) ?? t.columns[0].col, nomineeLabel(t, row)));
  const counted = details.length ? details : summaries.length ? summaries : [tables[0]];
  const nominees = counted.reduce((n, t) => n + t.dataRows.length, 0);
  // Who the counted nominees are, with the keys the duplicate rule compares (combine-files.ts finds a person again
  // in other files with them).
  const people = counted.flatMap((t) => {
    const personCol = t.colOf.get('name') ?? t.columns[0].col;
    const recs = checked.get(t.kind)?.find((c) => c.table === t)?.records ?? [];
    return recs.map((rec): NomineeKeys => {
      const p: NomineeKeys = { nominee: rec.nominee, sheet: t.sheet.name, row: rec.row, col: personCol };
      if (rec.id !== undefined) p.id = rec.id;
      if (rec.nameKey !== undefined) p.nameKey = rec.nameKey;
      return p;
    });
  });
  const order = new Map(wb.sheets.map((s, i) => [s.name, i]));
  const findings = sink.findings.sort(
    (a, b) => order.get(a.sheet)! - order.get(b.sheet)! || a.row - b.row || a.col - b.col || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
  return {
    program: { id: profile.id, name: profile.name },
    asOf: formatIsoDate(opts.asOf),
    tables: reports,
    recognized: tables,
    findings,
    counts: countFindings(findings),
    nominees,
    people,
    nomineeOrder: nomineeOrder(tables.map((t) => ({ kind: t.kind, labels: t.dataRows.map((r) => nomineeLabel(t, r)) }))),
  };
}

/**
 * The validation engine: recognise the tables, check every cell, row and table, cross-check the summary
 * against the details, and return findings placed on cells. Pure: grid in, findings out.
 */
import { countFindings, Finding, FindingCounts, Issue } from '../model/findings';
import { cellAddress, CellValue, MergedRange, SheetGrid, WorkbookGrid } from '../model/grid';
import { formatIsoDate, SimpleDate } from '../model/dates';
import { Profile, TableKind } from '../profiles/schema';
import { RecognizedTable, recognizeWorkbook } from '../recognition/recognize-tables';
import { cellText, compareKey, fold, isBlank, simplify } from '../text/normalize';
import { toHalfWidth } from '../checks/halfwidth';
import { checkEmail, checkPhone } from '../checks/contact';
import { SEVERITY_RANK } from '../report/colours';
import { checkCell, newRowFacts, resetRowFacts } from './cell-checks';
import { checkRow, planRows } from './row-checks';
import { applyEligibility, RowView } from './eligibility';
import { applyWorkbookRules } from './workbook-rules';
import { report } from './catalogue';

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

/** The same name in the same unit (unit ignored when the table has no unit column): the duplicate.name key. */
export function personNameKey(table: RecognizedTable, row: number): string | undefined {
  const nameCol = table.colOf.get('name');
  if (nameCol === undefined) return undefined;
  const cells = table.sheet.rows[row] ?? [];
  const name = compareKey(cellText(cells[nameCol] ?? null));
  if (!name) return undefined;
  const unitCol = table.colOf.get('unit');
  return name + '|' + (unitCol === undefined ? '' : compareKey(cellText(cells[unitCol] ?? null)));
}

/** No table of the profile in the workbook: the file cannot be checked (the CLI exits 2). */
export class NoTableError extends Error {
  constructor(readonly profile: Profile) {
    super('no recognisable table');
    this.name = 'NoTableError';
  }
}

/**
 * Collects findings. A finding on a cell covered by a merged area moves to the area's top-left cell (where
 * Excel shows the value and a note can be seen), and the same finding is kept once.
 */
class FindingSink {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  private readonly owners = new Map<SheetGrid, Map<number, MergedRange>>();

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
    this.findings.push(f);
  }

  private mergeAt(sheet: SheetGrid, row: number, col: number): MergedRange | undefined {
    if (sheet.merges.length === 0) return undefined;
    let byCell = this.owners.get(sheet);
    if (!byCell) {
      byCell = new Map();
      for (const m of sheet.merges) {
        for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) byCell.set(r * 16384 + c, m);
      }
      this.owners.set(sheet, byCell);
    }
    return byCell.get(row * 16384 + col);
  }
}

/** What the table-level rules need of a checked row (the row facts themselves are reused row after row). */
interface RowRecord {
  row: number;
  nominee: string;
  /** Normalised 18-character ID, when the ID could be read. */
  id?: string;
  serial?: number;
  /** personNameKey of the row. */
  nameKey?: string;
}

function nomineeLabel(table: RecognizedTable, row: number): string {
  // Nominee tables name people in 姓名; the cultivation sheets in 培育对象.
  const c = table.colOf.get('name') ?? table.colOf.get('trainee');
  const name = c === undefined ? '' : cellText(table.sheet.rows[row]?.[c] ?? null).trim();
  return name || `第 ${row + 1} 行`;
}

function checkTableRows(table: RecognizedTable, profile: Profile, opts: ValidateOptions, sink: FindingSink): RowRecord[] {
  const { sheet } = table;
  const records: RowRecord[] = [];
  const plan = planRows(table.columns.map((b) => b.field));
  const firstCol = table.columns[0].col;
  const colOf = table.colOf;
  const present = (key: string) => colOf.has(key);
  // The closures below read the row being checked; they are made once per table, not once per row.
  let cells: CellValue[] = [];
  const facts = newRowFacts();
  const texts = new Map<string, string>();
  const get = (key: string): CellValue => {
    const c = colOf.get(key);
    return c === undefined ? null : cells[c] ?? null;
  };
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
  for (const r of table.dataRows) {
    cells = sheet.rows[r] ?? [];
    resetRowFacts(facts);
    texts.clear();
    const nominee = nomineeLabel(table, r);
    for (const b of table.columns) {
      const issues = checkCell(b.field, cells[b.col] ?? null, opts.asOf, facts);
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
  }
  return records;
}

const INLINE_SPACE = /[ \t\u00a0]+/g;
/** Text searched by eligibility patterns: full-width folded (U+3000 becomes a space), spaces removed, short texts simplified. */
function ruleText(s: string): string {
  let t = toHalfWidth(s);
  // Most texts have no space at all: looking is cheaper than a regex replacement on every row.
  if (t.includes(' ') || t.includes('\t') || t.includes('\u00a0')) t = t.replace(INLINE_SPACE, '');
  return t.length <= 24 ? simplify(t) : t;
}

function checkTableStructure(table: RecognizedTable, profile: Profile, records: RowRecord[], sink: FindingSink): void {
  const { sheet } = table;
  const headerCol = table.columns[0].col;
  if (table.missing.length) {
    // Two columns may share a label (家庭住址 and 单位地址 each have a 邮编): say "「邮编」×2" once.
    const tally = new Map<string, number>();
    for (const f of table.missing) tally.set(f.label, (tally.get(f.label) ?? 0) + 1);
    const missing = [...tally].map(([label, count]) => ({ label, count }));
    sink.add(report('table.missing-column', { table: table.spec.name, missing }), sheet, table.headerRow, headerCol);
  }
  if (table.dataRows.length === 0 && !table.spec.optional) {
    sink.add(report('table.empty', { table: table.spec.name }), sheet, table.headerRow, headerCol);
  }
  if (sheet.hidden) {
    sink.add(report('table.hidden-sheet', { sheet: sheet.name, table: table.spec.name }), sheet, table.headerRow, headerCol);
  }
  // Duplicates: the same ID, or the same name in the same unit.
  const idCol = table.colOf.get('residentId');
  const seenIds = new Map<string, RowRecord>();
  const nameCol = table.colOf.get('name');
  const unitCol = table.colOf.get('unit');
  const seenNames = new Map<string, RowRecord>();
  for (const rec of records) {
    const id = rec.id;
    if (id && idCol !== undefined) {
      const first = seenIds.get(id);
      if (first !== undefined) {
        sink.add(report('duplicate.id', { firstRow: first.row + 1, firstNominee: first.nominee }), sheet, rec.row, idCol, rec.nominee);
      } else seenIds.set(id, rec);
    }
    const key = rec.nameKey;
    if (key !== undefined && nameCol !== undefined) {
      const first = seenNames.get(key);
      if (first !== undefined) {
        sink.add(report('duplicate.name', { firstRow: first.row + 1, withUnit: unitCol !== undefined }), sheet, rec.row, nameCol, rec.nominee);
      } else seenNames.set(key, rec);
    }
  }
  // 序号: consecutive from 1; on a ranked summary (青浦) it is the rank and must be unique.
  const serialCol = table.colOf.get('serial');
  if (serialCol !== undefined) {
    const ranked = profile.rankedSummary && table.kind === 'summary';
    const seen = new Map<number, number>();
    let expected = 1;
    let sequenceReported = false;
    for (const rec of records) {
      const n = rec.serial;
      if (n === undefined) continue;
      const first = seen.get(n);
      if (first !== undefined) {
        sink.add(
          ranked ? report('serial.rank-duplicate', { rank: n, firstRow: first + 1 }) : report('serial.duplicate', { number: n, firstRow: first + 1 }),
          sheet,
          rec.row,
          serialCol,
          rec.nominee,
        );
      } else {
        seen.set(n, rec.row);
        if (n !== expected && !sequenceReported) {
          sink.add(report('serial.sequence', { expected, found: n }), sheet, rec.row, serialCol, rec.nominee);
          sequenceReported = true;
        }
      }
      expected++;
    }
  }
}

function checkFooter(table: RecognizedTable, profile: Profile, sink: FindingSink): void {
  const footer = table.footer ?? {};
  const { sheet } = table;
  const labels = { unit: profile.footer.unit, contact: profile.footer.contact, phone: profile.footer.phone, email: profile.footer.email };
  for (const key of ['unit', 'contact', 'phone', 'email'] as const) {
    const e = footer[key];
    const label = labels[key];
    if (!e) {
      sink.add(report('footer.missing', { label }), sheet, table.endRow, table.columns[0].col);
      continue;
    }
    if (!e.value) {
      sink.add(report('footer.empty', { label, unit: key === 'unit' }), sheet, e.row, e.col);
      continue;
    }
    const problems = key === 'phone' ? checkPhone(e.value) : key === 'email' ? checkEmail(e.value) : [];
    for (const p of problems) sink.add(p, sheet, e.row, e.col);
  }
}

function nameKey(table: RecognizedTable, row: number): string {
  const c = table.colOf.get('name');
  return c === undefined ? '' : compareKey(cellText(table.sheet.rows[row]?.[c] ?? null));
}

/** Same unit name as people see it: width, spaces, brackets and traditional characters do not count. */
function sameText(a: string, b: string): boolean {
  const strip = (k: string) => k.replace(/[()]/g, '');
  return strip(compareKey(a)) === strip(compareKey(b)) || strip(fold(a)) === strip(fold(b));
}

/** Summary ⇄ details: every nominee on both, with the same unit and a title that agrees. */
function crossCheck(summary: RecognizedTable, details: RecognizedTable, sink: FindingSink): void {
  if (!summary.colOf.has('name') || !details.colOf.has('name')) return;
  const detailRows = new Map<string, number>();
  for (const r of details.dataRows) {
    const k = nameKey(details, r);
    if (k && !detailRows.has(k)) detailRows.set(k, r);
  }
  const summaryNames = new Set<string>();
  const sName = summary.colOf.get('name')!;
  for (const r of summary.dataRows) {
    const k = nameKey(summary, r);
    if (!k) continue;
    summaryNames.add(k);
    const nominee = nomineeLabel(summary, r);
    const d = detailRows.get(k);
    if (d === undefined) {
      sink.add(report('cross.missing-details', { nominee, detailsSheet: details.sheet.name }), summary.sheet, r, sName, nominee);
      continue;
    }
    const su = summary.colOf.get('unit');
    const du = details.colOf.get('unit');
    if (su !== undefined && du !== undefined) {
      const a = cellText(summary.sheet.rows[r]?.[su] ?? null).trim();
      const b = cellText(details.sheet.rows[d]?.[du] ?? null).trim();
      if (a && b && !sameText(a, b)) {
        sink.add(report('cross.unit-mismatch', { summaryUnit: a, detailsUnit: b, detailsSheet: details.sheet.name, detailsRow: d + 1 }), summary.sheet, r, su, nominee);
      }
    }
    const st = summary.colOf.get('titleSummary');
    if (st !== undefined) {
      const text = compareKey(cellText(summary.sheet.rows[r]?.[st] ?? null));
      const claims = ['post', 'proTitle', 'skillLevel']
        .map((k) => details.colOf.get(k))
        .filter((c): c is number => c !== undefined)
        .map((c) => compareKey(cellText(details.sheet.rows[d]?.[c] ?? null)))
        .filter((t) => t && t !== '无' && t !== '/');
      if (text && claims.length && !claims.some((c) => text.includes(c) || c.includes(text))) {
        sink.add(report('cross.title-mismatch', { claims }), summary.sheet, r, st, nominee);
      }
    }
  }
  const dName = details.colOf.get('name')!;
  for (const r of details.dataRows) {
    const k = nameKey(details, r);
    if (!k || summaryNames.has(k)) continue;
    const nominee = nomineeLabel(details, r);
    sink.add(report('cross.missing-summary', { nominee, summarySheet: summary.sheet.name }), details.sheet, r, dName, nominee);
  }
}

export function validateWorkbook(wb: WorkbookGrid, profile: Profile, opts: ValidateOptions): ValidationResult {
  const tables = recognizeWorkbook(wb, profile);
  if (tables.length === 0) throw new NoTableError(profile);
  const sink = new FindingSink();
  const reports: TableReport[] = [];
  let nominees = 0;
  const recordsOf = new Map<RecognizedTable, RowRecord[]>();
  for (const table of tables) {
    const records = checkTableRows(table, profile, opts, sink);
    recordsOf.set(table, records);
    checkTableStructure(table, profile, records, sink);
    if (table.kind === 'summary') checkFooter(table, profile, sink);
    reports.push({
      sheet: table.sheet.name,
      kind: table.kind,
      name: table.spec.name,
      header: cellAddress(table.headerRow, table.columns[0].col),
      nominees: table.dataRows.length,
      columns: table.columns.length,
      missingColumns: table.missing.map((f) => f.label),
    });
  }
  const summary = tables.find((t) => t.kind === 'summary');
  const details = tables.find((t) => t.kind === 'details');
  if (summary && details) crossCheck(summary, details, sink);
  applyWorkbookRules(profile, tables, opts.asOf, (i, t, row, key) => sink.add(i, t.sheet, row, t.colOf.get(key) ?? t.columns[0].col, nomineeLabel(t, row)));
  const counted = details ?? summary ?? tables[0];
  nominees = counted.dataRows.length;
  const personCol = counted.colOf.get('name') ?? counted.columns[0].col;
  const people = (recordsOf.get(counted) ?? []).map((rec): NomineeKeys => {
    const p: NomineeKeys = { nominee: rec.nominee, sheet: counted.sheet.name, row: rec.row, col: personCol };
    if (rec.id !== undefined) p.id = rec.id;
    if (rec.nameKey !== undefined) p.nameKey = rec.nameKey;
    return p;
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
  };
}

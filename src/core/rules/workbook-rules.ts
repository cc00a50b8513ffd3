/**
 * Rules across the tables of a workbook (profile.workbookRules). Every kind is generic: the profile names the
 * tables and fields (see ../profiles/workbook-rule-schema.ts); nothing here knows about cultivation.
 * A rule whose table or column is absent from the workbook is skipped (the engine reports missing columns).
 */
import { Issue } from '../model/findings';
import { CellValue, isCellError } from '../model/grid';
import { addMonths, compareDates, isValidDate, SimpleDate, EXCEL_MAX_SERIAL, excelSerialToDate } from '../model/dates';
import { FieldSpec, Profile } from '../profiles/schema';
import { KeyStatusSpec, PeriodSpec, WorkbookRule } from '../profiles/workbook-rule-schema';
import { RecognizedTable } from '../recognition/recognize-tables';
import { toHalfWidth } from '../checks/halfwidth';
import { cellText, isBlank, NameMap, personKey } from '../text/normalize';
import { fieldOptions, matchOption } from './options';
import { reportWorkbookRule } from './catalogue';
import type { ValueFormatProblem } from './catalogue/workbook-kinds';

/** Reports a finding at (table, row, field); the engine places it on the cell. */
export type AddFinding = (i: Issue, table: RecognizedTable, row: number, fieldKey: string) => void;

type RuleOf<K extends WorkbookRule['kind']> = Extract<WorkbookRule, { kind: K }>;

// ------------------------------------------------------------------ dates in cells

/**
 * What a cell says about a date. `how` tells whether it is a real date ('date': a date-formatted cell, which
 * adapters give as a Date at UTC midnight) or only readable as one ('text' like "2026.3.5", 'serial' for a
 * bare number such as 46086 in a General cell): formulas and filters count only real dates.
 */
export interface CellDate {
  date: SimpleDate;
  how: 'date' | 'text' | 'serial';
}

const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** Excel serial (1900 system, whole days) → date. */
export function serialToSimpleDate(serial: number): SimpleDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL) return undefined;
  const d = excelSerialToDate(Math.floor(serial));
  return d && { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

export function readCellDate(v: CellValue): CellDate | undefined {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    return { date: { y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate() }, how: 'date' };
  }
  if (typeof v === 'number') {
    // Only plausible calendar years (1900-2199): 3 or 2026 in a date column is a typo, not a date.
    if (v < 1 || v > 109574) return undefined;
    const date = serialToSimpleDate(v);
    return date && { date, how: 'serial' };
  }
  if (typeof v === 'string') {
    const m = TEXT_DATE.exec(toHalfWidth(v).trim());
    if (!m) return undefined;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return isValidDate(y, mo, d) ? { date: { y, m: mo, d }, how: 'text' } : undefined;
  }
  return undefined;
}

// ------------------------------------------------------------------ helpers

function tableOf(tables: RecognizedTable[], kind: string): RecognizedTable | undefined {
  return tables.find((t) => t.kind === kind);
}

function fieldOf(table: RecognizedTable, key: string): FieldSpec | undefined {
  return table.spec.fields.find((f) => f.key === key);
}

function labelOf(table: RecognizedTable, key: string): string {
  return fieldOf(table, key)?.label ?? key;
}

function value(table: RecognizedTable, row: number, key: string): CellValue {
  const c = table.colOf.get(key);
  return c === undefined ? null : table.sheet.rows[row]?.[c] ?? null;
}

function shown(v: CellValue): string {
  return cellText(v).trim();
}

/** The option a cell holds (aliases such as √ → 是 resolved), or its trimmed text for free-text fields. */
function optionOf(table: RecognizedTable, row: number, key: string): string {
  const v = value(table, row, key);
  if (isBlank(v)) return '';
  const f = fieldOf(table, key);
  const text = cellText(v);
  return (f?.options ? matchOption(f, text) : undefined) ?? text.trim();
}

interface Period {
  /** What the period is called (培育期). */
  name: { zh: string; en: string };
  row: number;
  key: string;
  start: SimpleDate;
  end: SimpleDate;
  /** The end was empty: start + defaultMonths. */
  endDefaulted: boolean;
}

/** Each key's period (first row wins when a key repeats; the engine reports duplicates). */
function periods(spec: PeriodSpec, tables: RecognizedTable[]): { table: RecognizedTable; byKey: NameMap<Period>; rows: Period[] } | undefined {
  const table = tableOf(tables, spec.table);
  if (!table || !table.colOf.has(spec.keyField) || !table.colOf.has(spec.startField)) return undefined;
  // Keys are people's names: typed with or without spaces, dots, in either script, they are one person.
  const byKey = new NameMap<Period>();
  const rows: Period[] = [];
  for (const r of table.dataRows) {
    const keyText = shown(value(table, r, spec.keyField));
    if (!keyText) continue;
    const start = readCellDate(value(table, r, spec.startField))?.date;
    if (!start) continue;
    let end = readCellDate(value(table, r, spec.endField))?.date;
    let endDefaulted = false;
    if (!end) {
      if (spec.defaultMonths === undefined || !isBlank(value(table, r, spec.endField))) continue;
      end = addMonths(start, spec.defaultMonths);
      endDefaulted = true;
    }
    const p: Period = { name: spec.name, row: r, key: keyText, start, end, endDefaulted };
    rows.push(p);
    byKey.set(keyText, p);
  }
  return { table, byKey, rows };
}

// ------------------------------------------------------------------ kinds

function applyReference(rule: RuleOf<'reference'>, tables: RecognizedTable[], add: AddFinding): void {
  const from = tableOf(tables, rule.from.table);
  const to = tableOf(tables, rule.to.table);
  const fromCol = from?.colOf.get(rule.from.field);
  const toCol = to?.colOf.get(rule.to.field);
  if (!from || !to || fromCol === undefined || toCol === undefined) return;
  const known = new NameMap<true>();
  for (const r of to.dataRows) known.set(cellText(to.sheet.rows[r]?.[toCol] ?? null), true);
  for (const r of from.dataRows) {
    const v = from.sheet.rows[r]?.[fromCol] ?? null;
    if (isBlank(v) || isCellError(v) || known.has(cellText(v))) continue;
    add(reportWorkbookRule(rule, { value: cellText(v).trim(), to: { name: to.spec.name, sheet: to.sheet.name }, reason: rule.reason }), from, r, rule.from.field);
  }
}

function applyValueFormat(rule: RuleOf<'valueFormat'>, tables: RecognizedTable[], add: AddFinding): void {
  const table = tableOf(tables, rule.table);
  if (!table) return;
  for (const key of rule.fields) {
    if (!table.colOf.has(key)) continue;
    const label = labelOf(table, key);
    for (const r of table.dataRows) {
      const v = value(table, r, key);
      if (isBlank(v) || isCellError(v)) continue; // empty: `required`; error values: cell.formula-error
      const found = rule.format === 'date' ? dateProblem(v, label) : numberProblem(v, label);
      if (found) add(reportWorkbookRule(rule, { ...found, reason: rule.reason }), table, r, key);
    }
  }
}

function dateProblem(v: CellValue, field: string): ValueFormatProblem | undefined {
  const d = readCellDate(v);
  if (d?.how === 'date') return undefined;
  if (d?.how === 'text') return { problem: 'date-as-text', field, shown: shown(v), date: d.date };
  if (d?.how === 'serial') return { problem: 'date-as-number', field, shown: shown(v), date: d.date };
  return { problem: 'not-a-date', field, shown: shown(v) };
}

const NUMBER_TEXT = /^\d+(?:\.\d+)?$/;

function numberProblem(v: CellValue, field: string): ValueFormatProblem | undefined {
  if (typeof v === 'number') return v >= 0 && Number.isFinite(v) ? undefined : { problem: 'negative', field, value: v };
  const text = shown(v);
  if (typeof v === 'string' && NUMBER_TEXT.test(toHalfWidth(text))) return { problem: 'number-as-text', field, shown: text };
  return { problem: 'not-a-number', field, shown: text };
}

function applyDateInPeriod(rule: RuleOf<'dateInPeriod'>, tables: RecognizedTable[], add: AddFinding): void {
  const table = tableOf(tables, rule.table);
  const found = periods(rule.period, tables);
  if (!table || !found || !table.colOf.has(rule.dateField) || !table.colOf.has(rule.keyField)) return;
  const label = labelOf(table, rule.dateField);
  const periodsAt = {
    name: found.table.spec.name,
    sheet: found.table.sheet.name,
    startField: labelOf(found.table, rule.period.startField),
    endField: labelOf(found.table, rule.period.endField),
  };
  for (const r of table.dataRows) {
    const keyText = shown(value(table, r, rule.keyField));
    const p = keyText ? found.byKey.get(keyText) : undefined;
    const d = p && readCellDate(value(table, r, rule.dateField))?.date;
    if (!p || !d) continue; // unknown keys: `reference`; unreadable dates: `valueFormat`
    if (compareDates(d, p.start) >= 0 && compareDates(d, p.end) <= 0) continue;
    const period = { name: p.name, start: p.start, end: p.end };
    add(reportWorkbookRule(rule, { field: label, date: d, key: p.key, period, periods: periodsAt, reason: rule.reason }), table, r, rule.dateField);
  }
}

function applyRequiredWhenFinished(rule: RuleOf<'requiredWhenFinished'>, tables: RecognizedTable[], asOf: SimpleDate, add: AddFinding): void {
  const found = periods(rule.period, tables);
  if (!found) return;
  const target = tableOf(tables, rule.target.table);
  const targetCol = target?.colOf.get(rule.target.field);
  const known = new NameMap<true>();
  if (target && targetCol !== undefined) for (const r of target.dataRows) known.set(cellText(target.sheet.rows[r]?.[targetCol] ?? null), true);
  const targetAt = target ? { name: target.spec.name, sheet: target.sheet.name } : { table: rule.target.table };
  const except = rule.exceptField && rule.exceptValues.length ? { field: labelOf(found.table, rule.exceptField), value: rule.exceptValues[0] } : undefined;
  const at = found.table.colOf.has(rule.period.endField) ? rule.period.endField : rule.period.startField;
  for (const p of found.rows) {
    if (compareDates(p.end, asOf) >= 0) continue;
    if (rule.exceptField && rule.exceptValues.includes(optionOf(found.table, p.row, rule.exceptField))) continue;
    if (known.has(p.key)) continue;
    const endDefaulted = p.endDefaulted ? { endField: labelOf(found.table, rule.period.endField), months: rule.period.defaultMonths! } : undefined;
    const params = { key: p.key, period: { name: p.name, end: p.end }, target: targetAt, reason: rule.reason };
    add(reportWorkbookRule(rule, { ...params, ...(endDefaulted && { endDefaulted }), ...(except && { except }) }), found.table, p.row, at);
  }
}

function applyRequiredInRow(rule: RuleOf<'requiredInRow'>, tables: RecognizedTable[], add: AddFinding): void {
  const table = tableOf(tables, rule.table);
  if (!table || !table.colOf.has(rule.field)) return;
  if (rule.when && !table.colOf.has(rule.when.field)) return;
  const field = fieldOf(table, rule.field);
  const base = { field: field?.label ?? rule.field, table: table.spec.name, reason: rule.reason, ...(field?.options && { options: fieldOptions(field) }) };
  for (const r of table.dataRows) {
    if (!isBlank(value(table, r, rule.field))) continue;
    if (rule.when) {
      const v = optionOf(table, r, rule.when.field);
      if (!rule.when.values.includes(v)) continue;
      add(reportWorkbookRule(rule, { ...base, when: { field: labelOf(table, rule.when.field), value: v } }), table, r, rule.field);
    } else add(reportWorkbookRule(rule, base), table, r, rule.field);
  }
}

/** Keys (personKey: trainees' names) of the rows of spec.table whose spec.field holds one of spec.values, with their rows. */
function keysWithStatus(spec: KeyStatusSpec, tables: RecognizedTable[]): { table: RecognizedTable; rows: Map<string, { row: number; key: string; status: string }> } | undefined {
  const table = tableOf(tables, spec.table);
  if (!table || !table.colOf.has(spec.keyField) || !table.colOf.has(spec.field)) return undefined;
  const rows = new Map<string, { row: number; key: string; status: string }>();
  for (const r of table.dataRows) {
    const key = shown(value(table, r, spec.keyField));
    const status = optionOf(table, r, spec.field);
    if (key && spec.values.includes(status) && !rows.has(personKey(key))) rows.set(personKey(key), { row: r, key, status });
  }
  return { table, rows };
}

/** The names a column holds, with the first row of each (matched as people type names: see NameMap). */
function keysIn(table: RecognizedTable, field: string): NameMap<number> {
  const out = new NameMap<number>();
  for (const r of table.dataRows) {
    const k = shown(value(table, r, field));
    if (k) out.set(k, r);
  }
  return out;
}

function applyOverdue(rule: RuleOf<'overdue'>, tables: RecognizedTable[], asOf: SimpleDate, add: AddFinding): void {
  const table = tableOf(tables, rule.table);
  if (!table || !table.colOf.has(rule.dateField)) return;
  const label = labelOf(table, rule.dateField);
  const doneLabel = labelOf(table, rule.doneField);
  // A plan of a trainee who has exited is not overdue: nobody is to carry it out any more.
  const ended = rule.except && table.colOf.has(rule.except.keyField) ? keysWithStatus(rule.except.status, tables)?.rows : undefined;
  for (const r of table.dataRows) {
    if (ended && ended.has(personKey(shown(value(table, r, rule.except!.keyField))))) continue;
    const due = readCellDate(value(table, r, rule.dateField))?.date;
    if (!due || compareDates(due, asOf) >= 0) continue;
    const done = optionOf(table, r, rule.doneField);
    if (rule.doneValues.includes(done)) continue;
    add(
      reportWorkbookRule(rule, { field: label, due, asOf, doneField: doneLabel, done, doneValue: rule.doneValues[0], reason: rule.reason }),
      table,
      r,
      rule.dateField,
    );
  }
}

function applyKeyPresence(rule: RuleOf<'keyPresence'>, tables: RecognizedTable[], add: AddFinding): void {
  const source = keysWithStatus(rule.source, tables);
  const target = tableOf(tables, rule.target.table);
  if (!source || !target || !target.colOf.has(rule.target.field)) return;
  const there = keysIn(target, rule.target.field);
  const targetAt = { name: target.spec.name, sheet: target.sheet.name };
  const field = labelOf(source.table, rule.source.field);
  for (const { row, key, status } of source.rows.values()) {
    const found = there.get(key);
    if (rule.expect === 'present' ? found !== undefined : found === undefined) continue;
    const params = { key, field, status, target: targetAt, reason: rule.reason };
    add(reportWorkbookRule(rule, rule.expect === 'present' ? { ...params, expect: 'present' as const } : { ...params, expect: 'absent' as const, targetRow: found! + 1 }), source.table, row, rule.source.field);
  }
}

function applyRowConflict(rule: RuleOf<'rowConflict'>, tables: RecognizedTable[], add: AddFinding): void {
  const table = tableOf(tables, rule.table);
  if (!table || !table.colOf.has(rule.field) || !table.colOf.has(rule.when.field)) return;
  const whenLabel = labelOf(table, rule.when.field);
  const label = labelOf(table, rule.field);
  for (const r of table.dataRows) {
    const when = optionOf(table, r, rule.when.field);
    if (!rule.when.values.includes(when)) continue;
    const v = optionOf(table, r, rule.field);
    if (!v || (rule.values && !rule.values.includes(v))) continue;
    add(reportWorkbookRule(rule, { field: label, value: v, when: { field: whenLabel, value: when }, reason: rule.reason }), table, r, rule.field);
  }
}

export function applyWorkbookRules(profile: Profile, tables: RecognizedTable[], asOf: SimpleDate, add: AddFinding): void {
  for (const rule of profile.workbookRules) {
    switch (rule.kind) {
      case 'reference':
        applyReference(rule, tables, add);
        break;
      case 'valueFormat':
        applyValueFormat(rule, tables, add);
        break;
      case 'dateInPeriod':
        applyDateInPeriod(rule, tables, add);
        break;
      case 'requiredWhenFinished':
        applyRequiredWhenFinished(rule, tables, asOf, add);
        break;
      case 'requiredInRow':
        applyRequiredInRow(rule, tables, add);
        break;
      case 'overdue':
        applyOverdue(rule, tables, asOf, add);
        break;
      case 'keyPresence':
        applyKeyPresence(rule, tables, add);
        break;
      case 'rowConflict':
        applyRowConflict(rule, tables, add);
        break;
    }
  }
}

/**
 * Table and field keys a profile's workbook rules name that its tables lack: such a typo would silently
 * disable the rule. Meant for load-profile.ts (the lead wires it in); tests call it for built-in profiles.
 */
export function workbookRuleProblems(profile: Pick<Profile, 'tables' | 'workbookRules'>): string[] {
  const problems: string[] = [];
  const check = (i: number, where: string, table: string, fields: (string | undefined)[]) => {
    const t = profile.tables[table];
    if (!t) {
      problems.push(`workbookRules[${i}].${where}: 未知表格 “${table}”`);
      return;
    }
    for (const f of fields) if (f !== undefined && !t.fields.some((x) => x.key === f)) problems.push(`workbookRules[${i}].${where}: 表格 “${table}” 没有字段 “${f}”`);
  };
  const checkPeriod = (i: number, p: PeriodSpec) => check(i, 'period', p.table, [p.keyField, p.startField, p.endField]);
  profile.workbookRules.forEach((rule, i) => {
    switch (rule.kind) {
      case 'reference':
        check(i, 'from', rule.from.table, [rule.from.field]);
        check(i, 'to', rule.to.table, [rule.to.field]);
        break;
      case 'valueFormat':
        check(i, 'fields', rule.table, rule.fields);
        break;
      case 'dateInPeriod':
        check(i, 'table', rule.table, [rule.dateField, rule.keyField]);
        checkPeriod(i, rule.period);
        break;
      case 'requiredWhenFinished':
        checkPeriod(i, rule.period);
        check(i, 'target', rule.target.table, [rule.target.field]);
        if (rule.exceptField) check(i, 'exceptField', rule.period.table, [rule.exceptField]);
        break;
      case 'requiredInRow':
        check(i, 'table', rule.table, [rule.field, rule.when?.field]);
        break;
      case 'overdue':
        check(i, 'table', rule.table, [rule.dateField, rule.doneField, rule.except?.keyField]);
        if (rule.except) check(i, 'except.status', rule.except.status.table, [rule.except.status.keyField, rule.except.status.field]);
        break;
      case 'keyPresence':
        check(i, 'source', rule.source.table, [rule.source.keyField, rule.source.field]);
        check(i, 'target', rule.target.table, [rule.target.field]);
        break;
      case 'rowConflict':
        check(i, 'table', rule.table, [rule.field, rule.when.field]);
        break;
    }
  });
  return problems;
}

/**
 * Rules across the tables of a workbook (profile.workbookRules). Every kind is generic: the profile names the
 * tables and fields (see ../profiles/workbook-rule-schema.ts); nothing here knows about cultivation.
 * A rule whose table or column is absent from the workbook is skipped (the engine reports missing columns).
 */
import { Issue, issue } from '../model/findings';
import { CellValue, isCellError } from '../model/grid';
import { addMonths, compareDates, formatIsoDate, isValidDate, SimpleDate, EXCEL_MAX_SERIAL, excelSerialToDate } from '../model/dates';
import { FieldSpec, Profile } from '../profiles/schema';
import { PeriodSpec, WorkbookRule } from '../profiles/workbook-rule-schema';
import { RecognizedTable } from '../recognition/recognize-tables';
import { toHalfWidth } from '../checks/halfwidth';
import { cellText, compareKey, isBlank } from '../text/normalize';
import { matchOption, optionList } from './options';

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
function periods(spec: PeriodSpec, tables: RecognizedTable[]): { table: RecognizedTable; byKey: Map<string, Period>; rows: Period[] } | undefined {
  const table = tableOf(tables, spec.table);
  if (!table || !table.colOf.has(spec.keyField) || !table.colOf.has(spec.startField)) return undefined;
  const byKey = new Map<string, Period>();
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
    const k = compareKey(keyText);
    if (!byKey.has(k)) byKey.set(k, p);
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
  const known = new Set(to.dataRows.map((r) => compareKey(cellText(to.sheet.rows[r]?.[toCol] ?? null))));
  for (const r of from.dataRows) {
    const v = from.sheet.rows[r]?.[fromCol] ?? null;
    if (isBlank(v) || isCellError(v) || known.has(compareKey(cellText(v)))) continue;
    add(
      issue(rule.severity, rule.id, `“${cellText(v).trim()}”不在${to.spec.name.zh}（工作表“${to.sheet.name}”）中：${rule.reason.zh}`, `"${cellText(v).trim()}" is not in the ${to.spec.name.en}: ${rule.reason.en}`),
      from,
      r,
      rule.from.field,
    );
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
      if (found) add(issue(rule.severity, rule.id, `${found.zh}；${rule.reason.zh}`, `${found.en}; ${rule.reason.en}`), table, r, key);
    }
  }
}

function dateProblem(v: CellValue, label: string): { zh: string; en: string } | undefined {
  const d = readCellDate(v);
  if (d?.how === 'date') return undefined;
  if (d?.how === 'text') {
    const iso = formatIsoDate(d.date);
    return {
      zh: `「${label}」“${shown(v)}”是文字，不是日期：请把单元格格式设为日期后重新输入 ${iso}（表中的统计只计算真正的日期）`,
      en: `${label} "${shown(v)}" is text, not a date: format the cell as a date and type ${iso} again (the sheet's counts only see real dates)`,
    };
  }
  if (d?.how === 'serial') {
    const iso = formatIsoDate(d.date);
    return {
      zh: `「${label}」显示为数字 ${shown(v)}：请把单元格格式设为日期（yyyy-mm-dd），它表示 ${iso}`,
      en: `${label} shows the number ${shown(v)}: format the cell as a date (yyyy-mm-dd); it means ${iso}`,
    };
  }
  return {
    zh: `「${label}」“${shown(v)}”不是日期：请填写具体日期，如 2026-03-15`,
    en: `${label} "${shown(v)}" is not a date: enter a calendar date such as 2026-03-15`,
  };
}

const NUMBER_TEXT = /^\d+(?:\.\d+)?$/;

function numberProblem(v: CellValue, label: string): { zh: string; en: string } | undefined {
  if (typeof v === 'number') {
    if (v >= 0 && Number.isFinite(v)) return undefined;
    return { zh: `「${label}」${v} 是负数：请填写 0 或正数`, en: `${label} ${v} is negative: enter 0 or more` };
  }
  const text = shown(v);
  if (typeof v === 'string' && NUMBER_TEXT.test(toHalfWidth(text))) {
    return {
      zh: `「${label}」“${text}”是文字格式的数字，合计时不会被计入：请把单元格格式设为“常规”或“数值”后重新输入`,
      en: `${label} "${text}" is a number stored as text and is left out of totals: set the cell format to General or Number and type it again`,
    };
  }
  return {
    zh: `「${label}」“${text}”不是数字：请只填写数字（可带小数），如 4 或 1.5`,
    en: `${label} "${text}" is not a number: enter a number only, e.g. 4 or 1.5`,
  };
}

function periodText(p: Period): string {
  return `${formatIsoDate(p.start)} 至 ${formatIsoDate(p.end)}`;
}

function applyDateInPeriod(rule: RuleOf<'dateInPeriod'>, tables: RecognizedTable[], add: AddFinding): void {
  const table = tableOf(tables, rule.table);
  const found = periods(rule.period, tables);
  if (!table || !found || !table.colOf.has(rule.dateField) || !table.colOf.has(rule.keyField)) return;
  const label = labelOf(table, rule.dateField);
  const where = `${found.table.spec.name.zh}（工作表“${found.table.sheet.name}”）`;
  for (const r of table.dataRows) {
    const keyText = shown(value(table, r, rule.keyField));
    const p = keyText ? found.byKey.get(compareKey(keyText)) : undefined;
    const d = p && readCellDate(value(table, r, rule.dateField))?.date;
    if (!p || !d) continue; // unknown keys: `reference`; unreadable dates: `valueFormat`
    const before = compareDates(d, p.start) < 0;
    if (!before && compareDates(d, p.end) <= 0) continue;
    const iso = formatIsoDate(d);
    add(
      issue(
        rule.severity,
        rule.id,
        `「${label}」${iso} 在“${p.key}”的${p.name.zh}（${periodText(p)}）${before ? '之前' : '之后'}：请核对日期；如日期无误，请在${where}中核对其${labelOf(found.table, rule.period.startField)}和${labelOf(found.table, rule.period.endField)}；${rule.reason.zh}`,
        `${label} ${iso} is ${before ? 'before' : 'after'} the ${p.name.en} of "${p.key}" (${formatIsoDate(p.start)} to ${formatIsoDate(p.end)}): check the date, or the period in the ${found.table.spec.name.en}; ${rule.reason.en}`,
      ),
      table,
      r,
      rule.dateField,
    );
  }
}

function applyRequiredWhenFinished(rule: RuleOf<'requiredWhenFinished'>, tables: RecognizedTable[], asOf: SimpleDate, add: AddFinding): void {
  const found = periods(rule.period, tables);
  if (!found) return;
  const target = tableOf(tables, rule.target.table);
  const targetCol = target?.colOf.get(rule.target.field);
  const known = new Set<string>();
  if (target && targetCol !== undefined) for (const r of target.dataRows) known.add(compareKey(cellText(target.sheet.rows[r]?.[targetCol] ?? null)));
  const targetName = target ? `${target.spec.name.zh}（工作表“${target.sheet.name}”）` : `“${rule.target.table}”表`;
  const exceptLabel = rule.exceptField ? labelOf(found.table, rule.exceptField) : '';
  const at = found.table.colOf.has(rule.period.endField) ? rule.period.endField : rule.period.startField;
  for (const p of found.rows) {
    if (compareDates(p.end, asOf) >= 0) continue;
    if (rule.exceptField && rule.exceptValues.includes(optionOf(found.table, p.row, rule.exceptField))) continue;
    if (known.has(compareKey(p.key))) continue;
    const endWord = p.endDefaulted ? `（${labelOf(found.table, rule.period.endField)}未填，按开始日期加 ${rule.period.defaultMonths} 个月计）` : '';
    const except = rule.exceptField && rule.exceptValues.length ? `；如不需要（已${rule.exceptValues[0]}），请把「${exceptLabel}」改为“${rule.exceptValues[0]}”` : '';
    add(
      issue(
        rule.severity,
        rule.id,
        `“${p.key}”的${p.name.zh}已于 ${formatIsoDate(p.end)} 结束${endWord}，但${targetName}中没有其记录：请补填${target?.spec.name.zh ?? ''}${except}；${rule.reason.zh}`,
        `the ${p.name.en} of "${p.key}" ended on ${formatIsoDate(p.end)} but the ${target?.spec.name.en ?? rule.target.table} has no row for them: add it; ${rule.reason.en}`,
      ),
      found.table,
      p.row,
      at,
    );
  }
}

function applyRequiredInRow(rule: RuleOf<'requiredInRow'>, tables: RecognizedTable[], add: AddFinding): void {
  const table = tableOf(tables, rule.table);
  if (!table || !table.colOf.has(rule.field)) return;
  if (rule.when && !table.colOf.has(rule.when.field)) return;
  const field = fieldOf(table, rule.field);
  const label = field?.label ?? rule.field;
  const choices = field?.options ? `，可选：${optionList(field)}` : '';
  for (const r of table.dataRows) {
    if (!isBlank(value(table, r, rule.field))) continue;
    let zh = `${table.spec.name.zh}未填写「${label}」：请填写${choices}`;
    let en = `${label} is empty in the ${table.spec.name.en}: fill it in`;
    if (rule.when) {
      const v = optionOf(table, r, rule.when.field);
      if (!rule.when.values.includes(v)) continue;
      const whenLabel = labelOf(table, rule.when.field);
      zh = `「${whenLabel}」为“${v}”时须填写「${label}」：请说明具体情况`;
      en = `${label} is required when ${whenLabel} is "${v}": describe the case`;
    }
    add(issue(rule.severity, rule.id, `${zh}；${rule.reason.zh}`, `${en}; ${rule.reason.en}`), table, r, rule.field);
  }
}

function applyOverdue(rule: RuleOf<'overdue'>, tables: RecognizedTable[], asOf: SimpleDate, add: AddFinding): void {
  const table = tableOf(tables, rule.table);
  if (!table || !table.colOf.has(rule.dateField)) return;
  const label = labelOf(table, rule.dateField);
  const doneLabel = labelOf(table, rule.doneField);
  for (const r of table.dataRows) {
    const due = readCellDate(value(table, r, rule.dateField))?.date;
    if (!due || compareDates(due, asOf) >= 0) continue;
    const done = optionOf(table, r, rule.doneField);
    if (rule.doneValues.includes(done)) continue;
    const now = done ? `为“${done}”` : '未填写';
    add(
      issue(
        rule.severity,
        rule.id,
        `「${label}」${formatIsoDate(due)} 已过（校验日期 ${formatIsoDate(asOf)}），「${doneLabel}」${now}：已完成请把「${doneLabel}」改为“${rule.doneValues[0]}”；未完成请调整「${label}」并说明原因；${rule.reason.zh}`,
        `${label} ${formatIsoDate(due)} has passed (checked at ${formatIsoDate(asOf)}) and ${doneLabel} is ${done ? `"${done}"` : 'empty'}: mark it "${rule.doneValues[0]}" when done, or set a new date with the reason; ${rule.reason.en}`,
      ),
      table,
      r,
      rule.dateField,
    );
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
        check(i, 'table', rule.table, [rule.dateField, rule.doneField]);
        break;
    }
  });
  return problems;
}

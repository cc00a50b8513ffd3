/**
 * What goes where in the tracking workbook's table sheets: each column's header, width, number format and input
 * rule (drop-down, date, number), the rows as written (defaults filled in, capacity checked) and the formula cells
 * of the trainee list. Pure: a writer (exceljs today) lays these out without deciding anything.
 */
import { addMonths } from '../model/dates';
import type { FieldSpec, Profile } from '../profiles/schema';
import { readCellDate } from '../rules/workbook-rules';
import {
  CultivationCapacityError,
  FIRST_ROW,
  HISTORY_HEADER_PREFIX,
  HISTORY_YEAR_HEADER,
  HistoryTable,
  STATUS,
  TableDesign,
  TRACKING_TABLES,
  TRAINEE_EXTRA,
  TrackingTable,
  utcDate,
  WorkbookDesign,
} from './design';
import { traineeRowFormulas } from './formulas';
import { Row, TrackingInput } from './model';

/** How a column's cells are formatted: a date, a plain number, text (IDs and phone numbers keep their digits). */
export type ColumnFormat = 'date' | 'number' | 'text';

interface InputMessages {
  /** stop: other values are refused; warning: Excel asks; information: Excel only tells. */
  errorStyle: 'stop' | 'warning' | 'information';
  errorTitle: string;
  error: string;
  /** Shown when the cell is selected. */
  prompt?: { title: string; text: string };
}

/** What a column accepts (an Excel data validation over the table's capacity). */
export type InputRule = InputMessages &
  (
    | { kind: 'list'; options: string[] }
    /** A drop-down of the values of another range (e.g. the trainee list's names). */
    | { kind: 'rangeList'; range: string }
    | { kind: 'date'; from: Date; to: Date }
    | { kind: 'decimal'; min: number }
  );

export interface ColumnPlan {
  header: string;
  /** In characters. */
  width: number;
  format?: ColumnFormat;
  input?: InputRule;
}

/** Field keys (table.field) the profile's valueFormat rules declare dates or numbers, so a profile can add more. */
function formatKeys(profile: Profile, format: 'date' | 'number'): Set<string> {
  const keys = new Set<string>();
  for (const r of profile.workbookRules) if (r.kind === 'valueFormat' && r.format === format) for (const f of r.fields) keys.add(`${r.table}.${f}`);
  return keys;
}

/** Trainee-list fields that always hold a formula (the period end is a formula only until a date is typed). */
const FORMULA_FIELDS = new Set(['youth', 'women']);
const WIDE_FIELDS = new Set(['unit', 'organiser', 'content', 'goal', 'measures', 'evidence', 'servedEnterprise', 'stageOpinion', 'finalOpinion', 'exitDetail', 'remarks', 'doneNote']);

function width(f: FieldSpec, format: ColumnFormat | undefined): number {
  if (format === 'date') return 12;
  if (f.type === 'residentId') return 21;
  if (f.type === 'mobile') return 14;
  if (WIDE_FIELDS.has(f.key)) return 26;
  return Math.max(8, Math.min(16, f.label.length * 2 + 2));
}

function inputRule(d: WorkbookDesign, f: FieldSpec, format: ColumnFormat | undefined): InputRule | undefined {
  if (f.key === 'trainee') {
    return {
      kind: 'rangeList',
      range: d.tables.details.range('name'),
      errorStyle: 'warning',
      errorTitle: `不在${d.tables.details.sheet}中`,
      error: `请从下拉列表中选择培育对象；新的培育对象请先在“${d.tables.details.sheet}”中添加。`,
    };
  }
  if (format === 'date') {
    return { kind: 'date', from: utcDate({ y: 2000, m: 1, d: 1 }), to: utcDate({ y: 2099, m: 12, d: 31 }), errorStyle: 'stop', errorTitle: '请输入日期', error: '请输入日期，如 2026-03-15。' };
  }
  if (format === 'number') return { kind: 'decimal', min: 0, errorStyle: 'stop', errorTitle: '请输入数字', error: `${f.label}请填写数字，如 4 或 1.5。` };
  const options = f.type === 'sex' ? ['男', '女'] : f.options;
  if (!options || !['enum', 'flag', 'sex', 'multiEnum'].includes(f.type)) return undefined;
  if (f.type === 'multiEnum') {
    const example = `可多选，用顿号分隔，如 ${options.slice(0, 2).join('、')}`;
    return { kind: 'list', options, errorStyle: 'information', errorTitle: f.label, error: `${example}。`, prompt: { title: f.label, text: example } };
  }
  return { kind: 'list', options, errorStyle: 'stop', errorTitle: f.label, error: `请从下拉列表中选择：${options.join(' / ')}` };
}

/** The columns of a table sheet, in order: the profile's fields, then (trainee list) the two figures per trainee. */
export function tableColumns(profile: Profile, d: WorkbookDesign, key: TrackingTable): ColumnPlan[] {
  const dates = formatKeys(profile, 'date');
  const numbers = formatKeys(profile, 'number');
  const columns = d.tables[key].fields.map((f): ColumnPlan => {
    const format: ColumnFormat | undefined = dates.has(`${key}.${f.key}`) ? 'date' : numbers.has(`${key}.${f.key}`) ? 'number' : f.type === 'residentId' || f.type === 'mobile' ? 'text' : undefined;
    const column: ColumnPlan = { header: f.label, width: width(f, format) };
    if (format) column.format = format;
    // No drop-down on formula columns (青年, 巾帼): choosing a value would replace the formula.
    const input = key === 'details' && FORMULA_FIELDS.has(f.key) ? undefined : inputRule(d, f, format);
    if (input) column.input = input;
    return column;
  });
  if (key === 'details') columns.push({ header: TRAINEE_EXTRA.hours, width: 12 }, { header: TRAINEE_EXTRA.recent, width: 12 });
  return columns;
}

/**
 * A 历史· sheet's columns: 培育年度, then the table's fields with a prefix on their labels, so that the sheet is
 * not recognised as this year's table.
 */
export function historyColumns(profile: Profile, d: WorkbookDesign, key: HistoryTable): ColumnPlan[] {
  const dates = formatKeys(profile, 'date');
  return [
    { header: HISTORY_YEAR_HEADER, width: 10 },
    ...d.tables[key].fields.map((f): ColumnPlan => {
      const isDate = dates.has(`${key}.${f.key}`);
      return isDate ? { header: HISTORY_HEADER_PREFIX + f.label, width: width(f, 'date') + 3, format: 'date' } : { header: HISTORY_HEADER_PREFIX + f.label, width: width(f, undefined) + 3 };
    }),
  ];
}

/** Title row of a 历史· sheet. */
export function historyTitle(t: TableDesign): string {
  return `往期${t.sheet}（结转的培育对象在以前年度的记录，仅供查阅，不计入本年度统计和校验）`;
}

/** Title row of a table sheet. */
export function tableTitle(t: TableDesign, year: number): string {
  return `质量工匠${t.sheet}（${year}年度）`;
}

/**
 * Every table's rows as written: trainees without a period start get the input's (default 1 January of the
 * year) and without a status 培育中. Throws CultivationCapacityError when a table has more rows than its
 * formulas and drop-downs cover.
 */
export function trackingRows(input: TrackingInput, d: WorkbookDesign): Record<TrackingTable, Row[]> {
  const start = input.periodStart ?? { y: input.year, m: 1, d: 1 };
  const rows: Record<TrackingTable, Row[]> = {
    details: (input.trainees ?? []).map((t) => ({ ...t, periodStart: t.periodStart ?? utcDate(start), cultivationStatus: t.cultivationStatus ?? STATUS.active })),
    plans: input.plans ?? [],
    activities: input.activities ?? [],
    stageAssessments: input.stageAssessments ?? [],
    finalAssessments: input.finalAssessments ?? [],
    exits: input.exits ?? [],
  };
  for (const key of TRACKING_TABLES) {
    const t = d.tables[key];
    const capacity = t.lastRow - FIRST_ROW + 1;
    if (rows[key].length > capacity) throw new CultivationCapacityError(t.sheet, capacity, rows[key].length);
  }
  return rows;
}

export interface FormulaCell {
  /** Column letter on the trainee list. */
  col: string;
  formula: string;
  /** The result cached with the formula, for readers that do not calculate. */
  result?: Date;
  format?: 'date' | 'number';
}

/**
 * The formula cells of one trainee-list row (1-based sheet row r; `row` is the trainee written there, if any):
 * period end (unless a date was typed), 青年, 巾帼, and the two figures per trainee.
 */
export function traineeFormulaCells(d: WorkbookDesign, r: number, row: Row | undefined): FormulaCell[] {
  const t = d.tables.details;
  const f = traineeRowFormulas(d, r);
  const cells: FormulaCell[] = [];
  if (!row || row.periodEnd === null || row.periodEnd === undefined || row.periodEnd === '') {
    const start = row ? readCellDate(row.periodStart ?? null) : undefined;
    // Cached only for a real date: EDATE of a text date is an error in Excel.
    const end: FormulaCell = { col: t.col.periodEnd, formula: f.periodEnd, format: 'date' };
    if (start?.how === 'date') end.result = utcDate(addMonths(start.date, d.params.periodMonths));
    cells.push(end);
  }
  cells.push(
    { col: t.col.youth, formula: f.youth },
    { col: t.col.women, formula: f.women },
    { col: d.extraCol.hours, formula: f.hours, format: 'number' },
    { col: d.extraCol.recent, formula: f.recent },
  );
  return cells;
}

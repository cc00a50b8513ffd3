/**
 * Year-end rollover: trainees marked 继续培育 start a new period in next year's workbook; their plans,
 * activities and assessments (and older history) move to the 历史· sheets; everyone else stays behind.
 * Pure: grid in, TrackingInput parts and a report out.
 */
import { CellValue, WorkbookGrid } from '../model/grid';
import { addMonths, compareDates, formatIsoDate, SimpleDate } from '../model/dates';
import { FieldSpec, Profile } from '../profiles/schema';
import { RecognizedTable, recognizeWorkbook } from '../recognition/recognize-tables';
import { matchOption } from '../rules/options';
import { readCellDate } from '../rules/workbook-rules';
import { cellText, compareKey, headerKey, isBlank } from '../text/normalize';
import {
  cultivationParams,
  HEADER_ROW,
  HISTORY_HEADER_PREFIX,
  HISTORY_PREFIX,
  HISTORY_TABLES,
  HISTORY_YEAR_HEADER,
  HistoryTable,
  SHEET,
  STATUS,
  utcDate,
  YEAR_PARAM_LABEL,
} from './design';
import { HistoryRow, Row } from './model';

/** The workbook has no trainee list (the CLI exits 2). */
export class NoTrackingTableError extends Error {
  constructor() {
    super('no trainee list');
    this.name = 'NoTrackingTableError';
  }
}

export interface RolloverReport {
  /** 培育年度 of the old workbook (its 说明 sheet), when found. */
  fromYear?: number;
  toYear: number;
  /** Trainees on the old list. */
  trainees: number;
  /** Carried trainees: name and new period start (ISO). */
  carried: { name: string; start: string }[];
  /** Trainees left behind, by status (未填 for an empty status). */
  notCarried: Record<string, number>;
  /** History rows written per table (this year's rows of carried trainees plus their older history). */
  history: Record<HistoryTable, number>;
}

export interface RolloverPlan {
  trainees: Row[];
  history: Record<HistoryTable, HistoryRow[]>;
  report: RolloverReport;
}

function field(t: RecognizedTable, key: string): FieldSpec | undefined {
  return t.spec.fields.find((f) => f.key === key);
}

function rowValues(t: RecognizedTable, r: number): Row {
  const row: Row = {};
  for (const b of t.columns) {
    const v = t.sheet.rows[r]?.[b.col] ?? null;
    if (!isBlank(v)) row[b.field.key] = v;
  }
  return row;
}

/** The value right of a label cell on the 说明 sheet (培育年度 → 2026). */
function guideParam(grid: WorkbookGrid, label: string): CellValue {
  const sheet = grid.sheets.find((s) => s.name === SHEET.guide);
  if (!sheet) return null;
  const key = headerKey(label);
  for (const cells of sheet.rows) {
    if (!cells) continue; // an empty row is a hole (model/grid.ts)
    for (let c = 0; c < cells.length; c++) {
      if (typeof cells[c] === 'string' && headerKey(cells[c] as string) === key) return cells[c + 1] ?? null;
    }
  }
  return null;
}

/** Rows of a 历史· sheet: header 培育年度 | 往期·<label> …, bound back to field keys by label. */
function historySheetRows(grid: WorkbookGrid, profile: Profile, key: HistoryTable): HistoryRow[] {
  const spec = profile.tables[key];
  if (!spec) return [];
  const sheet = grid.sheets.find((s) => s.name === HISTORY_PREFIX + spec.name.zh);
  if (!sheet) return [];
  const header = sheet.rows[HEADER_ROW - 1] ?? [];
  const cols: { col: number; key: string }[] = [];
  let yearCol = -1;
  header.forEach((h, c) => {
    if (typeof h !== 'string') return;
    const text = h.trim();
    if (text === HISTORY_YEAR_HEADER) yearCol = c;
    else if (text.startsWith(HISTORY_HEADER_PREFIX)) {
      const label = headerKey(text.slice(HISTORY_HEADER_PREFIX.length));
      const f = spec.fields.find((x) => headerKey(x.label) === label);
      if (f) cols.push({ col: c, key: f.key });
    }
  });
  const out: HistoryRow[] = [];
  for (let r = HEADER_ROW; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const values: Row = {};
    for (const { col, key: k } of cols) if (!isBlank(cells[col] ?? null)) values[k] = cells[col];
    if (Object.keys(values).length === 0) continue;
    const y = Number(cells[yearCol] ?? NaN);
    out.push({ year: Number.isInteger(y) ? y : 0, values });
  }
  return out;
}

/**
 * Plans next year's workbook. New period start: the old period's end (培育结束日期, or start + the period
 * length when it is empty), but not before 1 January of `year`; when neither date is readable, 1 January.
 */
export function planRollover(grid: WorkbookGrid, profile: Profile, year: number): RolloverPlan {
  const tables = recognizeWorkbook(grid, profile);
  const list = tables.find((t) => t.kind === 'details');
  // Without a 培育状态 column nobody can be marked 继续培育: a nominee list is not a tracking workbook.
  if (!list || !list.colOf.has('name') || !list.colOf.has('cultivationStatus')) throw new NoTrackingTableError();
  const params = cultivationParams(profile);
  const yearValue = guideParam(grid, YEAR_PARAM_LABEL);
  const fromYear = typeof yearValue === 'number' && Number.isInteger(yearValue) ? yearValue : undefined;
  const statusField = field(list, 'cultivationStatus');
  const jan1: SimpleDate = { y: year, m: 1, d: 1 };

  const trainees: Row[] = [];
  const carried = new Set<string>();
  const report: RolloverReport = { fromYear, toYear: year, trainees: 0, carried: [], notCarried: {}, history: { plans: 0, activities: 0, stageAssessments: 0, finalAssessments: 0 } };
  for (const r of list.dataRows) {
    const values = rowValues(list, r);
    const name = cellText(values.name ?? null).trim();
    if (!name) continue;
    report.trainees++;
    const statusText = cellText(values.cultivationStatus ?? null);
    const status = (statusField && statusText ? matchOption(statusField, statusText) : undefined) ?? statusText.trim();
    if (status !== STATUS.carried) {
      const k = status || '未填';
      report.notCarried[k] = (report.notCarried[k] ?? 0) + 1;
      continue;
    }
    const start = readCellDate(values.periodStart ?? null)?.date;
    const oldEnd = readCellDate(values.periodEnd ?? null)?.date ?? (start ? addMonths(start, params.periodMonths) : undefined);
    const newStart = oldEnd && compareDates(oldEnd, jan1) > 0 ? oldEnd : jan1;
    const was = start ? `原培育期 ${formatIsoDate(start)} 至 ${oldEnd ? formatIsoDate(oldEnd) : '?'}` : '';
    const note = `${fromYear ?? year - 1}年度继续培育结转${was ? `（${was}）` : ''}`;
    const remarks = cellText(values.remarks ?? null).trim();
    trainees.push({
      ...values,
      name,
      periodStart: utcDate(newStart),
      periodEnd: null,
      cultivationStatus: STATUS.active,
      youth: null,
      women: null,
      remarks: remarks ? `${remarks}；${note}` : note,
    });
    carried.add(compareKey(name));
    report.carried.push({ name, start: formatIsoDate(newStart) });
  }

  const history = { plans: [], activities: [], stageAssessments: [], finalAssessments: [] } as Record<HistoryTable, HistoryRow[]>;
  const isCarried = (v: CellValue) => carried.has(compareKey(cellText(v ?? null)));
  for (const key of HISTORY_TABLES) {
    const older = historySheetRows(grid, profile, key).filter((h) => isCarried(h.values.trainee ?? null));
    const t = tables.find((x) => x.kind === key);
    const current = t ? t.dataRows.map((r) => rowValues(t, r)).filter((v) => isCarried(v.trainee ?? null)) : [];
    history[key] = [...older, ...current.map((values) => ({ year: fromYear ?? year - 1, values }))];
    report.history[key] = history[key].length;
  }
  return { trainees, history, report };
}

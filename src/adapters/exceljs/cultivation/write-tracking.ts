/**
 * Writes the cultivation tracking workbook with exceljs. Browser-safe: bytes out, no fs in the import graph.
 * Layout and formulas come from src/core/cultivation (design.ts, formulas.ts); this file only lays them out.
 */
import { writeWorkbookBytes } from '../write-workbook';
import { worksheetValidations } from '../ooxml/exceljs-patches';
import ExcelJS from 'exceljs';
import { CellValue, isCellError } from '../../../core/model/grid';
import { addMonths } from '../../../core/model/dates';
import { FieldSpec } from '../../../core/profiles/schema';
import { readCellDate } from '../../../core/rules/workbook-rules';
import {
  CultivationCapacityError,
  designWorkbook,
  FIRST_ROW,
  HEADER_ROW,
  HISTORY_HEADER_PREFIX,
  HISTORY_PREFIX,
  HISTORY_TABLES,
  HISTORY_YEAR_HEADER,
  PARAM_FIRST_ROW,
  PARAM_LABEL_COL,
  PARAM_LABELS,
  PARAM_VALUE_COL,
  ParamKey,
  SHEET,
  STATUS,
  TableDesign,
  TITLE_ROW,
  TRACKING_TABLES,
  TRAINEE_EXTRA,
  TrackingTable,
  utcDate,
  WorkbookDesign,
} from '../../../core/cultivation/design';
import { dashboardRows, SERVICE_HEADERS, SERVICE_LAYOUT, serviceRowFormulas, serviceSummary, traineeRowFormulas } from '../../../core/cultivation/formulas';
import { guideSheets, USAGE_TIPS, YEARLY_CYCLE } from '../../../core/cultivation/guide';
import { Row, TrackingInput } from '../../../core/cultivation/model';

export const DATE_FORMAT = 'yyyy-mm-dd';
const HOURS_FORMAT = '0.0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** Trainee-list fields that always hold a formula (the period end is a formula only until a date is typed). */
const FORMULA_FIELDS = new Set(['youth', 'women']);
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Field keys holding dates, per table (derived from the profile's valueFormat rules, so a profile can add more). */
function dateKeys(input: TrackingInput): Set<string> {
  const keys = new Set<string>();
  for (const r of input.profile.workbookRules) if (r.kind === 'valueFormat' && r.format === 'date') for (const f of r.fields) keys.add(`${r.table}.${f}`);
  return keys;
}

function numberKeys(input: TrackingInput): Set<string> {
  const keys = new Set<string>();
  for (const r of input.profile.workbookRules) if (r.kind === 'valueFormat' && r.format === 'number') for (const f of r.fields) keys.add(`${r.table}.${f}`);
  return keys;
}

function width(f: FieldSpec, isDate: boolean): number {
  if (isDate) return 12;
  if (f.type === 'residentId') return 21;
  if (f.type === 'mobile') return 14;
  if (['unit', 'organiser', 'content', 'goal', 'measures', 'evidence', 'servedEnterprise', 'stageOpinion', 'finalOpinion', 'exitDetail', 'remarks', 'doneNote'].includes(f.key)) return 26;
  return Math.max(8, Math.min(16, f.label.length * 2 + 2));
}

/** Excel's inline list: "a,b,c" (at most 255 characters). */
function inlineList(options: readonly string[]): string {
  return `"${options.join(',')}"`;
}

/** A value as written: dates as Date (UTC midnight), errors dropped, everything else as is. */
function writable(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined || isCellError(v)) return null;
  return v;
}

function styleHeader(row: ExcelJS.Row, n: number): void {
  for (let c = 1; c <= n; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  row.height = 30;
}

function title(ws: ExcelJS.Worksheet, text: string, columns: number): void {
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, Math.max(2, columns));
  const c = ws.getCell(TITLE_ROW, 1);
  c.value = text;
  c.font = { bold: true, size: 14 };
  c.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(TITLE_ROW).height = 26;
}

function tableTitle(t: TableDesign, year: number): string {
  return `质量工匠${t.sheet}（${year}年度）`;
}

function addFieldValidation(ws: ExcelJS.Worksheet, t: TableDesign, f: FieldSpec, d: WorkbookDesign, isDate: boolean, isNumber: boolean): void {
  const range = `${t.col[f.key]}${FIRST_ROW}:${t.col[f.key]}${t.lastRow}`;
  const dv = worksheetValidations(ws);
  if (f.key === 'trainee') {
    const names = d.tables.details;
    dv.add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [`${names.range('name')}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '不在培育对象清单中',
      error: '请从下拉列表中选择培育对象；新的培育对象请先在“培育对象清单”中添加。',
    });
    return;
  }
  if (isDate) {
    dv.add(range, {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '请输入日期',
      error: '请输入日期，如 2026-03-15。',
    });
    return;
  }
  if (isNumber) {
    dv.add(range, {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '请输入数字',
      error: `${f.label}请填写数字，如 4 或 1.5。`,
    });
    return;
  }
  const options = f.type === 'sex' ? ['男', '女'] : f.options;
  if (!options || !['enum', 'flag', 'sex', 'multiEnum'].includes(f.type)) return;
  const multi = f.type === 'multiEnum';
  dv.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [inlineList(options)],
    showErrorMessage: true,
    errorStyle: multi ? 'information' : 'stop',
    errorTitle: f.label,
    error: multi ? `可多选，用顿号分隔，如 ${options.slice(0, 2).join('、')}。` : `请从下拉列表中选择：${options.join(' / ')}`,
    showInputMessage: multi,
    promptTitle: multi ? f.label : undefined,
    prompt: multi ? `可多选，用顿号分隔，如 ${options.slice(0, 2).join('、')}` : undefined,
  } as ExcelJS.DataValidation);
}

/** Lays out one tracking table: title, header of field labels, rows, formats and drop-downs over its capacity. */
function writeTable(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign, key: TrackingTable, rows: Row[]): ExcelJS.Worksheet {
  const t = d.tables[key];
  const dates = dateKeys(input);
  const numbers = numberKeys(input);
  const extra = key === 'details' ? [TRAINEE_EXTRA.hours, TRAINEE_EXTRA.recent] : [];
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }] });
  const n = t.fields.length + extra.length;
  title(ws, tableTitle(t, input.year), n);
  const header = ws.getRow(HEADER_ROW);
  t.fields.forEach((f, i) => {
    header.getCell(i + 1).value = f.label;
    const isDate = dates.has(`${key}.${f.key}`);
    const isNumber = numbers.has(`${key}.${f.key}`);
    const col = ws.getColumn(i + 1);
    col.width = width(f, isDate);
    if (isDate) col.numFmt = DATE_FORMAT;
    else if (isNumber) col.numFmt = 'General';
    else if (f.type === 'residentId' || f.type === 'mobile') col.numFmt = '@';
    // No drop-down on formula columns (青年, 巾帼): choosing a value would replace the formula.
    if (!(key === 'details' && FORMULA_FIELDS.has(f.key))) addFieldValidation(ws, t, f, d, isDate, isNumber);
  });
  extra.forEach((label, j) => {
    header.getCell(t.fields.length + j + 1).value = label;
    ws.getColumn(t.fields.length + j + 1).width = 12;
  });
  styleHeader(header, n);
  if (rows.length > t.lastRow - FIRST_ROW + 1) throw new CultivationCapacityError(t.sheet, t.lastRow - FIRST_ROW + 1, rows.length);
  rows.forEach((row, i) => {
    const r = FIRST_ROW + i;
    t.fields.forEach((f, c) => {
      const v = writable(row[f.key] ?? null);
      if (v === null) return;
      const cell = ws.getCell(r, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = DATE_FORMAT;
      else if (f.type === 'residentId' || f.type === 'mobile') cell.numFmt = typeof v === 'string' ? '@' : 'General';
    });
  });
  if (key === 'details') writeTraineeFormulas(ws, d, rows);
  return ws;
}

/** Period end, 青年, 巾帼 and the two per-trainee figures, on every row up to the list's capacity. */
function writeTraineeFormulas(ws: ExcelJS.Worksheet, d: WorkbookDesign, rows: Row[]): void {
  const t = d.tables.details;
  const colNo = (letter: string) => ws.getColumn(letter).number;
  const endCol = colNo(t.col.periodEnd);
  const youthCol = colNo(t.col.youth);
  const womenCol = colNo(t.col.women);
  const hoursCol = colNo(d.extraCol.hours);
  const recentCol = colNo(d.extraCol.recent);
  for (let r = FIRST_ROW; r <= t.lastRow; r++) {
    const f = traineeRowFormulas(d, r);
    const row = rows[r - FIRST_ROW];
    // A typed end date is kept; otherwise the formula, with its result cached for readers that do not calculate.
    if (!row || row.periodEnd === null || row.periodEnd === undefined || row.periodEnd === '') {
      const start = row ? readCellDate(row.periodStart ?? null) : undefined;
      const cell = ws.getCell(r, endCol);
      // Cached only for a real date: EDATE of a text date is an error in Excel.
      cell.value = start?.how === 'date' ? { formula: f.periodEnd, result: utcDate(addMonths(start.date, d.params.periodMonths)) } : { formula: f.periodEnd };
      cell.numFmt = DATE_FORMAT;
    }
    ws.getCell(r, youthCol).value = { formula: f.youth };
    ws.getCell(r, womenCol).value = { formula: f.women };
    const hours = ws.getCell(r, hoursCol);
    hours.value = { formula: f.hours };
    hours.numFmt = 'General';
    ws.getCell(r, recentCol).value = { formula: f.recent };
  }
}

function writeGuide(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign): void {
  const ws = wb.addWorksheet(SHEET.guide);
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 90;
  ws.getColumn(3).width = 3;
  ws.getColumn(4).width = 30;
  ws.getColumn(5).width = 14;
  ws.getColumn(6).width = 40;
  const a1 = ws.getCell('A1');
  a1.value = `质量工匠培育跟踪工作簿（${input.year}年度）`;
  a1.font = { bold: true, size: 14 };
  const sheets = Object.fromEntries(TRACKING_TABLES.map((k) => [k, d.tables[k].sheet]));
  let r = 2;
  const section = (text: string) => {
    const c = ws.getCell(r, 1);
    c.value = text;
    c.font = { bold: true };
    c.fill = SECTION_FILL;
    ws.getCell(r, 2).fill = SECTION_FILL;
    r++;
  };
  const line = (a: string, b: string) => {
    ws.getCell(r, 1).value = a;
    const c = ws.getCell(r, 2);
    c.value = b;
    c.alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 1).alignment = { vertical: 'top' };
    r++;
  };
  section('工作表');
  for (const [name, text] of guideSheets(sheets)) line(name, text);
  r++;
  section('年度工作流程（《上海质量工匠培育实施细则（试行稿）》沪质协（2026）12号）');
  for (const text of YEARLY_CYCLE) line('', text);
  r++;
  section('使用提示');
  for (const text of USAGE_TIPS) line('', text);

  // Parameters (D:F): the formulas refer to column E.
  const p = d.params;
  const values: Record<ParamKey, [ExcelJS.CellValue, string]> = {
    year: [input.year, '本工作簿的培育年度'],
    periodMonths: [p.periodMonths, '细则第八条：培育期一般为1年；“培育结束日期”未填写时按此计算'],
    youthMaxAge: [p.youthMaxAge, '培育开始日不超过此年龄（周岁）的计为青年（青年工匠常用口径：35周岁及以下）'],
    inactivityDays: [p.inactivityDays, '仪表盘列出超过此天数没有培育活动的培育对象'],
    targetQuality: [p.targets.quality, '细则第二条：到2030年培养造就150名左右“上海质量工匠”（全市目标）'],
    targetShanghai: [p.targets.shanghai, '细则第二条：10名左右“上海工匠”（全市目标）'],
    targetTalents: [p.targets.talents, '细则第二条：带动新增2000名高水平质量技能型人才（全市目标）；本表以期满考评合格及以上计'],
    serviceFrom: [utcDate({ y: input.year, m: p.service.fromMonthDay[0], d: p.service.fromMonthDay[1] }), '“助企行服务统计”从此日期起计'],
    serviceDue: [utcDate({ y: input.year, m: p.service.dueMonthDay[0], d: p.service.dueMonthDay[1] }), '报送截止日期（参照2025年市质协要求：8月25日前）；统计到此日期'],
  };
  const head = ws.getRow(PARAM_FIRST_ROW - 1);
  ['参数', '值', '说明'].forEach((h, i) => {
    const c = head.getCell(4 + i);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
  (Object.keys(PARAM_LABELS) as ParamKey[]).forEach((k, i) => {
    const row = PARAM_FIRST_ROW + i;
    ws.getCell(`${PARAM_LABEL_COL}${row}`).value = PARAM_LABELS[k];
    const v = ws.getCell(`${PARAM_VALUE_COL}${row}`);
    v.value = values[k][0];
    if (values[k][0] instanceof Date) v.numFmt = DATE_FORMAT;
    v.border = THIN;
    const note = ws.getCell(`F${row}`);
    note.value = values[k][1];
    note.alignment = { wrapText: true, vertical: 'top' };
  });
}

function writeService(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign): void {
  const ws = wb.addWorksheet(SHEET.service, { views: [{ state: 'frozen', ySplit: SERVICE_LAYOUT.headerRow }] });
  title(ws, `质量工匠助企行服务统计（${input.year}年度）`, SERVICE_HEADERS.length);
  serviceSummary(d).forEach((s, i) => {
    const r = 2 + i;
    ws.getCell(r, 1).value = s.label;
    ws.getCell(r, 1).font = { bold: true };
    const c = ws.getCell(r, 2);
    c.value = { formula: s.formula };
    c.numFmt = s.format === 'date' ? DATE_FORMAT : s.format === 'hours' ? HOURS_FORMAT : '0';
  });
  const header = ws.getRow(SERVICE_LAYOUT.headerRow);
  SERVICE_HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header, SERVICE_HEADERS.length);
  [14, 26, 20, 10, 10, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const count = d.tables.details.lastRow - FIRST_ROW + 1;
  for (let i = 0; i < count; i++) {
    const row = ws.getRow(SERVICE_LAYOUT.firstRow + i);
    serviceRowFormulas(d, i).forEach((f, c) => (row.getCell(c + 1).value = { formula: f }));
  }
}

function writeDashboard(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign): void {
  const ws = wb.addWorksheet(SHEET.dashboard);
  [34, 14, 14, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(5).width = 60;
  const asOf: ExcelJS.CellValue = input.asOf ? utcDate(input.asOf) : { formula: 'TODAY()' };
  let r = 1;
  for (const item of dashboardRows(d, input.year)) {
    if (item.kind === 'section') r++; // an empty row before each section
    const a = ws.getCell(r, 1);
    a.value = item.label;
    switch (item.kind) {
      case 'title':
        a.font = { bold: true, size: 14 };
        break;
      case 'section':
        a.font = { bold: true };
        for (let c = 1; c <= 4; c++) ws.getCell(r, c).fill = SECTION_FILL;
        (item.headers ?? []).forEach((h, i) => {
          const c = ws.getCell(r, 2 + i);
          c.value = h;
          c.font = { bold: true };
        });
        break;
      case 'figure': {
        const b = ws.getCell(r, 2);
        b.value = r === 2 ? asOf : { formula: item.formula };
        b.numFmt = item.format === 'date' ? DATE_FORMAT : item.format === 'hours' ? HOURS_FORMAT : '0';
        if (item.note) ws.getCell(r, 5).value = item.note;
        break;
      }
      case 'target': {
        ws.getCell(r, 2).value = { formula: item.achieved };
        ws.getCell(r, 3).value = { formula: item.target };
        const ratio = ws.getCell(r, 4);
        ratio.value = { formula: `IF(C${r}>0,B${r}/C${r},0)` };
        ratio.numFmt = '0.0%';
        break;
      }
    }
    r++;
  }
}

function writeHistory(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign): void {
  const dates = dateKeys(input);
  for (const key of HISTORY_TABLES) {
    const rows = input.history?.[key] ?? [];
    if (rows.length === 0) continue;
    const t = d.tables[key];
    const ws = wb.addWorksheet(`${HISTORY_PREFIX}${t.sheet}`, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
    title(ws, `往期${t.sheet}（结转的培育对象在以前年度的记录，仅供查阅，不计入本年度统计和校验）`, t.fields.length + 1);
    const header = ws.getRow(HEADER_ROW);
    header.getCell(1).value = HISTORY_YEAR_HEADER;
    ws.getColumn(1).width = 10;
    t.fields.forEach((f, i) => {
      header.getCell(i + 2).value = HISTORY_HEADER_PREFIX + f.label;
      const isDate = dates.has(`${key}.${f.key}`);
      ws.getColumn(i + 2).width = width(f, isDate) + 3;
      if (isDate) ws.getColumn(i + 2).numFmt = DATE_FORMAT;
    });
    styleHeader(header, t.fields.length + 1);
    rows.forEach((h, i) => {
      const r = FIRST_ROW + i;
      ws.getCell(r, 1).value = h.year;
      t.fields.forEach((f, c) => {
        const v = writable(h.values[f.key] ?? null);
        if (v === null) return;
        const cell = ws.getCell(r, c + 2);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = DATE_FORMAT;
      });
    });
  }
}

/** Trainee rows as written: default period start and status filled in. */
export function completeTrainees(input: TrackingInput): Row[] {
  const start = input.periodStart ?? { y: input.year, m: 1, d: 1 };
  return (input.trainees ?? []).map((t) => ({
    ...t,
    periodStart: t.periodStart ?? utcDate(start),
    cultivationStatus: t.cultivationStatus ?? STATUS.active,
  }));
}

/**
 * The tracking workbook as .xlsx bytes. Sheets: 说明, the six tables of the profile (培育对象清单 … 退出记录),
 * 助企行服务统计, 仪表盘, then 历史· sheets when `history` has rows.
 */
export async function writeTrackingWorkbook(input: TrackingInput): Promise<Uint8Array> {
  const d = designWorkbook(input.profile, input.params);
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 Jiangxuan';
  wb.calcProperties.fullCalcOnLoad = true;
  writeGuide(wb, input, d);
  const rows: Record<TrackingTable, Row[]> = {
    details: completeTrainees(input),
    plans: input.plans ?? [],
    activities: input.activities ?? [],
    stageAssessments: input.stageAssessments ?? [],
    finalAssessments: input.finalAssessments ?? [],
    exits: input.exits ?? [],
  };
  for (const key of TRACKING_TABLES) writeTable(wb, input, d, key, rows[key]);
  writeService(wb, input, d);
  writeDashboard(wb, input, d);
  writeHistory(wb, input, d);
  return writeWorkbookBytes(wb);
}

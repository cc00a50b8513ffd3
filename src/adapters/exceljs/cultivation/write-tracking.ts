/**
 * Writes the cultivation tracking workbook with exceljs. Browser-safe: bytes out, no fs in the import graph.
 * What goes where — sheets, columns, input rules, rows, formulas, texts — comes from src/core/cultivation
 * (design.ts, sheets.ts, formulas.ts, guide.ts); this file only lays it out and styles it.
 */
import { writeWorkbookBytes } from '../write-workbook';
import ExcelJS from 'exceljs';
import { CellValue, isCellError } from '../../../core/model/grid';
import {
  designWorkbook,
  FIRST_ROW,
  HEADER_ROW,
  HISTORY_PREFIX,
  HISTORY_TABLES,
  PARAM_FIRST_ROW,
  PARAM_LABEL_COL,
  PARAM_VALUE_COL,
  SHEET,
  TITLE_ROW,
  TRACKING_TABLES,
  TrackingTable,
  utcDate,
  WorkbookDesign,
} from '../../../core/cultivation/design';
import { dashboardRows, SERVICE_HEADERS, SERVICE_LAYOUT, serviceRowFormulas, serviceSummary, serviceTitle } from '../../../core/cultivation/formulas';
import { guideSections, guideTitle, parameterRows } from '../../../core/cultivation/guide';
import { ColumnPlan, historyColumns, historyTitle, InputRule, tableColumns, tableTitle, traineeFormulaCells, trackingRows } from '../../../core/cultivation/sheets';
import { Row, TrackingInput } from '../../../core/cultivation/model';
import { dashboardPrint, DASHBOARD_WIDTHS, GUIDE_WIDTHS, guidePrint, servicePrint, SERVICE_WIDTHS, tablePrint } from '../../../core/cultivation/print';
import { worksheetValidations } from '../ooxml/exceljs-patches';
import { applyPrintLayout, fitWrappedRows } from '../page-setup';

export const DATE_FORMAT = 'yyyy-mm-dd';
const HOURS_FORMAT = '0.0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

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

/** The core's input rule as an exceljs data validation. */
function validation(rule: InputRule): ExcelJS.DataValidation {
  const messages = { allowBlank: true, showErrorMessage: true, errorStyle: rule.errorStyle, errorTitle: rule.errorTitle, error: rule.error };
  const prompt = rule.prompt ? { showInputMessage: true, promptTitle: rule.prompt.title, prompt: rule.prompt.text } : {};
  switch (rule.kind) {
    case 'rangeList':
      return { type: 'list', formulae: [rule.range], ...messages, ...prompt };
    case 'list':
      // Excel's inline list: "a,b,c" (at most 255 characters).
      return { type: 'list', formulae: [`"${rule.options.join(',')}"`], ...messages, ...prompt };
    case 'date':
      return { type: 'date', operator: 'between', formulae: [rule.from, rule.to], ...messages, ...prompt };
    case 'decimal':
      return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [rule.min], ...messages, ...prompt };
  }
}

function columnFormat(c: ColumnPlan): string | undefined {
  return c.format === 'date' ? DATE_FORMAT : c.format === 'number' ? 'General' : c.format === 'text' ? '@' : undefined;
}

/** Header row, widths, formats and input rules over the rows from FIRST_ROW to lastRow. */
function layColumns(ws: ExcelJS.Worksheet, columns: ColumnPlan[], lastRow: number): void {
  const header = ws.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    const fmt = columnFormat(c);
    if (fmt) col.numFmt = fmt;
    if (c.input) worksheetValidations(ws).add(`${col.letter}${FIRST_ROW}:${col.letter}${lastRow}`, validation(c.input));
  });
  styleHeader(header, columns.length);
}

/** Lays out one tracking table: title, header of field labels, rows, formats and drop-downs over its capacity. */
function writeTable(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign, key: TrackingTable, rows: Row[]): void {
  const t = d.tables[key];
  const columns = tableColumns(input.profile, d, key);
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }] });
  title(ws, tableTitle(t, input.year), columns.length);
  layColumns(ws, columns, t.lastRow);
  applyPrintLayout(ws, tablePrint(key, columns, rows.length), 'zh');
  rows.forEach((row, i) => {
    t.fields.forEach((f, c) => {
      const v = writable(row[f.key] ?? null);
      if (v === null) return;
      const cell = ws.getCell(FIRST_ROW + i, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = DATE_FORMAT;
      else if (columns[c].format === 'text') cell.numFmt = typeof v === 'string' ? '@' : 'General';
    });
  });
  if (key !== 'details') return;
  for (let r = FIRST_ROW; r <= t.lastRow; r++) {
    for (const f of traineeFormulaCells(d, r, rows[r - FIRST_ROW])) {
      const cell = ws.getCell(`${f.col}${r}`);
      cell.value = f.result ? { formula: f.formula, result: f.result } : { formula: f.formula };
      if (f.format) cell.numFmt = f.format === 'date' ? DATE_FORMAT : 'General';
    }
  }
}

function writeGuide(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign): void {
  const ws = wb.addWorksheet(SHEET.guide);
  GUIDE_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  applyPrintLayout(ws, guidePrint(), 'zh');
  const a1 = ws.getCell('A1');
  a1.value = guideTitle(input.year);
  a1.font = { bold: true, size: 14 };
  let r = 2;
  guideSections(input.profile, d).forEach((section, i) => {
    if (i > 0) r++;
    const c = ws.getCell(r, 1);
    c.value = section.title;
    c.font = { bold: true };
    c.fill = SECTION_FILL;
    ws.getCell(r, 2).fill = SECTION_FILL;
    r++;
    for (const [a, b] of section.lines) {
      ws.getCell(r, 1).value = a;
      ws.getCell(r, 1).alignment = { vertical: 'top' };
      const text = ws.getCell(r, 2);
      text.value = b;
      text.alignment = { wrapText: true, vertical: 'top' };
      r++;
    }
  });

  // Parameters (D:F): the formulas refer to column E.
  const head = ws.getRow(PARAM_FIRST_ROW - 1);
  ['参数', '值', '说明'].forEach((h, i) => {
    const c = head.getCell(4 + i);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
  parameterRows(d, input.year).forEach((p, i) => {
    const row = PARAM_FIRST_ROW + i;
    ws.getCell(`${PARAM_LABEL_COL}${row}`).value = p.label;
    const v = ws.getCell(`${PARAM_VALUE_COL}${row}`);
    v.value = p.value;
    if (p.value instanceof Date) v.numFmt = DATE_FORMAT;
    v.border = THIN;
    const note = ws.getCell(`F${row}`);
    note.value = p.note;
    note.alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(`${PARAM_LABEL_COL}${row}`).alignment = { wrapText: true, vertical: 'top' };
  });
  fitWrappedRows(ws);
}

function figureFormat(format: 'date' | 'hours' | 'count'): string {
  return format === 'date' ? DATE_FORMAT : format === 'hours' ? HOURS_FORMAT : '0';
}

function writeService(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign, trainees: number): void {
  const ws = wb.addWorksheet(SHEET.service, { views: [{ state: 'frozen', ySplit: SERVICE_LAYOUT.headerRow }] });
  title(ws, serviceTitle(d, input.year), SERVICE_HEADERS.length);
  serviceSummary(d).forEach((s, i) => {
    const r = 2 + i;
    ws.getCell(r, 1).value = s.label;
    ws.getCell(r, 1).font = { bold: true };
    const c = ws.getCell(r, 2);
    c.value = { formula: s.formula };
    c.numFmt = figureFormat(s.format);
  });
  const header = ws.getRow(SERVICE_LAYOUT.headerRow);
  SERVICE_HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header, SERVICE_HEADERS.length);
  SERVICE_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  applyPrintLayout(ws, servicePrint(trainees), 'zh');
  const count = d.tables.details.lastRow - FIRST_ROW + 1;
  for (let i = 0; i < count; i++) {
    const row = ws.getRow(SERVICE_LAYOUT.firstRow + i);
    serviceRowFormulas(d, i).forEach((f, c) => (row.getCell(c + 1).value = { formula: f }));
  }
}

function writeDashboard(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign): void {
  const ws = wb.addWorksheet(SHEET.dashboard);
  DASHBOARD_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  applyPrintLayout(ws, dashboardPrint(), 'zh');
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
        b.numFmt = figureFormat(item.format);
        if (item.note) {
          const note = ws.getCell(r, 5);
          note.value = item.note;
          note.alignment = { wrapText: true, vertical: 'top' };
        }
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
  fitWrappedRows(ws);
}

function writeHistory(wb: ExcelJS.Workbook, input: TrackingInput, d: WorkbookDesign): void {
  for (const key of HISTORY_TABLES) {
    const rows = input.history?.[key] ?? [];
    if (rows.length === 0) continue;
    const t = d.tables[key];
    const columns = historyColumns(input.profile, d, key);
    const ws = wb.addWorksheet(`${HISTORY_PREFIX}${t.sheet}`, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
    title(ws, historyTitle(t), columns.length);
    layColumns(ws, columns, FIRST_ROW + rows.length - 1);
    applyPrintLayout(ws, tablePrint('history', columns, rows.length), 'zh');
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

/**
 * The tracking workbook as .xlsx bytes. Sheets: 说明, the six tables of the profile (培育对象清单 … 退出记录),
 * 助企行服务统计, 仪表盘, then 历史· sheets when `history` has rows.
 */
export async function writeTrackingWorkbook(input: TrackingInput): Promise<Uint8Array> {
  const d = designWorkbook(input.profile);
  const rows = trackingRows(input, d);
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 Jiangxuan';
  wb.calcProperties.fullCalcOnLoad = true;
  writeGuide(wb, input, d);
  for (const key of TRACKING_TABLES) writeTable(wb, input, d, key, rows[key]);
  writeService(wb, input, d, rows.details.length);
  writeDashboard(wb, input, d);
  writeHistory(wb, input, d);
  return writeWorkbookBytes(wb);
}

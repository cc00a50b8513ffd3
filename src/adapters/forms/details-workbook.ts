/**
 * The workbook made from forms (exceljs): 推荐汇总表 (title, 序号 | 所在单位名称 | 姓名 | 所在岗位名称 |
 * 职务、职称/技能等级, the footer lines to stamp), 申报信息 (the details table, a nominee per row, IDs and phone
 * numbers as text) and, for a notice with another table (上海工匠 附件3), that table laid out as on paper for the
 * officer to complete — the same workbook `jiangxuan validate` checks and `forms write` / `pack` print from.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/model/grid';
import type { FieldSpec, Profile } from '../../core/profiles/schema';
import { fillTitle, formsSettings, statisticsForm } from '../../core/forms/form-layout';
import { detailsFields, summaryValues } from '../../core/forms/form-details';
import type { SummaryFooter } from '../../core/forms/submission';
import { formDocument } from '../../core/forms/form-document';
import type { StatisticsTable } from '../../core/forms/statistics';
import type { PrintDocument } from '../../core/forms/document-model';
import { writeWorkbookBytes } from '../exceljs/write-workbook';

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const TEXT_TYPES = new Set(['residentId', 'mobile', 'phone', 'postcode']);
const CHOICES = /^(?:[☑□][^\s☑□]+\s*)+$/;

export const SHEETS = { summary: '推荐汇总表', details: '申报信息', statistics: '统计表' } as const;

function width(f: FieldSpec): number {
  if (f.type === 'longText') return 40;
  if (f.type === 'residentId') return 21;
  if (f.type === 'indicator') return 24;
  if (f.key === 'unit' || f.key === 'recommender' || f.key.endsWith('Address') || f.key === 'unionOrSociety') return 28;
  return Math.max(8, Math.min(18, f.label.length * 2 + 2));
}

/** A value as the details table keeps it: text stays text (IDs never become numbers), numbers stay numbers. */
function cellValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) return v.error;
  return v;
}

function title(ws: ExcelJS.Worksheet, text: string, columns: number): void {
  ws.mergeCells(1, 1, 1, Math.max(1, columns));
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { bold: true, size: 16 };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 32;
}

function tableSheet(wb: ExcelJS.Workbook, name: string, heading: string, fields: readonly FieldSpec[], rows: readonly ReadonlyMap<string, CellValue>[], landscape: boolean): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  title(ws, heading, fields.length);
  const header = ws.getRow(2);
  fields.forEach((f, i) => {
    const c = header.getCell(i + 1);
    c.value = f.label;
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = THIN;
    ws.getColumn(i + 1).width = width(f);
    if (TEXT_TYPES.has(f.type)) ws.getColumn(i + 1).numFmt = '@';
  });
  header.height = 36;
  rows.forEach((values, r) => {
    const row = ws.getRow(3 + r);
    fields.forEach((f, i) => {
      const c = row.getCell(i + 1);
      c.value = cellValue(values.get(f.key) ?? null);
      c.border = THIN;
      c.alignment = { vertical: 'top', wrapText: f.type === 'longText' || f.type === 'indicator' || f.type === 'text' };
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
  return ws;
}

/** A printable document (a statistics table) as a sheet laid out like the paper, for the officer to complete. */
function documentSheet(wb: ExcelJS.Workbook, name: string, doc: PrintDocument): void {
  const table = doc.table!;
  const columns = table.columns.length;
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  title(ws, doc.title, columns);
  const total = table.columns.reduce((a, b) => a + b, 0);
  table.columns.forEach((w, i) => (ws.getColumn(i + 1).width = Math.round((w / total) * 100)));
  let r = 2;
  for (const p of doc.above) ws.getCell(r++, 1).value = p.text;
  for (const row of table.rows) {
    let c = 1;
    for (const cell of row.cells) {
      const span = cell.span ?? 1;
      if (span > 1) ws.mergeCells(r, c, r, c + span - 1);
      const target = ws.getCell(r, c);
      const text = cell.paragraphs.map((p) => p.text).join('\n');
      // Figures are numbers in the sheet (the officer may sum them), everything else text.
      target.value = !cell.label && /^\d{1,12}(\.\d+)?$/.test(text) ? Number(text) : text;
      target.alignment = { vertical: cell.label ? 'middle' : 'top', horizontal: cell.label ? 'center' : 'left', wrapText: true };
      target.border = THIN;
      if (cell.paragraphs.some((p) => p.bold)) target.font = { bold: true };
      // A row of boxes (□是  □否) also offers its options as a drop-down: picking 是 is easier than editing a box.
      if (!cell.label && CHOICES.test(text)) {
        const options = text.split(/\s+/).filter(Boolean).map((o) => o.slice(1));
        target.dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [`"${options.join(',')}"`] };
      }
      c += span;
    }
    if (row.minHeight) ws.getRow(r).height = row.minHeight;
    r++;
  }
  for (const p of doc.below) ws.getCell(r++, 1).value = p.text;
}

export interface DetailsWorkbookInput {
  profile: Profile;
  /** The nominees' values (forms read, or details rows), in order. */
  nominees: readonly ReadonlyMap<string, CellValue>[];
  /** The summary's rows as typed, when the input had a summary; else derived from the nominees. */
  summaryRows?: readonly ReadonlyMap<string, CellValue>[];
  footer?: SummaryFooter;
  statistics?: readonly StatisticsTable[];
}

/** The workbook's bytes: 推荐汇总表 (programmes with one), 申报信息, 统计表 (programmes with one). */
export async function writeDetailsWorkbook(input: DetailsWorkbookInput): Promise<Uint8Array> {
  const { profile } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 Jiangxuan';
  const summaryFields = profile.tables.summary?.fields;
  if (summaryFields) {
    const rows = input.summaryRows ?? input.nominees.map((v, i) => summaryValues(v, i + 1));
    const heading = formsSettings(profile).summary?.title ?? fillTitle('{name}推荐汇总表', profile);
    const ws = tableSheet(wb, SHEETS.summary, heading, summaryFields, rows, true);
    const f = input.footer ?? {};
    let r = 3 + rows.length + 1;
    for (const [label, value] of [
      [profile.footer.unit, f.unit],
      [profile.footer.contact, f.contact],
      [profile.footer.phone, f.phone],
      [profile.footer.email, f.email],
    ] as const) {
      ws.getCell(r++, 1).value = `${label}：${value ?? ''}`;
    }
  }
  tableSheet(wb, SHEETS.details, `${fillTitle('{programme}', profile)}申报信息`, detailsFields(profile), input.nominees, true);
  const stats = statisticsForm(profile);
  if (stats && input.statistics?.length) {
    for (const table of input.statistics) {
      const doc = formDocument(stats, table.values, { attachAbove: 100000 }).document;
      const name = input.statistics.length === 1 ? SHEETS.statistics : `${SHEETS.statistics}-${table.union || '未填工会'}`.slice(0, 31);
      documentSheet(wb, name, doc);
    }
  }
  return writeWorkbookBytes(wb);
}

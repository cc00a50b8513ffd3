/**
 * Writes one expert's score sheet and the organiser's 评分安排 workbook (the "key"). Browser-safe: bytes out, no fs.
 * Their texts, input rules and tables come from the core (src/core/scoring/sheet-content.ts); this file lays them out.
 *
 * The expert's workbook:
 * - 评分表 (visible, active, printable on A4): title, the line naming the expert, the header 编号 | 姓名 | 单位 |
 *   回避声明 | 引领力（20分）… | 总分（100分）| 评语 | 是否推荐, one row per candidate, and the expert's signature
 *   and date line. Only the input cells are unlocked (pale yellow); the sheet is protected with a password of its
 *   own (kept in the key and checked on return). Each score cell validates 0 ≤ x ≤ max in steps of the rubric's
 *   step; 回避声明 and 是否推荐 are drop-downs; 总分 is a formula. A ballot has 名次（1为最优）(1 … n) instead of
 *   the scores, total and recommendation. Blind mode (--blind) leaves out 姓名 and 单位 entirely.
 * - 填写说明: how to fill in, the criteria with their indicators, 回避, confidentiality.
 * - jx_meta (very hidden): programme, round, mode, expert, rubric, the candidate list as sent (codes only when
 *   blind) and the MAC over them under this expert's key (binding.ts).
 */
import { writeWorkbookBytes } from '../write-workbook';
import ExcelJS from 'exceljs';
import {
  columnLetter,
  KEY_FORMAT,
  KeyMeta,
  keyMetaRows,
  ProgrammeRef,
  rubricRef,
  SCORESHEET_FORMAT,
  ScoreSheetMeta,
  scoreSheetLayout,
  scoreSheetMetaRows,
  sheetCandidate,
  SHEETS,
  signRow,
  totalFormula,
} from '../../../core/scoring/metadata';
import {
  instructions,
  keyWorkbookContent,
  positionInputRule,
  RECOMMEND_INPUT_RULE,
  RECUSAL_INPUT_RULE,
  scoreFormat,
  scoreInputRule,
  SheetInputRule,
  ScoreSheetSubject,
  scoreSheetInfo,
  scoreSheetTitle,
  SIGN_LINE,
} from '../../../core/scoring/sheet-content';
import type { ScoringProblem } from '../../../core/scoring/problems';
import { SheetProtectionHash, sheetProtectionHash } from './crypto';
import { keyMac, sheetMac } from './binding';
import { addMetaSheet } from './meta-sheet';
import { HEADER_FILL, styleHeaderRow, THIN } from './header-style';
import { setSheetProtection, worksheetValidations } from '../ooxml/exceljs-patches';

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** The sheet's subject (programme title, round, rubric, expert, candidates in list order, blind) and its run. */
export interface ScoreSheetParams extends ScoreSheetSubject {
  programme: ProgrammeRef;
  batch: string;
  /** The batch secret (hex): the sheet's MAC is computed under the expert's key derived from it. */
  secret: string;
  password: string;
  generatedAt: string;
}

/** The core's input rule as a data validation over a range. */
function validation(rule: SheetInputRule): ExcelJS.DataValidation {
  const base = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: rule.error.title, error: rule.error.text };
  const prompt = rule.prompt ? { showInputMessage: true, promptTitle: rule.prompt.title, prompt: rule.prompt.text } : {};
  return rule.options ? { type: 'list', formulae: [`"${rule.options.join(',')}"`], ...base, ...prompt } : { type: 'custom', formulae: [rule.formula], ...base, ...prompt };
}

function protect(ws: ExcelJS.Worksheet, hash: SheetProtectionHash): void {
  setSheetProtection(ws, { sheet: true, ...hash, formatColumns: true, formatRows: true, objects: false, scenarios: false });
}

export async function buildScoreSheetMeta(p: ScoreSheetParams): Promise<ScoreSheetMeta> {
  const expert: ScoreSheetMeta['expert'] = { code: p.expert.code, name: p.expert.name, unit: p.expert.unit };
  if (p.expert.group !== undefined) expert.group = p.expert.group;
  const base: Omit<ScoreSheetMeta, 'mac'> = {
    format: SCORESHEET_FORMAT,
    batch: p.batch,
    programme: p.programme,
    round: p.round,
    mode: p.mode,
    expert,
    blind: p.blind,
    rubric: rubricRef(p.rubric),
    candidates: p.candidates.map((c) => sheetCandidate(c, p.blind)),
    generatedAt: p.generatedAt,
  };
  return { ...base, mac: await sheetMac(p.secret, base) };
}

export async function writeScoreSheet(p: ScoreSheetParams): Promise<{ bytes: Uint8Array; meta: ScoreSheetMeta }> {
  const meta = await buildScoreSheetMeta(p);
  const layout = scoreSheetLayout(meta.rubric, p.blind, p.mode);
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 Jiangxuan';
  wb.title = `${p.programmeTitle} ${p.round} 评分表`;
  wb.calcProperties = { fullCalcOnLoad: true };
  const ws = wb.addWorksheet(SHEETS.scores, {
    views: [{ state: 'frozen', xSplit: p.blind ? 1 : 3, ySplit: layout.headerRow, activeCell: `${columnLetter(layout.criteria[0] ?? layout.position!)}${layout.firstRow}` }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  const lastCol = layout.lastCol;
  const step = p.rubric.step;

  ws.mergeCells(layout.titleRow, 1, layout.titleRow, lastCol);
  const title = ws.getCell(layout.titleRow, 1);
  title.value = scoreSheetTitle(p);
  title.font = { bold: true, size: 15 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(layout.titleRow).height = 28;

  ws.mergeCells(layout.infoRow, 1, layout.infoRow, lastCol);
  const info = ws.getCell(layout.infoRow, 1);
  info.value = scoreSheetInfo(p);
  info.alignment = { wrapText: true, vertical: 'middle' };
  info.font = { size: 10, color: { argb: 'FF595959' } };
  ws.getRow(layout.infoRow).height = 32;

  styleHeaderRow(ws.getRow(layout.headerRow), layout.headers, 34);

  const widths: Record<number, number> = { [layout.code]: 8, [layout.recusal]: 12, [layout.comment]: 32 };
  if (layout.total) widths[layout.total] = 12;
  if (layout.recommend) widths[layout.recommend] = 11;
  if (layout.position) widths[layout.position] = 14;
  if (layout.name) widths[layout.name] = 10;
  if (layout.unit) widths[layout.unit] = 30;
  for (const c of layout.criteria) widths[c] = 13;
  for (const [col, w] of Object.entries(widths)) ws.getColumn(Number(col)).width = w;

  const scoreFmt = scoreFormat(step);
  p.candidates.forEach((cand, i) => {
    const r = layout.firstRow + i;
    const row = ws.getRow(r);
    const put = (col: number, value: ExcelJS.CellValue, locked: boolean) => {
      const cell = row.getCell(col);
      if (value !== null) cell.value = value;
      cell.border = THIN;
      cell.fill = locked ? LOCKED_FILL : INPUT_FILL;
      if (!locked) cell.protection = { locked: false };
      return cell;
    };
    put(layout.code, cand.code, true).alignment = { horizontal: 'center' };
    if (layout.name) put(layout.name, cand.name, true);
    if (layout.unit) put(layout.unit, cand.unit, true).alignment = { wrapText: true, vertical: 'top' };
    put(layout.recusal, null, false).alignment = { horizontal: 'center' };
    layout.criteria.forEach((col) => {
      const cell = put(col, null, false);
      cell.numFmt = scoreFmt;
      cell.alignment = { horizontal: 'center' };
    });
    if (layout.position) {
      const cell = put(layout.position, null, false);
      cell.numFmt = '0';
      cell.alignment = { horizontal: 'center' };
    }
    if (layout.total) {
      const total = put(layout.total, { formula: totalFormula(layout, r) } as ExcelJS.CellFormulaValue, true);
      total.font = { bold: true };
      total.numFmt = scoreFmt;
      total.alignment = { horizontal: 'center' };
    }
    put(layout.comment, null, false).alignment = { wrapText: true, vertical: 'top' };
    if (layout.recommend) put(layout.recommend, null, false).alignment = { horizontal: 'center' };
  });
  const last = layout.firstRow + p.candidates.length - 1;
  if (p.candidates.length) {
    const range = (col: number) => `${columnLetter(col)}${layout.firstRow}:${columnLetter(col)}${last}`;
    p.rubric.criteria.forEach((c, k) => {
      if (layout.criteria[k] === undefined) return;
      const col = columnLetter(layout.criteria[k]);
      worksheetValidations(ws).add(range(layout.criteria[k]), validation(scoreInputRule(`${col}${layout.firstRow}`, c.max, step)));
    });
    if (layout.position) worksheetValidations(ws).add(range(layout.position), validation(positionInputRule(`${columnLetter(layout.position)}${layout.firstRow}`, p.candidates.length)));
    worksheetValidations(ws).add(range(layout.recusal), validation(RECUSAL_INPUT_RULE));
    if (layout.recommend) worksheetValidations(ws).add(range(layout.recommend), validation(RECOMMEND_INPUT_RULE));
  }
  writeSignLine(ws, signRow(layout, p.candidates.length), lastCol);
  ws.pageSetup.printTitlesRow = `${layout.headerRow}:${layout.headerRow}`;
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  const hash = await sheetProtectionHash(p.password);
  protect(ws, hash);

  writeInstructions(wb.addWorksheet(SHEETS.instructions), p);
  const metaSheet = addMetaSheet(wb, scoreSheetMetaRows(meta));
  protect(metaSheet, hash);
  wb.views = [{ activeTab: 0, firstSheet: 0, visibility: 'visible', x: 0, y: 0, width: 20000, height: 12000 }];
  return { bytes: await writeWorkbookBytes(wb), meta };
}

/**
 * 评审专家签字：[        ]  日期：[      ] under the list: the label on the left, then an unlocked box for the name
 * (typed, or signed on the printout) and one for the date.
 */
function writeSignLine(ws: ExcelJS.Worksheet, row: number, lastCol: number): void {
  const signEnd = Math.max(3, Math.ceil(lastCol / 2));
  const dateLabel = signEnd + 1;
  const dateEnd = Math.max(dateLabel + 1, lastCol);
  ws.mergeCells(row, 1, row, 2);
  const label = ws.getCell(row, 1);
  label.value = SIGN_LINE.label;
  label.font = { bold: true };
  label.alignment = { horizontal: 'left', vertical: 'middle' };
  const box = (from: number, to: number) => {
    // Every cell of a merged box is unlocked: Excel refuses typing into a merge that holds a locked cell.
    for (let c = from; c <= to; c++) {
      const cell = ws.getCell(row, c);
      cell.protection = { locked: false };
      cell.border = { bottom: { style: 'thin' } };
    }
    if (to > from) ws.mergeCells(row, from, row, to);
  };
  box(3, signEnd);
  const date = ws.getCell(row, dateLabel);
  date.value = SIGN_LINE.date;
  date.font = { bold: true };
  date.alignment = { horizontal: 'right', vertical: 'middle' };
  box(dateLabel + 1, dateEnd);
  ws.getRow(row).height = 30;
}

function writeInstructions(ws: ExcelJS.Worksheet, p: ScoreSheetParams): void {
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 80;
  for (const item of instructions(p)) {
    if ('table' in item) {
      const head = ws.addRow(item.table.headers);
      head.eachCell((c) => {
        c.font = { bold: true };
        c.fill = HEADER_FILL;
        c.border = THIN;
      });
      for (const r of item.table.rows) {
        ws.addRow(r).eachCell((cell) => {
          cell.border = THIN;
          cell.alignment = { wrapText: true, vertical: 'top' };
        });
      }
      ws.addRow(item.table.total).eachCell((cell) => {
        cell.border = THIN;
        cell.font = { bold: true };
      });
      continue;
    }
    const row = ws.addRow([item.text]);
    ws.mergeCells(row.number, 1, row.number, 3);
    const c = row.getCell(1);
    c.font = item.heading === 'title' ? { bold: true, size: 14 } : item.heading === 'section' ? { bold: true } : {};
    c.alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(18, Math.ceil(item.text.length / 48) * 16);
  }
}

// ------------------------------------------------------------------ organiser's key workbook

export interface KeyWorkbookParams {
  meta: KeyMeta;
  programmeTitle: string;
  /** Where the candidates came from, for the 说明 sheet. */
  sourceNote: string;
  problems: ScoringProblem[];
}

export async function buildKeyMeta(base: Omit<KeyMeta, 'mac' | 'format'>): Promise<KeyMeta> {
  const withFormat: Omit<KeyMeta, 'mac'> = { format: KEY_FORMAT, ...base };
  return { ...withFormat, mac: await keyMac(withFormat) };
}

function table(ws: ExcelJS.Worksheet, headers: string[], rows: (string | number | null)[][], widths: number[]): void {
  const h = ws.addRow(headers);
  h.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = THIN;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
}

/** The organiser's workbook: who scores whom, files and passwords, conflicts of interest; names stay here. */
export async function writeKeyWorkbook(p: KeyWorkbookParams): Promise<Uint8Array> {
  const content = keyWorkbookContent(p.meta, p.programmeTitle, p.sourceNote, p.problems);
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 Jiangxuan';
  const intro = wb.addWorksheet('说明');
  intro.getColumn(1).width = 100;
  content.intro.forEach((t, i) => {
    const c = intro.getCell(i + 1, 1);
    c.value = t;
    c.alignment = { wrapText: true };
    if (i === 0) c.font = { bold: true, size: 14 };
  });
  for (const t of content.tables) table(wb.addWorksheet(t.sheet), t.headers, t.rows, t.widths);
  addMetaSheet(wb, keyMetaRows(p.meta));
  return writeWorkbookBytes(wb);
}

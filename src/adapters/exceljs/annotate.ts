/**
 * Writes an annotated copy of a nomination workbook: problem cells get a severity fill and a note, and a
 * results sheet lists every finding with a link to its cell. Browser-safe (no fs). Only fills and notes
 * of existing cells change; values, formulas, number formats, fonts and borders are kept.
 */
import ExcelJS from 'exceljs';
import type { Finding, Lang } from '../../core/model/findings';
import { cellAddress, type MergedRange } from '../../core/model/grid';
import { findingCell, planMarks } from '../../core/check/mark-plan';
import { SEVERITY_FILL_ARGB } from '../../core/report/colours';
import { SEVERITY_LABELS } from '../../core/report/severity-labels';
import { internalLinkFormula, RESULT_HEADERS, RESULT_WIDTHS, RESULTS_SHEET_NAME, resultsPrintLayout, resultsSummaryLine, sortForResults, uniqueSheetName } from '../../core/report/results-table';
import { ruleName } from '../../core/rules/catalogue';
import { loadExcelWorkbook, type WorkbookBytes } from './load';
import { worksheetMerges } from './ooxml/exceljs-patches';
import { writeWorkbookBytes } from './write-workbook';
import { sizeNoteBox } from './ooxml/exceljs-patches';
import { applyPrintLayout, fitWrappedRows } from './page-setup';

export interface AnnotateOptions {
  lang: Lang;
  /** Shown in the results sheet's summary line, e.g. "2025 年度上海工匠". */
  programName?: string;
  /** Shown as is in the summary line (e.g. an ISO timestamp); omitted when absent. */
  generatedAt?: string;
}

export { SEVERITY_LABELS, RESULTS_SHEET_NAME };

/** Separates a user's own note text from ours. */
export const NOTE_SEPARATOR = '—— 匠选 ——';

/** 1-based columns of the results table that wrap: rule, message, nominee. */
const WRAPPED = [4, 5, 6];

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/**
 * exceljs shares one style object between all cells with the same style id, so assigning `cell.fill`
 * would recolour every cell that shares the style. Give the cell its own style object instead.
 */
function setOwnFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill): void {
  cell.style = { ...cell.style, fill };
}

type NoteValue = string | ExcelJS.Comment;

/** The user's part of a note, without a section a previous run of ours appended. */
function stripOurSection(text: string): string {
  const i = text.indexOf(NOTE_SEPARATOR);
  return (i >= 0 ? text.slice(0, i) : text).replace(/\s+$/, '');
}

function noteText(note: NoteValue): string {
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text ?? '').join('');
}

/**
 * Our section always starts with NOTE_SEPARATOR, so a later run (on an annotated copy) can tell the
 * user's text from ours and replace ours instead of stacking it.
 */
function combineNote(existing: NoteValue | undefined, ours: string): NoteValue {
  const section = `${NOTE_SEPARATOR}\n${ours}`;
  if (existing === undefined || existing === null) return section;
  if (typeof existing === 'string') {
    const user = stripOurSection(existing);
    return user ? `${user}\n${section}` : section;
  }
  // Rich note (author in bold etc.): keep the user's runs and their formatting, append ours.
  const texts: ExcelJS.RichText[] = [];
  for (const run of existing.texts ?? []) {
    const t = run.text ?? '';
    const i = t.indexOf(NOTE_SEPARATOR);
    if (i < 0) {
      texts.push(run);
      continue;
    }
    const before = t.slice(0, i).replace(/\s+$/, '');
    if (before) texts.push({ ...run, text: before });
    break;
  }
  if (!noteText({ texts } as ExcelJS.Comment).trim()) return section;
  return { ...existing, texts: [...texts, { text: `\n${section}` }] };
}

function addResultsSheet(workbook: ExcelJS.Workbook, findings: readonly Finding[], opts: AnnotateOptions, positions: Map<Finding, { row: number; col: number } | undefined>): void {
  const lang = opts.lang;
  const sheetOrder = new Map(workbook.worksheets.map((ws, i) => [ws.name, i]));
  const existing = new Set(sheetOrder.keys());
  const sorted = sortForResults(
    findings.map((f, i) => {
      const pos = positions.get(f);
      return { f, i, pos, row: pos?.row ?? -1, col: pos?.col ?? -1 };
    }),
    sheetOrder,
  );

  const ws = workbook.addWorksheet(uniqueSheetName(RESULTS_SHEET_NAME[lang], workbook.worksheets.map((w) => w.name)), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
  });
  RESULT_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const title = ws.getCell(1, 1);
  title.value = resultsSummaryLine(findings, opts);
  title.font = { bold: true, size: 12 };

  const header = ws.getRow(2);
  RESULT_HEADERS[lang].forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = solidFill('FFF2F2F2');
    cell.border = { bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } } };
  });

  const labels = SEVERITY_LABELS[lang];
  sorted.forEach(({ f, pos }, k) => {
    const row = ws.getRow(3 + k);
    const level = row.getCell(1);
    level.value = labels[f.severity] ?? String(f.severity);
    level.fill = solidFill(SEVERITY_FILL_ARGB[f.severity] ?? SEVERITY_FILL_ARGB.info);
    row.getCell(2).value = f.sheet;
    const a1 = pos ? cellAddress(pos.row, pos.col) : f.cell || '';
    const link = row.getCell(3);
    if (pos && existing.has(f.sheet)) {
      link.value = { formula: internalLinkFormula(f.sheet, a1), result: a1 } as ExcelJS.CellFormulaValue;
      link.font = LINK_FONT;
    } else {
      link.value = a1;
    }
    const rule = row.getCell(4);
    rule.value = ruleName(f, lang);
    const msg = row.getCell(5);
    msg.value = f.message?.[lang] ?? '';
    row.getCell(6).value = f.nominee ?? '';
    // Long rule names and messages wrap inside their columns, in rows tall enough to print them whole (below).
    for (let c = 1; c <= 6; c++) row.getCell(c).alignment = { vertical: 'top', wrapText: WRAPPED.includes(c) };
  });
  fitWrappedRows(ws);
  applyPrintLayout(ws, resultsPrintLayout(sorted.length), lang);

  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + sorted.length, column: RESULT_HEADERS[lang].length } };
}

/**
 * Returns the bytes of an annotated copy of `original` (which is never modified). Throws WorkbookReadError
 * when `original` is not a usable workbook. Findings on sheets the workbook does not have are only listed.
 */
export async function annotateWorkbook(original: WorkbookBytes, findings: Finding[], opts: AnnotateOptions): Promise<Uint8Array> {
  const workbook = await loadExcelWorkbook(original);
  const lang: Lang = opts.lang === 'en' ? 'en' : 'zh';
  const options: AnnotateOptions = { ...opts, lang };

  // The core decides which cell gets which fill and note lines; a cell inside a merge lands on its top-left.
  const plan = planMarks(findings, {
    lang,
    merges: (name) => {
      const ws = workbook.getWorksheet(name);
      return ws && worksheetMerges(ws).map((m): MergedRange => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
    },
  });
  // The results sheet links each finding to its own cell (Excel selects the whole merge).
  const positions = new Map<Finding, { row: number; col: number } | undefined>();
  for (const f of findings) positions.set(f, findingCell(f));
  for (const mark of plan.cells) {
    const sheet = workbook.getWorksheet(mark.sheet);
    if (!sheet) continue;
    const cell = sheet.getCell(mark.row + 1, mark.col + 1);
    setOwnFill(cell, solidFill(mark.fillArgb));
    const combined = combineNote(cell.note as NoteValue | undefined, mark.lines.join('\n'));
    cell.note = combined;
    sizeNoteBox(cell, noteText(combined));
  }

  addResultsSheet(workbook, findings, options, positions);

  return writeWorkbookBytes(workbook);
}

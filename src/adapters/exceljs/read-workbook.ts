/**
 * Workbook bytes → WorkbookGrid (see core/model/grid.ts). Browser-safe: no fs in this file's import graph;
 * the path variant lives in read-workbook-file.ts.
 */
import ExcelJS from 'exceljs';
import type { CellValue, MergedRange, SheetGrid, WorkbookGrid } from '../../core/model/grid';
import { loadExcelWorkbook, type WorkbookBytes } from './load';
import { formulaResult, worksheetMerges } from './ooxml/exceljs-patches';

export { WorkbookReadError, isWorkbookReadError } from './errors';
export type { WorkbookReadErrorCode, ForeignKind } from './errors';
export type { WorkbookBytes } from './load';

/** Worksheet parts the grid never needs (data validations are expanded per cell by exceljs: slow). */
const READ_IGNORE_NODES = ['dataValidations', 'conditionalFormatting', 'extLst'];

/**
 * Reads .xlsx bytes (Buffer, Uint8Array or ArrayBuffer). Throws WorkbookReadError (and nothing else)
 * when the bytes are not a usable workbook.
 */
export async function readWorkbookBuffer(buf: WorkbookBytes): Promise<WorkbookGrid> {
  const workbook = await loadExcelWorkbook(buf, { ignoreNodes: READ_IGNORE_NODES, purpose: 'read' });
  return workbookToGrid(workbook);
}

/** Converts a loaded exceljs workbook (all worksheets, hidden ones too, in tab order). */
export function workbookToGrid(workbook: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: workbook.worksheets.map(worksheetToGrid) };
}

const T = ExcelJS.ValueType;

function validDate(d: Date): Date | null {
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Any exceljs cell value → CellValue. Formula cells give their cached result; hyperlinks their text;
 * rich text is flattened.
 */
export function normaliseValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isNaN(v) ? null : v;
    case 'object': {
      if (v instanceof Date) return validDate(v);
      const o = v as Record<string, unknown>;
      if ('formula' in o || 'sharedFormula' in o || 'result' in o) {
        // exceljs converts a date-formatted formula's cached result to a Date even when the result was
        // text or an error; such a result is an invalid Date and reads as null.
        const r = o.result;
        return r !== null && typeof r === 'object' && ('formula' in r || 'sharedFormula' in r) ? null : normaliseValue(r);
      }
      if ('error' in o) return { error: String(o.error) };
      if (Array.isArray(o.richText)) return flattenRichText(o.richText);
      if ('text' in o) {
        const t = o.text;
        return typeof t === 'string' ? t : normaliseValue(t);
      }
      return null;
    }
    default:
      return null;
  }
}

function flattenRichText(runs: unknown[]): string {
  let s = '';
  for (const run of runs) {
    const t = (run as { text?: unknown } | null)?.text;
    if (typeof t === 'string') s += t;
  }
  return s;
}

function cellToValue(cell: ExcelJS.Cell): CellValue {
  switch (cell.type) {
    case T.Null:
    case T.Merge:
      return null;
    case T.String:
    case T.Boolean:
      return cell.value as string | boolean;
    case T.Number: {
      const n = cell.value as number;
      return Number.isNaN(n) ? null : n;
    }
    case T.Formula: {
      // cell.value drops a falsy cached result (0, FALSE, ""): a count of 0 would read as an empty cell.
      const r = formulaResult(cell);
      return r !== null && typeof r === 'object' && ('formula' in r || 'sharedFormula' in r) ? null : normaliseValue(r);
    }
    default:
      return normaliseValue(cell.value);
  }
}

/** One worksheet as the bounded grid (core/model/grid.ts): rows only where there are values, each as far as its last. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  const hiddenRows: number[] = [];
  let width = 0;

  // eachRow visits rows in ascending order: hiddenRows comes out sorted.
  ws.eachRow((row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell((cell, colNumber) => {
      const v = cellToValue(cell);
      if (v === null) return;
      while (out.length < colNumber - 1) out.push(null);
      out[colNumber - 1] = v;
    });
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    if (out.length) {
      rows[rowNumber - 1] = out;
      if (out.length > width) width = out.length;
    }
  });
  const height = rows.length;

  // Merges are 0-based and clipped to the data; merges wholly outside it (formatting only) are dropped.
  const merges: MergedRange[] = [];
  for (const m of worksheetMerges(ws)) {
    const top = m.top - 1;
    const left = m.left - 1;
    if (top >= height || left >= width) continue;
    merges.push({ top, left, bottom: Math.min(m.bottom - 1, height - 1), right: Math.min(m.right - 1, width - 1) });
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);

  const sheet: SheetGrid = { name: ws.name, rows, merges };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') sheet.hidden = true;
  const hidden = hiddenRows.filter((r) => rows[r] !== undefined);
  if (hidden.length) sheet.hiddenRows = hidden;
  return sheet;
}

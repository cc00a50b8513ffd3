/**
 * A SheetJS workbook → the core's grid, cell for cell as the exceljs path gives it for the same workbook saved as
 * .xlsx: text, numbers as stored, booleans, errors as CellError, date-formatted numbers as Dates (UTC midnight, as
 * exceljs), cached results for formulas, merges clipped to the used range, hidden sheets and rows marked. Browser-safe.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { excelSerialToDate } from '../../core/model/dates';
import type { CellValue, MergedRange, SheetGrid, WorkbookGrid } from '../../core/model/grid';
import type { SheetJs } from './load-sheetjs';

/** Excel's error codes as BIFF stores them, for an error cell without its text. */
const ERROR_TEXT: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

export function sheetJsToGrid(X: SheetJs, wb: WorkBook): WorkbookGrid {
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const isDateFormat = dateFormatTest(X);
  return {
    sheets: wb.SheetNames.map((name, i) => {
      const sheet = sheetToGrid(name, wb.Sheets[name], (c) => cellValue(c, isDateFormat, date1904));
      if ((wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) > 0) sheet.hidden = true;
      return sheet;
    }),
  };
}

function dateFormatTest(X: SheetJs): (z: unknown) => boolean {
  const table = X.SSF.get_table() as Record<number, string>;
  const cache = new Map<string, boolean>();
  return (z) => {
    const fmt = typeof z === 'number' ? table[z] : z;
    if (typeof fmt !== 'string' || fmt === 'General' || fmt === '@') return false;
    let d = cache.get(fmt);
    if (d === undefined) {
      try {
        d = !!X.SSF.is_date(fmt);
      } catch {
        d = false;
      }
      cache.set(fmt, d);
    }
    return d;
  };
}

function cellValue(cell: CellObject | undefined, isDateFormat: (z: unknown) => boolean, date1904: boolean): CellValue {
  if (!cell) return null;
  const v = cell.v;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' && v !== '' ? v : null;
    case 'b':
      return !!v;
    case 'e':
      return { error: cell.w ?? ERROR_TEXT[typeof v === 'number' ? v : -1] ?? '#N/A' };
    case 'd': {
      if (!(v instanceof Date) || Number.isNaN(v.getTime())) return null;
      // SheetJS dates are local wall-clock times; the grid's dates are that wall-clock time in UTC, like exceljs's.
      return new Date(Date.UTC(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), v.getMinutes(), v.getSeconds()));
    }
    case 'n': {
      if (typeof v !== 'number' || Number.isNaN(v)) return null;
      if (!isDateFormat(cell.z)) return v;
      // LibreOffice saves the "" result of a date formula (IF(A2="","",EDATE(…))) in an .xls as 0, which Excel
      // shows as 1900-01-00 until it recalculates: no one types that date; the cell is empty.
      if (v === 0 && cell.f !== undefined) return null;
      return excelSerialToDate(v + (date1904 ? 1462 : 0)) ?? v;
    }
    default:
      return null;
  }
}

function sheetToGrid(name: string, ws: WorkSheet | undefined, value: (c: CellObject | undefined) => CellValue): SheetGrid {
  const data = (ws?.['!data'] ?? []) as (CellObject[] | undefined)[];
  // The bounded grid (core/model/grid.ts): a row ends at its last value, a row without one is a hole.
  const rows: CellValue[][] = [];
  let width = 0;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    let out: CellValue[] | undefined;
    for (let c = 0; c < src.length; c++) {
      const v = value(src[c]);
      if (v === null) continue;
      out ??= [];
      while (out.length < c) out.push(null);
      out.push(v);
    }
    if (out) {
      rows[r] = out;
      width = Math.max(width, out.length);
    }
  }
  const height = rows.length;
  // Hidden rows as the exceljs path lists them: rows with a value, hidden by hand or by a filter (.xls: SheetJS's
  // row properties, read with cellStyles; .ods: parse.ts puts them there from content.xml).
  const props = ws?.['!rows'] ?? [];
  const hiddenRows: number[] = [];
  for (let r = 0; r < Math.min(props.length, height); r++) if (props[r]?.hidden && rows[r]) hiddenRows.push(r);
  const merges: MergedRange[] = [];
  for (const m of ws?.['!merges'] ?? []) {
    if (m.s.r >= height || m.s.c >= width) continue;
    merges.push({ top: m.s.r, left: m.s.c, bottom: Math.min(m.e.r, height - 1), right: Math.min(m.e.c, width - 1) });
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const sheet: SheetGrid = { name, rows, merges };
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  return sheet;
}

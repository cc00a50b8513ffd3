/**
 * A SheetJS workbook written as .xlsx, so that the annotated copy of an .xls, .ods, CSV or HTML file can be made by
 * the same exceljs annotator as for an .xlsx (a copy is always .xlsx; the user's file is never written). Cells keep
 * their positions, values and number formats — text stays text, so an 18-digit ID is not turned into a number —
 * merges and hidden sheets. Formulas are written as their values: a formula SheetJS decoded from BIFF could read
 * differently in Excel, and the copy is for reading the findings. Browser-safe.
 */
import type { CellObject, ColInfo, WorkBook, WorkSheet } from '@e965/xlsx';
import type { SheetJs } from './load-sheetjs';
import type { ParsedWorkbook } from './parse';

/** Display width of a text in Excel's character units: CJK and full-width characters take two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Column widths from the contents, for files that carry none (CSV, HTML; SheetJS does not read them from .ods). */
function fitColumns(ws: WorkSheet): ColInfo[] {
  const widths: number[] = [];
  for (const row of (ws['!data'] ?? []) as (CellObject[] | undefined)[]) {
    if (!row) continue;
    row.forEach((cell, c) => {
      if (!cell || cell.v === undefined || cell.v === null) return;
      const longest = String(cell.w ?? cell.v)
        .split('\n')
        .reduce((m, line) => Math.max(m, textWidth(line)), 0);
      widths[c] = Math.max(widths[c] ?? 0, longest);
    });
  }
  return Array.from(widths, (w) => ({ wch: Math.min(60, Math.max(6, (w ?? 0) + 2)) }));
}

/** Formulas dropped (their values stay); empty rows filled in, as SheetJS's writer expects of a dense sheet. */
function prepareForXlsx(X: SheetJs, ws: WorkSheet): void {
  const data = (ws['!data'] ??= []) as (CellObject[] | undefined)[];
  const last = ws['!ref'] ? X.utils.decode_range(ws['!ref']).e.r : data.length - 1;
  for (let r = 0; r <= Math.max(last, data.length - 1); r++) {
    const row = (data[r] ??= []);
    for (const cell of row) if (cell?.f !== undefined) delete cell.f;
  }
}

export function writeXlsx({ X, wb }: ParsedWorkbook): Uint8Array {
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    prepareForXlsx(X, ws);
    if (!ws['!cols']) ws['!cols'] = fitColumns(ws);
  }
  const out = X.write(wb as WorkBook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/**
 * A returned score sheet that an expert re-saved as .xls, .et or .ods (WPS and LibreOffice offer it) as the same
 * LiteWorkbook the scoring reader gets from an .xlsx (exceljs/scoring/xlsx-lite.ts): the sheet list with each
 * sheet's visibility, cached values and formula texts, and the last-saved time. What the content means stays the
 * core's decision. Browser-safe.
 */
import type { CellObject } from '@e965/xlsx';
import type { LiteSheetInfo, LiteWorkbook } from '../exceljs/scoring/xlsx-lite';
import type { SheetJsFormat } from '../files/file-format';
import type { SheetJs } from './load-sheetjs';
import { parseWithSheetJs } from './parse';
import { sheetJsToGrid } from './to-grid';

const STATES = ['visible', 'hidden', 'veryHidden'] as const;

export async function sheetJsLiteWorkbook(bytes: Uint8Array, format: SheetJsFormat, name?: string): Promise<LiteWorkbook> {
  const { X, wb } = await parseWithSheetJs(bytes, format, name);
  const grid = sheetJsToGrid(X, wb);
  const sheets: LiteSheetInfo[] = wb.SheetNames.map((n, i) => ({ name: n, state: STATES[wb.Workbook?.Sheets?.[i]?.Hidden ?? 0] ?? 'hidden', part: n }));
  const lite: LiteWorkbook = {
    sheets,
    read: async (sheet) => {
      const i = wb.SheetNames.indexOf(sheet.part);
      if (i < 0) return { rows: [], formulas: new Map() };
      const formulas = new Map<number, string>();
      const data = (wb.Sheets[sheet.part]['!data'] ?? []) as (CellObject[] | undefined)[];
      data.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell?.f) formulas.set(r * 16384 + c, cell.f.replace(/^=/, ''));
        }),
      );
      return { rows: grid.sheets[i].rows, formulas };
    },
  };
  const modified = asDate(wb.Props?.ModifiedDate) ?? (format === 'ods' ? odsModified(X, bytes) : undefined);
  if (modified) lite.modified = modified;
  return lite;
}

/** SheetJS gives an .xls's save time as an ISO string, sometimes as a Date. */
function asDate(v: unknown): Date | undefined {
  const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) && d.getUTCFullYear() > 1601 ? d : undefined;
}

/** An .ods records its save time in meta.xml (<dc:date>), which SheetJS does not read. */
function odsModified(X: SheetJs, bytes: Uint8Array): Date | undefined {
  try {
    const entry = X.CFB.find(X.CFB.read(bytes, { type: 'array' }), 'meta.xml') as { content?: Uint8Array } | null;
    const m = entry?.content && /<dc:date>([^<]+)<\/dc:date>/.exec(new TextDecoder('utf-8').decode(entry.content));
    return m ? asDate(m[1].trim()) : undefined;
  } catch {
    return undefined;
  }
}

/** Writing and reading the very hidden metadata sheet (rows of text, see core/scoring/metadata.ts). */
import ExcelJS from 'exceljs';
import { MetaRows, parseMetaRows, ParsedMeta, SHEETS } from '../../../core/scoring/metadata';
import { cellText } from '../../../core/text/normalize';
import type { LiteSheetInfo, LiteWorkbook } from './xlsx-lite';

/** Adds the metadata sheet, very hidden (not listed under Unhide in Excel; only VBA can show it). */
export function addMetaSheet(wb: ExcelJS.Workbook, rows: MetaRows): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.meta, { state: 'veryHidden' });
  for (const r of rows) {
    const row = ws.addRow(r);
    // Text stays text: a code such as "1E3" or a number-like name must not turn into a number.
    row.eachCell((c) => {
      c.numFmt = '@';
    });
  }
  ws.getColumn(1).width = 14;
  return ws;
}

export interface FoundMeta {
  parsed: ParsedMeta;
  sheet: LiteSheetInfo;
}

/** The metadata sheet of a workbook (any visibility), parsed; undefined when there is none. Throws what the reader throws. */
export async function readMetaSheet(wb: LiteWorkbook): Promise<FoundMeta | undefined> {
  const sheet = wb.sheets.find((s) => s.name === SHEETS.meta);
  if (!sheet) return undefined;
  const data = await wb.read(sheet);
  // Rows are ragged, empty ones holes (core/model/grid.ts): a hole reads as an empty row.
  const rows = Array.from(data.rows, (r) => (r ?? []).map((v) => cellText(v)));
  return { parsed: parseMetaRows(rows), sheet };
}

/**
 * The one way Jiangxuan writes an .xlsx with exceljs. exceljs keeps data validations per cell and, when
 * writing, squeezes them into ranges after sorting addresses as text ("A10" before "A3"): a drop-down on
 * A3:A2002 with a value in A10 comes out as two overlapping ranges, A10:A2002 and A3:A2002, which Excel
 * does not allow. Here the per-cell entries are merged into column runs in numeric order first; exceljs
 * writes range keys as they are.
 */
import ExcelJS from 'exceljs';
import { cellAddress, parseCellAddress } from '../../core/model/grid';

type ValidationMap = Record<string, ExcelJS.DataValidation>;

/** Replaces single-cell validation entries by non-overlapping vertical runs of equal rules. */
export function compactDataValidations(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as { dataValidations?: { model: ValidationMap } }).dataValidations;
  if (!holder?.model) return;
  const model = holder.model;
  const out: ValidationMap = {};
  // column → rule key → rows
  const cells = new Map<number, Map<string, { rule: ExcelJS.DataValidation; rows: number[] }>>();
  for (const [address, rule] of Object.entries(model)) {
    const at = address.includes(':') ? undefined : parseCellAddress(address);
    if (!at) {
      out[address] = rule; // already a range (or something we do not understand): keep it
      continue;
    }
    const key = JSON.stringify(rule);
    let byRule = cells.get(at.col);
    if (!byRule) cells.set(at.col, (byRule = new Map()));
    let entry = byRule.get(key);
    if (!entry) byRule.set(key, (entry = { rule, rows: [] }));
    entry.rows.push(at.row);
  }
  for (const [col, byRule] of cells) {
    for (const { rule, rows } of byRule.values()) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        const end = rows[i - 1];
        out[start === end ? cellAddress(start, col) : `${cellAddress(start, col)}:${cellAddress(end, col)}`] = rule;
        start = rows[i];
      }
    }
  }
  holder.model = out;
}

/** Writes the workbook's bytes, with data validations that Excel opens without repair. */
export async function writeWorkbookBytes(wb: ExcelJS.Workbook, options?: Partial<ExcelJS.XlsxWriteOptions>): Promise<Uint8Array> {
  for (const ws of wb.worksheets) compactDataValidations(ws);
  const buf = (await wb.xlsx.writeBuffer(options)) as unknown as Uint8Array | ArrayBuffer;
  // A plain Uint8Array view, also where exceljs hands back a Node Buffer.
  return buf instanceof Uint8Array ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf);
}

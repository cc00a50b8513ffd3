/**
 * The one way Jiangxuan writes an .xlsx with exceljs: with the data-validation work-around applied
 * (ooxml/exceljs-patches.ts), so that Excel opens every file without repair, and — for a workbook loaded from a
 * user's file — that file's data validations put back as they were (ooxml/kept-validations.ts).
 */
import type ExcelJS from 'exceljs';
import { absolutePrintArea, compactDataValidations } from './ooxml/exceljs-patches';
import { restoreValidations } from './ooxml/kept-validations';

/** Writes the workbook's bytes, with data validations that Excel opens without repair and print areas every program reads. */
export async function writeWorkbookBytes(wb: ExcelJS.Workbook, options?: Partial<ExcelJS.XlsxWriteOptions>): Promise<Uint8Array> {
  for (const ws of wb.worksheets) {
    compactDataValidations(ws);
    absolutePrintArea(ws);
  }
  const buf = (await wb.xlsx.writeBuffer(options)) as unknown as Uint8Array | ArrayBuffer;
  // A plain Uint8Array view, also where exceljs hands back a Node Buffer.
  const bytes = buf instanceof Uint8Array ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf);
  return restoreValidations(wb, bytes);
}

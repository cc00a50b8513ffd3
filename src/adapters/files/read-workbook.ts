/**
 * The one entry from "the bytes of a file a user sends" to the core's grid, for every front end (CLI, standalone
 * page, the pane's file inputs, scoring and cultivation inputs). It decides which reader gets the bytes
 * (file-format.ts): .xlsx goes to the fast reader (../xlsx-fast: streaming unzip and one linear XML pass, bounded
 * by the reading budget; exceljs is kept for writing workbooks); SheetJS, loaded only when such a file arrives, for
 * .xls/.et, .ods, .xlsb, HTML/XML tables and CSV/TXT. Browser-safe: no fs in its import graph.
 * Throws WorkbookReadError (a core CheckError 'unreadable', or 'too-large' past the budget) when no reader can use
 * the bytes.
 */
import type { WorkbookGrid } from '../../core/model/grid';
import { asBytes, type WorkbookBytes } from '../exceljs/ooxml/encoding';
import { readWorkbookFast } from '../xlsx-fast/read-workbook';
import { WorkbookReadError } from '../exceljs/errors';
import { readSheetJsWorkbook } from '../sheetjs';
import { detectFileFormat } from './file-format';

export type { WorkbookBytes };
export { WorkbookReadError, isWorkbookReadError } from '../exceljs/errors';
export { detectFileFormat, type FileFormat, type SheetJsFormat } from './file-format';

export interface ReadWorkbookOptions {
  /** The file's name as the user sees it ("推荐表.csv"): a hint for text, which has no signature, and the sheet name of a CSV. */
  name?: string;
}

export async function readWorkbookBytes(bytes: WorkbookBytes, opts: ReadWorkbookOptions = {}): Promise<WorkbookGrid> {
  const b = asBytes(bytes);
  const format = detectFileFormat(b, opts.name);
  switch (format.reader) {
    case 'exceljs':
      // .xlsx (the format's reader of record is exceljs; checking reads it with the fast reader, same grid).
      return readWorkbookFast(b);
    case 'sheetjs':
      return readSheetJsWorkbook(b, format.format, opts.name);
    case 'none':
      throw new WorkbookReadError(format.code, format.kind ? { kind: format.kind } : {});
  }
}


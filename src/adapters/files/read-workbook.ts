/**
 * The one entry from "the bytes of a file a user sends" to the core's grid, for every front end (CLI, standalone
 * page, the pane's file input, scoring and cultivation inputs). It decides which reader gets the bytes; the
 * readers themselves live in their adapters (exceljs for .xlsx today). Browser-safe: no fs in its import graph.
 * Throws WorkbookReadError (a core CheckError 'unreadable') when no reader can use the bytes.
 */
import type { WorkbookGrid } from '../../core/model/grid';
import { readWorkbookBuffer, type WorkbookBytes } from '../exceljs/read-workbook';

export type { WorkbookBytes };
export { WorkbookReadError, isWorkbookReadError } from '../exceljs/errors';

export interface ReadWorkbookOptions {
  /** The file's name as the user sees it ("推荐表.xls"): a hint for formats that have no signature (CSV). */
  name?: string;
}

export async function readWorkbookBytes(bytes: WorkbookBytes, _opts: ReadWorkbookOptions = {}): Promise<WorkbookGrid> {
  return readWorkbookBuffer(bytes);
}

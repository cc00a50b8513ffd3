/** Reads a workbook from a path (Node only; the browser uses readWorkbookBuffer). */
import { readFile } from 'node:fs/promises';
import type { WorkbookGrid } from '../../core/model/grid';
import { readWorkbookBuffer } from './read-workbook';

export { WorkbookReadError, isWorkbookReadError } from './errors';
export type { WorkbookReadErrorCode } from './errors';

/**
 * Throws WorkbookReadError for unusable contents; file-system errors (ENOENT, EACCES, EISDIR) pass through
 * unchanged so the caller can report the path.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  const bytes = await readFile(path);
  return readWorkbookBuffer(bytes);
}

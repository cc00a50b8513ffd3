/** Reads a workbook file from disk into the core's grid, the way the CLI does (through the one file entry). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { WorkbookGrid } from '../../src/core/model/grid';
import { readWorkbookBytes } from '../../src/adapters/files/read-workbook';

export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  return readWorkbookBytes(await readFile(path), { name: basename(path) });
}

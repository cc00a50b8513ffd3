/** Test workbooks for the Office adapter: the repository's sample files, loaded into the fake. */
import * as path from 'node:path';
import { readWorkbookFile } from '../../support/read-file';
import type { WorkbookGrid } from '../../../src/core/model/grid';
import { FakeWorkbook } from './fake-excel';

export const SAMPLE = path.join(__dirname, '../../../samples/sqc-2025-有问题.xlsx');

export async function sampleGrid(): Promise<WorkbookGrid> {
  return readWorkbookFile(SAMPLE);
}

/** The grid as a fake open workbook (dates become date-formatted serials, errors error cells). */
export function fakeFromGrid(grid: WorkbookGrid): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const s of grid.sheets) {
    const sheet = wb.addSheet(s.name, s.rows);
    if (s.hidden) sheet.visibility = 'Hidden';
  }
  return wb;
}

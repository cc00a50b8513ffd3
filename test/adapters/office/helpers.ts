/** Test workbooks for the Office adapter: the repository's sample files, opened in the strict simulation. */
import * as path from 'node:path';
import { readWorkbookFile } from '../../support/read-file';
import type { WorkbookGrid } from '../../../src/core/model/grid';
import { readWorkbookBytes } from '../../../src/adapters/files/read-workbook';
import { setWorkbookFileReader } from '../../../src/adapters/office/merges';
import { ExcelSim, type SimOptions } from './sim';

export const SAMPLE = path.join(__dirname, '../../../samples/sqc-2025-有问题.xlsx');

export async function sampleGrid(): Promise<WorkbookGrid> {
  return readWorkbookFile(SAMPLE);
}

/** The grid as a workbook open in a simulated Excel (dates become date-formatted serials, errors error cells). */
export function simFromGrid(grid: WorkbookGrid, opts: SimOptions = {}): ExcelSim {
  const sim = new ExcelSim(opts);
  for (const s of grid.sheets) {
    const sheet = sim.wb.addSheet(s.name, s.rows);
    if (s.hidden) sheet.visibility = 'Hidden';
    for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
    sheet.merges = s.merges.map((m) => ({ ...m }));
  }
  return sim;
}

/** Runs `fn` with the simulation's globals installed (Office.context.requirements answers for its version). */
export async function withHost<T>(sim: ExcelSim, fn: () => Promise<T>): Promise<T> {
  setWorkbookFileReader((bytes) => readWorkbookBytes(bytes, { name: 'workbook.xlsx' }));
  try {
    return await sim.with(fn);
  } finally {
    setWorkbookFileReader(undefined);
  }
}

export const HOST_VERSIONS = [7, 9, 10, 14, 17] as const;

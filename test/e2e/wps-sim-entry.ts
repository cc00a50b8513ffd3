/**
 * Runs in Chromium before the WPS task pane's own scripts (test/e2e/wps.test.ts): the strict ET simulation over
 * the grid the test put in window.__JX_GRID, installed as WPS installs its object model — window.Application
 * and window.wps.
 */
import { FakeWorkbook } from '../adapters/wps/fake-et';
import type { CellValue, WorkbookGrid } from '../../src/core/model/grid';

interface Page {
  __JX_GRID?: { name: string; grid: WorkbookGrid };
  __JX_WB?: FakeWorkbook;
  Application?: unknown;
  wps?: unknown;
}

const w = globalThis as unknown as Page;
const given = w.__JX_GRID;
if (given) {
  // Dates travel as {date: ISO}.
  const revive = (v: CellValue | { date: string }): CellValue => (v && typeof v === 'object' && 'date' in v ? new Date(v.date) : (v as CellValue));
  const grid: WorkbookGrid = { sheets: given.grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ?? []).map((v) => revive(v as CellValue))) })) };
  const wb = FakeWorkbook.fromGrid(grid, given.name);
  const app = wb.app();
  w.Application = app;
  w.wps = app;
  w.__JX_WB = wb;
}

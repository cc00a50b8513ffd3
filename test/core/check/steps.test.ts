/**
 * The check in steps (core/check/steps.ts): what a page or pane without a worker runs, with its turns between
 * steps. It must give exactly the outcome and the failures of the check run at once, and pause often enough that a
 * large workbook is not one long task.
 */
import * as path from 'node:path';
import { checkWorkbook, checkWorkbookSteps } from '../../../src/core/check/check-workbook';
import { isCheckError } from '../../../src/core/check/failures';
import { runWithPauses } from '../../../src/core/check/steps';
import type { WorkbookGrid } from '../../../src/core/model/grid';
import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { readWorkbookFile } from '../../support/read-file';
import { book, sheet } from '../../support/grid';

const TODAY = { y: 2026, m: 11, d: 22 };
const SAMPLE = path.join(__dirname, '../../../samples/sqc-2025-有问题.xlsx');

/** A clock that moves 40 ms at every look: the runner then pauses after every step. */
function slowClock() {
  let t = 0;
  return () => (t += 40);
}

/** The sample with its details rows repeated `times` times (the same people again: duplicate findings included). */
function repeated(grid: WorkbookGrid, times: number): WorkbookGrid {
  return {
    sheets: grid.sheets.map((s) => {
      if (s.name !== '申报信息') return s;
      const header = s.rows.slice(0, 2);
      const body = s.rows.slice(2).filter((r) => r !== undefined);
      const rows = [...header];
      for (let k = 0; k < times; k++) rows.push(...body.map((r) => [...r!]));
      return { ...s, rows, merges: s.merges.filter((m) => m.bottom < 2) };
    }),
  };
}

describe('checkWorkbookSteps', () => {
  it('gives the outcome of checkWorkbook, pausing between steps', async () => {
    const grid = await readWorkbookFile(SAMPLE);
    const req = { asOf: '2025-03-01', today: TODAY };
    let pauses = 0;
    const stepped = await runWithPauses(checkWorkbookSteps(grid, req), async () => void pauses++, slowClock());
    expect(stepped).toEqual(checkWorkbook(grid, req));
    expect(stepped.result.findings.length).toBeGreaterThan(10);
    expect(pauses).toBeGreaterThanOrEqual(3);
  });

  it('a large table is checked a few hundred rows a step', async () => {
    const grid = repeated(await readWorkbookFile(SAMPLE), 200);
    const rows = grid.sheets.find((s) => s.name === '申报信息')!.rows.length;
    expect(rows).toBeGreaterThan(2000);
    const req = { programId: 'sqc-2025', asOf: '2025-03-01', today: TODAY, profiles: [builtinProfile('sqc-2025')!] };
    let pauses = 0;
    const stepped = await runWithPauses(checkWorkbookSteps(grid, req), async () => void pauses++, slowClock());
    expect(stepped).toEqual(checkWorkbook(grid, req));
    expect(stepped.result.findings.some((f) => f.rule === 'duplicate.id')).toBe(true);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(rows / 256));
  });

  it('fails as checkWorkbook fails, as a rejected promise', async () => {
    const prose = book(sheet('s', [['会议纪要']]));
    const qp = builtinProfile('qingpu-2018')!;
    const req = { profile: qp, today: TODAY };
    let thrown: unknown;
    try {
      checkWorkbook(prose, req);
    } catch (e) {
      thrown = e;
    }
    const rejected = await runWithPauses(checkWorkbookSteps(prose, req), async () => undefined, slowClock()).catch((e: unknown) => e);
    expect(isCheckError(rejected) && isCheckError(thrown) && rejected.failure).toEqual({ code: 'no-table', profile: qp });
  });
});

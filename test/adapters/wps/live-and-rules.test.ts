/**
 * After a check in WPS: edits re-checked through SheetChange (only the edited rows read, only changed cells
 * re-marked), on demand where WPS has no ApiEvent; input rules written with Validation.Add.
 */
import * as path from 'node:path';
import { applyInputRules, checkWorkbook, WpsLiveChecker } from '../../../src/adapters/wps';
import { parseIsoDate } from '../../../src/core/model/dates';
import { recheckWorkbook } from '../../../src/core/check/check-workbook';
import { SEVERITY_FILL_HEX } from '../../../src/core/report/colours';
import { readWorkbookFile } from '../../support/read-file';
import { bgr, FakeWorkbook, NO_FILL } from './fake-et';
import { validId } from '../../support/grid';

const SAMPLE = path.join(__dirname, '../../../samples/sqc-2025-有问题.xlsx');
const TODAY = { y: 2025, m: 3, d: 1 };

/** Timers the test runs by hand. */
function manualTimers() {
  const queue: (() => void)[] = [];
  return {
    timers: { setTimeout: (fn: () => void) => (queue.push(fn), queue.length), clearTimeout: () => undefined },
    run: () => queue.splice(0).forEach((f) => f()),
  };
}

async function checked(opts: { apiEvent?: boolean } = {}) {
  const wb = FakeWorkbook.fromGrid(await readWorkbookFile(SAMPLE));
  wb.hasApiEvent = opts.apiEvent !== false;
  const app = wb.app();
  const outcome = checkWorkbook(app, { lang: 'zh', asOf: '2025-03-01', today: TODAY });
  return { wb, app, outcome };
}

describe('live re-checking in WPS', () => {
  it('re-checks an edited row through SheetChange and re-marks only what changed', async () => {
    const { wb, app, outcome } = await checked();
    const idFinding = outcome.result.findings.find((f) => f.rule === 'id.checksum')!;
    expect(idFinding).toBeDefined();
    const sheet = wb.sheet(idFinding.sheet);
    expect(sheet.fill(idFinding.cell).color).toBe(bgr(SEVERITY_FILL_HEX[idFinding.severity]));

    const results: number[] = [];
    const { timers, run } = manualTimers();
    const live = new WpsLiveChecker(app, { grid: outcome.grid, profile: outcome.profile, asOf: parseIsoDate(outcome.result.asOf)!, lang: 'zh' }, (r) => results.push(r.findings.length), undefined, 400, timers);
    // Started from the check's own result, as the pane does: the same as checking again.
    expect(live.start(outcome.result)).toBe(true);
    expect(live.current).toEqual(recheckWorkbook(outcome.grid, outcome.profile, parseIsoDate(outcome.result.asOf)!));
    const other = outcome.result.findings.find((f) => f.sheet === idFinding.sheet && f.row !== idFinding.row)!;
    const otherFill = sheet.fill(other.cell);

    // The user corrects the check character of the broken ID.
    const typed = String(sheet.value(idFinding.cell));
    wb.calls = 0;
    wb.userEdit(idFinding.sheet, idFinding.cell, validId(typed.slice(0, 17)));
    run();
    expect(results).toHaveLength(1);
    expect(live.current!.findings.filter((f) => f.sheet === idFinding.sheet && f.cell === idFinding.cell)).toEqual([]);
    expect(sheet.fill(idFinding.cell)).toEqual(NO_FILL);
    expect(sheet.comment(idFinding.cell)).toBeUndefined();

    // Breaking a phone number marks that cell at once.
    const phoneCol = outcome.result.recognized.find((t) => t.sheet.name === idFinding.sheet)!.colOf.get('mobile');
    if (phoneCol !== undefined) {
      const a1 = String.fromCharCode(65 + phoneCol) + String(idFinding.row + 1);
      wb.userEdit(idFinding.sheet, a1, '1381234');
      run();
      expect(sheet.fill(a1).color).toBe(bgr(SEVERITY_FILL_HEX.error));
      expect(sheet.comment(a1)).toMatch(/^【匠选】/);
    }
    expect(sheet.fill(other.cell)).toEqual(otherFill); // other rows untouched
    expect(wb.calls).toBeLessThan(400);

    // A change to our own state sheet or a sheet added after the check is ignored; stop unsubscribes.
    live.stop();
    expect(wb.listeners.get('SheetChange')).toEqual([]);
  });

  it('without ApiEvent (older builds) there is no live checking: start says so', async () => {
    const { app, outcome } = await checked({ apiEvent: false });
    const live = new WpsLiveChecker(app, { grid: outcome.grid, profile: outcome.profile, asOf: parseIsoDate(outcome.result.asOf)!, lang: 'zh' }, () => undefined);
    expect(live.start()).toBe(false);
  });
});

describe('input rules in WPS', () => {
  it('writes drop-downs, text lengths and whole numbers with Validation.Add, replacing earlier rules', async () => {
    const { wb, app, outcome } = await checked();
    const first = applyInputRules(app, outcome.result.recognized);
    expect(first.columns).toBeGreaterThan(3);
    const again = applyInputRules(app, outcome.result.recognized); // Add fails where validation exists: Delete first
    expect(again.columns).toBe(first.columns);

    const details = outcome.result.recognized.find((t) => t.kind === 'details')!;
    const sheet = wb.sheet(details.sheet.name);
    const cellOf = (key: string, row: number) => {
      const col = details.colOf.get(key)!;
      return String.fromCharCode(65 + (col % 26)).padStart(col >= 26 ? 2 : 1, 'A') + String(row + 1);
    };
    const firstRow = details.headerRow + 1;
    const sex = sheet.validation(cellOf('sex', firstRow));
    expect(sex).toMatchObject({ type: 3, alertStyle: 1, formula1: '男,女', inCellDropdown: true, showError: true });
    expect(sex!.errorMessage).toContain('只能填写以下选项之一');
    const spirit = details.colOf.has('craftsmanSpirit') ? sheet.validation(cellOf('craftsmanSpirit', firstRow)) : undefined;
    if (spirit) expect(spirit).toMatchObject({ type: 6, alertStyle: 2, operator: 8 });
    // Rows below the data get the rules too (200 rows for new entries); the header does not.
    expect(sheet.validation(cellOf('sex', details.headerRow))).toBeUndefined();
    expect(sheet.validation(cellOf('sex', details.dataRows[details.dataRows.length - 1] + 150))).toBeDefined();
    // Values untouched.
    expect(wb.writes.filter((w) => w.sheet !== '_jiangxuan_marks')).toEqual([]);
  });
});

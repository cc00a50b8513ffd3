/**
 * The 校验 section's state changes (hooks/check-state.ts) with real check results of a sample workbook: what a
 * run, a live re-check, another workbook and a selection keep and what they drop.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BrowserHost } from '../../src/taskpane/hosts/browser-host';
import { HostError, type CheckOutcome } from '../../src/taskpane/hosts/workbook-host';
import { checkReducer, initialCheckState, type CheckAction, type CheckState } from '../../src/taskpane/hooks/check-state';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');

function open(name: string): BrowserHost {
  return new BrowserHost(new Uint8Array(fs.readFileSync(path.join(SAMPLES, name))), name);
}

const apply = (s: CheckState, ...actions: CheckAction[]) => actions.reduce(checkReducer, s);
const failure = new HostError('no-table', { zh: '找不到可识别的表格', en: 'No table found' });

describe('check section state', () => {
  const host = open('sqc-2025-有问题.xlsx');
  let outcome: CheckOutcome;
  let later: CheckOutcome;

  beforeAll(async () => {
    outcome = await host.check({ lang: 'zh', asOf: '2025-03-01' });
    later = await host.check({ lang: 'zh', asOf: '2025-06-30' });
  });

  it('runs a check: busy with messages cleared, then the result with nothing selected, then one more check done', () => {
    const f = outcome.result.findings[0];
    let s = apply(
      initialCheckState(host, undefined),
      { type: 'select', index: 0, cell: { sheet: f.sheet, row: f.row, col: f.col } },
      { type: 'error', error: failure },
      { type: 'notice', notice: { intent: 'error', text: '无法选中单元格' } },
      { type: 'run-started' },
    );
    expect(s).toMatchObject({ busy: true, error: undefined, notice: undefined, progress: undefined, checks: 0 });
    s = apply(s, { type: 'run-progress', progress: { phase: 'read', done: 1, total: 1 } }, { type: 'run-succeeded', outcome });
    expect(s.outcome).toBe(outcome);
    expect([s.selected, s.selectedCell, s.busy]).toEqual([undefined, undefined, true]);
    s = apply(s, { type: 'run-ended' });
    expect(s).toMatchObject({ busy: false, progress: undefined, checks: 1 });
  });

  it('a failed run drops the old result, shows why, and still counts as a check', () => {
    const s = apply(
      initialCheckState(host, undefined),
      { type: 'run-started' },
      { type: 'run-succeeded', outcome },
      { type: 'run-ended' },
      { type: 'run-started' },
      { type: 'run-failed', error: failure },
      { type: 'run-ended' },
    );
    expect(s.outcome).toBeUndefined();
    expect(s.error?.localized.zh).toBe('找不到可识别的表格');
    expect(s.checks).toBe(2);
  });

  it('a live re-check keeps the highlighted cell, drops the list selection and a background error', () => {
    const f = outcome.result.findings[1];
    const cell = { sheet: f.sheet, row: f.row, col: f.col };
    const s = apply(
      initialCheckState(host, undefined),
      { type: 'run-succeeded', outcome },
      { type: 'select', index: 1, cell },
      { type: 'error', error: failure },
      { type: 'live-result', outcome: later },
    );
    expect(s.outcome).toBe(later);
    expect(s.selected).toBeUndefined();
    expect(s.selectedCell).toEqual(cell);
    expect(s.error).toBeUndefined();
  });

  it('another workbook starts afresh, keeping the date, the ticked materials and the check count', () => {
    const other = open('sh-craftsman-2024-有问题.xlsx');
    const s = apply(
      initialCheckState(host, '2025-03-01'),
      { type: 'programme', programId: 'sqc-2024' },
      { type: 'run-succeeded', outcome },
      { type: 'run-ended' },
      { type: 'select', index: 0, cell: { sheet: '推荐汇总表', row: 3, col: 2 } },
      { type: 'tick', key: 'sqc-2025:photo', on: true },
      { type: 'workbook-opened', workbook: other },
    );
    expect(s.workbook).toBe(other);
    expect([s.programId, s.outcome, s.selected, s.selectedCell]).toEqual([undefined, undefined, undefined, undefined]);
    expect(s.asOf).toBe('2025-03-01');
    expect(s.ticked).toEqual({ 'sqc-2025:photo': true });
    expect(s.checks).toBe(1);
  });

  it('a selection switches to the preview tab only when asked to (a narrow page)', () => {
    const cell = { sheet: '推荐汇总表', row: 4, col: 1 };
    const wide = apply(initialCheckState(host, undefined), { type: 'tab', tab: 'checklist' }, { type: 'select', cell });
    expect([wide.tab, wide.selectedCell]).toEqual(['checklist', cell]);
    const narrow = apply(wide, { type: 'select', index: 2, cell, tab: 'preview' });
    expect([narrow.tab, narrow.selected]).toEqual(['preview', 2]);
  });
});

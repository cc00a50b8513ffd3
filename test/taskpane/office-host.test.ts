/**
 * The task pane's Office host over a mocked Office.js adapter: requests are passed through inside Excel.run,
 * outcomes converted, adapter errors turned into the pane's messages, live checking started and stopped.
 */
jest.mock('../../src/adapters/office/index', () => {
  const live = { start: jest.fn(async () => undefined), stop: jest.fn(async () => undefined), args: [] as unknown[] };
  return {
    checkWorkbook: jest.fn(),
    readWorkbookGrid: jest.fn(),
    selectCell: jest.fn(async () => undefined),
    clearMarks: jest.fn(async () => ({ restored: 1 })),
    applyInputRules: jest.fn(async () => ({ columns: 3 })),
    setupPrinting: jest.fn(async () => undefined),
    addMergedAreas: jest.fn(async (_context: unknown, grid: unknown) => grid),
    canInsertSheets: jest.fn(() => true),
    canCreateWorkbook: jest.fn(() => false),
    insertKeepsCharts: jest.fn(() => false),
    insertWorkbookSheets: jest.fn(async () => ({ ids: ['a', 'b'], names: ['书面初评·结果汇总', '书面初评·评分明细'] })),
    createWorkbookFromBytes: jest.fn(async () => {
      throw new Error('RichApi.Error: blocked');
    }),
    __live: live,
    LiveChecker: jest.fn().mockImplementation((...args: unknown[]) => {
      live.args = args;
      return live;
    }),
  };
});

import * as adapter from '../../src/adapters/office/index';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { CheckError } from '../../src/core/check/failures';
import { validateWorkbook } from '../../src/core/rules/validate-workbook';
import type { WorkbookGrid } from '../../src/core/model/grid';
import { OfficeHost } from '../../src/taskpane/hosts/office-host';
import { isHostError } from '../../src/taskpane/hosts/workbook-host';

const mocked = adapter as unknown as Record<string, jest.Mock> & { __live: { start: jest.Mock; stop: jest.Mock; args: unknown[] } };
const CONTEXT = { sync: jest.fn() };

const GRID: WorkbookGrid = {
  sheets: [
    {
      name: '推荐汇总表',
      merges: [],
      rows: [
        ['第三届（2025年度）“上海质量工匠”培养选树推荐汇总表'],
        ['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'],
        [1, '甲公司', '张三', '车工', '技师'],
      ],
    },
  ],
};

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = { run: jest.fn(async (fn: (c: unknown) => Promise<unknown>) => fn(CONTEXT)) };
});

function adapterOutcome() {
  const profile = builtinProfile('sqc-2025')!;
  const result = validateWorkbook(GRID, profile, { asOf: { y: 2025, m: 3, d: 1 } });
  return { result, profile, how: 'title' as const, evidence: '第三届（2025年度）“上海质量工匠”培养选树推荐汇总表', grid: GRID };
}

describe('OfficeHost', () => {
  it('checks through the adapter and passes the outcome on', async () => {
    mocked.checkWorkbook.mockResolvedValueOnce(adapterOutcome());
    const progress = jest.fn();
    const o = await new OfficeHost().check({ lang: 'en', asOf: '2025-03-01', writeResultsSheet: true, onProgress: progress });
    expect(mocked.checkWorkbook).toHaveBeenCalledWith(CONTEXT, { programId: undefined, asOf: '2025-03-01', lang: 'en', resultsSheet: true, onProgress: progress });
    expect(o.how).toBe('title');
    expect(o.evidence).toMatch(/上海质量工匠/);
    expect(o.result.recognized.map((t) => t.kind)).toEqual(['summary']);

    mocked.checkWorkbook.mockResolvedValueOnce({ ...adapterOutcome(), how: 'chosen', evidence: undefined });
    expect((await new OfficeHost().check({ lang: 'zh', programId: 'sqc-2025' })).how).toBe('chosen');
  });

  it('shows the adapter’s own message when nothing can be checked', async () => {
    const failure = new CheckError({ code: 'no-table', profile: builtinProfile('sqc-2025')! });
    mocked.checkWorkbook.mockRejectedValueOnce(failure);
    const e = await new OfficeHost().check({ lang: 'zh' }).catch((x: unknown) => x);
    expect(isHostError(e) && e.kind).toBe('no-table');
    expect(isHostError(e) && e.localized.zh).toBe(failure.localized.zh);
    expect(failure.localized.zh).toMatch(/^没有找到“上海质量工匠 2025”的表格/);

    mocked.checkWorkbook.mockRejectedValueOnce(new Error('RichApi.Error: boom'));
    const f = await new OfficeHost().check({ lang: 'zh' }).catch((x: unknown) => x);
    expect(isHostError(f) && f.kind).toBe('failed');
    expect(isHostError(f) && f.localized.zh).toMatch(/boom/);
  });

  it('tells the programme from the titles before any check', async () => {
    mocked.readWorkbookGrid.mockResolvedValueOnce(GRID);
    const d = await new OfficeHost().detect();
    expect(mocked.readWorkbookGrid).toHaveBeenCalledWith(CONTEXT);
    expect(d?.profile.id).toBe('sqc-2025');
    expect(d?.how).toBe('title');
  });

  it('selects cells and runs the toolbar actions on the recognised tables', async () => {
    const host = new OfficeHost();
    const o = await (async () => {
      mocked.checkWorkbook.mockResolvedValueOnce(adapterOutcome());
      return host.check({ lang: 'zh' });
    })();
    await host.reveal({ sheet: '推荐汇总表', row: 2, col: 2, cell: 'C3', rule: 'x', severity: 'error', message: { zh: '', en: '' } });
    expect(mocked.selectCell).toHaveBeenCalledWith(CONTEXT, '推荐汇总表', 'C3');
    await host.clearMarks();
    expect(mocked.clearMarks).toHaveBeenCalledWith(CONTEXT);
    await host.applyInputRules(o);
    expect(mocked.applyInputRules).toHaveBeenCalledWith(CONTEXT, o.result.recognized);
    await host.setupPrinting(o, 'zh');
    expect(mocked.setupPrinting).toHaveBeenCalledWith(CONTEXT, o.result.recognized[0], o.profile, 'zh');
  });

  it('starts live checking from the outcome and stops it', async () => {
    mocked.checkWorkbook.mockResolvedValueOnce(adapterOutcome());
    const host = new OfficeHost();
    const o = await host.check({ lang: 'zh' });
    const onResult = jest.fn();
    const stop = host.startLive(o, { lang: 'zh', writeResultsSheet: false }, onResult, jest.fn());
    expect(mocked.__live.start).toHaveBeenCalled();
    const [, state, cb] = mocked.__live.args as [unknown, { asOf: unknown; profile: { id: string }; resultsSheet: boolean }, (r: unknown) => void];
    expect(state.asOf).toEqual({ y: 2025, m: 3, d: 1 });
    expect(state.profile.id).toBe('sqc-2025');
    cb(o.result);
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ result: o.result, profile: o.profile }));
    await stop();
    expect(mocked.__live.stop).toHaveBeenCalled();
  });

  it('gives scoring and cultivation the open workbook as read now, and puts workbooks into Excel', async () => {
    const host = new OfficeHost();
    mocked.readWorkbookGrid.mockResolvedValueOnce(GRID);
    await expect(host.source()).resolves.toEqual({ name: '当前工作簿', grid: GRID });
    expect(mocked.readWorkbookGrid).toHaveBeenLastCalledWith(CONTEXT);
    expect(mocked.addMergedAreas).toHaveBeenLastCalledWith(CONTEXT, GRID);

    expect(host.canInsertSheets()).toBe(true);
    expect(host.canOpenWorkbook()).toBe(false);
    expect(host.insertKeepsCharts()).toBe(false);
    const bytes = new Uint8Array([1, 2, 3]);
    const opts = { sheetNames: ['结果汇总', '评分明细'], sheetNamePrefix: '书面初评·' };
    await expect(host.insertSheets(bytes, opts)).resolves.toEqual(['书面初评·结果汇总', '书面初评·评分明细']);
    expect(mocked.insertWorkbookSheets).toHaveBeenCalledWith(CONTEXT, bytes, opts);

    const e = await host.openWorkbook(bytes).catch((x: unknown) => x);
    expect(isHostError(e) && e.localized.zh).toMatch(/blocked/);
  });
});

/**
 * The task pane's Office host over the strict Office simulation (test/adapters/office/sim): requests pass through
 * Excel.run, outcomes come back with what could not be done in words, Excel's errors become the pane's messages
 * (with their debugInfo logged), live checking starts and stops, and the workbook is read for scoring with its
 * merged cells. Every action on every Excel is in test/adapters/office/compat-matrix.test.ts.
 */
import ExcelJS from 'exceljs';
import { readWorkbookBytes } from '../../src/adapters/files/read-workbook';
import { OfficeHost } from '../../src/taskpane/hosts/office-host';
import { withOwnProgramme } from '../../src/taskpane/hosts/file-outcomes';
import { checkWorkbook, type GridChecker } from '../../src/core/check/check-workbook';
import { HostError, isHostError, type CheckOutcome } from '../../src/taskpane/hosts/workbook-host';
import { fileFailure } from '../../src/taskpane/worker/check-messages';
import { saveBytes } from '../../src/taskpane/download';
import { ExcelSim } from '../adapters/office/sim';
import { sampleGrid, simFromGrid } from '../adapters/office/helpers';

const reader = (bytes: Uint8Array) => readWorkbookBytes(bytes, { name: 'workbook.xlsx' });
let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
});

async function open(api = 17, platform: 'PC' | 'Mac' | 'OfficeOnline' = 'PC') {
  const sim = simFromGrid(await sampleGrid(), { api, platform });
  undo = sim.install();
  return { sim, host: new OfficeHost(reader) };
}

describe('OfficeHost', () => {
  it('checks without writing by default, and marks only when asked', async () => {
    const { sim, host } = await open();
    const before = sim.wb.snapshot();
    const o = await host.check({ lang: 'en', asOf: '2025-03-01' });
    expect(o.how).toBe('title');
    expect(o.evidence).toMatch(/上海质量工匠/);
    expect(o.result.recognized.map((t) => t.kind).sort()).toEqual(['details', 'summary']);
    expect(o.notes).toBeUndefined();
    expect(sim.wb.snapshot()).toEqual(before);

    const marked = await host.check({ lang: 'zh', programId: 'sqc-2025', markCells: true });
    expect(marked.how).toBe('chosen');
    const f = marked.result.findings[0];
    expect(sim.wb.sheet(f.sheet).shownFill(f.cell)).not.toBe('none');
    expect(await host.clearMarks()).toBeUndefined();
    expect(sim.wb.snapshot()).toEqual(before);
  });

  it('with a checker elsewhere (the pane’s worker), marks what it answers: the same findings and marks as on the pane', async () => {
    // The worker's boundary as the pane meets it: the grid and the outcome are structured-cloned both ways.
    const calls: number[] = [];
    const elsewhere: GridChecker = async (grid, req) => {
      calls.push(grid.sheets.length);
      return withOwnProgramme(structuredClone(checkWorkbook(structuredClone(grid), structuredClone(req))));
    };
    const { sim } = await open();
    const before = sim.wb.snapshot();
    const onPane = await new OfficeHost(reader).check({ lang: 'zh', asOf: '2025-03-01', markCells: true });
    const marksOnPane = sim.wb.snapshot();
    await new OfficeHost(reader).clearMarks();
    expect(sim.wb.snapshot()).toEqual(before);

    const viaWorker = await new OfficeHost(reader, elsewhere).check({ lang: 'zh', asOf: '2025-03-01', markCells: true });
    expect(calls).toEqual([onPane.grid.sheets.length]);
    expect(viaWorker.result.findings).toEqual(onPane.result.findings);
    expect(viaWorker.result.findings.length).toBeGreaterThan(0);
    expect(viaWorker.profile).toBe(onPane.profile);
    expect(sim.wb.snapshot()).toEqual(marksOnPane);
  });

  it('with a checker elsewhere, a workbook with no table fails with the same words as on the pane', async () => {
    // What the worker sends for a failure: its kind and words (fileFailure), rebuilt as a HostError by the pane.
    const elsewhere: GridChecker = async (grid, req) => {
      try {
        return checkWorkbook(structuredClone(grid), req);
      } catch (e) {
        const f = fileFailure(e);
        throw new HostError(f.kind, f.localized);
      }
    };
    const sim = simFromGrid({ sheets: [{ name: 'Sheet1', rows: [['购物清单'], ['苹果', 3]], merges: [] }] });
    undo = sim.install();
    const onPane = await new OfficeHost(reader).check({ lang: 'zh' }).catch((e: unknown) => e);
    const viaWorker = await new OfficeHost(reader, elsewhere).check({ lang: 'zh' }).catch((e: unknown) => e);
    expect(isHostError(onPane) && isHostError(viaWorker)).toBe(true);
    const said = (e: unknown) => isHostError(e) && { kind: e.kind, words: e.localized };
    expect(said(viaWorker)).toEqual(said(onPane));
    expect(isHostError(onPane) && onPane.localized.zh).toMatch(/\S/);
  });

  it('says what it could not do: a protected sheet, an Excel that cannot mark', async () => {
    const { sim, host } = await open();
    sim.wb.sheet('申报信息').protection.protected = true;
    const o = await host.check({ lang: 'zh', asOf: '2025-03-01', markCells: true });
    expect(o.notes?.map((n) => n.zh)).toEqual([expect.stringMatching(/^工作表“申报信息”受保护，其中的问题没有标注（仍列在下面）/)]);
    expect(await host.clearMarks()).toBeUndefined();

    undo?.();
    const old = await open(7);
    const n = await old.host.check({ lang: 'en', asOf: '2025-03-01', markCells: true });
    expect(n.notes?.[0].en).toMatch(/This Excel cannot mark cells \(it needs ExcelApi 1\.9/);
    expect(old.host.capabilities()).toMatchObject({ mark: false, inputRules: false, printing: false, live: false, writesClearUndo: true });
    expect(old.host.capabilities().limits.map((l) => l.zh).join('\n')).toMatch(/“在单元格上标注”、“写入校验结果表”、“打印设置”、“修改后自动复查”需要 ExcelApi 1\.9/);
  });

  it('shows Excel’s errors in words and logs their debugInfo', async () => {
    const { sim, host } = await open(10);
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    sim.host.enterCellEdit();
    const e = await host.check({ lang: 'zh' }).catch((x: unknown) => x);
    expect(isHostError(e) && e.localized.zh).toMatch(/^Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，然后再试一次。（InvalidOperationInCellEditMode）/);
    expect(log.mock.calls.some((c) => String(c[0]).includes('check') && String(c[1]).includes('"code":"InvalidOperationInCellEditMode"'))).toBe(true);
    sim.host.exitCellEdit();
    log.mockRestore();
  });

  it('waits for the user to leave a cell on Excel that can (ExcelApi 1.11+)', async () => {
    const { sim, host } = await open(14);
    sim.host.enterCellEdit();
    const pending = host.check({ lang: 'zh', asOf: '2025-03-01' });
    setTimeout(() => sim.host.exitCellEdit(), 20);
    await expect(pending).resolves.toMatchObject({ how: 'title' });
  });

  it('tells the programme from the titles before any check, without reading merged cells', async () => {
    const { sim, host } = await open();
    const d = await host.detect();
    expect(d?.profile.id).toBe('sqc-2025');
    expect(d?.how).toBe('title');
    expect(sim.host.syncs.flatMap((s) => s.ops).some((o) => o.includes('getMergedAreas'))).toBe(false);
  });

  it('selects cells and runs the toolbar actions on the recognised tables', async () => {
    const { sim, host } = await open();
    const o = await host.check({ lang: 'zh', asOf: '2025-03-01' });
    await host.reveal({ sheet: '推荐汇总表', row: 2, col: 2, cell: 'C3', rule: 'x', severity: 'error', message: { zh: '', en: '' } });
    expect(sim.wb.sheet('推荐汇总表').selected).toBe('C3');
    expect(sim.wb.sheet('推荐汇总表').activated).toBe(true);
    await host.applyInputRules(o);
    expect(sim.wb.sheet('申报信息').validations.length).toBeGreaterThan(3);
    await host.setupPrinting(o, 'zh');
    expect(sim.wb.sheet('推荐汇总表').pageLayout.orientation).toBe('Landscape');
  });

  it('starts live checking from the outcome (pane only by default) and stops it', async () => {
    const { sim, host } = await open();
    const o = await host.check({ lang: 'zh', asOf: '2025-03-01' });
    const results: CheckOutcome[] = [];
    const stop = host.startLive(o, { lang: 'zh' }, (r) => results.push(r), (e) => {
      throw e;
    });
    await sim.settle();
    await new Promise((r) => setTimeout(r, 20));
    const f = o.result.findings.find((x) => x.rule.startsWith('phone.'))!;
    sim.wb.edit(f.sheet, f.cell, '13812345678');
    await sim.settle();
    await new Promise((r) => setTimeout(r, 800));
    await stop();
    expect(results).toHaveLength(1);
    expect(results[0].result.findings).toHaveLength(o.result.findings.length - 1);
    expect(results[0].profile).toBe(o.profile);
    expect(sim.host.undoClears).toEqual([]);
    expect(sim.host.handlers).toEqual([]);
  }, 20_000);

  it('gives scoring and cultivation the open workbook as read now, and puts workbooks into Excel', async () => {
    const { sim, host } = await open(14);
    const src = await host.source();
    expect(src.name).toBe('当前工作簿');
    expect(src.grid?.sheets.map((s) => s.name)).toEqual(['推荐汇总表', '申报信息']);
    expect(host.canInsertSheets()).toBe(true);
    expect(host.canOpenWorkbook()).toBe(true);
    expect(host.insertKeepsCharts()).toBe(true);
    const x = new ExcelJS.Workbook();
    x.addWorksheet('结果汇总').getCell('A1').value = 1;
    x.addWorksheet('评分明细').getCell('A1').value = 2;
    const bytes = new Uint8Array((await x.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(host.insertSheets(bytes, { sheetNames: ['结果汇总', '评分明细'], sheetNamePrefix: '书面初评·' })).resolves.toEqual(['书面初评·结果汇总', '书面初评·评分明细']);
    await host.openWorkbook(bytes);
    expect(sim.created).toHaveLength(1);
  });

  it('on Excel for Mac never pretends to have downloaded a file', async () => {
    const { sim } = await open(17, 'Mac');
    expect(sim.host.config.platform).toBe('Mac');
    const e = (() => {
      try {
        saveBytes(new Uint8Array([1, 2, 3]), '评分表.zip');
      } catch (x) {
        return x;
      }
    })();
    expect(isHostError(e) && e.localized.zh).toMatch(/^Mac 版 Excel 的加载项窗格不能下载文件（微软已知的限制），“评分表\.zip”没有保存。请在 Safari 或 Chrome 中打开匠选网页版/);
    const x = (() => {
      try {
        saveBytes(new Uint8Array([1]), '培育跟踪2026.xlsx');
      } catch (y) {
        return y;
      }
    })();
    expect(isHostError(x) && x.localized.zh).toContain('请改用“写入当前工作簿”或“在 Excel 中打开”');
  });
});

describe('ExcelSim globals', () => {
  it('answer isSetSupported for the simulated version only', () => {
    const sim = new ExcelSim({ api: 10 });
    expect(sim.isSetSupported('ExcelApi', '1.10')).toBe(true);
    expect(sim.isSetSupported('ExcelApi', '1.11')).toBe(false);
  });
});

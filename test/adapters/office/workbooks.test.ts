/// <reference types="office-js" />
/**
 * Workbooks written by the exceljs adapter put into Excel: the sheets of a result workbook inserted into the open
 * workbook (renamed when taken or prefixed) in a constant 3 syncs, a new workbook opened from bytes, and the
 * requirement-set checks the pane uses to fall back to a download.
 */
import ExcelJS from 'exceljs';
import { bytesToBase64, canCreateWorkbook, canInsertSheets, createWorkbookFromBytes, insertWorkbookSheets, safeSheetName } from '../../../src/adapters/office';
import { ExcelSim, xlsxSheets } from './sim';

async function workbook(names: string[], hidden: string[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const n of names) {
    const ws = wb.addWorksheet(n);
    ws.getCell('A1').value = n;
    if (hidden.includes(n)) ws.state = 'veryHidden';
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const RESULT = ['结果汇总', '评分明细', '总分矩阵', '专家分析', '问题清单', '文件清单', '分数分布', '进度'];

describe('insertWorkbookSheets', () => {
  it('inserts every sheet at the end in 3 syncs and activates the first', async () => {
    const sim = new ExcelSim({ api: 13 });
    const wb = sim.wb;
    wb.addSheet('推荐汇总表', [['序号', '姓名']]);
    const ctx = sim.context();
    const spy = jest.spyOn(ctx, 'sync');
    const bytes = await workbook(['A', 'B']);
    const out = await insertWorkbookSheets(ctx, bytes);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(out.names).toEqual(['A', 'B']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['推荐汇总表', 'A', 'B']);
    expect(out.ids).toEqual(wb.sheets.slice(1).map((s) => s.id));
    expect(wb.sheet('A').activated).toBe(true);
    expect(sim.host.inserts).toHaveLength(1);
    expect(sim.host.inserts[0].options).toEqual({ positionType: 'End' });
    // Never undoable (Microsoft's list): the pane says so before inserting.
    expect(sim.host.undoClears).toContain('Workbook.insertWorksheetsFromBase64');
  });

  it('inserts only the sheets asked for (a hidden helper left out), prefixed, with taken names numbered, always in 3 syncs', async () => {
    const bytes = await workbook([...RESULT, 'jx_meta'], ['jx_meta']);
    for (const count of [1, RESULT.length]) {
      const sim = new ExcelSim({ api: 14 });
      const wb = sim.wb;
      wb.addSheet('推荐汇总表');
      wb.addSheet('书面初评·结果汇总');
      const ctx = sim.context();
      const spy = jest.spyOn(ctx, 'sync');
      const names = RESULT.slice(0, count);
      const out = await insertWorkbookSheets(ctx, bytes, { sheetNames: names, sheetNamePrefix: '书面初评·' });
      expect(spy).toHaveBeenCalledTimes(3);
      expect(sim.host.inserts[0].sheets).toEqual(names);
      expect(out.names[0]).toBe('书面初评·结果汇总 (2)');
      expect(out.names.slice(1)).toEqual(names.slice(1).map((n) => `书面初评·${n}`));
      expect(wb.sheets.map((s) => s.name)).toEqual(['推荐汇总表', '书面初评·结果汇总', ...out.names]);
      expect(wb.sheets.some((s) => s.name === 'jx_meta')).toBe(false);
    }
  });

  it('a second insert of the same sheets without a prefix numbers them as Excel would', async () => {
    const sim = new ExcelSim({ api: 17 });
    const wb = sim.wb;
    wb.addSheet('Sheet1');
    const bytes = await workbook(['结果汇总', '评分明细']);
    await insertWorkbookSheets(sim.context(), bytes, { sheetNames: ['结果汇总', '评分明细'] });
    const again = await insertWorkbookSheets(sim.context(), bytes, { sheetNames: ['结果汇总', '评分明细'] });
    expect(again.names).toEqual(['结果汇总 (2)', '评分明细 (2)']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', '结果汇总', '评分明细', '结果汇总 (2)', '评分明细 (2)']);
  });

  it('a prefix needs the sheet names (to rename)', async () => {
    const sim = new ExcelSim({ api: 17 });
    await expect(insertWorkbookSheets(sim.context(), await workbook(['A']), { sheetNamePrefix: 'x' })).rejects.toThrow(TypeError);
  });

  it('is refused below ExcelApi 1.13 (the pane asks canInsertSheets() first and downloads instead)', async () => {
    const sim = new ExcelSim({ api: 10 });
    sim.wb.addSheet('Sheet1');
    await sim.with(async () => expect(canInsertSheets()).toBe(false));
    await expect(insertWorkbookSheets(sim.context(), await workbook(['A']))).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(sim.wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('helpers', () => {
  it('encodes bytes as base64 like Node does, also beyond one chunk', async () => {
    const big = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
    const bytes = await workbook(['评分表']);
    expect(xlsxSheets(Buffer.from(bytesToBase64(bytes), 'base64'))).toEqual([{ name: '评分表', state: 'visible' }]);
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('a/b:c?[d]*')).toBe('a_b_c__d__');
    expect(safeSheetName('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三')).toHaveLength(31);
    expect(safeSheetName("'")).toBe('Sheet');
  });

  it('checks the requirement sets (no Office: not supported) and opens a new workbook from bytes', async () => {
    const g = globalThis as Record<string, unknown>;
    expect(canInsertSheets()).toBe(false);
    expect(canCreateWorkbook()).toBe(false);
    const isSetSupported = jest.fn((_set: string, version: string) => version === '1.8');
    const createWorkbook = jest.fn(async () => undefined);
    g.Office = { context: { requirements: { isSetSupported } } };
    g.Excel = { createWorkbook };
    try {
      expect(canInsertSheets()).toBe(false);
      expect(isSetSupported).toHaveBeenCalledWith('ExcelApi', '1.13');
      expect(canCreateWorkbook()).toBe(true);
      const bytes = await workbook(['培育对象清单']);
      await createWorkbookFromBytes(bytes);
      expect(createWorkbook).toHaveBeenCalledWith(Buffer.from(bytes).toString('base64'));
    } finally {
      delete g.Office;
      delete g.Excel;
    }
  });
});

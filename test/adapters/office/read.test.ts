/// <reference types="office-js" />
import { readRows, readWorkbookGrid } from '../../../src/adapters/office';
import { CELLS_PER_BLOCK, MAX_CELLS_PER_READ } from '../../../src/adapters/office/limits';
import { convertCell, isDateFormat, serialToDate } from '../../../src/adapters/office/values';
import { ExcelSim, PAYLOAD_LIMIT as FAKE_PAYLOAD_LIMIT, parseA1 } from './sim';

function table(rows: number, cols = 30): unknown[][] {
  const out: unknown[][] = [Array.from({ length: cols }, (_, c) => `列${c + 1}`)];
  for (let r = 0; r < rows; r++) out.push(Array.from({ length: cols }, (_, c) => (c === 0 ? r + 1 : c % 3 === 0 ? `文本${r}-${c}` : c % 3 === 1 ? r * 10 + c : null)));
  return out;
}

async function countReadSyncs(rows: number): Promise<number> {
  const sim = new ExcelSim({ api: 17 });
  sim.wb.addSheet('推荐汇总表', table(rows));
  sim.wb.addSheet('说明', [['填表说明']]);
  const ctx = sim.context();
  const spy = jest.spyOn(ctx, 'sync');
  const grid = await readWorkbookGrid(ctx);
  expect(grid.sheets[0].rows).toHaveLength(rows + 1);
  return spy.mock.calls.length;
}

describe('readWorkbookGrid: hidden rows', () => {
  it('no hidden row: nothing more is loaded and no list', async () => {
    const sim = new ExcelSim({ api: 17 });
    sim.wb.addSheet('明细', table(5, 3));
    const ctx = sim.context();
    const spy = jest.spyOn(ctx, 'sync');
    const grid = await readWorkbookGrid(ctx);
    expect(grid.sheets[0].hiddenRows).toBeUndefined();
    const plain = spy.mock.calls.length;

    const withHidden = new ExcelSim({ api: 17 });
    withHidden.wb.addSheet('明细', table(5, 3)).hiddenRows.add(2);
    const ctx2 = withHidden.context();
    const spy2 = jest.spyOn(ctx2, 'sync');
    await readWorkbookGrid(ctx2);
    // One sync more, only when some rows are hidden.
    expect(spy2.mock.calls.length).toBe(plain + 1);
  });

  it.each([7, 17])('some rows hidden (ExcelApi 1.%i): listed 0-based from the visible view, for every sheet in one sync', async (api) => {
    const sim = new ExcelSim({ api });
    const a = sim.wb.addSheet('明细', table(6, 3));
    a.hiddenRows.add(2).add(5);
    const b = sim.wb.addSheet('汇总', table(4, 3), { row: 2, col: 1 });
    b.hiddenRows.add(3);
    const all = sim.wb.addSheet('全隐藏', table(1, 2));
    all.hiddenRows.add(0).add(1);
    const grid = await readWorkbookGrid(sim.context());
    expect(grid.sheets.map((s) => s.hiddenRows)).toEqual([[2, 5], [3], [0, 1]]);
  });
});

describe('readWorkbookGrid: hidden rows of a very long sheet', () => {
  it('reads the visible view in as many requests as the payload demands, each response under 5 MB', async () => {
    const sim = new ExcelSim({ api: 17 });
    const s = sim.wb.addSheet('推荐汇总表（全部单位）');
    s.generator = { top: 0, left: 0, rows: 120_000, cols: 2, value: (r, c) => r * 2 + c };
    s.hiddenRows.add(5).add(100_000);
    sim.wb.addSheet('说明', [['填表说明'], ['隐藏的行']]).hiddenRows.add(1);
    const grid = await readWorkbookGrid(sim.context(), undefined, { merges: false });
    expect(grid.sheets.map((x) => x.hiddenRows)).toEqual([[5, 100_000], [1]]);
    expect(sim.host.syncs.every((x) => !x.failed && x.responseBytes <= FAKE_PAYLOAD_LIMIT)).toBe(true);
  });
});

describe('readWorkbookGrid', () => {
  it('converts values faithfully; a used range below/right of A1 lands at its place in the bounded grid', async () => {
    const sim = new ExcelSim({ api: 17 });
    const wb = sim.wb;
    const s = wb.addSheet('推荐汇总表', [], { row: 0, col: 0 });
    s.set('C3', '姓名');
    s.set('D3', '身份证号');
    s.set('E3', '出生日期');
    s.set('F3', '得分');
    s.set('C4', '张三');
    s.set('D4', 110105194912310000); // an ID typed as a number: Excel kept 15 digits
    s.set('E4', 18264, { numberFormat: 'yyyy"年"m"月"d"日"' }); // 1950-01-01
    s.set('F4', '#DIV/0!', { type: 'Error' });
    s.set('G4', true);
    s.set('H4', 0.5, { numberFormat: 'h:mm' }); // a time: stays a number
    s.set('I4', 42, { numberFormat: '0.00' });
    s.set('J4', '#N/A'); // text that looks like an error
    const hidden = wb.addSheet('隐藏表', [['x']]);
    hidden.visibility = 'Hidden';
    wb.addSheet('空表');

    const grid = await readWorkbookGrid(sim.context());
    expect(grid.sheets.map((x) => x.name)).toEqual(['推荐汇总表', '隐藏表', '空表']);
    const rows = grid.sheets[0].rows;
    expect(rows).toHaveLength(4); // rows 1-2 are holes (core/model/grid.ts)
    expect(rows[0]).toBeUndefined();
    expect(rows[1]).toBeUndefined();
    expect(rows[2]).toEqual([null, null, '姓名', '身份证号', '出生日期', '得分']);
    const r = rows[3];
    expect(r).toHaveLength(10); // A..J
    expect(r[2]).toBe('张三');
    expect(r[3]).toBe(110105194912310000);
    expect(typeof r[3]).toBe('number');
    expect(r[4]).toEqual(new Date(Date.UTC(1950, 0, 1)));
    expect(r[5]).toEqual({ error: '#DIV/0!' });
    expect(r[6]).toBe(true);
    expect(r[7]).toBe(0.5);
    expect(r[8]).toBe(42);
    expect(r[9]).toBe('#N/A');
    expect(grid.sheets[0].merges).toEqual([]);
    expect(grid.sheets[0].hidden).toBeUndefined();
    expect(grid.sheets[1].hidden).toBe(true);
    expect(grid.sheets[2].rows).toEqual([]);
  });

  it('uses the same number of syncs for 10 rows and for 5,000 rows', async () => {
    const small = await countReadSyncs(10);
    const big = await countReadSyncs(5000);
    // Sheets and setting, used ranges, values, merged areas (ExcelApi 1.13).
    expect(small).toBe(4);
    expect(big).toBe(small);
  });

  it('reads a 200,000 × 30 sheet in blocks within the cell budget, each request under 5 MB', async () => {
    const sim = new ExcelSim({ api: 17 });
    const s = sim.wb.addSheet('大表');
    s.generator = { top: 0, left: 0, rows: 200_000, cols: 30, value: (r, c) => r * 30 + c };
    const ctx = sim.context();
    const spy = jest.spyOn(ctx, 'sync');
    const progress: number[] = [];
    const grid = await readWorkbookGrid(ctx, (p) => p.phase === 'values' && progress.push(p.done), { merges: false });
    const wb = sim.host;

    const blocks = wb.valueReads.map((a) => parseA1(a.split('!')[1])!);
    let next = 0;
    for (const b of blocks) {
      const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
      expect(cells).toBeLessThanOrEqual(CELLS_PER_BLOCK);
      expect(cells).toBeLessThanOrEqual(MAX_CELLS_PER_READ);
      expect(b.top).toBe(next); // every row exactly once, in order
      expect(b.left).toBe(0);
      expect(b.right).toBe(29);
      next = b.bottom + 1;
    }
    expect(next).toBe(200_000);
    expect(wb.syncs.every((x) => !x.failed && x.responseBytes <= FAKE_PAYLOAD_LIMIT && x.requestBytes <= FAKE_PAYLOAD_LIMIT)).toBe(true);
    // 2 metadata syncs + one per block: no more requests than the payload demands.
    const totalBytes = wb.syncs.reduce((n, x) => n + x.responseBytes, 0);
    expect(spy.mock.calls.length).toBe(2 + blocks.length);
    expect(blocks.length).toBeLessThanOrEqual(Math.ceil(totalBytes / (FAKE_PAYLOAD_LIMIT * 0.6)));
    expect(progress[progress.length - 1]).toBe(6_000_000);
    expect(grid.sheets[0].rows).toHaveLength(200_000);
    expect(grid.sheets[0].rows[199_999][29]).toBe(199_999 * 30 + 29);
    expect(grid.sheets[0].rows[123_456][7]).toBe(123_456 * 30 + 7);
  }, 120_000);

  it('a used range reaching XFD1048576 reads only the areas holding values (one more sync), never 17 billion cells', async () => {
    const sim = new ExcelSim({ api: 17 });
    const s = sim.wb.addSheet('推荐汇总表', table(20, 10));
    s.set('XFD1048576', '角落');
    const ctx = sim.context();
    const spy = jest.spyOn(ctx, 'sync');
    const grid = await readWorkbookGrid(ctx, undefined, { merges: false });
    const rows = grid.sheets[0].rows;
    expect(rows).toHaveLength(1_048_576);
    expect(rows[1_048_575][16_383]).toBe('角落');
    expect(rows[1_048_575]).toHaveLength(16_384);
    expect(rows[5][0]).toBe(5);
    expect(rows.filter(Boolean)).toHaveLength(22); // header, 20 rows, the corner
    const cellsRead = sim.host.valueReads.map((a) => parseA1(a.split('!')[1])!).reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
    expect(cellsRead).toBeLessThan(1000);
    // Sheets and setting, used ranges, the areas holding values, the values.
    expect(spy.mock.calls.length).toBe(4);
  });

  it('stops with 「表格过大」 naming the sheet when the values themselves are over the budget, or the Excel cannot list them', async () => {
    const make = (api: number) => {
      const sim = new ExcelSim({ api });
      sim.wb.addSheet('推荐汇总表', table(20, 10));
      const big = sim.wb.addSheet('大表');
      big.generator = { top: 0, left: 0, rows: 2000, cols: 30, value: (r, c) => r + c };
      big.set('XFD1048576', 1);
      return sim;
    };
    const tooLarge = { failure: { code: 'too-large', sheet: '大表', reason: 'cells', limit: 50_000 }, localized: { zh: expect.stringMatching(/^表格过大：工作表“大表”/) } };
    await expect(readWorkbookGrid(make(17).context(), undefined, { merges: false, budget: 50_000 })).rejects.toMatchObject(tooLarge);
    // ExcelApi 1.8 cannot list the areas holding values (getSpecialCells is 1.9): said the same way, before asking.
    const old = make(8);
    await expect(old.with(() => readWorkbookGrid(old.context(), undefined, { merges: false, budget: 50_000 }))).rejects.toMatchObject(tooLarge);
  });

  it.each([
    ['its own code', 'specific', 'ResponsePayloadSizeLimitExceeded'],
    ['GeneralException (Excel on the web)', 'GeneralException', 'GeneralException'],
  ] as const)('splits a read Excel rejects as too large, reported as %s, and still reads everything', async (_label, payloadErrors, code) => {
    const sim = new ExcelSim({ api: 17, payloadErrors, platform: payloadErrors === 'GeneralException' ? 'OfficeOnline' : 'PC' });
    const long = '事'.repeat(900);
    const rows = Array.from({ length: 2500 }, (_, r) => [r + 1, `${r}${long}`, `${r}${long}`]);
    sim.wb.addSheet('申报信息', rows);
    const grid = await readWorkbookGrid(sim.context());
    expect(sim.host.syncs.some((x) => x.failed === code)).toBe(true);
    expect(sim.host.syncs.filter((x) => !x.failed).every((x) => x.responseBytes <= FAKE_PAYLOAD_LIMIT)).toBe(true);
    expect(grid.sheets[0].rows).toHaveLength(2500);
    expect(grid.sheets[0].rows[2499][1]).toBe(`2499${long}`);
    expect(grid.sheets[0].rows[0][0]).toBe(1);
  });

  it('a GeneralException that is not about size is reported, not retried forever', async () => {
    const sim = new ExcelSim({ api: 17 });
    sim.wb.addSheet('表', table(20, 3));
    const ctx = sim.context();
    const real = ctx.sync.bind(ctx);
    let n = 0;
    jest.spyOn(ctx, 'sync').mockImplementation(async () => {
      if (++n >= 3) throw Object.assign(new Error('internal'), { code: 'GeneralException' });
      return real();
    });
    await expect(readWorkbookGrid(ctx)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(n).toBeLessThan(3 + 2 * 6); // split down to single rows of 21, then given up
  });

  it('leaves out the results sheet named in its setting, and the state sheet of the first versions', async () => {
    const sim = new ExcelSim({ api: 17 });
    sim.wb.addSheet('推荐汇总表', [['序号', '姓名']]);
    sim.wb.addSheet('_jiangxuan_marks', [[JSON.stringify({ app: 'jiangxuan', v: 1 })]]).visibility = 'VeryHidden';
    sim.wb.addSheet('我的结果', [['匠选校验结果']]);
    sim.wb.addSheet('校验结果', [['这是用户自己的表']]);
    sim.wb.settings.set('jiangxuan', JSON.stringify({ v: 2, results: '我的结果' }));
    const grid = await readWorkbookGrid(sim.context());
    expect(grid.sheets.map((s) => s.name)).toEqual(['推荐汇总表', '校验结果']);
  });
});

describe('readRows', () => {
  it('reads only the requested rows, consecutive rows in one block, in one sync', async () => {
    const sim = new ExcelSim({ api: 17 });
    sim.wb.addSheet('表', table(100, 5));
    const ctx = sim.context();
    const spy = jest.spyOn(ctx, 'sync');
    const got = await readRows(ctx, '表', [7, 3, 4, 5, 50], 6);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(sim.host.valueReads).toEqual(['表!A4:F6', '表!A8:F8', '表!A51:F51']);
    expect([...got.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 7, 50]);
    expect(got.get(7)).toHaveLength(6);
    expect(got.get(7)![0]).toBe(7);
    expect(got.get(7)![5]).toBeNull();
  });
});

describe('value conversion', () => {
  it('recognises date formats and not others', () => {
    for (const f of ['yyyy/m/d', 'm/d/yyyy', 'yyyy"年"m"月"d"日"', '[$-804]aaaa', 'd-mmm-yy', 'yyyy-mm-dd hh:mm', '[DBNum1][$-804]yyyy年m月', 'mmm-yy', 'yyyy;@']) {
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    }
    for (const f of ['General', '0', '0.00', '#,##0', '@', 'h:mm', 'mm:ss', '[h]:mm:ss', '0.00E+00', '"元"0', '¥#,##0;[Red]¥-#,##0', '_ * #,##0_ ;_ * -#,##0_ ']) {
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    }
  });

  it('turns serials into UTC dates (1900 system)', () => {
    expect(serialToDate(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(serialToDate(59)).toEqual(new Date(Date.UTC(1900, 1, 28)));
    expect(serialToDate(61)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    expect(serialToDate(45658)).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(serialToDate(45658.5)).toEqual(new Date(Date.UTC(2025, 0, 1, 12)));
    expect(serialToDate(-1)).toBeUndefined();
    expect(convertCell(45658, 'Integer', 'yyyy/m/d')).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(convertCell(1e10, 'Double', 'yyyy/m/d')).toBe(1e10);
    expect(convertCell('', 'Empty', 'General')).toBeNull();
    expect(convertCell('#REF!', 'Error', 'General')).toEqual({ error: '#REF!' });
  });
});

import * as path from 'node:path';
import { checkWorkbook, readWorkbookGrid, readWorkbookGridInSteps, STATE_SHEET, STEP_BLOCK_CELLS } from '../../../src/adapters/wps';
import { readWorkbookFile } from '../../support/read-file';
import type { CellValue, WorkbookGrid } from '../../../src/core/model/grid';
import { cvErr, FakeWorkbook, MAX_COLS, MAX_ROWS } from './fake-et';

const SAMPLES = path.join(__dirname, '../../../samples');

/** Trailing empty cells and rows do not change what a sheet says. */
function trimmed(grid: WorkbookGrid) {
  return grid.sheets.map((s) => {
    const rows = s.rows.map((r) => {
      const row = [...(r ?? [])];
      while (row.length && (row[row.length - 1] === null || row[row.length - 1] === undefined)) row.pop();
      return row;
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return { name: s.name, hidden: !!s.hidden, rows, merges: s.merges };
  });
}

describe('readWorkbookGrid (WPS)', () => {
  it('reads values, dates, errors, booleans, offsets, hidden and veryHidden sheets, merges; skips the state sheet', () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('推荐汇总表');
    const put = (r: number, c: number, v: string | number | boolean, fmt?: string) => {
      const cell = s.ensure(r, c);
      cell.v = v;
      if (fmt) cell.fmt = fmt;
    };
    put(2, 2, '姓名');
    put(2, 3, '出生日期');
    put(2, 4, '时间');
    put(2, 5, '是否');
    put(3, 2, '张三');
    put(3, 3, 45292, 'yyyy"年"m"月"d"日"'); // 2024-01-01
    put(3, 4, 0.5, 'h:mm');
    put(3, 5, true);
    put(4, 2, '李四');
    put(4, 3, cvErr('#DIV/0!'));
    put(4, 4, 310101198001011000); // an ID typed as a number stays the number stored
    s.merges = [{ top: 0, left: 0, bottom: 0, right: 5 }];
    put(0, 0, '第三届（2025年度）推荐汇总表');
    wb.addSheet('隐藏', [['x']]).visible = 0;
    wb.addSheet('极隐藏', [['y']]).visible = 2;
    wb.addSheet(STATE_SHEET, [['{"app":"jiangxuan","v":1}']]).visible = 2;

    const grid = readWorkbookGrid(wb.app());
    expect(grid.sheets.map((x) => [x.name, !!x.hidden])).toEqual([
      ['推荐汇总表', false],
      ['隐藏', true],
      ['极隐藏', true],
    ]);
    const rows = grid.sheets[0].rows;
    expect(rows[0][0]).toBe('第三届（2025年度）推荐汇总表');
    // The grid's shape (core/model/grid.ts, issue #10): an empty row is a hole, a row ends at its last value.
    expect(rows[1]).toBeUndefined();
    expect(rows[0]).toEqual(['第三届（2025年度）推荐汇总表']);
    expect(rows[3].slice(2)).toEqual(['张三', new Date(Date.UTC(2024, 0, 1)), 0.5, true]);
    expect(rows[4].slice(2, 5)).toEqual(['李四', { error: '#DIV/0!' }, 310101198001011000]);
    expect(grid.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
  });

  it.each(['sqc-2025-有问题.xlsx', 'sh-craftsman-2024-有问题.xlsx', 'qingpu-2018-正确.xlsx'])('gives the file reader’s grid for %s', async (file) => {
    const fromFile = await readWorkbookFile(path.join(SAMPLES, file));
    const wb = FakeWorkbook.fromGrid(fromFile);
    expect(trimmed(readWorkbookGrid(wb.app()))).toEqual(trimmed(fromFile));
  });

  it.each(['sqc-2025-有问题.xlsx', 'qingpu-2018-正确.xlsx'])('read in steps (the pane), %s gives the same grid as read at once', async (file) => {
    const fromFile = await readWorkbookFile(path.join(SAMPLES, file));
    const wb = FakeWorkbook.fromGrid(fromFile);
    let pauses = 0;
    const stepped = await readWorkbookGridInSteps(wb.app(), { pause: async () => void pauses++, every: 0 });
    expect(stepped).toEqual(readWorkbookGrid(wb.app()));
    expect(pauses).toBeGreaterThan(fromFile.sheets.length);
  });

  it('in steps, a large sheet is read in Value2 blocks with a pause between them, for a few calls more', async () => {
    const rows: CellValue[][] = [['序号', '姓名', '出生日期', '单位', '备注']];
    for (let i = 1; i <= 12_000; i++) rows.push([i, `姓名${i}`, new Date(Date.UTC(1980, 0, 1 + (i % 300))), `单位${i % 7}`, `第${i}行`]);
    const wb = new FakeWorkbook();
    wb.addSheet('申报信息', rows);
    const atOnce = readWorkbookGrid(wb.app());
    const callsAtOnce = wb.calls;
    const blocks = Math.ceil((rows.length * 5) / STEP_BLOCK_CELLS);
    let pauses = 0;
    let cellsAtPause: number[] = [];
    let cells = 0;
    const stepped = await readWorkbookGridInSteps(wb.app(), {
      every: 0,
      pause: async () => {
        pauses++;
        cellsAtPause.push(cells);
      },
      onProgress: (p) => {
        if (p.phase === 'values') cells = p.done;
      },
    });
    expect(stepped).toEqual(atOnce);
    expect(stepped.sheets[0].rows[12_000][2]).toBeInstanceOf(Date);
    // A pause after each block: the pane had its turn before all the values were in.
    cellsAtPause = cellsAtPause.filter((n, i, a) => a.indexOf(n) === i);
    expect(cellsAtPause.length).toBeGreaterThanOrEqual(blocks);
    expect(cellsAtPause[0]).toBeLessThanOrEqual(STEP_BLOCK_CELLS);
    expect(pauses).toBeGreaterThan(blocks);
    // Each further block is two calls (Range, Value2); everything else is asked the same way.
    const callsInSteps = wb.calls - callsAtOnce;
    expect(callsInSteps - callsAtOnce).toBeLessThanOrEqual(2 * (blocks - 1));
  });

  it('lists hidden rows with values (Range.Hidden of whole rows), halving only around them', () => {
    const open = (hide: boolean) => {
      const wb = new FakeWorkbook();
      const s = wb.addSheet('明细', Array.from({ length: 5000 }, (_, i) => [`r${i + 1}`, i]));
      const all = wb.addSheet('全隐藏', [['a'], ['b']]);
      if (hide) {
        [2, 5, 6].forEach((r) => s.hiddenRows.add(r));
        s.hiddenRows.add(6000); // hidden but empty: not part of the grid, as with the file readers
        all.hiddenRows.add(0).add(1);
      }
      return { wb, grid: readWorkbookGrid(wb.app()) };
    };
    const plain = open(false);
    expect(plain.grid.sheets.map((x) => x.hiddenRows)).toEqual([undefined, undefined]);
    const hidden = open(true);
    expect(hidden.grid.sheets.map((x) => x.hiddenRows)).toEqual([[2, 5, 6], [0, 1]]);
    // 5,000 rows, three hidden: about two dozen questions more, not one per row.
    expect(hidden.wb.calls - plain.wb.calls).toBeLessThan(100);
  });

  it('a workbook with hidden rows: checked like the file, the comment on the hidden row’s cell says the row is hidden', async () => {
    const fromFile = await readWorkbookFile(path.join(__dirname, '../../fixtures/real/layouts/sqc-2025-隐藏行.xlsx'));
    const wb = FakeWorkbook.fromGrid(fromFile);
    const out = checkWorkbook(wb.app(), { lang: 'zh', asOf: '2025-03-01', today: { y: 2026, m: 12, d: 1 } });
    expect(out.grid.sheets.map((x) => x.hiddenRows)).toEqual(fromFile.sheets.map((x) => x.hiddenRows));
    const id = out.result.findings.find((f) => f.rule === 'id.checksum')!;
    expect(id).toMatchObject({ sheet: '申报信息', cell: 'H5', hidden: 'row' });
    expect(wb.sheet('申报信息').cell(4, 7)?.comment?.text).toContain('（此行已隐藏）');
    expect(out.result.findings.map((f) => f.rule)).toContain('table.hidden-rows');
  });

  it('bounds a used range that runs to XFD1048576 by the data (Range.Find), reading in Value2 blocks', () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('明细', [
      ['姓名', '单位'],
      ['张三', '甲公司'],
    ]);
    s.formattedTo = { bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }; // a fill applied to the whole sheet
    const grid = readWorkbookGrid(wb.app());
    expect(grid.sheets[0].rows).toEqual([
      ['姓名', '单位'],
      ['张三', '甲公司'],
    ]);
    expect(wb.calls).toBeLessThan(60);
  });

  it('costs about the same number of bridge calls for 10 rows and 5,000 rows', () => {
    const calls: number[] = [];
    for (const n of [10, 5000]) {
      const rows: CellValue[][] = [['序号', '姓名', '出生日期', '单位']];
      for (let i = 1; i <= n; i++) rows.push([i, `姓名${i}`, new Date(Date.UTC(1980, 0, 1 + (i % 300))), `单位${i % 7}`]);
      const wb = new FakeWorkbook();
      wb.addSheet('申报信息', rows);
      const grid = readWorkbookGrid(wb.app());
      expect(grid.sheets[0].rows).toHaveLength(n + 1);
      expect(grid.sheets[0].rows[n][2]).toBeInstanceOf(Date);
      calls.push(wb.calls);
    }
    expect(calls[1]).toBeLessThanOrEqual(calls[0] + 5);
  });

  it('the simulation only offers what the declarations declare', () => {
    const wb = new FakeWorkbook();
    wb.addSheet('表1', [['a']]);
    const app = wb.app() as unknown as Record<string, any>;
    expect(() => app.ActiveWorkbook.Worksheets.Item(1).Range('A1').Values).toThrow(/not in the declarations/);
    expect(() => {
      app.ActiveWorkbook.Worksheets.Item(1).Range('A1').Row = 3;
    }).toThrow(/read-only/);
    expect(() => app.Workbooks).toThrow(/not in the declarations/);
    // Declared by wps-jsapi-declare but missing on older builds: the adapter must not rely on it.
    expect(() => app.Enum).toThrow(/does not implement/);
  });
});

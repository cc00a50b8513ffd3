/// <reference types="office-js" />
/**
 * Marks as conditional formats Jiangxuan owns, against the strict simulation: the cells' own values, formats,
 * fills, notes and comments are never written, and clearing is exact whatever the user did in between
 * (sort, edits, cut and paste, copying formats, inserting rows, deleting cells).
 */
import { clearMarks, markFindings, readWorkbookGrid, MARK_TAG } from '../../../src/adapters/office';
import { SEVERITY_FILL_HEX } from '../../../src/core/report/colours';
import type { Finding, Severity } from '../../../src/core/model/findings';
import { parseCellAddress } from '../../../src/core/model/grid';
import { ExcelSim, NO_FILL, PAYLOAD_LIMIT, solid, SimWorkbook } from './sim';
import { withHost } from './helpers';

const OPTS = { lang: 'zh' as const, resultsSheet: false, programName: '上海质量工匠 2025' };
const SHEET = '推荐汇总表';

function finding(sheet: string, cell: string, severity: Severity = 'error', zh = `问题 ${cell}`): Finding {
  const { row, col } = parseCellAddress(cell)!;
  return { sheet, row, col, cell, severity, rule: 'test.rule', message: { zh, en: `problem ${cell}` } };
}

/** A small summary with the user's own formatting, a comment, a note and a conditional format of their own. */
function userWorkbook(): SimWorkbook {
  const wb = new SimWorkbook();
  const s = wb.addSheet(SHEET, [
    ['序号', '姓名', '身份证号', '手机'],
    [1, '张三', '310101198001011234', '1381234567'],
    [2, '李四', '310101198001011235', '13812345678'],
    [3, '王五', 310101198001011000, '13812345679'],
    [4, '赵六', '310101198001011236', '13812345670'],
  ]);
  s.ensure(1, 1).fill = solid('#FFFF00'); // B2: the user's yellow
  s.ensure(2, 2).fill = { ...NO_FILL, pattern: 'Gray25', color: '#00B0F0', patternColor: '#FF0000' }; // C3: a pattern
  s.ensure(3, 3).font = { bold: true, color: '#C00000' }; // D4
  s.ensure(4, 0).numberFormat = '0.00';
  wb.addComment(SHEET, 'D3', '请核实手机号（审核员）');
  wb.addNote(SHEET, 'B4', '填表人：此人已调岗');
  s.cfs.push({ id: wb.newId('cf'), type: 'CellValue', formula: '=$A2>3', fill: '#E2EFDA', stopIfTrue: false, areas: [{ top: 1, left: 0, bottom: 4, right: 0 }] });
  wb.addSheet('说明', [['填表说明'], ['请勿改动表头']]);
  return wb;
}

const FINDINGS = [
  finding(SHEET, 'D2', 'error', '手机号码只有10位'),
  finding(SHEET, 'B2', 'warning', '姓名与第 3 行相同'),
  finding(SHEET, 'C3', 'error', '身份证校验码错误'),
  finding(SHEET, 'C3', 'info', '提示'),
  finding(SHEET, 'D3', 'warning', '请核对'),
  finding(SHEET, 'B4', 'info', '已调岗'),
  finding(SHEET, 'C4', 'error', '身份证号码被当作数字保存'),
];

async function run<T>(sim: ExcelSim, fn: (c: Excel.RequestContext) => Promise<T>): Promise<T> {
  return withHost(sim, () => sim.run(fn));
}

describe('markFindings / clearMarks (conditional formats Jiangxuan owns)', () => {
  it('colours each problem cell by its worst severity without writing to any cell, and clears exactly', async () => {
    const sim = new ExcelSim({ api: 17 }, userWorkbook());
    const before = sim.wb.snapshot();
    const report = await run(sim, (c) => markFindings(c, FINDINGS, OPTS));
    expect(report).toEqual({ marked: 6 });
    const s = sim.wb.sheet(SHEET);
    expect(s.shownFill('D2')).toBe(SEVERITY_FILL_HEX.error);
    expect(s.shownFill('B2')).toBe(SEVERITY_FILL_HEX.warning); // shown over the user's yellow…
    expect(s.fill('B2')).toEqual(solid('#FFFF00')); // …which is still the cell's own fill
    expect(s.shownFill('C3')).toBe(SEVERITY_FILL_HEX.error);
    expect(s.shownFill('D3')).toBe(SEVERITY_FILL_HEX.warning);
    expect(s.shownFill('B4')).toBe(SEVERITY_FILL_HEX.info);
    expect(s.shownFill('A2')).toBe('none'); // not a problem cell
    // One rule per severity, each tagged, on top of the user's rule; no comment, no note, no cell touched.
    const ours = s.cfs.filter((cf) => cf.formula?.includes(MARK_TAG));
    expect(ours.map((cf) => cf.fill)).toEqual([SEVERITY_FILL_HEX.error, SEVERITY_FILL_HEX.warning, SEVERITY_FILL_HEX.info]);
    expect(s.cfs.indexOf(ours[0])).toBe(0);
    const after = sim.wb.snapshot() as { sheets: { cells: unknown; notes: unknown }[]; comments: unknown };
    const was = before as typeof after;
    expect(after.sheets[0].cells).toEqual(was.sheets[0].cells);
    expect(after.sheets[0].notes).toEqual(was.sheets[0].notes);
    expect(after.comments).toEqual(was.comments);

    const ctx = sim.context();
    const cleared = await withHost(sim, () => clearMarks(ctx));
    expect(cleared).toEqual({ removed: 3 });
    expect(ctx.sync).toBeDefined();
    expect(sim.wb.snapshot()).toEqual(before);
  });

  it('mark → sort → edit → cut and paste → copy formats → insert rows → delete cells → clear leaves the workbook as the same actions without marks', async () => {
    const actions = (wb: SimWorkbook) => {
      wb.sortRows(SHEET, { top: 1, left: 0, bottom: 4, right: 3 }, 1, true); // by 姓名, descending: rows move
      wb.edit(SHEET, 'D2', '13900000000');
      wb.cutPaste(SHEET, 'C3', 'F3'); // a marked cell moves away, with its format, comment, note
      wb.copyFormats(SHEET, 'C4', 'G2:G5'); // a marked cell's formats (our rule too) painted elsewhere
      wb.insertRows(SHEET, 2, 2);
      wb.deleteCellsShiftUp(SHEET, 'B2');
      wb.sheet(SHEET).ensure(6, 3).fill = solid('#00FF00'); // the user re-fills a marked cell
    };
    const plain = userWorkbook();
    actions(plain);

    const sim = new ExcelSim({ api: 14 }, userWorkbook());
    await run(sim, (c) => markFindings(c, FINDINGS, OPTS));
    actions(sim.wb);
    // Copying formats duplicated our rule (a new id, not known to any record): still ours by its tag.
    expect(sim.wb.sheet(SHEET).cfs.filter((cf) => cf.formula?.includes(MARK_TAG)).length).toBeGreaterThan(3);
    await run(sim, (c) => clearMarks(c));
    expect(sim.wb.snapshot()).toEqual(plain.snapshot());
  });

  it('replaces earlier marks: fixed cells lose theirs, changed ones are re-coloured', async () => {
    const sim = new ExcelSim({ api: 17 }, userWorkbook());
    const before = sim.wb.snapshot();
    await run(sim, (c) => markFindings(c, FINDINGS, OPTS));
    const { marked } = await run(sim, (c) => markFindings(c, [finding(SHEET, 'D2', 'warning'), finding(SHEET, 'C4', 'error')], OPTS));
    expect(marked).toBe(2);
    const s = sim.wb.sheet(SHEET);
    expect(['B2', 'C3', 'D3', 'B4'].map((a) => s.shownFill(a))).toEqual(['#FFFF00', '#00B0F0', 'none', 'none']);
    expect(s.shownFill('D2')).toBe(SEVERITY_FILL_HEX.warning);
    expect(s.cfs.filter((cf) => cf.formula?.includes(MARK_TAG))).toHaveLength(2);
    await run(sim, (c) => clearMarks(c));
    expect(sim.wb.snapshot()).toEqual(before);
  });

  it('survives save and reopen: the rules carry their tag, nothing else is needed', async () => {
    const sim = new ExcelSim({ api: 17 }, userWorkbook());
    const before = sim.wb.snapshot();
    await run(sim, (c) => markFindings(c, FINDINGS, OPTS));
    // "Reopened" on an older Excel: a new host over the same file contents, no state carried over.
    const reopened = new ExcelSim({ api: 7 }, sim.wb);
    await run(reopened, (c) => clearMarks(c));
    expect(sim.wb.snapshot()).toEqual(before);
  });

  it('leaves protected sheets alone and says which; clears them once unprotected', async () => {
    const wb = userWorkbook();
    const locked = wb.addSheet('锁定表', [['姓名'], ['孙七']]);
    locked.protection.protected = true;
    const sim = new ExcelSim({ api: 17 }, wb);
    const out = await run(sim, (c) => markFindings(c, [...FINDINGS, finding('锁定表', 'A2')], OPTS));
    expect(out).toEqual({ marked: 6, protectedSheets: ['锁定表'] });
    expect(locked.cfs).toEqual([]);

    // A marked sheet protected afterwards: its marks stay and are reported; the rest is cleared.
    wb.sheet(SHEET).protection.protected = true;
    expect(await run(sim, (c) => clearMarks(c))).toEqual({ removed: 0, protectedSheets: [SHEET] });
    expect(wb.sheet(SHEET).shownFill('D2')).toBe(SEVERITY_FILL_HEX.error);
    wb.sheet(SHEET).protection.protected = false;
    expect(await run(sim, (c) => clearMarks(c))).toEqual({ removed: 3 });
    expect(wb.sheet(SHEET).cfs.some((cf) => cf.formula?.includes(MARK_TAG))).toBe(false);
  });

  it('a batch Excel rejects half-way leaves nothing clearMarks cannot remove', async () => {
    const wb = userWorkbook();
    const other = wb.addSheet('第二表', [['姓名'], ['钱八']]);
    const sim = new ExcelSim({ api: 17 }, wb);
    const before = wb.snapshot();
    const ctx = sim.context();
    const real = ctx.sync.bind(ctx);
    let n = 0;
    jest.spyOn(ctx, 'sync').mockImplementation(async () => {
      // A co-author protects the second sheet between our reads and our writes (sync 3: no rules of ours
      // yet, so no formulas to read): the writes fail there.
      if (++n === 3) other.protection.protected = true;
      return real();
    });
    await expect(withHost(sim, () => markFindings(ctx, [...FINDINGS, finding('第二表', 'A2')], OPTS))).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(wb.sheet(SHEET).cfs.some((cf) => cf.formula?.includes(MARK_TAG))).toBe(true); // applied before the failure
    other.protection.protected = false;
    await run(sim, (c) => clearMarks(c));
    expect(wb.snapshot()).toEqual({ ...(before as object) });
  });

  it('writes, replaces and removes the results sheet (links to the cells), which reading leaves out', async () => {
    const sim = new ExcelSim({ api: 17 }, userWorkbook());
    const before = sim.wb.snapshot();
    await run(sim, (c) => markFindings(c, FINDINGS, { ...OPTS, resultsSheet: true }));
    await run(sim, (c) => markFindings(c, FINDINGS.slice(0, 2), { ...OPTS, resultsSheet: true }));
    expect(sim.wb.sheets.map((s) => s.name)).toEqual([SHEET, '说明', '校验结果']);
    const r = sim.wb.sheet('校验结果');
    expect(String(r.value('A1'))).toContain('匠选校验结果 · 上海质量工匠 2025 · 错误 1 · 警告 1 · 提示 0');
    expect(['A2', 'B2', 'C2', 'D2', 'E2', 'F2'].map((a) => r.value(a))).toEqual(['级别', '工作表', '单元格', '规则', '说明', '被推荐人']);
    expect(r.value('A3')).toBe('错误');
    expect(r.get(2, 2)!.formula).toBe(`=HYPERLINK("#'推荐汇总表'!D2","D2")`);
    expect(r.fill('A3')).toEqual(solid(SEVERITY_FILL_HEX.error));
    expect(r.frozenRows).toBe(2);
    expect(r.autoFilter).toBe('A2:F4');
    expect(JSON.parse(String(sim.wb.settings.get('jiangxuan')))).toEqual({ v: 2, results: '校验结果' });
    const grid = await run(sim, (c) => readWorkbookGrid(c));
    expect(grid.sheets.map((s) => s.name)).toEqual([SHEET, '说明']);
    // Marking without the results sheet removes it.
    await run(sim, (c) => markFindings(c, FINDINGS, OPTS));
    expect(sim.wb.sheets.map((s) => s.name)).toEqual([SHEET, '说明']);
    await run(sim, (c) => markFindings(c, FINDINGS, { ...OPTS, resultsSheet: true }));
    await run(sim, (c) => clearMarks(c));
    expect(sim.wb.snapshot()).toEqual(before);
  });

  it('a protected workbook structure keeps the marks working and says the results sheet could not be written', async () => {
    const wb = userWorkbook();
    wb.protection.structure = true;
    const sim = new ExcelSim({ api: 17 }, wb);
    const out = await run(sim, (c) => markFindings(c, FINDINGS, { ...OPTS, resultsSheet: true }));
    expect(out).toEqual({ marked: 6, resultsSheet: 'workbook-protected' });
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, '说明']);
    expect(wb.sheet(SHEET).shownFill('D2')).toBe(SEVERITY_FILL_HEX.error);
  });

  it('below ExcelApi 1.9 writes nothing and says so; Undo is untouched', async () => {
    const sim = new ExcelSim({ api: 7 }, userWorkbook());
    const before = sim.wb.snapshot();
    const out = await run(sim, (c) => markFindings(c, FINDINGS, OPTS));
    expect(out).toEqual({ marked: 0, unsupported: true });
    expect(sim.wb.snapshot()).toEqual(before);
    expect(sim.host.undoClears).toEqual([]);
  });

  it('counts the writes that clear Excel’s undo history (every one before ExcelApi 1.20)', async () => {
    const sim = new ExcelSim({ api: 17 }, userWorkbook());
    await run(sim, (c) => markFindings(c, FINDINGS, OPTS));
    // 3 rules × (add, formula, fill).
    expect(sim.host.undoClears.length).toBe(9);
    expect(new Set(sim.host.undoClears)).toEqual(new Set(['ConditionalFormatCollection.add', 'ConditionalFormatRule.formula', 'ConditionalRangeFill.color']));
    // With undo support (ExcelApi 1.20) conditional formats keep Undo; deleting a sheet never does.
    const undoable = new ExcelSim({ api: 20 }, userWorkbook());
    await run(undoable, (c) => markFindings(c, FINDINGS, { ...OPTS, resultsSheet: true }));
    await run(undoable, (c) => markFindings(c, FINDINGS, OPTS));
    expect(undoable.host.undoClears).toEqual(['Worksheet.delete']);
  });

  it('uses the same number of syncs for 10 rows and for 5,000 rows', async () => {
    const counts: number[][] = [];
    for (const n of [10, 5000]) {
      const wb = new SimWorkbook();
      wb.addSheet('申报信息', Array.from({ length: n + 1 }, (_, r) => [r, `姓名${r}`, `3101011980010112${r % 10}`]));
      const sim = new ExcelSim({ api: 17 }, wb);
      // Every row has a finding, every other one a different severity (the worst case for rules' addresses).
      const findings = Array.from({ length: n }, (_, i) => finding('申报信息', `C${i + 2}`, i % 2 ? 'error' : 'warning', '身份证号码校验码错误'));
      const runs: number[] = [];
      for (const f of [findings, findings.slice(0, n / 2)]) {
        const ctx = sim.context();
        const spy = jest.spyOn(ctx, 'sync');
        await withHost(sim, () => markFindings(ctx, f, OPTS));
        runs.push(spy.mock.calls.length);
      }
      const ctx = sim.context();
      const spy = jest.spyOn(ctx, 'sync');
      await withHost(sim, () => clearMarks(ctx));
      runs.push(spy.mock.calls.length);
      expect(sim.host.syncs.every((x) => !x.failed && x.requestBytes <= PAYLOAD_LIMIT && x.responseBytes <= PAYLOAD_LIMIT)).toBe(true);
      expect(wb.sheet('申报信息').cfs).toEqual([]);
      counts.push(runs);
    }
    // First mark: sheets and setting, the sheets' rules (none yet, so no formulas to read), the writes.
    // Re-mark and clear: sheets and setting, rules, their formulas, the writes.
    expect(counts[0]).toEqual([3, 4, 4]);
    expect(counts[1]).toEqual(counts[0]);
  }, 60_000);
});

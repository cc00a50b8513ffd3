/// <reference types="office-js" />
import { clearMarks, markFindings, readWorkbookGrid } from '../../../src/adapters/office';
import { SEVERITY_FILL_HEX } from '../../../src/core/report/colours';
import type { Finding, Severity } from '../../../src/core/model/findings';
import { parseCellAddress } from '../../../src/core/model/grid';
import { asExcel, FAKE_PAYLOAD_LIMIT, FakeWorkbook, NO_FILL, solid } from './fake-excel';

const OPTS = { lang: 'zh' as const, resultsSheet: false, programName: '上海质量工匠 2025' };

function finding(sheet: string, cell: string, severity: Severity = 'error', zh = `问题 ${cell}`): Finding {
  const { row, col } = parseCellAddress(cell)!;
  return { sheet, row, col, cell, severity, rule: 'test.rule', message: { zh, en: `problem ${cell}` } };
}

function sampleWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('推荐汇总表', [
    ['序号', '姓名', '身份证号', '手机'],
    [1, '张三', '310101198001011234', '1381234567'],
    [2, '李四', '310101198001011235', '13812345678'],
    [3, '王五', 310101198001011000, '13812345679'],
  ]);
  s.ensure(1, 1).fill = solid('#FFFF00'); // B2: the user's own yellow
  s.ensure(2, 2).fill = { ...NO_FILL, pattern: 'Gray25', color: '#00B0F0', patternColor: '#FF0000' }; // C3: a pattern
  wb.addUserComment('推荐汇总表', 'D3', '请核实手机号（审核员）');
  return wb;
}

function snapshot(wb: FakeWorkbook) {
  const s = wb.sheet('推荐汇总表');
  const cells: Record<string, unknown> = {};
  for (const a of ['A1', 'B2', 'C2', 'D2', 'B3', 'C3', 'D3', 'C4', 'D4']) cells[a] = { v: s.value(a), fill: s.fill(a) };
  return { cells, comments: wb.comments.map((c) => ({ ...c })), sheets: wb.sheets.map((x) => x.name) };
}

const FINDINGS = [
  finding('推荐汇总表', 'D2', 'error', '手机号码只有10位'),
  finding('推荐汇总表', 'B2', 'warning', '姓名与第 3 行相同'),
  finding('推荐汇总表', 'C3', 'error', '身份证校验码错误'),
  finding('推荐汇总表', 'C3', 'info', '提示'),
  finding('推荐汇总表', 'D3', 'warning', '请核对'),
  finding('推荐汇总表', 'C4', 'error', '身份证号码被当作数字保存'),
];

describe('markFindings / clearMarks', () => {
  it('marks by worst severity, adds 【匠选】 comments, never touches values, and clearMarks restores exactly', async () => {
    const wb = sampleWorkbook();
    const before = snapshot(wb);
    const { marked } = await markFindings(asExcel(wb.context()), FINDINGS, OPTS);
    expect(marked).toBe(5);
    const s = wb.sheet('推荐汇总表');
    expect(s.fill('D2')).toEqual(solid(SEVERITY_FILL_HEX.error));
    expect(s.fill('B2')).toEqual(solid(SEVERITY_FILL_HEX.warning));
    expect(s.fill('C3').color).toBe(SEVERITY_FILL_HEX.error);
    expect(s.fill('D3')).toEqual(solid(SEVERITY_FILL_HEX.warning));
    expect(wb.commentAt('推荐汇总表', 'D2')!.content).toBe('【匠选】错误：手机号码只有10位');
    expect(wb.commentAt('推荐汇总表', 'C3')!.content).toBe('【匠选】错误：身份证校验码错误\n提示：提示');
    // The user's comment is left alone; no second comment on that cell.
    expect(wb.commentAt('推荐汇总表', 'D3')!.content).toBe('请核实手机号（审核员）');
    expect(wb.comments.filter((c) => c.row === 2 && c.col === 3)).toHaveLength(1);
    // Values untouched; the state sheet exists and is veryHidden.
    for (const a of Object.keys(before.cells)) expect(s.value(a)).toEqual((before.cells[a] as { v: unknown }).v);
    expect(wb.sheet('_jiangxuan_marks').visibility).toBe('VeryHidden');

    const ctx = wb.context();
    const spy = jest.spyOn(ctx, 'sync');
    const { restored } = await clearMarks(asExcel(ctx));
    expect(restored).toBe(5);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(snapshot(wb)).toEqual(before);
  });

  it('restores after the workbook was saved and reopened (the state lives in the workbook)', async () => {
    const wb = sampleWorkbook();
    const before = snapshot(wb);
    await markFindings(asExcel(wb.context()), FINDINGS, OPTS);
    const reopened = wb.reopen();
    await clearMarks(asExcel(reopened.context()));
    expect(snapshot(reopened)).toEqual(before);
  });

  it('replaces earlier marks: fixed cells get their look back, changed ones are updated', async () => {
    const wb = sampleWorkbook();
    const before = snapshot(wb);
    await markFindings(asExcel(wb.context()), FINDINGS, OPTS);
    const second = [finding('推荐汇总表', 'D2', 'warning', '手机号码请核对'), finding('推荐汇总表', 'C4', 'error', '身份证号码被当作数字保存')];
    const { marked } = await markFindings(asExcel(wb.context()), second, OPTS);
    expect(marked).toBe(2);
    const s = wb.sheet('推荐汇总表');
    expect(s.fill('B2')).toEqual(before.cells.B2 && (before.cells.B2 as { fill: unknown }).fill); // user's yellow back
    expect(s.fill('C3')).toEqual((before.cells.C3 as { fill: unknown }).fill); // the pattern back
    expect(s.fill('D2')).toEqual(solid(SEVERITY_FILL_HEX.warning));
    expect(wb.commentAt('推荐汇总表', 'D2')!.content).toBe('【匠选】警告：手机号码请核对');
    expect(wb.commentAt('推荐汇总表', 'C3')).toBeUndefined();
    expect(wb.commentAt('推荐汇总表', 'D3')!.content).toBe('请核实手机号（审核员）');
    await clearMarks(asExcel(wb.context()));
    expect(snapshot(wb)).toEqual(before);
  });

  it('leaves protected sheets alone (Excel would reject the whole batch) and says so', async () => {
    const wb = sampleWorkbook();
    const locked = wb.addSheet('锁定表', [['姓名'], ['赵六']]);
    locked.protected = true;
    const out = await markFindings(asExcel(wb.context()), [...FINDINGS, finding('锁定表', 'A2', 'error', '问题')], OPTS);
    expect(out).toEqual({ marked: 5, protectedSheets: ['锁定表'] });
    expect(locked.fill('A2')).toEqual(NO_FILL);
    expect(wb.sheet('推荐汇总表').fill('D2')).toEqual(solid(SEVERITY_FILL_HEX.error));

    // A marked sheet protected afterwards: clearMarks restores the rest, keeps that sheet's record for later.
    wb.sheet('推荐汇总表').protected = true;
    await clearMarks(asExcel(wb.context()));
    expect(wb.sheet('推荐汇总表').fill('D2')).toEqual(solid(SEVERITY_FILL_HEX.error));
    wb.sheet('推荐汇总表').protected = false;
    await clearMarks(asExcel(wb.context()));
    expect(wb.sheet('推荐汇总表').fill('D2')).toEqual(NO_FILL);
    expect(wb.comments.map((c) => c.content)).toEqual(['请核实手机号（审核员）']);
    expect(wb.sheets.map((x) => x.name)).toEqual(['推荐汇总表', '锁定表']);
  });

  it('a request Excel rejects half-way leaves nothing clearMarks cannot undo', async () => {
    const wb = sampleWorkbook();
    const before = snapshot(wb);
    await markFindings(asExcel(wb.context()), FINDINGS.slice(0, 1), OPTS); // D2
    const ctx = wb.context();
    const real = ctx.sync.bind(ctx);
    let n = 0;
    jest.spyOn(ctx, 'sync').mockImplementation(async () => {
      // A co-author comments on C4 between our reads and our writes: adding ours there fails the request.
      if (++n === 3) wb.addUserComment('推荐汇总表', 'C4', '同事的批注');
      return real();
    });
    await expect(markFindings(asExcel(ctx), FINDINGS, OPTS)).rejects.toThrow(/already has a comment/);
    await clearMarks(asExcel(wb.context()));
    const after = snapshot(wb);
    expect(after.cells).toEqual(before.cells);
    expect(after.comments.map((c) => c.content).sort()).toEqual(['同事的批注', '请核实手机号（审核员）']);
  });

  it('keeps a fill the user set on a marked cell after marking', async () => {
    const wb = sampleWorkbook();
    await markFindings(asExcel(wb.context()), FINDINGS, OPTS);
    wb.sheet('推荐汇总表').ensure(1, 3).fill = solid('#00FF00'); // D2 re-coloured by the user
    await clearMarks(asExcel(wb.context()));
    expect(wb.sheet('推荐汇总表').fill('D2')).toEqual(solid('#00FF00'));
  });

  it('writes, replaces and removes the results sheet (links to the cells), which readWorkbookGrid skips', async () => {
    const wb = sampleWorkbook();
    const before = snapshot(wb);
    await markFindings(asExcel(wb.context()), FINDINGS, { ...OPTS, resultsSheet: true });
    await markFindings(asExcel(wb.context()), FINDINGS.slice(0, 2), { ...OPTS, resultsSheet: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(['推荐汇总表', '_jiangxuan_marks', '校验结果']);
    const r = wb.sheet('校验结果');
    expect(String(r.value('A1'))).toContain('匠选校验结果 · 上海质量工匠 2025 · 错误 1 · 警告 1 · 提示 0');
    expect(['A2', 'B2', 'C2', 'D2', 'E2', 'F2'].map((a) => r.value(a))).toEqual(['级别', '工作表', '单元格', '规则', '说明', '被推荐人']);
    expect(r.value('A3')).toBe('错误');
    expect(r.get(2, 2)!.formula).toBe(`=HYPERLINK("#'推荐汇总表'!D2","D2")`);
    expect(r.fill('A3')).toEqual(solid(SEVERITY_FILL_HEX.error));
    expect(r.frozenRows).toBe(2);
    expect(r.autoFilter).toBe('A2:F4');
    const grid = await readWorkbookGrid(asExcel(wb.context()));
    expect(grid.sheets.map((s) => s.name)).toEqual(['推荐汇总表']);
    await clearMarks(asExcel(wb.context()));
    expect(snapshot(wb)).toEqual(before);
  });

  it('uses the same number of syncs for 10 rows and for 5,000 rows', async () => {
    const counts: number[][] = [];
    for (const n of [10, 5000]) {
      const wb = new FakeWorkbook();
      wb.addSheet('申报信息', Array.from({ length: n + 1 }, (_, r) => [r, `姓名${r}`, `3101011980010112${r % 10}`]));
      // Every row has a finding with a comment (the worst case under the payload limit).
      const findings = Array.from({ length: n }, (_, i) => finding('申报信息', `C${i + 2}`, 'error', '身份证号码校验码错误'));
      const runs: number[] = [];
      for (const f of [findings, findings.slice(0, n / 2)]) {
        const ctx = wb.context();
        const spy = jest.spyOn(ctx, 'sync');
        await markFindings(asExcel(ctx), f, OPTS);
        runs.push(spy.mock.calls.length);
      }
      const ctx = wb.context();
      const spy = jest.spyOn(ctx, 'sync');
      await clearMarks(asExcel(ctx));
      runs.push(spy.mock.calls.length);
      // The only rejected request is the first run's probe for a state sheet that does not exist yet.
      expect(wb.syncs.filter((x) => x.failed).map((x) => x.failed)).toEqual(['ItemNotFound']);
      counts.push(runs);
    }
    // First mark: state probe (fails: no state yet) + names/comments, fills + locations, writes, state with the
    // new comments' ids. Re-mark (no new comment): 3. clearMarks: 3.
    expect(counts[0]).toEqual([5, 3, 3]);
    expect(counts[1]).toEqual(counts[0]);
  }, 60_000);

  it('splits writes beyond one request into as few syncs as the 5 MB limit allows', async () => {
    const wb = new FakeWorkbook();
    const n = 12_000;
    wb.addSheet('申报信息', Array.from({ length: n + 1 }, (_, r) => [r, `姓名${r}`]));
    const long = '这段事迹超过了字数限制，请删减。'.repeat(12);
    const findings = Array.from({ length: n }, (_, i) => finding('申报信息', `B${i + 2}`, 'error', long));
    const ctx = wb.context();
    await markFindings(asExcel(ctx), findings, OPTS);
    expect(wb.syncs.every((x) => (!x.failed || x.failed === 'ItemNotFound') && x.requestBytes <= FAKE_PAYLOAD_LIMIT && x.responseBytes <= FAKE_PAYLOAD_LIMIT)).toBe(true);
    const total = wb.syncs.reduce((t, x) => t + x.requestBytes, 0);
    expect(ctx.syncCount).toBeGreaterThan(5);
    expect(ctx.syncCount).toBeLessThanOrEqual(5 + Math.ceil(total / (FAKE_PAYLOAD_LIMIT * 0.5)));
    expect(wb.comments).toHaveLength(n);
  }, 60_000);
});

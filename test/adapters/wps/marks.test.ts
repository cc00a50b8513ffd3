import { clearMarks, markFindings, readWorkbookGrid, STATE_SHEET } from '../../../src/adapters/wps';
import { SEVERITY_FILL_HEX } from '../../../src/core/report/colours';
import { bgr, FakeWorkbook, fillOf, NO_FILL, solidBgr, XL_SOLID } from './fake-et';
import { finding, snapshot, values } from './helpers';

const OPTS = { lang: 'zh' as const };
const SHEET = '推荐汇总表';

function sampleWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  const s = wb.addSheet(SHEET, [
    ['序号', '姓名', '身份证号', '手机'],
    [1, '张三', '310101198001011234', '1381234567'],
    [2, '李四', '310101198001011235', '13812345678'],
    [3, '王五', 310101198001011000, '13812345679'],
  ]);
  s.setFill('B2', solidBgr(bgr('#FFFF00'))); // the user's own yellow
  s.setFill('C3', fillOf(bgr('#00B0F0'), -4126, bgr('#FF0000'))); // Gray25 pattern
  s.setFill('A4', fillOf(bgr('#4472C4'), XL_SOLID, 0, 0.6)); // a theme tint
  s.addUserComment('D3', '请核实手机号（审核员）');
  wb.addSheet('说明', [['填表说明']]);
  return wb;
}

const FINDINGS = [
  finding(SHEET, 'D2', 'error', '手机号码只有10位'),
  finding(SHEET, 'B2', 'warning', '姓名与第 3 行相同'),
  finding(SHEET, 'C3', 'error', '身份证校验码错误'),
  finding(SHEET, 'C3', 'info', '提示'),
  finding(SHEET, 'D3', 'warning', '请核对'),
  finding(SHEET, 'C4', 'error', '身份证号码被当作数字保存'),
  finding(SHEET, 'A4', 'warning', '序号'),
];

describe('markFindings / clearMarks (WPS)', () => {
  it('marks by worst severity in BGR, adds 【匠选】 comments, never touches values, and clearMarks restores exactly', () => {
    const wb = sampleWorkbook();
    const before = snapshot(wb);
    const beforeValues = values(wb);
    const { marked } = markFindings(wb.app(), FINDINGS, OPTS);
    expect(marked).toBe(6);
    const s = wb.sheet(SHEET);
    expect(s.fill('D2')).toEqual(solidBgr(bgr(SEVERITY_FILL_HEX.error)));
    expect(s.fill('D2').color).toBe(0xcec7ff); // #FFC7CE with red in the low byte
    expect(s.fill('B2').color).toBe(bgr(SEVERITY_FILL_HEX.warning));
    expect(s.fill('C3')).toMatchObject({ color: bgr(SEVERITY_FILL_HEX.error), pattern: XL_SOLID });
    expect(s.fill('A4')).toMatchObject({ color: bgr(SEVERITY_FILL_HEX.warning), pattern: XL_SOLID });
    expect(s.comment('D2')).toBe('【匠选】错误：手机号码只有10位');
    expect(s.comment('C3')).toBe('【匠选】错误：身份证校验码错误\n提示：提示');
    // The user's comment is left alone; no second comment on that cell.
    expect(s.comment('D3')).toBe('请核实手机号（审核员）');
    // Values untouched: the only Value2 writes are the state sheet's; it is veryHidden; the user still sees their sheet.
    expect(values(wb)).toEqual(beforeValues);
    expect(new Set(wb.writes.map((w) => w.sheet))).toEqual(new Set([STATE_SHEET]));
    expect(wb.sheet(STATE_SHEET).visible).toBe(2);
    expect(wb.active?.name).toBe(SHEET);
    expect(wb.screenUpdating).toBe(true);

    const { restored } = clearMarks(wb.app());
    expect(restored).toBe(6);
    expect(snapshot(wb)).toEqual(before);
    expect(wb.displayAlerts).toBe(true);
  });

  it('restores after the workbook was saved and reopened (the state lives in the workbook)', () => {
    const wb = sampleWorkbook();
    const before = snapshot(wb);
    markFindings(wb.app(), FINDINGS, OPTS);
    const reopened = wb.reopen();
    clearMarks(reopened.app());
    expect(snapshot(reopened)).toEqual(before);
  });

  it('replaces earlier marks: fixed cells get their look back, changed ones are updated', () => {
    const wb = sampleWorkbook();
    const before = snapshot(wb);
    markFindings(wb.app(), FINDINGS, OPTS);
    const second = [finding(SHEET, 'D2', 'warning', '手机号码请核对'), finding(SHEET, 'C4', 'error', '身份证号码被当作数字保存')];
    expect(markFindings(wb.app(), second, OPTS).marked).toBe(2);
    const s = wb.sheet(SHEET);
    const was = (a: string) => (before[0].cells.find((c) => c[0] === `${Number(a.slice(1)) - 1},${a.charCodeAt(0) - 65}`) ?? [])[3] ?? NO_FILL;
    expect(s.fill('B2')).toEqual(was('B2')); // the user's yellow back
    expect(s.fill('C3')).toEqual(was('C3')); // the pattern back
    expect(s.fill('A4')).toEqual(was('A4')); // the tint back
    expect(s.fill('D2')).toEqual(solidBgr(bgr(SEVERITY_FILL_HEX.warning)));
    expect(s.comment('D2')).toBe('【匠选】警告：手机号码请核对');
    expect(s.comment('C3')).toBeUndefined();
    expect(s.comment('D3')).toBe('请核实手机号（审核员）');
    clearMarks(wb.app());
    expect(snapshot(wb)).toEqual(before);
  });

  it('leaves protected sheets alone and says so; keeps their records for a later clear', () => {
    const wb = sampleWorkbook();
    const locked = wb.addSheet('锁定表', [['姓名'], ['赵六']]);
    locked.protectContents = true;
    const out = markFindings(wb.app(), [...FINDINGS, finding('锁定表', 'A2', 'error', '问题')], OPTS);
    expect(out).toEqual({ marked: 6, protectedSheets: ['锁定表'] });
    expect(locked.fill('A2')).toEqual(NO_FILL);

    wb.sheet(SHEET).protectContents = true;
    clearMarks(wb.app());
    expect(wb.sheet(SHEET).fill('D2')).toEqual(solidBgr(bgr(SEVERITY_FILL_HEX.error)));
    wb.sheet(SHEET).protectContents = false;
    clearMarks(wb.app());
    expect(wb.sheet(SHEET).fill('D2')).toEqual(NO_FILL);
    expect(wb.sheet(SHEET).comment('D2')).toBeUndefined();
    expect(wb.sheets.map((x) => x.name)).toEqual([SHEET, '说明', '锁定表']);
  });

  it('keeps a fill the user set on a marked cell after marking, and a comment the user rewrote', () => {
    const wb = sampleWorkbook();
    markFindings(wb.app(), FINDINGS, OPTS);
    const s = wb.sheet(SHEET);
    s.setFill('D2', solidBgr(bgr('#00FF00')));
    s.at('C4')!.comment!.text = '已核对，按原件填写';
    clearMarks(wb.app());
    expect(s.fill('D2')).toEqual(solidBgr(bgr('#00FF00')));
    expect(s.comment('C4')).toBe('已核对，按原件填写');
  });

  it('marks a finding inside a merged area on its top-left cell', () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet(SHEET, [['单位', '姓名'], ['甲公司', '张三'], [null, '李四']]);
    s.merges = [{ top: 1, left: 0, bottom: 2, right: 0 }];
    const grid = readWorkbookGrid(wb.app());
    markFindings(wb.app(), [finding(SHEET, 'A3', 'error', '单位名称不完整')], { ...OPTS, merges: (n) => grid.sheets.find((x) => x.name === n)?.merges });
    expect(s.comment('A2')).toBe('【匠选】错误：单位名称不完整');
    expect(s.comment('A3')).toBeUndefined();
  });

  it('keeps each cell’s fill before marking in the state sheet, raw (BGR) and in words', () => {
    const wb = sampleWorkbook();
    markFindings(wb.app(), FINDINGS, OPTS);
    const st = wb.sheet(STATE_SHEET);
    const lines = [...st.cells.entries()].filter(([k]) => k.endsWith(',0')).sort((a, b) => Number(a[0].split(',')[0]) - Number(b[0].split(',')[0])).map(([, c]) => String(c.v));
    expect(JSON.parse(lines[0])).toEqual({ app: 'jiangxuan', v: 1 });
    const recs = lines.slice(1).map((l) => JSON.parse(l) as { a: string; f: unknown; w: { c: number | null; p: number }; k: string; n?: 1; u?: 1 });
    const at = (a: string) => recs.find((r) => r.a === a)!;
    expect(at('B2')).toMatchObject({ s: SHEET, f: { p: 'Solid', c: '#FFFF00' }, w: { c: bgr('#FFFF00'), p: XL_SOLID }, k: SEVERITY_FILL_HEX.warning, n: 1 });
    expect(at('C3').f).toEqual({ p: 'Gray25', c: '#00B0F0', pc: '#FF0000' });
    expect(at('D2').f).toEqual({ p: 'None' });
    expect(at('D3')).toMatchObject({ u: 1 });
  });

  it('bridge calls grow with column runs, not with marked cells (5,000 findings in one column)', () => {
    const calls: number[] = [];
    for (const n of [10, 5000]) {
      const wb = new FakeWorkbook();
      wb.addSheet('申报信息', Array.from({ length: n + 1 }, (_, r) => [r, `姓名${r}`, `3101011980010112${r % 10}`]));
      const findings = Array.from({ length: n }, (_, i) => finding('申报信息', `C${i + 2}`, 'error', '身份证号码校验码错误'));
      markFindings(wb.app(), findings, OPTS);
      const afterMark = wb.calls;
      clearMarks(wb.app());
      calls.push(afterMark, wb.calls - afterMark);
      expect(wb.sheet('申报信息').comment('C2')).toBeUndefined();
    }
    // Comments are one call each way per cell (ET has no bulk comment call); fills and state are constant.
    const perCell = (calls[2] - calls[0]) / 4990;
    expect(perCell).toBeLessThan(12);
  }, 60_000);
});

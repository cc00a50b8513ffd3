/** The mark plan: one decision of which cell gets which fill and note lines, for every host. */
import type { Finding, Severity } from '../../../src/core/model/findings';
import { planMarks, findingCell } from '../../../src/core/check/mark-plan';

function f(sheet: string, row: number, col: number, severity: Severity, zh: string, rule = 'x.y'): Finding {
  return { sheet, row, col, cell: '', severity, rule, message: { zh, en: `EN ${zh}` } };
}

test('one mark per cell: worst severity decides the fill, lines worst first then in order, identical lines once', () => {
  const plan = planMarks(
    [f('表', 2, 3, 'warning', '乙'), f('表', 2, 3, 'error', '甲'), f('表', 2, 3, 'warning', '乙'), f('表', 2, 3, 'info', '丙'), f('表', 5, 0, 'info', '丁')],
    { lang: 'zh' },
  );
  expect(plan.cells.map((c) => [c.a1, c.severity, c.fillHex, c.fillArgb])).toEqual([
    ['D3', 'error', '#FFC7CE', 'FFFFC7CE'],
    ['A6', 'info', '#DDEBF7', 'FFDDEBF7'],
  ]);
  expect(plan.cells[0].lines).toEqual(['错误：甲', '警告：乙', '提示：丙']);
  expect(plan.cells[0].findings).toHaveLength(4);
  expect(planMarks([f('表', 0, 0, 'warning', '乙')], { lang: 'en' }).cells[0].lines).toEqual(['Warning: EN 乙']);
});

test('a finding inside a merged area is marked on its top-left cell, together with the others there', () => {
  const plan = planMarks([f('表', 4, 1, 'error', '甲'), f('表', 3, 1, 'warning', '乙')], { lang: 'zh', merges: (s) => (s === '表' ? [{ top: 3, left: 1, bottom: 6, right: 2 }] : undefined) });
  expect(plan.cells).toHaveLength(1);
  expect(plan.cells[0]).toMatchObject({ a1: 'B4', severity: 'error', lines: ['错误：甲', '警告：乙'] });
});

test('a finding without a usable position is listed, not placed; a broken row/col falls back to the A1 address', () => {
  const broken = { ...f('表', -1, 2, 'error', '甲'), cell: 'C9' };
  expect(findingCell(broken)).toEqual({ row: 8, col: 2 });
  const lost = { ...f('表', Number.NaN, 2, 'error', '乙'), cell: 'nope' };
  const plan = planMarks([broken, lost], { lang: 'zh' });
  expect(plan.cells.map((c) => c.a1)).toEqual(['C9']);
  expect(plan.unplaced).toEqual([lost]);
});

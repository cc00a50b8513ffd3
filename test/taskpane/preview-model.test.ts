import type { Finding } from '../../src/core/model/findings';
import { cellMarks, displayValue, mergeLayout, nameColumns, rowHeadWidth, rowWindow, sheetHeight, sheetWidth } from '../../src/taskpane/preview-model';

describe('preview model', () => {
  it('draws every row of a small sheet and a window around the selection of a big one', () => {
    expect(rowWindow(40, undefined)).toEqual({ start: 0, end: 40 });
    expect(rowWindow(10000, undefined, 500)).toEqual({ start: 0, end: 500 });
    const w = rowWindow(10000, 5000, 500);
    expect(w.end - w.start).toBe(500);
    expect(w.start).toBeLessThan(5000);
    expect(w.end).toBeGreaterThan(5000);
    expect(rowWindow(10000, 9999, 500)).toEqual({ start: 9500, end: 10000 });
  });

  it('shows values as a user expects', () => {
    expect(displayValue(null)).toBe('');
    // A number-stored ID shows as Excel shows it in a General cell, not as an 18-digit string it no longer holds.
    expect(displayValue(110105194912310000)).toBe('1.10105E+17');
    expect(displayValue(310106198503070000)).toBe('3.10106E+17');
    expect(displayValue(300000000000000000)).toBe('3E+17');
    expect(displayValue(13812345678)).toBe('13812345678');
    expect(displayValue(200080)).toBe('200080');
    expect(displayValue(0.1 + 0.2)).toBe('0.3');
    expect(displayValue(Math.PI)).toBe('3.141592654');
    expect(displayValue(-123456789012)).toBe('-1.23457E+11');
    expect(displayValue(0.00001234)).toBe('1.234E-05');
    expect(displayValue(3.5)).toBe('3.5');
    expect(displayValue(new Date(Date.UTC(1980, 0, 2)))).toBe('1980-01-02');
    expect(displayValue({ error: '#N/A' })).toBe('#N/A');
    expect(displayValue(true)).toBe('TRUE');
  });

  it('marks each cell with its worst severity and all messages, worst first', () => {
    const base = { sheet: 'S', row: 2, col: 3, cell: 'D3', rule: 'r' };
    const findings: Finding[] = [
      { ...base, severity: 'info', message: { zh: '提示', en: 'i' } },
      { ...base, severity: 'error', message: { zh: '错误', en: 'e' } },
      { ...base, sheet: 'T', severity: 'warning', message: { zh: '别的表', en: 'w' } },
    ];
    const marks = cellMarks(findings, 'S', 'zh');
    expect(marks.size).toBe(1);
    expect(marks.get('2,3')).toEqual({ severity: 'error', title: '错误\n提示', count: 2 });
  });

  it('lays out merges inside the window only', () => {
    const layout = mergeLayout([{ top: 0, left: 0, bottom: 0, right: 4 }, { top: 5, left: 1, bottom: 8, right: 1 }], { start: 0, end: 7 }, 3);
    expect(layout.spans.get('0,0')).toEqual({ rowSpan: 1, colSpan: 3 });
    expect(layout.covered.has('0,2')).toBe(true);
    expect(layout.covered.has('0,3')).toBe(false);
    expect(layout.spans.get('5,1')).toEqual({ rowSpan: 2, colSpan: 1 });
    const below = mergeLayout([{ top: 0, left: 0, bottom: 9, right: 0 }], { start: 4, end: 8 }, 2);
    expect(below.spans.get('4,0')).toEqual({ rowSpan: 4, colSpan: 1 });
  });

  it('sizes the drawn area to include cells findings point at', () => {
    const sheet = { name: 'S', rows: [['a', 'b']], merges: [] };
    const f: Finding = { sheet: 'S', row: 3, col: 4, cell: 'E4', rule: 'footer.missing', severity: 'error', message: { zh: '', en: '' } };
    expect(sheetWidth(sheet, [f])).toBe(5);
    expect(sheetHeight(sheet, [f])).toBe(4);
    expect(sheetHeight(sheet, [])).toBe(1);
  });

  it('keeps each sheet’s name column in view: 姓名, or 培育对象 in a tracking workbook', () => {
    const table = (sheet: string, cols: [string, number][]) => ({ sheet: { name: sheet }, colOf: new Map(cols) });
    const frozen = nameColumns([
      table('推荐汇总表', [['serial', 0], ['unit', 1], ['name', 2]]),
      table('申报信息', [['name', 1], ['id', 7]]),
      table('培育计划', [['trainee', 1]]),
      table('申报信息', [['name', 4]]),
      table('说明', [['unit', 0]]),
    ]);
    expect([...frozen]).toEqual([
      ['推荐汇总表', 2],
      ['申报信息', 1],
      ['培育计划', 1],
    ]);
    // Row numbers of a fixed width, wide enough for the sheet's last row.
    expect(rowHeadWidth(12)).toBe(rowHeadWidth(999));
    expect(rowHeadWidth(100000)).toBeGreaterThan(rowHeadWidth(999));
  });
});

import { pageShape, printAreaAddress, tablePrintLayout, titleColumnsAddress, wrappedLineCount, wrappedRowHeight } from '../../../src/core/model/print-layout';
import { RESULT_WIDTHS, resultsPrintLayout } from '../../../src/core/report/results-table';

describe('print layout', () => {
  test('portrait when the columns fit a portrait page, landscape beyond, more pages across rather than tiny text', () => {
    expect(pageShape([14, 26, 20, 10, 10, 16])).toEqual({ orientation: 'portrait', pagesWide: 1 });
    expect(pageShape(RESULT_WIDTHS)).toEqual({ orientation: 'landscape', pagesWide: 1 });
    // The trainee list: 20 columns, 261 characters — one page wide would print at about half size.
    const list = [8, 8, 21, 14, 26, 10, 8, 14, 26, 8, 8, 12, 12, 10, 10, 8, 8, 26, 12, 12];
    expect(pageShape(list)).toEqual({ orientation: 'landscape', pagesWide: 2 });
    expect(tablePrintLayout(list, 27, [1, 2])).toEqual({ orientation: 'landscape', pagesWide: 2, area: { lastRow: 27, lastCol: 20 }, titleRows: [1, 2], titleColumns: [1, 1] });
    expect(titleColumnsAddress([1, 1])).toBe('A:A');
  });

  test('the results sheet prints its summary line and header on every page, down to the last finding', () => {
    const l = resultsPrintLayout(40);
    expect(l.titleRows).toEqual([1, 2]);
    expect(printAreaAddress(l.area!)).toBe('A1:F42');
  });

  test('wrapped text: CJK characters count double, line breaks kept, one line needs no height', () => {
    expect(wrappedLineCount('短', 10)).toBe(1);
    expect(wrappedLineCount('汉'.repeat(36), 72)).toBe(2);
    expect(wrappedLineCount('a\nb', 72)).toBe(2);
    expect(wrappedRowHeight([{ text: '短', width: 72 }])).toBeUndefined();
    expect(wrappedRowHeight([{ text: '汉'.repeat(100), width: 72 }, { text: 'x', width: 10 }])).toBeGreaterThanOrEqual(45);
  });
});

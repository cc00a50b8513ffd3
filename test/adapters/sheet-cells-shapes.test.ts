/**
 * The fast reader's two ways through a worksheet give the same cells: the one-pass reader of plain cells
 * (SheetCellsHandler.element) and the scanner's usual events (open/content/close), on every shape a cell can be
 * written in — attribute order, quotes, spacing, inline and formula text in Chinese with entities, cells with no
 * r, refs with $ or lower case, values beyond the grid — however the text is cut into chunks, and whether the
 * text arrives decoded or as Latin-1 bytes (how Node reads worksheets: package.ts, latin1-node.ts).
 */
import { SheetCellsHandler, type SheetContext, type SheetSink } from '../../src/adapters/xlsx-fast/sheet-cells';
import { XmlScanner } from '../../src/adapters/exceljs/ooxml/xml-scan';
import { WorkbookReadError } from '../../src/adapters/exceljs/errors';

const ctx: SheetContext = { shared: ['甲', '乙&丙', null], dateStyles: [false, true], date1904: false };

const ROWS = [
  `<row r="1"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c><c r="C1"/><c r="D1" s="1"><v>45000</v></c></row>`,
  `<row r="2"><c t="inlineStr" r="A2"><is><t>中&amp;文&#20013;</t></is></c><c r='B2' s='0' t='s'><v>1</v></c><c  r="C2"   t="n" ><v>1.5</v></c></row>`,
  `<row r="3"><c r="A3" t="str"><f>"名"&amp;"字"</f><v>名字</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" cm="1"><v>7</v></c></row>`,
  `<row r="4"><c><v>1</v></c><c><v>2</v></c><c r="$E$4"><v>3</v></c><c r="f4"><v>4</v></c><c r="G4"></c><c r="H4" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>`,
  `<row r="5"><c r="A5" t="inlineStr"><is><t xml:space="preserve"> 空格 </t></is></c><c r="B5" t="str"><v>张三</v></c><c r="C5" t="inlineStr"><is><t></t></is></c><c r="D5" t="s"><v>2</v></c></row>`,
  `<row r="6">\n<c r="A6"\n s="0"><v>06</v></c><c r="B6" t="s"><v>99</v></c><c r="C6"><v>1E3</v></c><c r="AA6" t="inlineStr"><is><t>&lt;b&gt;</t></is></c></row>`,
];
const SHEET = `\ufeff<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="x"><dimension ref="A1:AA6"/><sheetData>${ROWS.join('')}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

type Cell = [number, number, unknown, string | undefined];

function read(xml: string, opts: { element: boolean; latin1: boolean; chunk: number; keepEmptyText?: boolean; formulas?: boolean }): { cells: Cell[]; merges: unknown[] } {
  const cells: Cell[] = [];
  const merges: unknown[] = [];
  const sink: SheetSink = { cell: (r, c, v, f) => cells.push([r, c, v, f]), merge: (m) => merges.push(m) };
  const h = new SheetCellsHandler(ctx, sink, { keepEmptyText: opts.keepEmptyText, formulas: opts.formulas });
  if (!opts.element) Object.defineProperty(h, 'element', { value: undefined });
  let text = xml;
  if (opts.latin1) {
    // As package.ts hands worksheets over in Node: the UTF-8 bytes one per character, the byte-order mark dropped.
    text = Buffer.from(xml.replace(/^\ufeff/, ''), 'utf8').toString('latin1');
    h.latin1 = (raw) => Buffer.from(raw, 'latin1').toString('utf8');
  }
  const scanner = new XmlScanner(h);
  for (let i = 0; i < text.length; i += opts.chunk) scanner.push(text.slice(i, i + opts.chunk));
  scanner.end();
  return { cells, merges };
}

describe('plain cells read in one pass give what the scanner’s events give', () => {
  const usual = read(SHEET, { element: false, latin1: false, chunk: 1 << 20 });

  test('the cells as the usual events read them (what the one-pass reader must match)', () => {
    const at = (r: number, c: number) => usual.cells.find((x) => x[0] === r && x[1] === c)?.[2];
    expect(at(0, 0)).toBe('甲');
    expect(at(0, 1)).toBe('乙&丙');
    expect(at(0, 3)).toBeInstanceOf(Date);
    expect(at(1, 0)).toBe('中&文中');
    expect(at(1, 2)).toBe(1.5);
    expect(at(2, 0)).toBe('名字');
    expect(at(2, 1)).toBe(true);
    expect(at(2, 2)).toEqual({ error: '#N/A' });
    expect(at(3, 0)).toBe(1);
    expect(at(3, 1)).toBe(2);
    expect(at(3, 4)).toBe(3);
    expect(at(3, 5)).toBe(4);
    expect(at(3, 7)).toBe('富文本');
    expect(at(4, 1)).toBe('张三');
    expect(at(4, 3)).toBeUndefined(); // the shared string item with no text
    expect(at(5, 0)).toBe(6);
    expect(at(5, 1)).toBeUndefined(); // an index past the shared strings
    expect(at(5, 2)).toBe(1000);
    expect(at(5, 26)).toBe('<b>');
    expect(usual.merges).toHaveLength(1);
  });

  test.each([
    [1 << 20, false],
    [1 << 20, true],
    [1, false],
    [1, true],
    [7, true],
    [13, false],
    [64, true],
  ])('chunks of %i characters, Latin-1 bytes: %s', (chunk, latin1) => {
    expect(read(SHEET, { element: true, latin1, chunk })).toEqual(usual);
    expect(read(SHEET, { element: false, latin1, chunk })).toEqual(usual);
  });

  test('with formulas and empty text kept (the score-sheet reader’s options)', () => {
    const opts = { keepEmptyText: true, formulas: true, chunk: 5 };
    const want = read(SHEET, { ...opts, element: false, latin1: false });
    expect(want.cells.find((x) => x[0] === 4 && x[1] === 2)?.[2]).toBe('');
    expect(want.cells.find((x) => x[0] === 2 && x[1] === 0)?.[3]).toBe('"名"&"字"');
    expect(read(SHEET, { ...opts, element: true, latin1: true })).toEqual(want);
  });

  test('a cell past Excel’s grid is refused the same way', () => {
    const beyond = SHEET.replace('<c r="C1"/>', '<c r="XFE1"><v>1</v></c>');
    for (const element of [true, false]) {
      expect(() => read(beyond, { element, latin1: true, chunk: 1 << 20 })).toThrow(WorkbookReadError);
    }
  });
});

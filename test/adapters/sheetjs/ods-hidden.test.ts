/** Hidden rows of an OpenDocument sheet, read from content.xml as LibreOffice writes them. */
import { hiddenOdsRows } from '../../../src/adapters/sheetjs/ods-hidden';

const row = (attrs = '') => `<table:table-row table:style-name="ro1"${attrs}><table:table-cell/></table:table-row>`;
const table = (name: string, body: string) => `<table:table table:name="${name}" table:style-name="ta1">${body}</table:table>`;

describe('hiddenOdsRows', () => {
  test('collapsed (by hand) and filtered rows, counted through repeats and row groups, per sheet', () => {
    const xml =
      table('甲', row() + row(' table:visibility="collapse"') + row(' table:number-rows-repeated="3"') + `<table:table-row-group>${row(' table:visibility="filter"')}</table:table-row-group>` + row()) +
      table('乙', row(' table:visibility="collapse" table:number-rows-repeated="2"') + row());
    expect(hiddenOdsRows(xml, 100)).toEqual(new Map([['甲', [1, 5]], ['乙', [0, 1]]]));
  });

  test('a run of hidden rows to the sheet’s end is cut at the limit; a table inside a cell is not followed', () => {
    const inner = `<table:table-cell>${table('内嵌', row(' table:visibility="collapse"'))}</table:table-cell>`;
    const xml = table('甲', `<table:table-row>${inner}</table:table-row>` + row() + row(' table:visibility="collapse" table:number-rows-repeated="1048574"'));
    expect(hiddenOdsRows(xml, 4)).toEqual(new Map([['甲', [2, 3]]]));
  });
});

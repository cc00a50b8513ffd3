/**
 * How the result workbook prints: A4, every sheet as wide as one page (the candidate columns are on every page),
 * the header row repeated, the programme, round and sheet name at the top of each page and the page number at
 * the bottom. Wide matrices that cannot fit one page repeat their candidate columns instead.
 */
import type ExcelJS from 'exceljs';

export interface PrintOptions {
  /** Page header text on the left (the programme and round). */
  title: string;
  landscape?: boolean;
  /** Rows repeated at the top of every page, e.g. "5:5". */
  titleRows?: string;
  /** Columns repeated on every page when the sheet is wider than a page, e.g. "A:B". */
  titleColumns?: string;
  /** Fit every column on one page width (default true). */
  fitWidth?: boolean;
  /** The whole sheet on one page (the chart). */
  onePage?: boolean;
}

/** "&" starts a header code: doubled to print as itself. */
function headerText(s: string): string {
  return s.replace(/&/g, '&&');
}

export function printSetup(ws: ExcelJS.Worksheet, o: PrintOptions): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9,
    orientation: o.landscape === false ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: o.fitWidth === false ? 0 : 1,
    fitToHeight: o.onePage ? 1 : 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (o.titleRows) setup.printTitlesRow = o.titleRows;
  if (o.titleColumns) setup.printTitlesColumn = o.titleColumns;
  ws.pageSetup = setup;
  ws.headerFooter = { oddHeader: `&L&9${headerText(o.title)}&R&9&A`, oddFooter: '&C&9第 &P 页，共 &N 页' };
}

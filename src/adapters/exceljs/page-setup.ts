/**
 * Applies the core's print layout (core/model/print-layout.ts) to an exceljs worksheet: A4, the printed area,
 * repeated title rows (and the name column when the table spans pages across), fit to the pages across, the
 * sheet name at the top and the page number at the bottom of every page.
 */
import type ExcelJS from 'exceljs';
import type { Lang } from '../../core/model/findings';
import { PRINT_HEADER, PRINT_MARGINS, printAreaAddress, printFooter, PrintLayout, titleColumnsAddress, titleRowsAddress, wrappedRowHeight } from '../../core/model/print-layout';

/** OOXML paper size 9 = A4. */
const A4 = 9;

/** "&" starts a header code in Excel; the texts here use only codes on purpose. */
export function applyPrintLayout(ws: ExcelJS.Worksheet, layout: PrintLayout, lang: Lang): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: A4,
    orientation: layout.orientation,
    fitToPage: true,
    fitToWidth: layout.pagesWide,
    // 0: as many pages tall as the rows need.
    fitToHeight: 0,
    margins: { ...PRINT_MARGINS },
  };
  // The write step makes these rows absolute (ooxml/exceljs-patches.ts absolutePrintArea).
  if (layout.area) setup.printArea = printAreaAddress(layout.area);
  if (layout.titleRows) setup.printTitlesRow = titleRowsAddress(layout.titleRows);
  if (layout.titleColumns) setup.printTitlesColumn = titleColumnsAddress(layout.titleColumns);
  ws.pageSetup = { ...ws.pageSetup, ...setup };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: `&C&9${PRINT_HEADER}`, oddFooter: `&C&9${printFooter(lang)}` };
}

/**
 * Makes every row with wrapped text tall enough to show (and print) all of it: Excel and LibreOffice keep a
 * written file's row heights as they are. Only ever raises a row. Run after the values and column widths are set.
 */
export function fitWrappedRows(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    const cells: { text: string; width: number }[] = [];
    row.eachCell((cell, col) => {
      if (!cell.alignment?.wrapText || cell.isMerged) return;
      const v = cell.value;
      if (typeof v === 'string' || typeof v === 'number') cells.push({ text: String(v), width: ws.getColumn(col).width ?? 9 });
    });
    const height = wrappedRowHeight(cells);
    if (height && height > (row.height ?? 0)) row.height = height;
  });
}

/// <reference types="office-js" />
/** "打印设置" for the summary sheet, and selecting a cell. One sync each. */
import type { Lang } from '../../core/model/findings';
import type { Profile } from '../../core/profiles/schema';
import type { RecognizedTable } from '../../core/recognition/recognize-tables';
import { boundsAddress, rowsAddress } from './address';
import { requireFeature } from './requirements';

/** The stamp line under the printed summary: unit (sealed) and date, blanks to fill by hand. */
export function stampFooter(profile: Profile, lang: Lang): string {
  // "&" starts a code in Excel header/footer text: doubled it prints as itself.
  const unit = (profile.footer?.unit || '推荐单位（加盖公章）').replace(/&/g, '&&');
  return lang === 'en'
    ? 'Nominating unit (official seal):                Date:           '
    : `${unit}：                日期：    年  月  日`;
}

/** Print area: A1 to the table's last column and its last data or footer row. */
export function printBounds(table: RecognizedTable): { top: number; left: number; bottom: number; right: number } {
  let bottom = Math.max(table.headerRow, table.endRow - 1, ...table.dataRows);
  let right = Math.max(...table.columns.map((c) => c.col));
  for (const e of Object.values(table.footer ?? {})) {
    if (!e) continue;
    bottom = Math.max(bottom, e.labelRow, e.row);
    right = Math.max(right, e.labelCol, e.col);
  }
  return { top: 0, left: 0, bottom, right };
}

/**
 * A4 landscape, all columns on one page wide (as many pages tall as needed), rows 1…header repeated on every
 * page, print area = the table and its footer, and the stamp line centred in the page footer.
 * @requires ExcelApi 1.9 (printing)
 */
export async function setupPrinting(context: Excel.RequestContext, table: RecognizedTable, profile: Profile, lang: Lang): Promise<void> {
  requireFeature('printing');
  const ws = context.workbook.worksheets.getItem(table.sheet.name);
  const layout = ws.pageLayout;
  layout.orientation = 'Landscape';
  layout.paperSize = 'A4';
  // verticalFitToPages 0 = automatic (OOXML fitToHeight="0"): one page wide, as many tall as needed.
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.centerHorizontally = true;
  layout.setPrintTitleRows(rowsAddress(0, table.headerRow));
  layout.setPrintArea(boundsAddress(printBounds(table)));
  layout.headersFooters.defaultForAllPages.centerFooter = stampFooter(profile, lang);
  await context.sync();
}

/** Activates the sheet and selects the cell (A1 address, e.g. "D7"). */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}

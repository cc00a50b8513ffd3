/** How the scoring workbooks (expert score sheets, result workbook) draw their tables' header rows. */
import ExcelJS from 'exceljs';

export const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** Writes the headers into the row: bold, filled, bordered, centred and wrapped, at the given height. */
export function styleHeaderRow(row: ExcelJS.Row, headers: readonly string[], height: number): void {
  headers.forEach((h, i) => {
    const c = row.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  row.height = height;
}

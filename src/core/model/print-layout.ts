/**
 * How a sheet Jiangxuan writes prints, decided once here and applied by each writer (exceljs, Office.js, WPS):
 * A4, the used rows only, the title rows on every page, as many pages wide as keeps the text readable, the
 * sheet's name at the top and the page number at the bottom. Pure: no host types.
 */
import type { Lang, Localized } from './findings';
import { cellAddress, columnLetters } from './grid';

export interface PrintLayout {
  orientation: 'portrait' | 'landscape';
  /** Pages across (fit to this many pages wide, as many tall as needed). */
  pagesWide: number;
  /** 1-based rows repeated at the top of every page, e.g. [1, 2]. */
  titleRows?: readonly [number, number];
  /** 1-based columns repeated on every page when the table is more than one page wide (e.g. [1, 1]: the name). */
  titleColumns?: readonly [number, number];
  /**
   * The printed area, from A1 to this 1-based row and column. Absent: the program prints the used cells, which
   * grow as rows are typed (right for a sheet without formulas filled in ahead of the data).
   */
  area?: { lastRow: number; lastCol: number };
}

/** Header and footer texts in Excel's codes (&A sheet name, &P page, &N pages), the same in every host. */
export const PRINT_HEADER = '&A';
export const PRINT_FOOTER: Localized = { zh: '第 &P 页，共 &N 页', en: 'Page &P of &N' };

export function printFooter(lang: Lang): string {
  return PRINT_FOOTER[lang];
}

/** Margins in inches: narrow at the sides (more columns per page), room for the header and footer. */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/**
 * A column of width w characters is about 7w + 5 pixels at 96 dpi (Excel's default font); A4 within the
 * margins above holds 717 px portrait and 1045 px landscape at 100 %.
 */
const PAGE_PX = { portrait: 717, landscape: 1045 } as const;
/** Below this scale 11-point text prints smaller than about 8 points: split the table over more pages instead. */
const MIN_SCALE = 0.72;

function columnsPx(widths: readonly number[]): number {
  return widths.reduce((n, w) => n + w * 7 + 5, 0);
}

/**
 * Orientation and pages across for columns of these widths (characters): portrait when they fit a portrait page
 * at full size, else landscape, over as many pages across as keeps the scale readable.
 */
export function pageShape(widths: readonly number[]): Pick<PrintLayout, 'orientation' | 'pagesWide'> {
  const px = columnsPx(widths);
  if (px <= PAGE_PX.portrait) return { orientation: 'portrait', pagesWide: 1 };
  return { orientation: 'landscape', pagesWide: Math.max(1, Math.ceil(px / (PAGE_PX.landscape / MIN_SCALE))) };
}

/**
 * A layout for a table whose columns have these widths, printed from A1 to lastRow (undefined: the used cells),
 * with `titleRows` on every page.
 */
export function tablePrintLayout(widths: readonly number[], lastRow: number | undefined, titleRows?: readonly [number, number]): PrintLayout {
  const shape = pageShape(widths);
  const layout: PrintLayout = { ...shape };
  if (lastRow !== undefined) layout.area = { lastRow: Math.max(1, lastRow), lastCol: Math.max(1, widths.length) };
  if (titleRows) layout.titleRows = titleRows;
  // Wider than a page: the first column (the name) on every page, so each page says whose row it is.
  if (shape.pagesWide > 1) layout.titleColumns = [1, 1];
  return layout;
}

/** "A1:F20". */
export function printAreaAddress(area: NonNullable<PrintLayout['area']>): string {
  return `A1:${cellAddress(area.lastRow - 1, area.lastCol - 1)}`;
}

/** "1:2" / "A:A", as Excel writes repeated rows and columns. */
export function titleRowsAddress(rows: readonly [number, number]): string {
  return `${rows[0]}:${rows[1]}`;
}
export function titleColumnsAddress(cols: readonly [number, number]): string {
  return `${columnLetters(cols[0] - 1)}:${columnLetters(cols[1] - 1)}`;
}

/** Width of text in character units: a CJK or full-width character takes two, as in a column width. */
export function textUnits(line: string): number {
  let units = 0;
  for (const ch of line) units += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return units;
}

/** Lines a text takes when wrapped in `width` character units (explicit line breaks kept). */
export function wrappedLineCount(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(textUnits(line) / room));
  return lines;
}

/** Points per line of 11-point text, CJK fonts included. */
const LINE_POINTS = 15.6;

/**
 * Height (points) of a row whose wrapped cells hold these texts in columns of these widths; undefined when one
 * line is enough. Written explicitly: neither Excel nor LibreOffice grows a row to its wrapped text when opening
 * a file, so without it a long message prints as its first line only.
 */
export function wrappedRowHeight(cells: readonly { text: string; width: number }[]): number | undefined {
  const lines = Math.max(1, ...cells.map((c) => wrappedLineCount(c.text, c.width)));
  return lines > 1 ? Math.ceil(lines * LINE_POINTS + 2) : undefined;
}

/**
 * References to cells of a named sheet, as formulas, defined names, chart series and HYPERLINK targets write
 * them ("'培育档案'!$B$3:$B$5002"). Every front end and writer builds them here.
 */

/**
 * A sheet name ready to stand before "!". Excel needs the quotes for names with spaces, punctuation, a leading
 * digit or that read as a cell reference, and accepts them on every name: quoting always is the one rule that is
 * always valid. An apostrophe inside the name is doubled.
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet'!D7" (any local reference: a cell, a range, an absolute range). */
export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheetName(sheet)}!${ref}`;
}

/** The absolute range of one column between two 1-based rows: "'Sheet'!$C$3:$C$502". */
export function columnRangeRef(sheet: string, column: string, firstRow: number, lastRow: number): string {
  return sheetRef(sheet, `$${column}$${firstRow}:$${column}$${lastRow}`);
}

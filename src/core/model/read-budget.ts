/**
 * How much of a workbook Jiangxuan reads in one go, the same for every front end (CLI, page, add-in): within these
 * budgets any workbook finishes within 60 s and 1.5 GB on a 2-core machine (README, "表格大小"; measured by
 * bench/bounded-bench.js); past them the readers stop and say 「表格过大…」 (failure 'too-large'). The readers count;
 * nothing is timed.
 */
export const READ_BUDGET = {
  /** Cells holding a value, in the whole workbook. */
  cells: 10_000_000,
  /**
   * Row slots the grid holds: each row from column A to its last value. A value far to the right on every row
   * costs this much even with few values.
   */
  extent: 40_000_000,
  /** XML once unzipped, all parts together, in MB. */
  xmlMegabytes: 1024,
  /**
   * Objects the annotated copy's workbook model may hold: cells and rows written in the file, cells of merged
   * areas and of data validations after clipping to the data. exceljs keeps a full model of each (~1 KB with
   * what writing the copy costs): a million rows of one value took it 111 s and 3.1 GB.
   */
  annotateCells: 1_000_000,
  /**
   * Content of a file in another format than .xlsx, in MB: the unzipped parts of an .ods or .xlsb, the file itself
   * for .xls/.et, CSV and web tables. Their reader (SheetJS) holds the whole file and its model and cannot be
   * stopped part-way; measured through the CLI on a loaded 2-core machine: .xls of 5,000 and 10,000 nominees
   * (28 and 58 MB) 12 s / 350 MB and 24 s / 590 MB, the 5,000 as .ods (73 MB unzipped) 33 s / 510 MB — about
   * 0.45 s and 10 MB per MB of content, so 100 MB stays within 60 s and 1.5 GB. Past it: refused before parsing.
   */
  otherFormatMegabytes: 100,
} as const;

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
} as const;

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
   * Cells the annotated copy's workbook model may hold (exceljs keeps a full model of every cell: ~0.5 KB each),
   * counting cells written in the file and merged areas, after clipping to the data.
   */
  annotateCells: 2_000_000,
} as const;

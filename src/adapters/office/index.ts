/// <reference types="office-js" />
/**
 * Office.js adapter: the only place that talks to Excel. It turns the open workbook into the core's plain grid
 * and applies results back (marks as conditional formats Jiangxuan owns, a results sheet, data validation, print
 * setup). Everything else (task pane, ribbon commands) calls the functions exported here inside its own
 * Excel.run (see runOptions for cell-edit mode).
 *
 * ## Requirement sets (requirements.ts; table generated into docs/office-api-usage.md)
 * The manifest asks for ExcelApi 1.7 (reading). Everything above it goes through one runtime gate with a message
 * in words: marks, results sheet and print setup 1.9; input rules 1.8; live re-checking 1.9 (sorts 1.10,
 * waiting for cell edit 1.11); merged cells 1.13 (else read from the workbook file); inserting sheets 1.13 and
 * opening a new workbook 1.8 (else a download). Below ExcelApi 1.20 every write clears the user's undo history.
 *
 * ## Batching (read this before adding a call)
 * Each function queues its operations and sends them in a fixed number of `context.sync()` calls, whatever
 * the number of rows:
 * - readWorkbook: 3 + 1 — sheet list and our setting; used-range dimensions; all values (values + valueTypes +
 *   numberFormat of every sheet's valuesOnly used range); merged areas (ExcelApi 1.13).
 * - markFindings / clearMarks: 3–4 — sheets, protection and our setting; the sheets' conditional formats; the
 *   formulas of custom ones (skipped when there are none); the writes (marks.ts).
 * - readRows, applyInputRules, setupPrinting, selectCell: 1 each.
 * - insertWorkbookSheets (workbooks.ts): 3. createWorkbookFromBytes: none.
 * - LiveChecker, per debounced edit: readRows (1), plus the marking syncs only when marking is on and a sheet's
 *   marks changed.
 * Excel on the web rejects a request or a response over 5 MB (reported as PayloadSizeLimitExceeded, or as
 * GeneralException) and a range read over 5,000,000 cells. Reads are cut into row blocks of at most
 * CELLS_PER_BLOCK cells, packed into requests of at most BATCH_BYTE_BUDGET (4 MiB) estimated bytes; writes are
 * estimated per operation (limits.ts) and packed by Batcher. A read Excel still rejects (either way) is split in
 * two and retried.
 *
 * ## Values
 * valueTypes turns errors into {error:'#DIV/0!'}; numbers stay numbers; a number whose numberFormat is a date
 * format becomes a Date at UTC midnight (values.ts; 1900 date system). Hidden and veryHidden sheets are read and
 * flagged; the results sheet Jiangxuan wrote is left out.
 */
import type { Lang } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import { fromJsDate, SimpleDate } from '../../core/model/dates';
import { checkWorkbook as checkGrid, CheckOutcome as CoreOutcome, type GridChecker } from '../../core/check/check-workbook';
import { applyMarks, type MarkReport } from './marks';
import { readWorkbook, ReadProgress } from './read';
import type { MergeSource } from './merges';
import { supports } from './requirements';

export { readWorkbookGrid, readWorkbook, readRows } from './read';
export type { ReadProgress, ReadResult } from './read';
export { markFindings, clearMarks, applyMarks, markFormula, isMarkFormula, MARK_TAG } from './marks';
export type { MarkOptions, MarkReport, ClearReport } from './marks';
export { applyInputRules } from './input-rules';
export { setupPrinting, selectCell } from './printing';
export { LiveChecker } from './live';
export type { LiveState, LiveOptions } from './live';
export { readMergedAreas, addMergedAreas, canReadMerges, setWorkbookFileReader } from './merges';
export type { MergeSource, WorkbookFileReader } from './merges';
export { insertWorkbookSheets, createWorkbookFromBytes, canInsertSheets, canCreateWorkbook, insertKeepsCharts, bytesToBase64, safeSheetName } from './workbooks';
export type { InsertSheetsOptions, InsertedSheets } from './workbooks';
export { supports, requireFeature, limitsOfThisExcel, highestExcelApi, unavailableMessage, FeatureUnavailableError, FEATURES, BASE_EXCEL_API } from './requirements';
export type { Feature } from './requirements';
export { asOfficeActionError, describeOfficeError, logOfficeError, OfficeActionError } from './errors';
export { STORE_KEY } from './store';

export interface CheckOptions {
  programId?: string;
  /** The date ages and deadlines are judged at (an ISO "2025-03-01" is accepted too); default: today, capped at the deadline. */
  asOf?: SimpleDate | string;
  lang: Lang;
  /** Colour the problem cells (writes: clears Excel's undo history before ExcelApi 1.20). Default false. */
  mark?: boolean;
  /** Write (or refresh) the 校验结果 sheet. */
  resultsSheet?: boolean;
  onProgress?: (p: ReadProgress) => void;
  /** Where the core's check of what was read runs (the task pane: its worker); default: right here. */
  checkGrid?: GridChecker;
}

/** The core's outcome, with the grid it was computed from (live re-checks patch it) and what Excel did. */
export interface CheckOutcome extends CoreOutcome {
  grid: WorkbookGrid;
  /** Where merged cells were read from; what marking did (absent when nothing was written). */
  office: { merges: MergeSource; marks?: MarkReport };
}

/**
 * The options for Excel.run: wait while the user edits a cell, where Excel can (ExcelApi 1.11); older Excel
 * fails such a batch with InvalidOperationInCellEditMode, which the callers report in words.
 */
export function runOptions(): Excel.RunOptions | undefined {
  return supports('delayForCellEdit') ? { delayForCellEdit: true } : undefined;
}

/**
 * Reads the workbook, runs the core's check use-case and, when asked, marks the findings and writes the results
 * sheet. Throws the core's CheckError (its `localized` is the message to show) when nothing is recognisable.
 * @requires ExcelApi 1.7 (read)
 */
export async function checkWorkbook(context: Excel.RequestContext, opts: CheckOptions): Promise<CheckOutcome> {
  const lang: Lang = opts.lang === 'en' ? 'en' : 'zh';
  const { grid, merges } = await readWorkbook(context, { onProgress: opts.onProgress });
  const request = { programId: opts.programId, asOf: opts.asOf, today: fromJsDate(new Date()) };
  const checked = opts.checkGrid ? await opts.checkGrid(grid, request) : checkGrid(grid, request);
  const office: CheckOutcome['office'] = { merges };
  if (opts.mark || opts.resultsSheet) {
    office.marks = await applyMarks(context, {
      findings: checked.result.findings,
      opts: { lang, resultsSheet: !!opts.resultsSheet, programName: checked.profile.shortName[lang], merges: (n) => grid.sheets.find((s) => s.name === n)?.merges },
      cells: !!opts.mark,
      results: opts.resultsSheet ? 'rewrite' : opts.mark ? 'remove' : 'keep',
    });
  }
  return { ...checked, grid, office };
}

/// <reference types="office-js" />
/**
 * Office.js adapter: the only place that talks to Excel. It turns the open workbook into the core's plain grid
 * and applies results back (fills, comments, a results sheet, data validation, print setup). Everything else
 * (task pane, ribbon commands) calls the functions exported here inside its own Excel.run.
 *
 * ## Batching (read this before adding a call)
 * Each function queues its operations and sends them in a fixed number of `context.sync()` calls, whatever
 * the number of rows:
 * - readWorkbookGrid: 3 — sheet list; used-range dimensions; all values (values + valueTypes + numberFormat
 *   of every sheet's valuesOnly used range).
 * - markFindings: 3–5 — (1) sheet names + protection, comments, our saved state (the very first time the
 *   state sheet is missing, Excel rejects that request and it is sent again without it: +1); (2) current fills
 *   of the cells to mark or restore (one getCellProperties per column run) + comment locations; (3) the
 *   state, then the writes (one fill operation per column run of equal colour, one per comment, the results
 *   sheet); (4) only when comments were added or the results sheet was renamed: the state again, with the new
 *   comments' ids. clearMarks: 3.
 * - readRows, applyInputRules, setupPrinting, selectCell: 1 each.
 * - readMergedAreas (merges.ts, for scoring and cultivation only): 1.
 * - insertWorkbookSheets (workbooks.ts): 3 — existing names; the insert; renames, activation and final names.
 *   createWorkbookFromBytes: none (Excel.createWorkbook is not a batched call).
 * - LiveChecker, per debounced edit: readRows (1) + markFindings' steps for the cells whose findings changed
 *   (measured: 4, or 5 when a comment is added; 0 when the edit changed nothing).
 * Excel on the web rejects a request or a response over 5 MB and a range read over 5,000,000 cells. Reads are
 * cut into row blocks of at most CELLS_PER_BLOCK cells (min of 1,000,000 and 4 MiB / 24 estimated bytes per
 * cell), packed into requests of at most BATCH_BYTE_BUDGET (4 MiB) estimated bytes; writes are estimated per
 * operation (limits.ts: object paths + actions + their text) and packed by Batcher, request and response
 * bytes counted separately. So the count is constant for any workbook whose payload fits one request (e.g.
 * 5,000 rows × 30 columns of short values, or a column of 5,000 marked cells with comments) and grows by one
 * per ~4 MB beyond (a 200,000 × 30 sheet: 35 value requests). A read Excel still rejects as too large (long texts beat
 * the estimate) is split in two and retried.
 *
 * ## Values
 * valueTypes turns errors into {error:'#DIV/0!'}; numbers stay numbers (an ID typed as a number arrives as
 * the number Excel stored); a number whose numberFormat is a date format becomes a Date at UTC midnight
 * (values.ts; 1900 date system — 1904-system workbooks are not detected). Time-only formats stay numbers.
 * Merges are not read by readWorkbookGrid (merges: []): the checker does not use them, and getMergedAreas fails
 * beyond 512 areas. Scoring and cultivation add them with addMergedAreas (merges.ts; optional, see there).
 * Hidden and veryHidden sheets are read and flagged; Jiangxuan's own sheets are left out.
 *
 * ## Marks
 * A problem cell gets the severity fill of core/report/colours.ts and a threaded comment starting with
 * 【匠选】. A cell that already has a user's comment gets no comment from us (a reply would notify its
 * participants and mix with their thread): its message is in the task pane and the results sheet. Before a
 * cell is changed its fill is saved in the veryHidden sheet `_jiangxuan_marks` (state.ts, one JSON per row),
 * so clearMarks restores it after save and reopen; a cell is restored only while it still shows our colour
 * (a fill the user set since is kept). Protected sheets are not marked (markFindings returns their names).
 * Values are never written.
 *
 * ## Requirement sets — declare ExcelApi 1.10 as the minimum in the manifest
 * ExcelApi 1.1 (values, valueTypes, numberFormat, fill.color, visibility), 1.2 (worksheet protection),
 * 1.4 (getUsedRangeOrNullObject), 1.7 (getRangeByIndexes, freezePanes, changed-event args), 1.8
 * (dataValidation), 1.9 (fill.pattern, getCellProperties, pageLayout, autoFilter, WorksheetCollection.onChanged),
 * 1.10 (workbook.comments). Optional, checked at run time with a fallback: 1.13 (insertWorksheetsFromBase64 for
 * scoring results, else the pane downloads them; getMergedAreasOrNullObject, else no merges) and 1.8
 * (Excel.createWorkbook for tracking workbooks, else a download).
 */
import type { Lang } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import { fromJsDate, SimpleDate } from '../../core/model/dates';
import { checkWorkbook as checkGrid, CheckOutcome as CoreOutcome } from '../../core/check/check-workbook';
import { markFindings } from './marks';
import { readWorkbookGrid, ReadProgress } from './read';

export { readWorkbookGrid, readRows } from './read';
export type { ReadProgress } from './read';
export { markFindings, clearMarks } from './marks';
export type { MarkOptions } from './marks';
export { applyInputRules } from './input-rules';
export { setupPrinting, selectCell } from './printing';
export { LiveChecker } from './live';
export type { LiveState } from './live';
export { STATE_SHEET, COMMENT_PREFIX } from './state';
export { readMergedAreas, addMergedAreas, canReadMerges } from './merges';
export { insertWorkbookSheets, createWorkbookFromBytes, canInsertSheets, canCreateWorkbook, insertKeepsCharts, bytesToBase64, safeSheetName } from './workbooks';
export type { InsertSheetsOptions, InsertedSheets } from './workbooks';

export interface CheckOptions {
  programId?: string;
  /** The date ages and deadlines are judged at (an ISO "2025-03-01" is accepted too); default: today, capped at the deadline. */
  asOf?: SimpleDate | string;
  lang: Lang;
  resultsSheet?: boolean;
  onProgress?: (p: ReadProgress) => void;
}

/** The core's outcome, with the grid it was computed from (live re-checks patch it). */
export interface CheckOutcome extends CoreOutcome {
  grid: WorkbookGrid;
}

/**
 * Reads the workbook, runs the core's check use-case and marks the findings. Throws the core's CheckError
 * (its `localized` is the message to show) when nothing is recognisable.
 */
export async function checkWorkbook(context: Excel.RequestContext, opts: CheckOptions): Promise<CheckOutcome> {
  const lang: Lang = opts.lang === 'en' ? 'en' : 'zh';
  const grid = await readWorkbookGrid(context, opts.onProgress);
  const checked = checkGrid(grid, { programId: opts.programId, asOf: opts.asOf, today: fromJsDate(new Date()) });
  await markFindings(context, checked.result.findings, { lang, resultsSheet: opts.resultsSheet ?? false, programName: checked.profile.shortName[lang] });
  return { ...checked, grid };
}

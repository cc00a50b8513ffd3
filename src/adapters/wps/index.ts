/**
 * WPS 表格 (ET) adapter: the only place that talks to a WPS workbook. It turns the open workbook into the core's
 * grid and applies the core's decisions back (the mark plan, input rules), the same way the Office.js adapter
 * does for Excel. The task pane (src/taskpane/hosts/wps-host.ts) and the ribbon (src/wps-addin/main.ts) call
 * these functions with WPS's `Application`.
 *
 * ET's JS API is synchronous (each call crosses into WPS and returns), so every function here is synchronous
 * too: a ribbon callback can run a whole check without becoming async (async ribbon callbacks kept the ribbon
 * from showing in some 12.1 builds). What costs time is the number of bridge calls, so reads and writes go by
 * blocks and column runs, never cell by cell (read.ts, marks.ts).
 *
 * Types: types/wps-et.d.ts (wps-jsapi-declare has no spreadsheet model; see there). Colours are BGR numbers.
 * Constants are VBA's values written out: `Application.Enum` is missing on older builds.
 */
import type { Lang } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import { fromJsDate, SimpleDate } from '../../core/model/dates';
import { checkWorkbook as checkGrid, CheckOutcome as CoreOutcome, type GridChecker, type GridCheckRequest } from '../../core/check/check-workbook';
import type { EtApp } from './et';
import { markFindings, type MarkResult } from './marks';
import { readWorkbookGrid, readWorkbookGridInSteps, type ReadProgress } from './read';

export type { EtApp } from './et';
export { readWorkbookGrid, readWorkbookGridInSteps, readRows, readSheet, dataBounds, findMerges, BLOCK_CELLS, STEP_BLOCK_CELLS, FIND_BOUNDS_ABOVE } from './read';
export type { ReadProgress, ReadOptions, StepOptions } from './read';
export { markFindings, clearMarks, commentText, isOurComment } from './marks';
export type { MarkOptions, MarkResult } from './marks';
export { applyInputRules } from './input-rules';
export { selectCell } from './select';
export { WpsLiveChecker } from './live';
export type { LiveState } from './live';
export { STATE_SHEET, COMMENT_PREFIX } from './state';
export { WpsError, isWpsError } from './errors';
export { hexToBgr, bgrToHex, XL_SHEET_VERY_HIDDEN } from './et';

export interface CheckOptions {
  programId?: string;
  /** The date ages and deadlines are judged at ("2025-03-01" accepted); default: today, capped at the deadline. */
  asOf?: SimpleDate | string;
  lang: Lang;
  onProgress?: (p: ReadProgress) => void;
  /** Today (tests); default: the machine's date. */
  today?: SimpleDate;
}


/** The core's outcome, the grid it was computed from, and how the marking went. */
export interface CheckOutcome extends CoreOutcome {
  grid: WorkbookGrid;
  marks: MarkResult;
}

/** The grid's merged areas by sheet, for the mark plan. */
export function mergesOf(grid: WorkbookGrid): (sheet: string) => WorkbookGrid['sheets'][number]['merges'] | undefined {
  const by = new Map(grid.sheets.map((s) => [s.name, s.merges]));
  return (sheet) => by.get(sheet);
}

/**
 * Reads the workbook, runs the core's check and marks the findings. Throws the core's CheckError (its
 * `localized` is the message to show) when nothing is recognisable, WpsError when no workbook is open.
 */
export function checkWorkbook(app: EtApp, opts: CheckOptions): CheckOutcome {
  const grid = readWorkbookGrid(app, { onProgress: opts.onProgress });
  return marked(app, grid, checkGrid(grid, gridRequest(opts)), opts);
}

/**
 * checkWorkbook for the task pane: the workbook read in steps with the pane's turns between them
 * (readWorkbookGridInSteps), the core's check run by `check` (the pane's worker), so that the pane keeps answering
 * while a large workbook is read and checked. Marking stays one synchronous run of calls into WPS.
 */
export async function checkWorkbookWith(app: EtApp, opts: CheckOptions, check: GridChecker): Promise<CheckOutcome> {
  const grid = await readWorkbookGridInSteps(app, { onProgress: opts.onProgress });
  return marked(app, grid, await check(grid, gridRequest(opts)), opts);
}

function gridRequest(opts: CheckOptions): GridCheckRequest {
  return { programId: opts.programId, asOf: opts.asOf, today: opts.today ?? fromJsDate(new Date()) };
}

function marked(app: EtApp, grid: WorkbookGrid, checked: CoreOutcome, opts: CheckOptions): CheckOutcome {
  const marks = markFindings(app, checked.result.findings, { lang: opts.lang === 'en' ? 'en' : 'zh', merges: mergesOf(grid) });
  return { ...checked, grid, marks };
}

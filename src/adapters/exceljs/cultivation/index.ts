/**
 * Cultivation tracking workbook, bytes in and bytes out. Browser-safe (no fs in the import graph): the CLI,
 * the standalone page and the task pane share these functions.
 */
import type { WorkbookGrid } from '../../../core/model/grid';
import type { SimpleDate } from '../../../core/model/dates';
import type { Profile } from '../../../core/profiles/schema';
import { allBuiltinProfiles } from '../../../core/profiles/builtin-profiles';
import { traineesFromGrid, TraineeSource } from '../../../core/cultivation/trainees';
import { planRollover, RolloverReport } from '../../../core/cultivation/rollover';
import type { WorkbookBytes } from '../read-workbook';
import { readWorkbookBytes } from '../../files/read-workbook';
import { writeTrackingWorkbook } from './write-tracking';

export { writeTrackingWorkbook, DATE_FORMAT } from './write-tracking';

export interface CreateTrackingOptions {
  /** A cultivation profile (builtinProfile('sqc-cultivation-2026') or a user's profile extending it). */
  profile: Profile;
  /** 培育年度 (default: the profile's year). */
  year?: number;
  /** Period start for every trainee (default 1 January of the year). */
  periodStart?: SimpleDate;
  /** Fixed statistics date on the dashboard (default: =TODAY()). */
  asOf?: SimpleDate;
  /** The nominee workbook (bytes of an .xlsx, or a grid read by the Office.js adapter); absent: an empty workbook. */
  nominees?: WorkbookBytes | WorkbookGrid;
  /** Profiles tried when the nominee table is not the cultivation profile's (default: the built-in ones). */
  otherProfiles?: readonly Profile[];
}

export interface CreateTrackingResult {
  bytes: Uint8Array;
  year: number;
  trainees: number;
  /** Where the trainees came from (absent for an empty workbook). */
  source?: Omit<TraineeSource, 'rows'>;
}

function isGrid(x: WorkbookBytes | WorkbookGrid): x is WorkbookGrid {
  return typeof x === 'object' && x !== null && Array.isArray((x as WorkbookGrid).sheets);
}

/**
 * Builds the tracking workbook. Throws WorkbookReadError (unusable nominee file), NoTraineeTableError (no
 * nominee table in it) or CultivationDesignError (the profile lacks its cultivation section, a table or a field
 * the workbook needs).
 */
export async function createTrackingWorkbook(opts: CreateTrackingOptions): Promise<CreateTrackingResult> {
  const year = opts.year ?? opts.profile.year;
  let source: TraineeSource | undefined;
  if (opts.nominees) {
    const grid = isGrid(opts.nominees) ? opts.nominees : await readWorkbookBytes(opts.nominees);
    source = traineesFromGrid(grid, opts.profile, opts.otherProfiles ?? allBuiltinProfiles());
  }
  const bytes = await writeTrackingWorkbook({
    profile: opts.profile,
    year,
    periodStart: opts.periodStart,
    asOf: opts.asOf,
    trainees: source?.rows ?? [],
  });
  const result: CreateTrackingResult = { bytes, year, trainees: source?.rows.length ?? 0 };
  if (source) result.source = { sheet: source.sheet, profileId: source.profileId, tableKind: source.tableKind };
  return result;
}

export interface RolloverOptions {
  profile: Profile;
  /** The new 培育年度. */
  year: number;
  asOf?: SimpleDate;
}

/**
 * Next year's workbook from a filled one: trainees marked 继续培育 carried (new period, status 培育中), their
 * rows of this year and older history on the 历史· sheets. Throws WorkbookReadError or NoTrackingTableError.
 */
export async function rolloverTrackingWorkbook(input: WorkbookBytes | WorkbookGrid, opts: RolloverOptions): Promise<{ bytes: Uint8Array; report: RolloverReport }> {
  const grid = isGrid(input) ? input : await readWorkbookBytes(input);
  const plan = planRollover(grid, opts.profile, opts.year);
  const bytes = await writeTrackingWorkbook({
    profile: opts.profile,
    year: opts.year,
    asOf: opts.asOf,
    trainees: plan.trainees,
    history: plan.history,
  });
  return { bytes, report: plan.report };
}

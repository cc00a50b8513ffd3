/**
 * The decision every front end makes before it shows findings: which programme (the one chosen, or detected
 * from the titles, else the headers), at which date, then the validation. Front ends word the failures
 * themselves (a CLI line, a pane message); the reasons are here, once.
 */
import { SimpleDate } from '../model/dates';
import { defaultAsOf } from '../model/as-of';
import { Profile } from '../profiles/schema';
import { detectProgram } from '../recognition/detect-program';
import { WorkbookGrid } from '../model/grid';
import { NoTableError, ValidationResult, validateWorkbook } from './validate-workbook';

export type CheckFailure =
  /** No programme was chosen and none could be detected. */
  | { code: 'no-program' }
  /** The chosen or detected programme's tables are not in the workbook. */
  | { code: 'no-table'; profile: Profile };

export class CheckWorkbookError extends Error {
  constructor(readonly failure: CheckFailure) {
    super(failure.code);
    this.name = 'CheckWorkbookError';
  }
}

export interface CheckWorkbookOptions {
  /** The profiles detection chooses from. */
  profiles: readonly Profile[];
  /** The programme the user chose; detection runs when absent. */
  profile?: Profile;
  /** Ages and look-back windows are counted here; default: today, never after the deadline. */
  asOf?: SimpleDate;
  today: SimpleDate;
}

export interface CheckedWorkbook {
  result: ValidationResult;
  profile: Profile;
  /** 'chosen' by the user, or detected from a 'title' or the 'headers'. */
  how: 'chosen' | 'title' | 'headers';
  /** The title line that named the programme. */
  evidence?: string;
}

export function checkWorkbookGrid(grid: WorkbookGrid, opts: CheckWorkbookOptions): CheckedWorkbook {
  let profile = opts.profile;
  let how: CheckedWorkbook['how'] = 'chosen';
  let evidence: string | undefined;
  if (!profile) {
    const det = detectProgram(grid, opts.profiles);
    if (!det) throw new CheckWorkbookError({ code: 'no-program' });
    profile = det.profile;
    how = det.how;
    evidence = det.evidence;
  }
  const asOf = opts.asOf ?? defaultAsOf(profile.deadline, opts.today);
  try {
    const checked: CheckedWorkbook = { result: validateWorkbook(grid, profile, { asOf }), profile, how };
    if (evidence !== undefined) checked.evidence = evidence;
    return checked;
  } catch (e) {
    if (e instanceof NoTableError) throw new CheckWorkbookError({ code: 'no-table', profile });
    throw e;
  }
}

/** "推荐汇总表（序号 | 所在单位名称 | 姓名 | …）；或 …": the headers a profile's tables need, for messages. */
export function describeTables(profile: Profile): string {
  return Object.values(profile.tables)
    .map((t) => `${t!.name.zh}（${t!.fields.slice(0, 5).map((f) => f.label).join(' | ')} …）`)
    .join('；或 ');
}

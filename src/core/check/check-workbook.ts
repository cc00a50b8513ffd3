/**
 * The check use-case: the one door every front end (CLI, standalone page, Excel pane and ribbon, WPS) goes
 * through from "a workbook's grid" to "findings". It picks the programme (chosen, or detected from the titles,
 * else the headers), the date, and validates. Failures are a CheckError with a code (failures.ts); front ends
 * only display `checkFailureMessage`.
 *
 *   adapter: bytes / open workbook → WorkbookGrid
 *   core:    checkWorkbook(grid) → CheckOutcome → planMarks(findings) → MarkPlan
 *   adapter: apply the MarkPlan (annotated copy, Excel fills and comments, WPS)
 */
import type { Lang, Localized } from '../model/findings';
import type { WorkbookGrid } from '../model/grid';
import { formatIsoDate, parseIsoDate, SimpleDate } from '../model/dates';
import { defaultAsOf } from '../model/as-of';
import type { Profile } from '../profiles/schema';
import { allBuiltinProfiles, BUILTIN_PROFILE_IDS } from '../profiles/builtin-profiles';
import { detectProgram } from '../recognition/detect-program';
import { NoTableError, ValidationResult } from '../rules/validate-workbook';
import { validateWithForms, validateWithFormsSteps } from '../forms/check-forms';
import { runAtOnce, type Steps } from './steps';
import type { FormRecord } from '../forms/form-record';
import { CheckError, isCheckError } from './failures';

/** How the programme was chosen: by the user, named in a title line, or the best fit of the headers. */
export type ProgrammeChoice = 'chosen' | 'title' | 'headers';

export interface CheckRequest {
  /** The programmes detection chooses from; default: every built-in programme (the one list all front ends use). */
  profiles?: readonly Profile[];
  /** A programme the user chose by id (looked up in `profiles`). */
  programId?: string;
  /** A programme the user supplied (a profile file); wins over programId. */
  profile?: Profile;
  /** Ages and look-back windows are counted here ("2025-03-01" accepted); default: today, never after the deadline. */
  asOf?: SimpleDate | string;
  today: SimpleDate;
}

/** What the task panes ask of a check (a built-in programme by id, the date): plain data, so it can go to a worker. */
export type GridCheckRequest = Pick<CheckRequest, 'programId' | 'asOf' | 'today'>;

/** The check use-case run somewhere else (the task panes: a Web Worker), resolving to the same outcome. */
export type GridChecker = (grid: WorkbookGrid, req: GridCheckRequest) => Promise<CheckOutcome>;

export interface CheckOutcome {
  profile: Profile;
  how: ProgrammeChoice;
  /** The title line that named the programme (how = 'title'). */
  evidence?: string;
  /** Findings, counts, the tables (reports and as recognised), the date used. */
  result: ValidationResult;
  /** Sheets read as 申报表 forms (src/core/forms), one nominee each; absent when there were none. */
  forms?: FormRecord[];
}

/** The built-in programmes, in the order pickers show them. */
export function builtinProgrammes(): readonly Profile[] {
  return allBuiltinProfiles();
}

function resolveAsOf(asOf: SimpleDate | string | undefined): SimpleDate | undefined {
  if (typeof asOf !== 'string') return asOf;
  const d = parseIsoDate(asOf.trim());
  if (!d) throw new CheckError({ code: 'bad-date', text: asOf });
  return d;
}

/** Resolves the programme a request names, without checking anything (front ends use it to validate input early). */
export function chosenProgramme(req: Pick<CheckRequest, 'profiles' | 'programId' | 'profile'>): Profile | undefined {
  if (req.profile) return req.profile;
  if (!req.programId) return undefined;
  const profiles = req.profiles ?? builtinProgrammes();
  const p = profiles.find((x) => x.id === req.programId);
  if (!p) throw new CheckError({ code: 'unknown-program', id: req.programId, known: req.profiles ? profiles.map((x) => x.id) : BUILTIN_PROFILE_IDS });
  return p;
}

/** Which programme the grid's titles or headers name, before any check (the pane shows it on open). */
export function detectProgramme(grid: WorkbookGrid, profiles: readonly Profile[] = builtinProgrammes()): { profile: Profile; how: 'title' | 'headers'; evidence?: string } | undefined {
  return detectProgram(grid, profiles);
}

/** Checks a workbook. Throws CheckError ('unknown-program' | 'bad-date' | 'no-program' | 'no-table'). */
export function checkWorkbook(grid: WorkbookGrid, req: CheckRequest): CheckOutcome {
  return runAtOnce(checkWorkbookSteps(grid, req));
}

/**
 * checkWorkbook in steps (steps.ts), for a host that checks on its own page or pane (no worker): run with
 * runWithPauses, a large workbook's check leaves the page turns to paint and answer. Same outcome, same failures.
 */
export function* checkWorkbookSteps(grid: WorkbookGrid, req: CheckRequest): Steps<CheckOutcome> {
  const asOfGiven = resolveAsOf(req.asOf);
  let profile = chosenProgramme(req);
  let how: ProgrammeChoice = 'chosen';
  let evidence: string | undefined;
  if (!profile) {
    const det = detectProgram(grid, req.profiles ?? builtinProgrammes());
    if (!det) throw new CheckError({ code: 'no-program' });
    profile = det.profile;
    how = det.how;
    evidence = det.evidence;
  }
  const asOf = asOfGiven ?? defaultAsOf(profile.deadline, req.today);
  let checked;
  try {
    // Form sheets are read as forms; everything else as before (src/core/forms/check-forms.ts).
    checked = yield* validateWithFormsSteps(grid, profile, { asOf });
  } catch (e) {
    if (e instanceof NoTableError) throw new CheckError({ code: 'no-table', profile }, { cause: e });
    throw e;
  }
  const outcome: CheckOutcome = { profile, how, result: checked.result };
  if (evidence !== undefined) outcome.evidence = evidence;
  if (checked.forms.length) outcome.forms = checked.forms;
  return outcome;
}

/**
 * Re-checks a grid the user is editing (live checking) with the programme and date already decided. A table
 * the user has just broken (a header cell being retyped) gives an empty result, not a failure: the marks
 * clear and come back on the next edit.
 */
export function recheckWorkbook(grid: WorkbookGrid, profile: Profile, asOf: SimpleDate): ValidationResult {
  try {
    return validateWithForms(grid, profile, { asOf }).result;
  } catch (e) {
    if (!(e instanceof NoTableError) && !(isCheckError(e) && e.failure.code === 'unclear-layout')) throw e;
    return {
      program: { id: profile.id, name: profile.name },
      asOf: formatIsoDate(asOf),
      tables: [],
      recognized: [],
      findings: [],
      counts: { error: 0, warning: 0, info: 0 },
      nominees: 0,
      people: [],
      nomineeOrder: [],
    };
  }
}

/** How the programme was chosen, in words ("从标题“…”识别"); undefined when the user chose it. */
export function describeChoice(o: Pick<CheckOutcome, 'how' | 'evidence'>): Localized | undefined {
  switch (o.how) {
    case 'chosen':
      return undefined;
    case 'title':
      return { zh: `从标题“${o.evidence ?? ''}”识别`, en: `detected from the title "${o.evidence ?? ''}"` };
    case 'headers':
      return { zh: '标题中没有项目名称，按表头最接近的项目校验', en: 'no programme named in the titles; chosen by the headers' };
  }
}

export type { Lang };

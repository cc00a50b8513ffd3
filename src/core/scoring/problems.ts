/** Problems found while generating or consolidating score sheets, in Chinese and English. */
import type { Lang, Localized } from '../model/findings';
import type { ParamsOf, RuleSpec } from '../rules/catalogue/define';
import { ProblemSeverity, SCORING_PROBLEMS } from '../rules/catalogue/scoring';

/** error: the file is rejected (its scores are left out); warning: the file counts, but look at this. */
export type { ProblemSeverity };

/** Every problem code, declared with its severity, name and wording in rules/catalogue/scoring.ts. */
export type ScoringCode = keyof typeof SCORING_PROBLEMS;
export type ScoringParams<C extends ScoringCode> = ParamsOf<(typeof SCORING_PROBLEMS)[C]>;

export interface ScoringProblem {
  severity: ProblemSeverity;
  /** Stable id, e.g. "sheet.rows-changed" (docs/scoring.md lists them). */
  code: ScoringCode;
  /** What the message template was given. */
  params: object;
  message: Localized;
  /** The file concerned (name as given), when the problem is about one file. */
  file?: string;
  /** Expert code/name and candidate code, when known. */
  expert?: string;
  candidate?: string;
  /** A1 address on the score sheet. */
  cell?: string;
  /**
   * 'score': an error that leaves out one score (a bad cell, a missing row), not the file; absent: an error rejects
   * the whole file. Set from the code (SCORE_SCOPED), never by the caller.
   */
  scope?: 'score';
}

/** Errors about one candidate's score from one expert: that score is left out, the rest of the file counts. */
export const SCORE_SCOPED: ReadonlySet<ScoringCode> = new Set<ScoringCode>([
  'score.not-a-number',
  'score.out-of-range',
  'score.off-step',
  'score.missing',
  'score.incomplete',
  'score.more',
  'score.same-unit',
  'ballot.position',
]);

/** An error that rejects the whole file (its scores are left out). */
export function rejectsFile(p: Pick<ScoringProblem, 'severity' | 'scope'>): boolean {
  return p.severity === 'error' && p.scope !== 'score';
}

/** Where a problem is: the file, the expert, the candidate, the cell. */
export type ProblemPlace = Omit<ScoringProblem, 'severity' | 'code' | 'params' | 'message' | 'scope'>;

/** Codes of one severity (a reader's `err` takes only error codes: the catalogue decides, the call site agrees). */
export type ScoringCodeOf<S extends ProblemSeverity> = { [C in ScoringCode]: (typeof SCORING_PROBLEMS)[C]['severity'] extends S ? C : never }[ScoringCode];

/** A problem, worded by the catalogue. */
export function problem<C extends ScoringCode>(code: C, params: ScoringParams<C>, place: ProblemPlace = {}): ScoringProblem {
  const spec = SCORING_PROBLEMS[code] as unknown as RuleSpec<ScoringParams<C>, ProblemSeverity>;
  const p: ScoringProblem = { severity: spec.severity, code, params, message: spec.message(params), ...place };
  if (SCORE_SCOPED.has(code)) p.scope = 'score';
  return p;
}

/**
 * Input the command cannot work with (no candidate table, names missing, duplicate experts …): the CLI prints
 * the message on one line and exits 2; the page shows it instead of a result.
 */
export class ScoringInputError extends Error {
  constructor(
    readonly localized: Localized,
    /** Each problem found, already included (at most a few) in `localized`. */
    readonly details: Localized[] = [],
  ) {
    super(`${localized.zh} / ${localized.en}`);
    this.name = 'ScoringInputError';
    Object.setPrototypeOf(this, ScoringInputError.prototype);
  }

  text(lang: Lang): string {
    return this.localized[lang];
  }
}

export function isScoringInputError(e: unknown): e is ScoringInputError {
  return e instanceof ScoringInputError;
}

/** Lists at most `max` items and says how many more: "a；b；c 等 7 处". */
export function listSome(items: readonly string[], lang: Lang, max = 5): string {
  const shown = items.slice(0, max).join(lang === 'zh' ? '；' : '; ');
  if (items.length <= max) return shown;
  return lang === 'zh' ? `${shown} 等 ${items.length} 处` : `${shown} and ${items.length - max} more`;
}

/** Joins localized items into one localized list. */
export function listSomeLocalized(items: readonly Localized[], max = 5): Localized {
  return { zh: listSome(items.map((i) => i.zh), 'zh', max), en: listSome(items.map((i) => i.en), 'en', max) };
}

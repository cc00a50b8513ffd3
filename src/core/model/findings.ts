/** Findings: what the checks report, one per problem, at the cell where it is. */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Every user-facing text exists in Simplified Chinese (default) and English. */
export interface Localized {
  zh: string;
  en: string;
}
export type Lang = keyof Localized;

/**
 * A problem found by a pure check, before it is placed on a cell. Made by the rule catalogue
 * (rules/catalogue: `report('id.checksum', params)`), which owns severities, names and wordings.
 */
export interface Issue {
  severity: Severity;
  /**
   * Stable rule id, documented in docs/rules.md: a catalogue id ("id.checksum", a RuleId) or the id a
   * programme's profile gives one of its own rules ("sqc.already-local-craftsman"). Users see ruleName().
   */
  rule: string;
  /**
   * What the message template was given (typed where the rule is reported: RuleParams). Every issue the
   * catalogue makes has them; only stand-ins (a cell the pane reveals, test data) go without.
   */
  params?: object;
  /** Rendered from the rule's template in both languages. */
  message: Localized;
  /** A programme rule's human name (from its profile); the catalogue names its own rules. */
  ruleName?: Localized;
}

export interface Finding extends Issue {
  sheet: string;
  /** 0-based grid coordinates of the cell the finding points at. */
  row: number;
  col: number;
  /** A1 address of that cell, e.g. "D7". */
  cell: string;
  /** The nominee the finding is about (name as typed, or "第 7 行"), for grouping; absent for table-level findings. */
  nominee?: string;
  /** The cell is on a hidden row or a hidden sheet (the message says so too). */
  hidden?: 'row' | 'sheet';
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * The result of a check that found nothing. Shared and frozen: most values are fine, and a new empty array
 * per cell is measurable garbage at 100,000 rows a second. Callers never add to a check's result.
 */
export const NO_ISSUES: readonly Issue[] = Object.freeze([]);

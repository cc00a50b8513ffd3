/** Findings: what the checks report, one per problem, at the cell where it is. */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Every user-facing text exists in Simplified Chinese (default) and English. */
export interface Localized {
  zh: string;
  en: string;
}
export type Lang = keyof Localized;

/** A problem found by a pure check, before it is placed on a cell. */
export interface Issue {
  severity: Severity;
  /** Stable rule id, e.g. "id.checksum"; documented in docs/rules.md. */
  rule: string;
  message: Localized;
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

export function issue(severity: Severity, rule: string, zh: string, en: string): Issue {
  return { severity, rule, message: { zh, en } };
}

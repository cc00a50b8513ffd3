/**
 * Severity colours shared by every adapter that marks cells (exceljs for files, Office.js inside Excel),
 * so an annotated copy and the live add-in look the same. Pure data, no dependencies.
 */
import type { Severity } from '../model/findings';

/** Fill colours as ARGB hex (exceljs `fgColor.argb`): Excel's own "bad / neutral / note" pastel tones. */
export const SEVERITY_FILL_ARGB: Readonly<Record<Severity, string>> = {
  error: 'FFFFC7CE', // light red
  warning: 'FFFFEB9C', // light yellow
  info: 'FFDDEBF7', // light blue
};

/** The same colours as CSS / Office.js hex ("#FFC7CE"). */
export const SEVERITY_FILL_HEX: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/** Higher is worse: used to pick the fill when a cell has findings of several severities. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** The worse of two severities (undefined counts as none). */
export function worseSeverity(a: Severity | undefined, b: Severity): Severity {
  return a !== undefined && SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

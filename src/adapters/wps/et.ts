/**
 * Small facts about the ET object model that every part of the adapter needs: the numeric constants (WPS's
 * `Enum` table is missing on older builds, so the VBA values are written out), BGR colours, Value2 shapes,
 * CVErr codes and A1 addresses. Pure except for the few one-call helpers at the end.
 */
import type { Et } from '../../../types/wps-et';
import { cellAddress } from '../../core/model/grid';

export type EtApp = Et.Application;
export type EtRange = Et.Range;
export type EtSheet = Et.Worksheet;

/** Worksheet.Visible */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;

/** Interior.Pattern / ColorIndex */
export const XL_NONE = -4142;
export const XL_SOLID = 1;

/** Validation.Add */
export const XL_VALIDATE_WHOLE_NUMBER = 1;
export const XL_VALIDATE_LIST = 3;
export const XL_VALIDATE_TEXT_LENGTH = 6;
export const XL_VALID_ALERT_STOP = 1;
export const XL_VALID_ALERT_WARNING = 2;
export const XL_GREATER_EQUAL = 7;
export const XL_LESS_EQUAL = 8;

/** Range.Find */
export const XL_FORMULAS = -4123;
export const XL_PART = 2;
export const XL_BY_ROWS = 1;
export const XL_BY_COLUMNS = 2;
export const XL_PREVIOUS = 2;

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** "#FFC7CE" → BGR number (ET's Interior.Color: red in the low byte). */
export function hexToBgr(hex: string): number {
  const h = hex.replace(/^#/, '');
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

/** BGR number → "#RRGGBB". */
export function bgrToHex(bgr: number): string {
  const n = Math.max(0, Math.floor(bgr)) & 0xffffff;
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/**
 * Errors arrive through Value2 as CVErr numbers, not text: the low word is Excel's error number, sometimes
 * inside the COM HRESULT 0x800A07xx (−2146826281 is #DIV/0!).
 */
const CVERR: Record<number, string> = {
  2000: '#NULL!',
  2007: '#DIV/0!',
  2015: '#VALUE!',
  2023: '#REF!',
  2029: '#NAME?',
  2036: '#NUM!',
  2042: '#N/A',
  2043: '#GETTING_DATA',
  2045: '#SPILL!',
  2047: '#BLOCKED!',
  2050: '#CALC!',
};
const HRESULT_BASE = -2146828288; // 0x800A0000 as a signed 32-bit number

/** The error text of a CVErr-coded Value2 number, undefined for an ordinary number. */
export function cvErrText(n: number): string | undefined {
  if (!Number.isInteger(n) || n >= 0) return undefined;
  const code = n - HRESULT_BASE;
  return code >= 2000 && code <= 2100 ? CVERR[code] : undefined;
}

/** Value2 of a range of `rows` rows as rows of cells, whatever shape the host gives (scalar, 1-D, 2-D). */
export function valueMatrix(v: unknown, rows: number): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length && !Array.isArray(v[0])) {
    // Some builds flatten a single row or column.
    return rows === 1 ? [v as unknown[]] : (v as unknown[]).map((x) => [x]);
  }
  return v as unknown[][];
}

/** 0-based rectangle → "B2:D7" ("D7" for one cell). */
export function rectAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right)}`;
}

/** The dimensions of a range in one place (1-based row/column as ET gives them → 0-based). */
export function rangeBounds(r: EtRange): { top: number; left: number; rows: number; cols: number } {
  return { top: r.Row - 1, left: r.Column - 1, rows: r.Rows.Count, cols: r.Columns.Count };
}

/** The workbook the add-in works on; undefined when WPS has none open (e.g. the start page). */
export function activeWorkbook(app: EtApp): Et.Workbook | undefined {
  return app.ActiveWorkbook ?? undefined;
}

/** Worksheets in tab order. */
export function worksheets(wb: Et.Workbook): EtSheet[] {
  const all = wb.Worksheets;
  const n = all.Count;
  const out: EtSheet[] = [];
  for (let i = 1; i <= n; i++) out.push(all.Item(i));
  return out;
}

/** Calendar dates without time zones: ages and deadlines are counted in whole days, as people count them. */

export interface SimpleDate {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1];
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** "2025-03-28" → date; undefined when malformed or not a real day. */
export function parseIsoDate(s: string): SimpleDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDate(y, mo, d) ? { y, m: mo, d } : undefined;
}

export function formatIsoDate(d: SimpleDate): string {
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

export function formatChineseDate(d: SimpleDate): string {
  return `${d.y}年${d.m}月${d.d}日`;
}

export function compareDates(a: SimpleDate, b: SimpleDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Whole years completed between birth and asOf (a birthday on asOf counts as reached). */
export function ageAt(birth: SimpleDate, asOf: SimpleDate): number {
  let age = asOf.y - birth.y;
  if (asOf.m < birth.m || (asOf.m === birth.m && asOf.d < birth.d)) age--;
  return age;
}

/** Adds whole months; the day is clamped to the month's length (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(date: SimpleDate, months: number): SimpleDate {
  const idx = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/** Days from a to b (b - a). */
export function daysBetween(a: SimpleDate, b: SimpleDate): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86400000);
}

export function fromJsDate(d: Date): SimpleDate {
  return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() };
}

/** Largest serial Excel shows as a date (9999-12-31). */
export const EXCEL_MAX_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;

/**
 * Excel serial (1900 date system) → Date at UTC (whole serials are UTC midnight, as the adapters give dates).
 * Serials 1–59 fall before Excel's phantom 29 Feb 1900 and are shifted by a day; the fraction (a time of day)
 * is kept to the second. Undefined outside Excel's date range.
 */
export function excelSerialToDate(serial: number): Date | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > EXCEL_MAX_SERIAL + 0.999999) return undefined;
  const base = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86_400);
  return new Date(base + days * DAY_MS + seconds * 1000);
}

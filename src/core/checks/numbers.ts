/**
 * Numbers people type into count and duration cells: "3", "３", "3项", "三", "15年3个月".
 * Empty cells give { issues: [] } and no value (emptiness is checked elsewhere). Given the column's label,
 * the messages name it first.
 */
import { Issue, NO_ISSUES } from '../model/findings';
import { CellValue } from '../model/grid';
import { report } from '../rules/catalogue';
import type { CountParams, OddNumberCell } from '../rules/catalogue/content';
import { toHalfWidth } from './halfwidth';

export interface ParsedNumber {
  value?: number;
  issues: Issue[];
}

const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** "0" … "99999": what most count and years cells hold, read without a copy or a pattern (this runs on every row). */
function plainWhole(s: string): number | undefined {
  if (s.length === 0 || s.length > 5) return undefined;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** A number read without a problem. The issues are shared and frozen: callers only read them. */
function read(value: number): ParsedNumber {
  return { value, issues: NO_ISSUES as Issue[] };
}
const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 零 … 九十九 (also 两, 〇) → 0-99; undefined for anything else. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 1) return s === '十' ? 10 : CN_DIGITS[s];
  const i = s.indexOf('十');
  if (i === -1 || i > 1 || s.indexOf('十', i + 1) !== -1 || s.length - i > 2) return undefined;
  let tens = 1;
  if (i === 1) {
    const t = CN_DIGITS[s[0]];
    if (t === undefined || t === 0) return undefined;
    tens = t;
  }
  let ones = 0;
  if (i + 1 < s.length) {
    const o = CN_DIGITS[s[i + 1]];
    if (o === undefined || o === 0) return undefined;
    ones = o;
  }
  return tens * 10 + ones;
}

function compact(raw: string): string {
  return toHalfWidth(raw).replace(SPACES, '');
}

/** What a non-text, non-number cell holds, for messages. */
function oddCell(raw: Exclude<CellValue, string | number | null>): OddNumberCell {
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw };
  if (raw instanceof Date) return { kind: 'date' };
  return { kind: 'error', error: raw.error };
}

// ---------------------------------------------------------------- counts

const WHOLE = /^\d+(?:\.0+)?$/;
const DECIMAL = /^\d*\.\d+$/;
const NEGATIVE = /^[-−]\s*\d/;
const COUNT_UNIT = /(?:项|个|件|篇|次|本|部|套|名|人|门|册|种|台|枚|份|张|条)$/;
const VAGUE = /若干|多|余|约|大约|左右|以上|以下|不少于|超过|\+|几/;
const NONE = /^(?:无|没有|暂无)$/;

/**
 * A count (patents, awards, trainees): a whole number ≥ 0. Accepts 3, "3", "３", "3项", "3个", "3件", "共3项",
 * "三", "十二" (Chinese numerals up to 99), "无" (0). Rule count.not-whole.
 */
export function parseCount(raw: CellValue, field?: string): ParsedNumber {
  const fail = (shown: string, problem: Extract<CountParams, { variant: 'value' }>['problem']): ParsedNumber => ({
    issues: [report('count.not-whole', { field, variant: 'value', shown, problem })],
  });
  if (raw === null) return { issues: [] };
  if (typeof raw === 'string') {
    const plain = plainWhole(raw);
    if (plain !== undefined) return read(plain);
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail(String(raw), 'not-a-number');
    if (raw < 0) return fail(String(raw), 'negative');
    if (!Number.isInteger(raw)) return fail(String(raw), 'fraction');
    return { value: raw, issues: [] };
  }
  if (typeof raw !== 'string') return { issues: [report('count.not-whole', { field, variant: 'odd-cell', cell: oddCell(raw) })] };
  let s = compact(raw);
  if (s === '') return { issues: [] };
  const shown = raw.trim();
  if (NONE.test(s)) return { value: 0, issues: [] };
  if (s[0] === '共') s = s.slice(1);
  s = s.replace(COUNT_UNIT, '');
  if (WHOLE.test(s)) return { value: parseInt(s, 10), issues: [] };
  const cn = parseChineseNumeral(s);
  if (cn !== undefined) return { value: cn, issues: [] };
  if (NEGATIVE.test(s)) return fail(shown, 'negative');
  if (DECIMAL.test(s)) return fail(shown, 'fraction');
  if (VAGUE.test(s)) return fail(shown, 'vague');
  return fail(shown, 'not-whole');
}

// ---------------------------------------------------------------- years

const NUM = '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十]+)';
const INT = '(\\d+|[零〇一二两三四五六七八九十]+)';
const YEARS_ONLY = new RegExp(`^${NUM}(?:年|周年)?$`);
const YEARS_HALF = new RegExp(`^${INT}年半$`);
const YEARS_MONTHS = new RegExp(`^${INT}年零?${INT}个?月$`);
const MONTHS_ONLY = new RegExp(`^${INT}个?月$`);

function num(s: string): number | undefined {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57 ? Number(s) : parseChineseNumeral(s);
}

/**
 * 工作年限 (years of service): 15, "15", "15年", "15.5", "15年半", "15年3个月" (15.25), "8个月", "十五年".
 * Rule years.format (also for negative numbers).
 */
export function parseYears(raw: CellValue, field?: string): ParsedNumber {
  const fail = (variant: 'not-a-number' | 'negative' | 'vague' | 'unreadable', shown: string): ParsedNumber => ({
    issues: [report('years.format', { field, variant, shown })],
  });
  if (raw === null) return { issues: [] };
  if (typeof raw === 'string') {
    const plain = plainWhole(raw);
    if (plain !== undefined) return read(plain);
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('not-a-number', String(raw));
    if (raw < 0) return fail('negative', String(raw));
    return { value: raw, issues: [] };
  }
  if (typeof raw !== 'string') return { issues: [report('years.format', { field, variant: 'odd-cell', cell: oddCell(raw) })] };
  const s = compact(raw);
  if (s === '') return { issues: [] };
  const shown = raw.trim();
  let m = YEARS_ONLY.exec(s);
  if (m) {
    const v = num(m[1]);
    if (v !== undefined) return { value: v, issues: [] };
  }
  m = YEARS_HALF.exec(s);
  if (m) {
    const v = num(m[1]);
    if (v !== undefined) return { value: v + 0.5, issues: [] };
  }
  m = YEARS_MONTHS.exec(s);
  if (m) {
    const y = num(m[1]);
    const mo = num(m[2]);
    if (y !== undefined && mo !== undefined) {
      if (mo >= 12) return { issues: [report('years.format', { field, variant: 'months', shown, months: mo })] };
      return { value: y + mo / 12, issues: [] };
    }
  }
  m = MONTHS_ONLY.exec(s);
  if (m) {
    const mo = num(m[1]);
    if (mo !== undefined) return { value: mo / 12, issues: [] };
  }
  if (NEGATIVE.test(s)) return fail('negative', shown);
  if (VAGUE.test(s)) return fail('vague', shown);
  return fail('unreadable', shown);
}

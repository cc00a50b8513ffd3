/**
 * Numbers people type into count and duration cells: "3", "３", "3项", "三", "15年3个月".
 * Empty cells give { issues: [] } and no value (emptiness is checked elsewhere).
 */
import { Issue, issue } from '../model/findings';
import { CellValue, isCellError } from '../model/grid';
import { toHalfWidth } from './halfwidth';

export interface ParsedNumber {
  value?: number;
  issues: Issue[];
}

const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;
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

/** What a non-text, non-number cell is, for messages. */
function describeOther(raw: CellValue): { zh: string; en: string } | undefined {
  if (typeof raw === 'boolean') return { zh: `填的是 ${raw ? 'TRUE' : 'FALSE'}`, en: `holds ${raw ? 'TRUE' : 'FALSE'}` };
  if (raw instanceof Date) return { zh: '被 Excel 识别成了日期（请把单元格格式设为“常规”或“数值”后重新输入）', en: 'was taken by Excel as a date (set the cell format to General or Number and type it again)' };
  if (raw !== null && typeof raw === 'object' && isCellError(raw)) return { zh: `是错误值 ${raw.error}`, en: `is the error value ${raw.error}` };
  return undefined;
}

// ---------------------------------------------------------------- counts

const WHOLE = /^\d+(?:\.0+)?$/;
const DECIMAL = /^\d*\.\d+$/;
const NEGATIVE = /^[-−]\s*\d/;
const COUNT_UNIT = /(?:项|个|件|篇|次|本|部|套|名|人|门|册|种|台|枚|份|张|条)$/;
const VAGUE = /若干|多|余|约|大约|左右|以上|以下|不少于|超过|\+|几/;
const NONE = /^(?:无|没有|暂无)$/;

const COUNT_HINT_ZH = '请填写一个不小于 0 的整数，如 3（可以带“项”“个”“件”）';
const COUNT_HINT_EN = 'enter a whole number of 0 or more, e.g. 3 (a unit such as 项, 个 or 件 may follow)';

function countIssue(shown: string, zh: string, en: string): ParsedNumber {
  return {
    issues: [issue('error', 'count.not-whole',
      `数量“${shown}”${zh}；${COUNT_HINT_ZH}`,
      `The count "${shown}" ${en}; ${COUNT_HINT_EN}.`)],
  };
}

/**
 * A count (patents, awards, trainees): a whole number ≥ 0. Accepts 3, "3", "３", "3项", "3个", "3件", "共3项",
 * "三", "十二" (Chinese numerals up to 99), "无" (0). Rule count.not-whole.
 */
export function parseCount(raw: CellValue): ParsedNumber {
  if (raw === null) return { issues: [] };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return countIssue(String(raw), '不是数字', 'is not a number');
    if (raw < 0) return countIssue(String(raw), '是负数', 'is negative');
    if (!Number.isInteger(raw)) return countIssue(String(raw), '是小数，数量应为整数', 'has a fraction; counts are whole numbers');
    return { value: raw, issues: [] };
  }
  if (typeof raw !== 'string') {
    const o = describeOther(raw)!;
    return {
      issues: [issue('error', 'count.not-whole', `数量栏${o.zh}；${COUNT_HINT_ZH}`, `The count cell ${o.en}; ${COUNT_HINT_EN}.`)],
    };
  }
  let s = compact(raw);
  if (s === '') return { issues: [] };
  const shown = raw.trim();
  if (NONE.test(s)) return { value: 0, issues: [] };
  if (s[0] === '共') s = s.slice(1);
  s = s.replace(COUNT_UNIT, '');
  if (WHOLE.test(s)) return { value: parseInt(s, 10), issues: [] };
  const cn = parseChineseNumeral(s);
  if (cn !== undefined) return { value: cn, issues: [] };
  if (NEGATIVE.test(s)) return countIssue(shown, '是负数', 'is negative');
  if (DECIMAL.test(s)) return countIssue(shown, '是小数，数量应为整数', 'has a fraction; counts are whole numbers');
  if (VAGUE.test(s)) return countIssue(shown, '不是确切的数字，不要写“若干”“多项”“以上”之类', 'is not an exact number; avoid words such as 若干 (several) or 以上 (or more)');
  return countIssue(shown, '不是整数', 'is not a whole number');
}

// ---------------------------------------------------------------- years

const NUM = '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十]+)';
const INT = '(\\d+|[零〇一二两三四五六七八九十]+)';
const YEARS_ONLY = new RegExp(`^${NUM}(?:年|周年)?$`);
const YEARS_HALF = new RegExp(`^${INT}年半$`);
const YEARS_MONTHS = new RegExp(`^${INT}年零?${INT}个?月$`);
const MONTHS_ONLY = new RegExp(`^${INT}个?月$`);

const YEARS_HINT_ZH = '请填写年数，如 15、15年、15.5 或 15年3个月';
const YEARS_HINT_EN = 'enter a number of years, e.g. 15, 15年, 15.5 or 15年3个月';

function yearsIssue(zh: string, en: string): ParsedNumber {
  return { issues: [issue('error', 'years.format', `${zh}；${YEARS_HINT_ZH}`, `${en}; ${YEARS_HINT_EN}.`)] };
}

function num(s: string): number | undefined {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57 ? Number(s) : parseChineseNumeral(s);
}

/**
 * 工作年限 (years of service): 15, "15", "15年", "15.5", "15年半", "15年3个月" (15.25), "8个月", "十五年".
 * Rule years.format (also for negative numbers).
 */
export function parseYears(raw: CellValue): ParsedNumber {
  if (raw === null) return { issues: [] };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return yearsIssue(`工作年限“${raw}”不是数字`, `The years of service "${raw}" are not a number`);
    if (raw < 0) return yearsIssue(`工作年限“${raw}”是负数`, `The years of service "${raw}" are negative`);
    return { value: raw, issues: [] };
  }
  if (typeof raw !== 'string') {
    const o = describeOther(raw)!;
    return yearsIssue(`工作年限栏${o.zh}`, `The years-of-service cell ${o.en}`);
  }
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
      if (mo >= 12) {
        return yearsIssue(`工作年限“${shown}”中的月数 ${mo} 应小于 12（满12个月请计为1年）`,
          `The years of service "${shown}" have ${mo} months; months must be under 12 (12 months make a year)`);
      }
      return { value: y + mo / 12, issues: [] };
    }
  }
  m = MONTHS_ONLY.exec(s);
  if (m) {
    const mo = num(m[1]);
    if (mo !== undefined) return { value: mo / 12, issues: [] };
  }
  if (NEGATIVE.test(s)) return yearsIssue(`工作年限“${shown}”是负数`, `The years of service "${shown}" are negative`);
  if (VAGUE.test(s)) {
    return yearsIssue(`工作年限“${shown}”不是确切的年数，不要写“十多年”“以上”之类`,
      `The years of service "${shown}" are not exact; avoid words such as 多 (more than) or 以上 (or more)`);
  }
  return yearsIssue(`工作年限“${shown}”无法识别为年数`, `The years of service "${shown}" cannot be read as a number of years`);
}

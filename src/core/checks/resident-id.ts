/**
 * Resident identity numbers (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
 * (the last of which is odd for men), ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * diagnoseResidentId reads what a person typed (or what Excel made of it) and reports every problem
 * with a message a union officer can act on. It never throws and allocates little: it runs once per row.
 */
import { Issue } from '../model/findings';
import { CellValue, isCellError } from '../model/grid';
import { SimpleDate, ageAt, compareDates, daysInMonth, isValidDate } from '../model/dates';
import { report } from '../rules/catalogue';
import type { IdBirthdateProblem } from '../rules/catalogue/identity';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the first 17 digits of an 18-character ID. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckChar needs 17 digits');
  return checkCharUnchecked(first17);
}

/** Same as residentIdCheckChar for a string already known to start with 17 ASCII digits. */
function checkCharUnchecked(s: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Province-level codes of GB/T 2260 (the first two digits of an ID), plus 83 used by the residence
 * permits of Taiwan residents (台湾居民居住证; 81/82 serve Hong Kong and Macao residents too).
 */
const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古',
  '21': '辽宁', '22': '吉林', '23': '黑龙江',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东',
  '41': '河南', '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南',
  '50': '重庆', '51': '四川', '52': '贵州', '53': '云南', '54': '西藏',
  '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆',
  '71': '台湾', '81': '香港', '82': '澳门', '83': '台湾（居住证）',
};

/** Province name for the first two digits of an ID, undefined when the code does not exist. */
export function residentIdProvince(id: string): string | undefined {
  return PROVINCES[id.slice(0, 2)];
}

export interface IdDiagnosis {
  issues: Issue[];
  /** The ID as 18 characters (ASCII digits, upper-case X); a valid 15-digit ID is converted to 18. Absent when it cannot be known. */
  id?: string;
  /** Birth date read from the ID, when it is a real date (also when other checks failed). */
  birth?: SimpleDate;
  /** From the 17th digit (15th of an old ID): odd = 男. Absent when that digit is unknown. */
  sex?: '男' | '女';
  /** Whole years at asOf, when birth is known. */
  age?: number;
}

/**
 * "1.10105E+17" typed or pasted as text: Excel's scientific notation, digits already lost. LibreOffice writes a
 * number cell into CSV as "3.1010119850307E+017" (three exponent digits).
 */
const SCIENTIFIC = /^[0-9０-９]([.．][0-9０-９]+)?[eEｅＥ][+＋]?[0-9０-９]{1,3}$/;

/**
 * Diagnoses an ID cell. Empty cells give no issues (emptiness is checked elsewhere).
 * Tolerated silently: full-width digits and Ｘ, lower-case x, spaces anywhere, a leading apostrophe.
 */
export function diagnoseResidentId(raw: CellValue, asOf: SimpleDate): IdDiagnosis {
  if (raw === null || raw === undefined) return { issues: [] };
  if (typeof raw === 'number') return diagnoseNumber(raw, asOf);
  if (typeof raw === 'boolean' || raw instanceof Date || isCellError(raw)) {
    const holds = raw instanceof Date ? 'date' : isCellError(raw) ? { error: raw.error } : raw;
    return { issues: [report('id.format', { variant: 'not-text', holds })] };
  }
  return diagnoseText(raw, asOf);
}

/** The text when it is already an ID as written: 17 ASCII digits and a digit or X (the usual case); else undefined. */
function plainId(text: string): string | undefined {
  if (text.length !== 18) return undefined;
  for (let i = 0; i < 17; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const last = text.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88 ? text : undefined;
}

function diagnoseText(text: string, asOf: SimpleDate): IdDiagnosis {
  // Most IDs need no normalising: the one-pass normalisation below builds a new string a character at a time.
  const plain = plainId(text);
  if (plain !== undefined) return diagnose18(plain, asOf);
  // Normalise in one pass: full-width digits and X, lower-case x, whitespace dropped.
  let s = '';
  let bad = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) s += text[i];
    else if (c >= 0xff10 && c <= 0xff19) s += String.fromCharCode(c - 0xfee0);
    else if (c === 88 || c === 120 || c === 0xff38 || c === 0xff58) s += 'X';
    else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff) continue;
    else if ((c === 39 || c === 0x2018 || c === 0x2019) && s === '') continue; // leading apostrophe
    else if (bad === '') {
      const cp = text.codePointAt(i)!;
      bad = String.fromCodePoint(cp);
    }
  }
  if (s === '' && bad === '') return { issues: [] };

  if (bad !== '') {
    const trimmed = text.trim();
    if (SCIENTIFIC.test(trimmed)) return { issues: [scientificIssue(trimmed)] };
    return { issues: [report('id.format', { variant: 'bad-char', char: bad })] };
  }

  const len = s.length;
  const xAt = s.indexOf('X');
  if (len === 18 && (xAt === -1 || xAt === 17)) return diagnose18(s, asOf);
  if (len === 15 && xAt === -1) return diagnose15(s, asOf, false);
  if (xAt !== -1 && xAt !== len - 1) {
    return { issues: [report('id.format', { variant: 'x-inside', position: xAt + 1 })] };
  }
  return { issues: [lengthIssue(len)] };
}

function lengthIssue(length: number): Issue {
  return report('id.format', { variant: 'length', length });
}

function scientificIssue(shown: string): Issue {
  return report('id.stored-as-number', { variant: 'scientific', shown });
}

function diagnoseNumber(v: number, asOf: SimpleDate): IdDiagnosis {
  if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) {
    return { issues: [report('id.format', { variant: 'number', value: v })] };
  }
  if (v < 1e14) return { issues: [lengthIssue(String(v).length)] };
  if (v < 1e15) {
    // 15 digits: Excel keeps them exactly. An old-format ID.
    return diagnose15(String(v), asOf, true);
  }
  // 16+ digits: only the first 15 significant digits survive.
  const exp = v.toExponential(14); // "1.10105194912310e+17"
  const e = exp.indexOf('e');
  const first15 = exp[0] + exp.slice(2, e);
  const digits = Number(exp.slice(e + 1)) + 1;
  const issues: Issue[] = [report('id.stored-as-number', { variant: 'digits-lost', digits })];
  if (digits !== 18) {
    issues.push(lengthIssue(digits));
    return { issues };
  }
  const out: IdDiagnosis = { issues };
  checkRegion(first15, issues);
  const birth = readBirth(first15, 6, 4, Number(first15.slice(6, 10)), asOf, issues);
  if (birth) {
    out.birth = birth;
    out.age = ageAt(birth, asOf);
  }
  return out;
}

function diagnose18(s: string, asOf: SimpleDate): IdDiagnosis {
  const issues: Issue[] = [];
  const out: IdDiagnosis = { issues, id: s };
  checkRegion(s, issues);
  const birth = readBirth(s, 6, 4, digitsAt(s, 6, 4), asOf, issues);
  const expected = checkCharUnchecked(s);
  const actual = s[17];
  if (expected !== actual && s.endsWith('000')) {
    // Typed as a number (Excel kept 15 digits), then turned into text: the zeros are what is left.
    issues.push(report('id.checksum', { variant: 'trailing-zeros', expected }));
  } else if (expected !== actual) {
    issues.push(report('id.checksum', { variant: 'mismatch', expected, actual }));
  }
  if (birth) {
    out.birth = birth;
    out.age = ageAt(birth, asOf);
  }
  out.sex = (s.charCodeAt(16) - 48) % 2 === 1 ? '男' : '女';
  return out;
}

function diagnose15(s: string, asOf: SimpleDate, fromNumber: boolean): IdDiagnosis {
  const issues: Issue[] = [];
  issues.push(report('id.old-format', { fromNumber }));
  const out: IdDiagnosis = { issues };
  const regionOk = checkRegion(s, issues);
  const birth = readBirth(s, 6, 2, 1900 + Number(s.slice(6, 8)), asOf, issues);
  if (birth) {
    out.birth = birth;
    out.age = ageAt(birth, asOf);
    if (regionOk) {
      const first17 = s.slice(0, 6) + '19' + s.slice(6);
      out.id = first17 + checkCharUnchecked(first17);
    }
  }
  out.sex = (s.charCodeAt(14) - 48) % 2 === 1 ? '男' : '女';
  return out;
}

/** The number written by n ASCII digits at s[at…] (callers have checked they are digits). */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

/** Pushes id.region when the first two digits are not a province-level code; returns whether they are. */
function checkRegion(s: string, issues: Issue[]): boolean {
  const code = s.slice(0, 2);
  if (PROVINCES[code] !== undefined) return true;
  if (code[0] === '9' && s.length === 18 && PROVINCES[s.slice(1, 3)] !== undefined) {
    // Foreigners' permanent residence ID (2023): 9 + province code of the issuing office.
    issues.push(report('id.region', { variant: 'permanent-residence', code }));
  } else {
    issues.push(report('id.region', { variant: 'unknown', code }));
  }
  return false;
}

/**
 * Reads the birth date at s[at..] (yyyyMMdd, or yyMMdd when yLen is 2; y is the full year already read),
 * pushes id.birthdate and returns undefined when it is not a real, past date from 1900 on.
 */
function readBirth(s: string, at: number, yLen: 2 | 4, y: number, asOf: SimpleDate, issues: Issue[]): SimpleDate | undefined {
  const m = digitsAt(s, at + yLen, 2);
  const d = digitsAt(s, at + yLen + 2, 2);
  let why: IdBirthdateProblem;
  if (m < 1 || m > 12) why = { kind: 'month' };
  else if (!isValidDate(y, m, d)) why = d < 1 ? { kind: 'day' } : { kind: 'days-in-month', days: daysInMonth(y, m) };
  else if (y < 1900) why = { kind: 'before-1900' };
  else if (compareDates({ y, m, d }, asOf) > 0) why = { kind: 'future', asOf };
  else return { y, m, d };
  const to = at + yLen + 4;
  const mm = s.slice(at + yLen, at + yLen + 2);
  const dd = s.slice(at + yLen + 2, at + yLen + 4);
  issues.push(report('id.birthdate', { from: at + 1, to, digits: s.slice(at, to), y, mm, dd, why }));
  return undefined;
}

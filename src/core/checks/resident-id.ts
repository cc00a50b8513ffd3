/**
 * Resident identity numbers (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
 * (the last of which is odd for men), ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * diagnoseResidentId reads what a person typed (or what Excel made of it) and reports every problem
 * with a message a union officer can act on. It never throws and allocates little: it runs once per row.
 */
import { Issue, issue } from '../model/findings';
import { CellValue, isCellError } from '../model/grid';
import { SimpleDate, ageAt, compareDates, daysInMonth, formatChineseDate, formatIsoDate, isValidDate } from '../model/dates';

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

/** "1.10105E+17" typed or pasted as text: Excel's scientific notation, digits already lost. */
const SCIENTIFIC = /^[0-9０-９]([.．][0-9０-９]+)?[eEｅＥ][+＋]?[0-9０-９]{1,2}$/;

const TEXT_FORMAT_ZH = '请把该单元格格式设为“文本”后重新输入完整号码（或在号码前先输入英文单引号 \'）';
const TEXT_FORMAT_EN = 'set the cell format to Text and type the full number again (or type an apostrophe \' before it)';

/**
 * Diagnoses an ID cell. Empty cells give no issues (emptiness is checked elsewhere).
 * Tolerated silently: full-width digits and Ｘ, lower-case x, spaces anywhere, a leading apostrophe.
 */
export function diagnoseResidentId(raw: CellValue, asOf: SimpleDate): IdDiagnosis {
  if (raw === null || raw === undefined) return { issues: [] };
  if (typeof raw === 'number') return diagnoseNumber(raw, asOf);
  if (typeof raw === 'boolean' || raw instanceof Date || isCellError(raw)) {
    const shown = raw instanceof Date ? '日期' : isCellError(raw) ? `错误值 ${raw.error}` : raw ? 'TRUE' : 'FALSE';
    const shownEn = raw instanceof Date ? 'a date' : isCellError(raw) ? `the error value ${raw.error}` : raw ? 'TRUE' : 'FALSE';
    return {
      issues: [
        issue('error', 'id.format',
          `身份证号码栏填的是${shown}，不是身份证号码；请填写18位身份证号码（17位数字加最后一位数字或X）`,
          `The ID cell holds ${shownEn}, not an ID number; enter the 18-character resident ID (17 digits plus a final digit or X).`),
      ],
    };
  }
  return diagnoseText(raw, asOf);
}

function diagnoseText(text: string, asOf: SimpleDate): IdDiagnosis {
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
    return {
      issues: [
        issue('error', 'id.format',
          `身份证号码中有不应出现的字符“${bad}”；身份证号码只能由18位数字组成，最后一位也可以是X，请删去其他字符`,
          `The ID contains the character "${bad}", which does not belong there; an ID is 18 digits (the last may be X): remove the other characters.`),
      ],
    };
  }

  const len = s.length;
  const xAt = s.indexOf('X');
  if (len === 18 && (xAt === -1 || xAt === 17)) return diagnose18(s, asOf);
  if (len === 15 && xAt === -1) return diagnose15(s, asOf, false);
  if (xAt !== -1 && xAt !== len - 1) {
    return {
      issues: [
        issue('error', 'id.format',
          `身份证号码的第 ${xAt + 1} 位是X；X只能出现在18位号码的最后一位，请核对号码`,
          `Character ${xAt + 1} of the ID is X; X may only be the last of the 18 characters: check the number.`),
      ],
    };
  }
  return { issues: [lengthIssue(len)] };
}

function lengthIssue(len: number): Issue {
  const diff = len - 18;
  const zh = diff > 0 ? `多了 ${diff} 位` : `少了 ${-diff} 位`;
  const en = diff > 0 ? `${diff} too many` : `${-diff} missing`;
  return issue('error', 'id.format',
    `身份证号码有 ${len} 位（不计空格），应为 18 位，${zh}；请对照身份证原件核对是否多输或漏输了数字`,
    `The ID has ${len} characters (spaces not counted) but needs 18 (${en}): compare it with the ID card for extra or missing digits.`);
}

function scientificIssue(shown: string): Issue {
  return issue('error', 'id.stored-as-number',
    `身份证号码显示为“${shown}”：它被当作数字保存并变成了科学计数法，末尾几位数字已经丢失（Excel 数字最多只保留15位有效数字）；${TEXT_FORMAT_ZH}`,
    `The ID shows as "${shown}": it was stored as a number in scientific notation and its last digits are lost (Excel keeps only 15 significant digits); ${TEXT_FORMAT_EN}.`);
}

function diagnoseNumber(v: number, asOf: SimpleDate): IdDiagnosis {
  if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) {
    return {
      issues: [
        issue('error', 'id.format',
          `身份证号码栏填的是数字 ${v}，不是有效的身份证号码；请填写18位身份证号码（17位数字加最后一位数字或X）`,
          `The ID cell holds the number ${v}, which is not a resident ID; enter the 18-character ID (17 digits plus a final digit or X).`),
      ],
    };
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
  const issues: Issue[] = [
    issue('error', 'id.stored-as-number',
      `身份证号码被 Excel 当作数字保存了：Excel 数字最多只保留15位有效数字，${digits} 位号码的后 ${digits - 15} 位已变成0或丢失，无法核对校验位和性别；${TEXT_FORMAT_ZH}`,
      `The ID was stored as a number: Excel keeps only 15 significant digits, so the last ${digits - 15} of its ${digits} digits became 0 or were lost and the check character and sex cannot be read; ${TEXT_FORMAT_EN}.`),
  ];
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
  const birth = readBirth(s, 6, 4, Number(s.slice(6, 10)), asOf, issues);
  const expected = checkCharUnchecked(s);
  const actual = s[17];
  if (expected !== actual && s.endsWith('000')) {
    // Typed as a number (Excel kept 15 digits), then turned into text: the zeros are what is left.
    issues.push(issue('error', 'id.checksum',
      `身份证号码校验不通过，且末尾三位都是0：很可能先被当作数字输入、Excel 只保留了前15位，后来才改成文本；按前17位计算最后一位应为 ${expected}。请对照身份证原件重新输入完整的18位号码`,
      `The ID fails its check and ends in 000: it was probably typed as a number (Excel kept only 15 digits) and turned into text later; from the first 17 digits the last character should be ${expected}. Type the full 18-character ID again from the ID card.`));
  } else if (expected !== actual) {
    issues.push(issue('error', 'id.checksum',
      `身份证号码校验不通过：按前17位计算，最后一位应为 ${expected}，现在是 ${actual}；通常是某一位数字输错或两位数字颠倒了，请对照身份证原件逐位核对`,
      `The ID fails its check: from the first 17 digits the last character should be ${expected}, not ${actual}; usually a digit was mistyped or two digits swapped: compare it digit by digit with the ID card.`));
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
  issues.push(issue('warning', 'id.old-format',
    `这是15位的旧版身份证号码（1999年前签发），已停止使用；请改填本人现行的18位身份证号码${fromNumber ? '（输入前先把单元格格式设为“文本”，否则后几位会丢失）' : ''}`,
    `This is an old 15-digit ID number (issued before 1999), no longer in use; enter the person's current 18-character ID${fromNumber ? ' (set the cell format to Text first, or the last digits will be lost)' : ''}.`));
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

/** Pushes id.region when the first two digits are not a province-level code; returns whether they are. */
function checkRegion(s: string, issues: Issue[]): boolean {
  const code = s.slice(0, 2);
  if (PROVINCES[code] !== undefined) return true;
  if (code[0] === '9' && s.length === 18 && PROVINCES[s.slice(1, 3)] !== undefined) {
    // Foreigners' permanent residence ID (2023): 9 + province code of the issuing office.
    issues.push(issue('error', 'id.region',
      `身份证号码以“${code}”开头，不是居民身份证的地区代码（9开头的18位号码通常是外国人永久居留身份证号码）；申报人应为中国公民，请核对号码`,
      `The ID starts with ${code}, which is not a resident-ID region code (18-digit numbers starting with 9 are usually foreigners' permanent residence IDs); nominees must be Chinese citizens: check the number.`));
  } else {
    issues.push(issue('error', 'id.region',
      `身份证号码前两位“${code}”不是有效的省级地区代码（如上海为31、江苏为32）；请对照身份证原件核对开头的数字`,
      `The ID's first two digits "${code}" are not a valid province code (e.g. 31 Shanghai, 32 Jiangsu): check the leading digits against the ID card.`));
  }
  return false;
}

/**
 * Reads the birth date at s[at..] (yyyyMMdd, or yyMMdd when yLen is 2; y is the full year already read),
 * pushes id.birthdate and returns undefined when it is not a real, past date from 1900 on.
 */
function readBirth(s: string, at: number, yLen: 2 | 4, y: number, asOf: SimpleDate, issues: Issue[]): SimpleDate | undefined {
  const mm = s.slice(at + yLen, at + yLen + 2);
  const dd = s.slice(at + yLen + 2, at + yLen + 4);
  const m = Number(mm);
  const d = Number(dd);
  let zh = '';
  let en = '';
  if (m < 1 || m > 12) {
    zh = `不是真实的日期：月份“${mm}”应在01至12之间`;
    en = `is not a real date: the month "${mm}" must be 01 to 12`;
  } else if (!isValidDate(y, m, d)) {
    const dim = daysInMonth(y, m);
    zh = d < 1 ? `不是真实的日期：日“${dd}”无效` : `不是真实的日期：${y}年${m}月只有${dim}天，没有${d}日`;
    en = d < 1 ? `is not a real date: the day "${dd}" is invalid` : `is not a real date: ${y}-${mm} has only ${dim} days`;
  } else if (y < 1900) {
    zh = `（${y}年${m}月${d}日）早于1900年，不可能是在职人员的出生日期`;
    en = `(${y}-${mm}-${dd}) is before 1900, impossible for a working person`;
  } else if (compareDates({ y, m, d }, asOf) > 0) {
    zh = `（${y}年${m}月${d}日）晚于核对日期${formatChineseDate(asOf)}，是将来的日期`;
    en = `(${y}-${mm}-${dd}) is after the reference date ${formatIsoDate(asOf)}, i.e. in the future`;
  } else {
    return { y, m, d };
  }
  const from = at + 1;
  const to = at + yLen + 4;
  const digits = s.slice(at, to);
  issues.push(issue('error', 'id.birthdate',
    `身份证号码第${from}至${to}位的出生日期“${digits}”${zh}；请对照身份证原件核对这几位数字`,
    `The birth date in characters ${from}-${to} of the ID, "${digits}", ${en}: check these digits against the ID card.`));
  return undefined;
}

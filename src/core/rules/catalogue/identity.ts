/** Resident ID rules (checks/resident-id.ts, the sex cross-check in rules/row-checks.ts). */
import { formatChineseDate, formatIsoDate, SimpleDate } from '../../model/dates';
import { rule } from './define';

const DOCS = 'rules.md#身份证号gb-11643';

const TEXT_FORMAT_ZH = '请把该单元格格式设为“文本”后重新输入完整号码（或在号码前先输入英文单引号 \'）';
const TEXT_FORMAT_EN = 'set the cell format to Text and type the full number again (or type an apostrophe \' before it)';

/** What a non-text ID cell holds: a date, TRUE/FALSE, or an error value such as #N/A. */
export type IdCellHolds = 'date' | boolean | { error: string };

export type IdFormatParams =
  /** The cell holds a date, TRUE/FALSE or an error value. */
  | { variant: 'not-text'; holds: IdCellHolds }
  /** A character that has no place in an ID. */
  | { variant: 'bad-char'; char: string }
  /** X before the last position (1-based). */
  | { variant: 'x-inside'; position: number }
  /** Not 18 characters (spaces not counted). */
  | { variant: 'length'; length: number }
  /** A negative or fractional number. */
  | { variant: 'number'; value: number };

/** Why the birth date in an ID is not a working person's: not a date, before 1900, or after the check date. */
export type IdBirthdateProblem =
  | { kind: 'month' }
  | { kind: 'day' }
  | { kind: 'days-in-month'; days: number }
  | { kind: 'before-1900' }
  | { kind: 'future'; asOf: SimpleDate };

export interface IdBirthdateParams {
  /** Positions (1-based) of the date in the ID, and its digits. */
  from: number;
  to: number;
  digits: string;
  y: number;
  /** Month and day as they are written in the ID (two digits). */
  mm: string;
  dd: string;
  why: IdBirthdateProblem;
}

function birthProblem(p: IdBirthdateParams): { zh: string; en: string } {
  const { y, mm, dd, why } = p;
  const m = Number(mm);
  const d = Number(dd);
  switch (why.kind) {
    case 'month':
      return { zh: `不是真实的日期：月份“${mm}”应在01至12之间`, en: `is not a real date: the month "${mm}" must be 01 to 12` };
    case 'day':
      return { zh: `不是真实的日期：日“${dd}”无效`, en: `is not a real date: the day "${dd}" is invalid` };
    case 'days-in-month':
      return { zh: `不是真实的日期：${y}年${m}月只有${why.days}天，没有${d}日`, en: `is not a real date: ${y}-${mm} has only ${why.days} days` };
    case 'before-1900':
      return { zh: `（${y}年${m}月${d}日）早于1900年，不可能是在职人员的出生日期`, en: `(${y}-${mm}-${dd}) is before 1900, impossible for a working person` };
    case 'future':
      return {
        zh: `（${y}年${m}月${d}日）晚于核对日期${formatChineseDate(why.asOf)}，是将来的日期`,
        en: `(${y}-${mm}-${dd}) is after the reference date ${formatIsoDate(why.asOf)}, i.e. in the future`,
      };
  }
}

export const IDENTITY_RULES = {
  'id.format': rule<IdFormatParams>({
    severity: 'error',
    name: { zh: '身份证号格式', en: 'ID number format' },
    docs: DOCS,
    message(p) {
      switch (p.variant) {
        case 'not-text': {
          const h = p.holds;
          const zh = h === 'date' ? '日期' : typeof h === 'object' ? `错误值 ${h.error}` : h ? 'TRUE' : 'FALSE';
          const en = h === 'date' ? 'a date' : typeof h === 'object' ? `the error value ${h.error}` : h ? 'TRUE' : 'FALSE';
          return {
            zh: `身份证号码栏填的是${zh}，不是身份证号码；请填写18位身份证号码（17位数字加最后一位数字或X）`,
            en: `The ID cell holds ${en}, not an ID number; enter the 18-character resident ID (17 digits plus a final digit or X).`,
          };
        }
        case 'bad-char':
          return {
            zh: `身份证号码中有不应出现的字符“${p.char}”；身份证号码只能由18位数字组成，最后一位也可以是X，请删去其他字符`,
            en: `The ID contains the character "${p.char}", which does not belong there; an ID is 18 digits (the last may be X): remove the other characters.`,
          };
        case 'x-inside':
          return {
            zh: `身份证号码的第 ${p.position} 位是X；X只能出现在18位号码的最后一位，请核对号码`,
            en: `Character ${p.position} of the ID is X; X may only be the last of the 18 characters: check the number.`,
          };
        case 'length': {
          const diff = p.length - 18;
          const zh = diff > 0 ? `多了 ${diff} 位` : `少了 ${-diff} 位`;
          const en = diff > 0 ? `${diff} too many` : `${-diff} missing`;
          return {
            zh: `身份证号码有 ${p.length} 位（不计空格），应为 18 位，${zh}；请对照身份证原件核对是否多输或漏输了数字`,
            en: `The ID has ${p.length} characters (spaces not counted) but needs 18 (${en}): compare it with the ID card for extra or missing digits.`,
          };
        }
        case 'number':
          return {
            zh: `身份证号码栏填的是数字 ${p.value}，不是有效的身份证号码；请填写18位身份证号码（17位数字加最后一位数字或X）`,
            en: `The ID cell holds the number ${p.value}, which is not a resident ID; enter the 18-character ID (17 digits plus a final digit or X).`,
          };
      }
    },
  }),

  'id.stored-as-number': rule<{ variant: 'scientific'; shown: string } | { variant: 'digits-lost'; digits: number }>({
    severity: 'error',
    name: { zh: '身份证号存成了数字', en: 'ID stored as a number' },
    docs: DOCS,
    message(p) {
      if (p.variant === 'scientific') {
        return {
          zh: `身份证号码显示为“${p.shown}”：它被当作数字保存并变成了科学计数法，末尾几位数字已经丢失（Excel 数字最多只保留15位有效数字）；${TEXT_FORMAT_ZH}`,
          en: `The ID shows as "${p.shown}": it was stored as a number in scientific notation and its last digits are lost (Excel keeps only 15 significant digits); ${TEXT_FORMAT_EN}.`,
        };
      }
      return {
        zh: `身份证号码被 Excel 当作数字保存了：Excel 数字最多只保留15位有效数字，${p.digits} 位号码的后 ${p.digits - 15} 位已变成0或丢失，无法核对校验位和性别；${TEXT_FORMAT_ZH}`,
        en: `The ID was stored as a number: Excel keeps only 15 significant digits, so the last ${p.digits - 15} of its ${p.digits} digits became 0 or were lost and the check character and sex cannot be read; ${TEXT_FORMAT_EN}.`,
      };
    },
  }),

  'id.old-format': rule<{ fromNumber: boolean }>({
    severity: 'warning',
    name: { zh: '15 位旧身份证号', en: 'Old 15-digit ID' },
    docs: DOCS,
    message: (p) => ({
      zh: `这是15位的旧版身份证号码（1999年前签发），已停止使用；请改填本人现行的18位身份证号码${p.fromNumber ? '（输入前先把单元格格式设为“文本”，否则后几位会丢失）' : ''}`,
      en: `This is an old 15-digit ID number (issued before 1999), no longer in use; enter the person's current 18-character ID${p.fromNumber ? ' (set the cell format to Text first, or the last digits will be lost)' : ''}.`,
    }),
  }),

  'id.region': rule<{ variant: 'permanent-residence' | 'unknown'; code: string }>({
    severity: 'error',
    name: { zh: '身份证号地区代码', en: 'ID region code' },
    docs: DOCS,
    message(p) {
      if (p.variant === 'permanent-residence') {
        return {
          zh: `身份证号码以“${p.code}”开头，不是居民身份证的地区代码（9开头的18位号码通常是外国人永久居留身份证号码）；申报人应为中国公民，请核对号码`,
          en: `The ID starts with ${p.code}, which is not a resident-ID region code (18-digit numbers starting with 9 are usually foreigners' permanent residence IDs); nominees must be Chinese citizens: check the number.`,
        };
      }
      return {
        zh: `身份证号码前两位“${p.code}”不是有效的省级地区代码（如上海为31、江苏为32）；请对照身份证原件核对开头的数字`,
        en: `The ID's first two digits "${p.code}" are not a valid province code (e.g. 31 Shanghai, 32 Jiangsu): check the leading digits against the ID card.`,
      };
    },
  }),

  'id.birthdate': rule<IdBirthdateParams>({
    severity: 'error',
    name: { zh: '身份证号中的出生日期', en: 'Birth date in the ID' },
    docs: DOCS,
    message(p) {
      const why = birthProblem(p);
      return {
        zh: `身份证号码第${p.from}至${p.to}位的出生日期“${p.digits}”${why.zh}；请对照身份证原件核对这几位数字`,
        en: `The birth date in characters ${p.from}-${p.to} of the ID, "${p.digits}", ${why.en}: check these digits against the ID card.`,
      };
    },
  }),

  'id.checksum': rule<{ variant: 'trailing-zeros'; expected: string } | { variant: 'mismatch'; expected: string; actual: string }>({
    severity: 'error',
    name: { zh: '身份证校验位', en: 'ID check character' },
    docs: DOCS,
    message(p) {
      if (p.variant === 'trailing-zeros') {
        return {
          zh: `身份证号码校验不通过，且末尾三位都是0：很可能先被当作数字输入、Excel 只保留了前15位，后来才改成文本；按前17位计算最后一位应为 ${p.expected}。请对照身份证原件重新输入完整的18位号码`,
          en: `The ID fails its check and ends in 000: it was probably typed as a number (Excel kept only 15 digits) and turned into text later; from the first 17 digits the last character should be ${p.expected}. Type the full 18-character ID again from the ID card.`,
        };
      }
      return {
        zh: `身份证号码校验不通过：按前17位计算，最后一位应为 ${p.expected}，现在是 ${p.actual}；通常是某一位数字输错或两位数字颠倒了，请对照身份证原件逐位核对`,
        en: `The ID fails its check: from the first 17 digits the last character should be ${p.expected}, not ${p.actual}; usually a digit was mistyped or two digits swapped: compare it digit by digit with the ID card.`,
      };
    },
  }),

  'id.sex-mismatch': rule<{ typed: string; fromId: string }>({
    severity: 'error',
    name: { zh: '性别与身份证号不符', en: 'Sex differs from the ID' },
    docs: DOCS,
    message: (p) => ({
      zh: `性别填“${p.typed}”，但身份证号第17位表示“${p.fromId}”：请核对性别或身份证号`,
      en: `sex is "${p.typed}" but the ID's 17th digit says "${p.fromId}"`,
    }),
  }),
};

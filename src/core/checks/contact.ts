/**
 * Contact details: mainland mobile numbers, contact phones (mobile or landline), postcodes, e-mail.
 * Empty cells give no issues (emptiness is checked elsewhere). Full-width digits, spaces, dashes and a
 * +86 prefix are tolerated silently.
 */
import isEmail from 'validator/lib/isEmail';
import { Issue, issue, NO_ISSUES } from '../model/findings';
import { CellValue, isCellError } from '../model/grid';
import { cellText } from '../text/normalize';
import { hasFullWidth, toHalfWidth } from './halfwidth';

const MOBILE = /^1[3-9]\d{9}$/;
/** 010 and 02X: 8-digit numbers. */
const LANDLINE_3 = /^0(?:10|2\d)\d{8}$/;
/** 4-digit area codes (03XX-09XX): 7 or 8 digits. */
const LANDLINE_4 = /^0[3-9]\d{2}\d{7,8}$/;
/** A Shanghai local number without area code. */
const LOCAL_8 = /^[2-9]\d{7}$/;
/** 400 / 800 service numbers. */
const SERVICE = /^[48]00\d{7}$/;
/** Characters people put inside phone numbers: spaces, dashes, dots, brackets. */
const PHONE_SEPARATORS = /[\s\u00a0\-‐‑–—―－.·()（）【】[\]]/g;
/** Between several numbers in one cell. */
const MULTI = /[/／、,，;；|\n]/;
/** "021-55885591转4102", "*4102", "ext 4102", "-4102", "#4102", "(4102)" is not supported. */
const EXTENSION = /^(.*\d)\s*(?:转|轉|分机|分機|ext\.?|x|\*|#|-)\s*(\d{1,6})$/i;
const NON_DIGIT = /[^0-9]/;

type Kind = 'mobile' | 'landline' | 'local' | 'service';

function nonCellProblem(raw: CellValue): { zh: string; en: string } | undefined {
  if (typeof raw === 'boolean') return { zh: `填的是 ${raw ? 'TRUE' : 'FALSE'}`, en: `holds ${raw ? 'TRUE' : 'FALSE'}` };
  if (raw instanceof Date) return { zh: '被 Excel 识别成了日期', en: 'was taken by Excel as a date' };
  if (raw !== null && isCellError(raw)) return { zh: `是错误值 ${raw.error}`, en: `is the error value ${raw.error}` };
  if (typeof raw === 'number' && (!Number.isInteger(raw) || raw < 0)) return { zh: `是数字 ${raw}`, en: `is the number ${raw}` };
  return undefined;
}

function isEmptyText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0 && c !== 0x3000) return false;
  }
  return true;
}

/** Digits of a phone number with separators removed and a +86 / 0086 country code dropped. */
function phoneDigits(part: string): string {
  let d = toHalfWidth(part).replace(PHONE_SEPARATORS, '');
  let international = false;
  if (d.startsWith('+86')) {
    d = d.slice(3);
    international = true;
  } else if (d.startsWith('0086')) {
    d = d.slice(4);
    international = true;
  } else if (d.length === 13 && d.startsWith('861')) {
    d = d.slice(2);
  }
  // +86 21 5588 5591: the trunk 0 of the area code is dropped after the country code.
  if (international && d.length > 0 && d[0] !== '1' && d[0] !== '0') d = '0' + d;
  return d;
}

function classify(d: string): Kind | undefined {
  if (MOBILE.test(d)) return 'mobile';
  if (LANDLINE_3.test(d) || LANDLINE_4.test(d)) return 'landline';
  if (LOCAL_8.test(d)) return 'local';
  if (SERVICE.test(d)) return 'service';
  return undefined;
}

function firstNonDigit(d: string): string | undefined {
  const m = NON_DIGIT.exec(d);
  return m ? String.fromCodePoint(d.codePointAt(m.index)!) : undefined;
}

/** Why d (already phoneDigits) is not an 11-digit mobile number. */
function mobileProblem(d: string): { zh: string; en: string } {
  const bad = firstNonDigit(d);
  if (bad !== undefined) return { zh: `含有非数字的字符“${bad}”`, en: `contains the non-digit "${bad}"` };
  if (d[0] === '0' || (d.length !== 11 && classify(d) !== undefined)) {
    return { zh: '像是固定电话号码，此栏需要手机号码', en: 'looks like a landline; this field needs a mobile number' };
  }
  if (d.length !== 11) {
    const diff = d.length - 11;
    return {
      zh: `有 ${d.length} 位数字，手机号码应为 11 位（${diff > 0 ? `多了 ${diff} 位` : `少了 ${-diff} 位`}）`,
      en: `has ${d.length} digits; a mobile number has 11`,
    };
  }
  if (d[0] !== '1') return { zh: '手机号码应以 1 开头', en: 'a mobile number starts with 1' };
  return { zh: `手机号码第二位应为 3 至 9，现在是 ${d[1]}`, en: `the second digit must be 3 to 9, not ${d[1]}` };
}

function splitParts(text: string): string[] {
  const out: string[] = [];
  for (const p of text.split(MULTI)) if (!isEmptyText(p)) out.push(p.trim());
  return out;
}

/** An 11-digit mainland mobile number (1[3-9]XXXXXXXXX); a number cell is fine. Rule phone.mobile. */
export function checkMobile(raw: CellValue): Issue[] {
  if (raw === null) return NO_ISSUES as Issue[];
  const np = nonCellProblem(raw);
  if (np) {
    return [issue('error', 'phone.mobile', `手机号码栏${np.zh}；请填写11位手机号码，如 13812345678`,
      `The mobile number cell ${np.en}; enter an 11-digit mobile number such as 13812345678.`)];
  }
  const text = cellText(raw);
  if (isEmptyText(text)) return NO_ISSUES as Issue[];
  const parts = splitParts(text);
  for (const p of parts) {
    const d = phoneDigits(p);
    if (!MOBILE.test(d)) {
      const why = mobileProblem(d);
      return [issue('error', 'phone.mobile',
        `手机号码“${p}”不正确：${why.zh}；请填写11位手机号码（以13至19开头），如 13812345678`,
        `The mobile number "${p}" is wrong: it ${why.en}; enter an 11-digit mobile number (starting 13 to 19), e.g. 13812345678.`)];
    }
  }
  if (parts.length > 1) {
    return [issue('warning', 'phone.mobile',
      `手机号码栏填了 ${parts.length} 个号码；此栏只需一个，请只保留最常用的手机号码`,
      `The mobile number cell holds ${parts.length} numbers; keep only the one most used.`)];
  }
  return NO_ISSUES as Issue[];
}

/** Why a contact phone part is not recognised. */
function phoneProblem(d: string): { zh: string; en: string } {
  const bad = firstNonDigit(d);
  if (bad !== undefined) return { zh: `含有无法识别的字符“${bad}”`, en: `contains "${bad}", which is not part of a phone number` };
  const n = d.length;
  if (d[0] === '1') {
    if (n === 11) return { zh: `手机号码第二位应为 3 至 9，现在是 ${d[1]}`, en: `a mobile number's second digit must be 3 to 9, not ${d[1]}` };
    return { zh: `以1开头像是手机号码，但有 ${n} 位数字（手机号码为 11 位）`, en: `starts with 1 like a mobile number but has ${n} digits (mobile numbers have 11)` };
  }
  if (d[0] === '0') {
    return { zh: `区号加号码共 ${n} 位数字，位数不对（如 021 加 8 位号码共 11 位）`, en: `area code plus number make ${n} digits, which is not a valid length (021 plus 8 digits is 11)` };
  }
  if (n === 7) return { zh: '只有 7 位，缺少区号或少了一位（上海的固定电话为 8 位）', en: 'has only 7 digits: the area code or a digit is missing (Shanghai numbers have 8)' };
  return { zh: `共 ${n} 位数字，位数不对`, en: `has ${n} digits, not a valid length` };
}

function phoneOk(part: string): boolean {
  if (classify(phoneDigits(part)) !== undefined) return true;
  const m = EXTENSION.exec(toHalfWidth(part).trim());
  if (!m) return false;
  const kind = classify(phoneDigits(m[1]));
  return kind === 'landline' || kind === 'local' || kind === 'service';
}

/**
 * A contact phone: a mobile number, or a mainland landline (021-55885591, (021)55885591, 55885591 as a
 * Shanghai local number, 0571-8888888), optionally with an extension (转4102, *4102, -4102, ext 4102);
 * 400/800 numbers are accepted. Several numbers separated by / 、 , ; are each checked. Rule phone.contact.
 */
export function checkPhone(raw: CellValue): Issue[] {
  if (raw === null) return NO_ISSUES as Issue[];
  const np = nonCellProblem(raw);
  if (np) {
    return [issue('error', 'phone.contact', `联系电话栏${np.zh}；请填写11位手机号码，或带区号的固定电话，如 021-55885591`,
      `The contact phone cell ${np.en}; enter an 11-digit mobile number or a landline with area code such as 021-55885591.`)];
  }
  const text = cellText(raw);
  if (isEmptyText(text)) return NO_ISSUES as Issue[];
  for (const p of splitParts(text)) {
    if (phoneOk(p)) continue;
    const why = phoneProblem(phoneDigits(p));
    return [issue('error', 'phone.contact',
      `联系电话“${p}”无法识别：${why.zh}；请填写11位手机号码，或带区号的固定电话，如 021-55885591（分机写作 021-55885591转4102）`,
      `The contact phone "${p}" is not recognised: it ${why.en}; enter an 11-digit mobile number or a landline with area code such as 021-55885591 (extension: 021-55885591转4102).`)];
  }
  return NO_ISSUES as Issue[];
}

const SIX_DIGITS = /^\d{6}$/;
const POSTCODE_SPACES = /[\s\u00a0\-]/g;
const TEXT_FORMAT_ZH = '请把单元格格式设为“文本”后重新输入';
const TEXT_FORMAT_EN = 'set the cell format to Text and type it again';

/** A 6-digit postcode. A number cell with 5 digits lost its leading zero. Rule postcode.format. */
export function checkPostcode(raw: CellValue): Issue[] {
  if (raw === null) return NO_ISSUES as Issue[];
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 100000 && raw <= 999999) return NO_ISSUES as Issue[];
    if (Number.isInteger(raw) && raw >= 10000 && raw <= 99999) {
      const fixed = '0' + String(raw);
      return [issue('error', 'postcode.format',
        `邮政编码显示为 ${raw}，只有 5 位：Excel 把它当作数字，去掉了开头的 0（应为 ${fixed}）；${TEXT_FORMAT_ZH} ${fixed}`,
        `The postcode shows as ${raw}, only 5 digits: Excel stored it as a number and dropped the leading 0 (it should be ${fixed}); ${TEXT_FORMAT_EN} as ${fixed}.`)];
    }
  }
  const np = nonCellProblem(raw);
  if (np) {
    return [issue('error', 'postcode.format', `邮政编码栏${np.zh}；邮政编码应为 6 位数字，如 200080`,
      `The postcode cell ${np.en}; a postcode is 6 digits, e.g. 200080.`)];
  }
  const text = cellText(raw);
  if (isEmptyText(text)) return NO_ISSUES as Issue[];
  const d = toHalfWidth(text).replace(POSTCODE_SPACES, '');
  if (SIX_DIGITS.test(d)) return NO_ISSUES as Issue[];
  const bad = firstNonDigit(d);
  const zh = bad !== undefined ? `含有非数字的字符“${bad}”` : `有 ${d.length} 位数字`;
  const en = bad !== undefined ? `contains the non-digit "${bad}"` : `has ${d.length} digits`;
  return [issue('error', 'postcode.format',
    `邮政编码“${text.trim()}”不正确：${zh}，邮政编码应为 6 位数字（如上海市虹口区为 200080）；请核对后重新填写`,
    `The postcode "${text.trim()}" is wrong: it ${en}; a postcode is 6 digits (e.g. 200080): check and correct it.`)];
}

const EDGE_SPACES = /^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g;
const INNER_SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const CJK = /[\u3400-\u9fff]/;
const DOMAIN_TYPO = /\.(?:con|cmo|ocm|cpm|vom|xom|comm)$/i;
const HAS_SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;
const SEVERAL = /[,，;；、/\s]/;
const CHINESE_STOP = /。/g;
const EMAIL_OPTIONS = { allow_utf8_local_part: false };

/**
 * An e-mail address (validator's isEmail, no Chinese characters in the name part). Surrounding spaces are
 * tolerated; full-width ＠, the Chinese full stop 。, other full-width characters, inner spaces, several
 * addresses in one cell and a misspelt .com are named in the message. Rule email.format.
 */
export function checkEmail(raw: CellValue): Issue[] {
  if (raw === null) return NO_ISSUES as Issue[];
  const np = nonCellProblem(raw);
  if (np || typeof raw === 'number') {
    const zh = np ? np.zh : `是数字 ${raw}`;
    const en = np ? np.en : `is the number ${raw}`;
    return [emailIssue(`邮箱栏${zh}，不是邮箱地址；请填写如 zhangsan@163.com 的邮箱地址`,
      `The e-mail cell ${en}, not an address; enter an address such as zhangsan@163.com.`)];
  }
  const text = cellText(raw);
  const s = text.replace(EDGE_SPACES, '');
  if (s === '') return NO_ISSUES as Issue[];
  if (!hasFullWidth(s) && s.indexOf('。') === -1 && isEmail(s, EMAIL_OPTIONS)) {
    const typo = DOMAIN_TYPO.exec(s);
    if (!typo) return NO_ISSUES as Issue[];
    const fixed = s.slice(0, typo.index) + '.com';
    return [emailIssue(`邮箱地址“${s}”的结尾“${typo[0]}”很可能拼错了，应为“.com”（即 ${fixed}）；请核对后改正`,
      `The e-mail address "${s}" ends in "${typo[0]}", probably a typo for ".com" (${fixed}): check and correct it.`)];
  }

  const zh: string[] = [];
  const en: string[] = [];
  const atCount = countOf(s, '@') + countOf(s, '＠');
  if (atCount > 1 && SEVERAL.test(s)) {
    return [emailIssue(`邮箱栏填了 ${atCount} 个邮箱地址；请只保留一个`,
      `The e-mail cell holds ${atCount} addresses; keep only one.`)];
  }
  if (s.indexOf('＠') !== -1) {
    zh.push('使用了全角的“＠”，应改为半角“@”');
    en.push('it uses the full-width "＠"; use "@"');
  }
  if (s.indexOf('。') !== -1) {
    zh.push('使用了中文句号“。”，应改为英文句点“.”');
    en.push('it uses the Chinese full stop "。"; use "."');
  }
  if (zh.length === 0 && hasFullWidth(s)) {
    zh.push('含有全角字符，请切换到英文（半角）输入法重新输入');
    en.push('it contains full-width characters; retype it with the English (half-width) input');
  }
  if (HAS_SPACE.test(s)) {
    zh.push('中间有空格，请删除');
    en.push('it contains spaces; remove them');
  }
  if (atCount === 0) {
    zh.push('缺少“@”');
    en.push('the "@" is missing');
  }
  if (CJK.test(s)) {
    zh.push('含有汉字，邮箱地址只能用英文字母、数字和符号');
    en.push('it contains Chinese characters; addresses use Latin letters, digits and symbols');
  }
  const fixed = toHalfWidth(s).replace(CHINESE_STOP, '.').replace(INNER_SPACES, '');
  const suggestion = fixed !== s && isEmail(fixed, EMAIL_OPTIONS) ? fixed : undefined;
  if (zh.length === 0) {
    zh.push('格式不正确，应为“名称@域名”的形式');
    en.push('it is not of the form name@domain');
  }
  return [emailIssue(
    `邮箱地址“${s}”有误：${zh.join('；')}${suggestion ? `；改正后应为 ${suggestion}` : '（如 zhangsan@163.com）'}`,
    `The e-mail address "${s}" is wrong: ${en.join('; ')}${suggestion ? `; corrected it would be ${suggestion}` : ' (e.g. zhangsan@163.com)'}.`,
  )];
}

function emailIssue(zh: string, en: string): Issue {
  return issue('error', 'email.format', zh, en);
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

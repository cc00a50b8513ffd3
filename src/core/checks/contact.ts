/**
 * Contact details: mainland mobile numbers, contact phones (mobile or landline), postcodes, e-mail.
 * Empty cells give no issues (emptiness is checked elsewhere). Full-width digits, spaces, dashes and a
 * +86 prefix are tolerated silently.
 */
import isEmail from 'validator/lib/isEmail';
import { Issue, NO_ISSUES } from '../model/findings';
import { CellValue, isCellError } from '../model/grid';
import { report } from '../rules/catalogue';
import type { OddCell } from '../rules/catalogue/define';
import type { EmailProblem, MobileProblem, PhoneProblem } from '../rules/catalogue/contact';
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

/** A cell that cannot hold a phone number, postcode or address: TRUE/FALSE, a date, an error, a fraction. */
function oddCell(raw: CellValue): OddCell | undefined {
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw };
  if (raw instanceof Date) return { kind: 'date' };
  if (raw !== null && isCellError(raw)) return { kind: 'error', error: raw.error };
  if (typeof raw === 'number' && (!Number.isInteger(raw) || raw < 0)) return { kind: 'number', value: raw };
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
function mobileProblem(d: string): MobileProblem {
  const bad = firstNonDigit(d);
  if (bad !== undefined) return { kind: 'non-digit', char: bad };
  if (d[0] === '0' || (d.length !== 11 && classify(d) !== undefined)) return { kind: 'landline' };
  if (d.length !== 11) return { kind: 'length', digits: d.length };
  if (d[0] !== '1') return { kind: 'first-digit' };
  return { kind: 'second-digit', digit: d[1] };
}

function splitParts(text: string): string[] {
  const out: string[] = [];
  for (const p of text.split(MULTI)) if (!isEmptyText(p)) out.push(p.trim());
  return out;
}

/** Exactly 11 ASCII digits, 1[3-9]…: what MOBILE accepts, read in place. */
function isPlainMobile(s: string): boolean {
  if (s.length !== 11 || s.charCodeAt(0) !== 49) return false;
  const second = s.charCodeAt(1);
  if (second < 51 || second > 57) return false;
  for (let i = 2; i < 11; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** An 11-digit mainland mobile number (1[3-9]XXXXXXXXX); a number cell is fine. Rule phone.mobile. */
export function checkMobile(raw: CellValue): Issue[] {
  if (raw === null) return NO_ISSUES as Issue[];
  // Nearly every cell is one plainly typed number: known good without splitting and cleaning it.
  if (typeof raw === 'string' && isPlainMobile(raw)) return NO_ISSUES as Issue[];
  const odd = oddCell(raw);
  if (odd) return [report('phone.mobile', { variant: 'odd-cell', cell: odd })];
  const text = cellText(raw);
  if (isEmptyText(text)) return NO_ISSUES as Issue[];
  const parts = splitParts(text);
  for (const p of parts) {
    const d = phoneDigits(p);
    if (!MOBILE.test(d)) return [report('phone.mobile', { variant: 'wrong', text: p, problem: mobileProblem(d) })];
  }
  if (parts.length > 1) return [report('phone.mobile', { variant: 'several', count: parts.length })];
  return NO_ISSUES as Issue[];
}

/** Why a contact phone part is not recognised. */
function phoneProblem(d: string): PhoneProblem {
  const bad = firstNonDigit(d);
  if (bad !== undefined) return { kind: 'char', char: bad };
  const n = d.length;
  if (d[0] === '1') return n === 11 ? { kind: 'mobile-second-digit', digit: d[1] } : { kind: 'mobile-length', digits: n };
  if (d[0] === '0') return { kind: 'landline-length', digits: n };
  if (n === 7) return { kind: 'seven-digits' };
  return { kind: 'length', digits: n };
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
  const odd = oddCell(raw);
  if (odd) return [report('phone.contact', { variant: 'odd-cell', cell: odd })];
  const text = cellText(raw);
  if (isEmptyText(text)) return NO_ISSUES as Issue[];
  for (const p of splitParts(text)) {
    if (phoneOk(p)) continue;
    return [report('phone.contact', { variant: 'unrecognised', text: p, problem: phoneProblem(phoneDigits(p)) })];
  }
  return NO_ISSUES as Issue[];
}

const SIX_DIGITS = /^\d{6}$/;
const POSTCODE_SPACES = /[\s\u00a0\-]/g;

/**
 * A 6-digit postcode. A number cell with 5 digits either lost its leading zero (only codes 01xxxx–07xxxx of
 * Inner Mongolia, Shanxi and Hebei start with 0) or a digit: 20xxx is a Shanghai code short of a digit
 * (no code starts with 020), 8xxxx and 9xxxx cannot be a code that lost a 0. Rule postcode.format.
 */
export function checkPostcode(raw: CellValue): Issue[] {
  if (raw === null) return NO_ISSUES as Issue[];
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 100000 && raw <= 999999) return NO_ISSUES as Issue[];
    if (Number.isInteger(raw) && raw >= 10000 && raw <= 99999) {
      const shanghai = raw >= 20000 && raw <= 20999;
      if (shanghai || raw >= 80000) return [report('postcode.format', { variant: 'lost-digit', value: raw, shanghai })];
      return [report('postcode.format', { variant: 'lost-zero', value: raw })];
    }
  }
  const odd = oddCell(raw);
  if (odd) return [report('postcode.format', { variant: 'odd-cell', cell: odd })];
  const text = cellText(raw);
  if (isEmptyText(text)) return NO_ISSUES as Issue[];
  const d = toHalfWidth(text).replace(POSTCODE_SPACES, '');
  if (SIX_DIGITS.test(d)) return NO_ISSUES as Issue[];
  const bad = firstNonDigit(d);
  const problem = bad !== undefined ? ({ kind: 'char', char: bad } as const) : ({ kind: 'length', digits: d.length } as const);
  return [report('postcode.format', { variant: 'wrong', text: text.trim(), problem })];
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
  const odd: OddCell | undefined = oddCell(raw) ?? (typeof raw === 'number' ? { kind: 'number', value: raw } : undefined);
  if (odd) return [report('email.format', { variant: 'odd-cell', cell: odd })];
  const text = cellText(raw);
  const s = text.replace(EDGE_SPACES, '');
  if (s === '') return NO_ISSUES as Issue[];
  if (!hasFullWidth(s) && s.indexOf('。') === -1 && isEmail(s, EMAIL_OPTIONS)) {
    const typo = DOMAIN_TYPO.exec(s);
    if (!typo) return NO_ISSUES as Issue[];
    return [report('email.format', { variant: 'typo', address: s, ending: typo[0] })];
  }

  const atCount = countOf(s, '@') + countOf(s, '＠');
  if (atCount > 1 && SEVERAL.test(s)) return [report('email.format', { variant: 'several', count: atCount })];
  const problems: EmailProblem[] = [];
  if (s.indexOf('＠') !== -1) problems.push('full-width-at');
  if (s.indexOf('。') !== -1) problems.push('chinese-stop');
  if (problems.length === 0 && hasFullWidth(s)) problems.push('full-width');
  if (HAS_SPACE.test(s)) problems.push('spaces');
  if (atCount === 0) problems.push('no-at');
  if (CJK.test(s)) problems.push('chinese');
  const fixed = toHalfWidth(s).replace(CHINESE_STOP, '.').replace(INNER_SPACES, '');
  const suggestion = fixed !== s && isEmail(fixed, EMAIL_OPTIONS) ? fixed : undefined;
  if (problems.length === 0) problems.push('form');
  return [report('email.format', suggestion ? { variant: 'wrong', address: s, problems, suggestion } : { variant: 'wrong', address: s, problems })];
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

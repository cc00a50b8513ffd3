/**
 * Text normalisation for matching what people type against the forms' labels and options.
 * Values themselves are never rewritten: these functions only build comparison keys.
 */
import { CellValue, isCellError } from '../model/grid';
import { toHalfWidth } from '../checks/halfwidth';

// opencc-js ships ES-module typings that a CommonJS build cannot import; its UMD build is loaded with require
// (Node, jest and webpack all resolve it), typed here with the one function we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): (s: string) => string };
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

// The caches (here and headerKey's) are bounded: headers, titles and enumerated values repeat, long free texts never reach here.
const SIMPLIFY_CACHE = new Map<string, string>();
const CACHE_LIMIT = 20000;

/**
 * Keeps a computed key. A full cache starts again rather than stops taking: a run over a hundred files would
 * otherwise fill it with the first files' names and units and then compute every title and header afresh.
 */
function remember(cache: Map<string, string>, k: string, v: string): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(k, v);
}

/** Traditional → Simplified Chinese (opencc), memoised. */
export function simplify(s: string): string {
  const cached = SIMPLIFY_CACHE.get(s);
  if (cached !== undefined) return cached;
  const out = toSimplified(s);
  remember(SIMPLIFY_CACHE, s, out);
  return out;
}

/** Pinyin readings some web pages put after characters, e.g. "質(zhì)量" → "質量". */
const PINYIN_GLOSS = /\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,8})\)/g;
const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const QUOTES = /["'“”‘’「」『』〝〞＂＇`]/g;

/**
 * Width and script folding used everywhere: NFKC (full-width digits, letters and brackets become ASCII),
 * Traditional → Simplified, no whitespace at all (line breaks inside header cells included).
 */
export function fold(s: string): string {
  // ASCII (phone numbers, IDs, e-mail addresses in the rows recognition looks at) is its own NFKC form and has
  // nothing for opencc to convert (its dictionaries hold no ASCII entry).
  if (isAscii(s)) return s.replace(PINYIN_GLOSS, '').replace(WHITESPACE, '');
  return simplify(s.normalize('NFKC').replace(PINYIN_GLOSS, '')).replace(WHITESPACE, '');
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

const TITLE_KEY_CACHE = new Map<string, string>();

/** Key for a title line (programme detection): folded, quotes removed. Remembered: every file of an inbox repeats its title and headers. */
export function titleKey(s: string): string {
  if (s.length > HEADER_KEY_MAX) return fold(s).replace(QUOTES, '');
  const cached = TITLE_KEY_CACHE.get(s);
  if (cached !== undefined) return cached;
  const k = fold(s).replace(QUOTES, '');
  remember(TITLE_KEY_CACHE, s, k);
  return k;
}

const BRACKETED = /\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|《|》/g;
const EDGE_PUNCT = /^[\d.、．)\s*＊※]+(?=\D)|[:：*＊※]+$/g;

/**
 * Key for a header cell or a form label: folded, quotes removed, bracketed notes removed
 * ("对“工匠精神”的理解（100字以内）" → "对工匠精神的理解"), list numbering, required-field stars and a trailing
 * colon removed, lower-cased.
 */
export function headerKey(s: string): string {
  // Recognition asks for the key of every short cell near the top of every sheet, for every programme's tables,
  // and every file of an inbox repeats the same labels: remembered like simplify() (short texts only).
  if (s.length > HEADER_KEY_MAX) return computeHeaderKey(s);
  const cached = HEADER_KEY_CACHE.get(s);
  if (cached !== undefined) return cached;
  const k = computeHeaderKey(s);
  remember(HEADER_KEY_CACHE, s, k);
  return k;
}

const HEADER_KEY_CACHE = new Map<string, string>();
const HEADER_KEY_MAX = 120;

function computeHeaderKey(s: string): string {
  let k = titleKey(s);
  let prev = '';
  while (prev !== k) {
    prev = k;
    k = k.replace(BRACKETED, '');
  }
  return k.replace(EDGE_PUNCT, '').toLowerCase();
}

/** Key for an enumerated value (性别, 学历, 是/否 ...): folded, quotes and brackets' contents kept, lower-cased. */
export function optionKey(s: string): string {
  return titleKey(s).replace(/[()]/g, '').toLowerCase();
}

/**
 * What a cell shows as text, for checks on text. Numbers keep every digit JavaScript has
 * (no exponent for large whole numbers), dates become YYYY-MM-DD, errors their code, empty "".
 */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) return BigInt(v).toString();
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const y = v.getUTCFullYear();
    const m = String(v.getUTCMonth() + 1).padStart(2, '0');
    const d = String(v.getUTCDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  if (isCellError(v)) return v.error;
  return String(v);
}

/** True when the cell holds nothing a person would call a value (empty, or only spaces). */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // Runs on every cell: stop at the first visible character instead of copying long texts.
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0x3000 && c !== 0x200b && c !== 0xfeff && c !== 0x85 && !(c >= 0x2000 && c <= 0x200a) && c !== 0x2028 && c !== 0x2029) return false;
  }
  return true;
}

/**
 * Cheap key for comparing what people typed row by row (names, units): full-width forms folded, whitespace
 * removed, lower-cased. Unlike fold() it does not convert traditional characters: opencc on every unique name
 * would cost more than all the checks of a row together. Where a mismatch matters, compare fold() after this.
 */
export function compareKey(s: string): string {
  // Most names and units need no change: one scan instead of three new strings per row.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x41 && c <= 0x5a) || c === 0xa0 || c === 0x3000 || (c >= 0xff01 && c <= 0xff5e) || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0x1680 || c === 0x202f || c === 0x205f) {
      return toHalfWidth(s).replace(WHITESPACE, '').toLowerCase();
    }
  }
  return s;
}

/** Digits-only key tolerant of full-width digits, spaces, dashes and dots: "１３８-1234 5678" → "13812345678". */
export function digitsKey(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u00a0\u3000\-－—–.·()]/g, '');
}

/**
 * Separators people type inside one name: the middle dot of minority and foreign names in all its look-alikes
 * (· • ・ ‧ ∙ ． .), hyphens and dashes. "阿依古丽·买买提" and "阿依古丽•买买提" are one person.
 */
const NAME_SEPARATORS = /[·•・‧∙⋅．.\-－‐‑–—_＿]/g;
const HAS_NAME_SEPARATOR = /[·•・‧∙⋅．.\-－‐‑–—_＿]/;

/**
 * Key for matching a person's name across tables and rows: compareKey (width, spaces, case) without the
 * separators people type inside names. Cheap: no script conversion (compare fold() of both on a miss).
 */
export function personKey(s: string): string {
  const k = compareKey(s);
  return HAS_NAME_SEPARATOR.test(k) ? k.replace(NAME_SEPARATORS, '') : k;
}

/** personKey with Traditional characters made Simplified: for the second look when personKey finds no match. */
export function personFoldKey(s: string): string {
  return personKey(simplify(s));
}

/**
 * People by name as they are typed in different tables: looked up by personKey, then (the folded keys are
 * made on the first miss) with Traditional characters made Simplified. The first entry of a name wins.
 */
export class NameMap<T> {
  private readonly byKey = new Map<string, T>();
  private readonly entries: [string, T][] = [];
  private byFold?: Map<string, T>;

  set(name: string, value: T): void {
    const k = personKey(name);
    if (this.byKey.has(k)) return;
    this.byKey.set(k, value);
    this.entries.push([name, value]);
    this.byFold = undefined;
  }

  get(name: string): T | undefined {
    const hit = this.byKey.get(personKey(name));
    if (hit !== undefined) return hit;
    if (!this.byFold) {
      this.byFold = new Map();
      for (const [n, v] of this.entries) {
        const k = personFoldKey(n);
        if (!this.byFold.has(k)) this.byFold.set(k, v);
      }
    }
    return this.byFold.get(personFoldKey(name));
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
}

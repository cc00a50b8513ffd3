/**
 * Text lengths as people count 字: every visible character counts once, whitespace does not.
 * Runs on long free texts (主要事迹, up to several thousand 字) for every row: one charCodeAt loop over a lookup
 * table, no regex, no normalisation.
 */
import { Issue, NO_ISSUES } from '../model/findings';
import { report } from '../rules/catalogue';

/**
 * 1 for every UTF-16 unit that counts as a 字, 0 otherwise. Whitespace and controls count 0; a low surrogate
 * counts 0 so that a surrogate pair (high + low) counts once. One table lookup per unit, no branches:
 * about twice as fast as comparing ranges on Chinese text.
 */
const COUNTS = buildCountTable();

function buildCountTable(): Uint8Array {
  const t = new Uint8Array(0x10000).fill(1);
  const zero = (from: number, to: number) => t.fill(0, from, to + 1);
  zero(0x00, 0x20); // ASCII controls, space, tab, line breaks
  zero(0x7f, 0xa0); // DEL, C1 controls (NEL), no-break space
  zero(0x1680, 0x1680);
  zero(0x2000, 0x200b); // en/em spaces ... zero-width space
  zero(0x2028, 0x2029);
  zero(0x202f, 0x202f);
  zero(0x205f, 0x205f);
  zero(0x3000, 0x3000); // ideographic (full-width) space
  zero(0xdc00, 0xdfff); // low surrogates: the pair was counted at its high surrogate
  zero(0xfeff, 0xfeff); // BOM / zero-width no-break space
  return t;
}

/**
 * Counts characters as a person counts 字: every non-whitespace code point once (a surrogate pair such as 𠮷
 * once, each ASCII letter, digit or punctuation mark once). Not counted: space, tab, line breaks, no-break space,
 * ideographic space U+3000, the other Unicode spaces (U+2000–U+200A, U+2028/2029, U+202F, U+205F, U+1680),
 * zero-width space U+200B, BOM U+FEFF and control characters. (A lone low surrogate, only found in corrupted
 * text, is not counted.)
 */
export function countChars(text: string): number {
  const t = COUNTS;
  let n = 0;
  for (let i = 0, len = text.length; i < len; i++) n += t[text.charCodeAt(i)];
  return n;
}

/** countChars, but stops once `limit` characters are counted (returns at most limit). */
export function countCharsUpTo(text: string, limit: number): number {
  const t = COUNTS;
  let n = 0;
  for (let i = 0, len = text.length; i < len && n < limit; i++) n += t[text.charCodeAt(i)];
  return n;
}

/** text.too-long (error) when the text has more than max 字; exactly max is fine. */
export function checkMaxChars(text: string, max: number, fieldLabel: string): Issue[] {
  // Whitespace never counts and a surrogate pair counts once, so a text no longer than the limit is within it.
  if (text.length <= max) return NO_ISSUES as Issue[];
  const n = countChars(text);
  if (n <= max) return NO_ISSUES as Issue[];
  return [report('text.too-long', { field: fieldLabel, count: n, max })];
}

/**
 * text.length-off (warning) when a text meant to be about target 字 is far off: fewer than target×(1−tolerance)
 * or more than target×(1+tolerance). Empty texts are left to the emptiness check.
 */
export function checkAboutChars(text: string, target: number, fieldLabel: string, tolerance = 0.4): Issue[] {
  // Rounded so that 100 × (1 + 0.4) is 140, not 140.00000000000003.
  const low = Math.round(target * (1 - tolerance) * 1e6) / 1e6;
  const high = Math.round(target * (1 + tolerance) * 1e6) / 1e6;
  // A text no longer than the upper bound only has to reach the lower one: stop counting there.
  if (text.length <= high && countCharsUpTo(text, low) >= low) return NO_ISSUES as Issue[];
  const n = countChars(text);
  if (n === 0) return NO_ISSUES as Issue[];
  if (n < low) return [report('text.length-off', { variant: 'short', field: fieldLabel, target, count: n, want: Math.ceil(low) })];
  if (n > high) return [report('text.length-off', { variant: 'long', field: fieldLabel, target, count: n, want: Math.floor(high) })];
  return NO_ISSUES as Issue[];
}

/**
 * A cheap first look before an eligibility pattern runs over a text: characters one of which any match must
 * contain. Every alternative of "(?:区|县)级?(?:十佳|首席|优秀)?工匠" needs "匠"; a text without it cannot match,
 * not even once the excepted phrases are removed (removing text adds no characters). Most honours texts name no
 * craftsman title, so most rows skip the regular expressions altogether. Chinese characters only (no case to fold),
 * each with its Traditional forms, as the compiled patterns match them (eligibility.ts).
 */
import { withTraditionalChars } from '../text/script-variants';

const CJK = /[\u3400-\u9fff]/;

/** The pattern's alternatives at its top level ("a|(b|c)d" → "a", "(b|c)d"). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** A Chinese character the alternative always contains: one written outside any group or class, not optional. */
function requiredChar(alternative: string): string | undefined {
  let depth = 0;
  let inClass = false;
  let found: string | undefined;
  for (let i = 0; i < alternative.length; i++) {
    const ch = alternative[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      inClass = ch !== ']';
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && CJK.test(ch)) {
      const next = alternative[i + 1];
      // "级?" and "级*" may be absent; "级{0,2}" too (any brace is taken as possibly none).
      if (next !== '?' && next !== '*' && next !== '{') found = ch;
    }
  }
  return found;
}

/**
 * The characters (with their Traditional forms) one of which every match of any of the patterns contains, or
 * undefined when some alternative has no such character (then every text must be searched).
 */
export function requiredChars(patterns: readonly string[]): string[] | undefined {
  const out = new Set<string>();
  for (const p of patterns) {
    for (const alt of alternatives(p)) {
      const ch = requiredChar(alt);
      if (ch === undefined) return undefined;
      for (const form of withTraditionalChars(ch)) out.add(form);
    }
  }
  return out.size ? [...out] : undefined;
}

/**
 * The characters as a look-up over the Basic Multilingual Plane (each is one UTF-16 unit: CJK only): one pass over
 * the text answers for all of them, where a dozen indexOf calls would pass over it a dozen times.
 */
export type RequiredSet = Uint8Array;

export function requiredSet(chars: readonly string[]): RequiredSet {
  const set = new Uint8Array(0x10000);
  for (const ch of chars) set[ch.charCodeAt(0)] = 1;
  return set;
}

/** Whether the text contains any of the characters. */
export function containsAny(text: string, set: RequiredSet): boolean {
  for (let i = 0; i < text.length; i++) if (set[text.charCodeAt(i)] === 1) return true;
  return false;
}

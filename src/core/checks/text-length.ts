/**
 * Text lengths as people count 字: every visible character counts once, whitespace does not.
 * Runs on long free texts (主要事迹, up to several thousand 字) for every row: one charCodeAt loop, no regex,
 * no normalisation.
 */
import { Issue, issue } from '../model/findings';

/**
 * Counts non-whitespace code points: a surrogate pair (e.g. 𠮷) counts once, each ASCII letter or digit once,
 * punctuation once. Not counted: space, tab, line breaks, no-break space, ideographic space U+3000, the other
 * Unicode spaces (U+2000–U+200A, U+2028/2029, U+202F, U+205F, U+1680), zero-width space U+200B and BOM U+FEFF.
 */
export function countChars(text: string): number {
  let n = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      n++;
    } else if (c <= 0x20 || c === 0x7f) {
      // ASCII whitespace and control characters
    } else if (c >= 0xd800 && c <= 0xdbff) {
      n++;
      if (i + 1 < len) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    } else if (
      c === 0x3000 || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
      c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff
    ) {
      // Unicode spaces
    } else {
      n++;
    }
  }
  return n;
}

/** text.too-long (error) when the text has more than max 字; exactly max is fine. */
export function checkMaxChars(text: string, max: number, fieldLabel: string): Issue[] {
  const n = countChars(text);
  if (n <= max) return [];
  const cut = n - max;
  return [issue('error', 'text.too-long',
    `“${fieldLabel}”共 ${n} 字，超过了 ${max} 字的限制，请删减至少 ${cut} 字（空格和换行不计字数）`,
    `"${fieldLabel}" has ${n} characters, over the limit of ${max}: cut at least ${cut} (spaces and line breaks are not counted).`)];
}

/**
 * text.length-off (warning) when a text meant to be about target 字 is far off: fewer than target×(1−tolerance)
 * or more than target×(1+tolerance). Empty texts are left to the emptiness check.
 */
export function checkAboutChars(text: string, target: number, fieldLabel: string, tolerance = 0.4): Issue[] {
  const n = countChars(text);
  if (n === 0) return [];
  // Rounded so that 100 × (1 + 0.4) is 140, not 140.00000000000003.
  const low = Math.round(target * (1 - tolerance) * 1e6) / 1e6;
  const high = Math.round(target * (1 + tolerance) * 1e6) / 1e6;
  if (n < low) {
    const want = Math.ceil(low);
    return [issue('warning', 'text.length-off',
      `“${fieldLabel}”要求约 ${target} 字，现在只有 ${n} 字，明显偏少；建议补充到 ${want} 字以上`,
      `"${fieldLabel}" should be about ${target} characters but has only ${n}; consider expanding it to at least ${want}.`)];
  }
  if (n > high) {
    const want = Math.floor(high);
    return [issue('warning', 'text.length-off',
      `“${fieldLabel}”要求约 ${target} 字，现在有 ${n} 字，明显偏多；建议精简到 ${want} 字以内（需删减约 ${n - want} 字）`,
      `"${fieldLabel}" should be about ${target} characters but has ${n}; consider shortening it to ${want} or fewer (about ${n - want} fewer).`)];
  }
  return [];
}

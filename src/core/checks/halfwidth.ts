/**
 * Cheap width folding for short values (phone numbers, counts, postcodes): full-width ASCII forms
 * (U+FF01–U+FF5E: ０-９, Ａ-Ｚ, ＠, ＋, （, ）...) become ASCII and the ideographic space a plain space.
 * Unlike NFKC it touches nothing else and returns the same string when there is nothing to fold.
 */
export function toHalfWidth(s: string): string {
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** True for the full-width ASCII forms and the ideographic space. */
export function hasFullWidth(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) return true;
  }
  return false;
}

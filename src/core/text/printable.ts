/**
 * Text from a user's file (names, sheet names, cell values in messages) shown on a terminal or in a one-line
 * message: characters that could move the cursor, recolour or clear the terminal (ESC sequences, C1 controls such
 * as U+009B CSI), overwrite a line (CR) or reorder what is read (bidirectional overrides, "Trojan Source") are
 * shown as escapes (\x1b, \u202e) instead. Everything else, Chinese included, is left alone.
 */

/** Bidirectional formatting characters and line/paragraph separators (Unicode 15). */
function isInvisibleFormatting(c: number): boolean {
  return (
    c === 0x061c || // ARABIC LETTER MARK
    c === 0x200e ||
    c === 0x200f || // LRM, RLM
    (c >= 0x202a && c <= 0x202e) || // LRE RLE PDF LRO RLO
    (c >= 0x2066 && c <= 0x2069) || // LRI RLI FSI PDI
    c === 0x2028 ||
    c === 0x2029
  );
}

/** True for a character that must not reach a terminal as it is. Tab is harmless; newline is up to the caller. */
export function isUnsafeChar(c: number, keepNewlines: boolean): boolean {
  if (c === 0x09) return false;
  if (c === 0x0a) return !keepNewlines;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isInvisibleFormatting(c);
}

function escapeOf(c: number, style: 'text' | 'json'): string {
  if (style === 'text' && c < 0x100) return '\\x' + c.toString(16).padStart(2, '0');
  return '\\u' + c.toString(16).padStart(4, '0');
}

/**
 * `s` with unsafe characters escaped. `keepNewlines` for whole reports (their lines are ours); without it a
 * newline inside a value is shown as \x0a so that a value cannot forge a line of the report.
 * `style: 'json'` writes \u00XX escapes only, which keeps JSON text valid and its strings unchanged once parsed.
 */
export function escapeControls(s: string, options: { keepNewlines?: boolean; style?: 'text' | 'json' } = {}): string {
  const keep = options.keepNewlines ?? false;
  const style = options.style ?? 'text';
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isUnsafeChar(c, keep)) continue;
    out += s.slice(from, i) + escapeOf(c, style);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

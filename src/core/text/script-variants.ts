/**
 * Traditional forms of Simplified characters, for patterns written in Simplified Chinese (profiles' eligibility
 * patterns) to match text typed in Traditional characters ("上海市職工技術創新能手") without converting every
 * cell: converting a long honours text on every row costs more than all of a row's checks.
 */
// opencc-js ships the dictionaries its converter is built from (Locale); see normalize.ts for why require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require('opencc-js/t2cn') as { Locale: { to: { cn: readonly (readonly string[])[] } } };

let variants: Map<string, string> | undefined;

/** Simplified character → its Traditional forms ("发" → "發髮"), from opencc's one-character entries. Built once. */
function variantTable(): Map<string, string> {
  if (variants) return variants;
  const table = new Map<string, string>();
  for (const group of OpenCC.Locale.to.cn) {
    for (const dict of group) {
      for (const entry of dict.split('|')) {
        const sp = entry.indexOf(' ');
        const from = entry.slice(0, sp);
        const to = entry.slice(sp + 1);
        if (from.length !== 1 || to.length !== 1 || from === to) continue;
        const known = table.get(to) ?? '';
        if (!known.includes(from)) table.set(to, known + from);
      }
    }
  }
  variants = table;
  return table;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * A regular expression's source where every Chinese character also matches its Traditional forms:
 * "质量" → "[质質]量"; inside a class "[区县]" → "[区區县縣]". Escapes are copied as they are.
 */
export function withTraditionalForms(source: string): string {
  const table = variantTable();
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += CJK.test(ch) ? ch + (table.get(ch) ?? '') : ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      continue;
    }
    const forms = CJK.test(ch) ? table.get(ch) : undefined;
    out += forms ? `[${ch}${forms}]` : ch;
  }
  return out;
}

/** A character and its Traditional forms ("长" → "长長"); the character alone when it has none. */
export function withTraditionalChars(ch: string): string {
  return ch + (variantTable().get(ch) ?? '');
}

/**
 * XML text as the parts of an .xlsx hold it: escaping what Jiangxuan writes by hand (rows, charts,
 * relationships) and decoding text taken from a part (entities and Excel's _xHHHH_ escapes; the scanner is xml-scan.ts).
 * Part of the OOXML toolkit (this folder); string work only, browser-safe.
 */
import { decodeOoxmlEscapes, decodeText } from './xml-scan';

/**
 * Text for element content or a double-quoted attribute: &, <, > and " escaped, characters XML cannot carry
 * dropped (a stray control character pasted into a name would make Excel refuse the whole file).
 */
export function escapeXml(s: string): string {
  // One pass (result workbooks escape hundreds of thousands of formulas and texts).
  return s.replace(ESCAPED, (ch) => ESCAPES[ch] ?? '');
}

/** The four escaped characters, and those XML 1.0 does not allow at all (controls other than tab, LF and CR). */
const ESCAPED = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Entities, then Excel's own escapes for characters XML cannot hold ("_x0009_" is a tab). Linear (xml-scan.ts):
 * the text comes from files.
 */
export function decodeXml(s: string): string {
  return decodeOoxmlEscapes(decodeText(s));
}

/** The five XML entities and character references only (Word text has no "_xHHHH_" escapes). Linear. */
export function decodeXmlEntities(s: string): string {
  return decodeText(s);
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's text (`name="x" r:id="rId1"`), decoded, by qualified name. */
export function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** An attribute by local name: "r:id" and "x:id" both answer to "id" (the prefix is the writer's choice). */
export function localAttribute(attrs: ReadonlyMap<string, string>, local: string): string | undefined {
  const direct = attrs.get(local);
  if (direct !== undefined) return direct;
  for (const [k, v] of attrs) if (k.endsWith(':' + local)) return v;
  return undefined;
}

const NAME_CHAR = /[\w.-]/;

/**
 * The attribute text of the first start tag with this local name (any prefix: <sheetProtection …/> or
 * <x:sheetProtection …>), or undefined. A linear scan with indexOf: safe on any text a returned file may hold.
 */
export function startTagAttributes(xml: string, localName: string): string | undefined {
  for (let i = xml.indexOf(localName); i >= 0; i = xml.indexOf(localName, i + 1)) {
    const after = xml[i + localName.length];
    if (after !== undefined && after !== '>' && after !== '/' && !/\s/.test(after)) continue;
    let j = i - 1;
    if (xml[j] === ':') {
      j--;
      let k = 0;
      while (j >= 0 && k < 64 && NAME_CHAR.test(xml[j])) {
        j--;
        k++;
      }
      if (k === 0) continue;
    }
    if (xml[j] !== '<') continue;
    const end = xml.indexOf('>', i);
    if (end < 0) return undefined;
    const text = xml.slice(i + localName.length, end);
    return text.endsWith('/') ? text.slice(0, -1) : text;
  }
  return undefined;
}

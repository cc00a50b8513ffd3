/**
 * XML text as the parts of an .xlsx hold it: escaping what Jiangxuan writes by hand (rows, charts,
 * relationships) and decoding text taken from a part (entities and Excel's _xHHHH_ escapes; the scanner is xml-scan.ts).
 * Part of the OOXML toolkit (this folder); string work only, browser-safe.
 */
import { decodeOoxmlEscapes, decodeText } from './xml-scan';

/** Characters XML 1.0 does not allow at all (controls other than tab, line feed and carriage return). */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * Text for element content or a double-quoted attribute: &, <, > and " escaped, characters XML cannot carry
 * dropped (a stray control character pasted into a name would make Excel refuse the whole file).
 */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(INVALID_XML_CHARS, '');
}

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

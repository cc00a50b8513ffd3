/**
 * A linear pull reader for the XML of a Word part: start tags (name and the raw attribute text), end tags and
 * text, in document order. Every character is looked at a bounded number of times (indexOf moves forward only;
 * a tag is scanned once, quotes included), so a hostile document costs time in proportion to its size, never
 * more. No DTD, no entity definitions (a document that declares any is refused), no namespaces resolved: Word's
 * prefixes (w:, w14:) are matched as written. Browser-safe.
 */

export type XmlToken =
  | { kind: 'open'; name: string; attrs: string; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlFormatError';
  }
}

/** Calls `on` for every token; stops early when it returns false. */
export function readXml(xml: string, on: (t: XmlToken) => boolean | void): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && on({ kind: 'text', text: xml.slice(i, textEnd) }) === false) return;
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      i = after(xml, '?>', lt + 2);
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        i = after(xml, '-->', lt + 4);
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlFormatError('unterminated CDATA');
        if (on({ kind: 'text', text: escapeCdata(xml.slice(lt + 9, end)) }) === false) return;
        i = end + 3;
        continue;
      }
      // <!DOCTYPE …>: Word never writes one; entity definitions are how XML bombs work.
      throw new XmlFormatError('document type declarations are not accepted');
    }
    if (next === 0x2f /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new XmlFormatError('unterminated end tag');
      if (on({ kind: 'close', name: xml.slice(lt + 2, end).trim() }) === false) return;
      i = end + 1;
      continue;
    }
    // A start tag: scan to its '>' outside quotes (attribute values may hold '>').
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) break;
    }
    if (j >= n) throw new XmlFormatError('unterminated start tag');
    const selfClosing = xml.charCodeAt(j - 1) === 0x2f;
    const body = xml.slice(lt + 1, selfClosing ? j - 1 : j);
    let k = 0;
    while (k < body.length && !isSpace(body.charCodeAt(k))) k++;
    if (on({ kind: 'open', name: body.slice(0, k), attrs: body.slice(k), selfClosing }) === false) return;
    i = j + 1;
  }
}

function after(xml: string, marker: string, from: number): number {
  const end = xml.indexOf(marker, from);
  if (end < 0) throw new XmlFormatError(`unterminated ${marker}`);
  return end + marker.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** CDATA is literal text: escape it so that the caller's one decoding step gives it back unchanged. */
function escapeCdata(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/**
 * A linear, streaming XML scanner for the parts of an .xlsx: text arrives in chunks (a part is never held whole),
 * start tags, end tags and (when asked for) text go to a handler. Every step looks at each character a bounded
 * number of times — no regular expression, no backtracking — so hostile parts (unclosed tags, deep nesting, huge
 * attributes, long runs of entities) cost time in proportion to their size. DTDs are skipped and their entities
 * never expanded. Element nesting is checked (a stack, no recursion), so a damaged part is an error, not a guess.
 * Part of the OOXML toolkit (this folder); string work only, browser-safe.
 */

/** The part is not well-formed XML. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
    Object.setPrototypeOf(this, XmlError.prototype);
  }
}

export interface XmlHandler {
  /** A start tag (also an empty-element tag: then `tag.selfClosing`). `name` is the local name (prefix dropped). */
  open(name: string, tag: Tag): void;
  /**
   * An end tag, and right after open() for an empty-element tag. `end` is where the element's text ends (just
   * after its ">"), relative to the scanner's offset like Tag positions: callers that splice the text use it.
   */
  close(name: string, end: number): void;
  /** Text and CDATA content, decoded; only delivered while `wantText` is true (text is skipped unread otherwise). */
  text(text: string): void;
  /**
   * If present, character data (not CDATA) arrives here instead of text(), undecoded: `buf.slice(start, end)`
   * as written, to be decoded with decodeText() unless the handler reads it in place (digits, say).
   */
  rawText?(buf: string, start: number, end: number): void;
  /**
   * If present, called right after open() for an element that is not empty, with the text that follows its start
   * tag (from `from` on): the handler may read the element's content and end tag itself — for the few shapes that
   * make up most of a part, such as a cell's `<v>12</v></c>` — and return where the element ends (just after its
   * end tag; close() is then not called), or -1 to let the scanner go on as usual. It must only look ahead a
   * bounded way or up to the next "<" (never search far for something absent), so the scan stays linear.
   */
  content?(name: string, buf: string, from: number): number;
  /**
   * If present, called at each start tag inside the root element before the scanner reads it: the handler may read
   * the whole element itself (start tag, content, end tag) when it has one of the few plain shapes that make up
   * most of a part, and return where it ends; or return -1 to let the scanner read it as usual. It must only accept
   * an element it has read to its end (so nesting stays balanced) and look no further than that element.
   */
  element?(buf: string, pos: number, len: number): number;
  /**
   * Set by the reader (XlsxPackage) when the part's text arrives as its UTF-8 bytes one per character (Latin-1):
   * ASCII markup reads the same, and this turns a raw slice back into its characters. Text and attribute values
   * the scanner hands over are turned already; a handler reading raw slices itself (rawText, content, element)
   * must turn them, before decodeText(). Only handlers that say `bytesText` are given text this way.
   */
  latin1?: RawDecoder;
  /** The handler can take a part's text as Latin-1 bytes (it turns every raw slice it keeps with `latin1`). */
  readonly bytesText?: boolean;
  wantText: boolean;
}

/** UTF-8 bytes held as a Latin-1 string → the characters they encode. */
export type RawDecoder = (raw: string) => string;

/** Per attribute in Tag.spans: name start, local-name start, name end, value start, value end. */
const SPAN = 5;
export const ATTR_SPAN = SPAN;

/**
 * A start tag while its open() call lasts: its attributes, found while the tag was scanned, looked up by local
 * name ("r:id" answers to "id").
 */
export class Tag {
  buf = '';
  selfClosing = false;
  /** Qualified name of the element, as written. */
  qname = '';
  /** Where the tag starts ("<") and ends (just after ">") in the scanned text (relative to the scanner's offset). */
  at = 0;
  end = 0;
  count = 0;
  spans = new Int32Array(8 * SPAN);
  /** The part's text is Latin-1 bytes (see XmlHandler.latin1): values are turned back into characters. */
  latin1: RawDecoder | undefined = undefined;
  /** Start and end of the raw value found by the last successful locate(). */
  valueStart = 0;
  valueEnd = 0;

  private find(local: string): number {
    const b = this.buf;
    const len = local.length;
    const s = this.spans;
    const n = this.count * SPAN;
    outer: for (let k = 0; k < n; k += SPAN) {
      const a = s[k + 1];
      if (s[k + 2] - a !== len) continue;
      for (let j = 0; j < len; j++) if (b.charCodeAt(a + j) !== local.charCodeAt(j)) continue outer;
      return k;
    }
    return -1;
  }

  /** An attribute's value by local name, decoded (entities; whitespace normalised as XML requires); undefined when absent. */
  attr(local: string): string | undefined {
    const k = this.find(local);
    return k < 0 ? undefined : decodeAttribute(this.raw(this.buf.slice(this.spans[k + 3], this.spans[k + 4])));
  }

  private raw(s: string): string {
    return this.latin1 === undefined ? s : this.latin1(s);
  }

  /** Finds an attribute without decoding it (hot paths read a few ASCII values in place); false when absent. */
  locate(local: string): boolean {
    const k = this.find(local);
    if (k < 0) return false;
    this.valueStart = this.spans[k + 3];
    this.valueEnd = this.spans[k + 4];
    return true;
  }

  /** A non-negative integer attribute read in place; -1 when absent or not plain digits. */
  uint(local: string): number {
    if (!this.locate(local)) return -1;
    const b = this.buf;
    let n = 0;
    if (this.valueEnd === this.valueStart || this.valueEnd - this.valueStart > 15) return -1;
    for (let i = this.valueStart; i < this.valueEnd; i++) {
      const c = b.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      n = n * 10 + (c - 48);
    }
    return n;
  }

  /** Every attribute as [qualified name, value], in order (for the few places that need them all). */
  all(): [string, string][] {
    const out: [string, string][] = [];
    for (let k = 0; k < this.count * SPAN; k += SPAN) {
      out.push([this.raw(this.buf.slice(this.spans[k], this.spans[k + 2])), decodeAttribute(this.raw(this.buf.slice(this.spans[k + 3], this.spans[k + 4])))]);
    }
    return out;
  }

  /** Where an attribute's raw value sits in the scanned text ([start, end)), for callers that splice the text. */
  valueSpan(local: string): [number, number] | undefined {
    const k = this.find(local);
    return k < 0 ? undefined : [this.spans[k + 3], this.spans[k + 4]];
  }

  /** Room for more attributes (the scanner records them in `spans`). */
  grow(): void {
    const grown = new Int32Array(this.spans.length * 2);
    grown.set(this.spans);
    this.spans = grown;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** How long a single token (a tag, a text run, a comment) may be before the part counts as unusable. */
export const MAX_TOKEN_CHARS = 32 * 1024 * 1024;

/**
 * Feeds text chunks through the handler. Call push() for each chunk, then end(). A token cut by a chunk boundary
 * waits for the next chunk; while one token spans many chunks they are gathered and joined only when their length
 * has doubled, so the rescanning stays linear.
 */
export class XmlScanner {
  private buf = '';
  private pos = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  /** Length of the incomplete token at the last stall (0: none). */
  private stalled = 0;
  private readonly stack: ElementName[] = [];
  private readonly names = new NameCache();
  private readonly tag = new Tag();

  private seenRoot = false;
  /** Characters consumed before the current buffer: absolute offsets for callers that splice the text. */
  private base = 0;

  constructor(private readonly handler: XmlHandler) {}

  /** Absolute offset (in characters of all text pushed) of the current buffer's start; Tag spans are relative to it. */
  get offset(): number {
    return this.base;
  }

  /**
   * Characters copied and passed over so far (each scan pass counts the text it starts on): the measure of the
   * scanner's work that the tests bound by a small multiple of the input, whatever the input.
   */
  work = 0;

  get depth(): number {
    return this.stack.length;
  }

  /**
   * `atBoundary`: the chunk ends where a "<" follows (the caller cut the text there), so text at its end is complete
   * and need not wait for the next chunk — which saves joining every chunk to the next.
   */
  push(chunk: string, atBoundary = false): void {
    if (!chunk) return;
    this.boundary = atBoundary;
    if (this.stalled > 0) {
      this.pending.push(chunk);
      this.pendingChars += chunk.length;
      if (this.pendingChars < this.stalled && !atBoundary) return;
    } else if (this.pending.length === 0) {
      this.pending.push(chunk);
      this.pendingChars = chunk.length;
    }
    this.run(false);
  }

  private boundary = false;

  end(): void {
    this.run(true);
    if (this.pos < this.buf.length) throw new XmlError('unexpected end of the part');
    if (this.stack.length) throw new XmlError(`unclosed element <${this.stack[this.stack.length - 1].qname}>`);
    if (!this.seenRoot) throw new XmlError('no root element');
  }

  private run(final: boolean): void {
    const rest = this.buf.length - this.pos;
    if (this.pending.length) {
      const joined = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
      this.base += this.pos;
      this.buf = rest > 0 ? this.buf.slice(this.pos) + joined : joined;
      this.work += this.buf.length;
      this.pos = 0;
      this.pending = [];
      this.pendingChars = 0;
    }
    this.work += this.buf.length - this.pos;
    const stop = this.scan(final);
    if (stop >= 0) {
      const tokenLength = this.buf.length - stop;
      if (tokenLength > MAX_TOKEN_CHARS) throw new XmlError('a single XML token is too long');
      // Wait for as much text again as the incomplete token already has (at least a little), then rescan.
      this.stalled = Math.max(tokenLength, 4096);
    } else {
      this.stalled = 0;
    }
  }

  /** Scans complete tokens from this.pos; returns where an incomplete token starts (-1: none left). */
  private scan(final: boolean): number {
    const h = this.handler;
    const b = this.buf;
    const len = b.length;
    let pos = this.pos;
    this.tag.latin1 = h.latin1;
    while (pos < len) {
      if (b.charCodeAt(pos) !== 60 /* < */) {
        let lt = b.indexOf('<', pos);
        if (lt < 0) {
          // Text nobody reads needs no keeping until its end arrives; text before a cut at a "<" is complete.
          if (!final && !this.boundary && !(this.stack.length > 0 && !h.wantText)) break;
          lt = len;
        }
        if (this.stack.length === 0) this.checkOutside(b, pos, lt);
        else if (h.wantText) {
          if (h.rawText) h.rawText(b, pos, lt);
          else h.text(decodeText(h.latin1 === undefined ? b.slice(pos, lt) : h.latin1(b.slice(pos, lt))));
        }
        pos = lt;
        continue;
      }
      if (pos + 1 >= len) break;
      const c1 = b.charCodeAt(pos + 1);
      if (c1 === 47 /* / */) {
        // The usual case first: the end tag of the innermost open element, written plainly.
        const top = this.stack[this.stack.length - 1];
        if (top !== undefined) {
          const q = top.qname;
          const after = pos + 2 + q.length;
          if (after < len && b.charCodeAt(after) === 62 && b.startsWith(q, pos + 2)) {
            this.stack.pop();
            pos = after + 1;
            h.close(top.local, pos);
            continue;
          }
        }
        const gt = b.indexOf('>', pos + 2);
        if (gt < 0) break;
        let e = gt;
        while (e > pos + 2 && isSpace(b.charCodeAt(e - 1))) e--;
        const open = this.stack.pop();
        if (open === undefined || open.qname.length !== e - pos - 2 || !b.startsWith(open.qname, pos + 2)) {
          const qname = b.slice(pos + 2, e);
          throw new XmlError(open === undefined ? `stray end tag </${qname}>` : `</${qname}> closes <${open.qname}>`);
        }
        pos = gt + 1;
        h.close(open.local, pos);
        continue;
      }
      if (c1 === 63 /* ? */) {
        const end = b.indexOf('?>', pos + 2);
        if (end < 0) break;
        pos = end + 2;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (len - pos < 9 && !final) break;
        if (b.startsWith('<!--', pos)) {
          const end = b.indexOf('-->', pos + 4);
          if (end < 0) break;
          pos = end + 3;
          continue;
        }
        if (b.startsWith('<![CDATA[', pos)) {
          const end = b.indexOf(']]>', pos + 9);
          if (end < 0) break;
          if (this.stack.length === 0) throw new XmlError('CDATA outside the root element');
          if (h.wantText) h.text(normaliseLineEnds(h.latin1 === undefined ? b.slice(pos + 9, end) : h.latin1(b.slice(pos + 9, end))));
          pos = end + 3;
          continue;
        }
        if (b.startsWith('<!DOCTYPE', pos)) {
          const end = doctypeEnd(b, pos + 9);
          if (end < 0) break;
          pos = end + 1;
          continue;
        }
        throw new XmlError('unknown markup declaration');
      }
      // A start tag: the handler's own reader for the commonest elements first, if it has one.
      if (h.element !== undefined && this.stack.length > 0) {
        const end = h.element(b, pos, len);
        if (end >= 0) {
          pos = end;
          continue;
        }
      }
      // Otherwise its name, then its attributes (recorded as they are passed), then ">" or "/>".
      const gt = this.startTag(b, pos, len);
      if (gt === -1) break;
      const tag = this.tag;
      const name = this.names.get(b, pos + 1, this.nameEnd);
      if (this.stack.length === 0) {
        if (this.seenRoot) throw new XmlError('a second root element');
        this.seenRoot = true;
      }
      tag.qname = name.qname;
      tag.at = pos;
      pos = gt + 1;
      tag.end = pos;
      this.pos = pos;
      if (tag.selfClosing) {
        h.open(name.local, tag);
        h.close(name.local, pos);
      } else {
        h.open(name.local, tag);
        if (h.content) {
          const end = h.content(name.local, b, pos);
          if (end >= 0) {
            pos = end;
            continue;
          }
        }
        this.stack.push(name);
      }
    }
    this.pos = pos;
    return pos < len ? pos : -1;
  }

  private nameEnd = 0;

  /**
   * Scans the start tag at `pos` into this.tag (attributes, selfClosing) and this.nameEnd; returns the index of
   * its ">", or -1 when the tag is not complete yet. Each character is looked at once; values are skipped with
   * indexOf (a value cannot hold its own quote).
   */
  private startTag(b: string, pos: number, len: number): number {
    let i = pos + 1;
    let c = 0;
    while (i < len) {
      c = b.charCodeAt(i);
      if (c === 62 || c === 47 || c <= 32) break;
      i++;
    }
    if (i >= len) return -1;
    if (i === pos + 1) throw new XmlError('a "<" that starts no tag');
    this.nameEnd = i;
    const tag = this.tag;
    tag.buf = b;
    tag.count = 0;
    for (;;) {
      while (i < len && b.charCodeAt(i) <= 32) i++;
      if (i >= len) return -1;
      c = b.charCodeAt(i);
      if (c === 62) {
        tag.selfClosing = false;
        return i;
      }
      if (c === 47) {
        if (i + 1 >= len) return -1;
        if (b.charCodeAt(i + 1) === 62) {
          tag.selfClosing = true;
          return i + 1;
        }
        i++;
        continue;
      }
      if (c === 60) throw new XmlError('"<" inside a tag');
      const nameStart = i;
      let local = i;
      while (i < len) {
        c = b.charCodeAt(i);
        if (c === 61 || c <= 32 || c === 62 || c === 47 || c === 60) break;
        if (c === 58) local = i + 1;
        i++;
      }
      const nameEnd = i;
      while (i < len && b.charCodeAt(i) <= 32) i++;
      if (i >= len) return -1;
      if (b.charCodeAt(i) !== 61) continue; // a name without a value: skipped (lenient)
      i++;
      while (i < len && b.charCodeAt(i) <= 32) i++;
      if (i >= len) return -1;
      const q = b.charCodeAt(i);
      if (q !== 34 && q !== 39) {
        // An unquoted value: skipped (lenient).
        while (i < len && (c = b.charCodeAt(i)) > 32 && c !== 62 && c !== 47) i++;
        continue;
      }
      // Values are mostly short: step over them here, and leave long ones to indexOf.
      let close = i + 1;
      const stop = Math.min(len, close + 24);
      while (close < stop && b.charCodeAt(close) !== q) close++;
      if (close === stop) {
        close = b.indexOf(q === 34 ? '"' : "'", stop);
        if (close < 0) return -1;
      }
      let k = tag.count * SPAN;
      if (k + SPAN > tag.spans.length) tag.grow();
      const sp = tag.spans;
      sp[k++] = nameStart;
      sp[k++] = local;
      sp[k++] = nameEnd;
      sp[k++] = i + 1;
      sp[k] = close;
      tag.count++;
      i = close + 1;
    }
  }

  /** Only whitespace may stand outside the root element. */
  private checkOutside(b: string, from: number, to: number): void {
    for (let i = from; i < to; i++) if (!isSpace(b.charCodeAt(i)) && b.charCodeAt(i) !== 0xfeff) throw new XmlError('text outside the root element');
  }
}

interface ElementName {
  qname: string;
  local: string;
}

/**
 * Element names seen before, reused without slicing the text again: a part repeats a handful of names (c, v,
 * row …) hundreds of thousands of times. A small direct-mapped table, so a part with endless distinct names costs
 * no more than slicing each.
 */
class NameCache {
  private readonly slots: (ElementName | undefined)[] = new Array(64);

  get(b: string, start: number, end: number): ElementName {
    const len = end - start;
    const slot = (b.charCodeAt(start) * 7 + b.charCodeAt(end - 1) * 3 + len * 31) & 63;
    const n = this.slots[slot];
    if (n !== undefined && n.qname.length === len && b.startsWith(n.qname, start)) return n;
    const qname = b.slice(start, end);
    return (this.slots[slot] = { qname, local: localName(qname) });
  }
}

/** The end (">") of a DOCTYPE declaration starting after "<!DOCTYPE", stepping over its internal subset and quotes. */
function doctypeEnd(b: string, from: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = from; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */) depth = Math.max(0, depth - 1);
    else if (c === 62 && depth === 0) return i;
  }
  return -1;
}

export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** XML line ends: CR LF and a lone CR read as LF. */
function normaliseLineEnds(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes raw XML character data: line ends normalised, the five named entities and character references
 * replaced. An unknown or malformed reference stays as written (DTD entities are never expanded).
 * `attribute`: also turns tab, CR and LF into spaces, as XML does for attribute values.
 */
function decodeRaw(s: string, attribute: boolean): string {
  let out = '';
  let from = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 38 /* & */) {
      // A reference is short: look for its ";" within a few characters only (never further: "&&&…" stays linear).
      let semi = -1;
      for (let j = i + 1, stop = Math.min(len, i + 11); j < stop; j++) {
        if (s.charCodeAt(j) === 59) {
          semi = j;
          break;
        }
      }
      if (semi < 0) continue;
      let rep: string | undefined;
      if (s.charCodeAt(i + 1) === 35 /* # */) {
        const hex = s.charCodeAt(i + 2) === 120 || s.charCodeAt(i + 2) === 88;
        const digits = s.slice(i + (hex ? 3 : 2), semi);
        if (digits && (hex ? isHex(digits) : isDecimal(digits))) {
          const cp = parseInt(digits, hex ? 16 : 10);
          if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) rep = String.fromCodePoint(cp);
        }
      } else {
        rep = NAMED[s.slice(i + 1, semi)];
      }
      if (rep === undefined) continue;
      out += s.slice(from, i) + rep;
      from = semi + 1;
      i = semi;
    } else if (c === 13 /* \r */) {
      out += s.slice(from, i) + (attribute ? ' ' : '\n');
      from = s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (from === i + 2) i++;
    } else if (attribute && (c === 10 || c === 9)) {
      out += s.slice(from, i) + ' ';
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

function isHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function isDecimal(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Text content as the XML says (entities, character references, line ends). */
export function decodeText(raw: string): string {
  return raw.indexOf('&') < 0 && raw.indexOf('\r') < 0 ? raw : decodeRaw(raw, false);
}

/** An attribute value as the XML says (entities, character references, whitespace normalised to spaces). */
export function decodeAttribute(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 38 || c === 13 || c === 10 || c === 9) return decodeRaw(raw, true);
  }
  return raw;
}

/**
 * Excel's own escapes for characters XML cannot hold, in strings (ST_Xstring): "_x000D_" is a carriage return,
 * "_x005F_" an underscore (so "_x005F_x0041_" stays the text "_x0041_").
 */
export function decodeOoxmlEscapes(s: string): string {
  let i = s.indexOf('_x');
  if (i < 0) return s;
  let out = '';
  let from = 0;
  while (i >= 0) {
    if (i + 6 < s.length && s.charCodeAt(i + 6) === 95 /* _ */ && isHex(s.slice(i + 2, i + 6))) {
      out += s.slice(from, i) + String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      from = i + 7;
      i = s.indexOf('_x', from);
    } else {
      i = s.indexOf('_x', i + 1);
    }
  }
  return out + s.slice(from);
}

/**
 * A string of its own, not a view into the scanned text. JavaScript engines hand out substrings as views into
 * their parent: one short text taken from each chunk of a sheet would keep the whole unzipped sheet in memory.
 * Joining to a one-character string copies the text into a new string (taken from that copy, the view's parent
 * is the copy); short strings are copied already.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Scans a whole part held as one string (small parts: workbook, relationships, styles). */
export function scanXml(xml: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.push(xml);
  scanner.end();
}

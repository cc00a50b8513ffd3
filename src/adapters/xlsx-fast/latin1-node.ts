/**
 * Text as bytes, for the big parts (worksheets, shared strings) when running in Node: each byte of the UTF-8 XML
 * becomes one character (Latin-1), which Node makes at memory speed, instead of decoding every character. XML's
 * markup is ASCII, and in UTF-8 every byte of a multi-byte character is ≥ 0x80, so tags, quotes and "<" read the
 * same either way; only the text a handler keeps is turned back into its characters (utf8FromLatin1). This halves
 * the work of the decoding step and keeps the scanned text in one-byte strings (half the memory of decoded CJK
 * text). Node's Buffer is taken from the running Node (not imported), so the page, which has none, decodes as
 * before (package.ts).
 */
import type { RawDecoder } from '../exceljs/ooxml/xml-scan';

interface NodeBuffer {
  toString(encoding: 'latin1' | 'utf8', start?: number, end?: number): string;
}
interface BufferClass {
  from(data: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer;
  from(data: string, encoding: 'latin1'): NodeBuffer;
}

export interface Latin1Text {
  /** bytes[0, end) as a Latin-1 string. */
  text(bytes: Uint8Array, end: number): string;
  /** A raw slice of such a string → its characters (UTF-8 decoded; invalid bytes become U+FFFD, as TextDecoder does). */
  utf8: RawDecoder;
}

let cached: Latin1Text | null | undefined;

/** The Latin-1 path when Node's Buffer is at hand; null elsewhere (the page). */
export function nodeLatin1(): Latin1Text | null {
  if (cached !== undefined) return cached;
  const g = globalThis as { Buffer?: BufferClass; process?: { versions?: { node?: string } } };
  const B = g.Buffer;
  // Node's own Buffer only: a bundled polyfill in a page would be slower than the decoder it replaces.
  if (typeof B?.from !== 'function' || typeof g.process?.versions?.node !== 'string') return (cached = null);
  cached = {
    text: (bytes, end) => B.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1', 0, end),
    utf8: (raw) => {
      // Most kept text is digits or ASCII: looking is cheaper than converting.
      for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) > 0x7f) return B.from(raw, 'latin1').toString('utf8');
      return raw;
    },
  };
  return cached;
}

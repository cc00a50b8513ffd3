/**
 * Text files (CSV, TXT, HTML exports) carry no reliable encoding label: Chinese offices send UTF-8 (with or without
 * a byte-order mark) and GBK/GB18030 (what Excel and WPS on a Chinese Windows write for "CSV"). UTF-8 is strict
 * enough that GBK bytes almost never decode as valid UTF-8, so: a BOM decides; else strict UTF-8; else GB18030
 * (a superset of GBK and GB2312). Browser-safe: TextDecoder with 'gb18030' exists in Chromium and in Node built
 * with full ICU (the default).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

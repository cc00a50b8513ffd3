/**
 * Byte encodings the workbook formats use: base64 (sheet-protection hashes in the XML, files handed to
 * Office.js) and UTF-16LE (Excel's password hashing, stream names inside an OLE container).
 * Part of the OOXML toolkit (this folder); no exceljs, browser-safe: the Office.js adapter uses it too.
 */

/** Base64 of the bytes, in chunks so that a large workbook does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** Bytes of a base64 text; undefined when it is not base64 (a value read from a file may be anything). */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const t = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return undefined;
  try {
    const bin = atob(t);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** The string's UTF-16 code units, little-endian (two bytes each, no BOM). */
export function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >> 8;
  }
  return out;
}

/** Workbook bytes: a Node Buffer (a Uint8Array), a Uint8Array or an ArrayBuffer (browser File.arrayBuffer()). */
export type WorkbookBytes = Uint8Array | ArrayBuffer;

/** A Uint8Array view of the input (no copy). */
export function asBytes(input: WorkbookBytes): Uint8Array {
  if (input instanceof Uint8Array) return input; // Buffer is a Uint8Array too
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  // ArrayBuffer from another realm (iframe, jest vm): duck-type it.
  const maybe = input as unknown;
  if (maybe && typeof (maybe as ArrayBuffer).byteLength === 'number' && typeof (maybe as ArrayBuffer).slice === 'function') {
    return new Uint8Array(maybe as ArrayBuffer);
  }
  throw new TypeError('workbook bytes must be a Buffer, Uint8Array or ArrayBuffer');
}

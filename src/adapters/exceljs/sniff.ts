/**
 * Looks at the raw bytes before exceljs does, so that unusable files get a precise, actionable error
 * instead of whatever jszip or exceljs happen to throw. Pure and browser-safe.
 */
import type { ForeignKind, WorkbookReadErrorCode } from './errors';

export type Sniffed =
  | { ok: true }
  | { ok: false; code: WorkbookReadErrorCode; kind?: ForeignKind };

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "EncryptionInfo" as UTF-16LE: the stream an OLE container of a password-protected OOXML file holds. */
const ENCRYPTION_INFO_UTF16 = utf16le('EncryptionInfo');

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[i * 2] = s.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const n = needle.length;
  if (n === 0) return from;
  const first = needle[0];
  const last = hay.length - n;
  for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && hay[i + j] === needle[j]) j++;
    if (j === n) return i;
  }
  return -1;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;

/**
 * Entry names from the zip's central directory; undefined when the archive is cut short or damaged
 * (no end-of-central-directory record, or a directory that does not fit the file).
 * `null` when the archive uses zip64 fields this light parser does not follow (leave it to jszip).
 */
export function zipEntryNames(b: Uint8Array): string[] | null | undefined {
  const len = b.length;
  if (len < 22) return undefined;
  let eocd = -1;
  const stop = Math.max(0, len - 22 - 0xffff);
  for (let i = len - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      // The comment length must reach exactly (or at most) the end of the file.
      if (i + 22 + u16(b, i + 20) <= len) {
        eocd = i;
        break;
      }
    }
  }
  if (eocd < 0) return undefined;
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return null;
  if (cdSize > eocd) return undefined;
  // Data prepended to the archive shifts every offset: trust the directory's position before the EOCD.
  let start = eocd - cdSize;
  if (cdSize > 0 && u32(b, start) !== SIG_CENTRAL) {
    if (cdOffset + cdSize <= eocd && u32(b, cdOffset) === SIG_CENTRAL) start = cdOffset;
    else return undefined;
  }
  const end = start + cdSize;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || u32(b, p) !== SIG_CENTRAL) return undefined;
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    if (p + 46 + nameLen > end) return undefined;
    names.push(decoder.decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function asciiHead(b: Uint8Array, n: number): string {
  let s = '';
  const max = Math.min(b.length, n);
  for (let i = 0; i < max; i++) s += String.fromCharCode(b[i]);
  return s;
}

function guessNonZip(b: Uint8Array): ForeignKind {
  let head = asciiHead(b, 512);
  if (head.startsWith('\xef\xbb\xbf')) head = head.slice(3);
  // UTF-16 text (e.g. "Unicode text" exports) starts with a BOM.
  if (head.startsWith('\xff\xfe') || head.startsWith('\xfe\xff')) return 'text';
  const trimmed = head.trimStart().toLowerCase();
  if (trimmed.startsWith('%pdf')) return 'pdf';
  if (/^<!doctype html|^<html|<table|<meta /.test(trimmed)) return 'html';
  if (trimmed.startsWith('<?xml')) return trimmed.includes('<html') ? 'html' : 'xml';
  // Mostly printable bytes (or UTF-8 sequences): a text file such as CSV.
  let printable = 0;
  const sample = Math.min(b.length, 512);
  for (let i = 0; i < sample; i++) {
    const c = b[i];
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127)) printable++;
  }
  return sample > 0 && printable / sample > 0.97 ? 'text' : 'unknown';
}

function guessZip(names: readonly string[]): ForeignKind {
  const has = (n: string) => names.some((x) => x.replace(/^\//, '').toLowerCase() === n);
  if (has('xl/workbook.bin')) return 'xlsb';
  if (has('word/document.xml')) return 'docx';
  if (has('ppt/presentation.xml')) return 'pptx';
  if (has('mimetype') && has('content.xml')) return 'opendocument';
  return 'zip';
}

/** Classifies the bytes: ok means "a zip holding xl/workbook.xml", worth handing to exceljs. */
export function sniffWorkbook(b: Uint8Array): Sniffed {
  if (b.length === 0) return { ok: false, code: 'empty' };
  if (startsWith(b, OLE_SIGNATURE)) {
    return indexOfBytes(b, ENCRYPTION_INFO_UTF16) >= 0 ? { ok: false, code: 'encrypted' } : { ok: false, code: 'legacy-xls' };
  }
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b) {
    const sig = u32(b, 0);
    // Local file header, empty archive, or spanned-archive marker: a zip of some kind.
    if (sig === SIG_LOCAL || sig === SIG_EOCD || sig === 0x08074b50 || sig === 0x30304b50) {
      const names = zipEntryNames(b);
      if (names === undefined) return { ok: false, code: 'truncated' };
      if (names === null) return { ok: true };
      if (names.some((n) => n === 'xl/workbook.xml' || n === '/xl/workbook.xml')) return { ok: true };
      return { ok: false, code: 'not-a-workbook', kind: guessZip(names) };
    }
  }
  return { ok: false, code: 'not-a-workbook', kind: guessNonZip(b) };
}

/**
 * Looks at the raw bytes before exceljs does, so that unusable files get a precise, actionable error
 * instead of whatever jszip or exceljs happen to throw. Pure and browser-safe.
 */
import type { ForeignKind, ReadFailureCode } from '../../core/check/failures';
import { utf16le } from './ooxml/encoding';
import { u32, ZIP_SIGNATURE, zipDirectory } from './ooxml/zip';

export type Sniffed =
  | { ok: true }
  | { ok: false; code: ReadFailureCode; kind?: ForeignKind };

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "EncryptionInfo" as UTF-16LE: the stream an OLE container of a password-protected OOXML file holds. */
const ENCRYPTION_INFO_UTF16 = utf16le('EncryptionInfo');

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
    if (sig === ZIP_SIGNATURE.local || sig === ZIP_SIGNATURE.end || sig === 0x08074b50 || sig === 0x30304b50) {
      const entries = zipDirectory(b);
      if (entries === undefined) return { ok: false, code: 'truncated' };
      if (entries === null) return { ok: true };
      const names = entries.map((e) => e.name);
      if (names.some((n) => n === 'xl/workbook.xml' || n === '/xl/workbook.xml')) return { ok: true };
      return { ok: false, code: 'not-a-workbook', kind: guessZip(names) };
    }
  }
  return { ok: false, code: 'not-a-workbook', kind: guessNonZip(b) };
}

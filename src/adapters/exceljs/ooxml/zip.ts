/**
 * The zip container of an .xlsx: its central directory read straight from the bytes (to classify a file before
 * any unzipping, and to restamp entries), and parts looked up in a package opened with jszip.
 * Part of the OOXML toolkit (this folder); browser-safe.
 */
import type JSZip from 'jszip';

/** Little-endian integers as zip headers store them. */
export function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
export function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

/** Record signatures: local file header, central-directory header, end of central directory. */
export const ZIP_SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const;

export interface ZipDirectoryEntry {
  /** Entry name (UTF-8), e.g. "xl/workbook.xml". */
  name: string;
  /** Where the entry's central-directory record starts. */
  central: number;
  /** Where its local file header starts (as the directory records it; not checked). */
  local: number;
  /** Uncompressed size, compressed size, method (0 stored, 8 deflate) and CRC-32 as the directory records them. */
  size: number;
  compressedSize: number;
  method: number;
  crc: number;
}

/**
 * Where the end-of-central-directory record starts, searched from the end (past an archive comment of up to
 * 64 KB); undefined when there is none.
 */
function endOfCentralDirectory(b: Uint8Array): number | undefined {
  const len = b.length;
  if (len < 22) return undefined;
  const stop = Math.max(0, len - 22 - 0xffff);
  for (let i = len - 22; i >= stop; i--) {
    // The archive comment's length must reach exactly (or at most) the end of the file.
    if (u32(b, i) === ZIP_SIGNATURE.end && i + 22 + u16(b, i + 20) <= len) return i;
  }
  return undefined;
}

/**
 * The central directory's entries; undefined when the archive is cut short or damaged (no end-of-central-directory
 * record, or a directory that does not fit the file); null when it uses zip64 fields this light reader does not
 * follow (leave those to jszip).
 */
export function zipDirectory(b: Uint8Array): ZipDirectoryEntry[] | null | undefined {
  const eocd = endOfCentralDirectory(b);
  if (eocd === undefined) return undefined;
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return null;
  if (cdSize > eocd) return undefined;
  // Data prepended to the archive shifts every offset: trust the directory's position before the EOCD.
  let start = eocd - cdSize;
  if (cdSize > 0 && u32(b, start) !== ZIP_SIGNATURE.central) {
    if (cdOffset + cdSize <= eocd && u32(b, cdOffset) === ZIP_SIGNATURE.central) start = cdOffset;
    else return undefined;
  }
  const end = start + cdSize;
  const entries: ZipDirectoryEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || u32(b, p) !== ZIP_SIGNATURE.central) return undefined;
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    if (p + 46 + nameLen > end) return undefined;
    entries.push({
      name: decoder.decode(b.subarray(p + 46, p + 46 + nameLen)),
      central: p,
      local: u32(b, p + 42),
      size: u32(b, p + 24),
      compressedSize: u32(b, p + 20),
      method: u16(b, p + 10),
      crc: u32(b, p + 16),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Sets every entry's DOS modification date and time, in the central directory and in the local headers, in place.
 * Returns false (and changes nothing) when the directory cannot be read.
 */
export function stampZipEntries(bytes: Uint8Array, dosDate: number, dosTime = 0): boolean {
  const entries = zipDirectory(bytes);
  if (!entries) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    view.setUint16(e.central + 12, dosTime, true);
    view.setUint16(e.central + 14, dosDate, true);
    if (e.local + 30 <= bytes.length && u32(bytes, e.local) === ZIP_SIGNATURE.local) {
      view.setUint16(e.local + 10, dosTime, true);
      view.setUint16(e.local + 12, dosDate, true);
    }
  }
  return true;
}

/** The DOS date of a day (years 1980–2107), as zip entries store it. */
export function dosDate(y: number, m: number, d: number): number {
  return ((y - 1980) << 9) | (m << 5) | d;
}

/** A part's text, or undefined when the package has no such part (names may be stored with a leading "/"). */
export async function readPart(zip: JSZip, part: string): Promise<string | undefined> {
  const f = zip.file(part) ?? zip.file('/' + part);
  return f ? f.async('string') : undefined;
}

/** The first name of the pattern (…1, …2 …) that no part of the package has yet. */
export function freePartName(zip: JSZip, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (!zip.file(pattern(n))) return pattern(n);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (zip's) continued over `data`: start from 0xffffffff, finish with `~state >>> 0`. */
function crcUpdate(state: number, data: Uint8Array): number {
  let c = state;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return c;
}

export function crc32(data: Uint8Array): number {
  return ~crcUpdate(0xffffffff, data) >>> 0;
}

/** Inflates one entry as a stream (never more than its recorded size held) and compares size and CRC-32. */
async function entryIntact(b: Uint8Array, e: ZipDirectoryEntry): Promise<boolean> {
  const at = e.local;
  if (at + 30 > b.length || u32(b, at) !== ZIP_SIGNATURE.local) return false;
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  if (start + e.compressedSize > b.length) return false;
  const data = b.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data.length === e.size && crc32(data) === e.crc;
  if (e.method !== 8) return true; // not ours to judge
  const inflate = new DecompressionStream('deflate-raw');
  const writer = inflate.writable.getWriter();
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = inflate.readable.getReader();
  let size = 0;
  let state = 0xffffffff;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > e.size) {
        await reader.cancel().catch(() => undefined);
        return false;
      }
      state = crcUpdate(state, value);
    }
  } catch {
    return false;
  }
  return size === e.size && ~state >>> 0 === e.crc;
}

/**
 * Whether every entry inflates to the size and CRC-32 its directory records: false means the bytes were damaged
 * (a download or copy went wrong), true that the archive is as its writer made it. Undefined when not checked
 * (zip64, no DecompressionStream, or more than `maxTotal` bytes to inflate). Only called once a file has failed
 * to load.
 */
export async function zipEntriesIntact(bytes: Uint8Array, maxTotal = 256 * 1024 * 1024): Promise<boolean | undefined> {
  const entries = zipDirectory(bytes);
  if (entries === undefined) return false;
  if (entries === null || typeof DecompressionStream === 'undefined') return undefined;
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > maxTotal) return undefined;
  for (const e of entries) if (!(await entryIntact(bytes, e))) return false;
  return true;
}

/** An entry of the archive with what it takes to read its data straight from the bytes. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (others are not used by workbooks). */
  method: number;
  /** General-purpose flags; bit 0 set means the entry is encrypted. */
  flags: number;
  compressedSize: number;
  /** The uncompressed size the directory declares (a hint only: the data decide). */
  size: number;
  /** Where the entry's (compressed) data start. */
  dataStart: number;
}

const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

/**
 * Every entry of the archive by name, zip64 archives included; undefined when the archive is cut short or its
 * directory does not fit the bytes. Reads only the central directory and the local headers: nothing is unzipped.
 */
export function zipEntries(b: Uint8Array): Map<string, ZipEntry> | undefined {
  const len = b.length;
  const eocd = endOfCentralDirectory(b);
  if (eocd === undefined) return undefined;
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== ZIP64_EOCD_LOCATOR) return undefined;
    const rec = u64(b, loc + 8);
    if (rec + 56 > loc || u32(b, rec) !== ZIP64_EOCD) return undefined;
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
    cdEnd = rec;
  }
  if (cdSize > cdEnd) return undefined;
  // Data prepended to the archive shift every offset: trust the directory's position before its end record.
  let start = cdEnd - cdSize;
  let shift = start - cdOffset;
  if (cdSize > 0 && u32(b, start) !== ZIP_SIGNATURE.central) {
    if (cdOffset + cdSize <= cdEnd && u32(b, cdOffset) === ZIP_SIGNATURE.central) {
      start = cdOffset;
      shift = 0;
    } else return undefined;
  }
  const end = start + cdSize;
  const out = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || u32(b, p) !== ZIP_SIGNATURE.central) return undefined;
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let local = u32(b, p + 42);
    if (p + 46 + nameLen + extraLen > end) return undefined;
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff) {
      // The zip64 extra field holds, in this order, only the values whose 32-bit field is saturated.
      for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
        const id = u16(b, e);
        const n = u16(b, e + 2);
        if (id === 1) {
          let f = e + 4;
          if (size === 0xffffffff && f + 8 <= e + 4 + n) {
            size = u64(b, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= e + 4 + n) {
            compressedSize = u64(b, f);
            f += 8;
          }
          if (local === 0xffffffff && f + 8 <= e + 4 + n) local = u64(b, f);
          break;
        }
        e += 4 + n;
      }
    }
    local += shift;
    if (local + 30 > len || u32(b, local) !== ZIP_SIGNATURE.local) return undefined;
    const dataStart = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (dataStart + compressedSize > len) return undefined;
    out.set(name.startsWith('/') ? name.slice(1) : name, { name, method, flags, compressedSize, size, dataStart });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

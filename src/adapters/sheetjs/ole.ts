/**
 * A look inside an OLE2 compound file (the container of .xls, WPS .et, .doc) before SheetJS parses it: a download
 * cut short still starts with the OLE signature, and SheetJS then fails with a TypeError or, worse, reads part
 * of a sheet. The sector allocation table says which sectors the file uses; if one of them lies beyond the end of
 * the bytes, the file is truncated. Browser-safe, no copying.
 */
import { u16, u32 } from '../exceljs/ooxml/zip';

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR = 0xfffffffa;

/** True when every sector the file's allocation table uses is present in the bytes. */
export function oleIsComplete(b: Uint8Array): boolean {
  if (b.length < 512) return false;
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return false;
  const size = 1 << shift;
  // Sector n starts at (n + 1) * size: the header takes the first sector's room. Some writers leave the last
  // sector short; it counts as present.
  const sectors = Math.ceil((b.length - size) / size);
  if (sectors <= 0) return false;
  const present = (n: number) => n < sectors;
  const fatCount = u32(b, 0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatSectors.push(u32(b, 0x4c + i * 4));
  // More than 109 allocation sectors (files over ~7 MB): the rest are listed in a chain of DIFAT sectors.
  let difat = u32(b, 0x44);
  for (let guard = 0; fatSectors.length < fatCount && difat <= MAX_REGULAR && guard < sectors; guard++) {
    if (!present(difat)) return false;
    const at = (difat + 1) * size;
    if (at + size > b.length) return false;
    const perSector = size / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) fatSectors.push(u32(b, at + i * 4));
    difat = u32(b, at + perSector * 4);
  }
  if (fatSectors.length < fatCount) return false;
  let highest = -1;
  for (let f = 0; f < fatSectors.length; f++) {
    const s = fatSectors[f];
    if (s > MAX_REGULAR || !present(s)) return false;
    const at = (s + 1) * size;
    if (at + size > b.length) return false;
    for (let i = 0; i < size / 4; i++) {
      const next = u32(b, at + i * 4);
      if (next !== FREE) highest = Math.max(highest, f * (size / 4) + i);
      if (next <= MAX_REGULAR && next !== END_OF_CHAIN && !present(next)) return false;
    }
  }
  return highest < sectors && present(u32(b, 0x30));
}

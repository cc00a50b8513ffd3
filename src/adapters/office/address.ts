/** A1 addresses as Office.js gives and takes them ("'My sheet'!A1:C3", "5:7", "B:D"). */
import { cellAddress, columnIndex, columnLetters } from '../../core/model/grid';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based, inclusive bounds of a rectangular range. */
export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetBounds extends Bounds {
  /** Sheet name when the address had one (quotes removed). */
  sheet?: string;
}

const colIndex = columnIndex;

/** Splits "'It''s'!A1" into sheet and local part (the last "!" outside quotes separates them). */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    if (s[i + 1] === '!') return { sheet: name, local: s.slice(i + 2) };
    return { local: s };
  }
  const bang = s.lastIndexOf('!');
  return bang >= 0 ? { sheet: s.slice(0, bang), local: s.slice(bang + 1) } : { local: s };
}

/**
 * "Sheet1!B2:D7", "D7", "5:7" (whole rows), "B:D" (whole columns) → 0-based bounds; undefined when not A1.
 * Only the first area of a multi-area address ("A1:B2, D4") is read.
 */
export function parseRangeAddress(address: string): SheetBounds | undefined {
  const { sheet, local } = splitSheet(address);
  const first = local.split(',')[0].trim().replace(/\$/g, '');
  const parts = first.split(':');
  if (parts.length > 2 || parts[0] === '') return undefined;
  const ends: { row?: number; col?: number }[] = [];
  for (const p of parts) {
    let m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(p);
    if (m) {
      ends.push({ col: colIndex(m[1]), row: Number(m[2]) - 1 });
      continue;
    }
    m = /^(\d{1,7})$/.exec(p);
    if (m) {
      ends.push({ row: Number(m[1]) - 1 });
      continue;
    }
    m = /^([A-Za-z]{1,3})$/.exec(p);
    if (m) {
      ends.push({ col: colIndex(m[1]) });
      continue;
    }
    return undefined;
  }
  const a = ends[0];
  const b = ends[1] ?? a;
  const wholeRows = a.col === undefined || b.col === undefined;
  const wholeCols = a.row === undefined || b.row === undefined;
  if (wholeRows && wholeCols) return undefined;
  const out: SheetBounds = {
    top: wholeCols ? 0 : Math.min(a.row!, b.row!),
    bottom: wholeCols ? MAX_ROWS - 1 : Math.max(a.row!, b.row!),
    left: wholeRows ? 0 : Math.min(a.col!, b.col!),
    right: wholeRows ? MAX_COLS - 1 : Math.max(a.col!, b.col!),
  };
  if (sheet !== undefined) out.sheet = sheet;
  return out;
}

/** 0-based bounds → "B2:D7" ("D7" for one cell). */
export function boundsAddress(b: Bounds): string {
  const a = cellAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? a : `${a}:${cellAddress(b.bottom, b.right)}`;
}

/** Whole rows "3:5" (0-based inclusive 2..4) as Excel wants them for print titles. */
export function rowsAddress(top: number, bottom: number): string {
  return `$${top + 1}:$${bottom + 1}`;
}

export { cellAddress, columnLetters };


/** Map key of a cell: the mark plan's (core), so marks and state agree. */
export { cellKey } from '../../core/check/mark-plan';

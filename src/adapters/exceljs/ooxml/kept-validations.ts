/**
 * Data validations exceljs never sees: clip-ranges.ts takes each sheet's <dataValidations> out of the in-memory
 * copy exceljs loads (exceljs would expand every range into one entry per cell: five whole-column drop-downs are
 * five million), and the copy exceljs writes gets them back exactly as the user's file has them — drop-downs
 * reaching to the last row included. Keyed by the exceljs workbook object, by sheet name. Part of the OOXML
 * toolkit (this folder); browser-safe.
 */
import JSZip from 'jszip';
import { parseRangeRef, rangeRef, type Range } from './clip-ranges';
import { worksheetPart } from './rels';
import { scanXml, type Tag, type XmlHandler } from './xml-scan';
import { readPart } from './zip';

const kept = new WeakMap<object, ReadonlyMap<string, string>>();

/** Remembers the validations taken out of the sheets of a workbook loaded with exceljs (sheet name → XML). */
export function keepValidations(workbook: object, bySheet: ReadonlyMap<string, string>): void {
  if (bySheet.size) kept.set(workbook, bySheet);
}

/**
 * Elements a worksheet holds after <dataValidations>, in schema order. exceljs writes its own, unprefixed worksheet
 * XML, so finding them is a plain search in text we produced.
 */
const FOLLOWING = [
  '<hyperlinks',
  '<printOptions',
  '<pageMargins',
  '<pageSetup',
  '<headerFooter',
  '<rowBreaks',
  '<colBreaks',
  '<customProperties',
  '<cellWatches',
  '<ignoredErrors',
  '<smartTags',
  '<drawing',
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/** Ranges compared for overlaps at most (a real file has a few dozen; past this they stay as written). */
const MAX_RANGES = 2000;

/** A <dataValidation>: where it is, where its sqref value is, its ranges. */
interface Found {
  at: number;
  end: number;
  sqref: [number, number];
  ranges: Range[];
}

class ValidationList implements XmlHandler {
  wantText = false;
  readonly found: Found[] = [];
  ranges = 0;
  private current: Found | undefined;
  open(name: string, tag: Tag): void {
    if (name !== 'dataValidation') return;
    const span = tag.valueSpan('sqref');
    const list = tag.attr('sqref') ?? '';
    const ranges: Range[] = [];
    for (const ref of list.split(' ')) {
      const r = ref ? parseRangeRef(ref) : undefined;
      if (r) ranges.push(r);
    }
    this.ranges += ranges.length;
    const f: Found = { at: tag.at, end: tag.end, sqref: span ?? [tag.end, tag.end], ranges };
    if (span) this.found.push(f);
    this.current = tag.selfClosing ? undefined : f;
  }
  close(name: string, end: number): void {
    if (name === 'dataValidation' && this.current) {
      this.current.end = end;
      this.current = undefined;
    }
  }
  text(): void {}
}

function overlaps(a: Range, b: Range): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** `r` without the cells of `c`: up to four rectangles. */
function subtract(r: Range, c: Range): Range[] {
  if (!overlaps(r, c)) return [r];
  const out: Range[] = [];
  if (r.top < c.top) out.push({ top: r.top, bottom: c.top - 1, left: r.left, right: r.right });
  if (r.bottom > c.bottom) out.push({ top: c.bottom + 1, bottom: r.bottom, left: r.left, right: r.right });
  const top = Math.max(r.top, c.top);
  const bottom = Math.min(r.bottom, c.bottom);
  if (r.left < c.left) out.push({ top, bottom, left: r.left, right: c.left - 1 });
  if (r.right > c.right) out.push({ top, bottom, left: c.right + 1, right: r.right });
  return out;
}

/**
 * Validations that overlap (a cell may have one: Excel repairs the file otherwise; exceljs itself writes such
 * files) made disjoint, the later one keeping the shared cells, as exceljs' own model did. A few thousand ranges
 * at most are compared; past that the validations stay as written.
 */
export function disjointValidations(xml: string): string {
  const h = new ValidationList();
  scanXml(xml, h);
  if (h.ranges > MAX_RANGES) return xml;
  const all = h.found.flatMap((f) => f.ranges);
  let overlap = false;
  for (let i = 0; i < all.length && !overlap; i++) for (let j = i + 1; j < all.length && !overlap; j++) overlap = overlaps(all[i], all[j]);
  if (!overlap) return xml;
  const covered: Range[] = [];
  const kept = new Map<Found, Range[]>();
  for (let k = h.found.length - 1; k >= 0; k--) {
    let pieces: Range[] = [];
    for (const r of h.found[k].ranges) {
      let parts = [r];
      for (const c of covered) parts = parts.flatMap((p) => subtract(p, c));
      pieces = pieces.concat(parts);
    }
    kept.set(h.found[k], pieces);
    covered.push(...pieces);
  }
  let out = '';
  let at = 0;
  for (const f of h.found) {
    const pieces = kept.get(f)!;
    if (pieces.length) out += xml.slice(at, f.sqref[0]) + pieces.map(rangeRef).join(' ') + xml.slice(f.sqref[1], f.end);
    else out += xml.slice(at, f.at);
    at = f.end;
  }
  return out + xml.slice(at);
}

/** The worksheet XML with the validations in their place (before the first element that follows them). */
export function insertValidations(sheetXml: string, validations: string): string {
  let at = -1;
  for (const t of FOLLOWING) {
    const i = sheetXml.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at < 0 ? sheetXml : sheetXml.slice(0, at) + validations + sheetXml.slice(at);
}

/** The bytes exceljs wrote for `workbook`, with the validations kept at loading back in their sheets. */
export async function restoreValidations(workbook: object, bytes: Uint8Array): Promise<Uint8Array> {
  const bySheet = kept.get(workbook);
  if (!bySheet) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  for (const [sheet, xml] of bySheet) {
    let part: string;
    try {
      part = await worksheetPart(zip, sheet);
    } catch {
      continue; // the sheet is gone from the copy: so are its validations
    }
    const sheetXml = await readPart(zip, part);
    if (sheetXml !== undefined) zip.file(part, insertValidations(sheetXml, disjointValidations(xml)));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * exceljs expands ranges when it loads a sheet: every cell of a merged area becomes a cell object, every cell of a
 * data-validation range an entry, every column of a <col min max> a column. A merge or a drop-down reaching to
 * XFD1048576, or <col max="2147483647">, then never finishes loading. Before exceljs sees a sheet, on an in-memory
 * copy (the user's file is never touched):
 * - merges, conditional formats and <col> ranges are clipped to the data (the rows and columns holding values,
 *   with a margin below and to the right where an officer may add rows);
 * - the <dataValidations> element is taken out whole and kept as written: exceljs never expands it, and the copy
 *   gets it back verbatim (kept-validations.ts), drop-downs on empty template rows and whole columns included.
 * A first pass measures each sheet (its data extent, what exceljs would build) so that a sheet over the budget is
 * refused before loading, and so that only sheets with something to change are rewritten (the second pass).
 * Part of the OOXML toolkit (this folder); string work only, browser-safe.
 */
import { columnLetters } from '../../../core/model/grid';
import { scanXml, type Tag, type XmlHandler } from './xml-scan';

/** Excel's limits (0-based last row and column: 1,048,575 and 16,383). */
const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/** Rows and columns kept beyond the last value: room for the rows an officer adds to a template. */
export const CLIP_MARGIN = { rows: 1000, cols: 100 } as const;

/** The rectangle from A1 that ranges are clipped to (0-based, inclusive). */
export interface ClipBox {
  bottom: number;
  right: number;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One part of a reference ("$B$3", "B", "3") → [row or -1, col or -1]; undefined when it is neither. */
function parsePoint(s: string): [number, number] | undefined {
  let i = 0;
  let col = 0;
  let row = 0;
  if (s.charCodeAt(i) === 36) i++;
  const l = i;
  for (; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    if (col > LAST_COL + 1) return undefined;
  }
  const hasCol = i > l;
  if (s.charCodeAt(i) === 36) i++;
  const d = i;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
    if (row > LAST_ROW + 1) return undefined;
  }
  const hasRow = i > d;
  if (!hasCol && !hasRow) return undefined;
  if (hasRow && row < 1) return undefined;
  return [hasRow ? row - 1 : -1, hasCol ? col - 1 : -1];
}

/** "A1:C3", "A1", whole columns "D:D", whole rows "3:5" → a range; undefined when it is none of these. */
export function parseRangeRef(ref: string): Range | undefined {
  const colon = ref.indexOf(':');
  const a = parsePoint(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parsePoint(ref.slice(colon + 1));
  if (!a || !b) return undefined;
  // A whole column has no rows, a whole row no columns (both ends must agree).
  if ((a[0] < 0) !== (b[0] < 0) || (a[1] < 0) !== (b[1] < 0)) return undefined;
  const top = a[0] < 0 ? 0 : Math.min(a[0], b[0]);
  const bottom = a[0] < 0 ? LAST_ROW : Math.max(a[0], b[0]);
  const left = a[1] < 0 ? 0 : Math.min(a[1], b[1]);
  const right = a[1] < 0 ? LAST_COL : Math.max(a[1], b[1]);
  return { top, left, bottom, right };
}

export function rangeRef(r: Range): string {
  const a = columnLetters(r.left) + (r.top + 1);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetters(r.right)}${r.bottom + 1}`;
}

function area(r: Range): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export interface ClippedList {
  /** The references left, space-separated ("" when none is). */
  text: string;
  /** Cells they cover. */
  area: number;
  changed: boolean;
}

/**
 * A list of references (an sqref such as "A3:A1048576 C3:C9", or one merge ref) clipped to the box. References that
 * cannot be read are dropped (exceljs could not read them either); `minArea` drops what becomes smaller (a merge of
 * one cell is no merge).
 */
export function clipRefList(list: string, box: ClipBox, minArea = 1): ClippedList {
  const kept: string[] = [];
  let covered = 0;
  let changed = false;
  let i = 0;
  const n = list.length;
  while (i < n) {
    while (i < n && list.charCodeAt(i) <= 32) i++;
    const start = i;
    while (i < n && list.charCodeAt(i) > 32) i++;
    if (i === start) break;
    const ref = list.slice(start, i);
    const r = parseRangeRef(ref);
    if (!r) {
      changed = true;
      continue;
    }
    const c: Range = { top: r.top, left: r.left, bottom: Math.min(r.bottom, box.bottom), right: Math.min(r.right, box.right) };
    if (c.top > c.bottom || c.left > c.right || area(c) < minArea) {
      changed = true;
      continue;
    }
    if (c.bottom !== r.bottom || c.right !== r.right) changed = true;
    kept.push(c.bottom !== r.bottom || c.right !== r.right ? rangeRef(c) : ref);
    covered += area(c);
  }
  return { text: kept.join(' '), area: covered, changed };
}

/** The clip box of a sheet whose last value is at (lastRow, lastCol) (-1: no value). */
export function clipBox(lastRow: number, lastCol: number): ClipBox {
  return { bottom: Math.min(Math.max(lastRow, 0) + CLIP_MARGIN.rows, LAST_ROW), right: Math.min(Math.max(lastCol, 0) + CLIP_MARGIN.cols, LAST_COL) };
}

/** What loading one sheet costs exceljs, and whether it has ranges to clip. */
export interface SheetFootprint {
  /** Cells and rows written in the sheet, plus the cells of merged areas and validations after clipping. */
  objects: number;
  needsClip: boolean;
}

/**
 * First pass over a sheet (streamed): its data extent, the cells and rows exceljs would build, and its ranges.
 * Ranges come after the cells in a worksheet (sheetData, then mergeCells, conditionalFormatting, dataValidations),
 * so each is clipped as it is met; <cols> come before the cells and are checked against the box at the end.
 */
export class FootprintHandler implements XmlHandler {
  wantText = false;
  private lastRow = -1;
  private lastCol = -1;
  private row = -1;
  private col = -1;
  private inCell = false;
  private cellHasData = false;
  private dataDone = false;
  private objects = 0;
  private needsClip = false;
  private widestCol = -1;
  private box: ClipBox | undefined;
  private depth = 0;
  /** Inside the worksheet's own <dataValidations> (taken out whole, never expanded). */
  private inKeptValidations = false;

  constructor(private readonly countValidations: boolean) {}

  open(name: string, tag: Tag): void {
    this.depth++;
    switch (name) {
      case 'c': {
        this.objects++;
        const ref = tag.attr('r');
        const p = ref === undefined ? undefined : parsePoint(ref);
        if (p && p[0] >= 0 && p[1] >= 0) {
          this.row = p[0];
          this.col = p[1];
        } else {
          if (this.row < 0) this.row = 0;
          this.col++;
        }
        this.inCell = true;
        this.cellHasData = false;
        return;
      }
      case 'v':
      case 'f':
      case 'is':
        if (this.inCell) this.cellHasData = true;
        return;
      case 'row': {
        this.objects++;
        const r = Number(tag.attr('r'));
        this.row = Number.isInteger(r) && r >= 1 ? r - 1 : this.row + 1;
        this.col = -1;
        return;
      }
      case 'col': {
        const max = Number(tag.attr('max'));
        if (Number.isFinite(max) && max - 1 > this.widestCol) this.widestCol = max - 1;
        return;
      }
      case 'mergeCell':
        this.range(tag.attr('ref'), 2, true);
        return;
      case 'dataValidations':
        if (isKeptValidations(tag, this.depth)) {
          this.needsClip = true;
          this.inKeptValidations = true;
        }
        return;
      case 'dataValidation':
        if (!this.inKeptValidations) this.range(tag.attr('sqref'), 1, this.countValidations);
        return;
      case 'conditionalFormatting':
        this.range(tag.attr('sqref'), 1, false);
        return;
    }
  }

  private range(list: string | undefined, minArea: number, counts: boolean): void {
    if (list === undefined) return;
    if (!this.dataDone) {
      // Out of the usual order: clip it in the second pass, and count it unclipped.
      this.needsClip = true;
      const c = clipRefList(list, { bottom: LAST_ROW, right: LAST_COL }, minArea);
      if (counts) this.objects += c.area;
      return;
    }
    this.box ??= clipBox(this.lastRow, this.lastCol);
    const c = clipRefList(list, this.box, minArea);
    if (c.changed) this.needsClip = true;
    if (counts) this.objects += c.area;
  }

  close(name: string): void {
    this.depth--;
    if (name === 'dataValidations') this.inKeptValidations = false;
    if (name === 'c' && this.inCell) {
      this.inCell = false;
      if (this.cellHasData) {
        if (this.row > this.lastRow) this.lastRow = this.row;
        if (this.col > this.lastCol) this.lastCol = this.col;
      }
    } else if (name === 'sheetData') {
      this.dataDone = true;
    }
  }

  text(): void {}

  result(): SheetFootprint {
    const box = this.box ?? clipBox(this.lastRow, this.lastCol);
    const needsClip = this.needsClip || this.widestCol > box.right;
    return { objects: this.objects + Math.min(this.widestCol, box.right) + 1, needsClip };
  }

  /** The box the second pass clips to. */
  clipBox(): ClipBox {
    return this.box ?? clipBox(this.lastRow, this.lastCol);
  }
}

/**
 * The worksheet's own <dataValidations> (a child of the root, unprefixed: exceljs writes its sheets unprefixed, so
 * it can go back as written). `depth` counts the element itself (the root is 1).
 */
function isKeptValidations(tag: Tag, depth: number): boolean {
  return depth === 2 && tag.qname === 'dataValidations';
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Second pass: the sheet's XML with its ranges clipped to the box (whole elements dropped when nothing is left). */
class ClipHandler implements XmlHandler {
  wantText = false;
  readonly edits: Edit[] = [];
  /** The worksheet's <dataValidations> as written, taken out. */
  validations: string | undefined;
  private depth = 0;
  /** An element being dropped (or kept aside): its name, where it starts, and how deep inside it the scan is. */
  private dropping: { name: string; start: number; depth: number; keep: boolean } | undefined;

  constructor(
    private readonly box: ClipBox,
    private readonly xml: string,
  ) {}

  open(name: string, tag: Tag): void {
    this.depth++;
    if (this.dropping) {
      this.dropping.depth++; // every open inside is matched by a close (empty elements too)
      return;
    }
    switch (name) {
      case 'mergeCell':
        return this.clipAttr(tag, name, 'ref', 2);
      case 'dataValidations':
        if (isKeptValidations(tag, this.depth)) this.drop(tag, name, true);
        return;
      case 'dataValidation':
      case 'conditionalFormatting':
        return this.clipAttr(tag, name, 'sqref', 1);
      case 'col': {
        const min = Number(tag.attr('min'));
        const max = Number(tag.attr('max'));
        const last = this.box.right + 1;
        if (!(min > last) && !(max > last)) return;
        if (min > last || !Number.isFinite(min)) return this.drop(tag, name);
        const span = tag.valueSpan('max')!;
        this.edits.push({ start: span[0], end: span[1], text: String(last) });
        return;
      }
    }
  }

  private clipAttr(tag: Tag, name: string, attr: string, minArea: number): void {
    const list = tag.attr(attr);
    if (list === undefined) return;
    const c = clipRefList(list, this.box, minArea);
    if (!c.changed) return;
    if (!c.text) return this.drop(tag, name);
    const span = tag.valueSpan(attr)!;
    this.edits.push({ start: span[0], end: span[1], text: c.text });
  }

  private drop(tag: Tag, name: string, keep = false): void {
    if (tag.selfClosing) this.take(tag.at, tag.end, keep);
    else this.dropping = { name, start: tag.at, depth: 0, keep };
  }

  private take(start: number, end: number, keep: boolean): void {
    this.edits.push({ start, end, text: '' });
    if (keep) this.validations = this.xml.slice(start, end);
  }

  close(name: string, end: number): void {
    this.depth--;
    const d = this.dropping;
    if (!d) return;
    if (d.depth > 0) {
      d.depth--;
      return;
    }
    if (name === d.name) {
      this.take(d.start, end, d.keep);
      this.dropping = undefined;
    }
  }

  text(): void {}
}

/**
 * The sheet's XML with merges, conditional formats and columns clipped to the box, and its <dataValidations> taken
 * out (returned as written, for kept-validations.ts to put back into the copy).
 */
export function clipSheetXml(xml: string, box: ClipBox): { xml: string; validations?: string } {
  const h = new ClipHandler(box, xml);
  scanXml(xml, h);
  if (!h.edits.length) return { xml };
  const out: string[] = [];
  let at = 0;
  for (const e of h.edits) {
    out.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(xml.slice(at));
  return h.validations === undefined ? { xml: out.join('') } : { xml: out.join(''), validations: h.validations };
}

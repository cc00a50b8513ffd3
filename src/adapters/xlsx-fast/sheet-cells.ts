/**
 * One worksheet part, scanned once: every cell that holds something, as the user sees it (CellValue), with its
 * formula when asked for; merged ranges; hidden rows. Values follow exactly what the exceljs reader gives
 * (src/adapters/exceljs/read-workbook.ts): shared and inline strings with rich runs joined, numbers, booleans,
 * errors, formulas' cached results, date-formatted numbers as Dates. Browser-safe.
 */
import type { CellValue } from '../../core/model/grid';
import { WorkbookReadError } from '../exceljs/errors';
import { ATTR_SPAN, decodeOoxmlEscapes, decodeText, ownString, type RawDecoder, type Tag, type XmlHandler } from '../exceljs/ooxml/xml-scan';

/** Excel's limits: rows 1–1,048,576, columns A–XFD. Cells beyond them cannot exist in a workbook Excel opens. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface SheetContext {
  /** Shared strings (null: an item with no text). */
  shared: readonly (string | null)[];
  /** Per cell style index: the number format shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSink {
  /** A cell (0-based) holding `value` (never null); `formula` only when the scan was asked for formulas. */
  cell(row: number, col: number, value: CellValue, formula: string | undefined): void;
  /** A formula cell with no cached result (formulas asked for only). */
  emptyFormula?(row: number, col: number, formula: string): void;
  merge?(range: CellRange): void;
  hiddenRow?(row: number): void;
}

/** The cell's t attribute. */
const enum CellType {
  Number,
  Shared,
  FormulaString,
  Boolean,
  Error,
  Inline,
  IsoDate,
}

/** b[at…] is "</v></c>". */
function isEndOfValue(b: string, at: number): boolean {
  return (
    b.charCodeAt(at + 1) === 47 &&
    b.charCodeAt(at + 2) === 118 &&
    b.charCodeAt(at + 3) === 62 &&
    b.charCodeAt(at + 4) === 60 &&
    b.charCodeAt(at + 5) === 47 &&
    b.charCodeAt(at + 6) === 99 &&
    b.charCodeAt(at + 7) === 62
  );
}

/** A style index read in place: plain digits, else 0 (the default style). */
function digitsAt(b: string, from: number, to: number): number {
  if (to === from || to - from > 9) return 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The t attribute read in place (no string made for each of a million cells). */
function cellTypeAt(b: string, at: number, end: number): CellType {
  switch (end - at) {
    case 1:
      switch (b.charCodeAt(at)) {
        case 115: // s
          return CellType.Shared;
        case 98: // b
          return CellType.Boolean;
        case 101: // e
          return CellType.Error;
        case 100: // d
          return CellType.IsoDate;
      }
      return CellType.Number;
    case 3:
      return b.startsWith('str', at) ? CellType.FormulaString : CellType.Number;
    case 9:
      return b.startsWith('inlineStr', at) ? CellType.Inline : CellType.Number;
  }
  return CellType.Number;
}

export interface SheetScanOptions {
  /** Also give each cell's formula text (sink.cell's `formula`, sink.emptyFormula). */
  formulas?: boolean;
  /**
   * An empty text result of a formula (t="str" with an empty <v>) and an empty inline string read as "" rather
   * than as an empty cell: what the score-sheet reader has always done (its total formulas give "" when unfilled).
   */
  keepEmptyText?: boolean;
}

const enum Capture {
  None,
  Value,
  Formula,
  Inline,
}

/** Serial day number → Date as exceljs converts it (1900 system; 1904 adds 1,462 days). */
export function excelSerialToDate(v: number, date1904: boolean): Date | null {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "AB12" → [row, col] 0-based into `out`; false when it is not a cell reference within Excel's limits. */
export function parseRef(s: string, out: [number, number]): boolean {
  return parseRefAt(s, 0, s.length, out);
}

/**
 * Whether s[from, len) is a cell reference past Excel's grid (column XFE or beyond, row 1,048,577 or beyond): a
 * workbook Excel does not write, told apart from a damaged one ('beyond-grid', as the exceljs reader says).
 */
export function refBeyondGridAt(s: string, from: number, len: number): boolean {
  let i = from;
  let col = 0;
  if (i < len && s.charCodeAt(i) === 36) i++; // $
  const letters = i;
  for (; i < len && i - letters < 8; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === letters) return false;
  if (i < len && s.charCodeAt(i) === 36) i++;
  const digits = i;
  let row = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57 || i - digits >= 12) return false;
    row = row * 10 + (c - 48);
  }
  if (i === digits || row < 1) return false;
  return col > MAX_COLS || row > MAX_ROWS;
}

function beyondGrid(): WorkbookReadError {
  return new WorkbookReadError('beyond-grid');
}

/** parseRef on s[from, len) in place. */
export function parseRefAt(s: string, from: number, len: number, out: [number, number]): boolean {
  let i = from;
  let col = 0;
  if (i < len && s.charCodeAt(i) === 36) i++; // $
  const letters = i;
  for (; i < len; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === letters || i - letters > 3) return false;
  if (i < len && s.charCodeAt(i) === 36) i++;
  const digits = i;
  let row = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (i === digits || i - digits > 7 || row < 1 || row > MAX_ROWS || col > MAX_COLS) return false;
  out[0] = row - 1;
  out[1] = col - 1;
  return true;
}

/** "A1:C3" (or "A1") → a normalised range; undefined when it is not one. */
export function parseRange(ref: string): CellRange | undefined {
  const colon = ref.indexOf(':');
  const a: [number, number] = [0, 0];
  const b: [number, number] = [0, 0];
  if (!parseRef(colon < 0 ? ref : ref.slice(0, colon), a)) return undefined;
  if (colon < 0) {
    b[0] = a[0];
    b[1] = a[1];
  } else if (!parseRef(ref.slice(colon + 1), b)) return undefined;
  return { top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) };
}

export class SheetCellsHandler implements XmlHandler {
  wantText = false;
  /** Every raw slice kept goes through raw() below. */
  readonly bytesText = true;
  latin1: RawDecoder | undefined = undefined;
  private inSheetData = false;
  private inCell = false;
  private row = -1;
  private col = -1;
  private type = CellType.Number;
  private style = 0;
  private capture = Capture.None;
  private value = '';
  private hasValue = false;
  private formula = '';
  private hasFormula = false;
  private inline: string | null = null;
  private inInline = false;
  private phonetic = 0;
  private readonly at: [number, number] = [0, 0];

  private readonly withFormulas: boolean;
  private readonly keepEmptyText: boolean;

  constructor(
    private readonly ctx: SheetContext,
    private readonly sink: SheetSink,
    opts: SheetScanOptions = {},
  ) {
    this.withFormulas = opts.formulas ?? false;
    this.keepEmptyText = opts.keepEmptyText ?? false;
  }

  open(name: string, tag: Tag): void {
    switch (name) {
      case 'c': {
        if (!this.inSheetData) return;
        // A million of these: r, s and t are picked out in one pass over the attributes the scanner found.
        const b = tag.buf;
        const spans = tag.spans;
        let placed = false;
        let type = CellType.Number;
        let style = 0;
        for (let k = 0, n = tag.count * ATTR_SPAN; k < n; k += ATTR_SPAN) {
          if (spans[k + 2] - spans[k + 1] !== 1) continue;
          const v0 = spans[k + 3];
          const v1 = spans[k + 4];
          switch (b.charCodeAt(spans[k + 1])) {
            case 114: // r
              placed = parseRefAt(b, v0, v1, this.at);
              if (!placed && refBeyondGridAt(b, v0, v1)) throw beyondGrid();
              break;
            case 115: // s
              style = digitsAt(b, v0, v1);
              break;
            case 116: // t
              type = cellTypeAt(b, v0, v1);
              break;
          }
        }
        if (placed) {
          this.row = this.at[0];
          this.col = this.at[1];
        } else {
          if (this.row < 0) this.row = 0;
          this.col++;
        }
        this.inCell = true;
        this.type = type;
        this.style = style;
        this.hasValue = false;
        this.value = '';
        this.valueBuf = undefined;
        this.hasFormula = false;
        this.formula = '';
        this.inline = null;
        return;
      }
      case 'v':
        if (this.inCell) {
          this.capture = Capture.Value;
          this.wantText = true;
          this.hasValue = true;
        }
        return;
      case 'row': {
        if (!this.inSheetData) return;
        const n = tag.uint('r');
        this.row = n >= 1 && n <= MAX_ROWS ? n - 1 : this.row + 1;
        this.col = -1;
        if (this.sink.hiddenRow) {
          const h = tag.attr('hidden');
          if ((h === '1' || h === 'true') && this.row < MAX_ROWS) this.sink.hiddenRow(this.row);
        }
        return;
      }
      case 'f':
        if (this.inCell) {
          this.hasFormula = true;
          if (this.withFormulas) {
            this.capture = Capture.Formula;
            this.wantText = true;
          }
        }
        return;
      case 'is':
        if (this.inCell) this.inInline = true;
        return;
      case 'rPh':
        if (this.inInline) this.phonetic++;
        return;
      case 't':
        if (this.inInline && this.phonetic === 0) {
          this.capture = Capture.Inline;
          this.wantText = true;
          if (this.inline === null) this.inline = '';
        }
        return;
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'mergeCell':
        if (this.sink.merge) {
          const ref = tag.attr('ref');
          const r = ref === undefined ? undefined : parseRange(ref);
          if (r) this.sink.merge(r);
          else if (ref !== undefined && ref.split(':').some((a) => refBeyondGridAt(a, 0, a.length))) throw beyondGrid();
        }
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'c':
        if (this.inCell) this.finishCell();
        return;
      case 'v':
      case 'f':
      case 't':
        this.capture = Capture.None;
        this.wantText = false;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        if (this.phonetic > 0) this.phonetic--;
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
    }
  }

  /**
   * A whole cell in one of its plain shapes, read in one pass without the scanner's events: `<c` with plain
   * double-quoted attributes (r, s and t are read; others passed over), then `/>`, `></c>`, `><v>…</v></c>` or
   * `><is><t>…</t></is></c>`. Anything else (a formula, rich text, prefixed or single-quoted attributes, a cell cut
   * by the end of the text so far) returns -1 and the scanner reads it the usual way, open() and content() below,
   * which give the same cell. Looks no further than the cell's end tag.
   */
  element(b: string, pos: number, len: number): number {
    if (!this.inSheetData || b.charCodeAt(pos + 1) !== 99 /* c */ || b.charCodeAt(pos + 2) !== 32) return -1;
    let i = pos + 3;
    let c = 0;
    let type = CellType.Number;
    let style = 0;
    let r0 = -1;
    let r1 = -1;
    // Excel writes r first: read it in the same pass that finds its end.
    let refRow = -1;
    let refCol = 0;
    if (b.charCodeAt(i) === 114 && b.charCodeAt(i + 1) === 61 && b.charCodeAt(i + 2) === 34) {
      let k = i + 3;
      while ((c = b.charCodeAt(k)) >= 65 && c <= 90 && k - i < 6) {
        refCol = refCol * 26 + (c - 64);
        k++;
      }
      const digits = k;
      let row = 0;
      while ((c = b.charCodeAt(k)) >= 48 && c <= 57 && k - digits < 7) {
        row = row * 10 + (c - 48);
        k++;
      }
      // Plain "B7" within Excel's grid; anything else ($, lower case, too far) is read below as any attribute.
      if (c === 34 && k > digits && digits > i + 3 && digits - i - 3 <= 3 && row >= 1 && row <= MAX_ROWS && refCol <= MAX_COLS) {
        refRow = row - 1;
        refCol--;
        r0 = i + 3;
        r1 = k;
        i = k + 1;
        // …then s="…" and t="s", as Excel writes them; anything else is read by the loop below.
        if (b.charCodeAt(i) === 32 && b.charCodeAt(i + 1) === 115 && b.charCodeAt(i + 2) === 61 && b.charCodeAt(i + 3) === 34) {
          let n = 0;
          k = i + 4;
          while ((c = b.charCodeAt(k)) >= 48 && c <= 57 && k - i < 13) {
            n = n * 10 + (c - 48);
            k++;
          }
          if (c === 34 && k > i + 4) {
            style = n;
            i = k + 1;
          }
        }
        if (b.charCodeAt(i) === 32 && b.charCodeAt(i + 1) === 116 && b.charCodeAt(i + 2) === 61 && b.charCodeAt(i + 3) === 34 && b.charCodeAt(i + 4) === 115 && b.charCodeAt(i + 5) === 34) {
          type = CellType.Shared;
          i += 6;
        }
      }
    }
    for (;;) {
      while (i < len && (c = b.charCodeAt(i)) === 32) i++;
      if (i >= len) return -1;
      if (c === 62 /* > */ || c === 47 /* / */) break;
      const nameStart = i;
      while (i < len && (c = b.charCodeAt(i)) !== 61 /* = */) {
        if (c <= 32 || c === 62 || c === 47 || c === 60 || c === 58 /* : */ || c === 34) return -1;
        i++;
      }
      if (i + 1 >= len || b.charCodeAt(i + 1) !== 34 /* " */) return -1;
      const v0 = i + 2;
      let v1 = v0;
      const stop = Math.min(len, v0 + 32);
      while (v1 < stop && b.charCodeAt(v1) !== 34) v1++;
      if (v1 >= stop) return -1;
      if (i - nameStart === 1) {
        switch (b.charCodeAt(nameStart)) {
          case 114: // r
            if (r0 >= 0) return -1;
            r0 = v0;
            r1 = v1;
            break;
          case 115: // s
            style = digitsAt(b, v0, v1);
            break;
          case 116: // t
            type = cellTypeAt(b, v0, v1);
            break;
        }
      }
      i = v1 + 1;
    }
    // The shape, before anything is kept: a declined cell must leave no trace. (Characters compared one by one:
    // several times faster than startsWith on a million cells.)
    let end: number;
    let valueStart = -1;
    let valueEnd = -1;
    /** The value when it is plain digits, else -1. */
    let whole = 0;
    let inline = false;
    if (c === 47) {
      if (i + 1 >= len || b.charCodeAt(i + 1) !== 62) return -1;
      end = i + 2;
    } else if (b.charCodeAt(i + 1) !== 60 /* < */) {
      return -1;
    } else if ((c = b.charCodeAt(i + 2)) === 118 /* v */ && b.charCodeAt(i + 3) === 62) {
      valueStart = i + 4;
      // Most values are a few digits (a shared-string index, a whole number): read them on the way to the end.
      let k = valueStart;
      while ((c = b.charCodeAt(k)) >= 48 && c <= 57 && k - valueStart < 15) {
        whole = whole * 10 + (c - 48);
        k++;
      }
      if (c === 60 && k > valueStart) valueEnd = k;
      else {
        whole = -1;
        valueEnd = b.indexOf('<', k);
      }
      if (valueEnd < 0 || !isEndOfValue(b, valueEnd)) return -1;
      end = valueEnd + 8;
    } else if (c === 47 && b.charCodeAt(i + 3) === 99 && b.charCodeAt(i + 4) === 62) {
      end = i + 5;
    } else if (c === 105 /* i */ && b.startsWith('<is><t>', i + 1)) {
      valueStart = i + 8;
      valueEnd = b.indexOf('<', valueStart);
      if (valueEnd < 0 || !b.startsWith('</t></is></c>', valueEnd)) return -1;
      inline = true;
      end = valueEnd + 13;
    } else {
      return -1;
    }
    if (refRow >= 0) {
      this.row = refRow;
      this.col = refCol;
    } else if (r0 >= 0 && parseRefAt(b, r0, r1, this.at)) {
      this.row = this.at[0];
      this.col = this.at[1];
    } else {
      if (r0 >= 0 && refBeyondGridAt(b, r0, r1)) throw beyondGrid();
      if (this.row < 0) this.row = 0;
      this.col++;
    }
    if (valueStart < 0) return end; // no value: nothing to keep (as close() finds for such a cell)
    if (!inline && whole >= 0 && this.col < MAX_COLS && this.row < MAX_ROWS) {
      // What cellValue() gives for plain digits, without the detour (other types go the usual way below).
      if (type === CellType.Shared) {
        const t = this.ctx.shared[whole];
        if (t !== undefined && t !== null) this.sink.cell(this.row, this.col, t, undefined);
        return end;
      }
      if (type === CellType.Number) {
        const v = this.ctx.dateStyles[style] ? excelSerialToDate(whole, this.ctx.date1904) : whole;
        if (v !== null) this.sink.cell(this.row, this.col, v, undefined);
        return end;
      }
    }
    this.type = type;
    this.style = style;
    this.hasFormula = false;
    this.formula = '';
    this.value = '';
    if (inline) {
      this.hasValue = false;
      this.valueBuf = undefined;
      this.inline = decodeText(this.raw(b.slice(valueStart, valueEnd)));
    } else {
      this.hasValue = true;
      this.inline = null;
      this.valueBuf = b;
      this.valueStart = valueStart;
      this.valueEnd = valueEnd;
    }
    this.finishCell();
    return end;
  }

  /**
   * The shapes nearly every cell has, read without an event per tag: `<v>…</v></c>`, `<is><t>…</t></is></c>` and
   * `</c>`. Anything else (a formula, rich text, a prefix, CDATA) goes the usual way. Looks only up to the next
   * "<" after the value.
   */
  content(name: string, buf: string, from: number): number {
    if (name !== 'c' || !this.inCell) return -1;
    if (buf.startsWith('<v>', from)) {
      const lt = buf.indexOf('<', from + 3);
      if (lt < 0 || !buf.startsWith('</v></c>', lt)) return -1;
      this.hasValue = true;
      this.valueBuf = buf;
      this.valueStart = from + 3;
      this.valueEnd = lt;
      this.finishCell();
      return lt + 8;
    }
    if (buf.startsWith('</c>', from)) {
      this.finishCell();
      return from + 4;
    }
    if (buf.startsWith('<is><t>', from)) {
      const lt = buf.indexOf('<', from + 7);
      if (lt < 0 || !buf.startsWith('</t></is></c>', lt)) return -1;
      this.inline = decodeText(this.raw(buf.slice(from + 7, lt)));
      this.finishCell();
      return lt + 13;
    }
    return -1;
  }

  /** A <v>'s text is kept where it is (most are a few digits, read in place); other text is decoded. */
  rawText(buf: string, start: number, end: number): void {
    if (this.capture === Capture.Value && this.valueBuf === undefined && this.value === '') {
      this.valueBuf = buf;
      this.valueStart = start;
      this.valueEnd = end;
      return;
    }
    this.text(decodeText(this.raw(buf.slice(start, end))));
  }

  /** A raw slice of the part's text as characters (it may be Latin-1 bytes: see XmlHandler.latin1). */
  private raw(s: string): string {
    return this.latin1 === undefined ? s : this.latin1(s);
  }

  text(t: string): void {
    switch (this.capture) {
      case Capture.Value:
        if (this.valueBuf !== undefined) this.takeValueText();
        this.value += t;
        return;
      case Capture.Formula:
        this.formula += t;
        return;
      case Capture.Inline:
        this.inline += t;
        return;
    }
  }

  private valueBuf: string | undefined;
  private valueStart = 0;
  private valueEnd = 0;

  private takeValueText(): void {
    this.value = decodeText(this.raw(this.valueBuf!.slice(this.valueStart, this.valueEnd)));
    this.valueBuf = undefined;
  }

  private finishCell(): void {
    this.inCell = false;
    this.inInline = false;
    this.phonetic = 0;
    this.capture = Capture.None;
    this.wantText = false;
    if (this.col >= MAX_COLS || this.row >= MAX_ROWS) return;
    const v = this.cellValue();
    const formula = this.withFormulas && this.hasFormula && this.formula ? ownString(decodeOoxmlEscapes(this.formula)) : undefined;
    if (v !== null) this.sink.cell(this.row, this.col, v, formula);
    else if (formula !== undefined && this.sink.emptyFormula) this.sink.emptyFormula(this.row, this.col, formula);
  }

  private cellValue(): CellValue {
    const t = this.type;
    if (t === CellType.Inline && !this.hasFormula) {
      return this.inline ? ownString(decodeOoxmlEscapes(this.inline)) : this.inline === '' && this.keepEmptyText ? '' : null;
    }
    if (!this.hasValue) return null;
    if (this.keepEmptyText && t === CellType.FormulaString && this.value === '' && (this.valueBuf === undefined || this.valueEnd === this.valueStart)) return '';
    if (this.valueBuf !== undefined) {
      if (this.valueEnd === this.valueStart) return null;
      // Plain digits (a shared-string index, a whole number): read in place.
      const n = this.digits();
      if (n >= 0) {
        if (t === CellType.Shared && !this.hasFormula) {
          const s = this.ctx.shared[n];
          return s === undefined ? null : s;
        }
        if (t === CellType.Number || (t === CellType.Shared && this.hasFormula)) {
          return this.ctx.dateStyles[this.style] ? excelSerialToDate(n, this.ctx.date1904) : n;
        }
      }
      this.takeValueText();
    }
    const raw = this.value;
    if (raw === '') return null;
    switch (t) {
      case CellType.Shared: {
        if (this.hasFormula) break;
        const s = this.ctx.shared[parseInt(raw, 10)];
        return s === undefined ? null : s;
      }
      case CellType.FormulaString:
        return ownString(decodeOoxmlEscapes(raw));
      case CellType.Boolean: {
        const n = parseInt(raw, 10);
        return Number.isNaN(n) ? raw.trim().toLowerCase() === 'true' : n !== 0;
      }
      case CellType.Error:
        return { error: ownString(raw) };
      case CellType.IsoDate: {
        if (this.hasFormula) break;
        const d = new Date(raw.trim());
        return Number.isNaN(d.getTime()) ? null : d;
      }
    }
    const n = parseFloat(raw);
    if (Number.isNaN(n)) return null;
    return this.ctx.dateStyles[this.style] ? excelSerialToDate(n, this.ctx.date1904) : n;
  }

  /** The kept <v> text as a whole number when it is 1–15 plain digits; -1 otherwise. */
  private digits(): number {
    const b = this.valueBuf!;
    const end = this.valueEnd;
    if (end - this.valueStart > 15) return -1;
    let n = 0;
    for (let i = this.valueStart; i < end; i++) {
      const c = b.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      n = n * 10 + (c - 48);
    }
    return n;
  }
}

/**
 * The workbook-wide parts the fast reader needs before any sheet: which sheets there are (workbook.xml and its
 * relationships), which cell styles show dates (styles.xml) and the shared strings. Each is one linear scan.
 * Browser-safe.
 */
import { parseRelationships, parseWorkbookXml, targetPart, type SheetState } from '../exceljs/ooxml/rels';
import { isDateFormat, numberFormatCode } from '../exceljs/ooxml/number-formats';
import { decodeOoxmlEscapes, type Tag, type XmlHandler } from '../exceljs/ooxml/xml-scan';
import { WorkbookReadError } from '../exceljs/errors';
import type { XlsxPackage } from './package';

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** Part name inside the zip, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
  /** The relationship's type ends in /worksheet (chart sheets and dialog sheets hold no cells). */
  isWorksheet: boolean;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  date1904: boolean;
  /** Relationship targets of the workbook by type suffix (styles, sharedStrings), as part names. */
  styles?: string;
  sharedStrings?: string;
}

/**
 * workbook.xml and its relationships. Throws WorkbookReadError: 'truncated' when workbook.xml is missing, else as
 * XlsxPackage.failure() says (damaged bytes, or XML written wrongly).
 */
export async function readWorkbookParts(pkg: XlsxPackage): Promise<WorkbookParts> {
  const workbookXml = await pkg.text('xl/workbook.xml');
  if (workbookXml === undefined) throw new WorkbookReadError('truncated');
  let wb;
  let rels;
  try {
    wb = parseWorkbookXml(workbookXml);
    rels = parseRelationships((await pkg.text('xl/_rels/workbook.xml.rels')) ?? '<Relationships/>');
  } catch (cause) {
    throw await pkg.failure(cause);
  }
  const sheets: SheetEntry[] = [];
  for (const s of wb.sheets) {
    const rel = s.rid ? rels.get(s.rid) : undefined;
    if (!rel) continue;
    sheets.push({ name: s.name, state: s.state, part: targetPart('xl/', rel.target), isWorksheet: rel.type.endsWith('/worksheet') });
  }
  const out: WorkbookParts = { sheets, date1904: wb.date1904 };
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/styles')) out.styles = targetPart('xl/', rel.target);
    else if (rel.type.endsWith('/sharedStrings')) out.sharedStrings = targetPart('xl/', rel.target);
  }
  return out;
}

/** Which cell styles (cellXfs indexes) show dates. */
class StylesHandler implements XmlHandler {
  wantText = false;
  readonly declared = new Map<number, string>();
  readonly xfFormats: number[] = [];
  private inCellXfs = false;
  private xfDepth = 0;

  open(name: string, tag: Tag): void {
    if (name === 'numFmt') {
      const id = Number(tag.attr('numFmtId'));
      if (Number.isInteger(id)) this.declared.set(id, tag.attr('formatCode') ?? '');
    } else if (name === 'cellXfs') {
      this.inCellXfs = true;
    } else if (this.inCellXfs) {
      if (this.xfDepth === 0 && name === 'xf') this.xfFormats.push(Number(tag.attr('numFmtId')) || 0);
      this.xfDepth++;
    }
  }

  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
    else if (this.inCellXfs && this.xfDepth > 0) this.xfDepth--;
  }

  text(): void {}
}

/** Per style index, whether the style's number format shows a date; empty when there are no styles. */
export async function readDateStyles(pkg: XlsxPackage, part: string | undefined): Promise<boolean[]> {
  const h = new StylesHandler();
  if (!(await pkg.scan(part ?? 'xl/styles.xml', h))) return [];
  const cache = new Map<number, boolean>();
  return h.xfFormats.map((id) => {
    let d = cache.get(id);
    if (d === undefined) cache.set(id, (d = isDateFormat(numberFormatCode(id, h.declared))));
    return d;
  });
}

/**
 * The shared strings: plain or rich text (runs joined), phonetic guides left out, Excel's _xHHHH_ escapes
 * decoded. An item with no text at all is null (it reads as an empty cell, as with exceljs).
 */
class SharedStringsHandler implements XmlHandler {
  wantText = false;
  readonly items: (string | null)[] = [];
  private inItem = false;
  private phonetic = 0;
  private text_: string | null = null;

  open(name: string): void {
    switch (name) {
      case 'si':
        this.inItem = true;
        this.text_ = null;
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 't':
        if (this.inItem && this.phonetic === 0) {
          this.wantText = true;
          if (this.text_ === null) this.text_ = '';
        }
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 't':
        this.wantText = false;
        break;
      case 'rPh':
        if (this.phonetic > 0) this.phonetic--;
        break;
      case 'si':
        // Not copied (ownString): the shared strings are most of their part's text, so views into it cost little more.
        this.items.push(this.text_ === null ? null : decodeOoxmlEscapes(this.text_));
        this.inItem = false;
        this.wantText = false;
        break;
    }
  }

  text(t: string): void {
    this.text_ += t;
  }
}

export async function readSharedStrings(pkg: XlsxPackage, part: string | undefined): Promise<(string | null)[]> {
  const h = new SharedStringsHandler();
  await pkg.scan(part ?? 'xl/sharedStrings.xml', h);
  return h.items;
}

/**
 * A Word .docx (a zip: jszip) as the core's grid, so a 申报表 filled in Word is read by the same form reader as a
 * sheet (core/forms/read-form.ts): each row of the document's tables is a grid row, each cell a grid cell (its
 * paragraphs joined by line breaks); merged cells (w:gridSpan, w:vMerge) are merged ranges; paragraphs outside
 * tables (the title, "推荐单位：…", 附页) are rows of one cell. Tick boxes Word draws as symbols (Wingdings),
 * check-box content controls and legacy check-box fields become ☑ / □. Browser-safe.
 */
import JSZip from 'jszip';
import type { CellValue, MergedRange, SheetGrid } from '../../core/model/grid';
import { attributes, decodeXmlEntities, localAttribute } from '../exceljs/ooxml/xml';
import { parseRelationships, targetPart } from '../exceljs/ooxml/rels';
import { readXml, XmlFormatError } from './xml-reader';
import { DocxReadError } from './errors';

const MAX_XML = 50 * 1024 * 1024;

/** Symbol-font characters Word uses for boxes (w:sym w:char), as the glyphs people see. */
const SYMBOLS: Record<string, string> = {
  F0FE: '☑', F0FD: '☒', F078: '☒', F0FC: '✓', F0FB: '✗', F0A8: '□', F06F: '□', F071: '□', F06E: '■', F0A2: '●',
  F052: '☑', F053: '☒', F054: '☒', F050: '✓', F0A3: '□', F02A: '□', F0A1: '○', F09E: '●',
};

export interface DocxGrid {
  grid: SheetGrid;
  /** Top-level tables in the document. */
  tables: number;
}

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((x, i) => b[i] === x);
}

/** The main document part named by the package's relationships (word/document.xml as a rule). */
async function mainPart(zip: JSZip): Promise<string> {
  const rels = zip.file('_rels/.rels');
  if (rels) {
    for (const r of parseRelationships(await rels.async('string')).values()) {
      if (r.type.endsWith('/officeDocument')) return targetPart('', r.target);
    }
  }
  return 'word/document.xml';
}

/** Reads a .docx into a grid named `name` (the file name: findings then name the file). */
export async function readDocxGrid(bytes: Uint8Array, name: string): Promise<DocxGrid> {
  if (bytes.length === 0) throw new DocxReadError('empty');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new DocxReadError('legacy-doc');
  if (!startsWith(bytes, [0x50, 0x4b])) throw new DocxReadError('not-docx');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DocxReadError('truncated', { cause: e });
  }
  const part = zip.file(await mainPart(zip));
  if (!part || !zip.file('[Content_Types].xml')) throw new DocxReadError('not-docx');
  let xml: string;
  try {
    xml = await part.async('string');
  } catch (e) {
    throw new DocxReadError('truncated', { cause: e });
  }
  if (xml.length > MAX_XML) throw new DocxReadError('too-large');
  let read: DocxGrid;
  try {
    read = documentGrid(xml, name);
  } catch (e) {
    if (e instanceof XmlFormatError) throw new DocxReadError('truncated', { cause: e });
    throw e;
  }
  // A 申报表 is a table: a letter or a 事迹材料 without one is not a form.
  if (read.tables === 0) throw new DocxReadError('no-table');
  return read;
}

interface CellBuild {
  span: number;
  vMerge?: 'restart' | 'continue';
  paragraphs: string[];
}

/** The grid of a document.xml. Exported for tests; linear in the XML's length. */
export function documentGrid(xml: string, name: string): DocxGrid {
  const rows: CellValue[][] = [];
  const merges: MergedRange[] = [];
  const vertical = new Map<number, MergedRange>();
  let tables = 0;
  let tblDepth = 0;
  let row: CellValue[] | undefined;
  let col = 0;
  let cell: CellBuild | undefined;
  let para: string[] | undefined;
  let inText = false;
  let inRun = 0; // tab stops (w:tabs/w:tab) are paragraph properties; only a run's w:tab is text
  let skipDepth = 0; // inside content that is not shown (deleted text, field codes, fallbacks)
  let skipName = '';
  // Check boxes: a content control's state, or a legacy form field's.
  let sdtBox: boolean | undefined;
  let sdtContentDepth = 0;
  let ffBox: boolean | undefined;
  let inFfData = false;

  const emit = (s: string) => {
    if (para) para.push(s);
  };
  const endParagraph = () => {
    if (!para) return;
    const t = para.join('');
    para = undefined;
    if (tblDepth > 0 && cell) cell.paragraphs.push(t);
    else if (tblDepth === 0 && t.trim()) rows.push([t]);
  };

  readXml(xml, (tok) => {
    if (skipDepth > 0) {
      if (tok.kind === 'open' && tok.name === skipName && !tok.selfClosing) skipDepth++;
      else if (tok.kind === 'close' && tok.name === skipName) skipDepth--;
      return;
    }
    if (tok.kind === 'text') {
      if (inText && !(sdtBox !== undefined && sdtContentDepth > 0)) emit(decodeXmlEntities(tok.text));
      return;
    }
    if (tok.kind === 'close') {
      switch (tok.name) {
        case 'w:t':
          inText = false;
          break;
        case 'w:r':
          if (inRun > 0) inRun--;
          break;
        case 'w:p':
          endParagraph();
          break;
        case 'w:tc':
          if (tblDepth === 1 && cell && row) placeCell(cell);
          else if (tblDepth > 1 && cell) cell.paragraphs.push('');
          if (tblDepth === 1) cell = undefined;
          break;
        case 'w:tbl':
          tblDepth--;
          if (tblDepth === 0) vertical.clear();
          break;
        case 'w:sdtContent':
          if (sdtContentDepth > 0) sdtContentDepth--;
          if (sdtContentDepth === 0) sdtBox = undefined;
          break;
        case 'w:ffData':
          inFfData = false;
          if (ffBox !== undefined) emit(ffBox ? '☑' : '□');
          ffBox = undefined;
          break;
      }
      return;
    }
    const n = tok.name;
    switch (n) {
      case 'w:delText':
      case 'w:instrText':
      case 'mc:Fallback':
      case 'w:txbxContent':
      case 'w:del':
        if (!tok.selfClosing) {
          skipDepth = 1;
          skipName = n;
        }
        return;
      case 'w:tbl':
        tblDepth++;
        if (tblDepth === 1) tables++;
        return;
      case 'w:tr':
        if (tblDepth === 1) {
          row = [];
          rows.push(row);
          col = 0;
        }
        return;
      case 'w:gridBefore':
        if (tblDepth === 1) col += Number(localAttribute(attributes(tok.attrs), 'val') ?? 0) || 0;
        return;
      case 'w:tc':
        if (tblDepth === 1) cell = { span: 1, paragraphs: [] };
        return;
      case 'w:gridSpan':
        if (tblDepth === 1 && cell) cell.span = Math.max(1, Number(localAttribute(attributes(tok.attrs), 'val') ?? 1) || 1);
        return;
      case 'w:vMerge':
        if (tblDepth === 1 && cell) cell.vMerge = localAttribute(attributes(tok.attrs), 'val') === 'restart' ? 'restart' : 'continue';
        return;
      case 'w:p':
        if (!tok.selfClosing) para = [];
        else if (tblDepth > 0 && cell) cell.paragraphs.push('');
        return;
      case 'w:r':
        if (!tok.selfClosing) inRun++;
        return;
      case 'w:t':
        inText = !tok.selfClosing;
        return;
      case 'w:tab':
        if (inRun > 0) emit('\t');
        return;
      case 'w:br':
      case 'w:cr':
        emit('\n');
        return;
      case 'w:noBreakHyphen':
        emit('-');
        return;
      case 'w:sym': {
        const ch = (localAttribute(attributes(tok.attrs), 'char') ?? '').toUpperCase();
        const glyph = SYMBOLS[ch.length === 4 && ch.startsWith('0') ? `F${ch.slice(1)}` : ch];
        if (glyph) emit(glyph);
        return;
      }
      case 'w14:checkbox':
        sdtBox = false;
        return;
      case 'w14:checked':
        if (sdtBox !== undefined) sdtBox = /^(1|true|on)$/i.test(localAttribute(attributes(tok.attrs), 'val') ?? '1');
        return;
      case 'w:sdtContent':
        if (sdtBox !== undefined) {
          if (sdtContentDepth === 0) emit(sdtBox ? '☑' : '□');
          if (!tok.selfClosing) sdtContentDepth++;
        }
        return;
      case 'w:ffData':
        inFfData = !tok.selfClosing;
        return;
      case 'w:checkBox':
        if (inFfData) ffBox = false;
        return;
      case 'w:default':
        if (inFfData && ffBox !== undefined && tok.selfClosing) ffBox = /^(1|true|on)$/i.test(localAttribute(attributes(tok.attrs), 'val') ?? '0');
        return;
      case 'w:checked':
        if (inFfData && ffBox !== undefined) ffBox = /^(1|true|on)$/i.test(localAttribute(attributes(tok.attrs), 'val') ?? '1');
        return;
    }
  });

  function placeCell(c: CellBuild): void {
    const r = rows.length - 1;
    while (c.paragraphs.length && c.paragraphs[c.paragraphs.length - 1].trim() === '') c.paragraphs.pop();
    const text = c.paragraphs.join('\n');
    if (c.vMerge === 'continue') {
      const m = vertical.get(col);
      if (m) m.bottom = r;
      row![col] = null;
    } else {
      row![col] = text.trim() ? text : null;
      for (let k = col; k < col + c.span; k++) vertical.delete(k);
      if (c.span > 1 || c.vMerge === 'restart') {
        const m: MergedRange = { top: r, left: col, bottom: r, right: col + c.span - 1 };
        merges.push(m);
        if (c.vMerge === 'restart') vertical.set(col, m);
      }
    }
    for (let k = col + 1; k < col + c.span; k++) row![k] = null;
    col += c.span;
  }

  const used = merges.filter((m) => m.bottom > m.top || m.right > m.left);
  return { grid: { name, rows, merges: used }, tables };
}

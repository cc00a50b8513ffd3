/**
 * A small, fast reader for the workbooks Jiangxuan itself sends out (score sheets, the organiser's key), used when
 * consolidating: it reads the sheet list with each sheet's visibility, the cell values and formulas of the sheets
 * asked for, and the document's last-saved time — nothing else. exceljs takes ~40 ms per returned file (styles,
 * validations, protection, every cell's model); this takes a few, which is what keeps 50 experts' files under the
 * 3-second target. The bytes are sniffed first (../sniff.ts), so unusable files get the same precise
 * WorkbookReadError messages as everywhere else; arbitrary user workbooks (candidate and expert lists) still go
 * through exceljs (read-workbook.ts).
 *
 * Browser-safe: jszip and string scanning only.
 */
import JSZip from 'jszip';
import { parseCellAddress, type CellValue } from '../../../core/model/grid';
import { WorkbookReadError } from '../errors';
import { asBytes, type WorkbookBytes } from '../load';
import { sniffWorkbook } from '../sniff';
import { decodeXml } from '../ooxml/xml';
import { targetPart, workbookRelationships, workbookSheetParts, type WorkbookSheetPart } from '../ooxml/rels';
import { readPart } from '../ooxml/zip';

export type { SheetState } from '../ooxml/rels';

/** A sheet of the workbook: name, visibility and part. */
export type LiteSheetInfo = WorkbookSheetPart;

export interface LiteSheet {
  /** 0-based rows and columns, like the core's grid (cell A1 is rows[0][0]); formula cells give their cached result. */
  rows: CellValue[][];
  /** Formula text (without "=") by 0-based row * 16384 + col. */
  formulas: Map<number, string>;
}

export interface LiteWorkbook {
  sheets: LiteSheetInfo[];
  /** docProps/core.xml dcterms:modified: when the file was last saved (Excel, WPS and LibreOffice set it). */
  modified?: Date;
  read(sheet: LiteSheetInfo): Promise<LiteSheet>;
}

const T_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?t>/g;
const PHONETIC = /<(?:[A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh>/g;

/** Text of a string item (<si> or <is>): plain or rich runs, phonetic guides left out. */
function stringItemText(inner: string): string {
  const s = inner.indexOf('rPh') >= 0 ? inner.replace(PHONETIC, '') : inner;
  let out = '';
  T_ELEMENT.lastIndex = 0;
  for (let m = T_ELEMENT.exec(s); m; m = T_ELEMENT.exec(s)) out += m[1];
  return decodeXml(out);
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const SI = /<(?:[A-Za-z_][\w.-]*:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?si>)/g;
  for (let m = SI.exec(xml); m; m = SI.exec(xml)) out.push(m[1] ? stringItemText(m[1]) : '');
  return out;
}

// Cells are the hot loop: the two attributes needed are picked out directly instead of parsing them all.
const R_ATTR = /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const T_ATTR = /(?:^|\s)t\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function attrValue(attrs: string, re: RegExp): string | undefined {
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

const CELL_OR_ROW = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*?)(\/?)>/g;
const CELL_END = /<\/(?:[A-Za-z_][\w.-]*:)?c>/g;
const F_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?f(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?f>)/;
const V_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v>/;
const IS_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?is>/;

function parseSheet(xml: string, shared: readonly string[]): LiteSheet {
  const start = xml.search(/<(?:[A-Za-z_][\w.-]*:)?sheetData[\s>]/);
  const rows: CellValue[][] = [];
  const formulas = new Map<number, string>();
  if (start < 0) return { rows, formulas };
  const endMatch = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData>/.exec(xml.slice(start));
  const body = endMatch ? xml.slice(start, start + endMatch.index) : xml.slice(start);
  let row = -1;
  let col = -1;
  CELL_OR_ROW.lastIndex = 0;
  for (let m = CELL_OR_ROW.exec(body); m; m = CELL_OR_ROW.exec(body)) {
    const attrs = m[2];
    if (m[1] === 'row') {
      const r = Number(attrValue(attrs, R_ATTR));
      row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
      col = -1;
      continue;
    }
    let inner = '';
    if (!m[3]) {
      CELL_END.lastIndex = CELL_OR_ROW.lastIndex;
      const end = CELL_END.exec(body);
      if (!end) break;
      inner = body.slice(CELL_OR_ROW.lastIndex, end.index);
      CELL_OR_ROW.lastIndex = end.index + end[0].length;
    }
    const ref = attrValue(attrs, R_ATTR);
    const pos = ref ? parseCellAddress(ref) : undefined;
    if (pos) {
      row = pos.row;
      col = pos.col;
    } else {
      if (row < 0) row = 0;
      col++;
    }
    const f = inner ? F_ELEMENT.exec(inner) : null;
    if (f && f[1]) formulas.set(row * 16384 + col, decodeXml(f[1]));
    const value = cellValue(attrValue(attrs, T_ATTR), inner, shared);
    if (value === null) continue;
    let cells = rows[row];
    if (!cells) rows[row] = cells = [];
    cells[col] = value;
  }
  // Dense rows (null-padded), as the core's grid is.
  const width = rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    for (let c = 0; c < width; c++) if (cells[c] === undefined) cells[c] = null;
    rows[r] = cells;
  }
  return { rows, formulas };
}

function cellValue(type: string | undefined, inner: string, shared: readonly string[]): CellValue {
  if (type === 'inlineStr') {
    const is = IS_ELEMENT.exec(inner);
    return is ? stringItemText(is[1]) : null;
  }
  const v = V_ELEMENT.exec(inner);
  if (!v) return null;
  const raw = v[1];
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? null;
    case 'str':
      return decodeXml(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'e':
      return { error: decodeXml(raw) };
    case 'd': {
      const d = new Date(raw);
      return Number.isNaN(d.getTime()) ? decodeXml(raw) : d;
    }
    default: {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : null;
    }
  }
}

/** Opens workbook bytes; throws WorkbookReadError (only) when they are not a usable .xlsx. */
export async function openLiteWorkbook(input: WorkbookBytes): Promise<LiteWorkbook> {
  const bytes = asBytes(input);
  const sniffed = sniffWorkbook(bytes);
  if (!sniffed.ok) throw new WorkbookReadError(sniffed.code, { kind: sniffed.kind });
  let zip: JSZip;
  let workbookXml: string | undefined;
  let targets;
  try {
    zip = await JSZip.loadAsync(bytes);
    workbookXml = await readPart(zip, 'xl/workbook.xml');
    targets = await workbookRelationships(zip);
  } catch (cause) {
    throw new WorkbookReadError('truncated', { cause });
  }
  if (!workbookXml) throw new WorkbookReadError('truncated');
  const sheets = workbookSheetParts(workbookXml, targets);
  const sharedRel = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'));
  let shared: string[] | undefined;
  let modified: Date | undefined;
  try {
    const core = await readPart(zip, 'docProps/core.xml');
    const mm = core && /<dcterms:modified\b[^>]*>([^<]+)<\/dcterms:modified>/.exec(core);
    if (mm) {
      const d = new Date(mm[1].trim());
      if (!Number.isNaN(d.getTime())) modified = d;
    }
  } catch {
    // A missing or odd core.xml only loses the save time.
  }
  const wb: LiteWorkbook = {
    sheets,
    read: async (sheet) => {
      try {
        if (!shared) {
          const xml = await readPart(zip, sharedRel ? targetPart('xl/', sharedRel.target) : 'xl/sharedStrings.xml');
          shared = xml ? parseSharedStrings(xml) : [];
        }
        const xml = await readPart(zip, sheet.part);
        return xml ? parseSheet(xml, shared) : { rows: [], formulas: new Map() };
      } catch (cause) {
        throw new WorkbookReadError('truncated', { cause });
      }
    },
  };
  if (modified) wb.modified = modified;
  return wb;
}

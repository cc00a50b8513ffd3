/**
 * Writes plain rows straight into a worksheet part that exceljs has already produced (header, widths, frozen
 * panes, filter): the 评分明细 sheet of 50 experts × 300 candidates is 15,000 rows, and building them as XML text
 * takes a few milliseconds where exceljs' cell model takes over a second. Rows use the default style or copy the
 * styles of a row exceljs wrote (styleRow); strings are inline (<is>), formulas carry their cached result.
 * Browser-safe.
 */
import JSZip from 'jszip';
import { columnLetter } from '../../../core/scoring/metadata';
import { columnIndex } from '../../../core/model/grid';
import { worksheetPart } from '../ooxml/rels';
import { escapeXml as esc } from '../ooxml/xml';
import { readPart } from '../ooxml/zip';

/** A cell: number, text, a formula with its computed result, or nothing. */
export type RawCell = number | string | { f: string; v?: number | string } | null | undefined;

function cellXml(ref: string, v: RawCell, style: string): string {
  const s = style ? ` s="${style}"` : '';
  if (v === null || v === undefined || v === '') return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : '';
  if (typeof v === 'string') {
    const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`;
  }
  const f = `<f>${esc(v.f)}</f>`;
  if (typeof v.v === 'number') return `<c r="${ref}"${s}>${f}<v>${v.v}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${esc(v.v ?? '')}</v></c>`;
}

/** XML of rows `firstRow`, `firstRow + 1` … (1-based); styles[c] is the style index of column c, if any. */
export function rowsXml(firstRow: number, rows: readonly (readonly RawCell[])[], styles: readonly string[] = []): string {
  const letters: string[] = [];
  const parts: string[] = [];
  rows.forEach((cells, i) => {
    const r = firstRow + i;
    let inner = '';
    for (let c = 0; c < cells.length; c++) {
      const letter = letters[c] ?? (letters[c] = columnLetter(c + 1));
      inner += cellXml(letter + r, cells[c], styles[c] ?? '');
    }
    parts.push(`<row r="${r}">${inner}</row>`);
  });
  return parts.join('');
}

/** Style index of each cell of one written row (the "template" the appended rows copy). */
function rowStyles(sheetXml: string, row: number): string[] {
  const m = new RegExp(`<row r="${row}"[^>]*>([\\s\\S]*?)</row>`).exec(sheetXml);
  const out: string[] = [];
  if (!m) return out;
  for (const c of m[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)\/?>/g)) {
    const s = /\ss="(\d+)"/.exec(c[2]);
    if (s) out[columnIndex(c[1])] = s[1];
  }
  return out;
}

/**
 * Appends the rows at the end of the sheet's <sheetData> (the sheet must not already have rows from `firstRow`
 * on) and widens the <dimension> to cover them.
 */
export async function appendRows(
  zip: JSZip,
  sheetName: string,
  firstRow: number,
  rows: readonly (readonly RawCell[])[],
  width: number,
  opts: { styleRow?: number } = {},
): Promise<void> {
  if (!rows.length) return;
  const part = await worksheetPart(zip, sheetName);
  let xml = (await readPart(zip, part))!;
  const body = rowsXml(firstRow, rows, opts.styleRow ? rowStyles(xml, opts.styleRow) : []);
  if (/<sheetData\s*\/>/.test(xml)) xml = xml.replace(/<sheetData\s*\/>/, `<sheetData>${body}</sheetData>`);
  else xml = xml.replace('</sheetData>', `${body}</sheetData>`);
  const lastRow = firstRow + rows.length - 1;
  xml = xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${columnLetter(width)}${lastRow}"/>`);
  zip.file(part, xml);
}

/**
 * A printable document as plain data: title, lines above and below, one table of cells with spans, attached
 * pages. The core decides every word and the layout (forms, 汇总表, 统计表, 报送清单); the Word adapter only draws
 * it (adapters/docx/write-docx.ts). Widths are shares of the text width; heights are points.
 */

export type Align = 'left' | 'center' | 'right';

export interface DocParagraph {
  text: string;
  align?: Align;
  bold?: boolean;
  /** Smaller print (notes). */
  small?: boolean;
}

export interface DocCell {
  paragraphs: DocParagraph[];
  /** Columns the cell covers (default 1). */
  span?: number;
  /** A label cell: centred, shaded lightly. */
  label?: boolean;
}

export interface DocRow {
  cells: DocCell[];
  /** At least this tall (points): room to write by hand on a blank form, and to stamp. */
  minHeight?: number;
  /** Repeated at the top of every page (a table's header row). */
  header?: boolean;
}

export interface DocTable {
  /** Relative column widths (any scale). */
  columns: number[];
  rows: DocRow[];
}

export interface DocAttachment {
  heading: string;
  paragraphs: string[];
}

export interface PrintDocument {
  title: string;
  /** Lines between the title and the table ("推荐单位：…"). */
  above: DocParagraph[];
  table?: DocTable;
  /** Lines under the table (stamp block, notes). */
  below: DocParagraph[];
  /** Pages after the document (附页), each starting on a new page. */
  attachments: DocAttachment[];
  landscape?: boolean;
}

/** Text on one paragraph per line (a cell's value typed over several lines). */
export function paragraphsOf(text: string, align?: Align): DocParagraph[] {
  const lines = text.split(/\r?\n/);
  return lines.map((t) => (align ? { text: t, align } : { text: t }));
}

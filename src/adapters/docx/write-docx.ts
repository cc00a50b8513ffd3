/**
 * Draws a core PrintDocument (core/forms/document-model.ts) as a Word .docx with the `docx` package — never
 * string-built XML: A4, 宋体 10.5 pt (五号) in the table, the title in 黑体, fixed column widths so the printed form
 * keeps the notice's proportions, minimum row heights for handwriting and stamps, header rows repeated on every
 * page, each 附页 on a page of its own. Browser-safe (Packer.toArrayBuffer).
 */
import {
  AlignmentType,
  Document,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Align, DocCell, DocParagraph, DocRow, PrintDocument } from '../../core/forms/document-model';

/** A4 in twentieths of a point, and the margins (2 cm top and bottom, 2.2 cm left and right). */
const A4 = { short: 11906, long: 16838 };
const MARGIN = { top: 1134, bottom: 1134, side: 1247 };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
/** Half-points: 五号 10.5 pt, 小五 9 pt, 三号 16 pt. */
const SIZE = { body: 21, small: 18, title: 32 };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

function paragraph(p: DocParagraph, extra: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: p.align ? ALIGN[p.align] : undefined,
    spacing: { before: 0, after: 0 },
    pageBreakBefore: extra.pageBreakBefore,
    children: p.text ? [new TextRun({ text: p.text, bold: p.bold, size: p.small ? SIZE.small : SIZE.body, font: BODY_FONT })] : [],
  });
}

function cell(c: DocCell, width: number): TableCell {
  return new TableCell({
    children: (c.paragraphs.length ? c.paragraphs : [{ text: '' }]).map((p) => paragraph(p)),
    columnSpan: c.span && c.span > 1 ? c.span : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: c.label ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function row(r: DocRow, widths: readonly number[]): TableRow {
  let col = 0;
  const cells = r.cells.map((c) => {
    const span = c.span ?? 1;
    const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    col += span;
    return cell(c, w);
  });
  return new TableRow({
    children: cells,
    tableHeader: r.header || undefined,
    // Short rows stay whole on a page; long texts may continue on the next.
    cantSplit: r.minHeight === undefined || r.minHeight < 100 ? true : undefined,
    height: r.minHeight ? { value: Math.round(r.minHeight * 20), rule: HeightRule.ATLEAST } : undefined,
  });
}

/** The .docx bytes of a document. */
export async function writeDocx(doc: PrintDocument, meta: { creator?: string } = {}): Promise<Uint8Array> {
  const pageWidth = doc.landscape ? A4.long : A4.short;
  const textWidth = pageWidth - 2 * MARGIN.side;
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 200 },
      children: [new TextRun({ text: doc.title, bold: true, size: SIZE.title, font: TITLE_FONT })],
    }),
    ...doc.above.map((p) => paragraph(p)),
  ];
  if (doc.table) {
    const total = doc.table.columns.reduce((a, b) => a + b, 0);
    const widths = doc.table.columns.map((w) => Math.floor((w / total) * textWidth));
    children.push(
      new Table({
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        rows: doc.table.rows.map((r) => row(r, widths)),
      }),
    );
  }
  children.push(...doc.below.map((p) => paragraph(p)));
  for (const a of doc.attachments) {
    children.push(paragraph({ text: a.heading, bold: true }, { pageBreakBefore: true }));
    children.push(...a.paragraphs.map((t) => paragraph({ text: t })));
  }
  const document = new Document({
    creator: meta.creator ?? '匠选 Jiangxuan',
    title: doc.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.short, height: A4.long, orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

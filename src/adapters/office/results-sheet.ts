/// <reference types="office-js" />
/**
 * The "校验结果" sheet inside the open workbook: the same layout as the annotated copy written by the exceljs
 * adapter (adapters/exceljs/annotate.ts): a summary line, a header row, one row per finding with a
 * HYPERLINK to its cell, sorted by severity, sheet, row, column.
 */
import type { Finding, Lang } from '../../core/model/findings';
import { SEVERITY_FILL_HEX } from '../../core/report/colours';
import { ruleName } from '../../core/rules/catalogue';
import { internalLinkFormula, RESULT_HEADERS, RESULT_WIDTHS, RESULTS_SHEET_NAME, resultsPrintLayout, resultsSummaryLine, sortForResults, uniqueSheetName } from '../../core/report/results-table';
import { PRINT_HEADER, PRINT_MARGINS, printAreaAddress, printFooter, PrintLayout, titleColumnsAddress, titleRowsAddress } from '../../core/model/print-layout';
import { SEVERITY_LABELS } from '../../core/report/severity-labels';
import { Batcher, BATCH_BYTE_BUDGET, jsonBytes, OP_BYTES } from './limits';

// Labels, widths, summary line and order come from core/report/results-table.ts, shared with the annotated copy.
export { RESULT_HEADERS, RESULT_WIDTHS, RESULTS_SHEET_NAME, SEVERITY_LABELS, uniqueSheetName };

const LINK_COLOR = '#0563C1';
const HEADER_FILL = '#F2F2F2';

export interface ResultsSheetOptions {
  lang: Lang;
  programName?: string;
}

/** `=HYPERLINK("#'Sheet'!D7","D7")`, with the leading "=" Office.js formulas need. */
export function linkFormula(sheet: string, a1: string): string {
  return '=' + internalLinkFormula(sheet, a1);
}

export function summaryLine(findings: readonly Finding[], opts: ResultsSheetOptions): string {
  return resultsSummaryLine(findings, opts);
}

/** Rows of the results table, sorted like the annotated copy's. */
export function resultRows(findings: readonly Finding[], sheetOrder: readonly string[], lang: Lang, existing: ReadonlySet<string>): { severity: Finding['severity']; cells: string[] }[] {
  const order = new Map(sheetOrder.map((n, i) => [n, i]));
  const labels = SEVERITY_LABELS[lang];
  return sortForResults(
    findings.map((f, i) => ({ f, i, row: f.row, col: f.col })),
    order,
  )
    .map(({ f }) => ({
      severity: f.severity,
      cells: [labels[f.severity] ?? String(f.severity), f.sheet, existing.has(f.sheet) ? linkFormula(f.sheet, f.cell) : f.cell, ruleName(f, lang), f.message?.[lang] ?? '', f.nominee ?? ''],
    }));
}

function textFormats(rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, () => new Array<string>(cols).fill('@'));
}

function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Queues (re)creating the results sheet: deletes `previous` (ours, from an earlier run) when it exists,
 * adds a sheet with a free name, writes and formats the table. Returns the new sheet's name.
 * @requires ExcelApi 1.9 (resultsSheet)
 */
export async function queueResultsSheet(
  context: Excel.RequestContext,
  batcher: Batcher,
  findings: readonly Finding[],
  opts: ResultsSheetOptions,
  sheetNames: readonly string[],
  previous: string | undefined,
): Promise<string> {
  const lang = opts.lang;
  const worksheets = context.workbook.worksheets;
  const others = sheetNames.filter((n) => n !== previous);
  if (previous && sheetNames.includes(previous)) await batcher.add(OP_BYTES, () => worksheets.getItem(previous).delete());
  const name = uniqueSheetName(RESULTS_SHEET_NAME[lang], others);
  const ws = worksheets.add(name);
  await batcher.add(OP_BYTES + jsonBytes(name), () => undefined);

  const rows = resultRows(findings, sheetNames, lang, new Set(others));
  const headers = RESULT_HEADERS[lang];
  const title = summaryLine(findings, opts);
  const last = 2 + rows.length; // 1-based last row

  await batcher.add(OP_BYTES * 12 + last * 5 * 6 + jsonBytes(title) + headers.reduce((n, h) => n + jsonBytes(h), 0), () => {
    RESULT_WIDTHS.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(w)));
    // Text columns stay text whatever they hold (a nominee "1990", a sheet called "=A1").
    ws.getRange(`A1:B${last}`).numberFormat = textFormats(last, 2);
    ws.getRange(`D1:F${last}`).numberFormat = textFormats(last, 3);
    const t = ws.getRange('A1');
    t.values = [[title]];
    t.format.font.bold = true;
    t.format.font.size = 12;
    const h = ws.getRange('A2:F2');
    h.values = [[...headers]];
    h.format.font.bold = true;
    h.format.fill.color = HEADER_FILL;
    const edge = h.format.borders.getItem('EdgeBottom');
    edge.style = 'Continuous';
    edge.color = '#BFBFBF';
  });

  // Data rows in chunks that fit a request.
  let start = 0;
  while (start < rows.length) {
    let bytes = OP_BYTES;
    let end = start;
    while (end < rows.length) {
      const b = rows[end].cells.reduce((n, c) => n + jsonBytes(c) + 1, 0);
      if (end > start && bytes + b > BATCH_BYTE_BUDGET / 2) break;
      bytes += b;
      end++;
    }
    const chunk = rows.slice(start, end);
    const top = 3 + start;
    await batcher.add(bytes, () => {
      ws.getRange(`A${top}:F${top + chunk.length - 1}`).formulas = chunk.map((r) => r.cells);
    });
    start = end;
  }

  // Severity fills: rows are sorted by severity, so each severity is one run.
  let runStart = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i].severity === rows[runStart].severity) continue;
    const sev = rows[runStart].severity;
    const a = 3 + runStart;
    const b = 2 + i;
    await batcher.add(OP_BYTES, () => (ws.getRange(`A${a}:A${b}`).format.fill.color = SEVERITY_FILL_HEX[sev] ?? SEVERITY_FILL_HEX.info));
    runStart = i;
  }

  await batcher.add(OP_BYTES * 6, () => {
    if (rows.length) {
      const links = ws.getRange(`C3:C${last}`).format.font;
      links.color = LINK_COLOR;
      links.underline = 'Single';
      ws.getRange(`A3:F${last}`).format.verticalAlignment = 'Top';
      // Rule, message and nominee wrap (Excel grows the rows to fit): printed whole, never cut at the column edge.
      ws.getRange(`D3:F${last}`).format.wrapText = true;
    }
    ws.freezePanes.freezeRows(2);
    ws.autoFilter.apply(ws.getRange(`A2:F${last}`));
  });
  await batcher.add(OP_BYTES * 8, () => applyPrintLayout(ws, resultsPrintLayout(rows.length), lang));
  return name;
}

/**
 * The core's print layout on a sheet: A4, fit to its pages across, title rows, print area, sheet name and page
 * number. The same page setup as the annotated copy's results sheet (adapters/exceljs/page-setup.ts).
 * @requires ExcelApi 1.9 (resultsSheet)
 */
export function applyPrintLayout(ws: Excel.Worksheet, layout: PrintLayout, lang: Lang): void {
  const page = ws.pageLayout;
  page.orientation = layout.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  // verticalFitToPages 0 = automatic: as many pages tall as the rows need.
  page.zoom = { horizontalFitToPages: layout.pagesWide, verticalFitToPages: 0 };
  page.setPrintMargins('Inches', { ...PRINT_MARGINS });
  if (layout.titleRows) page.setPrintTitleRows(`$${titleRowsAddress(layout.titleRows).replace(':', ':$')}`);
  if (layout.titleColumns) page.setPrintTitleColumns(`$${titleColumnsAddress(layout.titleColumns).replace(':', ':$')}`);
  if (layout.area) page.setPrintArea(printAreaAddress(layout.area));
  const hf = page.headersFooters.defaultForAllPages;
  hf.centerHeader = PRINT_HEADER;
  hf.centerFooter = printFooter(lang);
}

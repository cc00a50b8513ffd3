/**
 * The 校验结果 table both adapters write (exceljs into an annotated copy, Office.js into the open workbook):
 * one definition, so the two look the same and cannot drift apart.
 */
import { countFindings, Finding, Lang, Localized } from '../model/findings';
import { SEVERITY_RANK } from './colours';
import { SEVERITY_LABELS } from './severity-labels';
import { sheetRef } from '../model/sheet-refs';
import { PrintLayout, tablePrintLayout } from '../model/print-layout';

export const RESULTS_SHEET_NAME: Localized = { zh: '校验结果', en: 'Check results' };
export const RESULT_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['级别', '工作表', '单元格', '规则', '说明', '被推荐人'],
  en: ['Severity', 'Sheet', 'Cell', 'Rule', 'Message', 'Nominee'],
};
/** Column widths in characters. (exceljs drops a width of exactly 9, its default, so none is 9.) */
export const RESULT_WIDTHS: readonly number[] = [10, 18, 10, 24, 72, 16];

/** Printed: A4 landscape one page wide, the summary line and the header on every page, only the table's rows. */
export function resultsPrintLayout(findingCount: number): PrintLayout {
  return tablePrintLayout(RESULT_WIDTHS, 2 + findingCount, [1, 2]);
}

export interface ResultsSummaryOptions {
  lang: Lang;
  programName?: string;
  /** Shown as is (e.g. an ISO timestamp); omitted when absent. */
  generatedAt?: string;
}

/** The table's first line: "匠选校验结果 · <programme> · 错误 2 · 警告 1 · 提示 0". */
export function resultsSummaryLine(findings: readonly Finding[], opts: ResultsSummaryOptions): string {
  const c = countFindings(findings);
  const L = SEVERITY_LABELS[opts.lang];
  const zh = opts.lang === 'zh';
  const parts: string[] = [zh ? '匠选校验结果' : 'Jiangxuan check results'];
  if (opts.programName) parts.push(opts.programName);
  parts.push(zh ? `${L.error} ${c.error} · ${L.warning} ${c.warning} · ${L.info} ${c.info}` : `Errors ${c.error} · Warnings ${c.warning} · Info ${c.info}`);
  if (opts.generatedAt) parts.push(zh ? `生成于 ${opts.generatedAt}` : `generated ${opts.generatedAt}`);
  if (findings.length === 0) parts.push(zh ? '未发现问题' : 'no problems found');
  return parts.join(' · ');
}

/** "校验结果", or "校验结果 (2)"… when taken (case-insensitive, as Excel compares sheet names). */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const set = new Set(taken.map((n) => n.toLowerCase()));
  if (!set.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!set.has(name.toLowerCase())) return name;
  }
}

/** `HYPERLINK("#'Sheet'!D7","D7")` without the leading "=", quotes doubled as each syntax needs. */
export function internalLinkFormula(sheetName: string, a1: string): string {
  const target = `#${sheetRef(sheetName, a1)}`;
  return `HYPERLINK("${target.replace(/"/g, '""')}","${a1}")`;
}

/** Order of the table: errors first, then by sheet (workbook order), row, column, and original order. */
export function sortForResults<T extends { f: Finding; i: number; row: number; col: number }>(items: T[], sheetOrder: ReadonlyMap<string, number>): T[] {
  return items.sort(
    (a, b) =>
      SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] ||
      (sheetOrder.get(a.f.sheet) ?? 1e9) - (sheetOrder.get(b.f.sheet) ?? 1e9) ||
      a.row - b.row ||
      a.col - b.col ||
      a.i - b.i,
  );
}

/**
 * The mark plan: which cell gets which mark, decided once for every host. From findings to "cell → worst
 * severity, fill colour, note lines"; the exceljs annotated copy, the Excel add-in and the WPS add-in only
 * apply it (each with its own note prefix and write calls).
 */
import type { Finding, Lang, Severity } from '../model/findings';
import { cellAddress, MergedRange, parseCellAddress } from '../model/grid';
import { SEVERITY_FILL_ARGB, SEVERITY_FILL_HEX, SEVERITY_RANK, worseSeverity } from '../report/colours';
import { SEVERITY_LABELS } from '../report/severity-labels';
import { ruleName } from '../rules/catalogue';

/** Excel's grid: a finding outside it cannot be placed on a cell (it is still listed). */
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export interface CellMark {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  /** "D7". */
  a1: string;
  /** `sheet` + U+0001 + a1: unique per cell, for maps and sets. */
  key: string;
  /** The worst severity of the cell's findings: it decides the fill. */
  severity: Severity;
  /** Fill colour as "#FFC7CE" (Office.js, CSS) and "FFFFC7CE" (OOXML ARGB). */
  fillHex: string;
  fillArgb: string;
  /** One line per finding, worst first, then in the order found; identical lines once ("错误：…"). */
  lines: string[];
  findings: Finding[];
}

export interface MarkPlan {
  /** One entry per marked cell, in workbook order of the findings' first appearance. */
  cells: CellMark[];
  /** Findings that point at no cell (a broken address): hosts list them only. */
  unplaced: Finding[];
}

export interface MarkPlanOptions {
  lang: Lang;
  /**
   * Merged areas per sheet, when the host knows them: a finding on a covered cell is marked on the area's
   * top-left cell (the only one Excel shows and can hold a note).
   */
  merges?: (sheet: string) => readonly MergedRange[] | undefined;
}

export function cellKey(sheet: string, a1: string): string {
  return `${sheet}\u0001${a1}`;
}

/** 0-based position of a finding: row/col when sane, else its A1 address; undefined when neither places it. */
export function findingCell(f: Finding): { row: number; col: number } | undefined {
  if (Number.isInteger(f.row) && Number.isInteger(f.col) && f.row >= 0 && f.col >= 0 && f.row < MAX_ROWS && f.col < MAX_COLS) return { row: f.row, col: f.col };
  const p = typeof f.cell === 'string' ? parseCellAddress(f.cell) : undefined;
  return p && p.row < MAX_ROWS && p.col < MAX_COLS ? p : undefined;
}

/** One note line: "错误：…" / "Error: …"; a finding without a message shows its rule's human name, never its id. */
export function noteLine(f: Finding, lang: Lang): string {
  return `${SEVERITY_LABELS[lang][f.severity]}${lang === 'zh' ? '：' : ': '}${f.message?.[lang] || ruleName(f, lang)}`;
}

function mergeOwner(merges: readonly MergedRange[] | undefined, row: number, col: number): MergedRange | undefined {
  if (!merges) return undefined;
  for (const m of merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  return undefined;
}

export function planMarks(findings: readonly Finding[], opts: MarkPlanOptions): MarkPlan {
  const lang: Lang = opts.lang === 'en' ? 'en' : 'zh';
  const byKey = new Map<string, { sheet: string; row: number; col: number; list: Finding[] }>();
  const unplaced: Finding[] = [];
  const mergeCache = new Map<string, readonly MergedRange[] | undefined>();
  for (const f of findings) {
    let pos = findingCell(f);
    if (!pos) {
      unplaced.push(f);
      continue;
    }
    if (opts.merges) {
      if (!mergeCache.has(f.sheet)) mergeCache.set(f.sheet, opts.merges(f.sheet));
      const m = mergeOwner(mergeCache.get(f.sheet), pos.row, pos.col);
      if (m) pos = { row: m.top, col: m.left };
    }
    const key = cellKey(f.sheet, cellAddress(pos.row, pos.col));
    const e = byKey.get(key);
    if (e) e.list.push(f);
    else byKey.set(key, { sheet: f.sheet, row: pos.row, col: pos.col, list: [f] });
  }
  const cells: CellMark[] = [];
  for (const [key, { sheet, row, col, list }] of byKey) {
    let worst: Severity | undefined;
    for (const f of list) worst = worseSeverity(worst, f.severity);
    const severity = worst ?? 'info';
    const ordered = list
      .map((f, i) => ({ f, i }))
      .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
      .map(({ f }) => noteLine(f, lang));
    cells.push({
      sheet,
      row,
      col,
      a1: cellAddress(row, col),
      key,
      severity,
      fillHex: SEVERITY_FILL_HEX[severity],
      fillArgb: SEVERITY_FILL_ARGB[severity],
      lines: [...new Set(ordered)],
      findings: list,
    });
  }
  return { cells, unplaced };
}

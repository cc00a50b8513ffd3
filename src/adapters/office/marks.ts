/// <reference types="office-js" />
/**
 * Marks that never touch the user's formatting: each problem cell is coloured by a conditional format that
 * Jiangxuan owns — one rule per severity and sheet (more only when the address list is long), over the cells of
 * that severity, added on top of the user's own rules. The cells' own fills, fonts, notes and comments are never
 * written, so clearing is exact whatever happened in between: deleting our rules leaves every cell as the user
 * left it. A rule is found again by the tag in its formula (=ISTEXT("匠选标注:错误"), always true), which also
 * finds the copies Excel makes when a user copies a marked cell's formats elsewhere. The explanation of each
 * mark is in the task pane (and, when asked, the results sheet): no comment or note is written (Excel allows
 * only one of them per cell, cannot list notes before ExcelApi 1.18, and threaded comments notify co-authors).
 *
 * Syncs, whatever the number of rows:
 *   1. sheet names and protection, workbook protection, our setting;
 *   2. the conditional formats of the sheets in scope (id, type);  3. the formulas of the custom ones
 *      (skipped when there are none);
 *   4. the writes: our old rules deleted, the new ones added, the results sheet, the setting.
 * ExcelApi 1.9 (Worksheet.getRanges, RangeAreas.conditionalFormats); clearing needs only 1.6 and works on any Excel
 * the add-in opens in. Protected sheets are left alone and reported.
 */
import type { Finding, Lang, Severity } from '../../core/model/findings';
import type { MergedRange } from '../../core/model/grid';
import { planMarks } from '../../core/check/mark-plan';
import { SEVERITY_FILL_HEX } from '../../core/report/colours';
import { boundsAddress, type Bounds } from './address';
import { Batcher, jsonBytes, OP_BYTES } from './limits';
import { queueResultsSheet } from './results-sheet';
import { supports } from './requirements';
import { queueReadStore, queueWriteStore, type Store } from './store';

/** The tag in every rule Jiangxuan adds; Excel keeps it in the formula, so it survives save, copy and reopen. */
export const MARK_TAG = '匠选标注';

const TAG_WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The rule's formula: always true, and says whose it is. */
export function markFormula(severity: Severity): string {
  return `=ISTEXT("${MARK_TAG}:${TAG_WORD[severity]}")`;
}

export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.includes(MARK_TAG);
}

/** Longest address list one rule gets (Excel's own limit is not documented; this stays well inside it). */
export const MAX_RULE_ADDRESS = 2000;

export interface MarkOptions {
  lang: Lang;
  resultsSheet: boolean;
  programName: string;
  /** Merged areas per sheet: a finding under a merged area is marked on its top-left cell. */
  merges?: (sheet: string) => readonly MergedRange[] | undefined;
}

export interface MarkReport {
  /** Cells marked. */
  marked: number;
  /** Sheets whose problems could not be marked (or unmarked) because they are protected. */
  protectedSheets?: string[];
  /** This Excel cannot mark (below ExcelApi 1.9): the problems are in the pane only. */
  unsupported?: boolean;
  /** What happened to the results sheet. */
  resultsSheet?: 'written' | 'removed' | 'workbook-protected' | 'unsupported';
}

/** Cells of one sheet and severity → rectangles: vertical runs, then equal runs of adjacent columns joined. */
export function cellsToAreas(cells: readonly { row: number; col: number }[]): Bounds[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Bounds[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.left === c.col && last.bottom + 1 === c.row) last.bottom = c.row;
    else if (!(last && last.left === c.col && last.bottom >= c.row)) runs.push({ top: c.row, bottom: c.row, left: c.col, right: c.col });
  }
  const out: Bounds[] = [];
  for (const r of runs) {
    const prev = out.find((o) => o.top === r.top && o.bottom === r.bottom && o.right + 1 === r.left);
    if (prev) prev.right = r.right;
    else out.push({ ...r });
  }
  return out;
}

/** Address lists of at most MAX_RULE_ADDRESS characters ("C3:C9,E4"). */
export function addressChunks(areas: readonly Bounds[], max = MAX_RULE_ADDRESS): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const a of areas) {
    const s = boundsAddress(a);
    if (cur && cur.length + 1 + s.length > max) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${s}` : s;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

interface SheetInfo {
  name: string;
  protected: boolean;
}

interface Basics {
  sheets: SheetInfo[];
  structureProtected: boolean;
  store: Store;
  storeExists: boolean;
}

/** Sync 1: sheets and their protection, the workbook's protection, our setting. */
async function readBasics(context: Excel.RequestContext): Promise<Basics> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const protection = context.workbook.protection.load('protected');
  const store = queueReadStore(context);
  await context.sync();
  const s = store();
  return {
    sheets: worksheets.items.map((w) => ({ name: w.name, protected: !!w.protection.protected })),
    structureProtected: !!protection.protected,
    store: s.store,
    storeExists: s.exists,
  };
}

/** Syncs 2–3: our rules on the given sheets (tag in the formula). */
async function findOurRules(context: Excel.RequestContext, sheets: readonly string[]): Promise<{ sheet: string; rule: Excel.ConditionalFormat }[]> {
  if (!sheets.length) return [];
  const lists = sheets.map((name) => ({ name, cfs: context.workbook.worksheets.getItem(name).getRange().conditionalFormats.load('items/id,items/type') }));
  await context.sync();
  const custom = lists.flatMap(({ name, cfs }) => cfs.items.filter((cf) => cf.type === 'Custom').map((cf) => ({ sheet: name, rule: cf, f: cf.custom.rule.load('formula') })));
  if (!custom.length) return [];
  await context.sync();
  return custom.filter((c) => isMarkFormula(c.f.formula)).map(({ sheet, rule }) => ({ sheet, rule }));
}

export type ResultsAction = 'rewrite' | 'remove' | 'keep';

export interface MarkPlan {
  findings: readonly Finding[];
  opts: MarkOptions;
  /** Colour the problem cells (false: only the results sheet is looked after). */
  cells: boolean;
  /** Only these sheets are re-marked (live re-checks); undefined: every sheet. */
  sheets?: ReadonlySet<string>;
  results: ResultsAction;
}

/**
 * Replaces Jiangxuan's marks on the sheets in scope with those of `findings`, and writes, removes or keeps the
 * results sheet. Below ExcelApi 1.9 nothing is written and the report says so.
 * @requires ExcelApi 1.9 (marks)
 */
export async function applyMarks(context: Excel.RequestContext, plan: MarkPlan): Promise<MarkReport> {
  const lang: Lang = plan.opts.lang === 'en' ? 'en' : 'zh';
  const report: MarkReport = { marked: 0 };
  if (!supports('marks')) {
    report.unsupported = true;
    if (plan.results === 'rewrite') report.resultsSheet = 'unsupported';
    return report;
  }
  const basics = await readBasics(context);
  const names = new Set(basics.sheets.map((s) => s.name));
  const resultsName = basics.store.results && names.has(basics.store.results) ? basics.store.results : undefined;
  const inScope = (n: string) => n !== resultsName && (!plan.sheets || plan.sheets.has(n));
  const locked = new Set(basics.sheets.filter((s) => s.protected).map((s) => s.name));

  const scope = plan.cells ? basics.sheets.map((s) => s.name).filter((n) => inScope(n) && !locked.has(n)) : [];
  const old = await findOurRules(context, scope);

  // The new marks, by sheet and severity.
  const bySheet = new Map<string, Map<Severity, { row: number; col: number }[]>>();
  const blocked = new Set<string>();
  if (plan.cells) {
    for (const m of planMarks(plan.findings, { lang, merges: plan.opts.merges }).cells) {
      if (!names.has(m.sheet) || !inScope(m.sheet)) continue;
      if (locked.has(m.sheet)) {
        blocked.add(m.sheet);
        continue;
      }
      let sevs = bySheet.get(m.sheet);
      if (!sevs) bySheet.set(m.sheet, (sevs = new Map()));
      const list = sevs.get(m.severity) ?? [];
      list.push({ row: m.row, col: m.col });
      sevs.set(m.severity, list);
      report.marked++;
    }
  }

  // Sync 4: the writes, packed by the payload budget.
  const batcher = new Batcher(context);
  for (const { rule } of old) await batcher.add(OP_BYTES, () => rule.delete());
  for (const [sheet, sevs] of bySheet) {
    const ws = context.workbook.worksheets.getItem(sheet);
    // Added lowest severity first: each add goes on top, so errors end up above warnings above notes.
    for (const sev of ['info', 'warning', 'error'] as const) {
      const cells = sevs.get(sev);
      if (!cells?.length) continue;
      for (const address of addressChunks(cellsToAreas(cells))) {
        await batcher.add(OP_BYTES * 4 + jsonBytes(address), () => {
          const cf = ws.getRanges(address).conditionalFormats.add('Custom');
          cf.custom.rule.formula = markFormula(sev);
          cf.custom.format.fill.color = SEVERITY_FILL_HEX[sev];
        });
      }
    }
  }

  const store: Store = { ...basics.store };
  if (plan.results === 'rewrite') {
    if (basics.structureProtected) report.resultsSheet = 'workbook-protected';
    else if (!supports('resultsSheet')) report.resultsSheet = 'unsupported';
    else {
      const all = basics.sheets.map((s) => s.name);
      store.results = await queueResultsSheet(context, batcher, plan.findings, { lang, programName: plan.opts.programName }, all, resultsName);
      report.resultsSheet = 'written';
    }
  } else if (plan.results === 'remove' && resultsName) {
    if (basics.structureProtected) report.resultsSheet = 'workbook-protected';
    else {
      await batcher.add(OP_BYTES, () => context.workbook.worksheets.getItem(resultsName).delete());
      delete store.results;
      report.resultsSheet = 'removed';
    }
  } else if (plan.results === 'remove' && basics.store.results) {
    delete store.results; // the sheet was deleted by the user
  }
  if (store.results !== basics.store.results) await batcher.add(OP_BYTES * 2, () => queueWriteStore(context, store, basics.storeExists));
  await batcher.flush();

  if (blocked.size) report.protectedSheets = [...blocked];
  return report;
}

/**
 * Marks findings (replacing earlier marks) and writes or removes the results sheet.
 * @requires ExcelApi 1.9 (marks)
 */
export function markFindings(context: Excel.RequestContext, findings: readonly Finding[], opts: MarkOptions): Promise<MarkReport> {
  return applyMarks(context, { findings, opts, cells: true, results: opts.resultsSheet ? 'rewrite' : 'remove' });
}

export interface ClearReport {
  /** Rules removed. */
  removed: number;
  /** Sheets that still carry marks because they are protected. */
  protectedSheets?: string[];
  /** The results sheet could not be removed: the workbook's structure is protected. */
  resultsKept?: boolean;
}

/**
 * Removes every mark (our rules, wherever they are) and the results sheet. The users' own conditional formats,
 * fills, notes and comments are never touched. Works from ExcelApi 1.6, so on every Excel the add-in opens in.
 */
export async function clearMarks(context: Excel.RequestContext): Promise<ClearReport> {
  const basics = await readBasics(context);
  const resultsName = basics.store.results && basics.sheets.some((s) => s.name === basics.store.results) ? basics.store.results : undefined;
  const ours = await findOurRules(
    context,
    basics.sheets.map((s) => s.name).filter((n) => n !== resultsName),
  );
  const locked = new Set(basics.sheets.filter((s) => s.protected).map((s) => s.name));
  const report: ClearReport = { removed: 0 };
  const batcher = new Batcher(context);
  const stuck = new Set<string>();
  for (const { sheet, rule } of ours) {
    if (locked.has(sheet)) {
      stuck.add(sheet);
      continue;
    }
    report.removed++;
    await batcher.add(OP_BYTES, () => rule.delete());
  }
  const store: Store = { ...basics.store };
  if (resultsName) {
    if (basics.structureProtected) report.resultsKept = true;
    else {
      await batcher.add(OP_BYTES, () => context.workbook.worksheets.getItem(resultsName).delete());
      delete store.results;
    }
  } else delete store.results;
  if (store.results !== basics.store.results) await batcher.add(OP_BYTES * 2, () => queueWriteStore(context, store, basics.storeExists));
  await batcher.flush();
  if (stuck.size) report.protectedSheets = [...stuck];
  return report;
}

/// <reference types="office-js" />
/**
 * Marking findings in the open workbook, reversibly: a severity fill and a comment on each problem cell, the
 * cell's previous look remembered in a veryHidden sheet (state.ts). Values are never written.
 *
 * Syncs, whatever the number of rows (each step is split further only when its payload exceeds a request):
 *   1. sheet names, comments (ids, texts) and the saved state (+1 the very first time: no state sheet yet);
 *   2. current fills of the cells to mark or restore, and comment locations;
 *   3. the state, then the writes (fills, comments, results sheet);
 *   4. only when comments were added (or the results sheet got a new name): the state again, with their ids.
 */
import type { Finding, Lang, Severity } from '../../core/model/findings';
import { cellAddress, parseCellAddress } from '../../core/model/grid';
import { planMarks, type CellMark as PlannedMark } from '../../core/check/mark-plan';
import { boundsAddress, cellKey, splitSheet } from './address';
import { Batcher, BATCH_BYTE_BUDGET, COMMENT_ADD_BYTES, COMMENT_ADD_RESPONSE, errorCode, FILL_CELL_BYTES, jsonBytes, LOCATION_LOAD_BYTES, LOCATION_LOAD_RESPONSE, OP_BYTES, RANGE_OP_BYTES } from './limits';
import { queueResultsSheet } from './results-sheet';
import { COMMENT_PREFIX, MarkRecord, newMeta, parseState, SavedFill, serializeState, shiftRecords, STATE_SHEET, StateMeta, StructuralChange } from './state';

export interface MarkOptions {
  lang: Lang;
  resultsSheet: boolean;
  programName: string;
}

const FILL_LOAD: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } },
};

/** A cell of a sheet (0-based), keyed by cellKey. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
  key: string;
}

/**
 * Vertical runs of consecutive cells of one column for which `same` holds pairwise: findings sit in columns
 * (every ID of a table), so one range operation per run replaces one per cell.
 */
export function columnRuns<T extends CellRef>(cells: readonly T[], same: (a: T, b: T) => boolean = () => true): T[][] {
  const sorted = [...cells].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row));
  const runs: T[][] = [];
  let run: T[] = [];
  for (const c of sorted) {
    const prev = run[run.length - 1];
    if (prev && prev.sheet === c.sheet && prev.col === c.col && c.row === prev.row + 1 && same(prev, c)) run.push(c);
    else {
      if (run.length) runs.push(run);
      run = [c];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

function runAddress(run: readonly CellRef[]): string {
  return boundsAddress({ top: run[0].row, left: run[0].col, bottom: run[run.length - 1].row, right: run[0].col });
}

function refOf(sheet: string, a1: string): CellRef {
  const p = parseCellAddress(a1)!;
  return { sheet, row: p.row, col: p.col, key: cellKey(sheet, a1) };
}

/**
 * Queues reading the fills of cells, one getCellProperties per column run (ExcelApi 1.9); the returned
 * function gives each cell's fill after the batcher's flush.
 */
async function queueFillReads(context: Excel.RequestContext, batcher: Batcher, cells: readonly CellRef[]): Promise<() => Map<string, LoadedFill>> {
  const results: { run: CellRef[]; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  const maxCells = Math.floor(BATCH_BYTE_BUDGET / 2 / FILL_CELL_BYTES);
  const runs = columnRuns(cells).flatMap((run) => Array.from({ length: Math.ceil(run.length / maxCells) }, (_, i) => run.slice(i * maxCells, (i + 1) * maxCells)));
  for (const run of runs) {
    await batcher.add(
      RANGE_OP_BYTES,
      () => {
        const result = context.workbook.worksheets.getItem(run[0].sheet).getRange(runAddress(run)).getCellProperties(FILL_LOAD);
        results.push({ run, result });
      },
      run.length * FILL_CELL_BYTES,
    );
  }
  return () => {
    const out = new Map<string, LoadedFill>();
    for (const { run, result } of results) run.forEach((c, i) => out.set(c.key, (result.value[i]?.[0]?.format?.fill ?? {}) as LoadedFill));
    return out;
  };
}

/** Queues restoring saved fills, one operation per column run with the same saved fill. */
async function queueRestores(context: Excel.RequestContext, batcher: Batcher, cells: readonly (CellRef & { saved: SavedFill })[]): Promise<void> {
  const same = (a: { saved: SavedFill }, b: { saved: SavedFill }) => JSON.stringify(a.saved) === JSON.stringify(b.saved);
  for (const run of columnRuns(cells, same)) {
    await batcher.add(RANGE_OP_BYTES + OP_BYTES * 4, () => restoreFill(context.workbook.worksheets.getItem(run[0].sheet).getRange(runAddress(run)).format.fill, run[0].saved));
  }
}

/** Our comment for a cell: 【匠选】 then the mark plan's lines (worst first, identical lines once). */
export function commentText(mark: Pick<PlannedMark, 'lines'>): string {
  return COMMENT_PREFIX + mark.lines.join('\n');
}

export interface CellMark {
  sheet: string;
  a1: string;
  key: string;
  severity: Severity;
  /** "#FFC7CE": the severity's fill. */
  fill: string;
  text: string;
}

/** The core's mark plan as this adapter applies it: per cell key, the severity and the comment text. */
export function groupByCell(findings: readonly Finding[], lang: Lang): Map<string, CellMark> {
  const out = new Map<string, CellMark>();
  for (const m of planMarks(findings, { lang }).cells) out.set(m.key, { sheet: m.sheet, a1: m.a1, key: m.key, severity: m.severity, fill: m.fillHex, text: commentText(m) });
  return out;
}

interface LoadedFill {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export function snapshotFill(f: LoadedFill): SavedFill {
  const color = typeof f.color === 'string' ? f.color.toUpperCase() : undefined;
  const pattern = typeof f.pattern === 'string' ? f.pattern : color && color !== '#FFFFFF' ? 'Solid' : 'None';
  if (pattern === 'None') return { p: 'None' };
  const s: SavedFill = { p: pattern };
  if (color) s.c = color;
  if (pattern !== 'Solid' && typeof f.patternColor === 'string') s.pc = f.patternColor.toUpperCase();
  if (typeof f.tintAndShade === 'number' && f.tintAndShade !== 0) s.t = f.tintAndShade;
  if (typeof f.patternTintAndShade === 'number' && f.patternTintAndShade !== 0) s.pt = f.patternTintAndShade;
  return s;
}

/** True while the cell still shows the colour we set. */
export function showsOurFill(f: LoadedFill, colour: string): boolean {
  const pattern = typeof f.pattern === 'string' ? f.pattern : 'Solid';
  return pattern === 'Solid' && typeof f.color === 'string' && f.color.toUpperCase() === colour.toUpperCase() && !f.tintAndShade;
}

/** Queues putting a saved fill back. */
export function restoreFill(fill: Excel.RangeFill, saved: SavedFill): void {
  fill.clear();
  if (saved.p === 'None') return;
  fill.color = saved.c ?? '#FFFFFF';
  if (saved.p !== 'Solid') {
    fill.pattern = saved.p as Excel.FillPattern;
    if (saved.pc) fill.patternColor = saved.pc;
  }
  if (saved.t) fill.tintAndShade = saved.t;
  if (saved.pt) fill.patternTintAndShade = saved.pt;
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();
}

interface CommentInfo {
  id: string;
  content: string;
}

export interface Basics {
  names: string[];
  /** Protected sheets: fills and comments would fail there, so they are left alone. */
  protectedSheets: Set<string>;
  comments: CommentInfo[];
  /** Absent when there is no state sheet. */
  state?: { meta?: StateMeta; records: MarkRecord[]; rows: number };
}

/**
 * Sheet names, comments and the saved state in one sync. The state sheet is asked for optimistically; when it
 * does not exist (first run) Excel rejects the request and it is repeated without it.
 */
export async function readBasics(context: Excel.RequestContext): Promise<Basics> {
  const attempt = async (withState: boolean): Promise<Basics> => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/protection/protected');
    const comments = context.workbook.comments;
    comments.load('items/id,items/content');
    const used = withState ? context.workbook.worksheets.getItem(STATE_SHEET).getUsedRange(true).load('values,rowIndex') : undefined;
    await context.sync();
    const basics: Basics = {
      names: worksheets.items.map((w) => w.name),
      protectedSheets: new Set(worksheets.items.filter((w) => w.protection?.protected).map((w) => w.name)),
      comments: comments.items.map((c) => ({ id: c.id, content: c.content ?? '' })),
    };
    if (used) {
      const values = used.values as unknown[][];
      const parsed = used.rowIndex === 0 ? parseState(values) : { records: [] };
      basics.state = { ...parsed, rows: used.rowIndex + values.length };
    }
    return basics;
  };
  try {
    return await attempt(true);
  } catch (e) {
    if (errorCode(e) !== 'ItemNotFound') throw e;
    return attempt(false);
  }
}

/** Queues writing the state sheet (creating it veryHidden when needed, deleting it when nothing is left). */
async function queueState(context: Excel.RequestContext, batcher: Batcher, basics: Basics, meta: StateMeta, records: readonly MarkRecord[], keep = false): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const exists = basics.state !== undefined;
  if (records.length === 0 && !meta.results && !keep) {
    if (exists) {
      await batcher.add(OP_BYTES * 2, () => {
        const ws = worksheets.getItem(STATE_SHEET);
        ws.visibility = 'Hidden'; // a veryHidden sheet cannot be deleted
        ws.delete();
      });
    }
    return;
  }
  let ws: Excel.Worksheet;
  if (exists) ws = worksheets.getItem(STATE_SHEET);
  else {
    ws = worksheets.add(STATE_SHEET);
    ws.visibility = 'VeryHidden';
  }
  const rows = serializeState(meta, records);
  let start = 0;
  while (start < rows.length) {
    let bytes = OP_BYTES;
    let end = start;
    while (end < rows.length && (end === start || bytes + jsonBytes(rows[end][0]) + 4 <= BATCH_BYTE_BUDGET / 2)) {
      bytes += jsonBytes(rows[end][0]) + 4;
      end++;
    }
    const chunk = rows.slice(start, end);
    const top = start + 1;
    await batcher.add(bytes, () => (ws.getRange(`A${top}:A${top + chunk.length - 1}`).values = chunk));
    start = end;
  }
  const old = basics.state?.rows ?? 0;
  if (old > rows.length) await batcher.add(OP_BYTES, () => ws.getRange(`A${rows.length + 1}:A${old}`).clear());
}

export type ResultsAction = 'rewrite' | 'remove' | 'keep';

export interface MarkPlan {
  findings: readonly Finding[];
  opts: MarkOptions;
  /** Only these cells (cellKey) are marked or restored; undefined: every cell (markFindings). */
  scope?: ReadonlySet<string>;
  /** Rows/columns inserted or deleted since the state was written (LiveChecker). */
  changes?: readonly StructuralChange[];
  results: ResultsAction;
}

/** The marking engine behind markFindings (whole workbook) and LiveChecker (only the cells that changed). */
export async function applyMarks(context: Excel.RequestContext, plan: MarkPlan): Promise<{ marked: number; protectedSheets?: string[] }> {
  const { opts, scope } = plan;
  const lang: Lang = opts.lang === 'en' ? 'en' : 'zh';

  // Sync 1.
  const basics = await readBasics(context);
  const names = new Set(basics.names);
  const meta = newMeta(basics.state?.meta?.results);
  const ourSheets = new Set([STATE_SHEET, ...(meta.results ? [meta.results] : [])]);
  let records = basics.state?.records ?? [];
  if (plan.changes?.length) records = shiftRecords(records, plan.changes);
  const recs = new Map<string, MarkRecord>();
  const kept: MarkRecord[] = []; // records of protected sheets: kept as they are until the sheet is unprotected
  for (const r of records) {
    if (!names.has(r.s)) continue;
    if (basics.protectedSheets.has(r.s)) kept.push(r);
    else recs.set(cellKey(r.s, r.a), r);
  }

  const targets = new Map<string, CellMark>();
  for (const [key, m] of groupByCell(plan.findings, lang)) {
    if (!names.has(m.sheet) || ourSheets.has(m.sheet) || basics.protectedSheets.has(m.sheet)) continue;
    if (scope && !scope.has(key)) continue;
    targets.set(key, m);
  }
  // Cells that inherited our fill from a marked neighbour when rows/columns were inserted are always looked at.
  const inScope = (key: string) => !scope || scope.has(key) || recs.get(key)?.i === 1;
  const restore = [...recs.entries()].filter(([key]) => !targets.has(key) && inScope(key));

  const contentById = new Map(basics.comments.map((c) => [c.id, c.content]));
  const tracked = new Set(records.map((r) => r.c).filter((c): c is string => !!c));

  // Sync 2: fills of every cell we will touch, and where the comments are.
  const sheetCache = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => {
    let ws = sheetCache.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheetCache.set(name, ws);
    }
    return ws;
  };
  const batcher = new Batcher(context);
  const toRead = [...[...targets.values()].map((t) => refOf(t.sheet, t.a1)), ...restore.map(([, r]) => refOf(r.s, r.a))];
  const fillsAfterSync = await queueFillReads(context, batcher, toRead);
  // markFindings locates every comment; LiveChecker locates the users' comments and ours of the cells in scope
  // (a marked cell cut and pasted elsewhere took its comment along).
  const scopedIds = new Set([...targets.keys(), ...restore.map(([k]) => k)].map((k) => recs.get(k)?.c).filter((c): c is string => !!c));
  const toLocate = scope ? basics.comments.filter((c) => !tracked.has(c.id) || scopedIds.has(c.id)) : basics.comments;
  const located: { id: string; range: Excel.Range }[] = [];
  const items = context.workbook.comments;
  for (const c of toLocate) {
    await batcher.add(LOCATION_LOAD_BYTES, () => located.push({ id: c.id, range: items.getItem(c.id).getLocation().load('address') }), LOCATION_LOAD_RESPONSE);
  }
  await batcher.flush();
  const fills = fillsAfterSync();

  const commentAt = new Map<string, CommentInfo>();
  const keyOfComment = new Map<string, string>();
  for (const { id, range } of located) {
    const { sheet: s, local } = splitSheet(range.address);
    const pos = parseCellAddress(local.split(':')[0]);
    if (s === undefined || !pos) continue;
    const key = cellKey(s, cellAddress(pos.row, pos.col));
    commentAt.set(key, { id, content: contentById.get(id) ?? '' });
    keyOfComment.set(id, key);
  }
  const isOurs = (c: CommentInfo) => tracked.has(c.id) || c.content.startsWith(COMMENT_PREFIX);

  // Sync 3: the writes. They are collected first and sent after the state that describes them, so that a
  // request Excel rejects half-way never leaves a marked cell unrecorded (clearMarks skips cells that do not
  // show our colour, and finds our untracked comments by their prefix).
  const writes: { request: number; response: number; run: () => void }[] = [];
  const write = (request: number, run: () => void, response = 0) => writes.push({ request, response, run });
  const claimed = new Set<string>();
  const maybeDelete = new Set<string>();
  const added: { rec: MarkRecord; comment: Excel.Comment }[] = [];
  const paint: (CellRef & { colour: string; patterned: boolean })[] = [];
  for (const [key, t] of targets) {
    const colour = t.fill;
    const cur = fills.get(key) ?? {};
    let rec = recs.get(key);
    if (rec?.i) delete rec.i;
    if (!rec) {
      rec = { s: t.sheet, a: t.a1, f: snapshotFill(cur), k: colour };
      recs.set(key, rec);
    } else if (!showsOurFill(cur, rec.k)) {
      rec.f = snapshotFill(cur); // the user re-filled the cell since: that is the look to restore
    }
    if (!showsOurFill(cur, colour)) {
      const patterned = typeof cur.pattern === 'string' && cur.pattern !== 'Solid' && cur.pattern !== 'None';
      paint.push({ ...refOf(t.sheet, t.a1), colour, patterned });
    }
    rec.k = colour;

    const existing = commentAt.get(key);
    if (rec.c && rec.c !== existing?.id) maybeDelete.add(rec.c);
    if (existing && isOurs(existing)) {
      claimed.add(existing.id);
      rec.c = existing.id;
      delete rec.u;
      if (!sameText(existing.content, t.text)) write(OP_BYTES + jsonBytes(t.text), () => (items.getItem(existing.id).content = t.text));
    } else if (existing) {
      delete rec.c;
      rec.u = 1; // a user's comment: left as it is
    } else {
      delete rec.c;
      delete rec.u;
      const r = rec;
      write(
        COMMENT_ADD_BYTES + jsonBytes(t.text),
        () => {
          const comment = items.add(sheet(t.sheet).getRange(t.a1), t.text);
          comment.load('id');
          added.push({ rec: r, comment });
        },
        COMMENT_ADD_RESPONSE,
      );
    }
  }
  for (const run of columnRuns(paint, (a, b) => a.colour === b.colour && a.patterned === b.patterned)) {
    write(RANGE_OP_BYTES + (run[0].patterned ? OP_BYTES : 0), () => {
      const fill = sheet(run[0].sheet).getRange(runAddress(run)).format.fill;
      if (run[0].patterned) fill.clear(); // else the pattern would stay over our colour
      fill.color = run[0].colour;
    });
  }
  const restoring: (CellRef & { saved: SavedFill })[] = [];
  for (const [key, r] of restore) {
    if (showsOurFill(fills.get(key) ?? {}, r.k)) restoring.push({ ...refOf(r.s, r.a), saved: r.f });
    if (r.c) maybeDelete.add(r.c);
    const here = commentAt.get(key);
    if (here && isOurs(here)) maybeDelete.add(here.id);
    recs.delete(key);
  }
  // Our comments left where no finding is any more (moved cells, a lost state).
  for (const c of basics.comments) {
    if (!isOurs(c)) continue;
    const key = keyOfComment.get(c.id);
    if (key === undefined || basics.protectedSheets.has(key.slice(0, key.indexOf('\u0001')))) continue;
    if (!targets.has(key) && (!scope || scope.has(key))) maybeDelete.add(c.id);
  }
  for (const id of maybeDelete) {
    if (claimed.has(id) || !contentById.has(id)) continue;
    write(OP_BYTES, () => items.getItem(id).delete());
  }

  const finalRecords = () => [...kept, ...recs.values()];
  await queueState(context, batcher, basics, meta, finalRecords(), plan.results === 'rewrite' || !!meta.results);
  for (const w of writes) await batcher.add(w.request, w.run, w.response);
  await queueRestores(context, batcher, restoring);

  if (plan.results === 'rewrite') {
    meta.results = await queueResultsSheet(context, batcher, plan.findings, { lang, programName: opts.programName }, basics.names.filter((n) => n !== STATE_SHEET), meta.results && names.has(meta.results) ? meta.results : undefined);
  } else if (plan.results === 'remove' && meta.results) {
    if (names.has(meta.results)) {
      const name = meta.results;
      await batcher.add(OP_BYTES, () => sheet(name).delete());
    }
    delete meta.results;
  }

  const resultsChanged = meta.results !== basics.state?.meta?.results;
  await batcher.flush();
  if (added.length > 0 || resultsChanged) {
    // Sync 4: the state again, with the new comments' ids and the results sheet's name.
    for (const { rec, comment } of added) rec.c = comment.id;
    const written: Basics = { ...basics, state: { records: [], rows: finalRecords().length + 1 } };
    await queueState(context, batcher, written, meta, finalRecords());
    await batcher.flush();
  }
  const skipped = [...new Set(plan.findings.map((f) => f.sheet))].filter((n) => basics.protectedSheets.has(n));
  return skipped.length ? { marked: targets.size, protectedSheets: skipped } : { marked: targets.size };
}

/**
 * Marks findings (replacing earlier marks: cells no longer in `findings` get their previous look back) and,
 * with opts.resultsSheet, (re)writes the results sheet. Returns the number of cells marked, and the names of
 * protected sheets whose findings could not be marked (they are still listed in the results sheet).
 */
export async function markFindings(context: Excel.RequestContext, findings: Finding[], opts: MarkOptions): Promise<{ marked: number; protectedSheets?: string[] }> {
  return applyMarks(context, { findings, opts, results: opts.resultsSheet ? 'rewrite' : 'remove' });
}

/**
 * Removes every mark: fills are restored (only on cells that still show our colour: a fill the user set since
 * is kept), our comments deleted (users' comments are never touched), the results sheet and the state sheet
 * deleted. Three syncs.
 */
export async function clearMarks(context: Excel.RequestContext): Promise<{ restored: number }> {
  const basics = await readBasics(context);
  const names = new Set(basics.names);
  const records = (basics.state?.records ?? []).filter((r) => names.has(r.s) && !basics.protectedSheets.has(r.s));
  const batcher = new Batcher(context);
  const fillsAfterSync = await queueFillReads(context, batcher, records.map((r) => refOf(r.s, r.a)));
  await batcher.flush();
  const fills = fillsAfterSync();

  const restoring = records.filter((r) => showsOurFill(fills.get(cellKey(r.s, r.a)) ?? {}, r.k)).map((r) => ({ ...refOf(r.s, r.a), saved: r.f }));
  const restored = restoring.length;
  await queueRestores(context, batcher, restoring);
  const tracked = new Set(records.map((r) => r.c).filter((c): c is string => !!c));
  // Untracked 【匠选】 comments could sit on a protected sheet, where deleting would fail the whole batch.
  const lockedIds = new Set((basics.state?.records ?? []).filter((r) => basics.protectedSheets.has(r.s)).map((r) => r.c));
  const orphansToo = basics.protectedSheets.size === 0;
  const items = context.workbook.comments;
  for (const c of basics.comments) {
    if (lockedIds.has(c.id)) continue;
    if (tracked.has(c.id) || (orphansToo && c.content.startsWith(COMMENT_PREFIX))) await batcher.add(OP_BYTES, () => items.getItem(c.id).delete());
  }
  const results = basics.state?.meta?.results;
  if (results && names.has(results)) await batcher.add(OP_BYTES, () => context.workbook.worksheets.getItem(results).delete());
  const locked = (basics.state?.records ?? []).filter((r) => names.has(r.s) && basics.protectedSheets.has(r.s));
  if (locked.length) {
    // Marks on sheets protected since: keep their records so a later clearMarks (once unprotected) restores them.
    await queueState(context, batcher, basics, newMeta(), locked);
  } else if (basics.state) {
    await batcher.add(OP_BYTES * 2, () => {
      const ws = context.workbook.worksheets.getItem(STATE_SHEET);
      ws.visibility = 'Hidden'; // a veryHidden sheet cannot be deleted
      ws.delete();
    });
  }
  await batcher.flush();
  return { restored };
}

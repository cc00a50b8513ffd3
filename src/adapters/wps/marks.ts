/**
 * Applying the core's mark plan in WPS, reversibly and under the Excel add-in's rules: a problem cell gets the
 * severity fill and a 【匠选】 comment; a cell that already has a user's comment gets no comment (its message is in
 * the pane); values are never written; each marked cell's Interior before marking is saved in the state sheet
 * (state.ts) before anything is painted, and 清除标注 restores it only on cells that still show our colour (a
 * fill the user set since is kept). Protected sheets are not marked (their names are returned).
 *
 * Bridge calls are kept per column run, not per cell: the fills of a run of cells are read from the run's
 * Interior when the run agrees (ColorIndex = xlColorIndexNone answers "no fill" for thousands of cells at once),
 * and runs of one colour are painted by one assignment. Comments are found by walking each involved sheet's
 * Comments collection (a few per sheet), not by probing every cell.
 */
import type { Et } from '../../../types/wps-et';
import type { Finding, Lang } from '../../core/model/findings';
import { cellAddress, MergedRange, parseCellAddress } from '../../core/model/grid';
import { cellKey, planMarks } from '../../core/check/mark-plan';
import { activeWorkbook, EtApp, EtSheet, hexToBgr, rectAddress, worksheets, XL_NONE, XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN, XL_SOLID } from './et';
import { COMMENT_PREFIX, hasNoFill, MarkRecord, parseState, RawFill, readStateColumn, savedFillOf, serializeState, STATE_SHEET, writeStateColumn } from './state';
import { WpsError } from './errors';

export interface MarkOptions {
  lang: Lang;
  /** Merged areas per sheet (a finding on a covered cell is marked on the area's top-left cell). */
  merges?: (sheet: string) => readonly MergedRange[] | undefined;
  /** Only these cells (cellKey) are marked or restored; undefined: every cell. */
  scope?: ReadonlySet<string>;
}

export interface MarkResult {
  marked: number;
  protectedSheets?: string[];
}

interface Cell {
  sheet: string;
  row: number;
  col: number;
  key: string;
}

interface Target extends Cell {
  a1: string;
  colour: string;
  text: string;
}

function refOf(sheet: string, a1: string): Cell {
  const p = parseCellAddress(a1)!;
  return { sheet, row: p.row, col: p.col, key: cellKey(sheet, a1) };
}

/** Our comment text: 【匠选】 then the mark plan's lines. */
export function commentText(lines: readonly string[]): string {
  return COMMENT_PREFIX + lines.join('\n');
}

/** True for a comment Jiangxuan wrote (some builds put the author's name on a first line of its own). */
export function isOurComment(text: string): boolean {
  const t = text.replace(/^\s+/, '');
  if (t.startsWith(COMMENT_PREFIX)) return true;
  const nl = t.indexOf('\n');
  return nl >= 0 && nl < 40 && t.slice(nl + 1).startsWith(COMMENT_PREFIX);
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();
}

/** Vertical runs of consecutive cells of one column for which `same` holds pairwise. */
export function columnRuns<T extends Cell>(cells: readonly T[], same: (a: T, b: T) => boolean = () => true): T[][] {
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

function runAddress(run: readonly Cell[]): string {
  return rectAddress(run[0].row, run[0].col, run[run.length - 1].row, run[0].col);
}

/** The Interior of every cell, per column run, halving a run only where its cells differ. */
export function readFills(sheetOf: (name: string) => EtSheet, cells: readonly Cell[]): Map<string, RawFill> {
  const out = new Map<string, RawFill>();
  const settle = (ws: EtSheet, run: readonly Cell[]): void => {
    const interior = ws.Range(runAddress(run)).Interior;
    const i = interior.ColorIndex;
    if (i === XL_NONE) {
      for (const c of run) out.set(c.key, { c: null, i: XL_NONE, p: XL_NONE });
      return;
    }
    const p = interior.Pattern;
    const col = interior.Color;
    const t = interior.TintAndShade;
    const pc = p !== null && p !== XL_SOLID && p !== XL_NONE ? interior.PatternColor : undefined;
    if (i !== null && p !== null && col !== null && t !== null && pc !== null) {
      const raw: RawFill = { c: col, i, p };
      if (t) raw.t = t;
      if (pc !== undefined) raw.pc = pc;
      for (const c of run) out.set(c.key, raw);
      return;
    }
    if (run.length === 1) {
      out.set(run[0].key, { c: col, i, p, ...(t ? { t } : {}) });
      return;
    }
    const mid = run.length >> 1;
    settle(ws, run.slice(0, mid));
    settle(ws, run.slice(mid));
  };
  for (const run of columnRuns(cells)) settle(sheetOf(run[0].sheet), run);
  return out;
}

/** True while the cell still shows the colour we set. */
export function showsOurFill(f: RawFill | undefined, colourHex: string): boolean {
  return !!f && f.p === XL_SOLID && f.c === hexToBgr(colourHex) && !f.t;
}

/** Puts a saved Interior back on a range. */
export function restoreFill(ws: EtSheet, address: string, rec: MarkRecord): void {
  const interior = ws.Range(address).Interior;
  const raw = rec.w;
  if (raw ? hasNoFill(raw) : rec.f.p === 'None') {
    interior.Pattern = XL_NONE;
    return;
  }
  if (raw) {
    interior.Pattern = raw.p ?? XL_SOLID;
    if (raw.c !== null) interior.Color = raw.c;
    if (raw.p !== XL_SOLID && typeof raw.pc === 'number') interior.PatternColor = raw.pc;
    if (raw.t) interior.TintAndShade = raw.t;
    return;
  }
  // A record the Excel add-in wrote: its #RRGGBB colour (patterns other than solid are not mapped back).
  interior.Pattern = XL_SOLID;
  if (rec.f.c) interior.Color = hexToBgr(rec.f.c);
  if (rec.f.t) interior.TintAndShade = rec.f.t;
}

interface CommentAt {
  comment: Et.Comment;
  text: string;
}

/** Comments of a sheet by cell key (one walk of Worksheet.Comments). */
function commentsOf(ws: EtSheet, sheet: string): Map<string, CommentAt> {
  const out = new Map<string, CommentAt>();
  const all = ws.Comments;
  const n = all.Count;
  for (let i = 1; i <= n; i++) {
    const comment = all.Item(i);
    const parent = comment.Parent;
    const key = cellKey(sheet, cellAddress(parent.Row - 1, parent.Column - 1));
    out.set(key, { comment, text: comment.Text() ?? '' });
  }
  return out;
}

interface Workspace {
  wb: Et.Workbook;
  byName: Map<string, EtSheet>;
  protectedSheets: Set<string>;
  stateSheet?: EtSheet;
  records: MarkRecord[];
  stateRows: number;
}

function openWorkspace(app: EtApp): Workspace {
  const wb = activeWorkbook(app);
  if (!wb) throw new WpsError('no-workbook');
  const byName = new Map<string, EtSheet>();
  const protectedSheets = new Set<string>();
  for (const ws of worksheets(wb)) {
    const name = ws.Name;
    byName.set(name, ws);
    if (name !== STATE_SHEET && ws.ProtectContents) protectedSheets.add(name);
  }
  const stateSheet = byName.get(STATE_SHEET);
  const column = stateSheet ? readStateColumn(stateSheet) : [];
  return { wb, byName, protectedSheets, stateSheet, records: parseState(column), stateRows: column.length };
}

/** Writes the records into the state sheet, creating it veryHidden without changing the active sheet. */
function saveState(app: EtApp, w: Workspace, records: readonly MarkRecord[]): void {
  if (!records.length) {
    deleteStateSheet(app, w);
    return;
  }
  let ws = w.stateSheet;
  if (!ws) {
    const active = app.ActiveSheet;
    const sheets = w.wb.Worksheets;
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = STATE_SHEET;
    if (active) active.Activate();
    ws.Visible = XL_SHEET_VERY_HIDDEN;
    w.stateSheet = ws;
    w.byName.set(STATE_SHEET, ws);
  }
  const lines = serializeState(records);
  writeStateColumn(ws, lines, w.stateRows);
  w.stateRows = lines.length;
}

function deleteStateSheet(app: EtApp, w: Workspace): void {
  const ws = w.stateSheet;
  if (!ws) return;
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    ws.Visible = XL_SHEET_HIDDEN; // a veryHidden sheet cannot be deleted
    ws.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
  w.stateSheet = undefined;
  w.byName.delete(STATE_SHEET);
  w.stateRows = 0;
}

/** Runs `fn` with screen updating off (restored even when it throws). */
function quietly<T>(app: EtApp, fn: () => T): T {
  const before = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    return fn();
  } finally {
    app.ScreenUpdating = before !== false;
  }
}

/**
 * Marks findings, replacing earlier marks: cells no longer in `findings` get their look back, changed ones are
 * updated. With opts.scope only those cells are touched (live re-checking).
 */
export function markFindings(app: EtApp, findings: readonly Finding[], opts: MarkOptions): MarkResult {
  return quietly(app, () => applyMarks(app, findings, opts));
}

function applyMarks(app: EtApp, findings: readonly Finding[], opts: MarkOptions): MarkResult {
  const lang: Lang = opts.lang === 'en' ? 'en' : 'zh';
  const { scope } = opts;
  const w = openWorkspace(app);
  const sheetOf = (name: string) => w.byName.get(name)!;
  const recs = new Map<string, MarkRecord>();
  const kept: MarkRecord[] = []; // records of protected sheets, kept until the sheet is unprotected
  for (const r of w.records) {
    if (!w.byName.has(r.s) || r.s === STATE_SHEET) continue;
    if (w.protectedSheets.has(r.s)) kept.push(r);
    else recs.set(cellKey(r.s, r.a), r);
  }

  const targets = new Map<string, Target>();
  for (const m of planMarks(findings, { lang, merges: opts.merges }).cells) {
    if (!w.byName.has(m.sheet) || m.sheet === STATE_SHEET || w.protectedSheets.has(m.sheet)) continue;
    if (scope && !scope.has(m.key)) continue;
    targets.set(m.key, { sheet: m.sheet, row: m.row, col: m.col, key: m.key, a1: m.a1, colour: m.fillHex.toUpperCase(), text: commentText(m.lines) });
  }
  const restore = [...recs.entries()].filter(([key]) => !targets.has(key) && (!scope || scope.has(key)));

  // Reads: fills of every cell we touch; comments of every sheet involved.
  const cells: Cell[] = [...targets.values(), ...restore.map(([, r]) => refOf(r.s, r.a))];
  const fills = readFills(sheetOf, cells);
  const involved = new Set(cells.map((c) => c.sheet));
  if (!scope) for (const name of w.byName.keys()) if (name !== STATE_SHEET && !w.protectedSheets.has(name)) involved.add(name);
  const comments = new Map<string, CommentAt>();
  for (const name of involved) for (const [k, c] of commentsOf(sheetOf(name), name)) comments.set(k, c);

  // Decide everything first; the state that describes it is written before any cell changes.
  const paint: (Target & { clear: boolean })[] = [];
  const addComment: Target[] = [];
  const setComment: { at: CommentAt; text: string }[] = [];
  const deleteComment = new Set<CommentAt>();
  for (const [key, t] of targets) {
    const cur = fills.get(key) ?? { c: null, i: XL_NONE, p: XL_NONE };
    let rec = recs.get(key);
    if (!rec) {
      rec = { s: t.sheet, a: t.a1, f: savedFillOf(cur), w: cur, k: t.colour };
      recs.set(key, rec);
    } else if (!showsOurFill(cur, rec.k)) {
      rec.f = savedFillOf(cur); // the user re-filled the cell since: that is the look to restore
      rec.w = cur;
    }
    // A pattern or a tint would stay over our colour: such cells are cleared first.
    if (!showsOurFill(cur, t.colour)) paint.push({ ...t, clear: !!cur.t || (cur.p !== XL_SOLID && !hasNoFill(cur)) });
    rec.k = t.colour;

    const existing = comments.get(key);
    if (existing && isOurComment(existing.text)) {
      rec.n = 1;
      delete rec.u;
      if (!sameText(existing.text, t.text)) setComment.push({ at: existing, text: t.text });
    } else if (existing) {
      rec.u = 1;
      delete rec.n;
    } else {
      rec.n = 1;
      delete rec.u;
      addComment.push(t);
    }
  }
  const restoring: { cell: Cell; rec: MarkRecord }[] = [];
  for (const [key, r] of restore) {
    if (showsOurFill(fills.get(key), r.k)) restoring.push({ cell: refOf(r.s, r.a), rec: r });
    const here = comments.get(key);
    if (here && isOurComment(here.text)) deleteComment.add(here);
    recs.delete(key);
  }
  // Our comments where no finding is any more (cells moved, a state lost).
  for (const [key, c] of comments) {
    if (targets.has(key) || !isOurComment(c.text)) continue;
    if (!scope || scope.has(key)) deleteComment.add(c);
  }

  saveState(app, w, [...kept, ...recs.values()]);

  for (const run of columnRuns(paint, (a, b) => a.colour === b.colour && a.clear === b.clear)) {
    const interior = sheetOf(run[0].sheet).Range(runAddress(run)).Interior;
    if (run[0].clear) interior.Pattern = XL_NONE;
    interior.Color = hexToBgr(run[0].colour);
    interior.Pattern = XL_SOLID;
  }
  for (const t of addComment) sheetOf(t.sheet).Range(t.a1).AddComment(t.text);
  for (const s of setComment) s.at.comment.Text(s.text);
  for (const d of deleteComment) d.comment.Delete();
  const same = (a: { rec: MarkRecord }, b: { rec: MarkRecord }) => JSON.stringify([a.rec.w, a.rec.f]) === JSON.stringify([b.rec.w, b.rec.f]);
  const restoreCells = restoring.map((x) => ({ ...x.cell, rec: x.rec }));
  for (const run of columnRuns(restoreCells, same)) restoreFill(sheetOf(run[0].sheet), runAddress(run), run[0].rec);

  const skipped = [...new Set(findings.map((f) => f.sheet))].filter((n) => w.protectedSheets.has(n));
  return skipped.length ? { marked: targets.size, protectedSheets: skipped } : { marked: targets.size };
}

/**
 * Removes every mark: fills restored on cells that still show our colour, our comments deleted (users' comments
 * are never touched), the state sheet deleted. Marks on sheets protected since are kept for a later clear.
 */
export function clearMarks(app: EtApp): { restored: number } {
  return quietly(app, () => {
    const w = openWorkspace(app);
    const sheetOf = (name: string) => w.byName.get(name)!;
    const open = w.records.filter((r) => w.byName.has(r.s) && r.s !== STATE_SHEET && !w.protectedSheets.has(r.s));
    const locked = w.records.filter((r) => w.byName.has(r.s) && w.protectedSheets.has(r.s));
    const cells = open.map((r) => ({ ...refOf(r.s, r.a), rec: r }));
    const fills = readFills(sheetOf, cells);
    const restoring = cells.filter((c) => showsOurFill(fills.get(c.key), c.rec.k));
    const same = (a: { rec: MarkRecord }, b: { rec: MarkRecord }) => JSON.stringify([a.rec.w, a.rec.f]) === JSON.stringify([b.rec.w, b.rec.f]);
    for (const run of columnRuns(restoring, same)) restoreFill(sheetOf(run[0].sheet), runAddress(run), run[0].rec);
    for (const [name, ws] of w.byName) {
      if (name === STATE_SHEET || w.protectedSheets.has(name)) continue;
      for (const c of commentsOf(ws, name).values()) if (isOurComment(c.text)) c.comment.Delete();
    }
    saveState(app, w, locked);
    return { restored: restoring.length };
  });
}

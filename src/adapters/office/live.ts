/// <reference types="office-js" />
/**
 * Live re-checking while the user works: Excel's change events (and, with ExcelApi 1.10, its sort events) are
 * collected and debounced; only the rows they touch are read back, patched into the cached grid, and the core
 * re-validates the patched grid. The user stays in control:
 * - by default nothing is written (the findings are shown in the pane only), so Excel's undo history is kept;
 *   with `mark`, the sheets whose marks changed are re-marked (this clears Undo before ExcelApi 1.20);
 * - batches are started with `delayForCellEdit` where Excel supports it (ExcelApi 1.11): Excel waits until the
 *   user leaves the cell. On older Excel a batch that meets cell-edit mode fails; its edits are put back in the
 *   queue and tried again a moment later — no edit is ever dropped;
 * - the add-in's own writes (the results sheet) are on sheets that are not checked, so they never re-trigger;
 * - a co-author's edits (source "Remote") are re-checked for the pane, but do not make this copy write marks:
 *   the co-author's own Excel does that, and both writing would fight.
 */
import type { Lang } from '../../core/model/findings';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../core/model/grid';
import { putRereadRow, trimTrailingHoles, widestRow } from '../../core/model/grid-rows';
import type { SimpleDate } from '../../core/model/dates';
import type { Profile } from '../../core/profiles/schema';
import type { ValidationResult } from '../../core/rules/validate-workbook';
import { recheckWorkbook } from '../../core/check/check-workbook';
import { planMarks } from '../../core/check/mark-plan';
import { MAX_COLS, MAX_ROWS, parseRangeAddress } from './address';
import { officeErrorCode, logOfficeError } from './errors';
import { applyMarks } from './marks';
import { readRows } from './read';
import { requireFeature, supports } from './requirements';

export interface LiveState {
  grid: WorkbookGrid;
  profile: Profile;
  asOf: SimpleDate;
  lang: Lang;
  resultsSheet: boolean;
  /** Re-mark cells after an edit (writes: clears Excel's undo history before ExcelApi 1.20). Default: no writes. */
  mark?: boolean;
}

export interface LiveOptions {
  debounceMs?: number;
  /** How long to wait before trying again while the user is editing a cell (Excel without delayForCellEdit). */
  retryMs?: number;
  /** A background re-check failed (its edits are kept and tried again). */
  onError?: (e: unknown) => void;
  /** The re-check is waiting for the user to leave the cell being edited (true), or no longer (false). */
  onWaiting?: (waiting: boolean) => void;
}

/** A row/column insertion or deletion as onChanged reports it (0-based; count < 0 for deletions). */
export interface StructuralChange {
  sheet: string;
  axis: 'rows' | 'cols';
  at: number;
  count: number;
}

interface PendingEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  remote: boolean;
}

interface PendingSheet {
  rows: Set<number>;
  /** Columns to read (0 = the grid's width). */
  width: number;
  unboundedRows: boolean;
  unboundedCols: boolean;
  from?: number;
}

/** Where a cell went after a change; undefined when it was deleted. */
export function shiftPosition(ch: StructuralChange, sheet: string, row: number, col: number): { row: number; col: number } | undefined {
  if (sheet !== ch.sheet) return { row, col };
  const v = ch.axis === 'rows' ? row : col;
  let nv = v;
  if (ch.count > 0) {
    if (v >= ch.at) nv = v + ch.count;
  } else {
    const n = -ch.count;
    if (v >= ch.at && v < ch.at + n) return undefined;
    if (v >= ch.at + n) nv = v - n;
  }
  return ch.axis === 'rows' ? { row: nv, col } : { row, col: nv };
}

/** Applies an insertion or deletion of rows/columns to a cached sheet (merged areas follow; inserted rows are holes). */
export function applyStructuralChange(sheet: SheetGrid, ch: StructuralChange): void {
  sheet.merges = sheet.merges.flatMap((m) => {
    const a = shiftPosition(ch, ch.sheet, m.top, m.left);
    const b = shiftPosition(ch, ch.sheet, m.bottom, m.right);
    return a && b ? [{ top: a.row, left: a.col, bottom: b.row, right: b.col }] : [];
  });
  const rows = sheet.rows;
  if (ch.axis === 'rows') {
    if (ch.at >= rows.length) return;
    if (ch.count > 0) {
      // Moved one by one, bottom first: an insertion of a million rows must not become a million-argument call.
      const oldLength = rows.length;
      rows.length = oldLength + ch.count;
      for (let r = oldLength - 1; r >= ch.at; r--) {
        if (rows[r] === undefined) delete rows[r + ch.count];
        else rows[r + ch.count] = rows[r];
        delete rows[r];
      }
    } else {
      rows.splice(ch.at, -ch.count);
    }
    trimTrailingHoles(rows);
    return;
  }
  for (const row of rows) {
    // A row that ends before the change is not touched by it.
    if (!row || row.length <= ch.at) continue;
    if (ch.count > 0) row.splice(ch.at, 0, ...new Array<CellValue>(ch.count).fill(null));
    else row.splice(ch.at, -ch.count);
  }
}

const STRUCTURAL: Record<string, { axis: 'rows' | 'cols'; sign: 1 | -1 } | undefined> = {
  RowInserted: { axis: 'rows', sign: 1 },
  RowDeleted: { axis: 'rows', sign: -1 },
  ColumnInserted: { axis: 'cols', sign: 1 },
  ColumnDeleted: { axis: 'cols', sign: -1 },
};

/** Per sheet, "A1:error|B7:warning…": what the marks of a result look like. */
function markSignatures(findings: ValidationResult['findings'], lang: Lang): Map<string, string> {
  const bySheet = new Map<string, string[]>();
  for (const m of planMarks(findings, { lang }).cells) {
    const list = bySheet.get(m.sheet) ?? [];
    list.push(`${m.a1}:${m.severity}`);
    bySheet.set(m.sheet, list);
  }
  return new Map([...bySheet].map(([k, v]) => [k, v.sort().join('|')]));
}

export class LiveChecker {
  private handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  private readonly idToName = new Map<string, string>();
  private queue: PendingEvent[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private waiting = false;
  /** Marks may be stale (a marking batch failed): the next local change re-marks every sheet. */
  private remarkAll = false;
  /** Sheets whose marks a co-author's edit made stale: re-marked with this user's next change. */
  private readonly staleSheets = new Set<string>();
  private result?: ValidationResult;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  /** The last error of a background re-check. */
  lastError?: unknown;

  constructor(
    private readonly run: typeof Excel.run,
    private readonly state: LiveState,
    private readonly onResult: (r: ValidationResult) => void,
    private readonly opts: LiveOptions = {},
  ) {
    this.debounceMs = opts.debounceMs ?? 500;
    this.retryMs = opts.retryMs ?? 1500;
  }

  get current(): ValidationResult | undefined {
    return this.result;
  }

  /** True while a re-check waits for the user to leave the cell being edited. */
  get waitingForCellEdit(): boolean {
    return this.waiting;
  }

  /** Sorts are followed only with ExcelApi 1.10 (onRowSorted); below, the pane says "check again after sorting". */
  static followsSorts(): boolean {
    return supports('liveSorts');
  }

  private validate(): ValidationResult {
    return recheckWorkbook(this.state.grid, this.state.profile, this.state.asOf);
  }

  private runOptions(): Excel.RunOptions | undefined {
    return supports('delayForCellEdit') ? { delayForCellEdit: true } : undefined;
  }

  private async runBatch<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options = this.runOptions();
    return options ? this.run(options, batch) : this.run(batch);
  }

  /**
   * Takes the current findings as those of `state.grid` and subscribes to changes of every worksheet
   * (WorksheetCollection.onChanged) and, where Excel has them, to sorts.
   * @requires ExcelApi 1.9 (live)
   */
  /** `known`: the result of the check this follows, on the same grid, programme and date (not computed again). */
  async start(known?: ValidationResult): Promise<void> {
    if (this.handlers.length) return;
    requireFeature('live');
    this.stopped = false;
    this.result = known ?? this.validate();
    await this.runBatch(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/id,items/name');
      const hs: OfficeExtension.EventHandlerResult<unknown>[] = [worksheets.onChanged.add(async (e) => this.onChanged(e)) as OfficeExtension.EventHandlerResult<unknown>];
      if (supports('liveSorts')) {
        hs.push(worksheets.onRowSorted.add(async (e) => this.onSorted(e)) as OfficeExtension.EventHandlerResult<unknown>);
        hs.push(worksheets.onColumnSorted.add(async (e) => this.onSorted(e)) as OfficeExtension.EventHandlerResult<unknown>);
      }
      await context.sync();
      this.handlers = hs;
      this.idToName.clear();
      for (const ws of worksheets.items) this.idToName.set(ws.id, ws.name);
    });
  }

  /** Unsubscribes and waits for a re-check in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
    const handlers = this.handlers;
    this.handlers = [];
    if (handlers.length) {
      await this.run(handlers[0].context as Excel.RequestContext, async (context) => {
        for (const h of handlers) h.remove();
        await context.sync();
      }).catch((e: unknown) => logOfficeError(e, 'LiveChecker.stop'));
    }
    await this.running;
  }

  /** Resolves when nothing is scheduled or running (a re-check waiting for cell edit still counts as pending). */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.timer !== undefined && !this.waiting) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.kick();
      }
      if (!this.running) return;
      await this.running;
    }
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, ms);
  }

  /** @requires ExcelApi 1.9 (live) — subscribed by start(). */
  private onChanged(e: Excel.WorksheetChangedEventArgs): void {
    if (this.stopped) return;
    // A single-cell event whose value did not change is a format change: nothing to re-check.
    const d = (e as { details?: Excel.ChangedEventDetail }).details;
    if (d && d.valueBefore === d.valueAfter && d.valueTypeBefore === d.valueTypeAfter) return;
    this.queue.push({ worksheetId: e.worksheetId, address: e.address, changeType: String(e.changeType ?? 'RangeEdited'), remote: e.source === 'Remote' });
    if (!this.waiting) this.schedule(this.debounceMs);
  }

  /** @requires ExcelApi 1.10 (liveSorts) — subscribed by start() only where Excel has sort events. */
  private onSorted(e: Excel.WorksheetRowSortedEventArgs | Excel.WorksheetColumnSortedEventArgs): void {
    if (this.stopped) return;
    this.queue.push({ worksheetId: e.worksheetId, address: e.address, changeType: 'Sorted', remote: e.source === 'Remote' });
    if (!this.waiting) this.schedule(this.debounceMs);
  }

  private kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.flush().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped && !this.waiting) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async flush(): Promise<void> {
    const events = this.queue.splice(0);
    if (events.length === 0 || this.stopped) return;
    try {
      await this.runBatch((context) => this.process(context, events));
      this.lastError = undefined;
      if (this.waiting) {
        this.waiting = false;
        this.opts.onWaiting?.(false);
      }
    } catch (err) {
      if (err instanceof MarkingFailed) {
        // The pane has the new result; the marks are stale until the next local change re-marks everything.
        this.remarkAll = true;
        this.report(err.cause);
        return;
      }
      // Nothing was applied: the edits go back to the front of the queue, in order.
      this.queue.unshift(...events);
      if (officeErrorCode(err) === 'InvalidOperationInCellEditMode') {
        if (!this.waiting) {
          this.waiting = true;
          this.opts.onWaiting?.(true);
        }
        if (!this.stopped) this.schedule(this.retryMs);
        return;
      }
      this.report(err);
    }
  }

  private report(err: unknown): void {
    this.lastError = err;
    logOfficeError(err, 'LiveChecker');
    this.opts.onError?.(err);
  }

  private async process(context: Excel.RequestContext, events: PendingEvent[]): Promise<void> {
    const { grid, lang, resultsSheet, profile } = this.state;
    if (events.some((e) => !this.idToName.has(e.worksheetId))) {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/id,items/name');
      await context.sync();
      this.idToName.clear();
      for (const ws of worksheets.items) this.idToName.set(ws.id, ws.name);
    }

    // Phase 1 — what to read, in Excel's current coordinates (later events see earlier insertions).
    const changes: StructuralChange[] = [];
    const pending = new Map<string, PendingSheet>();
    let shifted = false;
    const local = events.some((e) => !e.remote);
    for (const ev of events) {
      const name = this.idToName.get(ev.worksheetId);
      // Sheets not in the grid: the results sheet Jiangxuan writes, sheets added after the check.
      const sheet = name === undefined ? undefined : grid.sheets.find((s) => s.name === name);
      const b = parseRangeAddress(ev.address);
      if (!sheet || !name || !b) continue;
      let p = pending.get(name);
      if (!p) pending.set(name, (p = { rows: new Set(), width: 0, unboundedRows: false, unboundedCols: false }));
      const structural = STRUCTURAL[ev.changeType];
      if (structural) {
        const axis = structural.axis;
        const at = axis === 'rows' ? b.top : b.left;
        const n = (axis === 'rows' ? b.bottom - b.top : b.right - b.left) + 1;
        const ch: StructuralChange = { sheet: name, axis, at, count: structural.sign * n };
        changes.push(ch);
        if (axis === 'rows') {
          const moved = new Set<number>();
          for (const r of p.rows) {
            const q = shiftPosition(ch, name, r, 0);
            if (q) moved.add(q.row);
          }
          p.rows = moved;
        }
        continue;
      }
      let bottom = b.bottom;
      if (ev.changeType === 'CellInserted' || ev.changeType === 'CellDeleted') {
        // Cells shifted down/up or right/left: re-read from the edited row to the end.
        shifted = true;
        bottom = MAX_ROWS - 1;
        p.unboundedCols = true;
      }
      if (ev.changeType === 'Sorted') p.unboundedCols = true; // sorted rows move whole
      if (b.right >= MAX_COLS - 1) p.unboundedCols = true;
      else p.width = Math.max(p.width, b.right + 1);
      if (bottom >= MAX_ROWS - 1) {
        p.unboundedRows = true;
        p.from = Math.min(p.from ?? b.top, b.top);
      } else {
        for (let r = b.top; r <= bottom; r++) p.rows.add(r);
      }
    }

    // The grid as it will be after the structural changes (applied to a copy: nothing is changed before the
    // reads succeed, so a failed batch can be retried with the same events).
    const future = new Map<string, SheetGrid>();
    for (const ch of changes) {
      let s = future.get(ch.sheet);
      if (!s) {
        const src = grid.sheets.find((x) => x.name === ch.sheet)!;
        s = { ...src, rows: src.rows.map((r) => (r ? r.slice() : r)), merges: src.merges.slice() };
        future.set(ch.sheet, s);
      }
      applyStructuralChange(s, ch);
    }
    const sheetNow = (name: string) => future.get(name) ?? grid.sheets.find((s) => s.name === name)!;

    const needDims = [...pending].filter(([, p]) => p.unboundedRows || p.unboundedCols);
    if (needDims.length) {
      const dims = needDims.map(([name]) => context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load('rowIndex,rowCount,columnIndex,columnCount'));
      await context.sync();
      needDims.forEach(([name, p], i) => {
        const u = dims[i];
        const sheet = sheetNow(name);
        const usedBottom = u.isNullObject ? -1 : u.rowIndex + u.rowCount - 1;
        const usedRight = u.isNullObject ? -1 : u.columnIndex + u.columnCount - 1;
        if (p.unboundedRows) {
          const to = Math.max(usedBottom, sheet.rows.length - 1);
          for (let r = p.from ?? 0; r <= to; r++) p.rows.add(r);
        }
        if (p.unboundedCols) p.width = Math.max(p.width, usedRight + 1);
      });
    }

    const reads = new Map<string, { width: number; rows: Map<number, CellValue[]> }>();
    for (const [name, p] of pending) {
      if (p.rows.size === 0) continue;
      const width = Math.max(widestRow(sheetNow(name)), p.width);
      reads.set(name, { width, rows: await readRows(context, name, [...p.rows], width) });
    }

    // Phase 2 — the reads succeeded: update the cached grid and re-validate.
    for (const ch of changes) applyStructuralChange(grid.sheets.find((s) => s.name === ch.sheet)!, ch);
    let changed = changes.length > 0;
    for (const [name, { rows }] of reads) {
      const sheet = grid.sheets.find((s) => s.name === name)!;
      for (const [r, values] of rows) if (putRereadRow(sheet, r, values)) changed = true;
    }
    const staleToo = local && this.state.mark && this.staleSheets.size > 0;
    if (!changed && !shifted && !this.remarkAll && !staleToo) return;

    const before = this.result ?? { findings: [] };
    const after = this.validate();
    this.result = after;
    this.onResult(after);

    // Phase 3 — marks (only when asked for, and only for this user's own edits).
    if (!this.state.mark) return;
    const moved = before.findings.flatMap((f) => {
      let pos: { row: number; col: number } | undefined = { row: f.row, col: f.col };
      for (const ch of changes) if (pos) pos = shiftPosition(ch, f.sheet, pos.row, pos.col);
      return pos ? [{ ...f, row: pos.row, col: pos.col }] : [];
    });
    const oldSig = markSignatures(moved, lang);
    const newSig = markSignatures(after.findings, lang);
    const sheets = new Set<string>();
    for (const s of grid.sheets) if (this.remarkAll || shifted || oldSig.get(s.name) !== newSig.get(s.name) || this.staleSheets.has(s.name)) sheets.add(s.name);
    if (!local) {
      for (const s of sheets) this.staleSheets.add(s);
      return;
    }
    const findingsChanged = sheets.size > 0 || before.findings.length !== after.findings.length;
    if (!sheets.size && !(resultsSheet && findingsChanged)) return;
    try {
      await applyMarks(context, {
        findings: after.findings,
        opts: { lang, resultsSheet, programName: profile.shortName[lang], merges: (n) => grid.sheets.find((s) => s.name === n)?.merges },
        cells: true,
        sheets,
        results: resultsSheet && findingsChanged ? 'rewrite' : 'keep',
      });
      this.remarkAll = false;
      this.staleSheets.clear();
    } catch (e) {
      throw new MarkingFailed(e);
    }
  }
}

class MarkingFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('marking failed');
  }
}

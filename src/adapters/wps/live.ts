/**
 * Re-checking while the user types, where WPS offers the event: Application.ApiEvent's SheetChange(Sh, Target)
 * (ET JSAPI reference). Changed areas are collected and debounced; only those rows are read back (one Value2 call
 * per run of rows), patched into the cached grid, the core re-checks the patched grid with the programme and date
 * already decided, and only cells whose marks changed are re-marked. An edit of whole rows or columns (insert,
 * delete, paste over columns) re-reads that sheet and re-marks everything. Builds without ApiEvent (or where
 * registering fails) get no live checking: the pane's 校验 button and the ribbon's 校验本表 re-check on demand.
 */
import type { Et } from '../../../types/wps-et';
import type { Lang } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import { putRereadRow, widestRow } from '../../core/model/grid-rows';
import type { SimpleDate } from '../../core/model/dates';
import type { Profile } from '../../core/profiles/schema';
import type { ValidationResult } from '../../core/rules/validate-workbook';
import { recheckWorkbook } from '../../core/check/check-workbook';
import { planMarks } from '../../core/check/mark-plan';
import { activeWorkbook, EtApp, MAX_COLS, MAX_ROWS } from './et';
import { markFindings } from './marks';
import { readRows, readSheet } from './read';

export interface LiveState {
  grid: WorkbookGrid;
  profile: Profile;
  asOf: SimpleDate;
  lang: Lang;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface Pending {
  rows: Set<number>;
  width: number;
  whole: boolean;
}

export class WpsLiveChecker {
  private handler?: (sh: Et.Worksheet, target: Et.Range) => void;
  private pending = new Map<string, Pending>();
  private timer?: unknown;
  private writing = false;
  private result?: ValidationResult;
  /** The last error of a background re-check (the next edit tries again). */
  lastError?: unknown;

  constructor(
    private readonly app: EtApp,
    private readonly state: LiveState,
    private readonly onResult: (r: ValidationResult) => void,
    private readonly onError: (e: unknown) => void = () => undefined,
    private readonly debounceMs = 400,
    private readonly timers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
  ) {}

  get current(): ValidationResult | undefined {
    return this.result;
  }

  private validate(): ValidationResult {
    return recheckWorkbook(this.state.grid, this.state.profile, this.state.asOf);
  }

  /**
   * Subscribes to SheetChange; false when this WPS offers no change event (re-check on demand then). `known`: the
   * result of the check this follows, on the same grid, programme and date (checking again would only repeat it,
   * on the pane's thread).
   */
  start(known?: ValidationResult): boolean {
    if (this.handler) return true;
    this.result = known ?? this.validate();
    const events = this.app.ApiEvent;
    if (!events || typeof events.AddApiEventListener !== 'function') return false;
    const handler = (sh: Et.Worksheet, target: Et.Range) => this.onChange(sh, target);
    try {
      events.AddApiEventListener('SheetChange', handler);
    } catch {
      return false;
    }
    this.handler = handler;
    return true;
  }

  stop(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    const handler = this.handler;
    this.handler = undefined;
    if (handler) {
      try {
        this.app.ApiEvent.RemoveApiEventListener('SheetChange', handler);
      } catch {
        // The workbook or WPS is closing: nothing left to unsubscribe from.
      }
    }
  }

  /** The event callback: WPS calls it synchronously, so it only notes what changed. */
  private onChange(sh: Et.Worksheet, target: Et.Range): void {
    if (this.writing || !this.handler) return;
    try {
      const name = sh.Name;
      if (!this.state.grid.sheets.some((s) => s.name === name)) return; // our state sheet, sheets added since
      let p = this.pending.get(name);
      if (!p) this.pending.set(name, (p = { rows: new Set(), width: 0, whole: false }));
      const areas = target.Areas;
      const n = areas.Count;
      for (let i = 1; i <= n; i++) {
        const a = areas.Item(i);
        const top = a.Row - 1;
        const rows = a.Rows.Count;
        const left = a.Column - 1;
        const cols = a.Columns.Count;
        if (rows >= MAX_ROWS || cols >= MAX_COLS) p.whole = true;
        else {
          for (let r = top; r < top + rows; r++) p.rows.add(r);
          p.width = Math.max(p.width, left + cols);
        }
      }
    } catch (e) {
      this.lastError = e;
      return;
    }
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.debounceMs);
  }

  /** Re-checks what changed now (tests, and the pane before a manual check). */
  flush(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    const pending = [...this.pending];
    this.pending.clear();
    if (!pending.length || !this.handler) return;
    try {
      this.recheck(pending);
    } catch (e) {
      this.lastError = e;
      this.onError(e);
    }
  }

  private recheck(pending: [string, Pending][]): void {
    const { grid, lang } = this.state;
    const wb = activeWorkbook(this.app);
    if (!wb) return;
    let changed = false;
    let remarkAll = false;
    for (const [name, p] of pending) {
      const idx = grid.sheets.findIndex((s) => s.name === name);
      if (idx < 0) continue;
      const ws = wb.Worksheets.Item(name);
      if (p.whole) {
        const hidden = grid.sheets[idx].hidden;
        grid.sheets[idx] = readSheet(ws);
        if (hidden) grid.sheets[idx].hidden = true;
        changed = remarkAll = true;
        continue;
      }
      const sheet = grid.sheets[idx];
      const width = Math.max(widestRow(sheet), p.width);
      for (const [r, values] of readRows(ws, [...p.rows], width)) if (putRereadRow(sheet, r, values)) changed = true;
    }
    if (!changed) return;

    const before = this.result ?? { findings: [] };
    const after = this.validate();
    const merges = (s: string) => grid.sheets.find((x) => x.name === s)?.merges;
    const sig = (m: { severity: string; lines: string[] }) => `${m.severity}\u0001${m.lines.join('\n')}`;
    const oldCells = new Map(planMarks(before.findings, { lang, merges }).cells.map((m) => [m.key, sig(m)]));
    const newCells = new Map(planMarks(after.findings, { lang, merges }).cells.map((m) => [m.key, sig(m)]));
    const scope = new Set<string>();
    for (const [k, s] of newCells) if (oldCells.get(k) !== s) scope.add(k);
    for (const k of oldCells.keys()) if (!newCells.has(k)) scope.add(k);
    if (remarkAll || scope.size) {
      this.writing = true;
      try {
        markFindings(this.app, after.findings, { lang, merges, scope: remarkAll ? undefined : scope });
      } finally {
        this.writing = false;
      }
    }
    this.result = after;
    this.onResult(after);
  }
}

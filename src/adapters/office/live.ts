/// <reference types="office-js" />
/**
 * Live checking while the user types: worksheet change events are collected and debounced, only the changed
 * rows are read back (readRows), patched into the cached grid, the core re-validates the patched grid, and
 * only cells whose findings changed are re-marked.
 */
import type { Lang } from '../../core/model/findings';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../core/model/grid';
import { isCellError } from '../../core/model/grid';
import type { SimpleDate } from '../../core/model/dates';
import type { Profile } from '../../core/profiles/schema';
import type { ValidationResult } from '../../core/rules/validate-workbook';
import { recheckWorkbook } from '../../core/check/check-workbook';
import { MAX_COLS, MAX_ROWS, parseRangeAddress } from './address';
import { applyMarks, groupByCell } from './marks';
import { readRows } from './read';
import { shiftPosition, StructuralChange } from './state';

export interface LiveState {
  grid: WorkbookGrid;
  profile: Profile;
  asOf: SimpleDate;
  lang: Lang;
  resultsSheet: boolean;
}

interface PendingEvent {
  worksheetId: string;
  address: string;
  changeType: string;
}

interface PendingSheet {
  rows: Set<number>;
  /** Columns to read (0 = the grid's width). */
  width: number;
  /** A whole-column or whole-row edit: clamp to the used range. */
  unboundedRows: boolean;
  unboundedCols: boolean;
  /** With unboundedRows: the first row to read. */
  from?: number;
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && isCellError(x) && isCellError(y)) return x.error === y.error;
  return false;
}

function sameRow(a: readonly CellValue[] | undefined, b: readonly CellValue[]): boolean {
  const n = Math.max(a?.length ?? 0, b.length);
  for (let i = 0; i < n; i++) if (!sameValue(a?.[i], b[i])) return false;
  return true;
}

function sheetWidth(sheet: SheetGrid): number {
  let w = 0;
  for (const r of sheet.rows) if (r && r.length > w) w = r.length;
  return w;
}

function padTo(sheet: SheetGrid, width: number): void {
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? (sheet.rows[r] = []);
    while (row.length < width) row.push(null);
  }
}

/** Applies an insertion or deletion of rows/columns to a cached sheet. */
export function applyStructuralChange(sheet: SheetGrid, ch: StructuralChange): void {
  const width = sheetWidth(sheet);
  if (ch.axis === 'rows') {
    if (ch.at >= sheet.rows.length) return;
    if (ch.count > 0) sheet.rows.splice(ch.at, 0, ...Array.from({ length: ch.count }, () => new Array<CellValue>(width).fill(null)));
    else sheet.rows.splice(ch.at, -ch.count);
    return;
  }
  if (ch.at >= width) return;
  for (const row of sheet.rows) {
    if (!row) continue;
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

export class LiveChecker {
  private handler?: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
  private readonly idToName = new Map<string, string>();
  private queue: PendingEvent[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private result?: ValidationResult;
  /** The last error of a background re-check (the next edit tries again). */
  lastError?: unknown;

  constructor(
    private readonly run: typeof Excel.run,
    private readonly state: LiveState,
    private readonly onResult: (r: ValidationResult) => void,
    private readonly debounceMs = 500,
  ) {}

  /** The latest result (the grid as cached when start() ran, then after every re-check). */
  get current(): ValidationResult | undefined {
    return this.result;
  }

  private validate(): ValidationResult {
    return recheckWorkbook(this.state.grid, this.state.profile, this.state.asOf);
  }

  /**
   * Takes the current marks as those of `state.grid` (checkWorkbook just wrote them) and subscribes to
   * changes of every worksheet (WorksheetCollection.onChanged, ExcelApi 1.9).
   */
  async start(): Promise<void> {
    if (this.handler) return; // already listening
    this.stopped = false;
    this.result = this.validate();
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/id,items/name');
      this.handler = worksheets.onChanged.add((e) => this.onChanged(e));
      await context.sync();
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
    const handler = this.handler;
    this.handler = undefined;
    if (handler) {
      await this.run(handler.context, async (context) => {
        handler.remove();
        await context.sync();
      });
    }
    await this.running;
  }

  /** Resolves when no re-check is scheduled or running (for tests and for "check now" buttons). */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.kick();
      }
      if (!this.running) return;
      await this.running;
    }
  }

  private async onChanged(e: Excel.WorksheetChangedEventArgs): Promise<void> {
    if (this.stopped) return;
    // A single-cell event whose value did not change is a format change (our fills): nothing to re-check.
    const d = (e as { details?: Excel.ChangedEventDetail }).details;
    if (d && d.valueBefore === d.valueAfter && d.valueTypeBefore === d.valueTypeAfter) return;
    this.queue.push({ worksheetId: e.worksheetId, address: e.address, changeType: String(e.changeType ?? 'RangeEdited') });
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, this.debounceMs);
  }

  private kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.flush()
      .catch((err: unknown) => {
        this.lastError = err;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async flush(): Promise<void> {
    const events = this.queue.splice(0);
    if (events.length === 0 || this.stopped) return;
    const { grid, lang, resultsSheet, profile } = this.state;
    await this.run(async (context) => {
      if (events.some((e) => !this.idToName.has(e.worksheetId))) {
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/id,items/name');
        await context.sync();
        this.idToName.clear();
        for (const ws of worksheets.items) this.idToName.set(ws.id, ws.name);
      }

      const changes: StructuralChange[] = [];
      const pending = new Map<string, PendingSheet>();
      let remarkAll = false;
      for (const ev of events) {
        const name = this.idToName.get(ev.worksheetId);
        // Sheets not in the grid: Jiangxuan's own (marks state, results) and sheets added after the check.
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
          applyStructuralChange(sheet, ch);
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
          // Cells shifted down/up or right/left: re-read from the top row to the end, re-mark everything.
          remarkAll = true;
          bottom = MAX_ROWS - 1;
          p.unboundedCols = true;
        }
        if (b.right >= MAX_COLS - 1) p.unboundedCols = true;
        else p.width = Math.max(p.width, b.right + 1);
        if (bottom >= MAX_ROWS - 1) {
          p.unboundedRows = true;
          p.from = Math.min(p.from ?? b.top, b.top);
        } else {
          for (let r = b.top; r <= bottom; r++) p.rows.add(r);
        }
      }

      // Whole rows / columns edited: the used range bounds what can hold values (one sync, only then).
      const needDims = [...pending].filter(([, p]) => p.unboundedRows || p.unboundedCols);
      if (needDims.length) {
        const dims = needDims.map(([name]) => context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load('rowIndex,rowCount,columnIndex,columnCount'));
        await context.sync();
        needDims.forEach(([name, p], i) => {
          const u = dims[i];
          const sheet = grid.sheets.find((s) => s.name === name)!;
          const usedBottom = u.isNullObject ? -1 : u.rowIndex + u.rowCount - 1;
          const usedRight = u.isNullObject ? -1 : u.columnIndex + u.columnCount - 1;
          if (p.unboundedRows) {
            const to = Math.max(usedBottom, sheet.rows.length - 1);
            for (let r = p.from ?? 0; r <= to; r++) p.rows.add(r);
          }
          if (p.unboundedCols) p.width = Math.max(p.width, usedRight + 1);
        });
      }

      let changed = changes.length > 0;
      for (const [name, p] of pending) {
        if (p.rows.size === 0) continue;
        const sheet = grid.sheets.find((s) => s.name === name)!;
        const width = Math.max(sheetWidth(sheet), p.width);
        const read = await readRows(context, name, [...p.rows], width);
        if (width > sheetWidth(sheet)) padTo(sheet, width);
        for (const [r, values] of read) {
          while (sheet.rows.length <= r) sheet.rows.push(new Array<CellValue>(width).fill(null));
          if (!sameRow(sheet.rows[r], values)) {
            sheet.rows[r] = values;
            changed = true;
          }
        }
      }
      if (!changed && !remarkAll) return;

      const before = this.result ?? { findings: [] };
      const after = this.validate();
      // Where the old findings are now (rows/columns inserted or deleted), to compare cell by cell.
      const moved = before.findings.flatMap((f) => {
        let pos: { row: number; col: number } | undefined = { row: f.row, col: f.col };
        for (const ch of changes) if (pos) pos = shiftPosition(ch, f.sheet, pos.row, pos.col);
        return pos ? [{ ...f, row: pos.row, col: pos.col }] : [];
      });
      const sig = (m: { severity: string; text: string }) => `${m.severity}\u0001${m.text}`;
      const oldCells = groupByCell(moved, lang);
      const newCells = groupByCell(after.findings, lang);
      const scope = new Set<string>();
      for (const [k, m] of newCells) if (oldCells.get(k) === undefined || sig(oldCells.get(k)!) !== sig(m)) scope.add(k);
      for (const k of oldCells.keys()) if (!newCells.has(k)) scope.add(k);

      if (remarkAll || scope.size > 0 || changes.length > 0) {
        await applyMarks(context, {
          findings: after.findings,
          opts: { lang, resultsSheet, programName: profile.shortName[lang] },
          scope: remarkAll ? undefined : scope,
          changes,
          results: resultsSheet && (remarkAll || scope.size > 0 || changes.length > 0) ? 'rewrite' : 'keep',
        });
      }
      this.result = after;
      this.onResult(after);
    });
  }
}

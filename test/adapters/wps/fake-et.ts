/// <reference types="wps-jsapi-declare" />
/**
 * A strict simulation of WPS 表格's object model for the WPS adapter's tests, generated from the declarations
 * (scripts/wps/et-model.js reads types/wps-et.d.ts and wps-jsapi-declare with the TypeScript compiler API).
 * Every object the code receives is a Proxy that throws on a member the declarations do not have, on writing a
 * read-only or undeclared property, and on a declared member this simulation does not implement: the adapter
 * can only use what the declarations promise. It behaves like ET (and the VBA model ET mirrors) where the adapter
 * depends on it: Value2 scalars and row arrays, errors as CVErr numbers, NumberFormat null for mixed ranges,
 * Interior colours in BGR with ColorIndex xlColorIndexNone (-4142) for "no fill" and null for mixed ranges,
 * one legacy comment per cell (AddComment fails on a cell that has one), validation per cell (Add fails where
 * validation exists), MergeCells true/false/null, veryHidden sheets that cannot be activated or deleted,
 * Worksheet.Delete that would ask the user while DisplayAlerts is on, Sheets.Add activating the new sheet.
 * Each member access is one bridge call (`calls`), so tests can bound the adapter's cost.
 */
import type { Et } from '../../../types/wps-et';
import type { CellValue, MergedRange, WorkbookGrid } from '../../../src/core/model/grid';
import { cellAddress, columnIndex, isCellError } from '../../../src/core/model/grid';

const { readEtModel } = require('../../../scripts/wps/et-model.js') as { readEtModel: () => Record<string, Record<string, { kind: 'property' | 'method'; readonly: boolean }>> };

export const MODEL = readEtModel();
/** What `Application` / `wps` is inside a WPS 表格 add-in page: the ET application and the add-in root. */
MODEL.Root = { ...MODEL['WPS.AddonRoot'], ...MODEL['Et.Application'] };

export const XL_NONE = -4142;
export const XL_SOLID = 1;
const WHITE = 16777215;
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface FakeInterior {
  color: number;
  colorIndex: number;
  pattern: number;
  patternColor: number;
  tint: number;
}
export const NO_FILL: FakeInterior = { color: WHITE, colorIndex: XL_NONE, pattern: XL_NONE, patternColor: 0, tint: 0 };

export function solidBgr(bgr: number): FakeInterior {
  return { color: bgr, colorIndex: paletteIndex(bgr), pattern: XL_SOLID, patternColor: 0, tint: 0 };
}

/** "#FFC7CE" → BGR (test side, independent of the adapter's helper). */
export function bgr(hex: string): number {
  const h = hex.replace('#', '');
  return parseInt(h.slice(4, 6), 16) * 65536 + parseInt(h.slice(2, 4), 16) * 256 + parseInt(h.slice(0, 2), 16);
}

/** A patterned or tinted fill as ET reports it (ColorIndex follows the colour). */
export function fillOf(color: number, pattern = XL_SOLID, patternColor = 0, tint = 0): FakeInterior {
  return { color, colorIndex: paletteIndex(color), pattern, patternColor, tint };
}

function paletteIndex(color: number): number {
  return 1 + (color % 55); // any stable number other than xlColorIndexNone
}

export interface FakeValidation {
  type: number;
  alertStyle: number;
  operator: number;
  formula1: string;
  formula2: string;
  ignoreBlank: boolean;
  inCellDropdown: boolean;
  showInput: boolean;
  showError: boolean;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
}

type V2 = string | number | boolean | null;

export interface FakeCell {
  v?: V2;
  fmt?: string;
  fill?: FakeInterior;
  comment?: { text: string; author: string };
  validation?: FakeValidation;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CVERR_CODE: Record<string, number> = { '#NULL!': 2000, '#DIV/0!': 2007, '#VALUE!': 2015, '#REF!': 2023, '#NAME?': 2029, '#NUM!': 2036, '#N/A': 2042 };
/** An error cell's Value2 as WPS gives it: the HRESULT form of the CVErr code. */
export function cvErr(text: string): number {
  return -2146828288 + (CVERR_CODE[text] ?? 2015);
}

function key(r: number, c: number): string {
  return `${r},${c}`;
}

/** "B2", "$B$2", "A1:C3", "A:A", "3:3" → 0-based rectangle. */
export function parseA1(a: string): Rect {
  const parts = a.replace(/\$/g, '').split(':');
  const one = (p: string, end: boolean) => {
    const m = /^([A-Za-z]{1,3})?(\d+)?$/.exec(p.trim());
    if (!m || (!m[1] && !m[2])) throw new Error(`ET cannot read the address "${a}"`);
    return {
      row: m[2] ? Number(m[2]) - 1 : end ? MAX_ROWS - 1 : 0,
      col: m[1] ? columnIndex(m[1]) : end ? MAX_COLS - 1 : 0,
    };
  };
  const s = one(parts[0], false);
  const e = parts[1] ? one(parts[1], true) : /^\d+$/.test(parts[0]) || /^[A-Za-z]+$/.test(parts[0]) ? one(parts[0], true) : s;
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

export class FakeSheet {
  visible = -1;
  protectContents = false;
  cells = new Map<string, FakeCell>();
  merges: MergedRange[] = [];
  /** Cells carrying a comment, in the order they got it (Worksheet.Comments order). */
  commentOrder: string[] = [];
  /** Hidden rows (0-based): Range.Hidden of whole rows sees them. */
  readonly hiddenRows = new Set<number>();
  /** Formatting applied this far (the used range grows to it, as with a format on whole rows or columns). */
  formattedTo?: { bottom: number; right: number };

  constructor(
    readonly book: FakeWorkbook,
    public name: string,
  ) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }

  ensure(r: number, c: number): FakeCell {
    let x = this.cells.get(key(r, c));
    if (!x) this.cells.set(key(r, c), (x = {}));
    return x;
  }

  at(a1: string): FakeCell | undefined {
    const r = parseA1(a1);
    return this.cell(r.top, r.left);
  }

  value(a1: string): V2 | undefined {
    return this.at(a1)?.v ?? null;
  }

  fill(a1: string): FakeInterior {
    return { ...(this.at(a1)?.fill ?? NO_FILL) };
  }

  setFill(a1: string, f: FakeInterior): void {
    const r = parseA1(a1);
    this.ensure(r.top, r.left).fill = { ...f };
  }

  comment(a1: string): string | undefined {
    return this.at(a1)?.comment?.text;
  }

  addUserComment(a1: string, text: string, author = '审核员'): void {
    const r = parseA1(a1);
    const c = this.ensure(r.top, r.left);
    if (c.comment) throw new Error('cell already has a comment');
    c.comment = { text, author };
    this.commentOrder.push(key(r.top, r.left));
  }

  validation(a1: string): FakeValidation | undefined {
    const v = this.at(a1)?.validation;
    return v ? { ...v } : undefined;
  }

  /** Bounding box of everything in the sheet (values, formats, fills, comments, validation); A1 when empty. */
  used(): Rect {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (c.v === undefined && c.fmt === undefined && c.fill === undefined && !c.comment && !c.validation) continue;
      // Read without split(): this runs over every cell of the sheet (the pane benchmark's 255,000).
      const comma = k.indexOf(',');
      const r = Number(k.slice(0, comma));
      const col = Number(k.slice(comma + 1));
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    if (this.formattedTo) {
      top = Math.min(top, 0);
      left = Math.min(left, 0);
      bottom = Math.max(bottom, this.formattedTo.bottom);
      right = Math.max(right, this.formattedTo.right);
    }
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }
}

export interface TaskPaneRecord {
  id: number;
  url: string;
  visible: boolean;
  dock?: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  active?: FakeSheet;
  selection?: { sheet: string; address: string };
  screenUpdating = true;
  displayAlerts = true;
  /** Bridge calls: every member read, write or call on a simulated object. */
  calls = 0;
  /** Value2 written by the code under test: sheet and address. */
  writes: { sheet: string; address: string }[] = [];
  /** False: an older WPS without Application.ApiEvent. */
  hasApiEvent = true;
  listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  taskPanes: TaskPaneRecord[] = [];
  pluginStorage = new Map<string, string>();
  alerts: string[] = [];

  constructor(public name = '推荐汇总表.xlsx') {}

  addSheet(name: string, rows: CellValue[][] = []): FakeSheet {
    const s = new FakeSheet(this, name);
    this.sheets.push(s);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = s.ensure(r, c);
        if (v instanceof Date) {
          cell.v = (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
          cell.fmt = 'yyyy/m/d';
        } else if (isCellError(v)) cell.v = cvErr(v.error);
        else cell.v = v as V2;
      }),
    );
    if (!this.active) this.active = s;
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** A grid (as a file reader gives it) as an open workbook: dates become date-formatted serials, errors CVErr. */
  static fromGrid(grid: WorkbookGrid, name?: string): FakeWorkbook {
    const wb = new FakeWorkbook(name);
    for (const g of grid.sheets) {
      const s = wb.addSheet(g.name, g.rows);
      s.merges = g.merges.map((m) => ({ ...m }));
      if (g.hidden) s.visible = 0;
      for (const r of g.hiddenRows ?? []) s.hiddenRows.add(r);
    }
    wb.active = wb.sheets.find((s) => s.visible === -1) ?? wb.sheets[0];
    return wb;
  }

  /** The file saved, closed and opened again: everything stored in it, nothing of the session. */
  reopen(): FakeWorkbook {
    const wb = new FakeWorkbook(this.name);
    for (const s of this.sheets) {
      const c = wb.addSheet(s.name);
      c.visible = s.visible;
      c.protectContents = s.protectContents;
      c.merges = s.merges.map((m) => ({ ...m }));
      c.commentOrder = [...s.commentOrder];
      c.formattedTo = s.formattedTo && { ...s.formattedTo };
      for (const r of s.hiddenRows) c.hiddenRows.add(r);
      for (const [k, cell] of s.cells) c.cells.set(k, JSON.parse(JSON.stringify(cell)) as FakeCell);
    }
    wb.active = wb.sheets.find((x) => x.name === this.active?.name) ?? wb.sheets[0];
    wb.hasApiEvent = this.hasApiEvent;
    return wb;
  }

  /** What WPS's `Application` (and `wps`) is in an add-in page. */
  app(): Et.Application & WPS.AddonRoot {
    return strict<Et.Application & WPS.AddonRoot>('Root', rootImpl(this), this);
  }

  /** The user types into a cell: the value changes and SheetChange fires with that cell. */
  userEdit(sheet: string, a1: string, v: V2): void {
    const s = this.sheet(sheet);
    const r = parseA1(a1);
    for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) {
      const cell = s.ensure(row, c);
      if (v === null) delete cell.v;
      else cell.v = v;
    }
    this.fire('SheetChange', strict('Et.Worksheet', sheetImpl(this, s), this), makeRange(this, s, r));
  }

  fire(name: string, ...args: unknown[]): void {
    for (const fn of [...(this.listeners.get(name) ?? [])]) fn(...args);
  }
}

function strict<T>(iface: string, impl: object, wb: FakeWorkbook): T {
  const members = MODEL[iface];
  if (!members) throw new Error(`no declarations for ${iface}`);
  return new Proxy(impl, {
    get(target, prop) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      const m = members[prop];
      if (!m) throw new Error(`${iface}.${prop} is not in the declarations`);
      wb.calls++;
      if (!(prop in target)) throw new Error(`the simulation does not implement ${iface}.${prop}`);
      const v = (target as Record<string, unknown>)[prop];
      if (m.kind === 'method') {
        if (typeof v !== 'function') throw new Error(`${iface}.${prop} is a method`);
        return (...args: unknown[]) => (v as (...a: unknown[]) => unknown).apply(target, args);
      }
      return v;
    },
    set(target, prop, value) {
      if (typeof prop === 'symbol') return false;
      const m = members[prop];
      if (!m) throw new Error(`${iface}.${prop} is not in the declarations`);
      if (m.kind === 'method' || m.readonly) throw new Error(`${iface}.${prop} is read-only`);
      const d = Object.getOwnPropertyDescriptor(target, prop);
      if (!d?.set) throw new Error(`the simulation does not implement setting ${iface}.${prop}`);
      wb.calls++;
      d.set.call(target, value);
      return true;
    },
  }) as T;
}

function rootImpl(wb: FakeWorkbook): object {
  const events = {
    AddApiEventListener(name: string, cb: (...a: unknown[]) => void) {
      const list = wb.listeners.get(name) ?? [];
      list.push(cb);
      wb.listeners.set(name, list);
    },
    RemoveApiEventListener(name: string, cb?: (...a: unknown[]) => void) {
      const list = wb.listeners.get(name) ?? [];
      wb.listeners.set(name, cb ? list.filter((x) => x !== cb) : []);
    },
  };
  const storage = {
    setItem: (k: string, v: unknown) => void wb.pluginStorage.set(k, String(v)),
    getItem: (k: string) => wb.pluginStorage.get(k) ?? null,
    removeItem: (k: string) => void wb.pluginStorage.delete(k),
    clear: () => wb.pluginStorage.clear(),
    key: (i: number) => [...wb.pluginStorage.keys()][i] ?? null,
    get length() {
      return wb.pluginStorage.size;
    },
  };
  const pane = (rec: TaskPaneRecord) =>
    strict(
      'WPS.CustomTaskpane',
      {
        get ID() {
          return rec.id;
        },
        get Visible() {
          return rec.visible;
        },
        set Visible(v: boolean) {
          rec.visible = !!v;
        },
        get DockPosition() {
          return rec.dock ?? 0;
        },
        set DockPosition(v: number) {
          rec.dock = v;
        },
        Navigate(url: string) {
          rec.url = url;
        },
        Delete() {
          wb.taskPanes = wb.taskPanes.filter((p) => p !== rec);
        },
      },
      wb,
    );
  return {
    get ActiveWorkbook() {
      return wb.sheets.length ? strict('Et.Workbook', workbookImpl(wb), wb) : null;
    },
    get ActiveSheet() {
      return wb.active ? strict('Et.Worksheet', sheetImpl(wb, wb.active), wb) : null;
    },
    get ApiEvent() {
      if (!wb.hasApiEvent) return undefined;
      return strict('Et.ApiEvent', events, wb);
    },
    get ScreenUpdating() {
      return wb.screenUpdating;
    },
    set ScreenUpdating(v: boolean) {
      wb.screenUpdating = !!v;
    },
    get DisplayAlerts() {
      return wb.displayAlerts;
    },
    set DisplayAlerts(v: boolean) {
      wb.displayAlerts = !!v;
    },
    get Name() {
      return 'WPS 表格';
    },
    get Version() {
      return '12.1';
    },
    get Build() {
      return '12.1.0.16250';
    },
    get PluginStorage() {
      return strict('WPS.PluginStorage', storage, wb);
    },
    CreateTaskPane(url: string) {
      const rec = { id: wb.taskPanes.length + 1, url, visible: false };
      wb.taskPanes.push(rec);
      return pane(rec);
    },
    GetTaskPane(id: number) {
      const rec = wb.taskPanes.find((p) => p.id === Number(id));
      if (!rec) throw new Error(`no task pane ${id}`);
      return pane(rec);
    },
  };
}

function workbookImpl(wb: FakeWorkbook): object {
  const sheets = () => strict('Et.Sheets', sheetsImpl(wb), wb);
  return {
    get Name() {
      return wb.name;
    },
    get FullName() {
      return `C:\\Users\\officer\\Documents\\${wb.name}`;
    },
    get Worksheets() {
      return sheets();
    },
    get Sheets() {
      return sheets();
    },
    get Saved() {
      return false;
    },
  };
}

function sheetsImpl(wb: FakeWorkbook): object {
  return {
    get Count() {
      return wb.sheets.length;
    },
    Item(i: number | string) {
      const s = typeof i === 'number' ? wb.sheets[i - 1] : wb.sheets.find((x) => x.name === i);
      if (!s) throw new Error(`Sheets.Item(${String(i)}): no such sheet`);
      return strict('Et.Worksheet', sheetImpl(wb, s), wb);
    },
    Add(before?: Et.Worksheet, after?: Et.Worksheet) {
      let n = wb.sheets.length + 1;
      while (wb.sheets.some((x) => x.name === `Sheet${n}`)) n++;
      const s = new FakeSheet(wb, `Sheet${n}`);
      const anchor = (before ?? after) as Et.Worksheet | undefined;
      const at = anchor ? wb.sheets.findIndex((x) => x.name === anchor.Name) + (after ? 1 : 0) : wb.sheets.length;
      wb.sheets.splice(at, 0, s);
      wb.active = s; // VBA: the new sheet becomes the active one
      return strict('Et.Worksheet', sheetImpl(wb, s), wb);
    },
  };
}

function sheetImpl(wb: FakeWorkbook, s: FakeSheet): object {
  const alive = () => {
    if (!wb.sheets.includes(s)) throw new Error(`the sheet ${s.name} was deleted`);
  };
  return {
    get Name() {
      return s.name;
    },
    set Name(v: string) {
      if (wb.sheets.some((x) => x !== s && x.name === v)) throw new Error(`a sheet named ${v} exists`);
      s.name = v;
    },
    get Index() {
      return wb.sheets.indexOf(s) + 1;
    },
    get Visible() {
      return s.visible;
    },
    set Visible(v: number) {
      if (v !== -1 && wb.sheets.filter((x) => x.visible === -1 && x !== s).length === 0) throw new Error('at least one sheet must stay visible');
      s.visible = v;
      if (v !== -1 && wb.active === s) wb.active = wb.sheets.find((x) => x.visible === -1);
    },
    get ProtectContents() {
      return s.protectContents;
    },
    get UsedRange() {
      alive();
      return makeRange(wb, s, s.used());
    },
    get Cells() {
      return makeRange(wb, s, { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 });
    },
    get Comments() {
      return strict('Et.Comments', commentsImpl(wb, s), wb);
    },
    Range(a: string | Et.Range, b?: string | Et.Range) {
      alive();
      const rect = (x: string | Et.Range): Rect =>
        typeof x === 'string' ? parseA1(x) : { top: x.Row - 1, left: x.Column - 1, bottom: x.Row - 2 + x.Rows.Count, right: x.Column - 2 + x.Columns.Count };
      const r1 = rect(a);
      const r2 = b === undefined ? r1 : rect(b);
      return makeRange(wb, s, { top: Math.min(r1.top, r2.top), left: Math.min(r1.left, r2.left), bottom: Math.max(r1.bottom, r2.bottom), right: Math.max(r1.right, r2.right) });
    },
    Activate() {
      if (s.visible !== -1) throw new Error('a hidden sheet cannot be activated');
      wb.active = s;
    },
    Delete() {
      if (wb.displayAlerts) throw new Error('Worksheet.Delete would ask the user (DisplayAlerts is on)');
      if (s.visible === 2) throw new Error('a veryHidden sheet cannot be deleted');
      wb.sheets = wb.sheets.filter((x) => x !== s);
      if (wb.active === s) wb.active = wb.sheets.find((x) => x.visible === -1);
    },
  };
}

function commentImpl(wb: FakeWorkbook, s: FakeSheet, r: number, c: number): object {
  const get = () => {
    const cm = s.cell(r, c)?.comment;
    if (!cm) throw new Error('the comment was deleted');
    return cm;
  };
  return {
    Text(text?: string) {
      const cm = get();
      if (text !== undefined) {
        if (s.protectContents) throw new Error('the sheet is protected');
        cm.text = String(text);
      }
      return cm.text;
    },
    get Author() {
      return get().author;
    },
    get Parent() {
      return makeRange(wb, s, { top: r, left: c, bottom: r, right: c });
    },
    Delete() {
      get();
      if (s.protectContents) throw new Error('the sheet is protected');
      delete s.cell(r, c)!.comment;
      s.commentOrder = s.commentOrder.filter((k) => k !== key(r, c));
    },
  };
}

function commentsImpl(wb: FakeWorkbook, s: FakeSheet): object {
  return {
    get Count() {
      return s.commentOrder.length;
    },
    Item(i: number) {
      const k = s.commentOrder[i - 1];
      if (!k) throw new Error(`Comments.Item(${i}): out of range`);
      const [r, c] = k.split(',').map(Number);
      return strict('Et.Comment', commentImpl(wb, s, r, c), wb);
    },
  };
}

function cellsOf(r: Rect): [number, number][] {
  const out: [number, number][] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) out.push([row, c]);
  return out;
}

function area(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Reading a property of every cell of a huge range would hang WPS too: the simulation refuses. */
const CELL_BY_CELL_LIMIT = 5_000_000;

function uniform<T>(s: FakeSheet, r: Rect, get: (c: FakeCell | undefined) => T): T | null {
  if (area(r) > CELL_BY_CELL_LIMIT) throw new Error(`reading ${area(r)} cells at once`);
  let first: T | undefined;
  let started = false;
  for (let row = r.top; row <= r.bottom; row++)
    for (let c = r.left; c <= r.right; c++) {
      const v = get(s.cell(row, c));
      if (!started) {
        first = v;
        started = true;
      } else if (v !== first) return null;
    }
  return first as T;
}

function mergeAt(s: FakeSheet, row: number, col: number): MergedRange | undefined {
  return s.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

type CountMode = 'cells' | 'rows' | 'cols';

export function makeRange(wb: FakeWorkbook, s: FakeSheet, r: Rect, mode: CountMode = 'cells', areas?: Rect[]): Et.Range {
  const writable = () => {
    if (s.protectContents) throw new Error('the sheet is protected');
  };
  const impl = {
    get Value2(): unknown {
      if (area(r) > CELL_BY_CELL_LIMIT) throw new Error(`Value2 of ${area(r)} cells`);
      const v = (row: number, c: number) => s.cell(row, c)?.v ?? null;
      if (r.top === r.bottom && r.left === r.right) return v(r.top, r.left);
      const out: V2[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: V2[] = [];
        for (let c = r.left; c <= r.right; c++) line.push(v(row, c));
        out.push(line);
      }
      return out;
    },
    set Value2(value: unknown) {
      writable();
      wb.writes.push({ sheet: s.name, address: rectAddr(r) });
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const x = Array.isArray(value) ? (value as unknown[][])[i]?.[j] : value;
          const cell = s.ensure(r.top + i, r.left + j);
          if (x === null || x === undefined || x === '') delete cell.v;
          else cell.v = x as V2;
        }
    },
    get NumberFormat() {
      return uniform(s, r, (c) => c?.fmt ?? 'General');
    },
    set NumberFormat(f: string | null) {
      writable();
      if (f === null) throw new Error('NumberFormat = null');
      for (const [row, c] of cellsOf(r)) s.ensure(row, c).fmt = f;
    },
    get NumberFormatLocal() {
      return uniform(s, r, (c) => (c?.fmt ?? 'G/通用格式').replace(/^General$/, 'G/通用格式'));
    },
    get Text() {
      const v = s.cell(r.top, r.left)?.v;
      if (typeof v === 'number' && v < -2146826000) return Object.keys(CVERR_CODE).find((k) => cvErr(k) === v) ?? '#VALUE!';
      return v === undefined || v === null ? '' : String(v);
    },
    get Row() {
      return r.top + 1;
    },
    get Column() {
      return r.left + 1;
    },
    get Rows() {
      return makeRange(wb, s, r, 'rows');
    },
    get Columns() {
      return makeRange(wb, s, r, 'cols');
    },
    get Count() {
      return mode === 'rows' ? r.bottom - r.top + 1 : mode === 'cols' ? r.right - r.left + 1 : area(r);
    },
    get Areas() {
      const list = areas ?? [r];
      return strict(
        'Et.Areas',
        {
          get Count() {
            return list.length;
          },
          Item(i: number) {
            return makeRange(wb, s, list[i - 1]);
          },
        },
        wb,
      );
    },
    get Worksheet() {
      return strict('Et.Worksheet', sheetImpl(wb, s), wb);
    },
    get MergeCells() {
      return mergeCellsOf(s, r);
    },
    get Hidden() {
      // VBA: "The specified range must span an entire column or row."
      if (r.left !== 0 || r.right !== MAX_COLS - 1) throw new Error(`Hidden of ${rectAddr(r)}: not whole rows`);
      let n = 0;
      for (const h of s.hiddenRows) if (h >= r.top && h <= r.bottom) n++;
      return n === 0 ? false : n === r.bottom - r.top + 1 ? true : null;
    },
    get MergeArea() {
      const m = mergeAt(s, r.top, r.left);
      return makeRange(wb, s, m ? { ...m } : { top: r.top, left: r.left, bottom: r.top, right: r.left });
    },
    get Interior() {
      return strict('Et.Interior', interiorImpl(s, r, writable), wb);
    },
    get Comment() {
      return s.cell(r.top, r.left)?.comment ? strict('Et.Comment', commentImpl(wb, s, r.top, r.left), wb) : null;
    },
    get Validation() {
      return strict('Et.Validation', validationImpl(s, r, writable), wb);
    },
    Address(rowAbs = true, colAbs = true) {
      const a = (row: number, c: number) => `${colAbs ? '$' : ''}${cellAddress(0, c).replace(/\d+$/, '')}${rowAbs ? '$' : ''}${row + 1}`;
      return r.top === r.bottom && r.left === r.right ? a(r.top, r.left) : `${a(r.top, r.left)}:${a(r.bottom, r.right)}`;
    },
    Item(row: number, col = 1) {
      return makeRange(wb, s, { top: r.top + row - 1, left: r.left + col - 1, bottom: r.top + row - 1, right: r.left + col - 1 });
    },
    Resize(rows = r.bottom - r.top + 1, cols = r.right - r.left + 1) {
      return makeRange(wb, s, { top: r.top, left: r.left, bottom: r.top + rows - 1, right: r.left + cols - 1 });
    },
    Offset(dr = 0, dc = 0) {
      return makeRange(wb, s, { top: r.top + dr, left: r.left + dc, bottom: r.bottom + dr, right: r.right + dc });
    },
    AddComment(text?: string) {
      writable();
      const cell = s.ensure(r.top, r.left);
      if (cell.comment) throw new Error(`${rectAddr({ ...r, bottom: r.top, right: r.left })} already has a comment`);
      cell.comment = { text: text ?? '', author: 'WPS 用户' };
      s.commentOrder.push(key(r.top, r.left));
      return strict('Et.Comment', commentImpl(wb, s, r.top, r.left), wb);
    },
    ClearComments() {
      writable();
      for (const [row, c] of cellsOf(r)) {
        const cell = s.cell(row, c);
        if (cell?.comment) {
          delete cell.comment;
          s.commentOrder = s.commentOrder.filter((k) => k !== key(row, c));
        }
      }
    },
    Find(what: string, _after?: unknown, lookIn?: number, lookAt?: number, order?: number, direction?: number) {
      if (what !== '*' || lookIn !== -4123 || lookAt !== 2 || direction !== 2) throw new Error('the simulation implements Find("*", …, xlPrevious) only');
      let best: [number, number] | undefined;
      for (const [k, c] of s.cells) {
        if (c.v === undefined || c.v === null) continue;
        const [row, col] = k.split(',').map(Number);
        if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
        const better = !best || (order === 2 ? col > best[1] || (col === best[1] && row > best[0]) : row > best[0] || (row === best[0] && col > best[1]));
        if (better) best = [row, col];
      }
      return best ? makeRange(wb, s, { top: best[0], left: best[1], bottom: best[0], right: best[1] }) : null;
    },
    Select() {
      if (s.visible !== -1 || wb.active !== s) throw new Error('select a cell of the active sheet only');
      wb.selection = { sheet: s.name, address: rectAddr(r) };
    },
    Activate() {
      if (wb.active !== s) throw new Error('activate a cell of the active sheet only');
      wb.selection = { sheet: s.name, address: rectAddr(r) };
    },
  };
  return strict<Et.Range>('Et.Range', impl, wb);
}

function mergeCellsOf(s: FakeSheet, r: Rect): boolean | null {
  let any = false;
  let all = true;
  for (const m of s.merges) if (!(m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right)) any = true;
  if (!any) return false;
  if (area(r) > CELL_BY_CELL_LIMIT) return null;
  for (const [row, c] of cellsOf(r)) if (!mergeAt(s, row, c)) all = false;
  return all ? true : null;
}

function need(x: number | null): number {
  if (typeof x !== 'number') throw new Error(`ET expects a number here, got ${String(x)}`);
  return x;
}

function rectAddr(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

function interiorImpl(s: FakeSheet, r: Rect, writable: () => void): object {
  const f = (c: FakeCell | undefined) => c?.fill ?? NO_FILL;
  const each = (fn: (x: FakeInterior) => FakeInterior) => {
    writable();
    for (const [row, c] of cellsOf(r)) {
      const cell = s.ensure(row, c);
      cell.fill = fn({ ...f(cell) });
    }
  };
  return {
    get Color() {
      return uniform(s, r, (c) => f(c).color);
    },
    set Color(x: number | null) {
      const v = need(x);
      each((x) => ({ ...x, color: v, colorIndex: paletteIndex(v), pattern: x.pattern === XL_NONE ? XL_SOLID : x.pattern }));
    },
    get ColorIndex() {
      return uniform(s, r, (c) => f(c).colorIndex);
    },
    set ColorIndex(x: number | null) {
      const v = need(x);
      each((x) => (v === XL_NONE ? { ...NO_FILL } : { ...x, colorIndex: v, color: v * 4099, pattern: x.pattern === XL_NONE ? XL_SOLID : x.pattern }));
    },
    get Pattern() {
      return uniform(s, r, (c) => f(c).pattern);
    },
    set Pattern(x: number | null) {
      const v = need(x);
      each((x) => (v === XL_NONE ? { ...NO_FILL } : { ...x, pattern: v, colorIndex: x.colorIndex === XL_NONE ? paletteIndex(x.color) : x.colorIndex }));
    },
    get PatternColor() {
      return uniform(s, r, (c) => f(c).patternColor);
    },
    set PatternColor(x: number | null) {
      const v = need(x);
      each((x) => ({ ...x, patternColor: v }));
    },
    get TintAndShade() {
      return uniform(s, r, (c) => f(c).tint);
    },
    set TintAndShade(x: number | null) {
      const v = need(x);
      each((x) => ({ ...x, tint: v }));
    },
  };
}

function validationImpl(s: FakeSheet, r: Rect, writable: () => void): object {
  const first = () => s.cell(r.top, r.left)?.validation;
  const setAll = (k: keyof FakeValidation, v: unknown) => {
    writable();
    for (const [row, c] of cellsOf(r)) {
      const val = s.cell(row, c)?.validation;
      if (!val) throw new Error('set a validation property after Validation.Add');
      (val as unknown as Record<string, unknown>)[k] = v;
    }
  };
  const prop = (k: keyof FakeValidation) => ({
    get: () => {
      const v = first();
      if (!v) throw new Error('the range has no validation');
      return v[k];
    },
    set: (x: unknown) => setAll(k, x),
  });
  const o: Record<string, unknown> = {
    Add(type: number, alertStyle = 1, operator = 1, formula1: string | number = '', formula2: string | number = '') {
      writable();
      if (cellsOf(r).some(([row, c]) => s.cell(row, c)?.validation)) throw new Error('the range already has validation: Delete it first');
      if (type === 3 && String(formula1).split(',').some((x) => !x.trim())) throw new Error('an empty list item');
      for (const [row, c] of cellsOf(r))
        s.ensure(row, c).validation = {
          type,
          alertStyle,
          operator,
          formula1: String(formula1),
          formula2: String(formula2),
          ignoreBlank: true,
          inCellDropdown: true,
          showInput: true,
          showError: true,
          inputTitle: '',
          inputMessage: '',
          errorTitle: '',
          errorMessage: '',
        };
    },
    Delete() {
      writable();
      for (const [row, c] of cellsOf(r)) {
        const cell = s.cell(row, c);
        if (cell) delete cell.validation;
      }
    },
  };
  Object.defineProperty(o, 'Type', { get: () => first()?.type ?? 0, enumerable: true });
  Object.defineProperty(o, 'Formula1', { get: () => first()?.formula1 ?? '', enumerable: true });
  const props: [string, keyof FakeValidation][] = [
    ['IgnoreBlank', 'ignoreBlank'],
    ['InCellDropdown', 'inCellDropdown'],
    ['ShowInput', 'showInput'],
    ['ShowError', 'showError'],
    ['InputTitle', 'inputTitle'],
    ['InputMessage', 'inputMessage'],
    ['ErrorTitle', 'errorTitle'],
    ['ErrorMessage', 'errorMessage'],
  ];
  for (const [name, k] of props) Object.defineProperty(o, name, { ...prop(k), enumerable: true });
  return o;
}

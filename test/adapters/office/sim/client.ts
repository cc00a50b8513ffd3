/// <reference types="office-js" />
/**
 * The client side of the simulation: RequestContext, proxy objects for the Excel classes, batching and sync.
 *
 * Strict as Office.js is, and stricter where Office.js only fails later:
 * - every member access is looked up in the API table generated from @types/office-js (api.ts): a member that is
 *   not declared throws a TypeError at once; a member above the simulated host's ExcelApi version makes the next
 *   context.sync() reject with ApiNotFound;
 * - reading a property that was not loaded, or before the sync that loads it, throws PropertyNotLoaded;
 *   collections' `items` and `isNullObject` too; a read-only property cannot be set;
 * - every operation is queued and runs in order at context.sync(); a failing operation rejects the sync (the
 *   operations before it stay applied, as in Excel); a request or response over 5 MB is rejected
 *   (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, or GeneralException as Excel on the web
 *   also reports them);
 * - while the user edits a cell, a sync fails with InvalidOperationInCellEditMode unless the batch was started
 *   with `delayForCellEdit` on a host that supports it (ExcelApi 1.11); then it waits;
 * - writes to a protected sheet, and sheet adds/renames/deletes in a workbook whose structure is protected, fail
 *   with AccessDenied;
 * - every write counts as clearing the user's undo history on hosts below ExcelApi 1.20 (Microsoft: "ExcelApi 1.20
 *   adds undo support"); sheet deletion, visibility and insertWorksheetsFromBase64 clear it on every host.
 */
import { inflateRawSync } from 'node:zlib';
import { apiMember, apiTable, parseTag, tagFor, type ApiMember } from './api';
import { MESSAGES, propertyNotLoaded, SimError, simError } from './errors';
import {
  a1,
  boundsA1,
  type Bounds,
  type ChangedEventArgs,
  contains,
  type EventKind,
  MAX_COLS,
  MAX_ROWS,
  NO_FILL,
  overlaps,
  parseA1,
  quoteSheet,
  type SimCell,
  type SimCF,
  SimSheet,
  type SimWorkbook,
  typeOfValue,
} from './model';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_LIMIT = 5_000_000;

export interface HostConfig {
  /** ExcelApi minor version: 7 for ExcelApi 1.7 (Office 2019), 14 for 1.14 (Office 2021), 17 for 1.17 (Office 2024). */
  api: number;
  platform: 'PC' | 'Mac' | 'OfficeOnline';
  /** How an oversized request is reported: its own code, or GeneralException (seen on Excel on the web). */
  payloadErrors: 'specific' | 'GeneralException';
}

export interface SyncRecord {
  ops: string[];
  requestBytes: number;
  responseBytes: number;
  failed?: string;
}

interface Op {
  label: string;
  write: boolean;
  /** Not undoable on any host (Microsoft's list of APIs without undo support). */
  neverUndoable?: boolean;
  request: number;
  run(): number | void;
}

interface Handler {
  kind: EventKind;
  sheetId?: string;
  fn: (args: unknown) => unknown;
  active: boolean;
}

/** The host: its version, the workbook, the event handlers, the logs. */
export class SimHost {
  readonly syncs: SyncRecord[] = [];
  readonly valueReads: string[] = [];
  readonly handlers: Handler[] = [];
  readonly inserts: { sheets: string[]; options: unknown }[] = [];
  /** Writes that cleared the user's undo history, in order (labels of the operations). */
  readonly undoClears: string[] = [];
  readonly pending = new Set<Promise<unknown>>();
  cellEditMode = false;
  private cellEditWaiters: (() => void)[] = [];

  constructor(
    readonly wb: SimWorkbook,
    readonly config: HostConfig,
  ) {
    wb.emit = (kind, args) => this.deliver(kind, args);
  }

  supports(tag: string | null | undefined): boolean {
    const t = parseTag(tag);
    if (t.set === 'ExcelApi') return t.major === 1 && t.minor <= this.config.api;
    if (t.set === 'ExcelApiOnline') return this.config.platform === 'OfficeOnline';
    if (t.set === 'ExcelApiDesktop') return this.config.platform !== 'OfficeOnline';
    return false;
  }

  get undoSupported(): boolean {
    return this.config.api >= 20;
  }

  enterCellEdit(): void {
    this.cellEditMode = true;
  }

  exitCellEdit(): void {
    this.cellEditMode = false;
    for (const w of this.cellEditWaiters.splice(0)) w();
  }

  waitCellEditEnd(): Promise<void> {
    return this.cellEditMode ? new Promise((resolve) => this.cellEditWaiters.push(resolve)) : Promise.resolve();
  }

  /** Event args as this host version gives them: newer fields are absent on older hosts. */
  private argsFor(kind: EventKind, a: ChangedEventArgs): Record<string, unknown> | undefined {
    const cls = kind === 'changed' ? 'WorksheetChangedEventArgs' : kind === 'rowSorted' ? 'WorksheetRowSortedEventArgs' : 'WorksheetColumnSortedEventArgs';
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) {
      if (v === undefined) continue;
      const m = apiMember(cls, k);
      if (m && this.supports(tagFor(m, 'get'))) out[k] = v;
    }
    return out;
  }

  deliver(kind: EventKind, args: ChangedEventArgs): void {
    const a = this.argsFor(kind, args);
    for (const h of this.handlers) {
      if (!h.active || h.kind !== kind || (h.sheetId && h.sheetId !== args.worksheetId)) continue;
      const p = Promise.resolve()
        .then(() => h.fn(a))
        .catch(() => undefined);
      this.pending.add(p);
      void p.finally(() => this.pending.delete(p));
    }
  }

  /** Waits until every event handler that was called has finished. */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  countUndoClear(op: Op): void {
    if (!op.write) return;
    if (!this.undoSupported || op.neverUndoable) this.undoClears.push(op.label);
  }
}

// ---------- client objects ----------

type Entity = any;

interface ClassImpl {
  /** Loadable properties: their value, computed at sync from the entity. */
  get?: Record<string, (e: Entity, o: Obj) => unknown>;
  /** Writable properties, applied at sync. `protect` names what protection blocks the write. */
  set?: Record<string, (e: Entity, v: any, o: Obj) => void>;
  /** Navigation properties: child objects (created at once, resolved at sync). */
  nav?: Record<string, (o: Obj) => Obj>;
  /** Methods (they queue their own operations). */
  call?: Record<string, (o: Obj, ...args: any[]) => unknown>;
  /** Collections: the entities of `items`. */
  items?: (e: Entity) => Entity[];
  itemClass?: string;
  /** Event properties. */
  events?: Record<string, (o: Obj) => unknown>;
  /** What protection a write through this class checks. */
  guard?: (e: Entity) => void;
}

/** Soft names tools probe objects for (promise resolution, jest's printing): never an error. */
const PROBES = new Set(['then', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'constructor', 'inspect', '_isMockFunction', 'toJSON', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@']);

export class Obj {
  readonly loaded = new Map<string, unknown>();
  pending = new Map<string, unknown>();
  items?: Obj[];
  pendingItems?: Obj[];
  isNull?: boolean;
  pendingNull?: boolean;
  readonly children = new Map<string, Obj>();
  readonly proxy: any;

  constructor(
    readonly ctx: Ctx,
    readonly cls: string,
    readonly resolve: () => Entity | null,
    readonly impl: ClassImpl,
  ) {
    this.proxy = new Proxy(this, HANDLER);
  }

  child(name: string, cls: string, resolve: () => Entity | null): Obj {
    let c = this.children.get(name);
    if (!c) {
      c = make(this.ctx, cls, resolve);
      this.children.set(name, c);
    }
    return c;
  }

  /** The entity, or an error when the object is a null object. */
  need(where: string): Entity {
    const e = this.resolve();
    if (e === null || e === undefined) throw simError('InvalidOperation', where, 'The object is a null object.');
    return e;
  }
}

function unwrap(x: unknown): Obj | undefined {
  return x && typeof x === 'object' && (x as { __obj?: Obj }).__obj instanceof Obj ? (x as { __obj: Obj }).__obj : undefined;
}

const HANDLER: ProxyHandler<Obj> = {
  get(o, prop) {
    if (prop === '__obj') return o;
    if (typeof prop === 'symbol') return undefined;
    const m = apiMember(o.cls, prop);
    if (!m) {
      if (PROBES.has(prop)) return undefined;
      throw new TypeError(`Excel.${o.cls}.${prop} is not declared in @types/office-js`);
    }
    o.ctx.checkVersion(o.cls, prop, m, m.kind === 'method' ? 'call' : 'get');
    if (prop === 'context') return o.ctx.proxy;
    if (prop === 'isNullObject') {
      if (o.isNull === undefined) throw propertyNotLoaded(o.cls, prop);
      return o.isNull;
    }
    if (m.kind === 'method') return (...args: unknown[]) => callMethod(o, prop, args);
    if (m.type === 'EventHandlers') {
      const ev = o.impl.events?.[prop];
      if (!ev) throw new Error(`sim: ${o.cls}.${prop} is not simulated`);
      return ev(o);
    }
    if (m.type && m.type.endsWith('[]')) {
      if (!o.items) throw propertyNotLoaded(o.cls, prop);
      return o.items.map((x) => x.proxy);
    }
    if (m.type) {
      const nav = o.impl.nav?.[prop];
      if (!nav) throw new Error(`sim: ${o.cls}.${prop} is not simulated`);
      return nav(o).proxy;
    }
    if (!o.loaded.has(prop)) throw propertyNotLoaded(o.cls, prop);
    return o.loaded.get(prop);
  },
  set(o, prop, value) {
    if (typeof prop === 'symbol') return false;
    const m = apiMember(o.cls, prop);
    if (!m) throw new TypeError(`Excel.${o.cls}.${prop} is not declared in @types/office-js`);
    if (m.kind !== 'property' || m.readonly || m.type) throw new TypeError(`Cannot set read-only property Excel.${o.cls}.${prop}`);
    o.ctx.checkVersion(o.cls, prop, m, 'set');
    const setter = o.impl.set?.[prop];
    if (!setter) throw new Error(`sim: setting ${o.cls}.${prop} is not simulated`);
    const v = clone(value);
    o.ctx.queue({
      label: `${o.cls}.${prop}`,
      write: true,
      neverUndoable: (o.cls === 'Worksheet' && prop === 'visibility') || undefined,
      request: 120 + jsonLen(v),
      run: () => {
        const e = o.need(`${o.cls}.${prop}`);
        o.impl.guard?.(e);
        setter(e, v, o);
      },
    });
    return true;
  },
  has(o, prop) {
    return typeof prop === 'string' && !!apiMember(o.cls, prop);
  },
};

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function jsonLen(v: unknown): number {
  if (v === undefined) return 0;
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

function callMethod(o: Obj, name: string, args: unknown[]): unknown {
  if (name === 'load') return loadObj(o, args[0]);
  if (name === 'track' || name === 'untrack') return o.proxy;
  const impl = o.impl.call?.[name];
  if (!impl) throw new Error(`sim: ${o.cls}.${name}() is not simulated`);
  const out = impl(o, ...args);
  return out instanceof Obj ? out.proxy : out;
}

/** "a, items/b/c" or ["a"] or { a: true, b: { c: true } } → paths. */
function loadPaths(spec: unknown): string[][] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean).map((s) => s.split('/'));
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec === 'object') {
    const out: string[][] = [];
    const walk = (o: Record<string, unknown>, prefix: string[]) => {
      for (const [k, v] of Object.entries(o)) {
        if (v === true) out.push([...prefix, k]);
        else if (v && typeof v === 'object') walk(v as Record<string, unknown>, [...prefix, k]);
      }
    };
    walk(spec as Record<string, unknown>, []);
    return out;
  }
  return [];
}

function loadObj(o: Obj, spec: unknown): unknown {
  const paths = loadPaths(spec);
  // Declared members only, checked at once; versions are checked by checkVersion (reject at sync).
  for (const p of paths) {
    let cls = o.cls;
    p.forEach((seg, i) => {
      const m = apiMember(cls, seg);
      if (!m) throw new TypeError(`load('${p.join('/')}'): Excel.${cls}.${seg} is not declared in @types/office-js`);
      o.ctx.checkVersion(cls, seg, m, 'get');
      if (m.type && m.type !== 'EventHandlers') cls = m.type.replace(/\[\]$/, '');
      else if (i < p.length - 1) throw new TypeError(`load('${p.join('/')}'): ${cls}.${seg} is a value, not an object`);
    });
  }
  o.ctx.queue({ label: `${o.cls}.load`, write: false, request: 100 + jsonLen(spec), run: () => runLoad(o, paths) });
  return o.proxy;
}

/** Scalars of a class the simulation can load and the host supports (load() without arguments). */
function allScalars(o: Obj): string[] {
  return Object.keys(o.impl.get ?? {}).filter((k) => {
    const m = apiMember(o.cls, k);
    return m && !m.type && o.ctx.host.supports(tagFor(m, 'get'));
  });
}

function runLoad(o: Obj, paths: string[][]): number {
  o.ctx.touched.add(o);
  const e = o.resolve();
  if (e === null || e === undefined) {
    o.pendingNull = true;
    return 20;
  }
  o.pendingNull = false;
  let bytes = 20;
  const wanted = paths.length ? paths : o.impl.items ? [['items']] : allScalars(o).map((s) => [s]);
  const groups = new Map<string, string[][]>();
  for (const p of wanted) {
    const [head, ...rest] = p;
    if (!groups.has(head)) groups.set(head, []);
    if (rest.length) groups.get(head)!.push(rest);
  }
  for (const [head, rests] of groups) {
    const m = apiMember(o.cls, head)!;
    if (head === 'items' && o.impl.items) {
      const cls = o.impl.itemClass ?? m.type!.replace(/\[\]$/, '');
      const items = o.impl.items(e).map((ent) => make(o.ctx, cls, () => ent));
      o.pendingItems = items;
      for (const it of items) bytes += runLoad(it, rests);
      continue;
    }
    if (m.type && m.type !== 'EventHandlers') {
      const nav = o.impl.nav?.[head];
      if (!nav) throw new Error(`sim: ${o.cls}.${head} is not simulated`);
      bytes += runLoad(nav(o), rests);
      continue;
    }
    if (head === 'isNullObject' || head === 'context') continue;
    const get = o.impl.get?.[head];
    if (!get) throw new Error(`sim: loading ${o.cls}.${head} is not simulated`);
    const v = clone(get(e, o));
    o.pending.set(head, v);
    bytes += jsonLen(v) + head.length + 4;
  }
  return bytes;
}

function commit(o: Obj): void {
  for (const [k, v] of o.pending) o.loaded.set(k, v);
  o.pending = new Map();
  if (o.pendingItems) {
    o.items = o.pendingItems;
    o.pendingItems = undefined;
    for (const it of o.items) commit(it);
  }
  if (o.pendingNull !== undefined) {
    o.isNull = o.pendingNull;
    o.pendingNull = undefined;
  }
}

export class Result<T> {
  private v?: T;
  private has = false;
  constructor(private readonly label: string) {}
  get value(): T {
    if (!this.has) throw propertyNotLoaded(this.label, 'value');
    return this.v as T;
  }
  setValue(v: T): void {
    this.v = v;
    this.has = true;
  }
}

/** A request context: a queue of operations sent with sync(). */
export class Ctx {
  private ops: Op[] = [];
  private failure?: SimError;
  readonly touched = new Set<Obj>();
  private results: { r: Result<unknown>; v: () => unknown }[] = [];
  private ownChanges: { sheet: SimSheet; b: Bounds }[] = [];
  readonly proxy: any;
  syncCount = 0;
  readonly workbookObj: Obj;

  constructor(
    readonly host: SimHost,
    readonly delayForCellEdit = false,
  ) {
    const workbookObj = make(this, 'Workbook', () => host.wb);
    this.workbookObj = workbookObj;
    this.proxy = {
      workbook: workbookObj.proxy,
      sync: () => this.sync(),
      trackedObjects: { add: () => undefined, remove: () => undefined },
      __ctx: this,
    };
  }

  get wb(): SimWorkbook {
    return this.host.wb;
  }

  checkVersion(cls: string, prop: string, m: ApiMember, mode: 'get' | 'set' | 'call'): void {
    const tag = tagFor(m, mode);
    if (!this.host.supports(tag) && !this.failure) this.failure = simError('ApiNotFound', `${cls}.${prop}`, `(${tag} is needed; this Excel has ExcelApi 1.${this.host.config.api}.)`);
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  result<T>(label: string, value: () => T): Result<T> {
    const r = new Result<T>(label);
    this.results.push({ r: r as Result<unknown>, v: value });
    return r;
  }

  ownChange(sheet: SimSheet, b: Bounds): void {
    this.ownChanges.push({ sheet, b });
  }

  get queued(): number {
    return this.ops.length;
  }

  private fail(_code: string, record: SyncRecord, err: SimError): never {
    record.failed = err.code;
    this.ops = [];
    this.results = [];
    this.touched.clear();
    this.ownChanges = [];
    throw err;
  }

  private payloadError(kind: 'Request' | 'Response'): SimError {
    const code = this.host.config.payloadErrors === 'GeneralException' ? 'GeneralException' : `${kind}PayloadSizeLimitExceeded`;
    return simError(code);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.ops;
    const record: SyncRecord = { ops: ops.map((o) => o.label), requestBytes: ops.reduce((n, o) => n + o.request, 0), responseBytes: 0 };
    this.host.syncs.push(record);
    this.ops = [];
    if (this.host.cellEditMode) {
      if (this.delayForCellEdit && this.host.supports('ExcelApi 1.11')) await this.host.waitCellEditEnd();
      else this.fail('InvalidOperationInCellEditMode', record, simError('InvalidOperationInCellEditMode'));
    }
    if (this.failure) {
      const f = this.failure;
      this.failure = undefined;
      this.fail(f.code, record, f);
    }
    if (record.requestBytes > PAYLOAD_LIMIT) this.fail('RequestPayloadSizeLimitExceeded', record, this.payloadError('Request'));
    let response = 0;
    for (const op of ops) {
      try {
        const b = op.run();
        response += typeof b === 'number' ? b : 8;
        this.host.countUndoClear(op);
      } catch (e) {
        if (e instanceof SimError) {
          if (!e.debugInfo.errorLocation) {
            (e.debugInfo as { errorLocation?: string }).errorLocation = op.label;
          }
          this.fail(e.code, record, e);
        }
        throw e;
      }
    }
    for (const { r, v } of this.results) {
      const value = v();
      response += jsonLen(value);
      r.setValue(value);
    }
    this.results = [];
    record.responseBytes = response;
    if (response > PAYLOAD_LIMIT) this.fail('ResponsePayloadSizeLimitExceeded', record, this.payloadError('Response'));
    for (const o of this.touched) commit(o);
    this.touched.clear();
    // Excel fires onChanged for the add-in's own value writes too (source "Local", like a user's edit).
    for (const { sheet, b } of this.ownChanges.splice(0)) {
      this.host.deliver('changed', { type: 'WorksheetChanged', worksheetId: sheet.id, address: boundsA1(b), changeType: 'RangeEdited', source: 'Local', triggerSource: 'ThisLocalAddin' });
    }
  }
}

// ---------- helpers for the class implementations ----------

function op(o: Obj, label: string, run: () => number | void, opts: { write?: boolean; request?: number; neverUndoable?: boolean } = {}): void {
  o.ctx.queue({ label, write: opts.write ?? true, neverUndoable: opts.neverUndoable, request: opts.request ?? 150, run });
}

function sheetOf(wb: SimWorkbook, s: SimSheet, where: string): SimSheet {
  if (!wb.sheets.includes(s)) throw simError('ItemNotFound', where, 'The worksheet was deleted.');
  return s;
}

function guardSheet(s: SimSheet, where?: string): void {
  if (s.protection.protected) throw simError('AccessDenied', where, `The sheet '${s.name}' is protected.`);
}

function guardStructure(wb: SimWorkbook, where?: string): void {
  if (wb.protection.structure) throw simError('AccessDenied', where, 'The workbook structure is protected.');
}

function isNumeric(v: unknown): boolean {
  return typeof v === 'number';
}

function cellValue(c: SimCell | undefined): unknown {
  if (!c) return '';
  if (c.type === 'Error') return c.value ?? '#VALUE!';
  const v = c.value;
  return v === null || v === undefined ? '' : v;
}

function cellType(c: SimCell | undefined): string {
  if (!c) return 'Empty';
  if (c.type) return c.type;
  const v = c.value;
  if (v === null || v === undefined || v === '') return 'Empty';
  if (isNumeric(v)) return Number.isInteger(v) ? 'Double' : 'Double';
  return typeOfValue(v);
}

function grid<T>(b: Bounds, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: T[] = [];
    for (let c = b.left; c <= b.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

function cells(b: Bounds): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

/** A 2-D write: the shape must match the range (a single value fills it). */
function write2D(e: { s: SimSheet; b: Bounds }, data: unknown, where: string, apply: (cell: SimCell, v: unknown) => void): void {
  const rows = e.b.bottom - e.b.top + 1;
  const cols = e.b.right - e.b.left + 1;
  const arr = Array.isArray(data) ? (data as unknown[][]) : null;
  if (arr && (arr.length !== rows || arr.some((r) => !Array.isArray(r) || r.length !== cols))) {
    throw simError('InvalidArgument', where, `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) apply(e.s.ensure(e.b.top + r, e.b.left + c), arr ? arr[r][c] : data);
}

function setFormulaOrValue(cell: SimCell, v: unknown): void {
  delete cell.type;
  if (typeof v === 'string' && v.startsWith('=')) {
    cell.formula = v;
    const link = /^=HYPERLINK\("[^"]*","((?:[^"]|"")*)"\)$/i.exec(v);
    cell.value = link ? link[1].replace(/""/g, '"') : null;
  } else {
    delete cell.formula;
    cell.value = v === '' ? null : v;
  }
}

function rangeAddress(s: SimSheet, b: Bounds): string {
  return `${quoteSheet(s.name)}!${boundsA1(b)}`;
}

// ---------- class implementations ----------

type RangeEnt = { s: SimSheet; b: Bounds };
type AreasEnt = { s: SimSheet; areas: Bounds[] };
type CfEnt = { s: SimSheet; cf: SimCF };

function rangeObj(ctx: Ctx, resolve: () => RangeEnt | null): Obj {
  return make(ctx, 'Range', resolve);
}

function resolveRange(o: Obj): RangeEnt {
  const e = o.need('Range') as RangeEnt;
  sheetOf(o.ctx.wb, e.s, 'Range');
  return e;
}

function cfCollection(o: Obj, scope: () => AreasEnt): Obj {
  return o.child('conditionalFormats', 'ConditionalFormatCollection', scope);
}

function addCf(o: Obj, type: string): Obj {
  let created: CfEnt | undefined;
  op(o, 'ConditionalFormatCollection.add', () => {
    const e = o.need('ConditionalFormatCollection.add') as AreasEnt;
    guardSheet(e.s, 'ConditionalFormatCollection.add');
    const t = String(type);
    if (!['Custom', 'CellValue', 'ColorScale', 'DataBar'].includes(t)) throw simError('InvalidArgument', 'ConditionalFormatCollection.add');
    const cf: SimCF = { id: o.ctx.wb.newId('cf'), type: t as SimCF['type'], stopIfTrue: false, areas: e.areas.map((a) => ({ ...a })), fill: null };
    // "Adds a new conditional format to the collection at the first/top priority."
    e.s.cfs.unshift(cf);
    created = { s: e.s, cf };
  });
  return make(o.ctx, 'ConditionalFormat', () => {
    if (!created) throw simError('ItemNotFound', 'ConditionalFormat');
    return created;
  });
}

function cfAlive(e: CfEnt, where: string): CfEnt {
  if (!e.s.cfs.includes(e.cf)) throw simError('ItemNotFound', where, 'The conditional format was deleted.');
  return e;
}

const IMPL: Record<string, ClassImpl> = {
  Workbook: {
    nav: {
      worksheets: (o) => o.child('worksheets', 'WorksheetCollection', () => o.ctx.wb),
      comments: (o) => o.child('comments', 'CommentCollection', () => o.ctx.wb),
      notes: (o) => o.child('notes', 'NoteCollection', () => ({ wb: o.ctx.wb })),
      settings: (o) => o.child('settings', 'SettingCollection', () => o.ctx.wb),
      protection: (o) => o.child('protection', 'WorkbookProtection', () => o.ctx.wb),
    },
    call: {
      insertWorksheetsFromBase64: (o, base64: string, options: { sheetNamesToInsert?: string[]; positionType?: string } = {}) => {
        const wb = o.ctx.wb;
        let ids: string[] = [];
        op(
          o,
          'Workbook.insertWorksheetsFromBase64',
          () => {
            guardStructure(wb, 'Workbook.insertWorksheetsFromBase64');
            if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw simError('InvalidArgument', 'Workbook.insertWorksheetsFromBase64', 'not base64');
            const source = xlsxSheets(Buffer.from(base64, 'base64'));
            const wanted = options.sheetNamesToInsert?.length ? options.sheetNamesToInsert : source.map((s) => s.name);
            ids = [];
            for (const name of wanted) {
              if (!source.some((s) => s.name === name)) throw simError('ItemNotFound', 'Workbook.insertWorksheetsFromBase64', `no sheet ${name} in the inserted workbook`);
              let final = name;
              for (let n = 2; wb.sheets.some((s) => s.name.toLowerCase() === final.toLowerCase()); n++) final = `${name} (${n})`;
              const sheet = new SimSheet(wb, wb.newId('sheet'), final);
              wb.sheets.push(sheet);
              ids.push(sheet.id);
            }
            o.ctx.host.inserts.push({ sheets: wanted, options: clone(options) });
          },
          { request: 200 + base64.length, neverUndoable: true },
        );
        return o.ctx.result('Workbook.insertWorksheetsFromBase64', () => ids);
      },
    },
  },

  WorkbookProtection: {
    get: { protected: (wb: SimWorkbook) => wb.protection.structure },
  },

  WorksheetCollection: {
    items: (wb: SimWorkbook) => wb.sheets.slice(),
    itemClass: 'Worksheet',
    call: {
      getItem: (o, key: string) =>
        make(o.ctx, 'Worksheet', () => {
          const s = o.ctx.wb.byKey(String(key));
          if (!s) throw simError('ItemNotFound', 'WorksheetCollection.getItem', `No worksheet "${key}".`);
          return s;
        }),
      getItemOrNullObject: (o, key: string) => make(o.ctx, 'Worksheet', () => o.ctx.wb.byKey(String(key)) ?? null),
      getActiveWorksheet: (o) => make(o.ctx, 'Worksheet', () => o.ctx.wb.sheets.find((s) => s.activated) ?? o.ctx.wb.sheets[0]),
      add: (o, name?: string) => {
        let created: SimSheet | undefined;
        const wb = o.ctx.wb;
        op(o, 'WorksheetCollection.add', () => {
          guardStructure(wb, 'WorksheetCollection.add');
          let n = name;
          if (!n) for (let i = wb.sheets.length + 1; !n || wb.sheets.some((s) => s.name === n); i++) n = `Sheet${i}`;
          if (wb.sheets.some((s) => s.name.toLowerCase() === n!.toLowerCase())) throw simError('ItemAlreadyExists', 'WorksheetCollection.add');
          if (n.length > 31 || /[\\/?*[\]:]/.test(n)) throw simError('InvalidArgument', 'WorksheetCollection.add');
          created = new SimSheet(wb, wb.newId('sheet'), n);
          wb.sheets.push(created);
        });
        return make(o.ctx, 'Worksheet', () => {
          if (!created) throw simError('ItemNotFound', 'Worksheet');
          return created;
        });
      },
      getCount: (o) => o.ctx.result('WorksheetCollection.getCount', () => o.ctx.wb.sheets.length),
    },
    events: {
      onChanged: (o) => eventHandlers(o, 'changed'),
      onRowSorted: (o) => eventHandlers(o, 'rowSorted'),
      onColumnSorted: (o) => eventHandlers(o, 'columnSorted'),
    },
  },

  Worksheet: {
    get: {
      id: (s: SimSheet) => s.id,
      name: (s: SimSheet) => s.name,
      visibility: (s: SimSheet) => s.visibility,
      position: (s: SimSheet) => s.wb.sheets.indexOf(s),
    },
    set: {
      name: (s: SimSheet, v: string, o) => {
        guardStructure(o.ctx.wb, 'Worksheet.name');
        if (o.ctx.wb.sheets.some((x) => x !== s && x.name.toLowerCase() === String(v).toLowerCase())) throw simError('ItemAlreadyExists', 'Worksheet.name');
        s.name = String(v);
      },
      visibility: (s: SimSheet, v: string, o) => {
        guardStructure(o.ctx.wb, 'Worksheet.visibility');
        if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw simError('InvalidArgument', 'Worksheet.visibility');
        s.visibility = v;
      },
    },
    nav: {
      protection: (o) => o.child('protection', 'WorksheetProtection', () => o.need('Worksheet')),
      freezePanes: (o) => o.child('freezePanes', 'WorksheetFreezePanes', () => o.need('Worksheet')),
      autoFilter: (o) => o.child('autoFilter', 'AutoFilter', () => o.need('Worksheet')),
      pageLayout: (o) => o.child('pageLayout', 'PageLayout', () => o.need('Worksheet')),
      notes: (o) => o.child('notes', 'NoteCollection', () => ({ wb: o.ctx.wb, s: o.need('Worksheet') })),
    },
    call: {
      getRange: (o, address?: string) =>
        rangeObj(o.ctx, () => {
          const s = sheetOf(o.ctx.wb, o.need('Worksheet.getRange'), 'Worksheet.getRange');
          if (address === undefined || address === '') return { s, b: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
          const b = parseA1(String(address));
          if (!b) throw simError('InvalidArgument', 'Worksheet.getRange', `bad address ${address}`);
          return { s, b };
        }),
      getRangeByIndexes: (o, row: number, col: number, rows: number, cols: number) =>
        rangeObj(o.ctx, () => {
          const s = sheetOf(o.ctx.wb, o.need('Worksheet.getRangeByIndexes'), 'Worksheet.getRangeByIndexes');
          if (!(rows > 0 && cols > 0 && row >= 0 && col >= 0 && row + rows <= MAX_ROWS && col + cols <= MAX_COLS)) throw simError('InvalidArgument', 'Worksheet.getRangeByIndexes');
          return { s, b: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } };
        }),
      getRanges: (o, address?: string) =>
        make(o.ctx, 'RangeAreas', () => {
          const s = sheetOf(o.ctx.wb, o.need('Worksheet.getRanges'), 'Worksheet.getRanges');
          const parts = String(address ?? '').split(/[,;]/).map((p) => p.trim()).filter(Boolean);
          if (!parts.length) return { s, areas: [{ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }] };
          const areas = parts.map((p) => parseA1(p));
          if (areas.some((a) => !a)) throw simError('InvalidArgument', 'Worksheet.getRanges', `bad address ${address}`);
          return { s, areas: areas as Bounds[] };
        }),
      getUsedRange: (o, valuesOnly?: boolean) =>
        rangeObj(o.ctx, () => {
          const s = sheetOf(o.ctx.wb, o.need('Worksheet.getUsedRange'), 'Worksheet.getUsedRange');
          return { s, b: s.usedBounds(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
        }),
      getUsedRangeOrNullObject: (o, valuesOnly?: boolean) =>
        rangeObj(o.ctx, () => {
          const s = sheetOf(o.ctx.wb, o.need('Worksheet.getUsedRangeOrNullObject'), 'Worksheet.getUsedRangeOrNullObject');
          const b = s.usedBounds(!!valuesOnly);
          return b ? { s, b } : null;
        }),
      activate: (o) =>
        op(o, 'Worksheet.activate', () => {
          const s = sheetOf(o.ctx.wb, o.need('Worksheet.activate'), 'Worksheet.activate');
          for (const x of o.ctx.wb.sheets) x.activated = x === s;
        }, { write: false }),
      delete: (o) =>
        op(
          o,
          'Worksheet.delete',
          () => {
            const s = sheetOf(o.ctx.wb, o.need('Worksheet.delete'), 'Worksheet.delete');
            guardStructure(o.ctx.wb, 'Worksheet.delete');
            if (s.visibility === 'VeryHidden') throw simError('InvalidOperation', 'Worksheet.delete', 'A very hidden sheet cannot be deleted.');
            if (o.ctx.wb.sheets.filter((x) => x.visibility === 'Visible').length <= 1 && s.visibility === 'Visible') throw simError('InvalidOperation', 'Worksheet.delete', 'The last visible sheet cannot be deleted.');
            o.ctx.wb.sheets = o.ctx.wb.sheets.filter((x) => x !== s);
            o.ctx.wb.comments = o.ctx.wb.comments.filter((c) => c.sheetId !== s.id);
          },
          { neverUndoable: true },
        ),
    },
    events: {
      onChanged: (o) => eventHandlers(o, 'changed', () => (o.need('Worksheet') as SimSheet).id),
      onRowSorted: (o) => eventHandlers(o, 'rowSorted', () => (o.need('Worksheet') as SimSheet).id),
      onColumnSorted: (o) => eventHandlers(o, 'columnSorted', () => (o.need('Worksheet') as SimSheet).id),
    },
  },

  WorksheetProtection: {
    get: {
      protected: (s: SimSheet) => s.protection.protected,
      options: (s: SimSheet) => ({ allowFormatCells: s.protection.allowFormatCells }),
    },
  },

  Range: {
    get: {
      address: (e: RangeEnt) => rangeAddress(e.s, e.b),
      addressLocal: (e: RangeEnt) => rangeAddress(e.s, e.b),
      rowIndex: (e: RangeEnt) => e.b.top,
      columnIndex: (e: RangeEnt) => e.b.left,
      rowCount: (e: RangeEnt) => e.b.bottom - e.b.top + 1,
      columnCount: (e: RangeEnt) => e.b.right - e.b.left + 1,
      cellCount: (e: RangeEnt) => cells(e.b),
      values: (e: RangeEnt, o) => {
        if (cells(e.b) > CELL_LIMIT) throw simError('RangeExceedsLimit', 'Range.values');
        o.ctx.host.valueReads.push(rangeAddress(e.s, e.b).replace(/^'?(.*?)'?!/, (_m, n: string) => `${n.replace(/''/g, "'")}!`));
        return grid(e.b, (r, c) => cellValue(e.s.get(r, c)));
      },
      valueTypes: (e: RangeEnt) => grid(e.b, (r, c) => cellType(e.s.get(r, c))),
      numberFormat: (e: RangeEnt) => grid(e.b, (r, c) => e.s.get(r, c)?.numberFormat ?? 'General'),
      formulas: (e: RangeEnt) => grid(e.b, (r, c) => e.s.get(r, c)?.formula ?? cellValue(e.s.get(r, c))),
      text: (e: RangeEnt) => grid(e.b, (r, c) => String(cellValue(e.s.get(r, c)))),
      // "true if all rows in the current range are hidden, false if none are, null if some are".
      rowHidden: (e: RangeEnt) => {
        let n = 0;
        for (let r = e.b.top; r <= e.b.bottom; r++) if (e.s.hiddenRows.has(r)) n++;
        return n === 0 ? false : n === e.b.bottom - e.b.top + 1 ? true : null;
      },
    },
    set: {
      values: (e: RangeEnt, v, o) => {
        guardSheet(e.s, 'Range.values');
        write2D(e, v, 'Range.values', setFormulaOrValue);
        o.ctx.ownChange(e.s, e.b);
      },
      formulas: (e: RangeEnt, v, o) => {
        guardSheet(e.s, 'Range.formulas');
        write2D(e, v, 'Range.formulas', setFormulaOrValue);
        o.ctx.ownChange(e.s, e.b);
      },
      numberFormat: (e: RangeEnt, v) => {
        guardSheet(e.s, 'Range.numberFormat');
        write2D(e, v, 'Range.numberFormat', (cell, f) => (cell.numberFormat = String(f)));
      },
    },
    nav: {
      format: (o) => o.child('format', 'RangeFormat', () => resolveRange(o)),
      worksheet: (o) => o.child('worksheet', 'Worksheet', () => resolveRange(o).s),
      dataValidation: (o) => o.child('dataValidation', 'DataValidation', () => resolveRange(o)),
      conditionalFormats: (o) =>
        cfCollection(o, () => {
          const e = resolveRange(o);
          return { s: e.s, areas: [e.b] };
        }),
    },
    call: {
      select: (o) => op(o, 'Range.select', () => void (resolveRange(o).s.selected = boundsA1(resolveRange(o).b)), { write: false }),
      clear: (o, applyTo?: string) =>
        op(o, 'Range.clear', () => {
          const e = resolveRange(o);
          guardSheet(e.s, 'Range.clear');
          for (let r = e.b.top; r <= Math.min(e.b.bottom, e.b.top + 100000); r++) {
            for (let c = e.b.left; c <= Math.min(e.b.right, e.b.left + 1000); c++) {
              const k = SimSheet.key(r, c);
              if (!e.s.cells.has(k)) continue;
              if (!applyTo || applyTo === 'All') e.s.cells.delete(k);
              else if (applyTo === 'Formats') {
                const cell = e.s.cells.get(k)!;
                delete cell.fill;
                delete cell.font;
                delete cell.numberFormat;
                delete cell.align;
                delete cell.borders;
              } else if (applyTo === 'Contents') {
                const cell = e.s.cells.get(k)!;
                delete cell.value;
                delete cell.formula;
              }
            }
          }
        }),
      // Cells holding constants ('Constants') or formulas ('Formulas') within the range: one area per run of such
      // cells in a row (Excel joins them into larger rectangles; any tiling is a valid answer), the generated
      // block as one area.
      getSpecialCellsOrNullObject: (o, cellType: string) =>
        make(o.ctx, 'RangeAreas', () => {
          const e = resolveRange(o);
          const formulas = cellType === 'Formulas';
          const found: [number, number][] = [];
          for (const [k, cell] of e.s.cells) {
            const has = formulas ? !!cell.formula : !cell.formula && !(cell.value === null || cell.value === undefined || cell.value === '');
            if (!has) continue;
            const [r, c] = k.split(',').map(Number);
            if (r >= e.b.top && r <= e.b.bottom && c >= e.b.left && c <= e.b.right) found.push([r, c]);
          }
          found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
          const areas: Bounds[] = [];
          for (const [r, c] of found) {
            const last = areas[areas.length - 1];
            if (last && last.top === r && last.right === c - 1) last.right = c;
            else areas.push({ top: r, bottom: r, left: c, right: c });
          }
          const g = e.s.generator;
          if (g && !formulas) areas.push({ top: g.top, left: g.left, bottom: g.top + g.rows - 1, right: g.left + g.cols - 1 });
          return areas.length ? { s: e.s, areas } : null;
        }),
      getVisibleView: (o) => make(o.ctx, 'RangeView', () => resolveRange(o)),
      getMergedAreasOrNullObject: (o) =>
        make(o.ctx, 'RangeAreas', () => {
          const e = resolveRange(o);
          const list = e.s.merges.filter((m) => overlaps(m, e.b));
          if (list.length > 512) throw simError('GeneralException', 'Range.getMergedAreasOrNullObject', 'More than 512 merged areas.');
          return list.length ? { s: e.s, areas: list.map((m) => ({ ...m })) } : null;
        }),
    },
    guard: (e: RangeEnt) => guardSheet(e.s),
  },

  RangeView: {
    get: {
      // The visible cells of the range, hidden rows and hidden columns left out (no line when none is visible).
      cellAddresses: (e: RangeEnt) => {
        const out: string[][] = [];
        for (let r = e.b.top; r <= e.b.bottom; r++) {
          if (e.s.hiddenRows.has(r)) continue;
          const line: string[] = [];
          for (let c = e.b.left; c <= e.b.right; c++) if (!e.s.hiddenColumns.has(c)) line.push(`${quoteSheet(e.s.name)}!${a1(r, c)}`);
          if (line.length) out.push(line);
        }
        return out;
      },
    },
  },

  RangeAreas: {
    get: {
      address: (e: AreasEnt) => e.areas.map((a) => rangeAddress(e.s, a)).join(','),
      areaCount: (e: AreasEnt) => e.areas.length,
      cellCount: (e: AreasEnt) => e.areas.reduce((n, a) => n + cells(a), 0),
    },
    nav: {
      areas: (o) => o.child('areas', 'RangeCollection', () => o.need('RangeAreas')),
      conditionalFormats: (o) => cfCollection(o, () => o.need('RangeAreas') as AreasEnt),
      worksheet: (o) => o.child('worksheet', 'Worksheet', () => (o.need('RangeAreas') as AreasEnt).s),
    },
  },

  RangeCollection: {
    items: (e: AreasEnt) => e.areas.map((b) => ({ s: e.s, b })),
    itemClass: 'Range',
  },

  RangeFormat: {
    get: {
      columnWidth: (e: RangeEnt) => e.s.columnWidths.get(e.b.left) ?? 48,
      wrapText: (e: RangeEnt) => !!e.s.get(e.b.top, e.b.left)?.align?.wrapText,
      verticalAlignment: (e: RangeEnt) => (e.s.get(e.b.top, e.b.left)?.align?.verticalAlignment as string) ?? 'Bottom',
    },
    set: {
      columnWidth: (e: RangeEnt, v: number) => {
        for (let c = e.b.left; c <= e.b.right; c++) e.s.columnWidths.set(c, v);
      },
      wrapText: (e: RangeEnt, v: boolean) => eachCell(e, (cell) => (cell.align = { ...cell.align, wrapText: v })),
      verticalAlignment: (e: RangeEnt, v: string) => eachCell(e, (cell) => (cell.align = { ...cell.align, verticalAlignment: v })),
    },
    nav: {
      fill: (o) => o.child('fill', 'RangeFill', () => o.need('RangeFormat')),
      font: (o) => o.child('font', 'RangeFont', () => o.need('RangeFormat')),
      borders: (o) => o.child('borders', 'RangeBorderCollection', () => o.need('RangeFormat')),
    },
    guard: (e: RangeEnt) => guardSheet(e.s),
  },

  RangeFill: {
    get: {
      color: (e: RangeEnt) => (e.s.get(e.b.top, e.b.left)?.fill ?? NO_FILL).color,
      pattern: (e: RangeEnt) => (e.s.get(e.b.top, e.b.left)?.fill ?? NO_FILL).pattern,
      patternColor: (e: RangeEnt) => (e.s.get(e.b.top, e.b.left)?.fill ?? NO_FILL).patternColor,
      tintAndShade: (e: RangeEnt) => (e.s.get(e.b.top, e.b.left)?.fill ?? NO_FILL).tintAndShade,
      patternTintAndShade: (e: RangeEnt) => (e.s.get(e.b.top, e.b.left)?.fill ?? NO_FILL).patternTintAndShade,
    },
    set: {
      color: (e: RangeEnt, v: string) => eachCell(e, (cell) => (cell.fill = { ...(cell.fill ?? NO_FILL), color: String(v).toUpperCase(), pattern: cell.fill && cell.fill.pattern !== 'None' ? cell.fill.pattern : 'Solid' })),
      pattern: (e: RangeEnt, v: string) => eachCell(e, (cell) => (cell.fill = { ...(cell.fill ?? NO_FILL), pattern: v })),
      patternColor: (e: RangeEnt, v: string) => eachCell(e, (cell) => (cell.fill = { ...(cell.fill ?? NO_FILL), patternColor: String(v).toUpperCase() })),
      tintAndShade: (e: RangeEnt, v: number) => eachCell(e, (cell) => (cell.fill = { ...(cell.fill ?? NO_FILL), tintAndShade: v })),
      patternTintAndShade: (e: RangeEnt, v: number) => eachCell(e, (cell) => (cell.fill = { ...(cell.fill ?? NO_FILL), patternTintAndShade: v })),
    },
    call: {
      clear: (o) =>
        op(o, 'RangeFill.clear', () => {
          const e = o.need('RangeFill.clear') as RangeEnt;
          guardSheet(e.s, 'RangeFill.clear');
          eachCell(e, (cell) => delete cell.fill);
        }),
    },
    guard: (e: RangeEnt) => guardSheet(e.s),
  },

  RangeFont: {
    get: {
      bold: (e: RangeEnt) => !!e.s.get(e.b.top, e.b.left)?.font?.bold,
      size: (e: RangeEnt) => (e.s.get(e.b.top, e.b.left)?.font?.size as number) ?? 11,
      color: (e: RangeEnt) => (e.s.get(e.b.top, e.b.left)?.font?.color as string) ?? '#000000',
    },
    set: Object.fromEntries(['bold', 'size', 'color', 'underline', 'italic', 'name'].map((k) => [k, (e: RangeEnt, v: unknown) => eachCell(e, (cell) => (cell.font = { ...cell.font, [k]: v }))])),
    guard: (e: RangeEnt) => guardSheet(e.s),
  },

  RangeBorderCollection: {
    call: {
      getItem: (o, index: string) => make(o.ctx, 'RangeBorder', () => ({ ...(o.need('RangeBorderCollection') as RangeEnt), side: String(index) })),
    },
  },

  RangeBorder: {
    set: Object.fromEntries(
      ['style', 'color', 'weight'].map((k) => [k, (e: RangeEnt & { side: string }, v: unknown) => eachCell(e, (cell) => (cell.borders = { ...cell.borders, [e.side]: { ...cell.borders?.[e.side], [k]: v } }))]),
    ),
    guard: (e: RangeEnt) => guardSheet(e.s),
  },

  DataValidation: {
    set: {
      rule: (e: RangeEnt, v) => validation(e).rule = v,
      prompt: (e: RangeEnt, v) => validation(e).prompt = v,
      errorAlert: (e: RangeEnt, v) => validation(e).errorAlert = v,
      ignoreBlanks: (e: RangeEnt, v) => validation(e).ignoreBlanks = v,
    },
    call: {
      clear: (o) =>
        op(o, 'DataValidation.clear', () => {
          const e = o.need('DataValidation.clear') as RangeEnt;
          guardSheet(e.s, 'DataValidation.clear');
          e.s.validations = e.s.validations.filter((v) => !overlaps(v.bounds, e.b));
        }),
    },
    guard: (e: RangeEnt) => guardSheet(e.s),
  },

  PageLayout: {
    get: { orientation: (s: SimSheet) => s.pageLayout.orientation ?? 'Portrait', paperSize: (s: SimSheet) => s.pageLayout.paperSize ?? 'Letter' },
    set: Object.fromEntries(['orientation', 'paperSize', 'zoom', 'centerHorizontally', 'centerVertically'].map((k) => [k, (s: SimSheet, v: unknown) => (s.pageLayout[k] = v)])),
    nav: {
      headersFooters: (o) => o.child('headersFooters', 'HeaderFooterGroup', () => o.need('PageLayout')),
    },
    call: {
      setPrintTitleRows: (o, addr: string) => op(o, 'PageLayout.setPrintTitleRows', () => void ((o.need('PageLayout') as SimSheet).pageLayout.printTitleRows = addr)),
      setPrintArea: (o, addr: string) => op(o, 'PageLayout.setPrintArea', () => void ((o.need('PageLayout') as SimSheet).pageLayout.printArea = addr)),
      setPrintTitleColumns: (o, addr: string) => op(o, 'PageLayout.setPrintTitleColumns', () => void ((o.need('PageLayout') as SimSheet).pageLayout.printTitleColumns = addr)),
      setPrintMargins: (o, unit: string, margins: Record<string, number>) =>
        op(o, 'PageLayout.setPrintMargins', () => {
          if (!['Points', 'Inches', 'Centimeters'].includes(unit)) throw new Error(`PageLayout.setPrintMargins: unknown unit ${unit}`);
          (o.need('PageLayout') as SimSheet).pageLayout.margins = { unit, ...margins };
        }),
    },
  },

  HeaderFooterGroup: {
    nav: { defaultForAllPages: (o) => o.child('defaultForAllPages', 'HeaderFooter', () => o.need('HeaderFooterGroup')) },
  },

  HeaderFooter: {
    set: Object.fromEntries(['centerFooter', 'leftFooter', 'rightFooter', 'centerHeader'].map((k) => [k, (s: SimSheet, v: unknown) => (s.pageLayout[k] = v)])),
  },

  WorksheetFreezePanes: {
    call: {
      freezeRows: (o, n: number) =>
        op(o, 'WorksheetFreezePanes.freezeRows', () => {
          const s = o.need('WorksheetFreezePanes') as SimSheet;
          guardSheet(s, 'WorksheetFreezePanes.freezeRows');
          s.frozenRows = n;
        }),
    },
  },

  AutoFilter: {
    call: {
      apply: (o, range: unknown) => {
        const r = unwrap(range);
        op(o, 'AutoFilter.apply', () => {
          const s = o.need('AutoFilter') as SimSheet;
          guardSheet(s, 'AutoFilter.apply');
          s.autoFilter = r ? boundsA1((r.need('AutoFilter.apply') as RangeEnt).b) : String(range);
        });
      },
    },
  },

  ConditionalFormatCollection: {
    items: (e: AreasEnt) => e.s.cfs.filter((cf) => cf.areas.some((a) => e.areas.some((x) => overlaps(a, x)))).map((cf) => ({ s: e.s, cf })),
    itemClass: 'ConditionalFormat',
    call: {
      add: (o, type: string) => addCf(o, type),
      getItem: (o, id: string) =>
        make(o.ctx, 'ConditionalFormat', () => {
          const e = o.need('ConditionalFormatCollection.getItem') as AreasEnt;
          const cf = e.s.cfs.find((x) => x.id === id);
          if (!cf) throw simError('ItemNotFound', 'ConditionalFormatCollection.getItem');
          return { s: e.s, cf };
        }),
      getCount: (o) => o.ctx.result('ConditionalFormatCollection.getCount', () => (IMPL.ConditionalFormatCollection.items!(o.need('ConditionalFormatCollection')) as unknown[]).length),
    },
  },

  ConditionalFormat: {
    get: {
      id: (e: CfEnt) => cfAlive(e, 'ConditionalFormat.id').cf.id,
      type: (e: CfEnt) => cfAlive(e, 'ConditionalFormat.type').cf.type,
      priority: (e: CfEnt) => e.s.cfs.indexOf(cfAlive(e, 'ConditionalFormat.priority').cf),
      stopIfTrue: (e: CfEnt) => cfAlive(e, 'ConditionalFormat.stopIfTrue').cf.stopIfTrue,
    },
    set: {
      priority: (e: CfEnt, v: number) => {
        cfAlive(e, 'ConditionalFormat.priority');
        guardSheet(e.s, 'ConditionalFormat.priority');
        e.s.cfs = e.s.cfs.filter((x) => x !== e.cf);
        e.s.cfs.splice(Math.max(0, Math.min(v, e.s.cfs.length)), 0, e.cf);
      },
      stopIfTrue: (e: CfEnt, v: boolean) => void (cfAlive(e, 'ConditionalFormat.stopIfTrue').cf.stopIfTrue = v),
    },
    nav: {
      custom: (o) =>
        o.child('custom', 'CustomConditionalFormat', () => {
          const e = cfAlive(o.need('ConditionalFormat.custom'), 'ConditionalFormat.custom');
          if (e.cf.type !== 'Custom') throw simError('InvalidOperation', 'ConditionalFormat.custom', 'The conditional format is not a custom one.');
          return e;
        }),
      customOrNullObject: (o) =>
        o.child('customOrNullObject', 'CustomConditionalFormat', () => {
          const e = cfAlive(o.need('ConditionalFormat.customOrNullObject'), 'ConditionalFormat.customOrNullObject');
          return e.cf.type === 'Custom' ? e : null;
        }),
    },
    call: {
      getRanges: (o) =>
        make(o.ctx, 'RangeAreas', () => {
          const e = cfAlive(o.need('ConditionalFormat.getRanges'), 'ConditionalFormat.getRanges');
          return { s: e.s, areas: e.cf.areas.map((a) => ({ ...a })) };
        }),
      getRange: (o) =>
        rangeObj(o.ctx, () => {
          const e = cfAlive(o.need('ConditionalFormat.getRange'), 'ConditionalFormat.getRange');
          if (e.cf.areas.length !== 1) throw simError('InvalidOperation', 'ConditionalFormat.getRange', 'The conditional format applies to several ranges.');
          return { s: e.s, b: { ...e.cf.areas[0] } };
        }),
      delete: (o) =>
        op(o, 'ConditionalFormat.delete', () => {
          const e = cfAlive(o.need('ConditionalFormat.delete'), 'ConditionalFormat.delete');
          guardSheet(e.s, 'ConditionalFormat.delete');
          e.s.cfs = e.s.cfs.filter((x) => x !== e.cf);
        }),
    },
  },

  CustomConditionalFormat: {
    nav: {
      rule: (o) => o.child('rule', 'ConditionalFormatRule', () => o.need('CustomConditionalFormat')),
      format: (o) => o.child('format', 'ConditionalRangeFormat', () => o.need('CustomConditionalFormat')),
    },
  },

  ConditionalFormatRule: {
    get: { formula: (e: CfEnt) => cfAlive(e, 'ConditionalFormatRule.formula').cf.formula ?? '', formulaLocal: (e: CfEnt) => e.cf.formula ?? '' },
    set: {
      formula: (e: CfEnt, v: string) => {
        cfAlive(e, 'ConditionalFormatRule.formula');
        guardSheet(e.s, 'ConditionalFormatRule.formula');
        if (typeof v !== 'string' || !v.startsWith('=')) throw simError('InvalidArgument', 'ConditionalFormatRule.formula');
        e.cf.formula = v;
      },
    },
  },

  ConditionalRangeFormat: {
    nav: { fill: (o) => o.child('fill', 'ConditionalRangeFill', () => o.need('ConditionalRangeFormat')) },
  },

  ConditionalRangeFill: {
    get: { color: (e: CfEnt) => cfAlive(e, 'ConditionalRangeFill.color').cf.fill ?? null },
    set: {
      color: (e: CfEnt, v: string) => {
        cfAlive(e, 'ConditionalRangeFill.color');
        guardSheet(e.s, 'ConditionalRangeFill.color');
        e.cf.fill = String(v).toUpperCase();
      },
    },
    call: { clear: (o) => op(o, 'ConditionalRangeFill.clear', () => void ((o.need('ConditionalRangeFill') as CfEnt).cf.fill = null)) },
  },

  SettingCollection: {
    items: (wb: SimWorkbook) => [...wb.settings.keys()].map((key) => ({ wb, key })),
    itemClass: 'Setting',
    call: {
      add: (o, key: string, value: unknown) => {
        const v = clone(value);
        op(o, 'SettingCollection.add', () => void o.ctx.wb.settings.set(String(key), v), { request: 150 + jsonLen(v) });
        return make(o.ctx, 'Setting', () => ({ wb: o.ctx.wb, key: String(key) }));
      },
      getItem: (o, key: string) =>
        make(o.ctx, 'Setting', () => {
          if (!o.ctx.wb.settings.has(String(key))) throw simError('ItemNotFound', 'SettingCollection.getItem');
          return { wb: o.ctx.wb, key: String(key) };
        }),
      getItemOrNullObject: (o, key: string) => make(o.ctx, 'Setting', () => (o.ctx.wb.settings.has(String(key)) ? { wb: o.ctx.wb, key: String(key) } : null)),
      getCount: (o) => o.ctx.result('SettingCollection.getCount', () => o.ctx.wb.settings.size),
    },
  },

  Setting: {
    get: { key: (e: { key: string }) => e.key, value: (e: { wb: SimWorkbook; key: string }) => e.wb.settings.get(e.key) },
    set: { value: (e: { wb: SimWorkbook; key: string }, v) => void e.wb.settings.set(e.key, v) },
    call: { delete: (o) => op(o, 'Setting.delete', () => void o.ctx.wb.settings.delete((o.need('Setting.delete') as { key: string }).key)) },
  },

  CommentCollection: {
    items: (wb: SimWorkbook) => wb.comments.slice(),
    itemClass: 'Comment',
    call: {
      add: (o, where: unknown, content: string) => {
        const r = unwrap(where);
        let created: unknown;
        op(o, 'CommentCollection.add', () => {
          const wb = o.ctx.wb;
          let s: SimSheet | undefined;
          let b: Bounds | undefined;
          if (r) ({ s, b } = r.need('CommentCollection.add') as RangeEnt);
          else {
            const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(String(where));
            s = m ? wb.byKey((m[1] ?? m[2]).replace(/''/g, "'")) : undefined;
            b = m ? parseA1(m[3]) : undefined;
          }
          if (!s || !b || b.top !== b.bottom || b.left !== b.right) throw simError('InvalidArgument', 'CommentCollection.add', 'A comment needs one cell.');
          guardSheet(s, 'CommentCollection.add');
          if (s.notes.has(SimSheet.key(b.top, b.left))) throw simError('InvalidOperation', 'CommentCollection.add', 'The cell has a note: a cell cannot have both a note and a threaded comment.');
          if (wb.comments.some((c) => c.sheetId === s!.id && c.row === b!.top && c.col === b!.left)) throw simError('InvalidOperation', 'CommentCollection.add', 'The cell already has a comment.');
          const c = { id: wb.newId('comment'), sheetId: s.id, row: b.top, col: b.left, content: String(content), author: '匠选' };
          wb.comments.push(c);
          created = c;
        }, { request: 200 + jsonLen(content) });
        return make(o.ctx, 'Comment', () => created ?? null);
      },
      getItem: (o, id: string) =>
        make(o.ctx, 'Comment', () => {
          const c = o.ctx.wb.comments.find((x) => x.id === id);
          if (!c) throw simError('ItemNotFound', 'CommentCollection.getItem');
          return c;
        }),
      getCount: (o) => o.ctx.result('CommentCollection.getCount', () => o.ctx.wb.comments.length),
    },
  },

  Comment: {
    get: { id: (c) => c.id, content: (c) => c.content, authorName: (c) => c.author },
    set: { content: (c, v: string) => void (c.content = v) },
    call: {
      delete: (o) => op(o, 'Comment.delete', () => void (o.ctx.wb.comments = o.ctx.wb.comments.filter((x) => x !== o.need('Comment.delete')))),
      getLocation: (o) =>
        rangeObj(o.ctx, () => {
          const c = o.need('Comment.getLocation');
          if (!o.ctx.wb.comments.includes(c)) throw simError('ItemNotFound', 'Comment.getLocation');
          const s = o.ctx.wb.sheets.find((x) => x.id === c.sheetId)!;
          return { s, b: { top: c.row, left: c.col, bottom: c.row, right: c.col } };
        }),
    },
  },

  NoteCollection: {
    items: (e: { wb: SimWorkbook; s?: SimSheet }) =>
      (e.s ? [e.s] : e.wb.sheets).flatMap((s) => [...s.notes.entries()].map(([k, n]) => ({ s, k, n }))),
    itemClass: 'Note',
    call: {
      add: (o, where: unknown, content: string) => {
        const r = unwrap(where);
        op(o, 'NoteCollection.add', () => {
          if (!r) throw simError('InvalidArgument', 'NoteCollection.add');
          const { s, b } = r.need('NoteCollection.add') as RangeEnt;
          guardSheet(s, 'NoteCollection.add');
          const k = SimSheet.key(b.top, b.left);
          if (o.ctx.wb.comments.some((c) => c.sheetId === s.id && c.row === b.top && c.col === b.left)) throw simError('InvalidOperation', 'NoteCollection.add', 'The cell has a threaded comment.');
          s.notes.set(k, { content: String(content), author: '匠选' });
        });
      },
    },
  },

  Note: {
    get: { content: (e) => e.n.content, authorName: (e) => e.n.author },
    call: {
      delete: (o) => op(o, 'Note.delete', () => void (o.need('Note.delete') as { s: SimSheet; k: string }).s.notes.delete((o.need('Note.delete') as { k: string }).k)),
      getLocation: (o) =>
        rangeObj(o.ctx, () => {
          const e = o.need('Note.getLocation') as { s: SimSheet; k: string };
          const [r, c] = e.k.split(',').map(Number);
          return { s: e.s, b: { top: r, left: c, bottom: r, right: c } };
        }),
    },
  },
};

function eachCell(e: RangeEnt, f: (cell: SimCell) => void): void {
  for (let r = e.b.top; r <= e.b.bottom; r++) for (let c = e.b.left; c <= e.b.right; c++) f(e.s.ensure(r, c));
}

function validation(e: RangeEnt) {
  let v = e.s.validations.find((x) => boundsA1(x.bounds) === boundsA1(e.b));
  if (!v) {
    if (e.s.validations.some((x) => overlaps(x.bounds, e.b))) throw simError('InvalidOperation', 'DataValidation', 'Clear the existing validation first.');
    v = { bounds: { ...e.b } };
    e.s.validations.push(v);
  }
  return v;
}

function eventHandlers(o: Obj, kind: EventKind, sheetId?: () => string) {
  return {
    add: (fn: (args: unknown) => unknown) => {
      const h: Handler = { kind, fn, active: false };
      op(o, `${o.cls}.on${kind}.add`, () => {
        if (sheetId) h.sheetId = sheetId();
        h.active = true;
        o.ctx.host.handlers.push(h);
      }, { write: false });
      return {
        context: o.ctx.proxy,
        // Queued on the context the handler was added with: the caller syncs it (Excel.run(handler.context, …)).
        remove: () =>
          o.ctx.queue({
            label: 'EventHandlerResult.remove',
            write: false,
            request: 80,
            run: () => {
              h.active = false;
              const i = o.ctx.host.handlers.indexOf(h);
              if (i >= 0) o.ctx.host.handlers.splice(i, 1);
            },
          }),
      };
    },
  };
}

function make(ctx: Ctx, cls: string, resolve: () => Entity | null): Obj {
  if (!apiTable()[cls]) throw new Error(`sim: Excel.${cls} is not declared`);
  return new Obj(ctx, cls, resolve, IMPL[cls] ?? {});
}

/** Sheet names and states listed in an .xlsx's xl/workbook.xml (a zip read without a library). */
export function xlsxSheets(zip: Buffer): { name: string; state: string }[] {
  const xml = zipEntry(zip, 'xl/workbook.xml')?.toString('utf8');
  if (!xml) throw simError('InvalidArgument', 'Workbook.insertWorksheetsFromBase64', 'not a workbook');
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: unescape(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ''),
    state: /\bstate="([^"]*)"/.exec(m[1])?.[1] ?? 'visible',
  }));
}

function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw simError('InvalidArgument', undefined, 'not a zip');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entry = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

export { MESSAGES, SimError, a1, contains };

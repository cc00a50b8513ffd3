/// <reference types="office-js" />
/**
 * A small hand-written fake of the part of the Excel JavaScript API the Office adapter uses. Unlike
 * office-addin-mock it has collections, null objects and real batching: every write, load and method call is
 * queued and only runs at context.sync(), properties can only be read after a load and a sync (else it
 * throws, as Office.js does), a failed operation rejects the whole sync, and a request or response over 5 MB
 * (or a read over 5,000,000 cells) is rejected like Excel on the web does. Every sync and every values read
 * is recorded for the tests.
 */

import { inflateRawSync } from 'node:zlib';
import { columnLetters } from '../../../src/core/model/grid';

export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const FAKE_CELL_LIMIT = 5_000_000;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface FakeFill {
  pattern: string;
  color: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}
export const NO_FILL: FakeFill = { pattern: 'None', color: '#FFFFFF', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
export function solid(color: string): FakeFill {
  return { ...NO_FILL, pattern: 'Solid', color: color.toUpperCase() };
}

export interface FakeCell {
  value?: unknown;
  /** Forced valueType (e.g. 'Error'); otherwise derived from the value. */
  type?: string;
  format?: string;
  formula?: string;
  fill?: FakeFill;
  font?: Record<string, unknown>;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeComment {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
  author: string;
}

export interface FakeValidation {
  address: string;
  bounds: Bounds;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

class FakeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'RichApi.Error';
  }
}

// ---------- addresses ----------

function colIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}
/** 0-based column → letters: the core's columnLetters, under the name these tests use. */
export const colLetters = columnLetters;
export function a1(row: number, col: number): string {
  return colLetters(col) + (row + 1);
}
export function boundsToA1(b: Bounds): string {
  const s = a1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? s : `${s}:${a1(b.bottom, b.right)}`;
}
/** "B2", "B2:D7", "3:5", "B:D" (no sheet). */
export function parseA1(addr: string): Bounds {
  const parts = addr.replace(/\$/g, '').split(':');
  const ends = parts.map((p) => {
    let m = /^([A-Z]+)(\d+)$/i.exec(p);
    if (m) return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
    m = /^(\d+)$/.exec(p);
    if (m) return { row: Number(m[1]) - 1, col: undefined as number | undefined };
    m = /^([A-Z]+)$/i.exec(p);
    if (m) return { row: undefined as number | undefined, col: colIndex(m[1]) };
    throw new FakeError('InvalidArgument', `bad address ${addr}`);
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  if (a.col === undefined || b.col === undefined) return { top: Math.min(a.row!, b.row!), bottom: Math.max(a.row!, b.row!), left: 0, right: MAX_COLS - 1 };
  if (a.row === undefined || b.row === undefined) return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}
function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
function overlaps(a: Bounds, b: Bounds): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function jsonLen(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === 'number') return String(v).length;
  if (typeof v === 'boolean') return v ? 4 : 5;
  if (typeof v === 'string') return Buffer.byteLength(v, 'utf8') + 2;
  return Buffer.byteLength(JSON.stringify(v), 'utf8');
}

// ---------- the workbook's data ----------

export class FakeSheet {
  visibility = 'Visible';
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  /** Read-only generated values for big sheets (no per-cell storage). */
  generator?: { top: number; left: number; rows: number; cols: number; value(r: number, c: number): unknown };
  validations: FakeValidation[] = [];
  pageLayout: Record<string, unknown> = {};
  frozenRows = 0;
  autoFilter?: string;
  columnWidths = new Map<number, number>();
  selected?: string;
  /** Merged areas (0-based, inclusive), listed by getMergedAreasOrNullObject. */
  merges: Bounds[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  key(r: number, c: number): string {
    return `${r},${c}`;
  }
  get(r: number, c: number): FakeCell | undefined {
    const cell = this.cells.get(this.key(r, c));
    if (cell) return cell;
    const g = this.generator;
    if (g && r >= g.top && r < g.top + g.rows && c >= g.left && c < g.left + g.cols) return { value: g.value(r, c) };
    return undefined;
  }
  ensure(r: number, c: number): FakeCell {
    let cell = this.cells.get(this.key(r, c));
    if (!cell) {
      cell = {};
      this.cells.set(this.key(r, c), cell);
    }
    return cell;
  }
  /** Test helper: "D7" → the cell's value. */
  value(addr: string): unknown {
    const b = parseA1(addr);
    return this.get(b.top, b.left)?.value ?? null;
  }
  fill(addr: string): FakeFill {
    const b = parseA1(addr);
    return { ...(this.get(b.top, b.left)?.fill ?? NO_FILL) };
  }
  set(addr: string, value: unknown, extra: Partial<FakeCell> = {}): void {
    const b = parseA1(addr);
    Object.assign(this.ensure(b.top, b.left), { value }, extra);
  }
  usedBounds(): Bounds | undefined {
    let b: Bounds | undefined;
    const add = (r: number, c: number) => {
      if (!b) b = { top: r, left: c, bottom: r, right: c };
      else {
        b.top = Math.min(b.top, r);
        b.left = Math.min(b.left, c);
        b.bottom = Math.max(b.bottom, r);
        b.right = Math.max(b.right, c);
      }
    };
    for (const [k, cell] of this.cells) {
      if (cell.value === null || cell.value === undefined || cell.value === '') continue;
      const [r, c] = k.split(',').map(Number);
      add(r, c);
    }
    const g = this.generator;
    if (g && g.rows > 0 && g.cols > 0) {
      add(g.top, g.left);
      add(g.top + g.rows - 1, g.left + g.cols - 1);
    }
    return b;
  }
}

export interface ChangedEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  source?: string;
  details?: unknown;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  failed?: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  comments: FakeComment[] = [];
  handlers: ((e: ChangedEvent) => Promise<unknown>)[] = [];
  private nextId = 1;
  /** Every sync of every context over this workbook. */
  syncs: SyncRecord[] = [];
  /** "Sheet!A1:B2" of every range whose values were loaded. */
  valueReads: string[] = [];
  /** Every insertWorksheetsFromBase64 that ran. */
  inserts: FakeInsert[] = [];
  contexts = 0;

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }
  addSheet(name: string, rows: unknown[][] = [], at: { row: number; col: number } = { row: 0, col: 0 }): FakeSheet {
    const s = new FakeSheet(this.newId('ws'), name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell = s.ensure(at.row + r, at.col + c);
        if (v instanceof Date) {
          cell.value = v.getTime() / 86400000 + 25569;
          cell.format = 'yyyy/m/d';
        } else if (typeof v === 'object' && v !== null && 'error' in v) {
          cell.value = (v as { error: string }).error;
          cell.type = 'Error';
        } else cell.value = v;
      }),
    );
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  byKey(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === key || s.id === key);
  }
  commentAt(sheet: string, addr: string): FakeComment | undefined {
    const s = this.sheet(sheet);
    const b = parseA1(addr);
    return this.comments.find((c) => c.sheetId === s.id && c.row === b.top && c.col === b.left);
  }
  addUserComment(sheet: string, addr: string, content: string): FakeComment {
    const b = parseA1(addr);
    const c: FakeComment = { id: this.newId('c'), sheetId: this.sheet(sheet).id, row: b.top, col: b.left, content, author: 'user' };
    this.comments.push(c);
    return c;
  }
  /** A saved and reopened copy: same data, new objects (no handlers, no logs). */
  reopen(): FakeWorkbook {
    const w = new FakeWorkbook();
    w.nextId = this.nextId + 1000;
    w.comments = this.comments.map((c) => ({ ...c }));
    for (const s of this.sheets) {
      const t = new FakeSheet(s.id, s.name);
      t.visibility = s.visibility;
      for (const [k, cell] of s.cells) t.cells.set(k, JSON.parse(JSON.stringify(cell)) as FakeCell);
      t.generator = s.generator;
      t.validations = s.validations.map((v) => ({ ...v }));
      t.pageLayout = { ...s.pageLayout };
      w.sheets.push(t);
    }
    return w;
  }
  /** Inserts rows as Excel does (cells and comments move down; the new rows take the row above's formats). */
  insertRows(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    const moved = new Map<string, FakeCell>();
    for (const [k, cell] of s.cells) {
      const [r, c] = k.split(',').map(Number);
      moved.set(r >= at ? s.key(r + count, c) : k, cell);
    }
    if (at > 0) {
      for (const [k, cell] of s.cells) {
        const [r, c] = k.split(',').map(Number);
        if (r !== at - 1) continue;
        for (let i = 0; i < count; i++) if (cell.fill || cell.format) moved.set(s.key(at + i, c), { fill: cell.fill && { ...cell.fill }, format: cell.format });
      }
    }
    s.cells.clear();
    for (const [k, v] of moved) s.cells.set(k, v);
    for (const c of this.comments) if (c.sheetId === s.id && c.row >= at) c.row += count;
  }
  async fire(e: ChangedEvent): Promise<void> {
    await Promise.all(this.handlers.map((h) => h(e)));
  }
  context(): FakeContext {
    this.contexts++;
    return new FakeContext(this);
  }
  /** A fake Excel.run: a new context per run, or the given one. */
  readonly run = (async (a: unknown, b?: unknown) => {
    const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<unknown>;
    const ctx = a instanceof FakeContext ? a : this.context();
    return batch(ctx);
  }) as unknown as typeof Excel.run;
}

// ---------- the request context ----------

interface Op {
  bytes: number;
  run(): number | void;
}

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  syncCount = 0;

  constructor(readonly data: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** Queues an operation; `args` only sizes the request. */
  enqueue(args: unknown, run: () => number | void): void {
    this.queue.push({ bytes: 120 + (args === undefined ? 0 : jsonLen(args)), run });
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue.splice(0);
    const rec: SyncRecord = { requestBytes: ops.reduce((n, o) => n + o.bytes, 0), responseBytes: 0, ops: ops.length };
    this.data.syncs.push(rec);
    if (rec.requestBytes > FAKE_PAYLOAD_LIMIT) {
      rec.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeError('RequestPayloadSizeLimitExceeded');
    }
    for (const op of ops) {
      try {
        rec.responseBytes += op.run() ?? 0;
      } catch (e) {
        rec.failed = (e as FakeError).code ?? 'GeneralException';
        throw e;
      }
    }
    if (rec.responseBytes > FAKE_PAYLOAD_LIMIT) {
      rec.failed = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeError('ResponsePayloadSizeLimitExceeded');
    }
    await Promise.resolve();
  }
}

/** Base: properties readable only after load + sync. */
class Loadable {
  protected loaded: Record<string, unknown> = {};
  protected nullState?: boolean;
  constructor(readonly context: FakeContext) {}
  protected prop<T>(name: string): T {
    if (!(name in this.loaded)) throw new FakeError('PropertyNotLoaded', `property ${name} not loaded`);
    return this.loaded[name] as T;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeError('PropertyNotLoaded', 'isNullObject before sync');
    return this.nullState;
  }
}

function props(spec: unknown): string[] {
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec as string[];
  return [];
}

/** A file inside a .zip, read synchronously (stored or deflated entries): enough to look into an .xlsx. */
export function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FakeError('InvalidArgument', 'not a zip');
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

/** Sheet names and states listed in an .xlsx's xl/workbook.xml. */
export function xlsxSheets(zip: Buffer): { name: string; state: string }[] {
  const xml = zipEntry(zip, 'xl/workbook.xml')?.toString('utf8');
  if (!xml) throw new FakeError('InvalidArgument', 'not a workbook');
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: unescape(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ''),
    state: /\bstate="([^"]*)"/.exec(m[1])?.[1] ?? 'visible',
  }));
}

/** What insertWorksheetsFromBase64 was asked to do, for the tests. */
export interface FakeInsert {
  sheets: string[];
  options: unknown;
  base64Length: number;
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly comments: FakeCommentCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.comments = new FakeCommentCollection(context);
  }
  /**
   * Inserts the sheets of a base64 .xlsx at the end (names and visibility only, no cells). A name already taken
   * gets " (2)", " (3)" … as Excel does when a sheet is copied in; the ids are returned in the source's order.
   */
  insertWorksheetsFromBase64(base64: string, options: { sheetNamesToInsert?: string[]; positionType?: string } = {}): { value: string[] } {
    const result: { value?: string[] } = {};
    const data = this.context.data;
    this.context.enqueue(base64, () => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new FakeError('InvalidArgument', 'not base64');
      const source = xlsxSheets(Buffer.from(base64, 'base64'));
      const wanted = options.sheetNamesToInsert?.length ? options.sheetNamesToInsert : source.map((s) => s.name);
      const ids: string[] = [];
      for (const name of wanted) {
        const src = source.find((s) => s.name === name);
        if (!src) throw new FakeError('ItemNotFound', `no sheet ${name} in the inserted workbook`);
        let final = name;
        for (let n = 2; data.sheets.some((s) => s.name.toLowerCase() === final.toLowerCase()); n++) final = `${name} (${n})`;
        const sheet = new FakeSheet(data.newId('ws'), final);
        sheet.visibility = src.state === 'veryHidden' ? 'VeryHidden' : src.state === 'hidden' ? 'Hidden' : 'Visible';
        data.sheets.push(sheet);
        ids.push(sheet.id);
      }
      data.inserts.push({ sheets: wanted, options, base64Length: base64.length });
      result.value = ids;
      return ids.length * 40;
    });
    return {
      get value(): string[] {
        if (!result.value) throw new FakeError('PropertyNotLoaded', 'ClientResult before sync');
        return result.value;
      },
    };
  }
}

type SheetResolver = () => FakeSheet | null;

class FakeWorksheetCollection extends Loadable {
  items: FakeWorksheet[] = [];
  readonly onChanged = {
    add: (handler: (e: ChangedEvent) => Promise<unknown>) => {
      const data = this.context.data;
      this.context.enqueue(undefined, () => {
        data.handlers.push(handler);
      });
      const ctx = this.context;
      return {
        context: ctx,
        remove: () =>
          ctx.enqueue(undefined, () => {
            data.handlers = data.handlers.filter((h) => h !== handler);
          }),
      };
    },
  };
  load(spec?: unknown): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(spec, () => {
      this.items = this.context.data.sheets.map((s) => {
        const ws = new FakeWorksheet(this.context, () => s);
        ws.fill(s, wanted);
        return ws;
      });
      return this.items.length * 60;
    });
    return this;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.context.data.byKey(key);
      if (!s) throw new FakeError('ItemNotFound', `worksheet ${key}`);
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => this.context.data.byKey(key) ?? null);
    this.context.enqueue(key, () => ws.setNull(!this.context.data.byKey(key)));
    return ws;
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.context.enqueue(name, () => {
      const data = this.context.data;
      if (data.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new FakeError('ItemAlreadyExists', name);
      created = new FakeSheet(data.newId('ws'), name);
      data.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeError('ItemNotFound', name);
      return created;
    });
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    context: FakeContext,
    readonly resolve: SheetResolver,
  ) {
    super(context);
  }
  setNull(v: boolean): void {
    this.nullState = v;
  }
  fill(s: FakeSheet, wanted: string[]): void {
    for (const p of wanted.length ? wanted : ['name', 'id', 'visibility']) {
      if (p === 'name') this.loaded.name = s.name;
      if (p === 'id') this.loaded.id = s.id;
      if (p === 'visibility') this.loaded.visibility = s.visibility;
      if (p === 'protection/protected') this.loaded.protection = { protected: s.protected };
    }
    this.nullState = false;
  }
  private sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeError('ItemNotFound', 'null worksheet');
    return s;
  }
  get name(): string {
    return this.prop('name');
  }
  get id(): string {
    return this.prop('id');
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  get protection(): { protected: boolean } {
    return this.prop('protection');
  }
  set visibility(v: string) {
    this.context.enqueue(v, () => {
      this.sheet().visibility = v;
    });
  }
  set name(v: string) {
    this.context.enqueue(v, () => {
      const s = this.sheet();
      if (v.length > 31 || /[\\/?*[\]:]/.test(v)) throw new FakeError('InvalidArgument', `bad sheet name ${v}`);
      if (this.context.data.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) throw new FakeError('ItemAlreadyExists', v);
      s.name = v;
    });
  }
  load(spec?: unknown): this {
    this.context.enqueue(spec, () => {
      const s = this.resolve();
      if (!s) {
        this.nullState = true;
        return;
      }
      this.fill(s, props(spec));
    });
    return this;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.sheet();
      return { sheet: s, b: address ? parseA1(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows <= 0 || cols <= 0) throw new FakeError('InvalidArgument', 'empty range');
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), b: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.context, () => {
      const s = this.sheet();
      return { sheet: s, b: s.usedBounds() ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.context, () => {
      const s = this.sheet();
      const b = s.usedBounds();
      return b ? { sheet: s, b } : null;
    });
  }
  activate(): void {
    this.context.enqueue(undefined, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeError('InvalidOperation', 'hidden sheet');
      s.pageLayout.activated = true;
    });
  }
  delete(): void {
    this.context.enqueue(undefined, () => {
      const s = this.sheet();
      if (s.visibility === 'VeryHidden') throw new FakeError('InvalidOperation', 'cannot delete a veryHidden sheet');
      const data = this.context.data;
      data.sheets = data.sheets.filter((x) => x !== s);
      data.comments = data.comments.filter((c) => c.sheetId !== s.id);
    });
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) =>
        this.context.enqueue(n, () => {
          this.sheet().frozenRows = n;
        }),
    };
  }
  get autoFilter() {
    return {
      apply: (range: FakeRange) =>
        this.context.enqueue(undefined, () => {
          const r = range.resolveOrThrow();
          this.sheet().autoFilter = boundsToA1(r.b);
        }),
    };
  }
  get pageLayout() {
    const ctx = this.context;
    const set = (k: string, v: unknown) =>
      ctx.enqueue(v, () => {
        this.sheet().pageLayout[k] = v;
      });
    const target = {
      setPrintTitleRows: (a: string) => set('printTitleRows', a),
      setPrintArea: (a: string) => set('printArea', a),
      headersFooters: {
        defaultForAllPages: {
          set centerFooter(v: string) {
            set('centerFooter', v);
          },
          set centerHeader(v: string) {
            set('centerHeader', v);
          },
        },
      },
    };
    return new Proxy(target, {
      set(t, k, v) {
        set(String(k), v);
        return true;
      },
    });
  }
}

interface Resolved {
  sheet: FakeSheet;
  b: Bounds;
}

function valueType(cell: FakeCell | undefined): string {
  if (!cell) return 'Empty';
  if (cell.type) return cell.type;
  const v = cell.value;
  if (v === null || v === undefined || v === '') return 'Empty';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

class FakeRange extends Loadable {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  constructor(
    context: FakeContext,
    readonly resolve: () => Resolved | null,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, this);
    this.dataValidation = new FakeDataValidation(context, this);
  }
  resolveOrThrow(): Resolved {
    const r = this.resolve();
    if (!r) throw new FakeError('ItemNotFound', 'null range');
    return r;
  }
  load(spec?: unknown): this {
    const wanted = props(spec);
    this.context.enqueue(spec, () => {
      const r = this.resolve();
      this.nullState = !r;
      if (!r) return 20;
      const { sheet, b } = r;
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      let bytes = 40;
      for (const p of wanted) {
        if (p === 'address') this.loaded.address = `${quoteName(sheet.name)}!${boundsToA1(b)}`;
        else if (p === 'rowIndex') this.loaded.rowIndex = b.top;
        else if (p === 'columnIndex') this.loaded.columnIndex = b.left;
        else if (p === 'rowCount') this.loaded.rowCount = rows;
        else if (p === 'columnCount') this.loaded.columnCount = cols;
      }
      const wantValues = wanted.includes('values');
      const wantTypes = wanted.includes('valueTypes');
      const wantFormats = wanted.includes('numberFormat');
      if (wantValues || wantTypes || wantFormats) {
        if (rows * cols > FAKE_CELL_LIMIT) throw new FakeError('RangeExceedsLimit', 'too many cells');
        if (wantValues) this.context.data.valueReads.push(`${sheet.name}!${boundsToA1(b)}`);
        const values: unknown[][] = [];
        const types: string[][] = [];
        const formats: string[][] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const vr: unknown[] = [];
          const tr: string[] = [];
          const fr: string[] = [];
          for (let c = b.left; c <= b.right; c++) {
            const cell = sheet.get(r, c);
            const v = cell?.value ?? '';
            const t = valueType(cell);
            const f = cell?.format ?? 'General';
            if (wantValues) {
              vr.push(v);
              bytes += jsonLen(v) + 1;
            }
            if (wantTypes) {
              tr.push(t);
              bytes += t.length + 3;
            }
            if (wantFormats) {
              fr.push(f);
              bytes += jsonLen(f) + 1;
            }
          }
          values.push(vr);
          types.push(tr);
          formats.push(fr);
        }
        if (wantValues) this.loaded.values = values;
        if (wantTypes) this.loaded.valueTypes = types;
        if (wantFormats) this.loaded.numberFormat = formats;
      }
      return bytes;
    });
    return this;
  }
  /** Merged areas within the range; like Excel, more than 512 of them cannot be listed (the sync fails). */
  getMergedAreasOrNullObject(): Loadable & { readonly areas: { items: { address: string }[] } } {
    const ctx = this.context;
    const resolve = () => this.resolveOrThrow();
    class FakeRangeAreas extends Loadable {
      get areas(): { items: { address: string }[] } {
        return this.prop('areas');
      }
      load(spec?: unknown): this {
        ctx.enqueue(spec, () => {
          const { sheet, b } = resolve();
          const inside = sheet.merges.filter((m) => overlaps(m, b));
          if (inside.length > 512) throw new FakeError('GeneralException', 'more than 512 merged areas');
          this.nullState = inside.length === 0;
          this.loaded.areas = { items: inside.map((m) => ({ address: `${quoteName(sheet.name)}!${boundsToA1(m)}` })) };
          return 40 + inside.length * 30;
        });
        return this;
      }
    }
    return new FakeRangeAreas(ctx);
  }
  /** Per-cell properties (only format.fill is supported). */
  getCellProperties(options: { format?: { fill?: Record<string, boolean> } }): { value: unknown[][] } {
    const result: { value: unknown[][] } = {
      get value(): unknown[][] {
        throw new FakeError('PropertyNotLoaded', 'getCellProperties before sync');
      },
    };
    const wanted = Object.keys(options.format?.fill ?? {}).filter((k) => options.format!.fill![k]);
    this.context.enqueue(options, () => {
      const { sheet, b } = this.resolveOrThrow();
      const value: unknown[][] = [];
      let bytes = 40;
      for (let r = b.top; r <= b.bottom; r++) {
        const row: unknown[] = [];
        for (let c = b.left; c <= b.right; c++) {
          const fill = sheet.get(r, c)?.fill ?? NO_FILL;
          const o: Record<string, unknown> = {};
          for (const k of wanted) o[k] = fill[k as keyof FakeFill];
          const cell = { format: { fill: o } };
          bytes += jsonLen(cell);
          row.push(cell);
        }
        value.push(row);
      }
      Object.defineProperty(result, 'value', { value, configurable: true });
      return bytes;
    });
    return result;
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  private write2D(name: string, data: unknown[][], apply: (cell: FakeCell, v: unknown) => void): void {
    this.context.enqueue(data, () => {
      const { sheet, b } = this.resolveOrThrow();
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      if (!Array.isArray(data) || data.length !== rows || data.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw new FakeError('InvalidArgument', `${name}: dimensions do not match ${boundsToA1(b)}`);
      }
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) apply(sheet.ensure(b.top + r, b.left + c), data[r][c]);
    });
  }
  set values(data: unknown[][]) {
    this.write2D('values', data, (cell, v) => {
      cell.value = v;
      delete cell.formula;
    });
  }
  set formulas(data: unknown[][]) {
    this.write2D('formulas', data, (cell, v) => {
      if (typeof v === 'string' && v.startsWith('=')) {
        cell.formula = v;
        cell.value = `(formula)`;
      } else {
        cell.value = v;
        delete cell.formula;
      }
    });
  }
  set numberFormat(data: unknown[][]) {
    this.write2D('numberFormat', data, (cell, v) => {
      cell.format = String(v);
    });
  }
  clear(): void {
    this.context.enqueue(undefined, () => {
      const { sheet, b } = this.resolveOrThrow();
      for (const [k] of [...sheet.cells]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) sheet.cells.delete(k);
      }
    });
  }
  select(): void {
    this.context.enqueue(undefined, () => {
      const { sheet, b } = this.resolveOrThrow();
      sheet.selected = boundsToA1(b);
    });
  }
  forEachCell(fn: (cell: FakeCell) => void): void {
    const { sheet, b } = this.resolveOrThrow();
    if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > 100_000) throw new FakeError('InvalidArgument', 'fake: formatting too large a range');
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) fn(sheet.ensure(r, c));
  }
}

class FakeRangeFormat {
  readonly fill: FakeFillProxy;
  readonly font: Record<string, unknown>;
  readonly borders: { getItem(name: string): Record<string, unknown> };
  constructor(
    readonly context: FakeContext,
    readonly range: FakeRange,
  ) {
    this.fill = new FakeFillProxy(context, range);
    const setter = (prefix: string) =>
      new Proxy({} as Record<string, unknown>, {
        set: (_t, k, v) => {
          context.enqueue(v, () => {
            range.forEachCell((cell) => {
              cell.font = { ...(cell.font ?? {}), [`${prefix}${String(k)}`]: v };
            });
          });
          return true;
        },
      });
    this.font = setter('');
    this.borders = { getItem: (name: string) => setter(`border${name}.`) };
  }
  set columnWidth(v: number) {
    this.context.enqueue(v, () => {
      const { sheet, b } = this.range.resolveOrThrow();
      for (let c = b.left; c <= b.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  set wrapText(v: boolean) {
    this.context.enqueue(v, () => this.range.forEachCell((cell) => (cell.font = { ...(cell.font ?? {}), wrapText: v })));
  }
  set verticalAlignment(v: string) {
    this.context.enqueue(v, () => this.range.forEachCell((cell) => (cell.font = { ...(cell.font ?? {}), verticalAlignment: v })));
  }
}

const FILL_KEYS = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const;

class FakeFillProxy extends Loadable {
  constructor(
    context: FakeContext,
    readonly range: FakeRange,
  ) {
    super(context);
  }
  load(spec?: unknown): this {
    const wanted = props(spec).length ? props(spec) : [...FILL_KEYS];
    this.context.enqueue(spec, () => {
      const { sheet, b } = this.range.resolveOrThrow();
      const fills: FakeFill[] = [];
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) fills.push(sheet.get(r, c)?.fill ?? NO_FILL);
      for (const k of wanted) {
        const first = fills[0][k as keyof FakeFill];
        this.loaded[k] = fills.every((f) => f[k as keyof FakeFill] === first) ? first : null;
      }
      return 150;
    });
    return this;
  }
  get color(): string {
    return this.prop('color');
  }
  get pattern(): string {
    return this.prop('pattern');
  }
  get patternColor(): string {
    return this.prop('patternColor');
  }
  get tintAndShade(): number {
    return this.prop('tintAndShade');
  }
  get patternTintAndShade(): number {
    return this.prop('patternTintAndShade');
  }
  private update(v: unknown, fn: (f: FakeFill) => FakeFill): void {
    this.context.enqueue(v, () => {
      if (this.range.resolveOrThrow().sheet.protected) throw new FakeError('AccessDenied', 'the sheet is protected');
      this.range.forEachCell((cell) => (cell.fill = fn({ ...(cell.fill ?? NO_FILL) })));
    });
  }
  set color(v: string) {
    this.update(v, (f) => ({ ...f, color: v.toUpperCase(), pattern: f.pattern === 'None' ? 'Solid' : f.pattern }));
  }
  set pattern(v: string) {
    this.update(v, (f) => ({ ...f, pattern: v }));
  }
  set patternColor(v: string) {
    this.update(v, (f) => ({ ...f, patternColor: v.toUpperCase() }));
  }
  set tintAndShade(v: number) {
    this.update(v, (f) => ({ ...f, tintAndShade: v }));
  }
  set patternTintAndShade(v: number) {
    this.update(v, (f) => ({ ...f, patternTintAndShade: v }));
  }
  clear(): void {
    this.update(undefined, () => ({ ...NO_FILL }));
  }
}

class FakeDataValidation {
  constructor(
    readonly context: FakeContext,
    readonly range: FakeRange,
  ) {}
  private entry(): FakeValidation {
    const { sheet, b } = this.range.resolveOrThrow();
    const address = boundsToA1(b);
    let v = sheet.validations.find((x) => x.address === address);
    if (!v) {
      v = { address, bounds: b };
      sheet.validations.push(v);
    }
    return v;
  }
  clear(): void {
    this.context.enqueue(undefined, () => {
      const { sheet, b } = this.range.resolveOrThrow();
      sheet.validations = sheet.validations.filter((v) => !overlaps(v.bounds, b));
    });
  }
  set rule(r: unknown) {
    this.context.enqueue(r, () => {
      const e = this.entry();
      if (e.rule) throw new FakeError('InvalidOperation', 'clear the existing rule first');
      e.rule = r;
    });
  }
  set prompt(p: unknown) {
    this.context.enqueue(p, () => {
      this.entry().prompt = p;
    });
  }
  set errorAlert(p: unknown) {
    this.context.enqueue(p, () => {
      this.entry().errorAlert = p;
    });
  }
  set ignoreBlanks(v: boolean) {
    this.context.enqueue(v, () => {
      this.entry().ignoreBlanks = v;
    });
  }
}

class FakeCommentCollection extends Loadable {
  items: FakeCommentProxy[] = [];
  load(spec?: unknown): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(spec, () => {
      this.items = this.context.data.comments.map((c) => {
        const p = new FakeCommentProxy(this.context, () => c);
        p.fill(c, wanted);
        return p;
      });
      return this.items.reduce((n, p) => n + 40 + jsonLen(p.peekContent()), 0);
    });
    return this;
  }
  getItem(id: string): FakeCommentProxy {
    return new FakeCommentProxy(this.context, () => {
      const c = this.context.data.comments.find((x) => x.id === id);
      if (!c) throw new FakeError('ItemNotFound', `comment ${id}`);
      return c;
    });
  }
  add(where: FakeRange | string, content: string): FakeCommentProxy {
    let created: FakeComment | undefined;
    this.context.enqueue(content, () => {
      const data = this.context.data;
      let sheet: FakeSheet;
      let b: Bounds;
      if (typeof where === 'string') {
        const bang = where.lastIndexOf('!');
        const name = where.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
        const s = data.byKey(name);
        if (!s) throw new FakeError('ItemNotFound', name);
        sheet = s;
        b = parseA1(where.slice(bang + 1));
      } else ({ sheet, b } = where.resolveOrThrow());
      if (b.top !== b.bottom || b.left !== b.right) throw new FakeError('InvalidArgument', 'comment on a multi-cell range');
      if (sheet.protected) throw new FakeError('AccessDenied', 'the sheet is protected');
      if (data.comments.some((c) => c.sheetId === sheet.id && c.row === b.top && c.col === b.left)) throw new FakeError('InvalidArgument', 'the cell already has a comment');
      created = { id: data.newId('c'), sheetId: sheet.id, row: b.top, col: b.left, content, author: 'jiangxuan' };
      data.comments.push(created);
    });
    return new FakeCommentProxy(this.context, () => {
      if (!created) throw new FakeError('ItemNotFound', 'comment not created');
      return created;
    });
  }
}

class FakeCommentProxy extends Loadable {
  constructor(
    context: FakeContext,
    readonly resolve: () => FakeComment,
  ) {
    super(context);
  }
  fill(c: FakeComment, wanted: string[]): void {
    for (const p of wanted.length ? wanted : ['id', 'content']) {
      if (p === 'id') this.loaded.id = c.id;
      if (p === 'content') this.loaded.content = c.content;
      if (p === 'authorName') this.loaded.authorName = c.author;
    }
  }
  peekContent(): string {
    return String(this.loaded.content ?? '');
  }
  load(spec?: unknown): this {
    this.context.enqueue(spec, () => {
      this.fill(this.resolve(), props(spec));
      return 60;
    });
    return this;
  }
  get id(): string {
    return this.prop('id');
  }
  get content(): string {
    return this.prop('content');
  }
  set content(v: string) {
    this.context.enqueue(v, () => {
      this.resolve().content = v;
    });
  }
  delete(): void {
    this.context.enqueue(undefined, () => {
      const c = this.resolve();
      this.context.data.comments = this.context.data.comments.filter((x) => x !== c);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const c = this.resolve();
      const sheet = this.context.data.sheets.find((s) => s.id === c.sheetId);
      if (!sheet) throw new FakeError('ItemNotFound', 'comment sheet');
      return { sheet, b: { top: c.row, left: c.col, bottom: c.row, right: c.col } };
    });
  }
}

/** The fake context typed as the real one. */
export function asExcel(ctx: FakeContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}

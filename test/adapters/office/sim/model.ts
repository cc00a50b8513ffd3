/**
 * The data of a simulated Excel workbook and what a user does to it (type, sort, cut and paste, copy formats,
 * insert or delete rows, delete cells with a shift, protect, edit a cell, a co-author's edit). The API side
 * (client.ts) reads and writes this model only inside context.sync(), as Excel does.
 *
 * What moves with what, as the simulation models it (Excel's documented behaviour where there is one, else the
 * conservative assumption, marked "assumed"):
 * - sort moves each row's values, formats (fills, fonts, number formats), notes and threaded comments; conditional
 *   formats keep their ranges (they belong to ranges, not to values — assumed);
 * - cut and paste moves values, formats, notes, comments and the cells' conditional-format membership
 *   (Excel splits a rule's range when cells leave it); the destination's own formats are replaced;
 * - copying formats to other cells copies the source's conditional formats as new rules (worst case: Excel may
 *   also merge them into the existing rule);
 * - inserting or deleting rows, or deleting cells with a shift up, moves everything below, ranges of rules too.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Fill {
  pattern: string;
  color: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: Fill = { pattern: 'None', color: '#FFFFFF', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };

export function solid(color: string): Fill {
  return { ...NO_FILL, pattern: 'Solid', color: color.toUpperCase() };
}

export interface SimCell {
  value?: unknown;
  /** Forced value type ('Error' for "#DIV/0!"); otherwise derived from the value. */
  type?: string;
  formula?: string;
  numberFormat?: string;
  fill?: Fill;
  font?: Record<string, unknown>;
  align?: Record<string, unknown>;
  borders?: Record<string, Record<string, unknown>>;
}

export interface SimCF {
  id: string;
  type: 'Custom' | 'CellValue' | 'ColorScale' | 'DataBar';
  formula?: string;
  fill?: string | null;
  stopIfTrue: boolean;
  areas: Bounds[];
}

export interface SimNote {
  content: string;
  author: string;
}

export interface SimComment {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
  author: string;
}

export interface SimValidation {
  bounds: Bounds;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(b: Bounds, r: number, c: number): boolean {
  return r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
}

// ---------- addresses ----------

export function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

export function a1(row: number, col: number): string {
  return colLetters(col) + (row + 1);
}

export function boundsA1(b: Bounds): string {
  if (b.left === 0 && b.right === MAX_COLS - 1) return `${b.top + 1}:${b.bottom + 1}`;
  if (b.top === 0 && b.bottom === MAX_ROWS - 1) return `${colLetters(b.left)}:${colLetters(b.right)}`;
  const s = a1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? s : `${s}:${a1(b.bottom, b.right)}`;
}

/** "B2", "$B$2:D7", "3:5", "B:D" (no sheet part). Throws InvalidArgument-like errors via the caller. */
export function parseA1(addr: string): Bounds | undefined {
  const parts = addr.trim().replace(/\$/g, '').split(':');
  if (parts.length > 2 || !parts[0]) return undefined;
  const ends: { row?: number; col?: number }[] = [];
  for (const p of parts) {
    let m = /^([A-Z]{1,3})(\d{1,7})$/i.exec(p);
    if (m) {
      ends.push({ row: Number(m[2]) - 1, col: colIndex(m[1]) });
      continue;
    }
    m = /^(\d{1,7})$/.exec(p);
    if (m) {
      ends.push({ row: Number(m[1]) - 1 });
      continue;
    }
    m = /^([A-Z]{1,3})$/i.exec(p);
    if (m) {
      ends.push({ col: colIndex(m[1]) });
      continue;
    }
    return undefined;
  }
  const a = ends[0];
  const b = ends[1] ?? a;
  if (a.col === undefined || b.col === undefined) {
    if (a.row === undefined || b.row === undefined) return undefined;
    return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: 0, right: MAX_COLS - 1 };
  }
  if (a.row === undefined || b.row === undefined) return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------- the workbook ----------

export class SimSheet {
  visibility = 'Visible';
  readonly cells = new Map<string, SimCell>();
  /** Read-only generated values for very large sheets (no per-cell storage). */
  generator?: { top: number; left: number; rows: number; cols: number; value(r: number, c: number): unknown };
  merges: Bounds[] = [];
  cfs: SimCF[] = [];
  readonly notes = new Map<string, SimNote>();
  protection = { protected: false, allowFormatCells: false };
  validations: SimValidation[] = [];
  pageLayout: Record<string, unknown> = {};
  frozenRows = 0;
  autoFilter?: string;
  readonly columnWidths = new Map<number, number>();
  selected?: string;
  activated = false;
  /** Hidden rows (0-based): Range.rowHidden and Range.getVisibleView() see them. */
  readonly hiddenRows = new Set<number>();
  /** Hidden columns (0-based): Range.getVisibleView() leaves them out too. */
  readonly hiddenColumns = new Set<number>();

  constructor(
    readonly wb: SimWorkbook,
    readonly id: string,
    public name: string,
  ) {}

  static key(r: number, c: number): string {
    return `${r},${c}`;
  }

  get(r: number, c: number): SimCell | undefined {
    const cell = this.cells.get(SimSheet.key(r, c));
    if (cell) return cell;
    const g = this.generator;
    if (g && r >= g.top && r < g.top + g.rows && c >= g.left && c < g.left + g.cols) return { value: g.value(r, c) };
    return undefined;
  }

  ensure(r: number, c: number): SimCell {
    const k = SimSheet.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = {};
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Test helper: "D7" → the cell's value (null when empty). */
  value(addr: string): unknown {
    const b = parseA1(addr)!;
    const v = this.get(b.top, b.left)?.value;
    return v === undefined || v === '' ? null : v;
  }

  /** The cell's own fill (what the user set), never a conditional format's. */
  fill(addr: string): Fill {
    const b = parseA1(addr)!;
    return { ...(this.get(b.top, b.left)?.fill ?? NO_FILL) };
  }

  /**
   * The fill a user sees: the first conditional format (in priority order) whose range holds the cell and whose
   * formula is true, else the cell's own fill. Only the constant formulas the add-in writes are evaluated
   * (ISTEXT("…") is TRUE); other formulas count as false.
   */
  shownFill(addr: string): string {
    const b = parseA1(addr)!;
    for (const cf of this.cfs) {
      if (cf.type !== 'Custom' || !cf.fill || !cf.areas.some((a) => contains(a, b.top, b.left))) continue;
      if (/^=ISTEXT\("[^"]*"\)$/i.test(cf.formula ?? '') || /^=TRUE$/i.test(cf.formula ?? '')) return cf.fill.toUpperCase();
    }
    const own = this.get(b.top, b.left)?.fill ?? NO_FILL;
    return own.pattern === 'None' ? 'none' : own.color;
  }

  set(addr: string, value: unknown, extra: Partial<SimCell> = {}): void {
    const b = parseA1(addr)!;
    Object.assign(this.ensure(b.top, b.left), { value }, extra);
  }

  /** Bounds of cells holding a value (valuesOnly), or of anything at all. */
  usedBounds(valuesOnly: boolean): Bounds | undefined {
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
      const hasValue = !(cell.value === null || cell.value === undefined || cell.value === '') || !!cell.formula;
      if (valuesOnly ? !hasValue : !hasValue && !cell.fill && !cell.font && !cell.numberFormat && !cell.align && !cell.borders) continue;
      const [r, c] = k.split(',').map(Number);
      add(r, c);
    }
    const g = this.generator;
    if (g && g.rows > 0 && g.cols > 0) {
      add(g.top, g.left);
      add(g.top + g.rows - 1, g.left + g.cols - 1);
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        add(m.top, m.left);
        add(m.bottom, m.right);
      }
    }
    return b;
  }

  /** Moves every per-cell thing (cells, notes, comments, merges, rule ranges) by a function of position. */
  remap(move: (r: number, c: number) => { row: number; col: number } | undefined, opts: { cfs: boolean }): void {
    const cells = [...this.cells.entries()];
    this.cells.clear();
    for (const [k, cell] of cells) {
      const [r, c] = k.split(',').map(Number);
      const p = move(r, c);
      if (p) this.cells.set(SimSheet.key(p.row, p.col), cell);
    }
    const notes = [...this.notes.entries()];
    this.notes.clear();
    for (const [k, n] of notes) {
      const [r, c] = k.split(',').map(Number);
      const p = move(r, c);
      if (p) this.notes.set(SimSheet.key(p.row, p.col), n);
    }
    this.wb.comments = this.wb.comments.flatMap((cm) => {
      if (cm.sheetId !== this.id) return [cm];
      const p = move(cm.row, cm.col);
      return p ? [{ ...cm, row: p.row, col: p.col }] : [];
    });
    if (opts.cfs) {
      for (const cf of this.cfs) cf.areas = remapAreas(cf.areas, move);
      this.cfs = this.cfs.filter((cf) => cf.areas.length > 0);
    }
  }
}

/** Areas after a cell move: each cell goes where `move` sends it; rebuilt as column runs. */
function remapAreas(areas: Bounds[], move: (r: number, c: number) => { row: number; col: number } | undefined): Bounds[] {
  const cells: { row: number; col: number }[] = [];
  for (const a of areas) {
    for (let r = a.top; r <= a.bottom; r++) {
      for (let c = a.left; c <= a.right; c++) {
        const p = move(r, c);
        if (p) cells.push(p);
      }
    }
  }
  return cellsToAreas(cells);
}

/** Cells → vertical runs of each column (the shape Excel's ranges take after a split). */
export function cellsToAreas(cells: { row: number; col: number }[]): Bounds[] {
  const sorted = [...new Map(cells.map((c) => [`${c.row},${c.col}`, c])).values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: Bounds[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === c.col && last.bottom === c.row - 1) last.bottom = c.row;
    else out.push({ top: c.row, bottom: c.row, left: c.col, right: c.col });
  }
  return out;
}

export interface ChangedEventArgs {
  type: string;
  worksheetId: string;
  address: string;
  changeType?: string;
  source: 'Local' | 'Remote';
  details?: unknown;
  triggerSource?: string;
}

export type EventKind = 'changed' | 'rowSorted' | 'columnSorted';

export class SimWorkbook {
  sheets: SimSheet[] = [];
  comments: SimComment[] = [];
  readonly settings = new Map<string, unknown>();
  protection = { structure: false };
  private ids = 0;
  /** Set by the client: delivers events to the add-in's handlers. */
  emit: (kind: EventKind, args: ChangedEventArgs) => void = () => undefined;

  newId(prefix: string): string {
    return `{${prefix}-${(++this.ids).toString(16).padStart(4, '0')}}`;
  }

  addSheet(name: string, rows: unknown[][] = [], at: { row: number; col: number } = { row: 0, col: 0 }): SimSheet {
    const s = new SimSheet(this, this.newId('sheet'), name);
    rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell = s.ensure(at.row + r, at.col + c);
        if (v instanceof Date) {
          cell.value = v.getTime() / 86400000 + 25569;
          cell.numberFormat = 'yyyy/m/d';
        } else if (typeof v === 'object' && v !== null && 'error' in (v as object)) {
          cell.value = (v as { error: string }).error;
          cell.type = 'Error';
        } else cell.value = v;
      });
    });
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SimSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  byKey(key: string): SimSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name === key) ?? this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
  }

  commentAt(sheet: string, addr: string): SimComment | undefined {
    const s = this.sheet(sheet);
    const b = parseA1(addr)!;
    return this.comments.find((c) => c.sheetId === s.id && c.row === b.top && c.col === b.left);
  }

  addComment(sheet: string, addr: string, content: string, author = '审核员'): SimComment {
    const s = this.sheet(sheet);
    const b = parseA1(addr)!;
    const c = { id: this.newId('comment'), sheetId: s.id, row: b.top, col: b.left, content, author };
    this.comments.push(c);
    return c;
  }

  addNote(sheet: string, addr: string, content: string, author = '填表人'): void {
    const b = parseA1(addr)!;
    this.sheet(sheet).notes.set(SimSheet.key(b.top, b.left), { content, author });
  }

  /**
   * Everything a user could see or that travels with the file, in a stable order: for comparing two workbooks
   * cell by cell (values, formulas, formats, fills, notes, comments, merges, conditional formats, validation,
   * sheets, settings).
   */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells.entries()]
          .filter(([, c]) => Object.keys(c).length > 0)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, c]) => [k, JSON.parse(JSON.stringify(c))]),
        merges: s.merges.map((m) => boundsA1(m)),
        cfs: s.cfs.map((c) => ({ type: c.type, formula: c.formula, fill: c.fill, areas: c.areas.map(boundsA1) })),
        notes: [...s.notes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
        validations: s.validations.map((v) => ({ ...v, bounds: boundsA1(v.bounds) })),
        protection: s.protection,
        pageLayout: s.pageLayout,
        frozenRows: s.frozenRows,
        autoFilter: s.autoFilter,
      })),
      comments: this.comments
        .map((c) => ({ sheet: this.sheets.find((s) => s.id === c.sheetId)?.name, cell: a1(c.row, c.col), content: c.content, author: c.author }))
        .sort((a, b) => (`${a.sheet}!${a.cell}` < `${b.sheet}!${b.cell}` ? -1 : 1)),
      settings: [...this.settings.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      protection: this.protection,
    };
  }

  // ---------- what a user does (each fires the events Excel fires) ----------

  /** Types a value into a cell (or a co-author does: source "Remote"). */
  edit(sheet: string, addr: string, value: unknown, source: 'Local' | 'Remote' = 'Local'): void {
    const s = this.sheet(sheet);
    if (s.protection.protected) throw new Error(`sheet ${sheet} is protected`);
    const b = parseA1(addr)!;
    const cell = s.ensure(b.top, b.left);
    const before = cell.value ?? '';
    cell.value = value;
    delete cell.type;
    this.emit('changed', {
      type: 'WorksheetChanged',
      worksheetId: s.id,
      address: a1(b.top, b.left),
      changeType: 'RangeEdited',
      source,
      details: { valueBefore: before, valueAfter: value ?? '', valueTypeBefore: typeOfValue(before), valueTypeAfter: typeOfValue(value) },
      triggerSource: 'Unknown',
    });
  }

  /**
   * Sorts rows `top..bottom` (0-based, inclusive) of a sheet by one column, as Excel's Sort does: whole rows of
   * the range move with their formats, notes and comments. Fires onRowSorted (ExcelApi 1.10); onChanged is not
   * fired for a sort (assumed: Excel added onRowSorted for sorts).
   */
  sortRows(sheet: string, range: Bounds, byCol: number, descending = false): void {
    const s = this.sheet(sheet);
    const rows = Array.from({ length: range.bottom - range.top + 1 }, (_, i) => range.top + i);
    const key = (r: number) => s.get(r, byCol)?.value;
    const order = [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const cmp = x === y ? 0 : x === undefined || x === null ? 1 : y === undefined || y === null ? -1 : String(x) < String(y) ? -1 : 1;
      return (descending ? -cmp : cmp) || a - b;
    });
    const dest = new Map(order.map((from, i) => [from, range.top + i]));
    s.remap((r, c) => (c >= range.left && c <= range.right && dest.has(r) ? { row: dest.get(r)!, col: c } : { row: r, col: c }), { cfs: false });
    this.emit('rowSorted', { type: 'WorksheetRowSorted', worksheetId: s.id, address: boundsA1(range), source: 'Local' });
  }

  /** Cut `from` and paste at the cell `to` (same sheet): everything of the cells moves, CF membership too. */
  cutPaste(sheet: string, fromAddr: string, toAddr: string): void {
    const s = this.sheet(sheet);
    const from = parseA1(fromAddr)!;
    const to = parseA1(toAddr)!;
    const dr = to.top - from.top;
    const dc = to.left - from.left;
    const dest: Bounds = { top: from.top + dr, bottom: from.bottom + dr, left: from.left + dc, right: from.right + dc };
    const inFrom = (r: number, c: number) => contains(from, r, c);
    const inDest = (r: number, c: number) => contains(dest, r, c);
    s.remap((r, c) => (inFrom(r, c) ? { row: r + dr, col: c + dc } : inDest(r, c) ? undefined : { row: r, col: c }), { cfs: true });
    for (const a of [from, dest]) this.emit('changed', { type: 'WorksheetChanged', worksheetId: s.id, address: boundsA1(a), changeType: 'RangeEdited', source: 'Local' });
  }

  /** Copies the formats of one cell onto others (Format Painter): its conditional formats become new rules there. */
  copyFormats(sheet: string, fromAddr: string, toAddr: string): void {
    const s = this.sheet(sheet);
    const from = parseA1(fromAddr)!;
    const to = parseA1(toAddr)!;
    const src = s.get(from.top, from.left);
    const rules = s.cfs.filter((cf) => cf.areas.some((a) => contains(a, from.top, from.left)));
    for (let r = to.top; r <= to.bottom; r++) {
      for (let c = to.left; c <= to.right; c++) {
        const cell = s.ensure(r, c);
        for (const k of ['fill', 'font', 'numberFormat', 'align', 'borders'] as const) {
          if (src?.[k] !== undefined) (cell as Record<string, unknown>)[k] = JSON.parse(JSON.stringify(src[k]));
          else delete cell[k];
        }
      }
    }
    for (const cf of rules) s.cfs.push({ ...cf, id: this.newId('cf'), areas: [{ ...to }] });
  }

  /** Inserts `count` rows at 0-based `at`; they take the formats of the row above (below when at the top). */
  insertRows(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    s.remap((r, c) => ({ row: r >= at ? r + count : r, col: c }), { cfs: true });
    s.merges = s.merges.map((m) => (m.top >= at ? { ...m, top: m.top + count, bottom: m.bottom + count } : m));
    const source = at > 0 ? at - 1 : at + count;
    for (const [k, cell] of [...s.cells]) {
      const [r, c] = k.split(',').map(Number);
      if (r !== source || (!cell.fill && !cell.font)) continue;
      for (let i = 0; i < count; i++) {
        const n = s.ensure(at + i, c);
        if (cell.fill) n.fill = { ...cell.fill };
        if (cell.font) n.font = { ...cell.font };
      }
    }
    this.emit('changed', { type: 'WorksheetChanged', worksheetId: s.id, address: `${at + 1}:${at + count}`, changeType: 'RowInserted', source: 'Local' });
  }

  /** Deletes rows `at..at+count-1`. */
  deleteRows(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    s.remap((r, c) => (r < at ? { row: r, col: c } : r < at + count ? undefined : { row: r - count, col: c }), { cfs: true });
    this.emit('changed', { type: 'WorksheetChanged', worksheetId: s.id, address: `${at + 1}:${at + count}`, changeType: 'RowDeleted', source: 'Local' });
  }

  /** Deletes cells and shifts the cells below up (within those columns). */
  deleteCellsShiftUp(sheet: string, addr: string): void {
    const s = this.sheet(sheet);
    const b = parseA1(addr)!;
    const n = b.bottom - b.top + 1;
    s.remap((r, c) => {
      if (c < b.left || c > b.right || r < b.top) return { row: r, col: c };
      if (r <= b.bottom) return undefined;
      return { row: r - n, col: c };
    }, { cfs: true });
    this.emit('changed', { type: 'WorksheetChanged', worksheetId: s.id, address: boundsA1(b), changeType: 'CellDeleted', source: 'Local' });
  }
}

export function typeOfValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return 'Empty';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/// <reference types="office-js" />
/**
 * Reading the open workbook into the core's grid: sheet list and our setting (1 sync), used-range dimensions
 * (1 sync), values in row blocks packed into as few requests as the payload budget allows (1 sync for any
 * ordinary workbook), merged areas (1 sync with ExcelApi 1.13); a sheet spanning more than the reading budget
 * costs one more sync to find the areas holding values. See index.ts for the batching rules.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../../core/model/grid';
import { CheckError } from '../../core/check/failures';
import { READ_BUDGET } from '../../core/model/read-budget';
import { quoteSheetName } from '../../core/model/sheet-refs';
import { parseRangeAddress } from './address';
import { Batcher, BATCH_BYTE_BUDGET, CELLS_PER_BLOCK, jsonBytes, mayBePayloadError, OP_BYTES, READ_BYTES_PER_CELL } from './limits';
import { convertRows } from './values';
import { queueReadStore } from './store';
import { readMerges, type MergeSource } from './merges';
import { requireFeature, supports } from './requirements';

/** The state sheet of Jiangxuan's first versions (painted fills): never read as data. */
export const LEGACY_STATE_SHEET = '_jiangxuan_marks';

export interface ReadProgress {
  phase: 'metadata' | 'values';
  done: number;
  total: number;
}

/** A rectangle of one sheet to load (0-based, absolute sheet coordinates). */
export interface ReadBlock {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const VALUE_PROPS = 'values,valueTypes,numberFormat';

/** Splits a rectangle into row blocks of at most `cellsPerBlock` cells (at least one row each). */
export function planBlocks(sheet: string, top: number, left: number, rows: number, cols: number, cellsPerBlock = CELLS_PER_BLOCK): ReadBlock[] {
  if (rows <= 0 || cols <= 0) return [];
  const step = Math.max(1, Math.floor(cellsPerBlock / cols));
  const out: ReadBlock[] = [];
  for (let r = 0; r < rows; r += step) out.push({ sheet, top: top + r, left, rows: Math.min(step, rows - r), cols });
  return out;
}

function blockBytes(b: ReadBlock): number {
  return OP_BYTES + b.rows * b.cols * READ_BYTES_PER_CELL;
}

/** Packs blocks, in order, into requests of at most `budget` estimated bytes. */
export function packBlocks(blocks: ReadBlock[], budget = BATCH_BYTE_BUDGET): ReadBlock[][] {
  const batches: ReadBlock[][] = [];
  let cur: ReadBlock[] = [];
  let bytes = 0;
  for (const b of blocks) {
    const cost = blockBytes(b);
    if (cur.length && bytes + cost > budget) {
      batches.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(b);
    bytes += cost;
  }
  if (cur.length) batches.push(cur);
  return batches;
}

type BlockSink = (block: ReadBlock, rows: CellValue[][]) => void;

/**
 * Loads blocks with one sync per packed request. When Excel still rejects a request as too large (long texts
 * beat the estimate), the request is split in two and retried, down to single rows: the sync count grows only
 * with the real payload.
 */
export async function loadBlocks(context: Excel.RequestContext, blocks: ReadBlock[], sink: BlockSink, onBatch?: (cells: number) => void): Promise<void> {
  for (const batch of packBlocks(blocks)) await loadBatch(context, batch, sink, onBatch);
}

async function loadBatch(context: Excel.RequestContext, batch: ReadBlock[], sink: BlockSink, onBatch?: (cells: number) => void): Promise<void> {
  const sheets = new Map<string, Excel.Worksheet>();
  const ranges = batch.map((b) => {
    let ws = sheets.get(b.sheet);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(b.sheet);
      sheets.set(b.sheet, ws);
    }
    return ws.getRangeByIndexes(b.top, b.left, b.rows, b.cols).load(VALUE_PROPS);
  });
  try {
    await context.sync();
  } catch (e) {
    if (!mayBePayloadError(e)) throw e;
    if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await loadBatch(context, batch.slice(0, half), sink, onBatch);
      await loadBatch(context, batch.slice(half), sink, onBatch);
      return;
    }
    const b = batch[0];
    if (b.rows <= 1) throw e;
    const half = Math.ceil(b.rows / 2);
    await loadBatch(context, [{ ...b, rows: half }, { ...b, top: b.top + half, rows: b.rows - half }], sink, onBatch);
    return;
  }
  let cells = 0;
  batch.forEach((b, i) => {
    const r = ranges[i];
    sink(b, convertRows(r.values as unknown[][], r.valueTypes as string[][], r.numberFormat as unknown[][]));
    cells += b.rows * b.cols;
  });
  onBatch?.(cells);
}

/**
 * Writes converted block rows into a bounded grid (core/model/grid.ts): only values are placed, rows are created
 * when they get one and end at their last one.
 */
function placeRows(grid: CellValue[][], top: number, left: number, rows: CellValue[][]): void {
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r];
    for (let c = 0; c < src.length; c++) {
      const v = src[c];
      if (v === null || v === undefined) continue;
      const row = grid[top + r] ?? (grid[top + r] = []);
      const col = left + c;
      while (row.length < col) row.push(null);
      row[col] = v;
    }
  }
}

function tooLarge(sheet: string, limit: number): CheckError {
  return new CheckError({ code: 'too-large', reason: 'cells', sheet, limit });
}

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  /**
   * Read merged areas too (default true): with ExcelApi 1.13 from Excel (one more sync), else from the workbook
   * file (Office's getFileAsync). Detecting the programme does not need them.
   */
  merges?: boolean;
  /** Cells the read may request (default: the reading budget, core/model/read-budget.ts). */
  budget?: number;
}

export interface ReadResult {
  grid: WorkbookGrid;
  /** Where the merged areas came from: Excel, the workbook file, or nowhere (not asked, or unreadable). */
  merges: MergeSource;
}

/**
 * Reads every worksheet (hidden ones too, flagged `hidden`) into the bounded grid (core/model/grid.ts): the used
 * range (valuesOnly) is placed at its offset. What is requested is bounded by the data, never by what a sheet spans:
 * when the used ranges are larger than the reading budget (a value in XFD1048576 beside a table in A1), one cheap
 * request asks Excel for the areas that hold values (constants and formulas, ExcelApi 1.9) and only those are read;
 * past the budget — or on an Excel that cannot list the areas — the read stops with 'too-large' naming the sheet.
 * The results sheet Jiangxuan wrote (named in its document setting) is left out. Merged areas are read as the CLI
 * reads them from the file.
 * Hidden rows: the used range's rowHidden comes with the dimensions (true: all hidden, false: none); sheets
 * where some rows are hidden (null) cost one more sync for the visible view of their first column.
 * @requires ExcelApi 1.7 (read)
 */
export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<ReadResult> {
  requireFeature('read');
  const onProgress = opts.onProgress;
  // 1. Sheet list and our setting (which names the results sheet we wrote).
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const store = queueReadStore(context);
  await context.sync();
  const results = store().store.results;
  const candidates = worksheets.items
    .map((ws) => ({ ws, name: ws.name, visibility: String(ws.visibility) }))
    .filter((s) => s.name !== LEGACY_STATE_SHEET && s.name !== results);
  onProgress?.({ phase: 'metadata', done: 0, total: 0 });

  // 2. Used-range dimensions, and whether rows are hidden.
  const used = candidates.map((s) => s.ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount,rowHidden'));
  await context.sync();

  const budget = opts.budget ?? READ_BUDGET.cells;
  const sheets: SheetGrid[] = [];
  const blocks: ReadBlock[] = [];
  const byName = new Map<string, SheetGrid>();
  const withValues: string[] = [];
  const wide: { name: string; used: Excel.Range }[] = [];
  let total = 0;
  candidates.forEach((s, i) => {
    const sheet: SheetGrid = { name: s.name, rows: [], merges: [] };
    if (s.visibility !== 'Visible') sheet.hidden = true;
    const u = used[i];
    if (!u.isNullObject && u.rowCount > 0 && u.columnCount > 0) {
      const area = u.rowCount * u.columnCount;
      if (total + area <= budget) {
        total += area;
        blocks.push(...planBlocks(s.name, u.rowIndex, u.columnIndex, u.rowCount, u.columnCount));
      } else {
        wide.push({ name: s.name, used: u });
      }
      withValues.push(s.name);
    }
    sheets.push(sheet);
    byName.set(s.name, sheet);
  });

  // 2b. Sheets spanning more than the budget: only the areas holding values (one sync for all of them). An Excel
  // that cannot list them cannot read such a sheet within the budget.
  if (wide.length) {
    if (supports('sparseRead')) total = await planFilledAreas(context, wide, blocks, total, budget);
    else throw tooLarge(wide[0].name, budget);
  }
  await readHiddenRows(context, candidates, used, byName);
  onProgress?.({ phase: 'metadata', done: total, total });

  // 3. Values, as few requests as the payload allows.
  let done = 0;
  await loadBlocks(
    context,
    blocks,
    (b, rows) => placeRows(byName.get(b.sheet)!.rows, b.top, b.left, rows),
    (cells) => {
      done += cells;
      onProgress?.({ phase: 'values', done, total });
    },
  );

  // 4. Merged areas (optional: without them a merged unit reads as empty below its first row).
  let merges: MergeSource = 'none';
  if (opts.merges !== false && withValues.length) {
    const read = await readMerges(context, withValues);
    merges = read.source;
    for (const [name, list] of read.merges) {
      const sheet = byName.get(name);
      if (!sheet) continue;
      // Clipped to the data, as the file readers clip them (a merge reaching XFD1048576 costs nothing).
      const height = sheet.rows.length;
      let width = 0;
      for (const r of sheet.rows) if (r && r.length > width) width = r.length;
      sheet.merges = list
        .filter((m) => m.top < height && m.left < width)
        .map((m) => ({ top: m.top, left: m.left, bottom: Math.min(m.bottom, height - 1), right: Math.min(m.right, width - 1) }));
    }
  }
  return { grid: { sheets }, merges };
}

/**
 * Adds read blocks for the areas of the sheets' used ranges that hold values (constants and formulas), asked of
 * Excel in one sync; returns the cells planned in all, and stops with 'too-large' past the budget.
 * @requires ExcelApi 1.9 (sparseRead)
 */
async function planFilledAreas(context: Excel.RequestContext, wide: { name: string; used: Excel.Range }[], blocks: ReadBlock[], planned: number, budget: number): Promise<number> {
  // Excel's enum values are these strings (Excel.SpecialCellType.constants / .formulas).
  const areas = wide.map((w) => ({
    name: w.name,
    lists: [w.used.getSpecialCellsOrNullObject('Constants' as Excel.SpecialCellType), w.used.getSpecialCellsOrNullObject('Formulas' as Excel.SpecialCellType)],
  }));
  for (const a of areas) for (const l of a.lists) l.load('address');
  await context.sync();
  let total = planned;
  for (const a of areas) {
    for (const l of a.lists) {
      if (l.isNullObject || !l.address) continue;
      for (const part of l.address.split(',')) {
        const b = parseRangeAddress(part);
        if (!b) continue;
        const rows = b.bottom - b.top + 1;
        const cols = b.right - b.left + 1;
        total += rows * cols;
        if (total > budget) throw tooLarge(a.name, budget);
        blocks.push(...planBlocks(a.name, b.top, b.left, rows, cols));
      }
    }
  }
  return total;
}

/** The grid alone (see readWorkbook). */
export async function readWorkbookGrid(context: Excel.RequestContext, onProgress?: (p: ReadProgress) => void, opts: Omit<ReadOptions, 'onProgress'> = {}): Promise<WorkbookGrid> {
  return (await readWorkbook(context, { ...opts, onProgress })).grid;
}

/**
 * Fills `hiddenRows` of the sheets whose used range has hidden rows: all of them when rowHidden is true, else
 * (null: some are) the rows missing from the visible view of the used range's first column. The views of every
 * such sheet go in one sync, unless their addresses would overflow the response (a sheet of some 200,000 rows):
 * then in as many as the payload demands. Nothing is loaded when no row is hidden anywhere.
 * @requires ExcelApi 1.7 (read)
 */
async function readHiddenRows(
  context: Excel.RequestContext,
  candidates: { ws: Excel.Worksheet; name: string }[],
  used: Excel.Range[],
  byName: Map<string, SheetGrid>,
): Promise<void> {
  const views: { sheet: SheetGrid; top: number; rows: number; view: Excel.RangeView }[] = [];
  const batch = new Batcher(context);
  for (let i = 0; i < candidates.length; i++) {
    const s = candidates[i];
    const u = used[i];
    const sheet = byName.get(s.name);
    if (!sheet || u.isNullObject || u.rowCount <= 0) continue;
    if (u.rowHidden === true) sheet.hiddenRows = Array.from({ length: u.rowCount }, (_, k) => u.rowIndex + k);
    if (u.rowHidden !== null) continue;
    // One visible row answers with ["'sheet'!A123"]: the longest such address, its brackets and comma.
    const perRow = jsonBytes(`${quoteSheetName(s.name)}!XFD1048576`) + 3;
    const step = Math.max(1, Math.floor(BATCH_BYTE_BUDGET / perRow));
    for (let top = u.rowIndex; top < u.rowIndex + u.rowCount; top += step) {
      const rows = Math.min(step, u.rowIndex + u.rowCount - top);
      await batch.add(
        OP_BYTES,
        () => views.push({ sheet, top, rows, view: s.ws.getRangeByIndexes(top, u.columnIndex, rows, 1).getVisibleView().load('cellAddresses') }),
        rows * perRow,
      );
    }
  }
  await batch.flush();
  const bySheet = new Map<SheetGrid, { hidden: number[]; seen: boolean }>();
  for (const v of views) {
    const visible = new Set<number>();
    for (const line of (v.view.cellAddresses as unknown[][]) ?? []) {
      const match = /(\d+)$/.exec(String(line?.[0] ?? ''));
      if (match) visible.add(Number(match[1]) - 1);
    }
    let acc = bySheet.get(v.sheet);
    if (!acc) bySheet.set(v.sheet, (acc = { hidden: [], seen: false }));
    if (visible.size) acc.seen = true;
    for (let r = v.top; r < v.top + v.rows; r++) if (!visible.has(r)) acc.hidden.push(r);
  }
  for (const [sheet, acc] of bySheet) {
    // A hidden first column has no visible view at all: the rows cannot be told apart, none is marked.
    if (acc.seen && acc.hidden.length) sheet.hiddenRows = acc.hidden;
  }
}

/**
 * Reads whole rows 0..columnCount-1 of the given 0-based rows (consecutive rows in one block each), in one
 * sync unless the payload demands more. Rows are returned as CellValue arrays of length columnCount.
 */
export async function readRows(context: Excel.RequestContext, sheetName: string, rows: number[], columnCount: number): Promise<Map<number, CellValue[]>> {
  const out = new Map<number, CellValue[]>();
  if (columnCount <= 0) {
    for (const r of rows) out.set(r, []);
    return out;
  }
  const sorted = [...new Set(rows.filter((r) => Number.isInteger(r) && r >= 0))].sort((a, b) => a - b);
  const blocks: ReadBlock[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    blocks.push(...planBlocks(sheetName, sorted[i], 0, j - i + 1, columnCount));
    i = j + 1;
  }
  await loadBlocks(context, blocks, (b, converted) => {
    converted.forEach((row, k) => {
      while (row.length < columnCount) row.push(null);
      out.set(b.top + k, row);
    });
  });
  return out;
}

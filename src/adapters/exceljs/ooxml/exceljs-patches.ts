/**
 * Every place Jiangxuan works around exceljs or reaches into its internals, in one file, so that an exceljs
 * upgrade has one place to check. Each work-around goes through objects that the Node build (lib/) and the
 * browser build (dist/exceljs.min.js, which webpack bundles) both expose the same way — never through a
 * require() of an internal file, which the prebuilt browser bundle does not have — so the CLI and the page read
 * and write workbooks identically. Part of the OOXML toolkit (this folder).
 */
import ExcelJS from 'exceljs';
import { cellAddress, parseCellAddress } from '../../../core/model/grid';
import { wrappedLineCount } from '../../../core/model/print-layout';
import { ZH_CN_BUILTIN_FORMATS } from './number-formats';

// ------------------------------------------------------------------ built-in Chinese date formats (reading)

/*
 * Excel stores some date formats as built-in ids whose format code depends on the reader's locale, with no
 * <numFmt> entry in the file. exceljs knows their codes only per locale and gives such a cell no number format,
 * so a birth date formatted "1980年1月1日" would load as the serial number 29221 and a round trip would write it
 * back as "General". The zh-CN codes (number-formats.ts, shared with the fast reader) are installed below.
 */

/** The parts of exceljs' package reader this touches: styles are parsed, then every sheet is reconciled with them. */
interface XlsxReader {
  reconcile(model: { styles?: { index?: { numFmt?: Record<number, string | undefined> } } }, options: unknown): unknown;
}

let installed = false;

/**
 * Installs the reading work-arounds (idempotent). Before exceljs resolves cell styles, the built-in ids above get
 * their zh-CN codes as if the file had declared them: such a cell then loads as a Date and is written back with
 * the same format, as an explicit code. Patched on the package reader's prototype, which both builds share.
 */
export function installExceljsPatches(): void {
  if (installed) return;
  installed = true;
  const reader = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as Partial<XlsxReader>;
  const reconcile = reader.reconcile;
  if (typeof reconcile !== 'function') return;
  reader.reconcile = function (this: unknown, model, options) {
    const declared = model?.styles?.index?.numFmt;
    if (declared) {
      for (const [id, code] of Object.entries(ZH_CN_BUILTIN_FORMATS)) if (declared[Number(id)] === undefined) declared[Number(id)] = code;
    }
    return reconcile.call(this, model, options);
  };
  installLenientSheetNames();
}

// ------------------------------------------------------------------ sheet names as the file has them (reading)

/**
 * exceljs checks a sheet name the way Excel's rename box does — at most 31 characters, none of * ? : \ / [ ],
 * not "History" — also while *loading* a file. A file whose names break those rules exists (LibreOffice and other
 * tools write longer names, and open them), and exceljs then either cuts the name with an English console
 * warning (and, since it sets the name twice, fails with "already exists") or throws: the user was told the file
 * is damaged. While exceljs builds a loaded workbook, a sheet keeps the name its file gives it; only two sheets
 * with the same name (a really broken file) are still refused. Sheets Jiangxuan creates are checked as before.
 */
function installLenientSheetNames(): void {
  const probe = new ExcelJS.Workbook();
  const workbookProto = Object.getPrototypeOf(probe) as object;
  const sheetProto = Object.getPrototypeOf(probe.addWorksheet('probe')) as object;
  const modelDesc = findProperty(workbookProto, 'model');
  const nameDesc = findProperty(sheetProto, 'name');
  if (!modelDesc?.set || !modelDesc.get || !nameDesc?.set || !nameDesc.get) return;
  const setModel = modelDesc.set;
  const setName = nameDesc.set;
  let loading = 0;
  Object.defineProperty(workbookProto, 'model', {
    configurable: true,
    enumerable: modelDesc.enumerable,
    get: modelDesc.get,
    set(this: object, value: unknown) {
      loading++;
      try {
        setModel.call(this, value);
      } finally {
        loading--;
      }
    },
  });
  Object.defineProperty(sheetProto, 'name', {
    configurable: true,
    enumerable: nameDesc.enumerable,
    get: nameDesc.get,
    set(this: { _name?: string; _workbook?: { _worksheets?: ({ name?: string } | undefined)[] } }, name: unknown) {
      if (!loading || typeof name !== 'string' || name === '') {
        setName.call(this, name);
        return;
      }
      if (this._name === name) return;
      const lower = name.toLowerCase();
      const others = this._workbook?._worksheets ?? [];
      if (others.some((ws) => ws && ws !== this && typeof ws.name === 'string' && ws.name.toLowerCase() === lower)) {
        throw new Error(`Worksheet name already exists: ${name}`);
      }
      this._name = name;
    },
  });
}

// ------------------------------------------------------------------ data validations (writing)

type ValidationMap = Record<string, ExcelJS.DataValidation>;

/** A sheet's data-validation collection: public in exceljs but missing from its type declarations. */
export function worksheetValidations(ws: ExcelJS.Worksheet): { add(address: string, v: ExcelJS.DataValidation): void; model: ValidationMap } {
  return (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void; model: ValidationMap } }).dataValidations;
}

/**
 * exceljs keeps data validations per cell and, when writing, squeezes them into ranges after sorting addresses as
 * text ("A10" before "A3"): a drop-down on A3:A2002 with a value in A10 comes out as two overlapping ranges,
 * A10:A2002 and A3:A2002, which Excel does not allow. Here the per-cell entries are merged into column runs in
 * numeric order first; exceljs writes range keys as they are.
 */
export function compactDataValidations(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as { dataValidations?: { model: ValidationMap } }).dataValidations;
  if (!holder?.model) return;
  const model = holder.model;
  const out: ValidationMap = {};
  // column → rule key → rows
  const cells = new Map<number, Map<string, { rule: ExcelJS.DataValidation; rows: number[] }>>();
  for (const [address, rule] of Object.entries(model)) {
    const at = address.includes(':') ? undefined : parseCellAddress(address);
    if (!at) {
      out[address] = rule; // already a range (or something we do not understand): keep it
      continue;
    }
    const key = JSON.stringify(rule);
    let byRule = cells.get(at.col);
    if (!byRule) cells.set(at.col, (byRule = new Map()));
    let entry = byRule.get(key);
    if (!entry) byRule.set(key, (entry = { rule, rows: [] }));
    entry.rows.push(at.row);
  }
  for (const [col, byRule] of cells) {
    for (const { rule, rows } of byRule.values()) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        const end = rows[i - 1];
        out[start === end ? cellAddress(start, col) : `${cellAddress(start, col)}:${cellAddress(end, col)}`] = rule;
        start = rows[i];
      }
    }
  }
  holder.model = out;
}

// ------------------------------------------------------------------ print areas (writing)

/**
 * exceljs writes a print area "A1:F20" as `'Sheet'!$A1:$F20` (it only prefixes "$"): the rows stay relative,
 * and LibreOffice then ignores the print area and prints every used cell. Given "A$1:F$20" it writes the
 * absolute `$A$1:$F$20` that every program reads. Run before writing (also keeps a loaded workbook's own areas).
 */
export function absolutePrintArea(ws: ExcelJS.Worksheet): void {
  const area = ws.pageSetup?.printArea;
  if (!area) return;
  ws.pageSetup.printArea = area
    .split('&&')
    .map((part) => part.replace(/\$/g, '').replace(/([A-Za-z]+)(\d+)/g, '$1$$$2'))
    .join('&&');
}

// ------------------------------------------------------------------ sheet protection (writing)

export interface SheetProtectionModel {
  sheet: boolean;
  algorithmName: string;
  hashValue: string;
  saltValue: string;
  spinCount: number;
  [option: string]: unknown;
}

/** exceljs' own protect() hashes with Node's crypto; setting the model directly works in the browser too. */
export function setSheetProtection(ws: ExcelJS.Worksheet, model: SheetProtectionModel): void {
  (ws as unknown as { sheetProtection: SheetProtectionModel }).sheetProtection = model;
}

// ------------------------------------------------------------------ note boxes (writing)

/**
 * exceljs draws every note in a 2-column × 4-row box, which cuts long messages off when the note is shown.
 * Its writer takes a box size from `anchor` on the comment model, which its Note API cannot set; this adds it
 * on the cell's one note instance (ignored, harmlessly, if exceljs changes its internals).
 */
export function sizeNoteBox(cell: ExcelJS.Cell, text: string): void {
  const comment = (cell as unknown as { _comment?: object })._comment;
  if (!comment) return;
  const desc = findProperty(comment, 'model');
  if (!desc || typeof desc.get !== 'function') return;
  const lines = wrappedLineCount(text, 45); // ~44 half-width characters in 5 default columns
  const col0 = Number(cell.col) - 1;
  const row0 = Number(cell.row) - 1;
  const anchor = { left: col0 + 1.1, top: Math.max(row0 - 1, 0) + 0.2, right: col0 + 6.1, bottom: Math.max(row0 - 1, 0) + 0.2 + Math.min(Math.max(lines + 1, 4), 30) };
  const getter = desc.get;
  Object.defineProperty(comment, 'model', {
    configurable: true,
    enumerable: desc.enumerable,
    get(this: object) {
      const model = getter.call(this) as Record<string, unknown>;
      return model && typeof model === 'object' ? { ...model, anchor } : model;
    },
    set: desc.set,
  });
}

function findProperty(obj: object, name: string): PropertyDescriptor | undefined {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return d;
  }
  return undefined;
}

// ------------------------------------------------------------------ internals read directly (reading)

export interface MergeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A sheet's merged ranges (1-based). exceljs keeps them in a private map (master address → range); its public
 * `model` getter would serialise the whole sheet just to list them.
 */
export function worksheetMerges(ws: ExcelJS.Worksheet): MergeBox[] {
  const map = (ws as unknown as { _merges?: Record<string, MergeBox | undefined> })._merges;
  if (!map || typeof map !== 'object') return [];
  const out: MergeBox[] = [];
  for (const key of Object.keys(map)) {
    const r = map[key];
    if (r && Number.isFinite(r.top) && Number.isFinite(r.left) && Number.isFinite(r.bottom) && Number.isFinite(r.right)) out.push(r);
  }
  return out;
}

/** A formula cell's cached result as stored: `cell.value` drops a falsy one (0, FALSE, ""). */
export function formulaResult(cell: ExcelJS.Cell): unknown {
  return (cell as unknown as { result?: unknown }).result;
}

/**
 * What the pane needs from "the workbook", whether it is the one open in Excel (office-host.ts, Office.js)
 * or a file the user picked in a browser (browser-host.ts, exceljs). The UI talks only to this interface.
 */
import type { Finding, Lang, Localized } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import type { Profile } from '../../core/profiles/schema';
import type { CheckOutcome as CoreOutcome, ProgrammeChoice } from '../../core/check/check-workbook';
import { type CheckFailureCode, isCheckError } from '../../core/check/failures';
import type { InsertSheetsOptions } from '../../adapters/office/workbooks';

export interface HostProgress {
  /** Adapter-defined phase name (e.g. "sheets", "values"); shown only as a progress label. */
  phase: string;
  done: number;
  total: number;
}

export interface CheckRequest {
  /** A built-in profile id; undefined: detect the programme from the sheet's titles (or headers). */
  programId?: string;
  /** ISO date ages are counted at; undefined: today, but never after the programme's deadline. */
  asOf?: string;
  lang: Lang;
  /** Office only: also write (or refresh) the 校验结果 sheet. */
  writeResultsSheet?: boolean;
  /**
   * Office only: colour the problem cells (and re-colour them after edits). Off by default: writing clears
   * Excel's undo history before ExcelApi 1.20, so checking shows the problems in the pane only unless asked.
   */
  markCells?: boolean;
  onProgress?: (p: HostProgress) => void;
}

export type { ProgrammeChoice };

/** The core's outcome (programme, how chosen, findings, tables) and the grid it came from (for the preview). */
export interface CheckOutcome extends CoreOutcome {
  grid: WorkbookGrid;
  /** What the host could not do while checking (a protected sheet not marked, merged cells not read…). */
  notes?: Localized[];
}

/** What the open Excel can do (Office only): the pane disables what it cannot, and says why. */
export interface HostCapabilities {
  mark: boolean;
  resultsSheet: boolean;
  inputRules: boolean;
  printing: boolean;
  live: boolean;
  /** Sorts are re-checked too (ExcelApi 1.10); else the user checks again after sorting. */
  liveFollowsSorts: boolean;
  /** Writing (marks, results sheet, input rules, print setup) clears Excel's undo history (below ExcelApi 1.20). */
  writesClearUndo: boolean;
  /** Messages about this Excel's limits, shown when the pane opens (empty on a current Excel). */
  limits: Localized[];
}

/** Live re-checking's status (Office). */
export interface LiveCallbacks {
  /** A re-check waits for the user to leave the cell being edited (Excel below ExcelApi 1.11). */
  onWaiting?(waiting: boolean): void;
}

export type HostErrorKind = 'no-table' | 'unreadable' | 'failed';

/** A failure the pane shows as a MessageBar; `localized` is written for the user. */
export class HostError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    readonly localized: Localized,
    options?: { cause?: unknown },
  ) {
    super(localized.en);
    this.name = 'HostError';
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
    Object.setPrototypeOf(this, HostError.prototype);
  }
}

export function isHostError(e: unknown): e is HostError {
  return e instanceof HostError;
}

/** A check (of a file on the page) that was overtaken by a newer one or stopped: nothing to show. */
export class CheckCancelled extends Error {
  constructor() {
    super('check cancelled');
    this.name = 'CheckCancelled';
    Object.setPrototypeOf(this, CheckCancelled.prototype);
  }
}

export function isCheckCancelled(e: unknown): e is CheckCancelled {
  return e instanceof CheckCancelled;
}

/** Which MessageBar title a core failure gets; the words themselves are the core's. */
const KIND_OF: Record<CheckFailureCode, HostErrorKind> = {
  unreadable: 'unreadable',
  'no-program': 'no-table',
  'no-table': 'no-table',
  'unclear-layout': 'no-table',
  'unknown-program': 'failed',
  'bad-date': 'failed',
  'too-large': 'unreadable',
};

function isLocalized(x: unknown): x is Localized {
  return typeof x === 'object' && x !== null && typeof (x as Localized).zh === 'string' && typeof (x as Localized).en === 'string';
}

/** Turns anything thrown into a HostError (unknown errors keep their text for support). */
export function asHostError(e: unknown): HostError {
  if (isHostError(e)) return e;
  if (isCheckError(e)) return new HostError(KIND_OF[e.failure.code], e.localized, { cause: e });
  // Adapters' own errors written for the user (an Excel that cannot do something, Excel's errors in words).
  const own = (e as { localized?: unknown } | null)?.localized;
  if (isLocalized(own)) return new HostError('failed', own, { cause: e });
  const text = e instanceof Error ? e.message : String(e);
  return new HostError('failed', { zh: `操作失败：${text}`, en: `The operation failed: ${text}` }, { cause: e });
}

/**
 * The open workbook as expert scoring and cultivation read it (the same core as the CLI): the file's bytes on the
 * standalone page, the grid read from Excel in the task pane (nothing is marked, nothing re-serialised).
 */
export interface WorkbookSource {
  /** For messages: the file name, or “当前工作簿”. */
  name: string;
  bytes?: Uint8Array;
  grid?: WorkbookGrid;
}

/** Live re-checking (Office): started after a check, stopped (and awaited) by calling the returned function. */
export type StopLive = () => Promise<void>;

export interface WorkbookHost {
  /** office: Excel (Office.js); wps: WPS 表格 (its JS API); browser: a file picked on the standalone page. */
  readonly kind: 'office' | 'wps' | 'browser';
  check(req: CheckRequest): Promise<CheckOutcome>;
  /** Office: select the finding's cell in Excel. Browser: nothing (the page scrolls its own preview). */
  reveal(f: Finding): Promise<void>;

  /** Which programme the workbook looks like, before any check (Office: shown in the picker on open). */
  detect?(): Promise<{ profile: Profile; how: 'title' | 'headers'; evidence?: string } | undefined>;

  /** The workbook's contents for expert scoring and cultivation (read afresh in Excel; no marks). */
  source(): Promise<WorkbookSource>;

  // Office only.
  /** What this Excel can do; undefined: everything (or not Office). */
  capabilities?(): HostCapabilities;
  /** Removes the marks; resolves to a message when some could not be removed (protected sheets). */
  clearMarks?(): Promise<Localized | void>;
  applyInputRules?(outcome: CheckOutcome): Promise<void>;
  setupPrinting?(outcome: CheckOutcome, lang: Lang): Promise<void>;
  /** Re-checks edited rows of the workbook `outcome` came from; results and background errors are reported. */
  startLive?(outcome: CheckOutcome, req: CheckRequest, onResult: (o: CheckOutcome) => void, onError: (e: HostError) => void, callbacks?: LiveCallbacks): StopLive;
  /** Can this Excel insert another workbook's sheets into the open one (ExcelApi 1.13)? */
  canInsertSheets?(): boolean;
  /** False where inserted sheets lose their charts (Excel on the web). */
  insertKeepsCharts?(): boolean;
  /** Inserts the sheets of an .xlsx into the open workbook; resolves to their names there. */
  insertSheets?(bytes: Uint8Array, opts: InsertSheetsOptions): Promise<string[]>;
  /** Can this Excel open a new workbook from bytes (ExcelApi 1.8)? */
  canOpenWorkbook?(): boolean;
  /** Opens an .xlsx as a new workbook in Excel. */
  openWorkbook?(bytes: Uint8Array): Promise<void>;

  // Browser only.
  /** Name of the open file, e.g. "推荐表.xlsx". */
  readonly fileName?: string;
  /** True for the bundled sample opened on start. */
  readonly isSample?: boolean;
  /** Bytes of an annotated copy (the same as `jiangxuan validate --out`). */
  annotated?(outcome: CheckOutcome, lang: Lang): Promise<Uint8Array>;
  /** Another file was opened: stop reading and checking this one (its pending check rejects with CheckCancelled). */
  dispose?(): void;
}

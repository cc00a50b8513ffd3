/**
 * What the page and its checking worker (check.worker.ts) say to each other. Everything here survives
 * structured cloning: plain data, Dates, no classes (errors travel as their kind and words — fileFailure below,
 * which every worker of the page uses; the page rebuilds a HostError, and takes the programme back from its own
 * list by id).
 */
import type { Localized } from '../../core/model/findings';
import type { MergedRange, CellValue, WorkbookGrid } from '../../core/model/grid';
import type { CombinedFiles } from '../../core/check/combine-files';
import type { SimpleDate } from '../../core/model/dates';
import type { CheckOutcome, GridCheckRequest } from '../../core/check/check-workbook';
import { asHostError, type HostErrorKind } from '../hosts/workbook-host';

/** One file the user picked (or the bundled sample). */
export interface FileInput {
  name: string;
  bytes: Uint8Array;
}

export interface FilesCheckRequest {
  programId?: string;
  asOf?: string;
  /** The page's today (ages default to it, never after the deadline): the worker does not guess the user's day. */
  today: SimpleDate;
  /** Send each file's grid back (a single file's preview draws it); several files are reported without. */
  withGrid: boolean;
  /** Several files: also combine them into one report (cross-file duplicates, per-unit totals). */
  combine?: boolean;
}

/** Every file's outcome in file order, and for several files the combined report. */
export interface FilesChecked {
  files: FileCheck[];
  combined?: CombinedFiles;
}

/**
 * A slice of a file's grid. A large grid arrives in slices so that no single message takes the page long to
 * unpack (one message is unpacked in one task of the page's thread); the file's outcome follows the last slice.
 */
export interface GridSlice {
  index: number;
  sheet: number;
  name: string;
  hidden?: boolean;
  /** With the sheet's first slice only. */
  merges?: MergedRange[];
  /** With the sheet's first slice only, when some rows are hidden. */
  hiddenRows?: readonly number[];
  start: number;
  rows: CellValue[][];
}

/** What is happening now: reading or checking file `index` of `total` (0-based; `done` files are finished). */
export interface FilesProgress {
  stage: 'read' | 'check';
  index: number;
  done: number;
  total: number;
  file: string;
}

export interface FileFailure {
  kind: HostErrorKind;
  localized: Localized;
}

/** Anything a worker caught, as it travels to the page (every worker of the page sends its failures so). */
export function fileFailure(e: unknown): FileFailure {
  const h = asHostError(e);
  return { kind: h.kind, localized: h.localized };
}

/** One file's outcome: the core's result, or why it could not be checked. */
export type FileCheck =
  | { index: number; name: string; outcome: CheckOutcome; grid?: WorkbookGrid }
  | { index: number; name: string; failure: FileFailure };

export type ToWorker =
  | { type: 'files'; files: FileInput[] }
  | { type: 'check'; run: number; req: FilesCheckRequest }
  | { type: 'grid-slice'; run: number; slice: GridSlice }
  /** A grid the task pane read from the open workbook (Excel, WPS): its slices (file index 0) came before. */
  | { type: 'check-grid'; run: number; req: GridCheckRequest };

export type FromWorker =
  /** Posted once when the worker's script has started: until then a failure means "no worker here". */
  | { type: 'ready' }
  | { type: 'progress'; run: number; progress: FilesProgress }
  | { type: 'grid-slice'; run: number; slice: GridSlice }
  /** `sliced`: the grid came before in slices. */
  | { type: 'file'; run: number; result: FileCheck; sliced?: boolean }
  | { type: 'done'; run: number; combined?: CombinedFiles }
  /** The pane's grid checked (the grid itself is not sent back: the pane has it). */
  | { type: 'grid-checked'; run: number; outcome: CheckOutcome }
  /** Something outside any one file went wrong (a bug): the run ends with this message. */
  | { type: 'failed'; run: number; failure: FileFailure };

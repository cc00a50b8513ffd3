/**
 * The 校验 section's state and every way it changes, as one pure reducer: what a check run, a live re-check, a
 * new workbook or a click does to the result, the messages and the selection is written down in one place.
 */
import type { Profile } from '../../core/profiles/schema';
import type { CheckOutcome, HostError, HostProgress, WorkbookHost } from '../hosts/workbook-host';
import type { CellRef } from '../preview-model';

/** The tabs under the result: 问题 (findings), 预览 (narrow standalone page only), 材料清单 (checklist). */
export type ResultTab = 'findings' | 'preview' | 'checklist';

/** Which programme the workbook looks like, read before any check (Office: when the pane opens). */
export interface DetectedProgramme {
  profile: Profile;
  how: 'title' | 'headers';
  evidence?: string;
}

/** The outcome of an Office toolbar action, or a reveal that failed. */
export interface CheckNotice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

export interface CheckState {
  /** The workbook the result below belongs to; another one starts afresh. */
  workbook?: WorkbookHost;
  /** A programme the user chose; undefined: detected from the workbook. */
  programId?: string;
  /** ISO date ages are counted at; undefined: the programme's default. */
  asOf?: string;
  /** Office: also write (or refresh) the 校验结果 sheet. */
  writeResults: boolean;
  /** Office: colour the problem cells (writes; off by default so Excel's undo history is kept). */
  markCells: boolean;
  outcome?: CheckOutcome;
  detected?: DetectedProgramme;
  busy: boolean;
  progress?: HostProgress;
  error?: HostError;
  notice?: CheckNotice;
  /** Checks completed (successfully or not): lets tests and assistive tech tell a new result from the old one. */
  checks: number;
  /** Office: edits are re-checked as they happen. */
  live: boolean;
  /** Office: a re-check waits for the user to leave the cell being edited. */
  liveWaiting: boolean;
  /** Index of the finding chosen in the list. */
  selected?: number;
  /** The cell highlighted in the preview (a finding's, or one clicked on). */
  selectedCell?: CellRef;
  tab: ResultTab;
  /** Materials ticked by hand on the checklist ("profile:material" → ticked), kept while the pane is open. */
  ticked: Readonly<Record<string, boolean>>;
  downloading: boolean;
}

export type CheckAction =
  | { type: 'workbook-opened'; workbook?: WorkbookHost }
  | { type: 'programme'; programId?: string }
  | { type: 'as-of'; asOf: string }
  | { type: 'write-results'; on: boolean }
  | { type: 'mark-cells'; on: boolean }
  | { type: 'live-waiting'; on: boolean }
  | { type: 'detected'; detected?: DetectedProgramme }
  | { type: 'run-started' }
  | { type: 'run-progress'; progress: HostProgress }
  | { type: 'run-succeeded'; outcome: CheckOutcome }
  | { type: 'run-failed'; error: HostError }
  | { type: 'run-ended' }
  | { type: 'live'; on: boolean }
  | { type: 'live-result'; outcome: CheckOutcome }
  | { type: 'error'; error?: HostError }
  | { type: 'notice'; notice?: CheckNotice }
  | { type: 'select'; index?: number; cell: CellRef; tab?: ResultTab }
  | { type: 'tab'; tab: ResultTab }
  | { type: 'tick'; key: string; on: boolean }
  | { type: 'downloading'; on: boolean };

export function initialCheckState(workbook: WorkbookHost | undefined, asOf: string | undefined): CheckState {
  return { workbook, asOf, writeResults: false, markCells: false, busy: false, checks: 0, live: false, liveWaiting: false, tab: 'findings', ticked: {}, downloading: false };
}

export function checkReducer(s: CheckState, a: CheckAction): CheckState {
  switch (a.type) {
    case 'workbook-opened':
      // A new file: its programme is detected afresh, the old result and selection go.
      return { ...s, workbook: a.workbook, programId: undefined, outcome: undefined, selected: undefined, selectedCell: undefined };
    case 'programme':
      return { ...s, programId: a.programId };
    case 'as-of':
      return { ...s, asOf: a.asOf };
    case 'write-results':
      return { ...s, writeResults: a.on };
    case 'mark-cells':
      return { ...s, markCells: a.on };
    case 'live-waiting':
      return { ...s, liveWaiting: a.on };
    case 'detected':
      return { ...s, detected: a.detected };
    case 'run-started':
      return { ...s, busy: true, progress: undefined, error: undefined, notice: undefined };
    case 'run-progress':
      return { ...s, progress: a.progress };
    case 'run-succeeded':
      return { ...s, outcome: a.outcome, selected: undefined, selectedCell: undefined };
    case 'run-failed':
      return { ...s, outcome: undefined, error: a.error };
    case 'run-ended':
      return { ...s, busy: false, progress: undefined, checks: s.checks + 1 };
    case 'live':
      return { ...s, live: a.on, liveWaiting: a.on && s.liveWaiting };
    case 'live-result':
      // Finding indexes change with a new result: keep the highlighted cell, drop the list selection.
      return { ...s, outcome: a.outcome, selected: undefined, error: undefined };
    case 'error':
      return { ...s, error: a.error };
    case 'notice':
      return { ...s, notice: a.notice };
    case 'select':
      return { ...s, selected: a.index, selectedCell: a.cell, tab: a.tab ?? s.tab };
    case 'tab':
      return { ...s, tab: a.tab };
    case 'tick':
      return { ...s, ticked: { ...s.ticked, [a.key]: a.on } };
    case 'downloading':
      return { ...s, downloading: a.on };
  }
}

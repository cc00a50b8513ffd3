/**
 * The 校验 section: checks the workbook (standalone: at once and on every change; Office: when asked, then again
 * on every change, with live re-checking of edits), the programme and date it is checked for, the finding or
 * cell chosen, the annotated download and the Office toolbar actions. State changes are check-state.ts's.
 */
import * as React from 'react';
import type { Finding, Lang, Localized } from '../../core/model/findings';
import type { Profile } from '../../core/profiles/schema';
import { strings } from '../i18n';
import { asHostError, isCheckCancelled, type CheckRequest, type HostError, type HostProgress, type StopLive, type WorkbookHost } from '../hosts/workbook-host';
import { annotatedFileName, displayFileName, isXlsxName } from '../file-name';
import { saveBytes } from '../download';
import type { CellRef } from '../preview-model';
import { checkReducer, initialCheckState, type CheckState, type ResultTab } from './check-state';
import { useLatestRun } from './useLatestRun';

export interface CheckOptions {
  host?: WorkbookHost;
  office: boolean;
  lang: Lang;
  /** The programmes to choose from (the one list every front end uses). */
  programmes: readonly Profile[];
  /** The date from the page's URL, if any. */
  initialAsOf?: string;
  /** The preview is a tab of its own (narrow standalone page): choosing a cell switches to it. */
  previewTab: boolean;
}

/** The programme shown in the picker and why: the result's, else the one chosen, else the one detected. */
export interface ShownProgramme {
  profile?: Profile;
  how?: 'chosen' | 'title' | 'headers';
  evidence?: string;
}

export interface CheckSectionModel extends CheckState {
  programme: ShownProgramme;
  findings: readonly Finding[];
  /** The nominees in summary-sheet order: how the findings list groups. */
  nomineeOrder: readonly string[];
  runCheck(): Promise<void>;
  /** A programme id, or undefined to detect it again. */
  chooseProgramme(id: string | undefined): void;
  setAsOf(iso: string): void;
  setWriteResults(on: boolean): void;
  /** Office: colour the problem cells (and keep them coloured while live). */
  setMarkCells(on: boolean): void;
  selectFinding(index: number): void;
  selectCell(ref: CellRef): void;
  setTab(tab: ResultTab): void;
  tick(key: string, on: boolean): void;
  /** Shows (or clears) a failure in the section's error bar, e.g. a file that could not be opened. */
  showError(e?: HostError): void;
  downloadAnnotated(): Promise<void>;
  /** Runs an Office toolbar action and says how it went (“清除标记：已完成”, or what it could not do). */
  officeAction(label: string, action: () => Promise<Localized | void>): Promise<void>;
}

const NO_NOMINEES: readonly string[] = [];

export function useCheck({ host, office, lang, programmes, initialAsOf, previewTab }: CheckOptions): CheckSectionModel {
  const [state, dispatch] = React.useReducer(checkReducer, undefined, () => initialCheckState(host, initialAsOf));
  // Adjusted during render, so the re-check below already sees the fresh state of a newly opened file.
  if (state.workbook !== host) dispatch({ type: 'workbook-opened', workbook: host });
  const { programId, asOf, writeResults, markCells, outcome } = state;

  const runs = useLatestRun();
  const checkedOnce = React.useRef(false);
  const stopLive = React.useRef<StopLive | undefined>(undefined);

  const endLive = React.useCallback(async () => {
    const stop = stopLive.current;
    stopLive.current = undefined;
    dispatch({ type: 'live', on: false });
    if (stop) await stop();
  }, []);
  React.useEffect(() => () => void endLive(), [endLive]);

  const runCheck = async (h: WorkbookHost | undefined = host) => {
    if (!h) return;
    const run = runs.start();
    dispatch({ type: 'run-started' });
    // Office: a manual check re-reads everything; the live checker restarts from its result.
    await endLive();
    const onProgress = (p: HostProgress) => run.isLatest() && dispatch({ type: 'run-progress', progress: p });
    const req: CheckRequest = { programId, asOf, lang, writeResultsSheet: writeResults, markCells, onProgress };
    try {
      const o = await h.check(req);
      if (!run.isLatest()) return;
      checkedOnce.current = true;
      dispatch({ type: 'run-succeeded', outcome: o });
      if (h.startLive) {
        stopLive.current = h.startLive(
          o,
          req,
          (next) => dispatch({ type: 'live-result', outcome: next }),
          (e) => dispatch({ type: 'error', error: e }),
          { onWaiting: (on) => dispatch({ type: 'live-waiting', on }) },
        );
        dispatch({ type: 'live', on: true });
      }
    } catch (e) {
      // Overtaken (another file opened, or a newer check): the newer run shows its own result.
      if (!run.isLatest() || isCheckCancelled(e)) return;
      dispatch({ type: 'run-failed', error: asHostError(e) });
    } finally {
      if (run.isLatest()) dispatch({ type: 'run-ended' });
    }
  };

  // Standalone: every file, programme or date change re-checks at once (reading is cached).
  // Office: only after the first check the user asked for; its marks and results sheet follow the language and
  // the switches, so those re-check too.
  const recheck = React.useEffectEvent(() => {
    if (host && (host.kind === 'browser' || checkedOnce.current)) void runCheck(host);
  });
  const officeLang = office ? lang : undefined;
  const officeResultsSheet = office ? writeResults : undefined;
  const officeMarks = office ? markCells : undefined;
  React.useEffect(() => recheck(), [host, programId, asOf, officeLang, officeResultsSheet, officeMarks]);

  // Office: pre-select the programme from the workbook's titles when the pane opens.
  React.useEffect(() => {
    if (!office || !host?.detect) return;
    let active = true;
    host
      .detect()
      .then((d) => active && dispatch({ type: 'detected', detected: d }))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [office, host]);

  const findings = outcome?.result.findings ?? [];
  const nomineeOrder = outcome?.result.nomineeOrder ?? NO_NOMINEES;
  const programme: ShownProgramme = outcome
    ? { profile: outcome.profile, how: outcome.how, evidence: outcome.evidence }
    : programId
      ? { profile: programmes.find((p) => p.id === programId), how: 'chosen' }
      : { profile: state.detected?.profile, how: state.detected?.how, evidence: state.detected?.evidence };

  const selectFinding = (i: number) => {
    const f = findings[i];
    if (!f) return;
    dispatch({ type: 'select', index: i, cell: { sheet: f.sheet, row: f.row, col: f.col }, tab: previewTab ? 'preview' : undefined });
    host?.reveal(f).catch((e: unknown) => dispatch({ type: 'notice', notice: { intent: 'error', text: asHostError(e).localized[lang] } }));
  };

  const selectCell = (ref: CellRef) => {
    const i = findings.findIndex((f) => f.sheet === ref.sheet && f.row === ref.row && f.col === ref.col);
    if (i >= 0) return selectFinding(i);
    dispatch({ type: 'select', index: undefined, cell: ref, tab: previewTab ? 'preview' : undefined });
    if (office && host) {
      host.reveal({ sheet: ref.sheet, row: ref.row, col: ref.col, cell: '', severity: 'info', rule: '', message: { zh: '', en: '' } }).catch(() => undefined);
    }
  };

  const downloadAnnotated = async () => {
    if (!host?.annotated || !outcome) return;
    dispatch({ type: 'downloading', on: true });
    try {
      const original = host.fileName ?? 'workbook.xlsx';
      const copyName = annotatedFileName(original);
      saveBytes(await host.annotated(outcome, lang), copyName);
      // A copy of an .xls or CSV is an .xlsx workbook: say so, or the user looks for a file of the old kind.
      if (!isXlsxName(original)) dispatch({ type: 'notice', notice: { intent: 'success', text: strings(lang).annotatedAsXlsx(copyName, displayFileName(original)) } });
    } catch (e) {
      dispatch({ type: 'error', error: asHostError(e) });
    } finally {
      dispatch({ type: 'downloading', on: false });
    }
  };

  const officeAction = async (label: string, action: () => Promise<Localized | void>) => {
    const t = strings(lang);
    dispatch({ type: 'notice', notice: undefined });
    try {
      const partly = await action();
      dispatch({ type: 'notice', notice: partly ? { intent: 'warning', text: `${label}${t.colon}${partly[lang]}` } : { intent: 'success', text: `${label}${t.colon}${t.done}` } });
    } catch (e) {
      dispatch({ type: 'notice', notice: { intent: 'error', text: `${label}${t.colon}${asHostError(e).localized[lang]}` } });
    }
  };

  return {
    ...state,
    programme,
    findings,
    nomineeOrder,
    runCheck: () => runCheck(),
    chooseProgramme: (id) => dispatch({ type: 'programme', programId: id }),
    setAsOf: (iso) => dispatch({ type: 'as-of', asOf: iso }),
    setWriteResults: (on) => dispatch({ type: 'write-results', on }),
    setMarkCells: (on) => dispatch({ type: 'mark-cells', on }),
    selectFinding,
    selectCell,
    setTab: (tab) => dispatch({ type: 'tab', tab }),
    tick: (key, on) => dispatch({ type: 'tick', key, on }),
    showError: (e) => dispatch({ type: 'error', error: e }),
    downloadAnnotated,
    officeAction,
  };
}

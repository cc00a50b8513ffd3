/**
 * 汇总评分: the returned score sheets and the key file the user picks, consolidated for a round into what happened
 * to each file and a ranking with a shortlist of N (first the top half, at most 10; re-ranked when N is typed);
 * without the key file only when the user says so (无法核实来源); the result workbook downloaded, written into the
 * workbook open in Excel, or its 定稿 copy downloaded.
 */
import * as React from 'react';
import type { Lang } from '../../core/model/findings';
import type { Profile } from '../../core/profiles/schema';
import type { Strings } from '../i18n';
import { asHostError, type HostError, type WorkbookHost } from '../hosts/workbook-host';
import type { ConsolidatedRound } from '../hosts/workbook-tools';
import { loadWorkbookTools } from '../tools/load';
import { displayFileName } from '../file-name';
import { readPickedFiles, saveBytes, type PickedFile } from '../download';
import { defaultTop, finalFileName, resultFileName, resultSheetPrefix } from '../scoring-view';
import type { Notice } from './notice';
import { useLatestRun } from './useLatestRun';

/** The round drop-down's "detect from the files" choice. */
export const AUTO_ROUND = '';

export interface ConsolidationModel {
  files: PickedFile[];
  pickFiles(list: File[]): Promise<void>;
  /** A round, or AUTO_ROUND. */
  round: string;
  chooseRound(round: string): void;
  /** The shortlist size as typed. */
  topText?: string;
  setTopText(text: string): void;
  /** Consolidate without the key file (the origin cannot be verified; every output says so). */
  noKey: boolean;
  setNoKey(on: boolean): void;
  result?: ConsolidatedRound;
  error?: HostError;
  running: boolean;
  progress?: { done: number; total: number; file: string };
  /** Consolidations finished: lets tests tell a new ranking from the old one. */
  runs: number;
  notice?: Notice;
  saving: boolean;
  downloadResult(): Promise<void>;
  /** Office: inserts the result sheets into the open workbook (downloads them where Excel cannot). */
  writeResult(): Promise<void>;
  /** Downloads the 定稿 copy (frozen, protected, with its content hash) and says the hash. */
  finalize(): Promise<void>;
}

export function useConsolidation({ host, profile, t, lang }: { host?: WorkbookHost; profile?: Profile; t: Strings; lang: Lang }): ConsolidationModel {
  const [files, setFiles] = React.useState<PickedFile[]>([]);
  const [round, setRound] = React.useState<string>(AUTO_ROUND);
  const [noKey, setNoKeyState] = React.useState(false);
  const [topText, setTopText] = React.useState<string | undefined>();
  const [top, setTop] = React.useState<number | undefined>();
  const [result, setResult] = React.useState<ConsolidatedRound | undefined>();
  const [error, setError] = React.useState<HostError | undefined>();
  const [progress, setProgress] = React.useState<{ done: number; total: number; file: string } | undefined>();
  const [running, setRunning] = React.useState(false);
  const [runs, setRuns] = React.useState(0);
  const [notice, setNotice] = React.useState<Notice | undefined>();
  const [saving, setSaving] = React.useState(false);
  const latest = useLatestRun();

  const run = async (picked: PickedFile[], wantRound: string, wantTop: number | undefined, allowUnverified = noKey) => {
    if (!profile || !picked.length) return;
    const ticket = latest.start();
    setRunning(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const tools = await loadWorkbookTools();
      const r = await tools.consolidate({
        profile,
        files: picked,
        round: wantRound || undefined,
        top: wantTop,
        allowUnverified,
        onProgress: (done, total, file) => ticket.isLatest() && setProgress({ done, total, file: displayFileName(file) }),
      });
      if (!ticket.isLatest()) return;
      // First run: a shortlist of the top half (at most 10) unless the user chose N; then again with it.
      if (wantTop === undefined) {
        const n = defaultTop(r.result.candidates.filter((c) => c.rank !== undefined).length);
        if (n > 0) {
          setTop(n);
          setTopText(String(n));
          const again = await tools.consolidate({ profile, files: picked, round: wantRound || undefined, top: n, allowUnverified });
          if (!ticket.isLatest()) return;
          setResult(again);
          return;
        }
      }
      setResult(r);
    } catch (e) {
      if (!ticket.isLatest()) return;
      setResult(undefined);
      setError(asHostError(e));
    } finally {
      if (ticket.isLatest()) {
        setRunning(false);
        setProgress(undefined);
        setRuns((n) => n + 1);
      }
    }
  };

  // A new programme re-reads the chosen files.
  const rerun = React.useEffectEvent(() => {
    if (files.length) void run(files, round, top);
  });
  React.useEffect(() => rerun(), [profile]);

  // N typed in: re-rank after a pause (the files are read again, quickly; the same code as the CLI).
  const wantsTop = React.useEffectEvent((text: string | undefined): number | undefined => {
    if (text === undefined || !files.length || !/^\d+$/.test(text.trim())) return undefined;
    const n = Number(text);
    return n === top ? undefined : n;
  });
  const applyTop = React.useEffectEvent((n: number) => {
    setTop(n);
    void run(files, round, n > 0 ? n : 0);
  });
  React.useEffect(() => {
    const n = wantsTop(topText);
    if (n === undefined) return;
    const timer = setTimeout(() => applyTop(n), 400);
    return () => clearTimeout(timer);
  }, [topText]);

  const pickFiles = async (list: File[]) => {
    setRunning(true);
    setResult(undefined);
    setError(undefined);
    setProgress({ done: 0, total: list.length, file: '' });
    let picked: PickedFile[];
    try {
      // One file the browser cannot read is rejected alone; the others are still consolidated.
      picked = await readPickedFiles(list, (done, total, file) => setProgress({ done, total, file }), { keepUnreadable: true });
    } catch (e) {
      setError(asHostError(e));
      setRunning(false);
      setProgress(undefined);
      return;
    }
    setFiles(picked);
    setTop(undefined);
    setTopText(undefined);
    await run(picked, round, undefined);
  };

  const chooseRound = (r: string) => {
    setRound(r);
    if (files.length) void run(files, r, top);
  };

  const setNoKey = (on: boolean) => {
    setNoKeyState(on);
    if (files.length) void run(files, round, top, on);
  };

  /** Saves the result workbook, or says why it could not. */
  const save = async (work: (round: ConsolidatedRound) => Promise<void>) => {
    if (!result) return;
    setSaving(true);
    setNotice(undefined);
    try {
      await work(result);
    } catch (e) {
      setNotice({ intent: 'error', text: asHostError(e).localized[lang] });
    } finally {
      setSaving(false);
    }
  };
  const resultBytes = async (r: ConsolidatedRound, chart: boolean) => (await loadWorkbookTools()).resultWorkbook(r, { chart });

  const downloadResult = () => save(async (r) => saveBytes(await resultBytes(r, true), resultFileName(r.round)));

  const writeResult = async () => {
    if (!host) return;
    await save(async (r) => {
      if (!host.insertSheets || !host.canInsertSheets?.()) {
        saveBytes(await resultBytes(r, true), resultFileName(r.round));
        setNotice({ intent: 'warning', text: t.scInsertUnsupported });
        return;
      }
      const tools = await loadWorkbookTools();
      const bytes = await resultBytes(r, host.insertKeepsCharts?.() ?? true);
      const names = await host.insertSheets(bytes, { sheetNames: tools.resultSheetNames, sheetNamePrefix: resultSheetPrefix(r.round) });
      setNotice({ intent: 'success', text: t.scWritten(names) });
    });
  };

  const finalize = () =>
    save(async (r) => {
      const copy = await (await loadWorkbookTools()).finalCopy(r);
      const name = finalFileName(r.round);
      saveBytes(copy.bytes, name);
      setNotice({ intent: 'success', text: t.scFinalized(name, copy.hash) });
    });

  return { files, pickFiles, round, chooseRound, topText, setTopText, noKey, setNoKey, result, error, running, progress, runs, notice, saving, downloadResult, writeResult, finalize };
}

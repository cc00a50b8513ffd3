/**
 * 结转下一年度: a filled tracking workbook the user picks, rolled over to the year after its own (or a year
 * typed in, after a pause), then downloaded or (in Excel, where it can) opened as a new workbook.
 */
import * as React from 'react';
import type { Lang } from '../../core/model/findings';
import type { Strings } from '../i18n';
import { asHostError, type HostError, type WorkbookHost } from '../hosts/workbook-host';
import type { RolloverResult } from '../hosts/workbook-tools';
import { loadWorkbookTools } from '../tools/load';
import { readPickedFiles, saveBytes, type PickedFile } from '../download';
import { parseYear, trackingFileName } from '../scoring-view';
import type { Notice } from './notice';
import { useLatestRun } from './useLatestRun';

export interface RolloverModel {
  tracking?: PickedFile;
  pickTracking(files: File[]): void;
  newYearText?: string;
  setNewYearText(text: string): void;
  roll?: RolloverResult;
  error?: HostError;
  rolling: boolean;
  notice?: Notice;
  /** Opens the new workbook in Excel (where it can), else downloads it. */
  save(open: boolean): Promise<void>;
}

export function useRollover({ host, t, lang }: { host?: WorkbookHost; t: Strings; lang: Lang }): RolloverModel {
  const [tracking, setTracking] = React.useState<PickedFile | undefined>();
  const [newYearText, setNewYearText] = React.useState<string | undefined>();
  const [roll, setRoll] = React.useState<RolloverResult | undefined>();
  const [error, setError] = React.useState<HostError | undefined>();
  const [rolling, setRolling] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | undefined>();
  const latest = useLatestRun();

  const runRollover = React.useCallback(
    async (file: PickedFile, wantYear?: number) => {
      const ticket = latest.start();
      setRolling(true);
      setError(undefined);
      setNotice(undefined);
      try {
        const r = await (await loadWorkbookTools()).rollover({ file, year: wantYear });
        if (!ticket.isLatest()) return;
        setRoll(r);
        setNewYearText(String(r.year));
      } catch (e) {
        if (!ticket.isLatest()) return;
        setRoll(undefined);
        setError(asHostError(e));
      } finally {
        if (ticket.isLatest()) setRolling(false);
      }
    },
    [latest],
  );

  // A year typed in: roll over again after a pause.
  React.useEffect(() => {
    if (!tracking || newYearText === undefined) return;
    const y = parseYear(newYearText);
    if (!y || y === roll?.year) return;
    const timer = setTimeout(() => void runRollover(tracking, y), 400);
    return () => clearTimeout(timer);
  }, [newYearText, tracking, roll?.year, runRollover]);

  const pickTracking = (files: File[]) => {
    readPickedFiles(files.slice(0, 1))
      .then(([f]) => {
        setTracking(f);
        setRoll(undefined);
        setNewYearText(undefined);
        void runRollover(f);
      })
      .catch((e: unknown) => setError(asHostError(e)));
  };

  const save = async (open: boolean) => {
    if (!roll) return;
    setNotice(undefined);
    try {
      if (open && host?.openWorkbook && host.canOpenWorkbook?.()) {
        await host.openWorkbook(roll.bytes);
        setNotice({ intent: 'success', text: t.cuOpened });
      } else {
        saveBytes(roll.bytes, trackingFileName(roll.year));
        if (open) setNotice({ intent: 'warning', text: t.cuOpenUnsupported });
      }
    } catch (e) {
      setNotice({ intent: 'error', text: asHostError(e).localized[lang] });
    }
  };

  return { tracking, pickTracking, newYearText, setNewYearText, roll, error, rolling, notice, save };
}

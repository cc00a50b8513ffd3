/**
 * 生成培育跟踪工作簿: the year and start date, and a tracking workbook for the open workbook's nominees,
 * downloaded or (in Excel, where it can) opened as a new workbook.
 */
import * as React from 'react';
import type { Lang } from '../../core/model/findings';
import { parseIsoDate, type SimpleDate } from '../../core/model/dates';
import type { Profile } from '../../core/profiles/schema';
import type { Strings } from '../i18n';
import { asHostError, type WorkbookHost } from '../hosts/workbook-host';
import { loadWorkbookTools } from '../tools/load';
import { saveBytes } from '../download';
import { parseYear, trackingFileName, yearStart } from '../scoring-view';
import type { Notice } from './notice';

export interface TrackingWorkbookModel {
  yearText: string;
  setYearText(text: string): void;
  /** The year typed, if it is one. */
  year?: number;
  /** The start date shown: as typed, else 1 January of the year. */
  start: string;
  setStartText(text: string): void;
  startDate?: SimpleDate;
  /** Excel can open the workbook in a new window. */
  canOpen: boolean;
  creating: boolean;
  created?: Notice;
  create(open: boolean): Promise<void>;
}

export function useTrackingWorkbook({ host, office, profile, t, lang }: { host?: WorkbookHost; office: boolean; profile?: Profile; t: Strings; lang: Lang }): TrackingWorkbookModel {
  const defaultYear = profile?.year ?? new Date().getFullYear();
  const [yearText, setYearText] = React.useState(String(defaultYear));
  const [startText, setStartText] = React.useState<string | undefined>();
  const [creating, setCreating] = React.useState(false);
  const [created, setCreated] = React.useState<Notice | undefined>();
  const year = parseYear(yearText);
  const start = startText ?? (year ? yearStart(year) : '');
  const startDate = parseIsoDate(start);

  // The open workbook is read when the button is pressed (in Excel: as it is now, edits included).
  const create = async (open: boolean) => {
    if (!host || !year) return;
    setCreating(true);
    setCreated(undefined);
    try {
      const [tools, source] = await Promise.all([loadWorkbookTools(), host.source()]);
      const r = await tools.trackingWorkbook({ source, year, start: startDate });
      const what = t.cuCreated(r.year, r.trainees, r.source?.sheet ?? '');
      if (open && host?.openWorkbook && host.canOpenWorkbook?.()) {
        await host.openWorkbook(r.bytes);
        setCreated({ intent: 'success', text: `${what} ${t.cuOpened}`, testId: 'tracking-result' });
      } else {
        saveBytes(r.bytes, trackingFileName(r.year));
        setCreated({ intent: open ? 'warning' : 'success', text: open ? `${what} ${t.cuOpenUnsupported}` : what, testId: 'tracking-result' });
      }
    } catch (e) {
      setCreated({ intent: 'error', text: asHostError(e).localized[lang], testId: 'tracking-error' });
    } finally {
      setCreating(false);
    }
  };

  return { yearText, setYearText, year, start, setStartText, startDate, canOpen: office && !!host?.openWorkbook, creating, created, create };
}

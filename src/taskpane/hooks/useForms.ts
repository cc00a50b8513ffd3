/**
 * The 申报表 section's state: Word forms read into a checked workbook (downloaded, opened in 校验, or put into the
 * workbook open in Excel), the open workbook's forms printed, and the e-mail package — the CLI's `forms read`,
 * `forms write` and `pack`, through the pane's WorkbookTools.
 */
import * as React from 'react';
import type { Lang } from '../../core/model/findings';
import type { Profile } from '../../core/profiles/schema';
import { asHostError, type HostError, type WorkbookHost } from '../hosts/workbook-host';
import type { FormFindingView, FormsRead } from '../hosts/workbook-tools';
import { loadWorkbookTools } from '../tools/load';
import { readPickedFiles, saveBytes, ZIP_TYPE } from '../download';
import type { FormStrings } from '../forms-i18n';
import { useLatestRun } from './useLatestRun';
import type { Notice } from './notice';

export interface FormsModel {
  reading: boolean;
  read?: FormsRead;
  readError?: HostError;
  readFiles(files: File[]): Promise<void>;
  downloadWorkbook(): void;
  /** In Excel: insert the sheets into the open workbook, or open them as a new one. */
  place?: { kind: 'insert' | 'open'; run(): Promise<void> };
  placed?: Notice;
  printing: boolean;
  printed?: Notice;
  print(): Promise<void>;
  force: boolean;
  setForce(on: boolean): void;
  packing: boolean;
  packed?: Notice;
  /** Errors that stopped (or did not stop) the package. */
  packFindings: FormFindingView[];
  pack(): Promise<void>;
}

export function useForms({
  host,
  office,
  profile,
  readProfile,
  f,
  lang,
}: {
  host?: WorkbookHost;
  office: boolean;
  /** The open workbook's programme (printing, packing). */
  profile?: Profile;
  /** The programme Word forms are read for; undefined: their titles say. */
  readProfile?: Profile;
  f: FormStrings;
  lang: Lang;
}): FormsModel {
  const [reading, setReading] = React.useState(false);
  const [read, setRead] = React.useState<FormsRead | undefined>();
  const [readError, setReadError] = React.useState<HostError | undefined>();
  const [placed, setPlaced] = React.useState<Notice | undefined>();
  const [printing, setPrinting] = React.useState(false);
  const [printed, setPrinted] = React.useState<Notice | undefined>();
  const [force, setForce] = React.useState(false);
  const [packing, setPacking] = React.useState(false);
  const [packed, setPacked] = React.useState<Notice | undefined>();
  const [packFindings, setPackFindings] = React.useState<FormFindingView[]>([]);
  const latest = useLatestRun();

  const readFiles = async (files: File[]) => {
    const run = latest.start();
    setReading(true);
    setReadError(undefined);
    setPlaced(undefined);
    try {
      const [tools, picked] = await Promise.all([loadWorkbookTools(), readPickedFiles(files)]);
      const r = await tools.forms.readForms({ files: picked, profile: readProfile });
      if (run.isLatest()) setRead(r);
    } catch (e) {
      if (run.isLatest()) {
        setRead(undefined);
        setReadError(asHostError(e));
      }
    } finally {
      if (run.isLatest()) setReading(false);
    }
  };

  const downloadWorkbook = () => {
    if (read) saveBytes(read.workbook, read.fileName);
  };

  let place: FormsModel['place'];
  if (office && host && read) {
    const r = read;
    if (host.insertSheets && host.canInsertSheets?.()) {
      place = {
        kind: 'insert',
        run: async () => {
          try {
            const names = await host.insertSheets!(r.workbook, { sheetNames: r.sheetNames });
            setPlaced({ intent: 'success', text: f.inserted(names), testId: 'forms-placed' });
          } catch (e) {
            setPlaced({ intent: 'error', text: asHostError(e).localized[lang], testId: 'forms-placed' });
          }
        },
      };
    } else if (host.openWorkbook && host.canOpenWorkbook?.()) {
      place = {
        kind: 'open',
        run: async () => {
          try {
            await host.openWorkbook!(r.workbook);
            setPlaced({ intent: 'success', text: f.opened, testId: 'forms-placed' });
          } catch (e) {
            setPlaced({ intent: 'error', text: asHostError(e).localized[lang], testId: 'forms-placed' });
          }
        },
      };
    }
  }

  // The open workbook is read when a button is pressed (in Excel: as it is now, edits included).
  const print = async () => {
    if (!host) return;
    setPrinting(true);
    setPrinted(undefined);
    try {
      const [tools, source] = await Promise.all([loadWorkbookTools(), host.source()]);
      const r = await tools.forms.printForms({ source, profile });
      saveBytes(r.zip, r.fileName, ZIP_TYPE);
      setPrinted({ intent: r.errors ? 'warning' : 'success', text: r.errors ? `${f.printed(r.files.length)} ${f.printedWithErrors(r.errors)}` : f.printed(r.files.length), testId: 'forms-printed' });
    } catch (e) {
      setPrinted({ intent: 'error', text: asHostError(e).localized[lang], testId: 'forms-printed' });
    } finally {
      setPrinting(false);
    }
  };

  const pack = async () => {
    if (!host) return;
    setPacking(true);
    setPacked(undefined);
    setPackFindings([]);
    try {
      const [tools, source] = await Promise.all([loadWorkbookTools(), host.source()]);
      const r = await tools.forms.pack({ source, profile, force, lang });
      setPackFindings(r.findings.filter((x) => x.severity === 'error'));
      if (r.refused || !r.zip) {
        setPacked({ intent: 'warning', text: f.packRefused(r.counts.error), testId: 'forms-packed' });
        return;
      }
      saveBytes(r.zip, r.fileName, ZIP_TYPE);
      const done = f.packDone(r.name, r.files.length);
      setPacked(r.counts.error ? { intent: 'error', text: `${f.packForced(r.counts.error)} ${done}`, testId: 'forms-packed' } : { intent: 'success', text: done, testId: 'forms-packed' });
    } catch (e) {
      setPacked({ intent: 'error', text: asHostError(e).localized[lang], testId: 'forms-packed' });
    } finally {
      setPacking(false);
    }
  };

  return { reading, read, readError, readFiles, downloadWorkbook, place, placed, printing, printed, print, force, setForce, packing, packed, packFindings, pack };
}

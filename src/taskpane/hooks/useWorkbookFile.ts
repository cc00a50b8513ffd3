/**
 * Which workbook the pane works on: the one open in Excel (fixed), or on the standalone page a file the user
 * opens (or the bundled sample, opened on start so a first-time user sees results at once).
 */
import * as React from 'react';
import type { Localized } from '../../core/model/findings';
import { strings } from '../i18n';
import { asHostError, type WorkbookHost } from '../hosts/workbook-host';
import type { FileBatch } from '../hosts/file-batch';

export type OpenInput = { file: File } | { url: string; name: string; sample: boolean };

/** Loads the standalone page's file host lazily (exceljs is only needed outside Office). */
export type OpenFile = (input: OpenInput) => Promise<WorkbookHost>;

/** Loads the standalone page's checking of several files at once (lazily, as OpenFile). */
export type OpenFiles = (files: readonly File[]) => Promise<FileBatch>;

export const SAMPLE_FILE = 'sqc-2025-有问题.xlsx';

export interface WorkbookFileOptions {
  /** Office mode: the workbook open in Excel. */
  officeHost?: WorkbookHost;
  /** Standalone mode: opens a file or URL. */
  openFile?: OpenFile;
  /** Standalone mode: opens several files as one combined report. */
  openFiles?: OpenFiles;
  /** Shown on start (e.g. office.js could not start and the page fell back to standalone). */
  bootMessage?: Localized;
  /** Open the bundled sample on start (standalone page, unless the URL says otherwise). */
  autoSample: boolean;
}

export interface WorkbookFile {
  host?: WorkbookHost;
  /** Several files opened at once (then there is no single `host`). */
  batch?: FileBatch;
  /** An information bar (the page fell back to standalone, the sample is missing); cleared by opening a file. */
  info?: Localized;
  /** Opens a file or URL. A missing sample becomes `info`; any other failure rejects with a HostError. */
  open(input: OpenInput): Promise<void>;
  /** Opens several files as one combined report; rejects with a HostError. */
  openMany(files: readonly File[]): Promise<void>;
}

export function useWorkbookFile({ officeHost, openFile, openFiles, bootMessage, autoSample }: WorkbookFileOptions): WorkbookFile {
  const [host, setHost] = React.useState<WorkbookHost | undefined>(officeHost);
  const [batch, setBatch] = React.useState<FileBatch | undefined>();
  const [info, setInfo] = React.useState<Localized | undefined>(bootMessage);

  const open = React.useCallback(
    async (input: OpenInput) => {
      if (!openFile) return;
      setInfo(undefined);
      try {
        const next = await openFile(input);
        setBatch(undefined);
        setHost(next);
      } catch (e) {
        if ('sample' in input && input.sample) setInfo({ zh: strings('zh').sampleMissing, en: strings('en').sampleMissing });
        else throw asHostError(e);
      }
    },
    [openFile],
  );

  const openMany = React.useCallback(
    async (files: readonly File[]) => {
      if (!openFiles) return;
      setInfo(undefined);
      try {
        const next = await openFiles(files);
        setHost(undefined);
        setBatch(next);
      } catch (e) {
        throw asHostError(e);
      }
    },
    [openFiles],
  );

  // The previous file's (or files') reading and checking stop when another is opened (its worker ends).
  React.useEffect(() => () => host?.dispose?.(), [host]);
  React.useEffect(() => () => batch?.dispose(), [batch]);

  const openSample = React.useEffectEvent(() => {
    if (openFile && autoSample) void open({ url: `samples/${encodeURIComponent(SAMPLE_FILE)}`, name: SAMPLE_FILE, sample: true });
  });
  React.useEffect(() => openSample(), []);

  return { host, batch, info, open, openMany };
}

/**
 * Which workbook the pane works on: the one open in Excel (fixed), or on the standalone page a file the user
 * opens (or the bundled sample, opened on start so a first-time user sees results at once).
 */
import * as React from 'react';
import type { Localized } from '../../core/model/findings';
import { strings } from '../i18n';
import { asHostError, type WorkbookHost } from '../hosts/workbook-host';

export type OpenInput = { file: File } | { url: string; name: string; sample: boolean };

/** Loads the standalone page's file host lazily (exceljs is only needed outside Office). */
export type OpenFile = (input: OpenInput) => Promise<WorkbookHost>;

export const SAMPLE_FILE = 'sqc-2025-有问题.xlsx';

export interface WorkbookFileOptions {
  /** Office mode: the workbook open in Excel. */
  officeHost?: WorkbookHost;
  /** Standalone mode: opens a file or URL. */
  openFile?: OpenFile;
  /** Shown on start (e.g. office.js could not start and the page fell back to standalone). */
  bootMessage?: Localized;
  /** Open the bundled sample on start (standalone page, unless the URL says otherwise). */
  autoSample: boolean;
}

export interface WorkbookFile {
  host?: WorkbookHost;
  /** An information bar (the page fell back to standalone, the sample is missing); cleared by opening a file. */
  info?: Localized;
  /** Opens a file or URL. A missing sample becomes `info`; any other failure rejects with a HostError. */
  open(input: OpenInput): Promise<void>;
}

export function useWorkbookFile({ officeHost, openFile, bootMessage, autoSample }: WorkbookFileOptions): WorkbookFile {
  const [host, setHost] = React.useState<WorkbookHost | undefined>(officeHost);
  const [info, setInfo] = React.useState<Localized | undefined>(bootMessage);

  const open = React.useCallback(
    async (input: OpenInput) => {
      if (!openFile) return;
      setInfo(undefined);
      try {
        setHost(await openFile(input));
      } catch (e) {
        if ('sample' in input && input.sample) setInfo({ zh: strings('zh').sampleMissing, en: strings('en').sampleMissing });
        else throw asHostError(e);
      }
    },
    [openFile],
  );

  // The previous file's reading and checking stop when another is opened (its worker ends).
  React.useEffect(() => () => host?.dispose?.(), [host]);

  const openSample = React.useEffectEvent(() => {
    if (openFile && autoSample) void open({ url: `samples/${encodeURIComponent(SAMPLE_FILE)}`, name: SAMPLE_FILE, sample: true });
  });
  React.useEffect(() => openSample(), []);

  return { host, info, open };
}

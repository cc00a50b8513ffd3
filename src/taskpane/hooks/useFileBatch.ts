/** Several files opened at once: checks them all (again when the date or programme changes) into one report. */
import * as React from 'react';
import { asHostError, isCheckCancelled, type HostError } from '../hosts/workbook-host';
import type { CombinedFiles, FileBatch, FilesProgress } from '../hosts/file-batch';
import { useLatestRun } from './useLatestRun';

export interface FileBatchState {
  busy: boolean;
  progress?: FilesProgress;
  report?: CombinedFiles;
  error?: HostError;
  /** Completed runs (tests and assistive tech tell a new report from the old one). */
  checks: number;
}

export function useFileBatch(batch: FileBatch | undefined, programId: string | undefined, asOf: string | undefined): FileBatchState {
  const [state, setState] = React.useState<FileBatchState>({ busy: false, checks: 0 });
  const runs = useLatestRun();
  React.useEffect(() => {
    if (!batch) return;
    const run = runs.start();
    setState((s) => ({ busy: true, checks: s.checks }));
    batch
      .check({ programId, asOf, onProgress: (p) => run.isLatest() && setState((s) => ({ ...s, progress: p })) })
      .then((report) => run.isLatest() && setState((s) => ({ busy: false, report, checks: s.checks + 1 })))
      .catch((e: unknown) => {
        if (!run.isLatest() || isCheckCancelled(e)) return;
        setState((s) => ({ busy: false, error: asHostError(e), checks: s.checks + 1 }));
      });
  }, [batch, programId, asOf, runs]);
  return state;
}

/**
 * Reading and checking a set of files, one after another, the same way wherever it runs: in the checking
 * worker (check.worker.ts, so the page never freezes) or, where a host has no worker, on the page itself
 * (hosts/file-checks.ts). Each file is read once (readWorkbookBytes, the CLI's reader) and its grid kept, so a
 * new programme or date re-checks without reading again. A newer run makes an older one stop at the next file
 * or stage: its results are never sent.
 */
import type { WorkbookGrid } from '../../core/model/grid';
import { checkWorkbook, checkWorkbookSteps } from '../../core/check/check-workbook';
import { runWithPauses } from '../../core/check/steps';
import { combineFiles, type CombinedFiles } from '../../core/check/combine-files';
import { readWorkbookBytes } from '../../adapters/files/read-workbook';
import { fileFailure, type FileCheck, type FileInput, type FilesCheckRequest, type FilesProgress } from './check-messages';

export interface RunEvents {
  progress(p: FilesProgress): void;
  file(result: FileCheck): void;
  /** Several files (req.combine): the combined report, after the last file. */
  combined?(c: CombinedFiles): void;
}

export class FileCheckSession {
  private readonly grids = new Map<number, Promise<WorkbookGrid>>();
  private latest = 0;

  constructor(private readonly files: readonly FileInput[]) {}

  /** Stops the run in progress at its next step (nothing more of it is reported). */
  cancel(): void {
    this.latest++;
  }

  private grid(i: number): Promise<WorkbookGrid> {
    let g = this.grids.get(i);
    if (!g) {
      const f = this.files[i];
      g = readWorkbookBytes(f.bytes, { name: f.name });
      // A file that could not be read is tried again next time (the same words come back).
      g.catch(() => this.grids.delete(i));
      this.grids.set(i, g);
    }
    return g;
  }

  /**
   * Checks every file in order, reporting progress and each file's outcome. Resolves false when a newer run
   * started (or cancel() was called) meanwhile (this one stopped early and its remaining files were not reported).
   * `pause` lets the caller give the page a moment between stages and, within a file's check, every ~30 ms (used
   * when running on the page itself: a large file's check then holds the page for no long task).
   */
  async run(req: FilesCheckRequest, on: RunEvents, pause?: () => Promise<void>): Promise<boolean> {
    const run = ++this.latest;
    const stale = () => run !== this.latest;
    const total = this.files.length;
    const checked: FileCheck[] = [];
    for (let i = 0; i < total; i++) {
      const name = this.files[i].name;
      if (stale()) return false;
      on.progress({ stage: 'read', index: i, done: i, total, file: name });
      if (pause) await pause();
      let grid: WorkbookGrid;
      try {
        grid = await this.grid(i);
      } catch (e) {
        if (stale()) return false;
        const failed: FileCheck = { index: i, name, failure: fileFailure(e) };
        checked.push(failed);
        on.file(failed);
        continue;
      }
      if (stale()) return false;
      on.progress({ stage: 'check', index: i, done: i, total, file: name });
      if (pause) await pause();
      if (stale()) return false;
      let result: FileCheck;
      try {
        const request = { programId: req.programId, asOf: req.asOf, today: req.today };
        const outcome = pause ? await runWithPauses(checkWorkbookSteps(grid, request), pause, () => performance.now()) : checkWorkbook(grid, request);
        if (stale()) return false;
        result = req.withGrid ? { index: i, name, outcome, grid } : { index: i, name, outcome };
      } catch (e) {
        result = { index: i, name, failure: fileFailure(e) };
      }
      checked.push(result);
      on.file(result);
    }
    if (stale()) return false;
    if (req.combine) {
      on.combined?.(combineFiles(checked.map((r) => ('failure' in r ? { name: r.name, failure: r.failure.localized } : { name: r.name, result: r.outcome.result }))));
    }
    return true;
  }
}

/**
 * Checking a set of files for the page: in the checking worker where the host has one (check-worker.ts), else
 * on the page itself (pageFileChecks, below). Either way only the newest check of a set reports: an older one
 * still running is stopped, and its promise rejects with a CheckCancelled the pane ignores.
 */
import type { FileCheck, FileInput, FilesCheckRequest, FilesProgress } from '../worker/check-messages';
import { FileCheckSession } from '../worker/file-check-session';
import { CheckCancelled } from './workbook-host';

export type { FileCheck, FileInput, FilesCheckRequest, FilesProgress };
export { CheckCancelled };

export interface FileCheckEvents {
  progress?(p: FilesProgress): void;
  /** Each file's outcome as soon as it is known (in file order). */
  file?(result: FileCheck): void;
}

export interface FileChecks {
  /** Checks every file; resolves to their outcomes in file order. */
  check(req: FilesCheckRequest, on?: FileCheckEvents): Promise<FileCheck[]>;
  /** Stops the work in progress for good (another file was opened); a pending check rejects with CheckCancelled. */
  dispose(): void;
}

export type FileChecksFactory = (files: FileInput[]) => FileChecks;

/** A moment for the page to paint the progress between stages (each stage itself still blocks the page). */
const paint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** On the page's own thread: the fallback where no worker can run, and the unit tests' path. */
export function pageFileChecks(files: FileInput[]): FileChecks {
  const session = new FileCheckSession(files);
  return {
    async check(req, on = {}) {
      const results: FileCheck[] = [];
      const finished = await session.run(
        req,
        {
          progress: (p) => on.progress?.(p),
          file: (r) => {
            results.push(r);
            on.file?.(r);
          },
        },
        paint,
      );
      if (!finished) throw new CheckCancelled();
      return results;
    },
    dispose: () => session.cancel(),
  };
}

/**
 * Checking a set of files for the page: in the checking worker where the host has one (check-worker.ts), else
 * on the page itself (pageFileChecks, below). Either way only the newest check of a set reports: an older one
 * still running is stopped, and its promise rejects with a CheckCancelled the pane ignores.
 */
import type { FileCheck, FileInput, FilesCheckRequest, FilesChecked, FilesProgress } from '../worker/check-messages';
import type { FileCheckSession } from '../worker/file-check-session';
import { CheckCancelled } from './workbook-host';
import { nextTurn } from './next-turn';

export type { FileCheck, FileInput, FilesCheckRequest, FilesChecked, FilesProgress };
export { CheckCancelled };

export interface FileCheckEvents {
  progress?(p: FilesProgress): void;
  /** Each file's outcome as soon as it is known (in file order). */
  file?(result: FileCheck): void;
}

export interface FileChecks {
  /** Checks every file; resolves to their outcomes in file order (and, asked for, the combined report). */
  check(req: FilesCheckRequest, on?: FileCheckEvents): Promise<FilesChecked>;
  /** Stops the work in progress for good (another file was opened); a pending check rejects with CheckCancelled. */
  dispose(): void;
}

export type FileChecksFactory = (files: FileInput[]) => FileChecks;

/**
 * The reader and checks, loaded when first needed. The path is cast so that the tests' type-check (node16
 * resolution) does not ask for a `.js` extension webpack and jest would not resolve; the bundle sees a plain string.
 */
const loadSession = () => import(/* webpackChunkName: "page-checks" */ '../worker/file-check-session' as string) as Promise<typeof import('../worker/file-check-session')>;

/**
 * On the page's own thread: the fallback where no worker can run, and the unit tests' path. The reader (exceljs,
 * SheetJS) is loaded only when this runs, so the page itself does not load it while a worker does the reading.
 */
export function pageFileChecks(files: FileInput[]): FileChecks {
  let session: Promise<FileCheckSession> | undefined;
  let cancelled = 0;
  return {
    async check(req, on = {}) {
      const asked = cancelled;
      session ??= loadSession().then((m) => new m.FileCheckSession(files));
      const s = await session;
      if (asked !== cancelled) throw new CheckCancelled();
      const out: FilesChecked = { files: [] };
      const finished = await s.run(
        req,
        {
          progress: (p) => on.progress?.(p),
          file: (r) => {
            out.files.push(r);
            on.file?.(r);
          },
          combined: (c) => (out.combined = c),
        },
        nextTurn,
      );
      if (!finished) throw new CheckCancelled();
      return out;
    },
    dispose: () => {
      cancelled++;
      void session?.then((s) => s.cancel());
    },
  };
}

/**
 * The checking worker: reads and checks the page's files off the page's thread (file-check-session.ts), so
 * the page keeps answering while a large workbook is read. Started by hosts/check-worker.ts; one worker per
 * set of files, ended when the user opens another. No network, nothing but the files it is given.
 */
import type { CombinedFiles } from '../../core/check/combine-files';
import type { WorkbookGrid } from '../../core/model/grid';
import type { FromWorker, GridSlice, ToWorker } from './check-messages';
import { FileCheckSession, fileFailure } from './file-check-session';

/** The worker's global scope (the web build type-checks with the DOM library, whose `self` is a window). */
const scope = self as unknown as {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

let session: FileCheckSession | undefined;

/** About this many cells a slice (a 5,000-row sheet of 51 long-text columns: ~160 slices of about a millisecond each to unpack). */
const SLICE_CELLS = 3000;

function* gridSlices(index: number, grid: WorkbookGrid): Generator<GridSlice> {
  for (let sheet = 0; sheet < grid.sheets.length; sheet++) {
    const sh = grid.sheets[sheet];
    const width = Math.max(1, ...sh.rows.slice(0, 50).map((r) => r.length));
    const step = Math.max(1, Math.floor(SLICE_CELLS / width));
    for (let start = 0; start === 0 || start < sh.rows.length; start += step) {
      const slice: GridSlice = { index, sheet, name: sh.name, start, rows: sh.rows.slice(start, start + step) };
      if (sh.hidden) slice.hidden = true;
      if (start === 0) slice.merges = sh.merges;
      yield slice;
    }
  }
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'files') {
    session = new FileCheckSession(m.files);
    return;
  }
  const { run } = m;
  if (!session) {
    scope.postMessage({ type: 'failed', run, failure: fileFailure(new Error('no files')) });
    return;
  }
  let combined: CombinedFiles | undefined;
  session
    .run(m.req, {
      progress: (progress) => scope.postMessage({ type: 'progress', run, progress }),
      file: (result) => {
        if (!('outcome' in result) || !result.grid) return scope.postMessage({ type: 'file', run, result });
        const { grid, ...rest } = result;
        for (const slice of gridSlices(result.index, grid)) scope.postMessage({ type: 'grid-slice', run, slice });
        scope.postMessage({ type: 'file', run, result: rest, sliced: true });
      },
      combined: (c) => (combined = c),
    })
    .then((finished) => finished && scope.postMessage({ type: 'done', run, combined }))
    .catch((err: unknown) => scope.postMessage({ type: 'failed', run, failure: fileFailure(err) }));
};

scope.postMessage({ type: 'ready' });

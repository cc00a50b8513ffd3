/**
 * The checking worker: reads and checks the page's files off the page's thread (file-check-session.ts), so
 * the page keeps answering while a large workbook is read. Started by hosts/check-worker.ts; one worker per
 * set of files, ended when the user opens another. In the Excel and WPS task panes it checks the grid the pane
 * read from the open workbook (hosts/grid-check-worker.ts; one worker for the pane's life). No network, nothing
 * but the files and grids it is given.
 */
import type { CombinedFiles } from '../../core/check/combine-files';
import { checkWorkbook } from '../../core/check/check-workbook';
import type { WorkbookGrid } from '../../core/model/grid';
import { fileFailure, type FromWorker, type ToWorker } from './check-messages';
import { addSlice, gridSlices } from './grid-slices';
import { FileCheckSession } from './file-check-session';
import { detachSheets } from './outcome-wire';

/** The worker's global scope (the web build type-checks with the DOM library, whose `self` is a window). */
const scope = self as unknown as {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

let session: FileCheckSession | undefined;
/** The pane's grid being put together from its slices, for run `gridRun` (a newer run drops an older one's). */
const paneGrid = new Map<number, WorkbookGrid>();
let gridRun = -1;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'files') {
    session = new FileCheckSession(m.files);
    return;
  }
  if (m.type === 'grid-slice') {
    if (m.run !== gridRun) paneGrid.clear();
    gridRun = m.run;
    addSlice(paneGrid, m.slice);
    return;
  }
  if (m.type === 'check-grid') {
    const grid = m.run === gridRun ? paneGrid.get(0) : undefined;
    paneGrid.clear();
    try {
      const checked = grid ?? { sheets: [] };
      scope.postMessage({ type: 'grid-checked', run: m.run, outcome: detachSheets(checkWorkbook(checked, m.req), checked) });
    } catch (err) {
      scope.postMessage({ type: 'failed', run: m.run, failure: fileFailure(err) });
    }
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
        scope.postMessage({ type: 'file', run, result: { ...rest, outcome: detachSheets(rest.outcome, grid) }, sliced: true });
      },
      combined: (c) => (combined = c),
    })
    .then((finished) => finished && scope.postMessage({ type: 'done', run, combined }))
    .catch((err: unknown) => scope.postMessage({ type: 'failed', run, failure: fileFailure(err) }));
};

scope.postMessage({ type: 'ready' });

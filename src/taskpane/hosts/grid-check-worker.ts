/**
 * In the Excel and WPS task panes the open workbook is read by the pane (Office.js and WPS's object model live
 * only there), and the check of what was read runs in the checking worker (worker/check.worker.ts), so the pane
 * keeps answering while thousands of rows are checked. Microsoft's own samples run add-in work in Web Workers;
 * whether a given Excel or WPS lets the pane start one is only known by trying.
 *
 * The grid goes to the worker in slices (gridSlices, as grids come back to the standalone page), and the pane
 * lets other work in between them, so that copying it never holds the pane for long. Where no worker can run —
 * no Worker at all, one refused (WPS opens offline add-ins from file://), its script failing before it answered —
 * the check runs on the pane as before, and the console says why (worker-path.ts). A worker that breaks down
 * later fails the check in progress with the reason; the checks after it run on the pane.
 */
import type { CheckOutcome, GridChecker, GridCheckRequest } from '../../core/check/check-workbook';
import { checkOnPane } from './check-on-pane';
import type { WorkbookGrid } from '../../core/model/grid';
import type { FromWorker, ToWorker } from '../worker/check-messages';
import { gridSlices } from '../worker/grid-slices';
import { attachSheets } from '../worker/outcome-wire';
import { withOwnProgramme } from './file-outcomes';
import { HostError } from './workbook-host';
import { notePath, readyWorker } from './worker-path';
import { nextTurn } from './next-turn';

/** How long the pane posts slices before it lets other work run (a task of about this length is not noticed). */
const POST_BUDGET_MS = 30;

interface Waiting {
  /** The grid sent: the outcome's tables get their sheets back from it (outcome-wire.ts). */
  grid: WorkbookGrid;
  resolve(o: CheckOutcome): void;
  reject(e: unknown): void;
}

class WorkerGridChecker {
  private worker?: Worker;
  /** Resolves true once the worker has answered, false when it could not start (the pane checks then). */
  private started?: Promise<boolean>;
  private broken = false;
  private runs = 0;
  private readonly waiting = new Map<number, Waiting>();

  private async start(): Promise<boolean> {
    const started = await readyWorker('paneCheck', () => new Worker(new URL('../worker/check.worker.ts', import.meta.url), { name: 'jiangxuan-check' }));
    if (!started) return false;
    const w = started.worker;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type !== 'grid-checked' && m.type !== 'failed') return;
      const waiting = this.waiting.get(m.run);
      this.waiting.delete(m.run);
      if (!waiting) return;
      if (m.type === 'failed') return waiting.reject(new HostError(m.failure.kind, m.failure.localized));
      try {
        waiting.resolve(withOwnProgramme(attachSheets(m.outcome, waiting.grid)));
      } catch (e) {
        waiting.reject(e);
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.breakDown(new HostError('failed', { zh: `校验中断：${e.message}`, en: `The check stopped: ${e.message}` }), e.message);
    };
    w.onmessageerror = () => this.breakDown(new HostError('failed', { zh: '校验结果无法传回任务窗格。', en: 'The check’s result could not reach the pane.' }), 'message error');
    this.worker = w;
    return true;
  }

  /** What was waiting fails with the reason; later checks run on the pane rather than wait for a dead worker. */
  private breakDown(e: HostError, why: string): void {
    this.broken = true;
    this.worker?.terminate();
    this.worker = undefined;
    notePath('paneCheck', 'page', `worker failed: ${why || 'unknown error'}`);
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  readonly check: GridChecker = async (grid: WorkbookGrid, req: GridCheckRequest) => {
    if (!this.broken) this.started ??= this.start();
    if (this.broken || !(await this.started!) || !this.worker) return checkOnPane(grid, req);
    const w = this.worker;
    const run = ++this.runs;
    const post = (m: ToWorker) => w.postMessage(m);
    let since = performance.now();
    for (const slice of gridSlices(0, grid)) {
      post({ type: 'grid-slice', run, slice });
      if (performance.now() - since > POST_BUDGET_MS) {
        await nextTurn();
        // The worker broke down meanwhile: the pane checks this grid itself.
        if (this.broken) return checkOnPane(grid, req);
        since = performance.now();
      }
    }
    return new Promise<CheckOutcome>((resolve, reject) => {
      this.waiting.set(run, { grid, resolve, reject });
      post({ type: 'check-grid', run, req });
    });
  };
}

/** The pane's checker: in a worker where the pane can start one (tried at the first check), else on the pane itself. */
export function workerGridCheck(): GridChecker {
  return new WorkerGridChecker().check;
}

/**
 * The page's files are read and checked in a Web Worker (worker/check.worker.ts), so the page never freezes while
 * a large workbook is read: webpack bundles the worker from `new Worker(new URL(…, import.meta.url))` (in the
 * WPS build too, at the same syntax level). Only the standalone page's entry imports this file.
 *
 * Where a worker cannot run, the files are checked on the page as before (pageFileChecks), and the console says
 * why: no Worker in the host at all, a worker refused (a page opened from file://, as an offline WPS add-in may
 * be, or a policy forbidding workers), or its script failing to load. The switch happens before the worker has
 * answered once, so no check is lost; later failures are reported as the check's error.
 */
import { CheckCancelled, HostError } from './workbook-host';
import { pageFileChecks, type FileCheck, type FileCheckEvents, type FileChecks, type FileInput, type FilesCheckRequest, type FilesChecked } from './file-checks';
import type { WorkbookGrid } from '../../core/model/grid';
import type { FromWorker, ToWorker } from '../worker/check-messages';
import { addSlice } from '../worker/grid-slices';
import { attachSheets } from '../worker/outcome-wire';
import { notePath } from './worker-path';

interface Pending {
  run: number;
  req: FilesCheckRequest;
  on: FileCheckEvents;
  results: FileCheck[];
  /** Grids arriving in slices, by file index. */
  grids: Map<number, WorkbookGrid>;
  resolve(r: FilesChecked): void;
  reject(e: unknown): void;
}

class WorkerFileChecks implements FileChecks {
  private worker?: Worker;
  private ready = false;
  private fallback?: FileChecks;
  private pending?: Pending;
  private runs = 0;
  private disposed = false;

  constructor(private readonly files: FileInput[]) {}

  private post(m: ToWorker): void {
    this.worker!.postMessage(m);
  }

  private start(): boolean {
    let w: Worker;
    try {
      w = new Worker(new URL('../worker/check.worker.ts', import.meta.url), { name: 'jiangxuan-check' });
    } catch (e) {
      this.fallBack(`Worker: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    this.worker = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      if (!this.ready) return this.fallBack(`worker script: ${e.message || 'failed to load'}`);
      this.fail(new HostError('failed', { zh: `校验中断：${e.message}`, en: `The check stopped: ${e.message}` }));
    };
    w.onmessageerror = () => this.fail(new HostError('failed', { zh: '校验结果无法传回页面。', en: 'The check’s result could not reach the page.' }));
    this.post({ type: 'files', files: this.files });
    return true;
  }

  private receive(m: FromWorker): void {
    if (m.type === 'ready') {
      this.ready = true;
      notePath('check', 'worker');
      return;
    }
    const p = this.pending;
    // A run the page has given up on (a newer check started): its messages are dropped.
    if (!p || m.run !== p.run) return;
    switch (m.type) {
      case 'progress':
        p.on.progress?.(m.progress);
        return;
      case 'grid-slice':
        addSlice(p.grids, m.slice);
        return;
      case 'file': {
        const grid = m.sliced ? p.grids.get(m.result.index) : undefined;
        const r: FileCheck = grid && 'outcome' in m.result ? { ...m.result, outcome: attachSheets(m.result.outcome, grid), grid } : m.result;
        p.results.push(r);
        p.on.file?.(r);
        return;
      }
      case 'done':
        this.pending = undefined;
        p.resolve(m.combined ? { files: p.results, combined: m.combined } : { files: p.results });
        return;
      case 'failed':
        this.pending = undefined;
        p.reject(new HostError(m.failure.kind, m.failure.localized));
        return;
    }
  }

  private fail(e: unknown): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  /** From now on the files are checked on the page; a check waiting for the worker is handed over. */
  private fallBack(why: string): void {
    notePath('check', 'page', why);
    this.worker?.terminate();
    this.worker = undefined;
    this.fallback = pageFileChecks(this.files);
    const p = this.pending;
    this.pending = undefined;
    if (p) this.fallback.check(p.req, p.on).then(p.resolve, p.reject);
  }

  check(req: FilesCheckRequest, on: FileCheckEvents = {}): Promise<FilesChecked> {
    if (this.disposed) return Promise.reject(new CheckCancelled());
    if (this.fallback) return this.fallback.check(req, on);
    this.fail(new CheckCancelled());
    if (!this.worker && !this.start()) return this.fallback!.check(req, on);
    const run = ++this.runs;
    return new Promise<FilesChecked>((resolve, reject) => {
      this.pending = { run, req, on, results: [], grids: new Map(), resolve, reject };
      this.post({ type: 'check', run, req });
    });
  }

  dispose(): void {
    this.disposed = true;
    // Terminating stops a read in the middle: the old file's work ends now, not when it would have finished.
    this.worker?.terminate();
    this.worker = undefined;
    this.fallback?.dispose();
    this.fail(new CheckCancelled());
  }
}

/** Checks `files` in a worker where the host can run one, else on the page. */
export function workerFileChecks(files: FileInput[]): FileChecks {
  if (typeof Worker === 'undefined') {
    notePath('check', 'page', 'no Web Worker in this host');
    return pageFileChecks(files);
  }
  return new WorkerFileChecks(files);
}

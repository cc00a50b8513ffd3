/**
 * The pane's WorkbookTools (expert scoring, cultivation, 申报表) running in a Web Worker
 * (worker/tools.worker.ts): the page stays responsive while exceljs reads and writes workbooks. Each call goes to the
 * worker with its arguments; a call's onProgress stays here and hears the worker's progress. Where no worker can
 * run — no Worker in the host, a worker refused, its script failing before it answered — the tools run on the page
 * as before (tools/load.ts), and the console says why. The entry (index.tsx) sets it up in every mode: on the
 * standalone page and in the Excel and WPS panes, where the open workbook's grid is what the tools are given.
 */
import type { WorkbookTools } from './workbook-tools';
import { HostError } from './workbook-host';
import { toolOf, type FromToolsWorker, type ToolMethod, type ToolsWorkerReady, type ToToolsWorker } from '../worker/tools-messages';
import { notePath, readyWorker } from './worker-path';

interface Call {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (...args: unknown[]) => void;
}

type Callback = (...args: unknown[]) => void;

/**
 * Starts the worker and resolves to tools that call it once it has answered; to `onPage()`'s tools when it cannot.
 */
export async function workerWorkbookTools(onPage: () => Promise<WorkbookTools>): Promise<WorkbookTools> {
  const started = await readyWorker<ToolsWorkerReady>('tools', () => new Worker(new URL('../worker/tools.worker.ts', import.meta.url), { name: 'jiangxuan-tools' }));
  if (!started) return onPage();
  const w = started.worker;
  const calls = new Map<number, Call>();
  let broken = false;
  let seq = 0;
  const failAll = (e: unknown) => {
    for (const c of calls.values()) c.reject(e);
    calls.clear();
  };
  w.onerror = (e) => {
    e.preventDefault();
    // The worker broke down (out of memory, say): what was waiting fails with the reason, and later calls run on
    // the page rather than wait for an answer that will not come.
    broken = true;
    w.terminate();
    notePath('tools', 'page', `worker failed: ${e.message || 'unknown error'}`);
    failAll(new HostError('failed', { zh: `操作中断：${e.message}`, en: `The work stopped: ${e.message}` }));
  };
  w.onmessageerror = () => failAll(new HostError('failed', { zh: '结果无法传回页面。', en: 'The result could not reach the page.' }));
  const toWorker = (method: ToolMethod, args: unknown[]): Promise<never> =>
    new Promise((res, rej) => {
      const id = ++seq;
      let progressAt = -1;
      let onProgress: Callback | undefined;
      // A callback cannot travel: it stays here, and the worker's progress messages call it.
      const sent = args.map((a, i) => {
        const f = typeof a === 'object' && a !== null ? (a as { onProgress?: unknown }).onProgress : undefined;
        if (typeof f !== 'function') return a;
        progressAt = i;
        onProgress = f as Callback;
        const { onProgress: _callback, ...rest } = a as { onProgress?: unknown };
        return rest;
      });
      calls.set(id, { resolve: res as (v: unknown) => void, reject: rej, onProgress });
      try {
        w.postMessage({ type: 'call', id, method, args: sent, progressAt } satisfies ToToolsWorker);
      } catch (e) {
        calls.delete(id);
        rej(new HostError('failed', { zh: `无法交给后台处理：${String(e)}`, en: `Could not hand the work over: ${String(e)}` }));
      }
    });
  const call = (method: ToolMethod, args: unknown[]): Promise<never> => (broken ? onPage().then((tools) => toolOf(tools, method)(...args)) : toWorker(method, args));
  w.onmessage = (e: MessageEvent<FromToolsWorker>) => {
    const m = e.data;
    if (m.type === 'ready') return;
    const c = calls.get(m.id);
    if (!c) return;
    if (m.type === 'progress') {
      c.onProgress?.(...m.args);
      return;
    }
    calls.delete(m.id);
    if (m.type === 'result') c.resolve(m.value);
    else c.reject(new HostError(m.failure.kind, m.failure.localized));
  };
  return proxy(call, started.ready.resultSheetNames);
}

function proxy(call: (method: ToolMethod, args: unknown[]) => Promise<never>, resultSheetNames: readonly string[]): WorkbookTools {
  return {
    forms: {
      readForms: (o) => call('forms.readForms', [o]),
      printForms: (o) => call('forms.printForms', [o]),
      pack: (o) => call('forms.pack', [o]),
    },
    candidateInfo: (profile, source) => call('candidateInfo', [profile, source]),
    planScoring: (o) => call('planScoring', [o]),
    scoreSheetsZip: (o) => call('scoreSheetsZip', [o]),
    consolidate: (o) => call('consolidate', [o]),
    resultWorkbook: (round, opts) => call('resultWorkbook', opts === undefined ? [round] : [round, opts]),
    resultSheetNames,
    finalCopy: (round) => call('finalCopy', [round]),
    trackingWorkbook: (o) => call('trackingWorkbook', [o]),
    rollover: (o) => call('rollover', [o]),
  };
}

/**
 * The annotated copy for the standalone page (下载标注版): made in a Web Worker (worker/annotate.worker.ts) where the
 * host can run one, so the page does not freeze for the seconds exceljs takes on a large workbook; otherwise on the
 * page, as before (annotate-on-page.ts). Only the standalone page's entry imports this file. As with checking
 * (check-worker.ts), the switch to the page happens only before the worker has answered once (no Worker at all, a
 * worker refused, its script failing to load); a failure after that is the download's error.
 */
import type { FromAnnotateWorker, ToAnnotateWorker } from '../worker/annotate-messages';
import { HostError } from './workbook-host';
import { pageAnnotate, type Annotate } from './annotate-on-page';
import { readyWorker } from './worker-path';

/** In a worker started for this copy and ended after it; on the page where no worker can run. */
export const workerAnnotate: Annotate = async (req) => {
  const started = await readyWorker('annotate', () => new Worker(new URL('../worker/annotate.worker.ts', import.meta.url), { name: 'jiangxuan-annotate' }));
  if (!started) return pageAnnotate(req);
  const w = started.worker;
  return new Promise<Uint8Array>((resolve, reject) => {
    w.onmessage = (e: MessageEvent<FromAnnotateWorker>) => {
      const m = e.data;
      w.terminate();
      if (m.type === 'annotated') resolve(m.bytes);
      else if (m.type === 'failed') reject(new HostError(m.failure.kind, m.failure.localized));
    };
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      reject(new HostError('failed', { zh: `标注版生成中断：${e.message}`, en: `Making the annotated copy stopped: ${e.message}` }));
    };
    w.onmessageerror = () => {
      w.terminate();
      reject(new HostError('failed', { zh: '标注版无法传回页面。', en: 'The annotated copy could not reach the page.' }));
    };
    w.postMessage({ type: 'annotate', req } satisfies ToAnnotateWorker);
  });
};

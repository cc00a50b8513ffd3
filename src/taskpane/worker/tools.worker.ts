/**
 * The tools worker: expert scoring, cultivation and the 申报表 workflows (tools/workflows.ts: exceljs reads and
 * writes workbooks of thousands of rows, seconds of work) run off the page's thread, so the page keeps answering
 * while score sheets are generated or consolidated and tracking workbooks written. Started by hosts/tools-worker.ts
 * the first time a tool is used; it lives as long as the page. No network, nothing but what it is given.
 */
import { workbookTools } from '../tools/workflows';
import { fileFailure } from './check-messages';
import { toolOf, type FromToolsWorker, type ToToolsWorker } from './tools-messages';

const scope = self as unknown as {
  postMessage(m: FromToolsWorker): void;
  onmessage: ((e: MessageEvent<ToToolsWorker>) => void) | null;
};

scope.onmessage = (e) => {
  const { id, method, args, progressAt } = e.data;
  if (progressAt >= 0) {
    args[progressAt] = { ...(args[progressAt] as object), onProgress: (...p: unknown[]) => scope.postMessage({ type: 'progress', id, args: p }) };
  }
  Promise.resolve()
    .then(() => toolOf(workbookTools, method)(...args))
    .then((value) => scope.postMessage({ type: 'result', id, value }))
    .catch((err: unknown) => scope.postMessage({ type: 'failed', id, failure: fileFailure(err) }));
};

scope.postMessage({ type: 'ready', resultSheetNames: [...workbookTools.resultSheetNames] });

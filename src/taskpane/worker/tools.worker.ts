/**
 * The tools worker: expert scoring, cultivation and the 申报表 workflows (tools/workflows.ts: exceljs reads and
 * writes workbooks of thousands of rows, seconds of work) run off the page's thread, so the page keeps answering
 * while score sheets are generated or consolidated and tracking workbooks written. Started by hosts/tools-worker.ts
 * the first time a tool is used; it lives as long as the page. No network, nothing but what it is given.
 */
import { workbookTools } from '../tools/workflows';
import { asHostError } from '../hosts/workbook-host';
import type { FromToolsWorker, ToToolsWorker } from './tools-messages';

const scope = self as unknown as {
  postMessage(m: FromToolsWorker): void;
  onmessage: ((e: MessageEvent<ToToolsWorker>) => void) | null;
};

type AnyTool = (...args: unknown[]) => Promise<unknown>;

function tool(method: ToToolsWorker['method']): AnyTool {
  if (method.startsWith('forms.')) {
    const forms = workbookTools.forms as unknown as Record<string, AnyTool>;
    return forms[method.slice(6)].bind(workbookTools.forms);
  }
  return (workbookTools as unknown as Record<string, AnyTool>)[method].bind(workbookTools);
}

scope.onmessage = (e) => {
  const { id, method, args, progressAt } = e.data;
  if (progressAt >= 0) {
    args[progressAt] = { ...(args[progressAt] as object), onProgress: (...p: unknown[]) => scope.postMessage({ type: 'progress', id, args: p }) };
  }
  Promise.resolve()
    .then(() => tool(method)(...args))
    .then((value) => scope.postMessage({ type: 'result', id, value }))
    .catch((err: unknown) => {
      const h = asHostError(err);
      scope.postMessage({ type: 'failed', id, failure: { kind: h.kind, localized: h.localized } });
    });
};

scope.postMessage({ type: 'ready', resultSheetNames: [...workbookTools.resultSheetNames] });

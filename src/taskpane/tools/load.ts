/**
 * The pane's WorkbookTools (scoring and cultivation over exceljs and jszip) as a separate chunk, fetched the
 * first time a section needs them; a failed fetch is tried again next time. The entry runs them in a worker instead
 * (hosts/tools-worker.ts, set up with runToolsWith), here only where no worker starts.
 */
import type { WorkbookTools } from '../hosts/workbook-tools';

let loading: Promise<WorkbookTools> | undefined;
let provider: ((onPage: () => Promise<WorkbookTools>) => Promise<WorkbookTools>) | undefined;

/** The tools on the page's own thread. */
export function toolsOnPage(): Promise<WorkbookTools> {
  return import(/* webpackChunkName: "workflows" */ './workflows').then((m) => m.workbookTools);
}

/** Where the tools run from now on (a worker, falling back to the page). */
export function runToolsWith(p: (onPage: () => Promise<WorkbookTools>) => Promise<WorkbookTools>): void {
  provider = p;
  loading = undefined;
}

export function loadWorkbookTools(): Promise<WorkbookTools> {
  loading ??= (provider ? provider(toolsOnPage) : toolsOnPage()).catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

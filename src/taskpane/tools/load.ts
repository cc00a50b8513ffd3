/**
 * The pane's WorkbookTools (scoring and cultivation over exceljs and jszip) as a separate chunk, fetched the
 * first time a section needs them; a failed fetch is tried again next time.
 */
import type { WorkbookTools } from '../hosts/workbook-tools';

let loading: Promise<WorkbookTools> | undefined;

export function loadWorkbookTools(): Promise<WorkbookTools> {
  loading ??= import(/* webpackChunkName: "workflows" */ './workflows').then(
    (m) => m.workbookTools,
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

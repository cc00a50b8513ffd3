/** The scoring and cultivation workflows (exceljs, jszip) as a separate chunk, fetched the first time they are needed. */
export type Workflows = typeof import('./workflows');

let loading: Promise<Workflows> | undefined;

export function loadWorkflows(): Promise<Workflows> {
  loading ??= import(/* webpackChunkName: "workflows" */ './workflows').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

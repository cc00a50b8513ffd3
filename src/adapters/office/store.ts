/// <reference types="office-js" />
/**
 * What Jiangxuan remembers inside the workbook: one document setting (Workbook.settings, ExcelApi 1.4) naming
 * the results sheet it wrote, so that sheet is left out of reading and replaced or removed later. The marks need
 * no record: each conditional format Jiangxuan adds carries its own tag in its formula (marks.ts).
 */

/** The setting's key. */
export const STORE_KEY = 'jiangxuan';

export interface Store {
  v: 2;
  /** Name of the results sheet Jiangxuan wrote, when there is one. */
  results?: string;
}

function parse(v: unknown): Store {
  const o = (typeof v === 'string' ? safeJson(v) : v) as { results?: unknown } | null;
  return o && typeof o === 'object' && typeof o.results === 'string' && o.results ? { v: 2, results: o.results } : { v: 2 };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** Queues reading the setting; the returned function gives it after the sync. */
export function queueReadStore(context: Excel.RequestContext): () => { store: Store; exists: boolean } {
  const item = context.workbook.settings.getItemOrNullObject(STORE_KEY).load('value');
  return () => (item.isNullObject ? { store: { v: 2 }, exists: false } : { store: parse(item.value), exists: true });
}

/** Queues writing the setting (removing it when there is nothing to remember). */
export function queueWriteStore(context: Excel.RequestContext, store: Store, existed: boolean): void {
  const settings = context.workbook.settings;
  if (!store.results) {
    if (existed) settings.getItem(STORE_KEY).delete();
    return;
  }
  settings.add(STORE_KEY, JSON.stringify(store));
}

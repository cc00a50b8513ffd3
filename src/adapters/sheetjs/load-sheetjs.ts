/**
 * SheetJS (@e965/xlsx, the npm republish of SheetJS's CVE-fixed 0.20.x build) is ~1 MB of code that only the
 * formats exceljs does not read need: it is loaded on first use, never at start-up. In the browser bundle the
 * dynamic import is its own chunk ("sheetjs"); in Node (the CLI) it is an ordinary lazy import. Browser-safe.
 */
export type SheetJs = typeof import('@e965/xlsx');

let loading: Promise<SheetJs> | undefined;

export function loadSheetJs(): Promise<SheetJs> {
  loading ??= import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/**
 * Runs a synchronous SheetJS call with the console silenced: it prints warnings such as "ODS number format may be
 * incorrect" straight to the console, which would land in the CLI's output and the page's console. Its calls are
 * synchronous, so nothing else can log while the console is swapped.
 */
export function quietly<T>(work: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const mute = () => undefined;
  console.error = mute;
  console.warn = mute;
  console.log = mute;
  try {
    return work();
  } finally {
    console.error = saved.error;
    console.warn = saved.warn;
    console.log = saved.log;
  }
}

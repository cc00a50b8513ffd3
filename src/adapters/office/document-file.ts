/// <reference types="office-js" />
/**
 * The open workbook as a file, through Office's common API (Document.getFileAsync, compressed, in slices of at
 * most 4 MB): the fallback for what the Excel API of an older Excel cannot read (merged cells before ExcelApi
 * 1.13). The bytes stay in the task pane; nothing is sent anywhere.
 */

const SLICE = 4 * 1024 * 1024;

/** True when Office can hand over the document's bytes (Excel desktop and web support the compressed file). */
export function canReadDocumentFile(): boolean {
  try {
    return typeof Office !== 'undefined' && typeof Office.context?.document?.getFileAsync === 'function';
  } catch {
    return false;
  }
}

function call<T>(start: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error?.message ?? 'getFileAsync failed'))));
  });
}

/** The document's bytes (.xlsx). */
export async function readDocumentFile(): Promise<Uint8Array> {
  const file = await call<Office.File>((cb) => Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE }, cb));
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await call<Office.Slice>((cb) => file.getSliceAsync(i, cb));
      parts.push(slice.data instanceof Uint8Array ? slice.data : Uint8Array.from(slice.data as number[]));
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  } finally {
    await call<void>((cb) => file.closeAsync(cb)).catch(() => undefined);
  }
}

/** Saving bytes the page made (annotated copy, score sheets, results, tracking workbooks) as a download. */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_TYPE = 'application/zip';

/** Offers the bytes as a file download (a blob: URL on this page; nothing leaves the computer). */
export function saveBytes(bytes: Uint8Array, fileName: string, type = fileName.toLowerCase().endsWith('.zip') ? ZIP_TYPE : XLSX_TYPE): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  lastModified?: number;
}

/** Reads picked files one by one, reporting progress (many returned score sheets take a moment). */
export async function readPickedFiles(files: readonly File[], onProgress?: (done: number, total: number, name: string) => void): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (const f of files) {
    out.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), lastModified: f.lastModified });
    onProgress?.(out.length, files.length, f.name);
  }
  return out;
}

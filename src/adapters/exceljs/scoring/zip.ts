/** All of a round's files in one .zip (the task pane offers one download instead of fifty). Browser-safe. */
import JSZip from 'jszip';

export interface ZipEntry {
  name: string;
  /** A folder inside the archive (the experts' sheets and the key go in folders of their own). */
  folder?: string;
  bytes: Uint8Array;
}

/**
 * Zips the files (UTF-8 names, so 评分表-张三-书面初评.xlsx stays readable in Windows Explorer and macOS).
 * `folder` puts them under one folder inside the archive.
 */
export async function zipFiles(files: readonly ZipEntry[], folder?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const dir = folder ? zip.folder(folder)! : zip;
  const seen = new Set<string>();
  for (const f of files) {
    const path = f.folder ? `${f.folder}/${f.name}` : f.name;
    if (seen.has(path)) throw new Error(`zip: two files named ${path}`);
    seen.add(path);
    // .xlsx files are already deflated: storing them is as small and much faster.
    dir.file(path, f.bytes, { binary: true, compression: 'STORE' });
  }
  return zip.generateAsync({ type: 'uint8array', platform: 'UNIX' });
}

/**
 * Saving bytes the page made (annotated copy, score sheets, results, tracking workbooks) as a download. Excel for
 * Mac shows add-ins in a WKWebView that ignores downloads without a word (office-js issues #2700 "by design",
 * #4681): there the download is refused with an explanation instead of pretending it happened, and the pane
 * offers what works in Excel (insert the sheets, open a new workbook) or the standalone page.
 */
import type { Localized } from '../core/model/findings';
import { HostError } from './hosts/workbook-host';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_TYPE = 'application/zip';

/** True inside Excel for Mac (desktop), whose web view drops downloads silently. */
export function downloadsBlocked(): boolean {
  try {
    return typeof Office !== 'undefined' && String(Office.context?.platform) === 'Mac';
  } catch {
    return false;
  }
}

/** Why a download cannot happen here, and what works instead. */
export function macDownloadMessage(fileName: string): Localized {
  const xlsx = fileName.toLowerCase().endsWith('.xlsx');
  return {
    zh: `Mac 版 Excel 的加载项窗格不能下载文件（微软已知的限制），“${fileName}”没有保存。${
      xlsx ? '请改用“写入当前工作簿”或“在 Excel 中打开”，或' : '请'
    }在 Safari 或 Chrome 中打开匠选网页版（本加载项的地址 …/taskpane.html），在那里生成并下载。`,
    en: `Excel for Mac’s add-in pane cannot download files (a known Microsoft limitation); “${fileName}” was not saved. ${
      xlsx ? 'Use “Write into this workbook” or “Open in Excel” instead, or open' : 'Open'
    } the Jiangxuan web page (the add-in’s address …/taskpane.html) in Safari or Chrome and download it there.`,
  };
}

/**
 * Offers the bytes as a file download (a blob: URL on this page; nothing leaves the computer). Throws a HostError
 * with the reason where downloads cannot work (Excel for Mac), so no caller reports a download that did not happen.
 */
export function saveBytes(bytes: Uint8Array, fileName: string, type = fileName.toLowerCase().endsWith('.zip') ? ZIP_TYPE : XLSX_TYPE): void {
  if (downloadsBlocked()) throw new HostError('failed', macDownloadMessage(fileName));
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
  /** Why the browser could not read the file (only with `keepUnreadable`): it is then rejected alone, with this reason. */
  unreadable?: Localized;
}

/** Said of a picked file the browser cannot read (moved or deleted since it was chosen, no permission, a cloud placeholder). */
export const UNREADABLE_PICK: Localized = {
  zh: '浏览器无法读取这个文件（选中后被移动、删除或仍在网盘中未下载，或没有读取权限），请重新选择',
  en: 'The browser cannot read this file (moved, deleted or still only in cloud storage since it was chosen, or no permission): choose it again',
};

/**
 * Reads picked files one by one, reporting progress (many returned score sheets take a moment). With
 * `keepUnreadable` a file that cannot be read does not stop the others: it comes back empty with `unreadable` set.
 */
export async function readPickedFiles(
  files: readonly File[],
  onProgress?: (done: number, total: number, name: string) => void,
  options: { keepUnreadable?: boolean } = {},
): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (const f of files) {
    try {
      out.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), lastModified: f.lastModified });
    } catch (e) {
      if (!options.keepUnreadable) throw e;
      out.push({ name: f.name, bytes: new Uint8Array(0), lastModified: f.lastModified, unreadable: UNREADABLE_PICK });
    }
    onProgress?.(out.length, files.length, f.name);
  }
  return out;
}

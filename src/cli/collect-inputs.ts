/**
 * Files and folders named on a command line → the files to read (`consolidate` of returned score sheets,
 * `validate` of a whole inbox). Folders are read recursively, links followed once; Excel's ~$ lock files and
 * hidden files are skipped silently, other files are listed as skipped with the reason. The same file reached
 * twice (a link, a folder given twice) is read once. A folder or link that cannot be looked at becomes an entry
 * with its reason: one bad file never stops the others. A path that does not exist at all is a CliFailure.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Localized } from '../core/model/findings';
import { CliFailure } from './cli-failure';
import { fileIdentity, FileIdentity, readFailure, sameFile } from './cli-files';

/** A file to read: its path, or an entry that could not be looked at (with the reason). */
export interface FoundInput {
  path: string;
  unreadable?: Localized;
}

/** A file in a folder that is not read, and why (printed, so that no file goes unnoticed). */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface CollectOptions {
  /** File names read from folders (files named explicitly are always read). */
  accept: RegExp;
  /** Why another file met in a folder is not read. */
  skipReason: (name: string) => string;
  /** The command's output file: never read; where a folder held it is returned (named explicitly: a failure). */
  out?: { path: string; givenMessage: string };
  /** Folders never walked into (an output folder inside an input folder). */
  skipDirs?: readonly FileIdentity[];
}

export interface CollectedInputs {
  files: FoundInput[];
  skipped: SkippedFile[];
  /** Where a folder held the output file (the caller decides whether it may be replaced). */
  outFound?: string;
}

export async function collectInputs(paths: readonly string[], opts: CollectOptions): Promise<CollectedInputs> {
  const found: FoundInput[] = [];
  const skipped: SkippedFile[] = [];
  const seen: FileIdentity[] = [];
  const walked: FileIdentity[] = [...(opts.skipDirs ?? [])];
  const outId = opts.out ? await fileIdentity(opts.out.path) : undefined;
  let outFound: string | undefined;
  /** `known`: the identity already looked up (undefined: nothing there), else it is looked up here. */
  const add = async (p: string, known?: { id: FileIdentity | undefined }) => {
    const id = known ? known.id : await fileIdentity(p);
    if (!id) {
      found.push({ path: p, unreadable: readFailure(await stat(p).then(() => undefined, (e: unknown) => e)) });
      return;
    }
    if (outId && sameFile(id, outId)) {
      outFound = p;
      return;
    }
    if (seen.some((s) => sameFile(s, id))) return;
    seen.push(id);
    found.push({ path: p });
  };
  const walk = async (dir: string) => {
    const id = await fileIdentity(dir);
    if (id && walked.some((w) => sameFile(w, id))) return; // a link back to a folder already read, or the output folder
    if (id) walked.push(id);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      found.push({ path: dir, unreadable: { zh: `无法打开这个文件夹：${readFailure(e).zh}`, en: `this folder cannot be opened: ${readFailure(e).en}` } });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    const listed = entries.filter((e) => !e.name.startsWith('.') && !e.name.startsWith('~$'));
    // Looked up all at once: one after the other, a folder of a hundred workbooks waited ~40 ms on these calls
    // (each a turn of the thread pool), as long as checking ten of its files. The order below stays the folder's.
    const ids = await Promise.all(listed.map((e) => (e.isFile() && opts.accept.test(e.name) ? fileIdentity(join(dir, e.name)) : undefined)));
    for (let i = 0; i < listed.length; i++) {
      const e = listed[i];
      const p = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const s = await stat(p).catch(() => undefined);
        isDir = !!s?.isDirectory();
        // A link to nothing named like a workbook is reported rather than silently skipped.
        isFile = s ? s.isFile() : opts.accept.test(e.name);
      }
      if (isDir) await walk(p);
      else if (isFile && opts.accept.test(e.name)) await add(p, e.isFile() ? { id: ids[i] } : undefined);
      else if (isFile) skipped.push({ file: displayPath(p), reason: opts.skipReason(e.name) });
    }
  };
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliFailure(`找不到 ${p}：请检查路径和文件名`);
      throw new CliFailure(`无法读取 ${p}：${readFailure(e).zh}`);
    }
    const id = await fileIdentity(p);
    if (opts.out && outId && id && sameFile(id, outId)) throw new CliFailure(opts.out.givenMessage);
    if (s.isDirectory()) await walk(p);
    else await add(p);
  }
  const result: CollectedInputs = { files: found, skipped };
  if (outFound !== undefined) result.outFound = outFound;
  return result;
}

/** A path as the user typed it relative to here, or absolute when it is elsewhere. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

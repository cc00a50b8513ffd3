/**
 * Reading inputs and writing outputs for every command. Promises kept here:
 * - an input is never written: outputs are compared with inputs as files (device + inode, real path), so a
 *   symlink, a symlinked folder, a hard link or another spelling on a case-insensitive disk cannot sneak past;
 * - an existing file is replaced only with --force;
 * - never half a file: bytes go to a temp file created exclusively (O_EXCL, so a planted symlink is never
 *   followed) under an unpredictable name beside the target, then renamed; the temp file is removed on any failure;
 * - every failure is one line that names its cause (disk full, read-only, no permission, open in Excel…).
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, readFile, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliFailure } from './cli-failure';

export interface InputFile {
  name: string;
  bytes: Buffer;
  lastModified: number;
}

type Platform = NodeJS.Platform;

function errCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

// ------------------------------------------------------------------ file identity

/** What makes two paths the same file: device and inode (bigint: Windows file ids exceed 2^53), and the real path. */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
  real: string;
}

/** The file (or folder) a path names, symlinks followed; undefined when nothing is there or it cannot be reached. */
export async function fileIdentity(path: string): Promise<FileIdentity | undefined> {
  try {
    const s = await stat(path, { bigint: true });
    return { dev: s.dev, ino: s.ino, real: await realpath(path) };
  } catch {
    return undefined;
  }
}

/** Case-insensitive file systems are the default on macOS and Windows: compare their paths case-folded. */
function foldedPath(p: string, platform: Platform): string {
  return platform === 'darwin' || platform === 'win32' ? p.normalize('NFC').toLowerCase() : p;
}

export function sameFile(a: FileIdentity, b: FileIdentity, platform: Platform = process.platform): boolean {
  // Some file systems (FAT, some network shares) report inode 0 for everything: then only the path decides.
  if (a.ino !== 0n && a.dev === b.dev && a.ino === b.ino) return true;
  return foldedPath(a.real, platform) === foldedPath(b.real, platform);
}

/**
 * The real path a file would have once written: the real path of its folder plus its name (the folder may be a
 * symlink). Undefined when the folder does not exist.
 */
async function intendedRealPath(path: string): Promise<string | undefined> {
  try {
    return join(await realpath(dirname(resolve(path))), basename(path));
  } catch {
    return undefined;
  }
}

/** True when writing `out` would write one of `inputs` (through any symlink, hard link or spelling). */
export async function writesAnInput(out: string, inputs: readonly (string | undefined)[], platform: Platform = process.platform): Promise<boolean> {
  const existing = await fileIdentity(out);
  const intended = existing ?? (await intendedRealPath(out));
  if (!intended) return false;
  const target: FileIdentity = typeof intended === 'string' ? { dev: -1n, ino: 0n, real: intended } : intended;
  for (const input of inputs) {
    if (!input) continue;
    const id = await fileIdentity(input);
    if (id && sameFile(target, id, platform)) return true;
  }
  return false;
}

// ------------------------------------------------------------------ messages by cause

/** Why a file could not be read, in a few words ("没有读取这个文件的权限"): for per-file reports and one-line errors. */
export function readFailure(e: unknown): { zh: string; en: string } {
  switch (errCode(e)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { zh: '文件不存在（可能已被移动、改名或删除，或是指向不存在文件的链接）', en: 'the file does not exist (moved, renamed or deleted, or a link to a missing file)' };
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有读取这个文件的权限', en: 'no permission to read it' };
    case 'EBUSY':
      return { zh: '文件正被其他程序独占使用，请关闭后再试', en: 'another program holds it open exclusively: close it and retry' };
    case 'EISDIR':
      return { zh: '这是文件夹，不是文件', en: 'it is a folder, not a file' };
    case 'ELOOP':
      return { zh: '链接循环指向自身，找不到真正的文件', en: 'a link that points to itself' };
    case 'EIO':
      return { zh: '磁盘读取出错（U 盘或网络盘是否已断开？）', en: 'a disk read error (was a USB or network drive disconnected?)' };
    case 'EMFILE':
    case 'ENFILE':
      return { zh: '同时打开的文件太多，请稍后再试', en: 'too many open files: retry later' };
    case 'ERR_FS_FILE_TOO_LARGE':
      return { zh: '文件太大（超过 2 GB），无法读入', en: 'the file is too large (over 2 GB) to read' };
    default: {
      const why = errCode(e) ?? (e instanceof Error ? e.message : String(e));
      return { zh: `无法读取（${why}）`, en: `cannot be read (${why})` };
    }
  }
}

/** The step of a write that failed: creating the temp file, writing its bytes, or replacing the target. */
export type WriteStep = 'create' | 'write' | 'replace';

/** One line saying why `target` could not be written and what to do. */
export function writeFailureMessage(e: unknown, target: string, step: WriteStep, platform: Platform = process.platform, targetExisted = false): string {
  const where = dirname(target) === '.' ? '当前文件夹' : `文件夹 ${dirname(target)} `;
  const head = `无法保存 ${target}：`;
  const code = errCode(e);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `${head}磁盘已满（或超出空间配额），请清理磁盘空间或换一个位置保存；没有留下不完整的文件`;
    case 'EROFS':
      return `${head}${where}在只读的磁盘上（如光盘、写保护的 U 盘或只读共享），请换一个位置保存`;
    case 'EBUSY':
      return `${head}文件正在 Excel（或其他程序）中打开，请先关闭它再试`;
    case 'EACCES':
    case 'EPERM':
      // Windows refuses to replace a file another program holds open with EPERM/EACCES.
      if (platform === 'win32' && step === 'replace' && targetExisted) return `${head}文件正在 Excel（或其他程序）中打开，或是只读文件，请先关闭它再试`;
      return `${head}没有在${where}中写文件的权限，请换一个位置保存（如“文档”文件夹或桌面）`;
    case 'ENOENT':
      return `${head}${where}不存在（可能已被移动或删除），请先建好文件夹或换一个位置`;
    case 'ENOTDIR':
      return `${head}路径中有一段是文件而不是文件夹，请检查路径`;
    case 'EISDIR':
      return `${head}这是一个文件夹，请写出文件名，如 ${join(target, '标注版.xlsx')}`;
    case 'ENAMETOOLONG':
      return `${head}文件名或路径太长，请换一个短一些的名字或位置`;
    case 'EIO':
      return `${head}磁盘写入出错（U 盘或网络盘是否已断开？）`;
    case 'EMFILE':
    case 'ENFILE':
      return `${head}同时打开的文件太多，请稍后再试`;
    case 'EXDEV':
      return `${head}无法在这个位置完成保存（跨磁盘），请换一个位置`;
    default:
      return `${head}${code ?? (e instanceof Error ? e.message : String(e))}`;
  }
}

// ------------------------------------------------------------------ reading

/**
 * Reads a workbook the user named; `what` names it in messages ("专家名单"). A missing file, a folder or a
 * file that cannot be read is a CliFailure (exit 2) saying why and what to do.
 */
export async function readInputFile(file: string, what = '文件'): Promise<InputFile> {
  let s;
  try {
    s = await stat(file);
  } catch (e) {
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') throw new CliFailure(`找不到${what} ${file}：请检查路径和文件名`);
    throw new CliFailure(`无法读取${what} ${file}：${readFailure(e).zh}`);
  }
  if (s.isDirectory()) throw new CliFailure(`${what === '文件' ? '' : what + ' '}${file} 是文件夹，不是工作簿：请指定一个工作簿文件（.xlsx、.xls、.et、.ods 或 .csv）`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new CliFailure(`无法读取${what} ${file}：${readFailure(e).zh}`);
  }
  return { name: basename(file), bytes, lastModified: s.mtimeMs };
}

// ------------------------------------------------------------------ checking an output before any work

export interface OutputCheck {
  /** Every file the command reads (undefined entries are skipped). */
  inputs: readonly (string | undefined)[];
  /** Replace an existing file. */
  force?: boolean;
  /** How the option is called in messages (default --out). */
  option?: string;
  /** An example file name for "write a file name" messages. */
  example?: string;
  platform?: Platform;
}

/**
 * Checks an output file before any work is done: not a folder, its folder exists, it is not one of the inputs
 * (even with --force), and it does not exist unless --force. Throws a one-line CliFailure.
 */
export async function checkOutputFile(out: string, check: OutputCheck): Promise<void> {
  const option = check.option ?? '--out';
  const example = check.example ?? '结果.xlsx';
  let existing;
  try {
    existing = await lstat(out);
  } catch (e) {
    if (errCode(e) !== 'ENOENT') throw new CliFailure(writeFailureMessage(e, out, 'create', check.platform));
  }
  const target = existing?.isSymbolicLink() ? await stat(out).catch(() => undefined) : existing;
  if (target?.isDirectory() || /[\\/]$/.test(out)) throw new CliFailure(`${option} ${out} 是文件夹：请写出文件名，如 ${join(out, example)}`);
  if (!existing) {
    const dir = dirname(resolve(out));
    let d;
    try {
      d = await stat(dir);
    } catch (e) {
      if (errCode(e) === 'ENOENT') throw new CliFailure(`${option} ${out} 的文件夹 ${dirname(out)} 不存在：请先建好文件夹或换一个位置`);
      throw new CliFailure(writeFailureMessage(e, out, 'create', check.platform));
    }
    if (!d.isDirectory()) throw new CliFailure(`${option} ${out}：${dirname(out)} 不是文件夹，请检查路径`);
  }
  if (await writesAnInput(out, check.inputs, check.platform)) {
    throw new CliFailure(`${option} 不能是输入文件本身（也不能是指向它的链接）：匠选从不改写原文件，请另起一个文件名`);
  }
  if (existing && !check.force) {
    throw new CliFailure(`${out} 已存在：匠选不会覆盖已有的文件，请换一个文件名（确需覆盖请加 --force）`);
  }
}

// ------------------------------------------------------------------ writing

/** The file-system calls a write makes; tests replace them to simulate a full disk or a locked file. */
export interface WriteOps {
  writeBytes(handle: FileHandle, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  tempName(target: string): string;
  platform: Platform;
}

const DEFAULT_OPS: WriteOps = {
  async writeBytes(handle, bytes) {
    await handle.writeFile(bytes);
    // Some disks (network shares, quotas) report a full disk only when the data is flushed.
    await handle.sync();
  },
  rename,
  tempName: (target) => tempNameFor(target),
  platform: process.platform,
};

export interface WriteOptions {
  /** Replace an existing file (the command's --force). */
  force?: boolean;
  ops?: Partial<WriteOps>;
}

/** A temp name beside the target that nobody can guess in advance (so nobody can plant a link there). */
export function tempNameFor(target: string): string {
  // Long names are cut so that the temp name stays within the 255-byte limit of most file systems.
  const base = basename(target).slice(0, 60);
  return join(dirname(resolve(target)), `.${base}.${randomBytes(9).toString('hex')}.jx-tmp`);
}

interface Staged {
  target: string;
  tmp: string;
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

async function stage(target: string, bytes: Uint8Array, ops: WriteOps): Promise<Staged> {
  let handle: FileHandle | undefined;
  let tmp = '';
  let step: WriteStep = 'create';
  try {
    // 'wx' = O_CREAT | O_EXCL: fails if anything, even a dangling symlink, is already there; never follows one.
    for (let attempt = 0; ; attempt++) {
      tmp = ops.tempName(target);
      try {
        handle = await open(tmp, 'wx', 0o644);
        break;
      } catch (e) {
        if (errCode(e) !== 'EEXIST' || attempt >= 3) throw e;
      }
    }
    step = 'write';
    await ops.writeBytes(handle, bytes);
    const h = handle;
    handle = undefined;
    await h.close();
    return { target, tmp };
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    if (step !== 'create') await removeQuietly(tmp);
    throw new CliFailure(writeFailureMessage(e, target, step, ops.platform));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function commit(s: Staged, force: boolean, ops: WriteOps): Promise<void> {
  const existed = await exists(s.target);
  // Checked again just before replacing: the target may have appeared while the work was done.
  if (existed && !force) {
    await removeQuietly(s.tmp);
    throw new CliFailure(`${s.target} 已存在：匠选不会覆盖已有的文件，请换一个文件名（确需覆盖请加 --force）`);
  }
  try {
    // rename replaces a symlink at the target itself, never the file it points to.
    await ops.rename(s.tmp, s.target);
  } catch (e) {
    await removeQuietly(s.tmp);
    throw new CliFailure(writeFailureMessage(e, s.target, 'replace', ops.platform, existed));
  }
}

/** Writes one file safely (see the top of this file). Throws a one-line CliFailure; leaves nothing behind on failure. */
export async function writeOutputFile(path: string, bytes: Uint8Array, options: WriteOptions = {}): Promise<void> {
  await writeOutputFiles([{ path, bytes }], options);
}

/**
 * Writes several files: all of them are staged first, then renamed into place, so that a full disk leaves none of
 * them (and no temp file) behind. When a rename fails the files already in place are named in the message.
 */
export async function writeOutputFiles(files: readonly { path: string; bytes: Uint8Array }[], options: WriteOptions = {}): Promise<void> {
  const ops: WriteOps = { ...DEFAULT_OPS, ...options.ops };
  const staged: Staged[] = [];
  try {
    for (const f of files) staged.push(await stage(f.path, f.bytes, ops));
  } catch (e) {
    for (const s of staged) await removeQuietly(s.tmp);
    throw e;
  }
  let done = 0;
  try {
    for (const s of staged) {
      await commit(s, !!options.force, ops);
      done++;
    }
  } catch (e) {
    for (const s of staged.slice(done + 1)) await removeQuietly(s.tmp);
    if (done > 0 && e instanceof CliFailure) {
      throw new CliFailure(`${e.message}（已保存 ${done} 个文件，其余 ${staged.length - done} 个未保存）`, e.exitCode);
    }
    throw e;
  }
}

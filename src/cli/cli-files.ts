/** Reading inputs and writing outputs for every command: clear one-line errors, never half a file. */
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliFailure } from './cli-failure';

export interface InputFile {
  name: string;
  bytes: Buffer;
  lastModified: number;
}

/**
 * Reads a workbook the user named; `what` names it in messages ("专家名单"). A missing file or a folder is a
 * CliFailure (exit 2) saying what to do.
 */
export async function readInputFile(file: string, what = '文件'): Promise<InputFile> {
  let s;
  try {
    s = await stat(file);
  } catch {
    throw new CliFailure(`找不到${what} ${file}：请检查路径和文件名`);
  }
  if (s.isDirectory()) throw new CliFailure(`${what === '文件' ? '' : what + ' '}${file} 是文件夹，不是工作簿：请指定一个工作簿文件（.xlsx、.xls、.et、.ods 或 .csv）`);
  return { name: basename(file), bytes: await readFile(file), lastModified: s.mtimeMs };
}

/** Written beside the target first, then renamed: a failure never leaves half a file. */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    throw new CliFailure(`无法写入 ${path}：${e instanceof Error ? e.message : e}（文件是否正在 Excel 中打开？）`);
  }
}

/** The user's output must never be one of the inputs: Jiangxuan does not rewrite the user's files. */
export function refuseOverwritingInput(out: string, inputs: readonly (string | undefined)[]): void {
  for (const input of inputs) {
    if (input && resolve(input) === resolve(out)) throw new CliFailure('--out 不能是输入文件本身：匠选从不改写原文件，请另起一个文件名');
  }
}

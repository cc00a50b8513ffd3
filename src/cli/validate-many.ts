/**
 * `jiangxuan validate <files|folders…>`: one file as before (validate-command.ts, its report and JSON unchanged);
 * several files or a folder (a whole inbox, one workbook per recommending unit) in one run: every file is checked
 * on its own, then combined by the core (check/combine-files.ts: people listed in several files, per-unit totals).
 * A file that cannot be read is named with its reason and the others go on. Exit code: the worst of all files.
 * --out is then a folder: one annotated .xlsx copy per checked file, never over an input, written all or none.
 */
import { readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Lang, Localized } from '../core/model/findings';
import type { Profile } from '../core/profiles/schema';
import { readWorkbookBytes } from '../adapters/files/read-workbook';
import { checkWorkbook, describeChoice } from '../core/check/check-workbook';
import { isCheckError } from '../core/check/failures';
import { combineFiles, FileToCombine } from '../core/check/combine-files';
import { combinedJson, formatCombinedReport } from '../core/report/combined-report';
import { fromJsDate } from '../core/model/dates';
import { annotatedFileName } from '../taskpane/file-name';
import { CliFailure, EXIT_ERRORS_FOUND, EXIT_OK, EXIT_UNUSABLE } from './cli-failure';
import { checkOutputFile, fileIdentity, FileIdentity, readFailure, sameFile, writeFailureMessage, writeOutputFiles } from './cli-files';
import { writeJson, writeProgress, writeText } from './cli-output';
import { collectInputs, displayPath, type FoundInput } from './collect-inputs';
import { profileFromOptions } from './load-profile-file';
import { annotatedCopy, runValidate, type ValidateCliOptions } from './validate-command';

export type { ValidateCliOptions };

/** What a folder's files are read as: every format readWorkbookBytes opens (.txt only when named explicitly). */
const WORKBOOK_FILE = /\.(xlsx|xlsm|xls|et|ods|xlsb|csv|tsv)$/i;

function skipReason(name: string): string {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt') return '文本文件：如是导出的表格，请直接指定这个文件';
  if (ext === 'pdf') return 'PDF 文件不能校验：请对方单位提供表格文件（.xlsx 等）';
  if (ext === 'zip' || ext === 'rar' || ext === '7z') return '压缩包：请先解压到这个文件夹';
  return ext ? `不是表格文件（.${ext}）` : '不是表格文件（没有扩展名）';
}

/** One file, or several / a folder. */
export async function runValidateMany(paths: string[], opts: ValidateCliOptions): Promise<number> {
  if (paths.length === 1 && !(await isFolder(paths[0]))) return runValidate(paths[0], opts);
  return validateMany(paths, opts);
}

async function isFolder(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** A file the run found: where it is, how it is named in the report, and what its check gave. */
interface Checked {
  path: string;
  name: string;
  input: FileToCombine;
  programNote?: string;
  /** Kept for the annotated copy. */
  bytes?: Uint8Array;
  programName?: string;
}

async function validateMany(paths: string[], opts: ValidateCliOptions): Promise<number> {
  const lang = opts.lang;
  const outDir = opts.out ? await prepareOutFolder(opts.out, paths) : undefined;
  const profile = profileFromOptions(opts);
  const { files, skipped } = await collectInputs(paths, {
    accept: WORKBOOK_FILE,
    skipReason,
    skipDirs: outDir ? [outDir.id] : [],
  });
  if (!files.length) {
    const also = skipped.length ? `（另有 ${skipped.length} 个其他文件：${skipped.slice(0, 3).map((s) => s.file).join('、')}${skipped.length > 3 ? ' 等' : ''}）` : '';
    const where = paths.length === 1 ? `${paths[0]} 是文件夹，其中` : `${paths.join('、')} 中`;
    throw new CliFailure(`${where}没有找到表格文件（.xlsx、.xls、.et、.ods、.csv）${also}：请指定工作簿文件，或把要校验的文件放进去`);
  }
  // Every copy's name is known and checked before any work: an existing file stops the run at once.
  const targets = outDir ? planTargets(outDir.path, files) : [];
  for (const t of targets) if (t) await checkOutputFile(t, { inputs: [...files.map((x) => x.path), opts.profile], force: opts.force, example: '标注版.xlsx' });
  const progress = process.stderr.isTTY && files.length > 1;
  const checked: Checked[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    checked.push(await checkOne(f.path, displayPath(f.path), f.unreadable ?? readBytes(f.path), profile, opts, !!outDir));
    if (progress) writeProgress(`\r${lang === 'zh' ? '已校验' : 'Checked'} ${checked.length}/${files.length}`);
  }
  if (progress) writeProgress('\r\x1b[K');

  const combined = combineFiles(checked.map((c) => c.input));
  const saved: (string | undefined)[] = checked.map(() => undefined);
  if (outDir) {
    const copies: { path: string; bytes: Uint8Array }[] = [];
    for (let i = 0; i < checked.length; i++) {
      const c = checked[i];
      const target = targets[i];
      if (!c.bytes || !target) continue;
      const copy = await annotatedCopy()(c.bytes, combined.files[i].findings, { lang, programName: c.programName ?? '', name: basename(c.path) });
      copies.push({ path: target, bytes: copy.bytes });
      saved[i] = target;
    }
    await writeOutputFiles(copies, { force: opts.force });
  }

  if (opts.format === 'json') {
    writeJson(combinedJson(combined, lang, saved.map((s) => (s ? { annotated: s } : undefined))));
  } else {
    writeText(
      formatCombinedReport(
        combined,
        {
          programNotes: checked.map((c) => c.programNote),
          fileNotes: saved.map((s) => s && (lang === 'zh' ? `标注版已保存：${s}` : `Annotated copy saved: ${s}`)),
          skipped: skippedLines(skipped, lang),
        },
        lang,
      ),
    );
  }
  return combined.worst === 'unusable' ? EXIT_UNUSABLE : combined.worst === 'errors' ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/**
 * A file's bytes, or why they could not be read. Read at once rather than on the thread pool while the previous
 * file is checked: an inbox is mostly small files, whose four pool turns each (open, stat, read, close) waited
 * longer than reading them (100 files: ~35 ms waiting against ~4 ms read straight), and nothing else runs meanwhile.
 */
function readBytes(path: string): Uint8Array | Localized {
  try {
    return readFileSync(path);
  } catch (e) {
    return readFailure(e);
  }
}

/** Reads and checks one file; any failure of that file is its entry's reason, never the run's end. */
async function checkOne(path: string, name: string, read: Uint8Array | Localized, profile: Profile | undefined, opts: ValidateCliOptions, keepBytes: boolean): Promise<Checked> {
  const lang = opts.lang;
  if (!(read instanceof Uint8Array)) return { path, name, input: { name, failure: read } };
  const bytes = read;
  try {
    const grid = await readWorkbookBytes(bytes, { name: basename(path) });
    const outcome = checkWorkbook(grid, { profile, asOf: opts.asOf, today: fromJsDate(new Date()) });
    const choice = describeChoice(outcome);
    const c: Checked = { path, name, input: { name, result: outcome.result }, programName: outcome.profile.name[lang] };
    if (choice) c.programNote = `${choice[lang]}${lang === 'zh' ? '；如不对请用 --program 指定' : '; use --program to override'}`;
    if (keepBytes) c.bytes = bytes;
    return c;
  } catch (e) {
    if (isCheckError(e)) {
      // The date is the user's option: wrong for every file alike.
      if (e.failure.code === 'bad-date') throw new CliFailure(`--as-of ${e.localized[lang]}`);
      return { path, name, input: { name, failure: e.localized } };
    }
    const why = e instanceof Error ? e.message : String(e);
    const failure: Localized = { zh: `匠选无法处理这个文件（${why}），请把文件反馈给维护人员`, en: `Jiangxuan could not process this file (${why}); please report it` };
    return { path, name, input: { name, failure } };
  }
}

/** --out with several files is a folder: created when missing, never a file. */
async function prepareOutFolder(out: string, inputs: readonly string[]): Promise<{ path: string; id: FileIdentity }> {
  if (/\.xlsx$/i.test(out)) throw new CliFailure(`--out ${out}：校验多个文件时 --out 是存放标注版的文件夹（每个文件一份），如 --out 标注版/`);
  const s = await stat(out).catch((e: unknown) => e as NodeJS.ErrnoException);
  if (s instanceof Error) {
    if (s.code !== 'ENOENT') throw new CliFailure(writeFailureMessage(s, join(out, '标注版.xlsx'), 'create'));
    try {
      await mkdir(out, { recursive: true });
    } catch (e) {
      throw new CliFailure(writeFailureMessage(e, join(out, '标注版.xlsx'), 'create'));
    }
  } else if (!s.isDirectory()) {
    throw new CliFailure(`--out ${out} 是文件：校验多个文件时 --out 是存放标注版的文件夹`);
  }
  const id = await fileIdentity(out);
  if (!id) throw new CliFailure(`无法打开文件夹 ${out}`);
  for (const i of inputs) {
    const inId = await fileIdentity(i);
    // A subfolder of an input folder is fine (it is not read); the input folder itself would hide every file.
    if (inId && sameFile(inId, id)) throw new CliFailure(`--out ${out} 就是要校验的文件夹：标注版请另存到一个新文件夹，如 --out 标注版/`);
  }
  return { path: out, id };
}

/** "甲局.xls" → "<out>/甲局-标注.xlsx" (the page's download name); two inputs with one name get "-标注 (2).xlsx". */
function planTargets(outDir: string, files: readonly FoundInput[]): (string | undefined)[] {
  const used = new Set<string>();
  return files.map((c) => {
    if (c.unreadable) return undefined;
    const first = annotatedFileName(c.path);
    let name = first;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = first.replace(/\.xlsx$/, ` (${n}).xlsx`);
    used.add(name.toLowerCase());
    return join(outDir, name);
  });
}

function skippedLines(skipped: readonly { file: string; reason: string }[], lang: Lang): string[] {
  if (!skipped.length) return [];
  const head = lang === 'zh' ? `未读取 ${skipped.length} 个文件（不是表格）：` : `${skipped.length} file(s) not read (not workbooks):`;
  return [head, ...skipped.map((s) => `  ${s.file}：${s.reason}`)];
}

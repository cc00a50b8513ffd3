/**
 * `jiangxuan scoresheets`, `jiangxuan consolidate` and `jiangxuan finalize`. The file system lives here only: the
 * work is done on bytes by src/adapters/exceljs/scoring (shared with the task pane).
 *
 * scoresheets: exit 0 when every candidate can be scored, 1 when some candidate has no expert (the sheets are
 *   still written and the reason is printed), 2 for unusable input. The experts' sheets go to <out>/评分表/, the
 *   organiser's key to <out>/评分安排（内部，勿外发）/.
 * consolidate: exit 0 when every file was usable, 1 when some file was rejected (results still written),
 *   2 when nothing was usable (no result file), the input is unusable, or the round's key file is missing or
 *   damaged and --no-key was not given.
 * finalize: exit 0 with the 定稿 copy written (or, with --check, its hash matching), 1 when --check finds the
 *   contents changed, 2 for a file that is not a result workbook.
 * The commands are declared in register-commands.ts, which loads this file only when one of them runs.
 */
import { readFile, stat, mkdir, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Lang, Localized } from '../core/model/findings';
import type { Profile } from '../core/profiles/schema';
import { isScoringInputError } from '../core/scoring/problems';
import { RubricError } from '../core/scoring/rubric';
import { BUILTIN_PROFILE_IDS } from '../core/profiles/builtin-profiles';
import { generateScoreSheets } from '../adapters/exceljs/scoring/generate';
import { consolidateScoreFiles, consolidationExitCode, ReturnedBytes } from '../adapters/exceljs/scoring/consolidate-files';
import { readScoreFile } from '../adapters/exceljs/scoring/scoresheet-reader';
import { isWorkbookReadError } from '../adapters/exceljs/errors';
import { roundContext } from '../core/scoring/consolidate-round';
import { writeResultWorkbook } from '../adapters/exceljs/scoring/result-writer';
import { checkFinalWorkbook, FinalizeError, finalizeResultWorkbook } from '../adapters/exceljs/scoring/finalize';
import { readMetaSheet } from '../adapters/exceljs/scoring/meta-sheet';
import { openLiteWorkbook } from '../adapters/exceljs/scoring/xlsx-lite';
import { consolidationJson, consolidationText } from '../core/scoring/consolidation-report';
import { CliFailure, EXIT_ERRORS_FOUND, EXIT_OK, EXIT_UNUSABLE } from './cli-failure';
import { checkOutputFile, readFailure, readInputFile, writeFailureMessage, writeOutputFile, writeOutputFiles, writesAnInput } from './cli-files';
import { writeJson, writeProgress, writeText } from './cli-output';
import { profileFromOptions } from './load-profile-file';
import { collectInputs, displayPath, FoundInput, SkippedFile } from './collect-inputs';

export type { SkippedFile };

export interface ScoresheetsCliOptions {
  program?: string;
  profile?: string;
  candidates: string;
  experts: string;
  out: string;
  round?: string;
  blind?: boolean;
  groupBy?: string;
  ballot?: boolean;
  force?: boolean;
}

export interface ConsolidateCliOptions {
  program?: string;
  profile?: string;
  out: string;
  format: 'text' | 'json';
  trim?: string;
  top?: string;
  round?: string;
  /** commander's --no-key: false when given. */
  key: boolean;
  lang: Lang;
  force?: boolean;
}

export interface FinalizeCliOptions {
  out?: string;
  check?: boolean;
  force?: boolean;
}

function requireProfile(opts: { program?: string; profile?: string }): Profile {
  const p = profileFromOptions(opts);
  if (!p) throw new CliFailure(`请用 --program 指定项目（可用：${BUILTIN_PROFILE_IDS.join('、')}），或用 --profile 指定配置文件`);
  return p;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Progress on stderr: a rewritten line on a terminal, one final line otherwise (only for many files). */
function progressReporter(verb: string, unit: string): { tick: (done: number, total: number) => void; end: (total: number) => void } {
  const tty = !!process.stderr.isTTY;
  const started = Date.now();
  let last = 0;
  return {
    tick(done, total) {
      if (!tty || total < 5) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      writeProgress(`\r${verb} ${done}/${total} …`);
    },
    end(total) {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (tty && total >= 5) writeProgress(`\r${verb} ${total}/${total}，用时 ${secs} 秒\n`);
      else if (!tty && total >= 10) writeProgress(`${verb}完成：${total} 个${unit}，用时 ${secs} 秒\n`);
    },
  };
}

function failureFrom(e: unknown): never {
  if (isScoringInputError(e)) throw new CliFailure(e.localized.zh);
  if (e instanceof RubricError) throw new CliFailure(e.localized.zh);
  throw e;
}

// ------------------------------------------------------------------ scoresheets

export async function runScoresheets(opts: ScoresheetsCliOptions): Promise<number> {
  const profile = requireProfile(opts);
  const outDir = resolve(opts.out);
  if ((await exists(outDir)) && !(await stat(outDir)).isDirectory()) throw new CliFailure(`--out ${opts.out} 是文件：请指定一个文件夹`);
  const candidates = await readInputFile(opts.candidates, '候选人文件');
  const experts = await readInputFile(opts.experts, '专家名单');
  const progress = progressReporter('生成评分表', '文件');
  let g;
  try {
    g = await generateScoreSheets({ profile, candidates, experts, round: opts.round, blind: opts.blind, groupBy: opts.groupBy, ballot: opts.ballot, onProgress: progress.tick });
  } catch (e) {
    failureFrom(e);
  }
  progress.end(g.sheets.length);
  const outputs = [...g.sheets, g.key].map((f) => ({ ...f, shown: join(f.folder, f.name), path: join(outDir, f.folder, f.name) }));
  const inputs = [opts.candidates, opts.experts, opts.profile];
  for (const o of outputs) {
    if (await writesAnInput(o.path, inputs)) throw new CliFailure(`输出文件 ${o.name} 就是输入文件（或指向它的链接）：匠选从不覆盖输入文件，请换一个 --out 文件夹`);
  }
  if (!opts.force) {
    const taken: string[] = [];
    for (const o of outputs) if (await exists(o.path)) taken.push(o.shown);
    if (taken.length) {
      throw new CliFailure(
        `${opts.out} 中已有 ${taken.length} 个同名文件（${taken.slice(0, 3).join('、')}${taken.length > 3 ? ' 等' : ''}）：已发出的评分表不应被覆盖（重新生成会改变批次，旧表交回后无法核对）；确需重新生成请加 --force，或换一个文件夹`,
      );
    }
  }
  // The experts' sheets and the key go to folders of their own under --out (so nobody sends the key by mistake).
  const made: string[] = [];
  try {
    for (const dir of new Set(outputs.map((o) => dirname(o.path)))) {
      const created = await mkdir(dir, { recursive: true });
      if (created) made.push(created);
    }
  } catch (e) {
    throw new CliFailure(writeFailureMessage(e, join(opts.out, outputs[0].shown), 'create'));
  }
  try {
    await writeOutputFiles(outputs, { force: opts.force });
  } catch (e) {
    // Folders this run made are removed again (only while empty): a failure leaves nothing behind.
    for (const o of outputs) {
      for (let d = dirname(o.path); made.some((m) => d === m || d.startsWith(m + sep)); d = dirname(d)) if (!(await rmdir(d).then(() => true, () => false))) break;
    }
    throw e;
  }

  const src = g.candidates.source;
  const lines: string[] = [];
  lines.push(`${profile.shortName.zh} · ${g.round} · ${g.mode === 'ballot' ? '名次投票表' : '评分表'}${g.blind ? '（盲评）' : ''}`);
  lines.push(`候选人 ${g.candidates.candidates.length} 名（${candidates.name} 工作表“${src.sheet}”第 ${src.firstRow}–${src.lastRow} 行）；专家 ${g.experts.experts.length} 位${g.grouped ? `，按“${opts.groupBy}”分组` : ''}；同单位回避 ${g.assignment.exclusions.length} 对`);
  lines.push('', `已生成 ${g.sheets.length} 份评分表（${join(opts.out, g.sheets[0]?.folder ?? '')}，分别发给各位专家）：`);
  for (const s of g.sheets) lines.push(`  ${s.name}  ${s.candidates} 名候选人${s.expert.email ? `  → ${s.expert.email}` : ''}`);
  lines.push(
    '',
    `评分安排：${join(opts.out, g.key.folder, g.key.name)}`,
    '  含本批次密钥、候选人姓名、各评分表的保护密码和回避名单：只留在组织方，切勿发给专家；汇总时与交回的评分表一并给出，匠选用它核实每份评分表的来源。',
  );
  if (g.problems.length) {
    lines.push('', '问题：');
    for (const p of g.problems) lines.push(`  ${p.severity === 'error' ? '错误' : '警告'}  ${p.message.zh}`);
  }
  writeText(lines.join('\n') + '\n');
  return g.problems.some((p) => p.severity === 'error') ? EXIT_ERRORS_FOUND : EXIT_OK;
}

// ------------------------------------------------------------------ consolidate

/** Formats a returned score sheet may come back in: as sent (.xlsx), or re-saved by WPS or LibreOffice. */
const SCORE_FILE = /\.(xlsx|xlsm|xls|et|ods|xlsb)$/i;

function skipReason(name: string): string {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return '文本/CSV 文件不能作为评分表（没有匠选的核对信息），请专家交回收到的评分表（.xlsx，或 WPS 另存的 .xls/.et）';
  if (ext === 'pdf') return 'PDF 文件不能汇总：请专家交回表格文件（收到的 .xlsx 评分表）';
  if (ext === 'zip' || ext === 'rar' || ext === '7z') return '压缩包：请先解压到这个文件夹';
  return ext ? `不是表格文件（.${ext}）` : '不是表格文件（没有扩展名）';
}

/**
 * Files given, and every spreadsheet under folders given (collect-inputs.ts). The --out file met in a folder
 * being read may be replaced only when it is an earlier result of ours, never a returned sheet.
 */
async function collectScoreFiles(paths: string[], out: string): Promise<{ files: FoundInput[]; skipped: SkippedFile[] }> {
  const { files, skipped, outFound } = await collectInputs(paths, {
    accept: SCORE_FILE,
    skipReason,
    out: { path: out, givenMessage: '--out 不能是输入文件本身：结果请另存为新文件' },
  });
  if (outFound !== undefined) {
    let ours = false;
    try {
      const meta = await readMetaSheet(await openLiteWorkbook(await readFile(outFound)));
      ours = meta?.parsed.kind === 'result';
    } catch {
      ours = false;
    }
    if (!ours) throw new CliFailure(`--out ${outFound} 是输入中的一个文件，不是匠选的汇总结果：匠选不会覆盖交回的文件，请另选结果文件名`);
  }
  return { files, skipped };
}

function skippedText(skipped: readonly SkippedFile[], lang: Lang): string {
  if (!skipped.length) return '';
  const head = lang === 'zh' ? `未读取 ${skipped.length} 个文件（不是评分表的格式）：` : `${skipped.length} file(s) not read (not a score-sheet format):`;
  return [head, ...skipped.map((s) => `  ${s.file}：${s.reason}`), ''].join('\n') + '\n';
}

/** Reads every file; one that cannot be read is kept as a rejected entry with its reason. */
async function readReturnedFiles(found: readonly FoundInput[]): Promise<ReturnedBytes[]> {
  const named: ReturnedBytes[] = [];
  for (const f of found) {
    const name = displayPath(f.path);
    if (f.unreadable) {
      named.push({ name, bytes: new Uint8Array(0), unreadable: f.unreadable });
      continue;
    }
    try {
      const s = await stat(f.path);
      named.push({ name, bytes: await readFile(f.path), lastModified: s.mtimeMs });
    } catch (e) {
      named.push({ name, bytes: new Uint8Array(0), unreadable: readFailure(e) });
    }
  }
  return named;
}

/** What a file that made the reader itself fail is told (the reader's own checks give precise reasons). */
const READER_FAILED: Localized = {
  zh: '文件中有匠选无法处理的内容，无法读取；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再交回',
  en: 'the file holds content Jiangxuan cannot process: open it in Excel or WPS, save it as .xlsx and return it again',
};

/**
 * Consolidates; should reading throw for a reason the reader does not foresee, the files are tried one by one and
 * those that fail are rejected alone, so that one damaged file never costs the others their result.
 */
async function consolidateIsolated(input: Parameters<typeof consolidateScoreFiles>[0]) {
  try {
    return await consolidateScoreFiles(input);
  } catch (e) {
    if (isScoringInputError(e) || e instanceof RubricError) throw e;
    const ctx = roundContext(input.profile, input.round);
    const files: ReturnedBytes[] = [];
    for (const f of input.files) {
      if (f.unreadable) {
        files.push(f);
        continue;
      }
      try {
        await readScoreFile(f.bytes, f.name, ctx);
        files.push(f);
      } catch (err) {
        files.push({ ...f, bytes: new Uint8Array(0), unreadable: isWorkbookReadError(err) ? err.localized : READER_FAILED });
      }
    }
    if (files.every((f, i) => f === input.files[i])) throw e; // no single file is to blame
    return consolidateScoreFiles({ ...input, files });
  }
}

function nonNegativeInt(v: string, name: string, min: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < min) throw new CliFailure(`${name} “${v}” 应为${min > 0 ? '正' : '非负'}整数`);
  return n;
}

export async function runConsolidate(paths: string[], opts: ConsolidateCliOptions): Promise<number> {
  const profile = requireProfile(opts);
  const trim = opts.trim !== undefined ? nonNegativeInt(opts.trim, '--trim', 0) : undefined;
  const top = opts.top !== undefined ? nonNegativeInt(opts.top, '--top', 1) : undefined;
  if (!/\.xlsx$/i.test(opts.out)) throw new CliFailure(`--out ${opts.out} 应是 .xlsx 文件名`);
  const { files: found, skipped } = await collectScoreFiles(paths, opts.out);
  if (!found.length) {
    const also = skipped.length ? `（另有 ${skipped.length} 个其他文件：${skipped.slice(0, 3).map((s) => s.file).join('、')}${skipped.length > 3 ? ' 等' : ''}）` : '';
    throw new CliFailure(`${paths.join('、')} 中没有找到评分表文件（.xlsx，或 WPS、LibreOffice 另存的 .xls、.et、.ods）${also}`);
  }
  await checkOutputFile(opts.out, { inputs: [opts.profile, ...found.map((f) => f.path)], force: opts.force, example: '评分结果.xlsx' });
  const named = await readReturnedFiles(found);
  const progress = progressReporter('读取', '文件');
  let c;
  try {
    c = await consolidateIsolated({ profile, files: named, round: opts.round, trim, top, allowUnverified: opts.key === false, onProgress: (d, t) => progress.tick(d, t) });
  } catch (e) {
    failureFrom(e);
  }
  progress.end(named.length);
  const code = consolidationExitCode(c);
  if (code !== EXIT_UNUSABLE) await writeOutputFile(opts.out, await writeResultWorkbook(c), { force: opts.force });
  if (opts.format === 'json') {
    writeJson({ ...consolidationJson(c, opts.lang), skipped, out: code !== EXIT_UNUSABLE ? opts.out : null });
  } else {
    writeText(skippedText(skipped, opts.lang) + consolidationText(c, opts.lang, code !== EXIT_UNUSABLE ? { out: opts.out } : {}));
    if (code === EXIT_UNUSABLE) {
      writeText(opts.lang === 'zh' ? '没有可用的评分表，未生成结果文件。\n' : 'No usable score sheet; no result file written.\n');
    }
  }
  return code;
}

// ------------------------------------------------------------------ finalize

/** `jiangxuan finalize 结果.xlsx [--out 定稿.xlsx]` writes the 定稿 copy; `--check 定稿.xlsx` recomputes its hash. */
export async function runFinalize(file: string, opts: FinalizeCliOptions): Promise<number> {
  const input = await readInputFile(file, '结果工作簿');
  try {
    if (opts.check) {
      const r = await checkFinalWorkbook(input.bytes);
      process.stdout.write(
        r.ok
          ? `定稿内容未被改动：内容校验码 ${r.actual}（定稿于 ${r.at.replace('T', ' ').slice(0, 16)}）\n请与签字页上记录的校验码核对。\n`
          : `定稿内容已被改动：记录的校验码 ${r.recorded}，现在的内容算得 ${r.actual}\n`,
      );
      return r.ok ? EXIT_OK : EXIT_ERRORS_FOUND;
    }
    const out = opts.out ?? join(dirname(file), basename(file).replace(/\.xlsx$/i, '') + '-定稿.xlsx');
    if (!/\.xlsx$/i.test(out)) throw new CliFailure(`--out ${out} 应是 .xlsx 文件名`);
    await checkOutputFile(out, { inputs: [file], force: opts.force, example: '评分结果-定稿.xlsx' });
    const r = await finalizeResultWorkbook(input.bytes);
    await writeOutputFile(out, r.bytes, { force: opts.force });
    process.stdout.write(
      `定稿已保存：${out}\n所有数字已固定为数值，各工作表已加保护。\n内容校验码（SHA-256）：${r.hash}\n请把这个校验码写在签字页上或另行存档；以后可用 jiangxuan finalize --check ${out} 核对文件是否被改动。\n`,
    );
    return EXIT_OK;
  } catch (e) {
    if (e instanceof FinalizeError) throw new CliFailure(`${file}：${e.localized.zh}`);
    throw e;
  }
}


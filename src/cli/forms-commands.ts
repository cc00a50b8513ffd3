/**
 * `jiangxuan forms read` (Word 申报表 or form sheets → a checked workbook), `jiangxuan forms write` (a workbook →
 * one printed form per nominee, the 汇总表 and the other tables) and `jiangxuan pack` (the e-mail package the notice
 * asks for). Inputs are files or folders (.docx, .xlsx); they are only read. Exit codes: 0 no errors, 1 errors
 * remain (pack: refused, unless --force), 2 unusable input (one line on stderr).
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding, Lang } from '../core/model/findings';
import { fromJsDate } from '../core/model/dates';
import { describeChoice } from '../core/check/check-workbook';
import { isCheckError } from '../core/check/failures';
import { formLabelOf } from '../core/forms/check-forms';
import { countsLine, severityLabel } from '../core/report/text-report';
import { groupByNominee } from '../core/report/nominee-groups';
import { ruleName } from '../core/rules/catalogue';
import { loadNominations, NoNominationsError, type InputFile, type Nominations } from '../adapters/forms/nominations';
import { nominationsWorkbook, packSubmission, printedForms, workbookFindings, type OutputFile } from '../adapters/forms/outputs';
import { SHEETS } from '../adapters/forms/details-workbook';
import { CliFailure, EXIT_ERRORS_FOUND, EXIT_OK } from './cli-failure';
import { checkOutputFile, readInputFile, writeOutputFile, writeOutputFiles, writesAnInput } from './cli-files';
import { profileFromOptions } from './load-profile-file';

export interface FormsCliOptions {
  program?: string;
  profile?: string;
  asOf?: string;
  out?: string;
  format?: 'text' | 'json';
  lang: Lang;
  force?: boolean;
  unit?: string;
  contact?: string;
  phone?: string;
  email?: string;
}

/** Word forms and the workbook formats the one file entry reads (CSV and text files in a mail folder are left out). */
const INPUT = /\.(docx|doc|xlsx|xlsm|xls|et|ods|xlsb)$/i;

/** Files named on the command line; a folder gives its .docx and .xlsx files (not Word's ~$ lock files). */
export async function collectInputs(paths: readonly string[]): Promise<{ files: InputFile[]; paths: string[] }> {
  const found: string[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      throw new CliFailure(`找不到 ${p}：请检查路径和文件名`);
    }
    if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => INPUT.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
      if (names.length === 0) throw new CliFailure(`文件夹 ${p} 里没有 Word 申报表（.docx）或工作簿（.xlsx、.xls 等）`);
      found.push(...names.map((n) => join(p, n)));
    } else found.push(p);
  }
  const files: InputFile[] = [];
  for (const f of found) {
    const { name, bytes } = await readInputFile(f);
    files.push({ name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  }
  return { files, paths: found };
}

async function load(inputs: string[], opts: FormsCliOptions): Promise<{ n: Nominations; paths: string[] }> {
  if (inputs.length === 0) throw new CliFailure('请指定 Word 申报表、工作簿或它们所在的文件夹');
  const profile = profileFromOptions(opts);
  const { files, paths } = await collectInputs(inputs);
  const footer = { unit: opts.unit, contact: opts.contact, phone: opts.phone, email: opts.email };
  try {
    const n = await loadNominations(files, { profile, asOf: opts.asOf, today: fromJsDate(new Date()), footer: Object.values(footer).some(Boolean) ? footer : undefined });
    return { n, paths };
  } catch (e) {
    if (e instanceof NoNominationsError) {
      // The reason per file on lines of their own (each escaped alone: a file name cannot forge a line).
      throw new CliFailure(e.localized[opts.lang], undefined, e.problems.map((p) => `  ${p.file}：${p.message[opts.lang]}`));
    }
    if (isCheckError(e)) throw new CliFailure(e.failure.code === 'bad-date' ? `--as-of ${e.localized[opts.lang]}` : e.localized[opts.lang]);
    throw e;
  }
}

/** Where a finding is, as a user finds it: "林晓.docx「身份证」", or "表1!B5「身份证」" on a sheet. */
function place(f: Finding, n: Nominations): string {
  const label = formLabelOf(f, n.outcome.forms ?? []);
  const isWord = /\.docx?$/i.test(f.sheet);
  if (isWord) return `${f.sheet}${label ? `「${label}」` : ''}`;
  return `${f.sheet}!${f.cell}${label ? `「${label}」` : ''}`;
}

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

function findingsText(findings: readonly Finding[], n: Nominations, lang: Lang): string[] {
  const lines: string[] = [];
  for (const g of groupByNominee(findings, n.outcome.result.nomineeOrder)) {
    lines.push('', `■ ${g.nominee ?? (lang === 'zh' ? '整体' : 'General')}`);
    for (const f of g.findings) lines.push(`  ${MARK[f.severity]} ${severityLabel(f.severity, lang)} ${place(f, n)}  ${f.message[lang]}  [${ruleName(f, lang)}]`);
  }
  return lines;
}

function allFindings(n: Nominations): Finding[] {
  return [...n.outcome.result.findings, ...n.statisticsFindings];
}

function counts(findings: readonly Finding[]) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function header(n: Nominations, inputs: readonly string[], lang: Lang): string[] {
  const zh = lang === 'zh';
  const choice = describeChoice(n.outcome);
  const lines = [
    zh ? `匠选申报表：${inputs.length} 个文件` : `Jiangxuan forms: ${inputs.length} files`,
    (zh ? '项目：' : 'Programme: ') + n.profile.name[lang] + (choice ? `（${choice[lang]}${zh ? '；如不对请用 --program 指定' : '; use --program to override'}）` : ''),
  ];
  const forms = n.nominees.filter((x) => x.from === 'form').length;
  const rows = n.nominees.length - forms;
  lines.push(zh ? `被推荐人：${n.nominees.length} 人（申报表 ${forms} 份${rows ? `，表格 ${rows} 行` : ''}）` : `Nominees: ${n.nominees.length} (${forms} forms${rows ? `, ${rows} table rows` : ''})`);
  for (const p of n.problems) lines.push(`${zh ? '无法读取' : 'Not read'}：${p.file}：${p.message[lang]}`);
  for (const t of n.statistics) for (const [k, d] of t.differs) lines.push(zh ? `注意：统计表“${k}”填的是 ${d.typed}，按申报信息统计为 ${d.counted}` : `Note: statistics "${k}" says ${d.typed}; the details count ${d.counted}`);
  return lines;
}

async function outFolder(out: string | undefined, what: string): Promise<string> {
  if (!out) throw new CliFailure(`请用 --out 指定${what}要放到的文件夹，如 --out 打印`);
  try {
    const s = await stat(out);
    if (!s.isDirectory()) throw new CliFailure(`--out ${out} 是文件，不是文件夹：请指定一个文件夹`);
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    await mkdir(out, { recursive: true });
  }
  return out;
}

/**
 * Writes files into a folder (the CLI's safe writes: all staged, then renamed into place). Nothing is written when a
 * target is an input or, without --force, already exists.
 */
async function writeAll(folder: string, files: readonly OutputFile[], inputs: readonly string[], force: boolean | undefined): Promise<void> {
  const targets = files.map((f) => ({ path: join(folder, ...f.path.split('/')), bytes: f.bytes }));
  for (const t of targets) {
    if (await writesAnInput(t.path, inputs)) throw new CliFailure(`--out 不能包含输入文件本身（${t.path}）：匠选从不改写原文件，请换一个文件夹`);
    if (!force && (await stat(t.path).then(() => true, () => false))) throw new CliFailure(`${t.path} 已存在：匠选不会覆盖已有的文件，请换一个 --out 文件夹（确需覆盖请加 --force）`);
  }
  for (const t of targets) await mkdir(dirname(t.path), { recursive: true });
  await writeOutputFiles(targets, { force });
}

export async function runFormsRead(inputs: string[], opts: FormsCliOptions): Promise<number> {
  const lang = opts.lang;
  if (!opts.out) throw new CliFailure('请用 --out 指定要生成的工作簿，如 --out 申报信息.xlsx');
  if (!/\.xlsx$/i.test(opts.out)) throw new CliFailure(`--out ${opts.out}：请写 .xlsx 文件名，如 --out 申报信息.xlsx`);
  const { n, paths } = await load(inputs, opts);
  await checkOutputFile(opts.out, { inputs: paths, force: opts.force, example: '申报信息.xlsx' });
  if (n.nominees.length === 0) throw new CliFailure(lang === 'zh' ? '文件中没有找到申报表或申报信息表' : 'No forms or details table found in the files');
  const bytes = await nominationsWorkbook(n);
  await writeOutputFile(opts.out, bytes, { force: opts.force });
  // The forms' own findings, and those of what the workbook adds (the 汇总表's footer, the 统计表).
  const made = (await workbookFindings(n, bytes, { today: fromJsDate(new Date()), asOf: opts.asOf })).filter((f) => f.sheet !== SHEETS.details).map((f) => ({ ...f, sheet: `${basename(opts.out!)} ${f.sheet}` }));
  const findings = [...n.outcome.result.findings, ...made];
  const c = counts(findings);
  if (opts.format === 'json') {
    process.stdout.write(
      JSON.stringify(
        {
          program: n.profile.id,
          out: opts.out,
          nominees: n.nominees.map((x) => ({ name: x.values.get('name') ?? null, from: x.record.sheet, kind: x.from })),
          problems: n.problems.map((p) => ({ file: p.file, message: p.message[lang] })),
          findings: findings.map((f) => ({ severity: f.severity, sheet: f.sheet, cell: f.cell, label: formLabelOf(f, n.outcome.forms ?? []) ?? null, rule: f.rule, ruleName: ruleName(f, lang), message: f.message[lang], nominee: f.nominee ?? null })),
          counts: c,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    const zh = lang === 'zh';
    const lines = [...header(n, paths, lang), (zh ? '结果：' : 'Result: ') + countsLine(c, lang), ...findingsText(findings, n, lang)];
    lines.push('', zh ? `已写出工作簿：${opts.out}（${n.profile.tables.summary ? '推荐汇总表、' : ''}申报信息${n.statistics.length ? '、统计表' : ''}）` : `Workbook written: ${opts.out}`);
    if (zh && made.some((f) => f.rule.startsWith('footer.'))) lines.push('汇总表落款可用 --unit、--contact、--phone、--email 填入，或在工作簿中补填。');
    if (zh && n.statistics.length) lines.push('统计表中匠选无法统计的数字，请在工作簿的“统计表”中填写。');
    if (zh) lines.push(`下一步：改正后打印申报表  npx jiangxuan forms write ${basename(opts.out)} --out 打印`, `      打包报送材料    npx jiangxuan pack ${basename(opts.out)} --out 报送`);
    process.stdout.write(lines.join('\n') + '\n');
  }
  return c.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}

export async function runFormsWrite(inputs: string[], opts: FormsCliOptions): Promise<number> {
  const lang = opts.lang;
  const { n, paths } = await load(inputs, opts);
  const folder = await outFolder(opts.out, '申报表');
  if (n.nominees.length === 0) throw new CliFailure('文件中没有找到申报信息（每人一行的明细表）或申报表，无法生成申报表');
  const files = await printedForms(n);
  await writeAll(folder, files, paths, opts.force);
  const findings = allFindings(n);
  const c = counts(findings);
  const zh = lang === 'zh';
  const lines = [...header(n, paths, lang)];
  lines.push(zh ? `已生成 ${files.length} 个文件到 ${folder}：` : `${files.length} files written to ${folder}:`);
  for (const f of files) lines.push(`  ${f.path}`);
  if (zh) lines.push(`申报表每份打印一式${['', '一', '二', '三', '四', '五'][n.profile.forms?.copies ?? 3] ?? n.profile.forms?.copies}份。`);
  if (c.error) {
    lines.push('', zh ? `!!! 注意：申报信息中还有 ${c.error} 个错误，打印前请先改正 !!!` : `!!! ${c.error} errors remain in the details: correct them before printing !!!`, ...findingsText(findings.filter((f) => f.severity === 'error'), n, lang));
  }
  process.stdout.write(lines.join('\n') + '\n');
  return c.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}

export async function runPack(inputs: string[], opts: FormsCliOptions): Promise<number> {
  const lang = opts.lang;
  const zh = lang === 'zh';
  const { n, paths } = await load(inputs, opts);
  if (n.nominees.length === 0) throw new CliFailure('文件中没有找到申报信息或申报表，无法打包');
  if (!opts.out) throw new CliFailure('请用 --out 指定报送材料要放到的文件夹，如 --out 报送');
  const pack = await packSubmission(n, { force: opts.force, lang, today: fromJsDate(new Date()), asOf: opts.asOf });
  const lines = [...header(n, paths, lang), (zh ? '结果：' : 'Result: ') + countsLine(pack.counts, lang)];
  if (pack.refused) {
    lines.push('', zh ? `没有打包：还有 ${pack.counts.error} 个错误。请先改正，或确需先报送时加 --force。` : `Not packed: ${pack.counts.error} errors remain. Correct them, or add --force.`);
    lines.push(...findingsText(pack.findings.filter((f) => f.severity === 'error'), n, lang));
    process.stdout.write(lines.join('\n') + '\n');
    return EXIT_ERRORS_FOUND;
  }
  // The folder is made only for a package (a refused one leaves nothing behind).
  const folder = await outFolder(opts.out, '报送材料');
  const zipPath = join(folder, `${pack.name}.zip`);
  await checkOutputFile(zipPath, { inputs: paths, force: opts.force, example: `${pack.name}.zip` });
  await writeAll(join(folder, pack.name), pack.files, paths, opts.force);
  await writeOutputFile(zipPath, pack.zip!, { force: opts.force });
  if (pack.counts.error) {
    lines.push('', zh ? `!!!!!! 警告：仍有 ${pack.counts.error} 个错误（--force），已照样打包；问题清单见“校验问题（尚未改正）.xlsx” !!!!!!` : `!!!!!! WARNING: ${pack.counts.error} errors remain (--force); packed anyway, see the annotated workbook !!!!!!`);
  }
  lines.push(zh ? `已生成报送包：${join(folder, pack.name)}（${pack.files.length} 个文件）` : `Package: ${join(folder, pack.name)} (${pack.files.length} files)`);
  lines.push(zh ? `邮件附件：${resolve(zipPath)}` : `Attach: ${resolve(zipPath)}`);
  for (const f of pack.files) lines.push(`  ${f.path}`);
  if (zh && n.profile.submission.email) lines.push(`请把 zip 发送至 ${n.profile.submission.email}（邮件正文见“报送邮件.txt”），纸质材料按“报送清单.docx”备齐。`);
  process.stdout.write(lines.join('\n') + '\n');
  return pack.counts.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}

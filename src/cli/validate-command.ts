import { basename } from 'node:path';
import { readInputFile, refuseOverwritingInput, writeFileAtomically } from './cli-files';
import { readWorkbookBuffer, isWorkbookReadError } from '../adapters/exceljs/read-workbook';
import { annotateWorkbook } from '../adapters/exceljs/annotate';
import { allBuiltinProfiles } from '../core/profiles/builtin-profiles';
import { CheckWorkbookError, checkWorkbookGrid, describeTables } from '../core/rules/check-workbook';
import { formatTextReport, jsonReport } from '../core/report/text-report';
import { fromJsDate, parseIsoDate } from '../core/model/dates';
import { Lang } from '../core/model/findings';
import { CliFailure, EXIT_ERRORS_FOUND, EXIT_OK } from './cli-failure';
import { profileFromOptions } from './load-profile-file';

export interface ValidateCliOptions {
  program?: string;
  profile?: string;
  asOf?: string;
  format: 'text' | 'json';
  out?: string;
  lang: Lang;
}

export async function runValidate(file: string, opts: ValidateCliOptions): Promise<number> {
  const lang = opts.lang;
  const asOf = opts.asOf ? parseIsoDate(opts.asOf) : undefined;
  if (opts.asOf && !asOf) throw new CliFailure(`--as-of “${opts.asOf}” 不是有效日期，请写成 YYYY-MM-DD，如 2025-03-28`);
  if (opts.out) refuseOverwritingInput(opts.out, [file]);
  const chosen = profileFromOptions(opts);
  const { bytes } = await readInputFile(file);
  let grid;
  try {
    grid = await readWorkbookBuffer(bytes);
  } catch (e) {
    if (isWorkbookReadError(e)) throw new CliFailure(`${basename(file)}：${e.localized[lang]}`);
    throw e;
  }
  let checked;
  try {
    checked = checkWorkbookGrid(grid, { profiles: allBuiltinProfiles(), profile: chosen, asOf, today: fromJsDate(new Date()) });
  } catch (e) {
    if (!(e instanceof CheckWorkbookError)) throw e;
    const f = e.failure;
    throw new CliFailure(
      f.code === 'no-program'
        ? `${basename(file)}：找不到可识别的表格。需要一行表头，如推荐汇总表“序号 | 所在单位名称 | 姓名 | 所在岗位名称 | 职务、职称/技能等级”，或申报信息表“姓名 | 性别 | 身份证 | …”`
        : `${basename(file)}：没有找到“${f.profile.shortName.zh}”的表格，需要含以下栏目的表头：${describeTables(f.profile)}`,
    );
  }
  const { result, profile } = checked;
  const programNote =
    checked.how === 'chosen'
      ? undefined
      : checked.how === 'title'
        ? lang === 'zh' ? `从标题“${checked.evidence}”识别；如不对请用 --program 指定` : `detected from the title "${checked.evidence}"; use --program to override`
        : lang === 'zh' ? '标题中没有项目名称，按表头最接近的项目校验；如不对请用 --program 指定' : 'no programme named in the titles; chosen by the headers; use --program to override';
  if (opts.out) {
    const annotated = await annotateWorkbook(bytes, result.findings, { lang, programName: profile.name[lang] });
    await writeFileAtomically(opts.out, annotated);
  }
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify(jsonReport(result, lang, opts.out ? { annotated: opts.out } : {}), null, 2) + '\n');
  } else {
    let text = formatTextReport(result, { file: basename(file), programNote }, lang);
    if (opts.out) text += (lang === 'zh' ? `\n标注版已保存：${opts.out}\n` : `\nAnnotated copy saved: ${opts.out}\n`);
    process.stdout.write(text);
  }
  return result.counts.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}

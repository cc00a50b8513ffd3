import { basename } from 'node:path';
import { checkOutputFile, readInputFile, writeOutputFile } from './cli-files';
import { writeJson, writeText } from './cli-output';
import { readWorkbookBytes } from '../adapters/files/read-workbook';
import { checkWorkbook, describeChoice } from '../core/check/check-workbook';
import { isCheckError } from '../core/check/failures';
import { formatTextReport, jsonReport } from '../core/report/text-report';
import { fromJsDate } from '../core/model/dates';
import { Lang } from '../core/model/findings';
import { CliFailure, EXIT_ERRORS_FOUND, EXIT_OK } from './cli-failure';
import { profileFromOptions } from './load-profile-file';

/** exceljs (and SheetJS) only for --out: a plain check does not load them. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const annotatedCopy = (): (typeof import('../adapters/files/annotated-copy'))['annotatedCopy'] => require('../adapters/files/annotated-copy').annotatedCopy;

export interface ValidateCliOptions {
  program?: string;
  profile?: string;
  asOf?: string;
  format: 'text' | 'json';
  out?: string;
  force?: boolean;
  lang: Lang;
}

export async function runValidate(file: string, opts: ValidateCliOptions): Promise<number> {
  const lang = opts.lang;
  if (opts.out) await checkOutputFile(opts.out, { inputs: [file, opts.profile], force: opts.force, example: '标注版.xlsx' });
  if (opts.out) {
    // The copy is always an .xlsx workbook, whatever the input: a name saying otherwise would mislead Excel and
    // the user (and "x.xls" holding xlsx bytes opens with a warning).
    if (!/\.xlsx$/i.test(opts.out)) {
      throw new CliFailure(
        lang === 'zh'
          ? `--out ${opts.out}：标注版总是 .xlsx 工作簿，请用以 .xlsx 结尾的文件名，如 ${suggestXlsxName(opts.out)}`
          : `--out ${opts.out}: the annotated copy is always an .xlsx workbook; use a name ending in .xlsx, such as ${suggestXlsxName(opts.out)}`,
      );
    }
  }
  const chosen = profileFromOptions(opts);
  let input: Uint8Array | undefined = (await readInputFile(file)).bytes;
  // Only the annotated copy reads the file again: without --out its bytes are let go before the check (31 MB at
  // 100,000 nominees, while the check's own memory is at its peak).
  const bytes = opts.out ? input : undefined;
  let checked;
  try {
    // The same door as the pane and the add-in: grid → checkWorkbook → outcome, failures worded by the core.
    const grid = await readWorkbookBytes(input, { name: basename(file) });
    input = undefined;
    checked = checkWorkbook(grid, { profile: chosen, asOf: opts.asOf, today: fromJsDate(new Date()) });
  } catch (e) {
    if (!isCheckError(e)) throw e;
    const f = e.failure;
    // A bad date is the user's option, not the file's.
    throw new CliFailure(f.code === 'bad-date' ? `--as-of ${e.localized[lang]}` : `${basename(file)}：${e.localized[lang]}`);
  }
  const { result, profile } = checked;
  const choice = describeChoice(checked);
  const programNote = choice && `${choice[lang]}${lang === 'zh' ? '；如不对请用 --program 指定' : '; use --program to override'}`;
  let converted = false;
  if (opts.out) {
    let copy;
    try {
      copy = await annotatedCopy()(bytes!, result.findings, { lang, programName: profile.name[lang], name: basename(file) });
    } catch (e) {
      // Over the budget of the annotated copy's model (表格过大…): said as such, in one line.
      if (!isCheckError(e)) throw e;
      throw new CliFailure(`${basename(file)}：${e.localized[lang]}`);
    }
    converted = copy.converted;
    await writeOutputFile(opts.out, copy.bytes, { force: opts.force });
  }
  if (opts.format === 'json') {
    writeJson(jsonReport(result, lang, opts.out ? { annotated: opts.out } : {}));
  } else {
    let text = formatTextReport(result, { file: basename(file), programNote }, lang);
    if (opts.out) text += `\n${savedLine(opts.out, basename(file), converted, lang)}\n`;
    writeText(text);
  }
  return result.counts.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/** "x.xls" → "x.xlsx", "x" → "x.xlsx". */
function suggestXlsxName(out: string): string {
  return out.replace(/\.(xls|xlsm|xlsb|et|ods|csv|txt|tsv)$/i, '') + '.xlsx';
}

function savedLine(out: string, input: string, converted: boolean, lang: Lang): string {
  if (!converted) return lang === 'zh' ? `标注版已保存：${out}` : `Annotated copy saved: ${out}`;
  return lang === 'zh'
    ? `标注版已保存：${out}（${input} 不是 .xlsx 文件，标注版另存为 .xlsx 工作簿；原文件未改动）`
    : `Annotated copy saved: ${out} (${input} is not an .xlsx file, so the copy is an .xlsx workbook; the original is unchanged)`;
}

import { basename } from 'node:path';
import { readInputFile, refuseOverwritingInput, writeFileAtomically } from './cli-files';
import { readWorkbookBytes } from '../adapters/files/read-workbook';
import { annotateWorkbook } from '../adapters/exceljs/annotate';
import { checkWorkbook, describeChoice } from '../core/check/check-workbook';
import { isCheckError } from '../core/check/failures';
import { formatTextReport, jsonReport } from '../core/report/text-report';
import { fromJsDate } from '../core/model/dates';
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
  if (opts.out) refuseOverwritingInput(opts.out, [file]);
  const chosen = profileFromOptions(opts);
  const { bytes } = await readInputFile(file);
  let checked;
  try {
    // The same door as the pane and the add-in: grid → checkWorkbook → outcome, failures worded by the core.
    checked = checkWorkbook(await readWorkbookBytes(bytes, { name: basename(file) }), { profile: chosen, asOf: opts.asOf, today: fromJsDate(new Date()) });
  } catch (e) {
    if (!isCheckError(e)) throw e;
    const f = e.failure;
    // A bad date is the user's option, not the file's.
    throw new CliFailure(f.code === 'bad-date' ? `--as-of ${e.localized[lang]}` : `${basename(file)}：${e.localized[lang]}`);
  }
  const { result, profile } = checked;
  const choice = describeChoice(checked);
  const programNote = choice && `${choice[lang]}${lang === 'zh' ? '；如不对请用 --program 指定' : '; use --program to override'}`;
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

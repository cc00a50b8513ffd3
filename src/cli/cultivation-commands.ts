/**
 * `jiangxuan cultivation` (a tracking workbook for the one-year cultivation period) and
 * `jiangxuan cultivation rollover` (next year's workbook with the trainees marked 继续培育).
 * Exit codes: 0 written, 2 unusable input (one Chinese line on stderr). Input files are only read; the output
 * is written beside its target first and renamed, and an existing file is not replaced without --force.
 * The commands are declared in register-commands.ts, which loads this file only when one of them runs.
 */
import { basename } from 'node:path';
import { createTrackingWorkbook, rolloverTrackingWorkbook } from '../adapters/exceljs/cultivation';
import { isWorkbookReadError } from '../adapters/exceljs/read-workbook';
import { CultivationCapacityError, CultivationDesignError } from '../core/cultivation/design';
import { NoTraineeTableError } from '../core/cultivation/trainees';
import { NoTrackingTableError, RolloverReport } from '../core/cultivation/rollover';
import { parseIsoDate, SimpleDate } from '../core/model/dates';
import { allBuiltinProfiles } from '../core/profiles/builtin-profiles';
import { Profile } from '../core/profiles/schema';
import { CliFailure, EXIT_OK } from './cli-failure';
import { checkOutputFile, readInputFile, writeOutputFile } from './cli-files';
import { writeText } from './cli-output';
import { profileFromOptions } from './load-profile-file';

export interface CultivationCliOptions {
  program?: string;
  profile?: string;
  trainees?: string;
  year?: string;
  start?: string;
  asOf?: string;
  out?: string;
  force?: boolean;
}

function cultivationProfile(opts: { program?: string; profile?: string }): Profile {
  const chosen = profileFromOptions(opts);
  const profile = chosen ?? allBuiltinProfiles().find((p) => p.kind === 'cultivation');
  if (!profile) throw new CliFailure('没有内置的培育项目配置，请用 --profile 指定');
  if (profile.kind !== 'cultivation') {
    const ids = allBuiltinProfiles()
      .filter((p) => p.kind === 'cultivation')
      .map((p) => p.id);
    throw new CliFailure(`“${profile.id}”是评选项目，不是培育项目：请用 --program ${ids[0] ?? 'sqc-cultivation-2026'}（或 --profile 指定培育项目配置）`);
  }
  return profile;
}

function parseYear(text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback === undefined) throw new CliFailure('请用 --year 指定新的培育年度，如 --year 2027');
    return fallback;
  }
  const y = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || y < 2000 || y > 2100) throw new CliFailure(`--year “${text}” 不是有效年度，请写四位数年份，如 2027`);
  return y;
}

function parseDate(text: string | undefined, option: string): SimpleDate | undefined {
  if (text === undefined) return undefined;
  const d = parseIsoDate(text);
  if (!d) throw new CliFailure(`${option} “${text}” 不是有效日期，请写成 YYYY-MM-DD，如 2026-04-01`);
  return d;
}

/** --out is required, is never an input file, and an existing file is replaced only with --force. */
async function checkOut(out: string | undefined, inputs: (string | undefined)[], force: boolean | undefined): Promise<string> {
  if (!out) throw new CliFailure('请用 --out 指定要生成的工作簿文件名，如 --out 培育跟踪2026.xlsx');
  await checkOutputFile(out, { inputs, force, example: '培育跟踪.xlsx' });
  return out;
}

function designFailure(e: unknown): never {
  if (e instanceof CultivationDesignError || e instanceof CultivationCapacityError) throw new CliFailure(e.message);
  throw e;
}

export async function runCultivation(opts: CultivationCliOptions): Promise<number> {
  const profile = cultivationProfile(opts);
  const year = parseYear(opts.year, profile.year);
  const periodStart = parseDate(opts.start, '--start');
  const asOf = parseDate(opts.asOf, '--as-of');
  const out = await checkOut(opts.out, [opts.trainees, opts.profile], opts.force);
  const nominees = opts.trainees ? (await readInputFile(opts.trainees)).bytes : undefined;
  let result;
  try {
    result = await createTrackingWorkbook({ profile, year, periodStart, asOf, nominees });
  } catch (e) {
    const name = basename(opts.trainees ?? '');
    if (isWorkbookReadError(e)) throw new CliFailure(`${name}：${e.localized.zh}`);
    if (e instanceof NoTraineeTableError) {
      throw new CliFailure(`${name}：找不到培育对象名单。需要一行表头，如“姓名 | 性别 | 身份证号码 | 工作单位”（推荐汇总表、申报信息表或培育对象清单均可）`);
    }
    designFailure(e);
  }
  await writeOutputFile(out, result.bytes, { force: opts.force });
  const from = result.source ? `，来自 ${basename(opts.trainees!)} 的工作表“${result.source.sheet}”` : '（空白，可直接填写培育对象清单）';
  writeText(
    `已生成${result.year}年度培育跟踪工作簿：${out}\n` +
      `  培育对象 ${result.trainees} 人${from}\n` +
      `  填写后检查：npx jiangxuan validate ${basename(out)} --program ${profile.id}\n`,
  );
  return EXIT_OK;
}

function rolloverText(r: RolloverReport, out: string): string {
  const lines = [`已结转到${r.toYear}年度：${out}`];
  lines.push(`  原培育对象清单 ${r.trainees} 人，其中“继续培育” ${r.carried.length} 人结转${r.carried.length ? `：${r.carried.map((c) => `${c.name}（自 ${c.start}）`).join('、')}` : ''}`);
  const left = Object.entries(r.notCarried);
  if (left.length) lines.push(`  未结转 ${left.reduce((n, [, c]) => n + c, 0)} 人：${left.map(([s, c]) => `${s} ${c}`).join('、')}`);
  const pending = (r.notCarried['培育中'] ?? 0) + (r.notCarried['期满待考评'] ?? 0) + (r.notCarried['未填'] ?? 0);
  if (pending) lines.push(`  注意：${pending} 人状态为“培育中”“期满待考评”或未填，没有结转；如需继续培育，请在原工作簿中把状态改为“继续培育”后重新结转`);
  const h = r.history;
  lines.push(`  历史记录（“历史·”工作表）：培育计划 ${h.plans} 条、培育档案 ${h.activities} 条、阶段考核 ${h.stageAssessments} 条、期满考评 ${h.finalAssessments} 条`);
  return lines.join('\n') + '\n';
}

export async function runRollover(file: string, opts: CultivationCliOptions): Promise<number> {
  const profile = cultivationProfile(opts);
  const year = parseYear(opts.year);
  const asOf = parseDate(opts.asOf, '--as-of');
  const out = await checkOut(opts.out, [file, opts.profile], opts.force);
  const { bytes } = await readInputFile(file);
  let result;
  try {
    result = await rolloverTrackingWorkbook(bytes, { profile, year, asOf });
  } catch (e) {
    if (isWorkbookReadError(e)) throw new CliFailure(`${basename(file)}：${e.localized.zh}`);
    if (e instanceof NoTrackingTableError) {
      throw new CliFailure(`${basename(file)}：不是培育跟踪工作簿，找不到“培育对象清单”（表头“姓名 | 身份证号码 | … | 培育状态”）；请指定用 jiangxuan cultivation 生成并填写的工作簿`);
    }
    designFailure(e);
  }
  if (result.report.fromYear !== undefined && year <= result.report.fromYear) {
    throw new CliFailure(`--year ${year} 应晚于原工作簿的培育年度 ${result.report.fromYear}，如 --year ${result.report.fromYear + 1}`);
  }
  await writeOutputFile(out, result.bytes, { force: opts.force });
  writeText(rolloverText(result.report, out));
  return EXIT_OK;
}

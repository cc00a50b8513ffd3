/**
 * The `cultivation` section of a cultivation programme's profile: the figures of its notice that the tracking
 * workbook uses (period length, targets, the titles and activity kinds it counts), checked with zod. A new
 * notice changes this section, never the code (src/core/cultivation reads it).
 */
import { z } from 'zod';
import type { FieldSpec } from './schema';

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '应写成 MM-DD，如 08-25')
  .refine((s) => Number(s.slice(3)) <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(s.slice(0, 2)) - 1], '没有这一天');

const count = z.number().int().nonnegative();

export const cultivationSchema = z.strictObject({
  $comment: z.string().optional(),
  /** The rules the notice publishes, as the workbook names them (e.g. 《上海质量工匠培育实施细则（试行稿）》). */
  rules: z.string().min(1),
  /** 培育期 in months; an empty 培育结束日期 means start + this (also the period of the workbook rules). */
  periodMonths: z.number().int().positive().max(120),
  /** Where the notice sets the period (e.g. 细则第八条：培育期一般为1年). */
  periodSource: z.string().min(1),
  /** What the programme aims at by a year: recognised 上海质量工匠 and 上海工匠, and the wider talent pool. */
  targets: z.strictObject({
    year: z.number().int().min(2000).max(2100),
    /** Where the notice sets them (e.g. 细则第二条). */
    source: z.string().min(1),
    qualityCraftsmen: count,
    shanghaiCraftsmen: count,
    talents: count,
    /** What the notice calls the wider pool the talents target counts (高水平质量技能型人才). */
    talentsName: z.string().min(1),
  }),
  /**
   * The titles counted towards the targets (options of the trainee list's 认定称号). A 上海工匠 is chosen from the
   * 上海质量工匠, so both count towards the 上海质量工匠 target.
   */
  titles: z.strictObject({ qualityCraftsman: z.string().min(1), shanghaiCraftsman: z.string().min(1) }),
  /** Final grades (期满考评的综合等次) that count a trainee towards the talent target. */
  talentGrades: z.array(z.string().min(1)).min(1),
  /** Kinds of cultivation activity the notice names: the options of the activity log's 活动类型. */
  activityKinds: z.array(z.string().min(1)).min(1),
  /** The kind reported on its own (质量工匠助企行) and the period it is counted over within each year. */
  service: z.strictObject({ activity: z.string().min(1), from: monthDay, due: monthDay, dueSource: z.string().min(1) }),
  /** 青年: at most this age (whole years) on the first day of the period. */
  youthMaxAge: z.number().int().positive().max(100),
  /** A trainee 培育中 without an activity for this many days is listed on the dashboard. */
  inactivityDays: z.number().int().positive().max(3650),
});
export type CultivationParams = z.output<typeof cultivationSchema>;

/** "08-25" → [8, 25]. */
export function monthDayOf(s: string): [number, number] {
  return [Number(s.slice(0, 2)), Number(s.slice(3, 5))];
}

/** Words of the section that must be options of the tables' fields, or the workbook's counts would find nothing. */
export function cultivationProblems(c: CultivationParams, fieldOf: (table: string, key: string) => FieldSpec | undefined): string[] {
  const problems: string[] = [];
  const check = (words: readonly string[], table: string, key: string, path: string) => {
    const field = fieldOf(table, key);
    if (!field) return; // a missing table or field is the workbook design's to report
    for (const w of words) if (!(field.options ?? []).includes(w)) problems.push(`cultivation.${path}: “${w}” 不是 tables.${table} 字段 ${key} 的选项`);
  };
  if (!c.activityKinds.includes(c.service.activity)) problems.push(`cultivation.service.activity: “${c.service.activity}” 不在 activityKinds 中`);
  check([c.titles.qualityCraftsman, c.titles.shanghaiCraftsman], 'details', 'recognisedTitle', 'titles');
  check(c.talentGrades, 'finalAssessments', 'overallGrade', 'talentGrades');
  return problems;
}

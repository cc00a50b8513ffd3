/**
 * The `forms` section of a selection programme's profile: the notice's paper forms as data — the 申报表's rows
 * (which labels stand beside which, in what order), the 推荐汇总表's title and note, the other tables a notice
 * attaches (上海工匠 附件3 统计表) and how the e-mailed package is named. Labels, options and text limits come
 * from the fields (builtin/fields.json and the profile's details table); this section only places them.
 * Checked with zod; a profile without it gets a plain layout derived from its details table (form-layout.ts).
 */
import { z } from 'zod';

/** A field on a form: its key, or the key with the words the notice prints instead of the field's label. */
export const formItemSchema = z.union([
  z.string().min(1),
  z.strictObject({
    field: z.string().min(1),
    /** Printed label, e.g. "个人自述（500字左右，包括技术特长、社会贡献等）". */
    label: z.string().min(1).optional(),
    /** Printed after the value and ignored when reading, e.g. "年" or "元/月". */
    suffix: z.string().min(1).optional(),
  }),
]);
export type FormItemInput = z.infer<typeof formItemSchema>;

/**
 * One row (or block of rows) of the form's table:
 * - `pairs`: label | value pairs side by side (at most three); a choice field's value shows every option as ☑/□;
 * - `forces`: one or two of the 工匠五力 side by side, each a label cell and the lines of its indicators
 *   (the details fields of that force, in their order: "☑ 勇挑重担：…", "是否获得专利：☑是 □否", "发明专利数：2");
 * - `questions`: numbered full-width lines "1.月工资实际到手收入：8000元/月" under an optional introduction;
 * - `opinion`: an opinion block (基层单位意见, 推荐单位意见) with 盖章 and date lines; `field` is the details
 *   field it is read into, absent for blocks only the organiser fills (市总工会审批意见);
 * - `heading`: a full-width line of text ("历年工匠培养选树工作情况（附小结）"); `{year}` is the programme's year.
 */
export const formRowSchema = z.union(
  [
    z.strictObject({ pairs: z.array(formItemSchema).min(1).max(3) }),
    z.strictObject({ forces: z.array(z.string().min(1)).min(1).max(2) }),
    z.strictObject({ questions: z.array(formItemSchema).min(1), intro: z.string().min(1).optional() }),
    z.strictObject({ opinion: z.string().min(1), field: z.string().min(1).optional() }),
    z.strictObject({ heading: z.string().min(1) }),
  ],
  { error: '每一行应是以下之一：{ "pairs": [至多三个字段] }、{ "forces": [一至两个五力] }、{ "questions": [...] }、{ "opinion": "…", "field": "…" }、{ "heading": "…" }' },
);
export type FormRowInput = z.infer<typeof formRowSchema>;

/**
 * A form's layout. Titles may say `{programme}` (the programme's name without its final 培养选树:
 * 第三届（2025年度）“上海质量工匠”), `{name}` (the whole name) and `{year}`, so a next year's profile that
 * `extends` this one prints its own titles.
 */
export const formLayoutSchema = z.strictObject({
  title: z.string().min(1),
  /** Lines above the table, "推荐单位：…" (a field each). */
  header: z.array(formItemSchema).default([]),
  /** Absent: a plain layout derived from the details table (a notice whose form layout is not known). */
  rows: z.array(formRowSchema).min(1).optional(),
  /** The notice's 注 lines under the table. */
  notes: z.array(z.string().min(1)).default([]),
});
export type FormLayoutInput = z.input<typeof formLayoutSchema>;

export const formsSchema = z.strictObject({
  $comment: z.string().optional(),
  /** 申报推荐表 / 申报审批表, one per nominee. */
  application: formLayoutSchema.optional(),
  /** How many copies of each form the notice asks for (一式三份). */
  copies: z.number().int().positive().default(3),
  /**
   * A long text beyond this many 字 is printed on an attached page (附页) after the form, as the notices allow
   * ("5000字以内，可附页"), so the form itself stays within two A4 pages.
   */
  attachAbove: z.number().int().positive().default(600),
  /** The 推荐汇总表 as printed (programmes with a summary table). */
  summary: z
    .strictObject({
      title: z.string().min(1),
      /** The notice's note under the table ("注：本表填写后请加盖公章…"). */
      note: z.string().min(1).optional(),
    })
    .optional(),
  /**
   * Another table the notice asks each recommending union for (上海工匠 附件3 统计表), laid out like a form;
   * `counted` names the fields Jiangxuan counts from the checked details (the rest are typed).
   */
  statistics: formLayoutSchema
    .extend({
      /** File and sheet name, e.g. "培养选树工作情况统计表". */
      name: z.string().min(1),
      /** The details field that says which union a nominee belongs to (one table per union). */
      groupBy: z.string().min(1).optional(),
      counted: z.record(z.string(), z.enum(['nominees'])).default({}),
    })
    .optional(),
  /** Name of the e-mail package (folder and .zip): `{unit}` is the recommending unit, `{programme}` as above. */
  packName: z.string().min(1).default('{unit}-{programme}推荐材料'),
});
export type FormsInput = z.input<typeof formsSchema>;
export type FormsSection = z.output<typeof formsSchema>;

/**
 * What a programme profile may say, checked with zod. A profile is data: a new year's notice needs a new
 * profile file (often a few lines with "extends"), never a code change.
 */
import { z } from 'zod';
import { workbookRuleSchema } from './workbook-rule-schema';
import { cultivationSchema } from './cultivation-schema';
import { formsSchema } from '../forms/form-schema';

export const localizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const FIELD_TYPES = [
  'text', // short free text
  'name', // a person's name
  'serial', // 序号 (the rank on a ranked summary)
  'enum', // exactly one of options
  'multiEnum', // one or more of options (several 劳模 titles may be ticked)
  'residentId',
  'sex',
  'mobile',
  'phone', // mobile or landline
  'postcode',
  'email',
  'count', // a non-negative whole number
  'years', // 工作年限
  'money', // 元/月
  'longText', // texts with a 字 limit
  'indicator', // one of the five forces' indicators: claimed when filled
  'flag', // 是/否
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FORCES = ['引领力', '实践力', '创新力', '攻关力', '传承力'] as const;
export type Force = (typeof FORCES)[number];

/** A field as declared in the standard catalogue or a profile. */
export const fieldSchema = z
  .object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, '字段 key 只能用英文字母和数字'),
    label: z.string().min(1),
    /** Other headers people type for the same column; matched after normalisation. */
    aliases: z.array(z.string().min(1)).default([]),
    type: z.enum(FIELD_TYPES),
    /** Empty cell → error ("不得缺项、漏项"). */
    required: z.boolean().default(false),
    /** Column absent from the table → reported once at the header (warning). */
    expected: z.boolean().default(false),
    options: z.array(z.string().min(1)).optional(),
    /** Other spellings of an option → the option, e.g. "上海劳模" → "上海市劳模". */
    optionAliases: z.record(z.string(), z.string()).optional(),
    maxChars: z.number().int().positive().optional(),
    aboutChars: z.number().int().positive().optional(),
    force: z.enum(FORCES).optional(),
    /**
     * Header labels of columns that each hold a part of this field, when people split it: 职务 | 职称/技能等级
     * for 职务、职称/技能等级. The parts are read together ("车间主任、高级技师").
     */
    parts: z.array(z.string().min(1)).optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.type === 'enum' || f.type === 'multiEnum') && (!f.options || f.options.length === 0)) {
      ctx.addIssue({ code: 'custom', message: `字段 ${f.key} 的类型为 ${f.type}，需要 options`, path: ['options'] });
    }
    if (f.type === 'indicator' && !f.force) {
      ctx.addIssue({ code: 'custom', message: `字段 ${f.key} 是五力指标，需要 force`, path: ['force'] });
    }
  });
export type FieldSpec = z.output<typeof fieldSchema>;

/** In a profile a field is a key from the standard catalogue, or an object (a new field or overrides of one). */
export const fieldRefSchema = z.union([
  z.string().min(1),
  z.object({ key: z.string().min(1) }).catchall(z.unknown()),
]);

const footerSchema = z.object({
  /** Footer lines of the summary sheet, e.g. 推荐单位（加盖公章） · 联系人 · 联系电话 · 邮箱. */
  unit: z.string().default('推荐单位（加盖公章）'),
  contact: z.string().default('联系人'),
  phone: z.string().default('联系电话'),
  email: z.string().default('邮箱'),
});

/**
 * A table's key in the profile. Two keys have a meaning of their own: "summary" (推荐汇总表: footer lines,
 * 序号, cross-checked against "details", the nominee details). Other programmes add their own tables
 * (the cultivation workbook's 培育对象清单, 培育档案 …) under keys of their choosing.
 */
export type TableKind = string;

const tableSchema = z.object({
  name: localizedSchema,
  fields: z.array(fieldRefSchema).min(1),
  /** At least this many columns must be recognised for a header row to count as this table. */
  minMatches: z.number().int().positive().default(3),
  /** An empty optional table is normal (a fresh activity log), not a finding. */
  optional: z.boolean().default(false),
});

const ruleBase = {
  id: z.string().min(1),
  /** What users see instead of the id (短名称); absent: the name of the rule's kind (rules/catalogue). */
  name: localizedSchema.optional(),
  severity: z.enum(['error', 'warning', 'info']),
  /** The notice's own words: why the rule exists; ends the message. */
  reason: localizedSchema,
};

/** Eligibility rules: a fixed set of kinds (code), parameterised by each profile (data). */
export const eligibilityRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    ...ruleBase,
    kind: z.literal('honourExcluded'),
    /** Field keys whose text is searched (honours, 劳模 titles ...). */
    fields: z.array(z.string()).min(1),
    /** Regular expressions (JavaScript syntax, matched on simplified, whitespace-free text). */
    patterns: z.array(z.string()).min(1),
    /** Matches of these are not counted (e.g. "上海质量工匠" is not a 区工匠). */
    exceptPatterns: z.array(z.string()).default([]),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('honourRequired'),
    fields: z.array(z.string()).min(1),
    patterns: z.array(z.string()).min(1),
    exceptPatterns: z.array(z.string()).default([]),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('recentHonours'),
    fields: z.array(z.string()).min(1),
    windowYears: z.number().int().positive(),
    /** Issuers whose honours count (patterns); an honour line must match one. */
    sourcePatterns: z.array(z.string()).min(1),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('patentOrAward'),
    /** Text fields searched for an award. */
    fields: z.array(z.string()).min(1),
    awardPatterns: z.array(z.string()).min(1),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('leaderPost'),
    fields: z.array(z.string()).min(1),
    patterns: z.array(z.string()).min(1),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('retiree'),
    /** Text fields where "退休" etc. is searched; the age check comes from the ID. */
    fields: z.array(z.string()).min(1),
    patterns: z.array(z.string()).min(1),
  }),
]);
export type EligibilityRule = z.output<typeof eligibilityRuleSchema>;

const materialSchema = z.object({
  id: z.string().min(1),
  label: localizedSchema,
  /** Per nominee (application form, ID copy…) or once per unit (the stamped summary sheet). */
  perNominee: z.boolean(),
  copies: z.number().int().positive().optional(),
  /** A details column that says whether this material is ready (是/√/已提交), when the sheet tracks it. */
  trackedBy: z.string().optional(),
});

export const profileSchema = z.strictObject({
  /** Free text for people editing the file. */
  $comment: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能用小写字母、数字和连字符'),
  /** Another profile this one starts from; top-level keys given here replace the parent's. */
  extends: z.string().optional(),
  kind: z.enum(['selection', 'cultivation']).default('selection'),
  name: localizedSchema,
  shortName: localizedSchema,
  organiser: localizedSchema,
  /** 文号, e.g. 沪质协〔2025〕7号 */
  noticeNo: z.string().nullable().optional(),
  year: z.number().int().min(2000).max(2100),
  /** ISO date of the submission deadline; null when the notice sets none. */
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** Sheet titles that identify this programme: every keyword of one group present, none of `none`. */
  detect: z.array(z.object({ all: z.array(z.string()).min(1), none: z.array(z.string()).default([]) })).default([]),
  channels: z.array(z.enum(['unit', 'society', 'self'])).min(1),
  /** Qingpu: units rank their nominees on the summary (序号 is the rank, unique). */
  rankedSummary: z.boolean().default(false),
  banYears: z.number().int().nonnegative().optional(),
  submission: z
    .object({
      email: z.string().optional(),
      address: z.string().optional(),
      postcode: z.string().optional(),
      recipient: z.string().optional(),
      contacts: z.array(z.object({ name: z.string(), phone: z.string(), topic: z.string().optional() })).default([]),
    })
    .default({ contacts: [] }),
  materials: z.array(materialSchema).default([]),
  tables: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, '表格 key 只能用英文字母和数字'), tableSchema),
  footer: footerSchema.default({ unit: '推荐单位（加盖公章）', contact: '联系人', phone: '联系电话', email: '邮箱' }),
  /**
   * Words that mean the same in this programme's headers, each group interchangeable: [["手机号码", "联系电话"]]
   * lets a column headed 联系电话 be the 手机号码 column (then checked as a contact phone: a landline is fine).
   * 日期 / 时间 hold for every programme. A profile that extends another adds its groups to the parent's.
   */
  headerSynonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
  eligibility: z.array(eligibilityRuleSchema).default([]),
  /** Rules across tables (see workbook-rule-schema.ts). */
  workbookRules: z.array(workbookRuleSchema).default([]),
  /**
   * Expert scoring (书面初评, 会审答辩). Absent: the five forces, 20 points each, with the indicators of the
   * details table (src/core/scoring/rubric.ts). Points are the weights; a total is the sum of criterion scores.
   */
  rubric: z
    .object({
      criteria: z
        .array(z.object({ id: z.string().min(1), name: z.string().min(1), max: z.number().positive(), indicators: z.array(z.string()).default([]) }))
        .min(1),
      /** Smallest step an expert may give (0.5 → 17.5 is allowed, 17.25 is not). */
      step: z.number().positive().default(0.5),
      rounds: z.array(z.string().min(1)).min(1).default(['书面初评', '会审答辩']),
      /**
       * Fewest accepted scores a candidate needs to be put on the shortlist (候选人建议名单): one number for every
       * round, or per round ({ "书面初评": 5, "会审答辩": 3 }; rounds not named keep the default 3).
       */
      minScores: z.union([z.number().int().min(1), z.record(z.string(), z.number().int().min(1))]).optional(),
    })
    .optional(),
  /** Cultivation programmes (kind "cultivation"): period, targets, titles and activity kinds of the notice. */
  cultivation: cultivationSchema.optional(),
  /** The notice's paper forms (申报表, 汇总表, 统计表) and the e-mail package (src/core/forms). */
  forms: formsSchema.optional(),
  /** Minimum working age; younger → error. */
  minWorkingAge: z.number().int().positive().default(16),
  /** Tags, not requirements. Editable: the 2026 "2+3+6+6" system is not listed in the notices. */
  focusIndustries: z.object({ leading: z.array(z.string()), key: z.array(z.string()) }).optional(),
});
export type ProfileInput = z.input<typeof profileSchema>;
type ProfileData = z.output<typeof profileSchema>;

/** A profile after "extends" and catalogue references are resolved: every table lists full field specs. */
export interface ResolvedTable {
  kind: TableKind;
  name: { zh: string; en: string };
  fields: FieldSpec[];
  minMatches: number;
  optional: boolean;
}
export interface Profile extends Omit<ProfileData, 'tables' | 'extends'> {
  tables: Partial<Record<TableKind, ResolvedTable>>;
  /** Where the profile came from (built-in id or a file path), for messages. */
  source: string;
}

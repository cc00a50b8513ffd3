/**
 * Rules across the tables of one workbook (e.g. the cultivation workbook: an activity for a trainee who is
 * not on the trainee list). Each kind is code in src/core/rules/workbook-rules.ts; profiles give parameters:
 * which table and field (keys of the profile's `tables` and of their fields), the rule id, its human name, its
 * severity and the reason (the notice's words), which ends every message.
 */
import { z } from 'zod';

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const column = z.object({ table: z.string().min(1), field: z.string().min(1) });
const severity = z.enum(['error', 'warning', 'info']);

const base = {
  id: z.string().min(1),
  /** What users see instead of the id; absent: the name of the rule's kind (rules/catalogue). */
  name: localized.optional(),
  severity,
  reason: localized,
};

/**
 * Where each key (a person) has a period: a table with a key column and start and end dates. An empty end
 * means start + defaultMonths (the cultivation period is "一般为1年": 12). The period includes both dates.
 */
const periodSchema = z.object({
  /** What the period is called in messages (e.g. 培育期). */
  name: localized.default({ zh: '期限', en: 'period' }),
  table: z.string().min(1),
  keyField: z.string().min(1),
  startField: z.string().min(1),
  endField: z.string().min(1),
  defaultMonths: z.number().int().positive().optional(),
});
export type PeriodSpec = z.output<typeof periodSchema>;

/** Rows of a table whose status field holds one of some values, keyed by a column (e.g. trainees 退出). */
const keyStatusSchema = z.object({
  table: z.string().min(1),
  keyField: z.string().min(1),
  field: z.string().min(1),
  values: z.array(z.string().min(1)).min(1),
});
export type KeyStatusSpec = z.output<typeof keyStatusSchema>;

export const workbookRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('reference'),
    /** Every non-empty value of `from` must appear in `to`. */
    from: column,
    to: column,
  }),
  z.object({
    ...base,
    kind: z.literal('valueFormat'),
    table: z.string().min(1),
    fields: z.array(z.string().min(1)).min(1),
    /**
     * date: a real date (a date-formatted cell; text that looks like a date and bare serial numbers are reported,
     * because formulas and filters only count real dates). number: a number ≥ 0 (decimals allowed).
     */
    format: z.enum(['date', 'number']),
  }),
  z.object({
    ...base,
    kind: z.literal('dateInPeriod'),
    /** The rows checked: their date must fall within the period of the key they name. */
    table: z.string().min(1),
    dateField: z.string().min(1),
    keyField: z.string().min(1),
    period: periodSchema,
  }),
  z.object({
    ...base,
    kind: z.literal('requiredWhenFinished'),
    /** A key whose period ended before the check date must appear in target (e.g. a final assessment). */
    period: periodSchema,
    target: column,
    /** Rows whose exceptField holds one of these options need nothing (e.g. status 退出). */
    exceptField: z.string().min(1).optional(),
    exceptValues: z.array(z.string().min(1)).default([]),
  }),
  z.object({
    ...base,
    kind: z.literal('requiredInRow'),
    /** Every row of table must have field filled (e.g. an exit record's reason) … */
    table: z.string().min(1),
    field: z.string().min(1),
    /** … or only the rows where `when.field` holds one of `when.values` (e.g. reason 其他 → 情况说明). */
    when: z.object({ field: z.string().min(1), values: z.array(z.string().min(1)).min(1) }).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('overdue'),
    /** Rows whose dateField is before the check date and whose doneField is not one of doneValues. */
    table: z.string().min(1),
    dateField: z.string().min(1),
    doneField: z.string().min(1),
    doneValues: z.array(z.string().min(1)).min(1),
    /** Rows whose key has, in another table, a status that ends the duty (a plan of a trainee who has exited). */
    except: z.object({ keyField: z.string().min(1), status: keyStatusSchema }).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('keyPresence'),
    /** The rows of `source` whose `field` holds one of `values` (e.g. 培育状态 退出) … */
    source: keyStatusSchema,
    /** … must ('present') or must not ('absent') have their key in `target` (e.g. the exit records). */
    target: column,
    expect: z.enum(['present', 'absent']),
  }),
  z.object({
    ...base,
    kind: z.literal('rowConflict'),
    /** In one row: when `when.field` holds one of `when.values` (e.g. 综合等次 不合格) … */
    table: z.string().min(1),
    when: z.object({ field: z.string().min(1), values: z.array(z.string().min(1)).min(1) }),
    /** … `field` must be empty, or (with `values`) must not hold one of them (e.g. 是否推荐认定 是). */
    field: z.string().min(1),
    values: z.array(z.string().min(1)).optional(),
  }),
]);
export type WorkbookRule = z.output<typeof workbookRuleSchema>;

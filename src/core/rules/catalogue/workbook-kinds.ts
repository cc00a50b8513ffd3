/**
 * Kinds of rule across the tables of a workbook (rules/workbook-rules.ts, profiles/workbook-rule-schema.ts).
 * The profile names the tables and fields and gives each rule its id, severity, reason and name.
 */
import { compareDates, formatIsoDate, SimpleDate } from '../../model/dates';
import type { Localized } from '../../model/findings';
import type { WorkbookRule } from '../../profiles/workbook-rule-schema';
import { kind, KindSpec, q } from './define';

const DOCS = 'rules.md#培育跟踪工作簿上海质量工匠培育-2026';

/** Every message ends with the rule's reason. */
function withReason(m: { zh: string; en: string }, reason: Localized): Localized {
  return { zh: `${m.zh}；${reason.zh}`, en: `${m.en}; ${reason.en}` };
}

/** Why a value is not a real date or a plain number. */
export type ValueFormatProblem =
  | { problem: 'date-as-text'; field: string; shown: string; date: SimpleDate }
  | { problem: 'date-as-number'; field: string; shown: string; date: SimpleDate }
  | { problem: 'not-a-date'; field: string; shown: string }
  | { problem: 'negative'; field: string; value: number }
  | { problem: 'number-as-text'; field: string; shown: string }
  | { problem: 'not-a-number'; field: string; shown: string };

function valueFormat(p: ValueFormatProblem): { zh: string; en: string } {
  const label = p.field;
  switch (p.problem) {
    case 'date-as-text': {
      const iso = formatIsoDate(p.date);
      return {
        zh: `「${label}」“${p.shown}”是文字，不是日期：请把单元格格式设为日期后重新输入 ${iso}（表中的统计只计算真正的日期）`,
        en: `${label} "${p.shown}" is text, not a date: format the cell as a date and type ${iso} again (the sheet's counts only see real dates)`,
      };
    }
    case 'date-as-number': {
      const iso = formatIsoDate(p.date);
      return {
        zh: `「${label}」显示为数字 ${p.shown}：请把单元格格式设为日期（yyyy-mm-dd），它表示 ${iso}`,
        en: `${label} shows the number ${p.shown}: format the cell as a date (yyyy-mm-dd); it means ${iso}`,
      };
    }
    case 'not-a-date':
      return {
        zh: `「${label}」“${p.shown}”不是日期：请填写具体日期，如 2026-03-15`,
        en: `${label} "${p.shown}" is not a date: enter a calendar date such as 2026-03-15`,
      };
    case 'negative':
      return { zh: `「${label}」${p.value} 是负数：请填写 0 或正数`, en: `${label} ${p.value} is negative: enter 0 or more` };
    case 'number-as-text':
      return {
        zh: `「${label}」“${p.shown}”是文字格式的数字，合计时不会被计入：请把单元格格式设为“常规”或“数值”后重新输入`,
        en: `${label} "${p.shown}" is a number stored as text and is left out of totals: set the cell format to General or Number and type it again`,
      };
    case 'not-a-number':
      return {
        zh: `「${label}」“${p.shown}”不是数字：请只填写数字（可带小数），如 4 或 1.5`,
        en: `${label} "${p.shown}" is not a number: enter a number only, e.g. 4 or 1.5`,
      };
  }
}

/** A table as messages name it: its name and its sheet. */
export interface TablePlace {
  name: Localized;
  sheet: string;
}

export const WORKBOOK_RULE_KINDS = {
  reference: kind<{ value: string; to: TablePlace; reason: Localized }>({
    name: { zh: '不在名单中', en: 'Not on the list' },
    docs: DOCS,
    message: (p) => ({
      zh: `“${p.value}”不在${p.to.name.zh}（工作表“${p.to.sheet}”）中：${p.reason.zh}`,
      en: `"${p.value}" is not in the ${p.to.name.en}: ${p.reason.en}`,
    }),
  }),

  valueFormat: kind<ValueFormatProblem & { reason: Localized }>({
    name: { zh: '日期或数字格式', en: 'Date or number format' },
    docs: DOCS,
    message: (p) => withReason(valueFormat(p), p.reason),
  }),

  dateInPeriod: kind<{
    field: string;
    date: SimpleDate;
    /** The key (a person) and their period. */
    key: string;
    period: { name: Localized; start: SimpleDate; end: SimpleDate };
    /** The table the periods come from, and its start and end columns. */
    periods: TablePlace & { startField: string; endField: string };
    reason: Localized;
  }>({
    name: { zh: '日期不在期限内', en: 'Date outside the period' },
    docs: DOCS,
    message(p) {
      const iso = formatIsoDate(p.date);
      const start = formatIsoDate(p.period.start);
      const end = formatIsoDate(p.period.end);
      const before = compareDates(p.date, p.period.start) < 0;
      return withReason(
        {
          zh: `「${p.field}」${iso} 在“${p.key}”的${p.period.name.zh}（${start} 至 ${end}）${before ? '之前' : '之后'}：请核对日期；如日期无误，请在${p.periods.name.zh}（工作表“${p.periods.sheet}”）中核对其${p.periods.startField}和${p.periods.endField}`,
          en: `${p.field} ${iso} is ${before ? 'before' : 'after'} the ${p.period.name.en} of "${p.key}" (${start} to ${end}): check the date, or the period in the ${p.periods.name.en}`,
        },
        p.reason,
      );
    },
  }),

  requiredWhenFinished: kind<{
    key: string;
    period: { name: Localized; end: SimpleDate };
    /** The period's end was empty: start + months (the end column's label). */
    endDefaulted?: { endField: string; months: number };
    /** The table the key should appear in; only its key when the workbook lacks it. */
    target: TablePlace | { table: string };
    /** Rows whose `field` holds `value` need no record (e.g. 状态 退出). */
    except?: { field: string; value: string };
    reason: Localized;
  }>({
    name: { zh: '期满缺少记录', en: 'Missing record after the period' },
    docs: DOCS,
    message(p) {
      const end = formatIsoDate(p.period.end);
      const endWord = p.endDefaulted ? `（${p.endDefaulted.endField}未填，按开始日期加 ${p.endDefaulted.months} 个月计）` : '';
      const t = p.target;
      const targetName = 'name' in t ? `${t.name.zh}（工作表“${t.sheet}”）` : `“${t.table}”表`;
      const except = p.except ? `；如不需要（已${p.except.value}），请把${q(p.except.field)}改为“${p.except.value}”` : '';
      return withReason(
        {
          zh: `“${p.key}”的${p.period.name.zh}已于 ${end} 结束${endWord}，但${targetName}中没有其记录：请补填${'name' in t ? t.name.zh : ''}${except}`,
          en: `the ${p.period.name.en} of "${p.key}" ended on ${end} but the ${'name' in t ? t.name.en : t.table} has no row for them: add it`,
        },
        p.reason,
      );
    },
  }),

  requiredInRow: kind<{
    field: string;
    table: Localized;
    /** The field's options, listed when it has some. */
    options?: readonly string[];
    /** Required because another field holds this value (e.g. 退出原因 其他). */
    when?: { field: string; value: string };
    reason: Localized;
  }>({
    name: { zh: '必填项未填', en: 'Required item empty' },
    docs: DOCS,
    message(p) {
      if (p.when) {
        return withReason(
          {
            zh: `${q(p.when.field)}为“${p.when.value}”时须填写${q(p.field)}：请说明具体情况`,
            en: `${p.field} is required when ${p.when.field} is "${p.when.value}": describe the case`,
          },
          p.reason,
        );
      }
      const choices = p.options ? `，可选：${p.options.join(' / ')}` : '';
      return withReason({ zh: `${p.table.zh}未填写${q(p.field)}：请填写${choices}`, en: `${p.field} is empty in the ${p.table.en}: fill it in` }, p.reason);
    },
  }),

  overdue: kind<{ field: string; due: SimpleDate; asOf: SimpleDate; doneField: string; done: string; doneValue: string; reason: Localized }>({
    name: { zh: '已过期限未完成', en: 'Overdue' },
    docs: DOCS,
    message(p) {
      const due = formatIsoDate(p.due);
      const asOf = formatIsoDate(p.asOf);
      const now = p.done ? `为“${p.done}”` : '未填写';
      return withReason(
        {
          zh: `${q(p.field)}${due} 已过（校验日期 ${asOf}），${q(p.doneField)}${now}：已完成请把${q(p.doneField)}改为“${p.doneValue}”；未完成请调整${q(p.field)}并说明原因`,
          en: `${p.field} ${due} has passed (checked at ${asOf}) and ${p.doneField} is ${p.done ? `"${p.done}"` : 'empty'}: mark it "${p.doneValue}" when done, or set a new date with the reason`,
        },
        p.reason,
      );
    },
  }),

  keyPresence: kind<
    { key: string; field: string; status: string; target: { name: Localized; sheet: string }; reason: Localized } & (
      | { expect: 'present' }
      | { expect: 'absent'; targetRow: number }
    )
  >({
    name: { zh: '状态与记录不符', en: 'Status and records disagree' },
    docs: DOCS,
    message(p) {
      return withReason(
        p.expect === 'present'
          ? {
              zh: `“${p.key}”的${q(p.field)}为“${p.status}”，但${p.target.name.zh}（工作表“${p.target.sheet}”）中没有其记录：请补填记录，或更正${q(p.field)}`,
              en: `${p.field} of "${p.key}" is "${p.status}" but the ${p.target.name.en} (sheet "${p.target.sheet}") has no record of them: add it, or correct ${p.field}`,
            }
          : {
              zh: `“${p.key}”的${q(p.field)}为“${p.status}”，但${p.target.name.zh}（工作表“${p.target.sheet}”第 ${p.targetRow} 行）中有其记录：请更正${q(p.field)}，或删除该记录`,
              en: `${p.field} of "${p.key}" is "${p.status}" but the ${p.target.name.en} (sheet "${p.target.sheet}", row ${p.targetRow}) has a record of them: correct ${p.field}, or remove the record`,
            },
        p.reason,
      );
    },
  }),

  rowConflict: kind<{ field: string; value: string; when: { field: string; value: string }; reason: Localized }>({
    name: { zh: '同一行内容矛盾', en: 'Contradiction in a row' },
    docs: DOCS,
    message: (p) =>
      withReason(
        {
          zh: `${q(p.when.field)}为“${p.when.value}”时，${q(p.field)}不应为“${p.value}”：请核对这两栏`,
          en: `${p.field} should not be "${p.value}" while ${p.when.field} is "${p.when.value}": check both`,
        },
        p.reason,
      ),
  }),
} satisfies { [K in WorkbookRule['kind']]: KindSpec<never> };

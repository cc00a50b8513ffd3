/**
 * "设置输入规则", decided once for every host: which nominee columns get a drop-down, a text-length limit or a
 * whole-number rule, over which rows, with which prompt and alert. Hosts only write the plan (WPS:
 * Range.Validation.Add; an Excel host can write the same plan with dataValidation). User values are never touched.
 */
import type { FieldSpec } from '../profiles/schema';
import type { RecognizedTable } from '../recognition/recognize-tables';

/** Excel's (and WPS's) limit on a list rule's literal source ("男,女"). */
export const LIST_SOURCE_LIMIT = 255;
export const RULE_TITLE_LIMIT = 32;
export const RULE_PROMPT_LIMIT = 255;
export const RULE_ALERT_LIMIT = 225;

const DEFAULT_OPTIONS: Partial<Record<FieldSpec['type'], string[]>> = { flag: ['是', '否'], sex: ['男', '女'] };

export type InputRuleKind =
  | { kind: 'list'; options: string[]; source: string }
  | { kind: 'textLength'; max: number }
  | { kind: 'wholeNumber'; min: number };

export type InputRule = InputRuleKind & {
  /** Stop: the entry is refused; warning: the user may keep it. */
  style: 'stop' | 'warning';
  /** Shown when the cell is selected (already cut to RULE_PROMPT_LIMIT). */
  promptTitle: string;
  prompt: string;
  /** Shown when the entry breaks the rule (already cut to RULE_ALERT_LIMIT). */
  alertTitle: string;
  alert: string;
};

/** A rule on one column of one sheet, rows firstRow..lastRow (0-based, inclusive). */
export interface PlannedInputRule {
  sheet: string;
  col: number;
  firstRow: number;
  lastRow: number;
  field: string;
  rule: InputRule;
}

function cut(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

/**
 * The rule for a field, or undefined when it gets none: enum / flag / sex → drop-down list of the options
 * (skipped when an option has a comma or the list is longer than 255 characters); longText with maxChars →
 * text length ≤ maxChars (a warning only: spreadsheets count spaces and line breaks, 匠选 does not);
 * count → whole number ≥ 0.
 */
export function inputRuleFor(field: FieldSpec): InputRule | undefined {
  const label = field.label;
  const alertTitle = cut('匠选：输入不符合要求', RULE_TITLE_LIMIT);
  const promptTitle = cut(label, RULE_TITLE_LIMIT);
  switch (field.type) {
    case 'enum':
    case 'flag':
    case 'sex': {
      const options = field.options?.length ? field.options : DEFAULT_OPTIONS[field.type];
      if (!options?.length || options.some((o) => o.includes(','))) return undefined;
      const source = options.join(',');
      if (source.length > LIST_SOURCE_LIMIT) return undefined;
      const shown = options.join('、');
      return {
        kind: 'list',
        options: [...options],
        source,
        style: 'stop',
        promptTitle,
        prompt: cut(`请从下拉列表中选择：${shown}`, RULE_PROMPT_LIMIT),
        alertTitle,
        alert: cut(`“${label}”只能填写以下选项之一：${shown}。请从下拉列表中选择。`, RULE_ALERT_LIMIT),
      };
    }
    case 'longText':
      if (!field.maxChars) return undefined;
      return {
        kind: 'textLength',
        max: field.maxChars,
        style: 'warning',
        promptTitle,
        prompt: cut(`不超过 ${field.maxChars} 字（空格和换行不计，以匠选校验结果为准）`, RULE_PROMPT_LIMIT),
        alertTitle,
        alert: cut(`“${label}”可能超过了 ${field.maxChars} 字的限制，请删减。`, RULE_ALERT_LIMIT),
      };
    case 'count':
      return {
        kind: 'wholeNumber',
        min: 0,
        style: 'stop',
        promptTitle,
        prompt: '请填写 0 或正整数（没有请填 0）',
        alertTitle,
        alert: cut(`“${label}”须为 0 或正整数。`, RULE_ALERT_LIMIT),
      };
    default:
      return undefined;
  }
}

/**
 * Last 0-based row the rules cover: the data rows plus `extraRows`, but never the summary's footer lines nor
 * the next table pasted below (another unit's block).
 */
export function ruleLastRow(table: RecognizedTable, extraRows: number): number {
  const lastData = table.dataRows.length ? table.dataRows[table.dataRows.length - 1] : table.headerRow;
  let last = lastData + Math.max(0, extraRows);
  if (table.nextStart !== undefined) last = Math.min(last, Math.max(lastData, table.nextStart - 1));
  const footerRows = Object.values(table.footer ?? {}).flatMap((e) => (e ? [e.labelRow, e.row] : []));
  if (footerRows.length) last = Math.min(last, Math.max(lastData, Math.min(...footerRows) - 1));
  return last;
}

/** Every rule for the recognised tables: rows headerRow+1 … last data row + extraRows (default 200). */
export function planInputRules(tables: readonly RecognizedTable[], extraRows = 200): PlannedInputRule[] {
  const out: PlannedInputRule[] = [];
  for (const table of tables) {
    const firstRow = table.headerRow + 1;
    const lastRow = ruleLastRow(table, extraRows);
    if (lastRow < firstRow) continue;
    for (const b of table.columns) {
      const rule = inputRuleFor(b.field);
      if (rule) out.push({ sheet: table.sheet.name, col: b.col, firstRow, lastRow, field: b.field.key, rule });
    }
  }
  return out;
}

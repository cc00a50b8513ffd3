/// <reference types="office-js" />
/**
 * "设置输入规则": Excel data validation on the nominee columns, so people pick options from a drop-down and
 * cannot type a negative count. Values are never touched. One sync.
 */
import type { FieldSpec } from '../../core/profiles/schema';
import type { RecognizedTable } from '../../core/recognition/recognize-tables';
import { Batcher, jsonBytes, OP_BYTES } from './limits';
import { requireFeature } from './requirements';

/** Excel's limit on a list validation's literal source ("男,女"). */
export const LIST_SOURCE_LIMIT = 255;
const TITLE_LIMIT = 32;
const PROMPT_LIMIT = 255;
const ALERT_LIMIT = 225;

const DEFAULT_OPTIONS: Partial<Record<FieldSpec['type'], string[]>> = { flag: ['是', '否'], sex: ['男', '女'] };

export interface InputRule {
  rule: Excel.DataValidationRule;
  style: 'Stop' | 'Warning';
  prompt: string;
  alert: string;
}

function cut(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

/**
 * The rule for a field, or undefined when it gets none: enum / flag / sex → drop-down list of the options
 * (skipped when an option has a comma or the list is longer than Excel's 255 characters); longText with
 * maxChars → text length ≤ maxChars (a warning only: Excel counts spaces and line breaks, 匠选 does not);
 * count → whole number ≥ 0.
 * @requires ExcelApi 1.8 (inputRules)
 */
export function inputRuleFor(field: FieldSpec): InputRule | undefined {
  const label = field.label;
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
        rule: { list: { inCellDropDown: true, source } },
        style: 'Stop',
        prompt: `请从下拉列表中选择：${shown}`,
        alert: `“${label}”只能填写以下选项之一：${shown}。请从下拉列表中选择。`,
      };
    }
    case 'longText':
      if (!field.maxChars) return undefined;
      return {
        rule: { textLength: { operator: 'LessThanOrEqualTo', formula1: field.maxChars } },
        style: 'Warning',
        prompt: `不超过 ${field.maxChars} 字（空格和换行不计，以匠选校验结果为准）`,
        alert: `“${label}”可能超过了 ${field.maxChars} 字的限制，请删减。`,
      };
    case 'count':
      return {
        rule: { wholeNumber: { operator: 'GreaterThanOrEqualTo', formula1: 0 } },
        style: 'Stop',
        prompt: '请填写 0 或正整数（没有请填 0）',
        alert: `“${label}”须为 0 或正整数。`,
      };
    default:
      return undefined;
  }
}

/** Last 0-based row the rules cover: the data rows plus `extraRows`, but never the summary's footer lines. */
export function ruleLastRow(table: RecognizedTable, extraRows: number): number {
  const lastData = table.dataRows.length ? table.dataRows[table.dataRows.length - 1] : table.headerRow;
  let last = lastData + Math.max(0, extraRows);
  const footerRows = Object.values(table.footer ?? {}).flatMap((e) => (e ? [e.labelRow, e.row] : []));
  if (footerRows.length) last = Math.min(last, Math.max(lastData, Math.min(...footerRows) - 1));
  return last;
}

/**
 * Sets data validation on the recognised tables' nominee columns, rows headerRow+1 … last data row +
 * extraRows (default 200). Existing validation on those cells is replaced. Returns how many columns got a rule.
 * @requires ExcelApi 1.8 (inputRules)
 */
export async function applyInputRules(context: Excel.RequestContext, tables: RecognizedTable[], extraRows = 200): Promise<{ columns: number }> {
  requireFeature('inputRules');
  const batcher = new Batcher(context);
  let columns = 0;
  for (const table of tables) {
    const first = table.headerRow + 1;
    const last = ruleLastRow(table, extraRows);
    if (last < first) continue;
    const ws = context.workbook.worksheets.getItem(table.sheet.name);
    for (const b of table.columns) {
      const r = inputRuleFor(b.field);
      if (!r) continue;
      columns++;
      await batcher.add(OP_BYTES * 6 + jsonBytes(r.prompt) + jsonBytes(r.alert), () => {
        const dv = ws.getRangeByIndexes(first, b.col, last - first + 1, 1).dataValidation;
        dv.clear();
        dv.ignoreBlanks = true;
        dv.rule = r.rule;
        dv.prompt = { showPrompt: true, title: cut(b.field.label, TITLE_LIMIT), message: cut(r.prompt, PROMPT_LIMIT) };
        dv.errorAlert = { showAlert: true, style: r.style, title: cut('匠选：输入不符合要求', TITLE_LIMIT), message: cut(r.alert, ALERT_LIMIT) };
      });
    }
  }
  await batcher.flush();
  return { columns };
}

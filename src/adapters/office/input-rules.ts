/// <reference types="office-js" />
/**
 * "设置输入规则": Excel data validation on the nominee columns, so people pick options from a drop-down and
 * cannot type a negative count. Values are never touched. One sync.
 */
import type { RecognizedTable } from '../../core/recognition/recognize-tables';
import { type InputRule, planInputRules } from '../../core/check/input-rules';
import { Batcher, jsonBytes, OP_BYTES } from './limits';
import { requireFeature } from './requirements';

/**
 * The core's rule (list, text length, whole number) as Excel's dataValidation rule.
 * @requires ExcelApi 1.8 (inputRules)
 */
export function excelRule(r: InputRule): Excel.DataValidationRule {
  switch (r.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: r.source } };
    case 'textLength':
      return { textLength: { operator: 'LessThanOrEqualTo', formula1: r.max } };
    case 'wholeNumber':
      return { wholeNumber: { operator: 'GreaterThanOrEqualTo', formula1: r.min } };
  }
}

/**
 * Sets data validation on the recognised tables' nominee columns, rows headerRow+1 … last data row +
 * extraRows (default 200). Existing validation on those cells is replaced. Returns how many columns got a rule.
 * @requires ExcelApi 1.8 (inputRules)
 */
export async function applyInputRules(context: Excel.RequestContext, tables: RecognizedTable[], extraRows = 200): Promise<{ columns: number }> {
  requireFeature('inputRules');
  const batcher = new Batcher(context);
  // Which columns, rows and words: the core's plan (the WPS host writes the same plan).
  const plan = planInputRules(tables, extraRows);
  for (const p of plan) {
    const r = p.rule;
    await batcher.add(OP_BYTES * 6 + jsonBytes(r.prompt) + jsonBytes(r.alert), () => {
      const dv = context.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(p.firstRow, p.col, p.lastRow - p.firstRow + 1, 1).dataValidation;
      dv.clear();
      dv.ignoreBlanks = true;
      dv.rule = excelRule(r);
      dv.prompt = { showPrompt: true, title: r.promptTitle, message: r.prompt };
      dv.errorAlert = { showAlert: true, style: r.style === 'stop' ? 'Stop' : 'Warning', title: r.alertTitle, message: r.alert };
    });
  }
  await batcher.flush();
  return { columns: plan.length };
}

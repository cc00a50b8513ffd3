/**
 * 设置输入规则 in WPS: the core's input-rule plan (core/check/input-rules.ts) written with
 * Range.Validation.Add, one column range per rule: drop-downs from the field's options, text-length limits,
 * whole numbers ≥ 0. Existing validation on those cells is replaced; values are never touched. Protected sheets
 * are skipped.
 */
import type { Et } from '../../../types/wps-et';
import type { RecognizedTable } from '../../core/recognition/recognize-tables';
import { planInputRules, type InputRule } from '../../core/check/input-rules';
import { activeWorkbook, EtApp, rectAddress, XL_GREATER_EQUAL, XL_LESS_EQUAL, XL_VALID_ALERT_STOP, XL_VALID_ALERT_WARNING, XL_VALIDATE_LIST, XL_VALIDATE_TEXT_LENGTH, XL_VALIDATE_WHOLE_NUMBER } from './et';
import { WpsError } from './errors';

/** xlBetween: ignored for lists, but Validation.Add wants an operator in that position. */
const XL_BETWEEN = 1;

function addRule(v: Et.Validation, rule: InputRule): void {
  const style = rule.style === 'stop' ? XL_VALID_ALERT_STOP : XL_VALID_ALERT_WARNING;
  switch (rule.kind) {
    case 'list':
      v.Add(XL_VALIDATE_LIST, style, XL_BETWEEN, rule.source);
      v.InCellDropdown = true;
      break;
    case 'textLength':
      v.Add(XL_VALIDATE_TEXT_LENGTH, style, XL_LESS_EQUAL, rule.max);
      break;
    case 'wholeNumber':
      v.Add(XL_VALIDATE_WHOLE_NUMBER, style, XL_GREATER_EQUAL, rule.min);
      break;
  }
  v.IgnoreBlank = true;
  v.InputTitle = rule.promptTitle;
  v.InputMessage = rule.prompt;
  v.ErrorTitle = rule.alertTitle;
  v.ErrorMessage = rule.alert;
  v.ShowInput = true;
  v.ShowError = true;
}

/** Writes the rules of the recognised tables (rows headerRow+1 … last data row + extraRows); returns how many columns got one. */
export function applyInputRules(app: EtApp, tables: readonly RecognizedTable[], extraRows = 200): { columns: number; protectedSheets?: string[] } {
  const wb = activeWorkbook(app);
  if (!wb) throw new WpsError('no-workbook');
  let columns = 0;
  const skipped = new Set<string>();
  for (const p of planInputRules(tables, extraRows)) {
    const ws = wb.Worksheets.Item(p.sheet);
    if (ws.ProtectContents) {
      skipped.add(p.sheet);
      continue;
    }
    const v = ws.Range(rectAddress(p.firstRow, p.col, p.lastRow, p.col)).Validation;
    v.Delete();
    addRule(v, p.rule);
    columns++;
  }
  return skipped.size ? { columns, protectedSheets: [...skipped] } : { columns };
}

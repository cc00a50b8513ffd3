/**
 * Checks of one cell against its field's type (required, options, ID, phones, counts, text limits).
 * What a check learns (the ID's birth date, a count) is kept in the row's facts for the row-level rules.
 */
import { Issue, issue, NO_ISSUES } from '../model/findings';
import { CellValue, isCellError } from '../model/grid';
import { SimpleDate } from '../model/dates';
import { FieldSpec } from '../profiles/schema';
import { cellText, isBlank } from '../text/normalize';
import { diagnoseResidentId, IdDiagnosis } from '../checks/resident-id';
import { checkEmail, checkMobile, checkPhone, checkPostcode } from '../checks/contact';
import { parseCount, parseYears } from '../checks/numbers';
import { checkAboutChars, checkMaxChars } from '../checks/text-length';
import { matchOption, matchOptions, optionList } from './options';

/** What the row-level rules need from the cells of one row. */
export interface RowFacts {
  id?: IdDiagnosis;
  /** The canonical option of single-choice fields by key (sex, identity, hasPatent...). */
  options: Map<string, string>;
  /** The canonical options of multi-choice fields (modelWorker). */
  multiOptions: Map<string, string[]>;
  numbers: Map<string, number>;
}

export function newRowFacts(): RowFacts {
  return { options: new Map(), multiOptions: new Map(), numbers: new Map() };
}

/** Empties the facts for the next row (one object serves a whole table: fewer allocations per row). */
export function resetRowFacts(facts: RowFacts): void {
  facts.id = undefined;
  facts.options.clear();
  facts.multiOptions.clear();
  facts.numbers.clear();
}

const q = (f: FieldSpec) => `「${f.label}」`;

const NONE = NO_ISSUES as Issue[];

function parseMoney(v: CellValue): number | undefined {
  if (typeof v === 'number') return v;
  const m = /^([0-9][0-9,]*(?:\.[0-9]+)?)(?:元|元\/月|元每月)?$/.exec(cellText(v).normalize('NFKC').replace(/\s/g, ''));
  return m ? Number(m[1].replace(/,/g, '')) : undefined;
}

export function checkCell(field: FieldSpec, v: CellValue, asOf: SimpleDate, facts: RowFacts): Issue[] {
  if (isCellError(v)) {
    return [
      issue(
        'error',
        'cell.formula-error',
        `${q(field)}显示错误值 ${v.error}：公式出错，请改正公式或直接填写内容`,
        `${field.label} shows the error value ${v.error}: fix the formula or type the value`,
      ),
    ];
  }
  if (isBlank(v)) {
    return field.required
      ? [issue('error', 'field.required', `${q(field)}未填写：申报材料不得缺项、漏项，请补填`, `${field.label} is empty: every item must be filled in`)]
      : NONE;
  }
  switch (field.type) {
    case 'residentId': {
      const d = diagnoseResidentId(v, asOf);
      facts.id = d;
      return d.issues;
    }
    case 'sex':
    case 'enum':
    case 'flag': {
      const text = cellText(v);
      const o = matchOption(field, text);
      if (o) {
        facts.options.set(field.key, o);
        return NONE;
      }
      return [
        issue(
          'error',
          'field.option',
          `${q(field)}填写“${text.trim()}”不是表格的选项；请改为以下之一：${optionList(field)}`,
          `"${text.trim()}" is not an option of ${field.label}; use one of: ${optionList(field)}`,
        ),
      ];
    }
    case 'multiEnum': {
      const text = cellText(v);
      const { values, unknown } = matchOptions(field, text);
      facts.multiOptions.set(field.key, values);
      const out: Issue[] = [];
      if (unknown.length) {
        out.push(
          issue(
            'error',
            'field.option',
            `${q(field)}中“${unknown.join('、')}”不是表格的选项；可选：${optionList(field)}（可多选，用顿号分隔）`,
            `"${unknown.join(', ')}" is not an option of ${field.label}; choose from: ${optionList(field)}`,
          ),
        );
      }
      if (values.includes('否') && values.length > 1) {
        out.push(
          issue('error', 'field.option-contradiction', `${q(field)}同时选了“否”和其他称号，请只保留一种`, `${field.label} ticks "否" (none) together with titles; keep one`),
        );
      }
      return out.length ? out : NONE;
    }
    case 'mobile':
      return checkMobile(v);
    case 'phone':
      return checkPhone(v);
    case 'postcode':
      return checkPostcode(v);
    case 'email':
      return checkEmail(v);
    case 'count': {
      const r = parseCount(v);
      if (r.value !== undefined) facts.numbers.set(field.key, r.value);
      return relabel(r.issues, field);
    }
    case 'years': {
      const r = parseYears(v);
      if (r.value !== undefined) facts.numbers.set(field.key, r.value);
      return relabel(r.issues, field);
    }
    case 'serial': {
      const n = typeof v === 'number' ? v : Number(cellText(v).normalize('NFKC').trim());
      if (Number.isInteger(n) && n > 0) facts.numbers.set(field.key, n);
      else
        return [
          issue('warning', 'serial.format', `${q(field)}“${cellText(v).trim()}”不是正整数，请按 1、2、3… 编号`, `${field.label} "${cellText(v).trim()}" is not a positive whole number`),
        ];
      return NONE;
    }
    case 'money': {
      const n = parseMoney(v);
      if (n === undefined || n < 0) {
        return [
          issue('error', 'money.format', `${q(field)}“${cellText(v).trim()}”不是金额，请只填数字（单位：元/月），如 8500`, `${field.label} "${cellText(v).trim()}" is not an amount; type a number of yuan per month`),
        ];
      }
      facts.numbers.set(field.key, n);
      return NONE;
    }
    case 'longText': {
      const text = cellText(v);
      const a = field.maxChars ? checkMaxChars(text, field.maxChars, field.label) : NONE;
      const b = field.aboutChars ? checkAboutChars(text, field.aboutChars, field.label) : NONE;
      return a.length === 0 ? b : b.length === 0 ? a : [...a, ...b];
    }
    case 'name': {
      const text = cellText(v).trim();
      if (/\d/.test(text) || text.length > 30) {
        return [issue('warning', 'name.format', `${q(field)}“${text}”不像姓名（含数字或过长），请核对是否填错栏`, `${field.label} "${text}" does not look like a name`)];
      }
      return NONE;
    }
    case 'text':
    case 'indicator':
      return NONE;
  }
}

/** Number checks speak of "the value"; name the column in the message. */
function relabel(issues: Issue[], field: FieldSpec): Issue[] {
  return issues.map((i) => ({
    ...i,
    message: { zh: `${q(field)}${i.message.zh}`, en: `${field.label}: ${i.message.en}` },
  }));
}

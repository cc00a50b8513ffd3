/**
 * Checks of one cell against its field's type (required, options, ID, phones, counts, text limits).
 * What a check learns (the ID's birth date, a count) is kept in the row's facts for the row-level rules.
 */
import { Issue, NO_ISSUES } from '../model/findings';
import { CellValue, isCellError } from '../model/grid';
import { SimpleDate } from '../model/dates';
import { FieldSpec } from '../profiles/schema';
import { cellText, isBlank } from '../text/normalize';
import { diagnoseResidentId, IdDiagnosis } from '../checks/resident-id';
import { checkEmail, checkMobile, checkPhone, checkPostcode } from '../checks/contact';
import { parseCount, parseYears } from '../checks/numbers';
import { checkAboutChars, checkMaxChars } from '../checks/text-length';
import { fieldOptions, matchOption, matchOptions } from './options';
import { report } from './catalogue';

/**
 * A row's values by field key, one instance for all the rows of a table. Clearing forgets the values and keeps the
 * keys: Map.clear() gives its table back and the next row grows a new one, which over 100,000 rows made a sixth of
 * everything the check allocated.
 */
export class RowValues<T> {
  private readonly values = new Map<string, T | undefined>();
  private readonly keys: string[] = [];
  get(key: string): T | undefined {
    return this.values.get(key);
  }
  has(key: string): boolean {
    return this.values.get(key) !== undefined;
  }
  set(key: string, value: T): void {
    const known = this.values.size;
    this.values.set(key, value);
    if (this.values.size !== known) this.keys.push(key);
  }
  clear(): void {
    for (let i = 0; i < this.keys.length; i++) this.values.set(this.keys[i], undefined);
  }
}

/** What the row-level rules need from the cells of one row. */
export interface RowFacts {
  id?: IdDiagnosis;
  /** The canonical option of single-choice fields by key (sex, identity, hasPatent...). */
  options: RowValues<string>;
  /** The canonical options of multi-choice fields (modelWorker). */
  multiOptions: RowValues<string[]>;
  numbers: RowValues<number>;
}

export function newRowFacts(): RowFacts {
  return { options: new RowValues(), multiOptions: new RowValues(), numbers: new RowValues() };
}

/** Empties the facts for the next row (one object serves a whole table: fewer allocations per row). */
export function resetRowFacts(facts: RowFacts): void {
  facts.id = undefined;
  facts.options.clear();
  facts.multiOptions.clear();
  facts.numbers.clear();
}

const NONE = NO_ISSUES as Issue[];

function parseMoney(v: CellValue): number | undefined {
  if (typeof v === 'number') return v;
  const m = /^([0-9][0-9,]*(?:\.[0-9]+)?)(?:元|元\/月|元每月)?$/.exec(cellText(v).normalize('NFKC').replace(/\s/g, ''));
  return m ? Number(m[1].replace(/,/g, '')) : undefined;
}

export function checkCell(field: FieldSpec, v: CellValue, asOf: SimpleDate, facts: RowFacts): Issue[] {
  if (isCellError(v)) {
    return [report('cell.formula-error', { field: field.label, error: v.error })];
  }
  if (isBlank(v)) return field.required ? [report('field.required', { field: field.label })] : NONE;
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
      return [report('field.option', { variant: 'single', field: field.label, text: text.trim(), options: fieldOptions(field) })];
    }
    case 'multiEnum': {
      const text = cellText(v);
      const { values, unknown } = matchOptions(field, text);
      facts.multiOptions.set(field.key, values);
      const out: Issue[] = [];
      if (unknown.length) out.push(report('field.option', { variant: 'multiple', field: field.label, unknown, options: fieldOptions(field) }));
      if (values.includes('否') && values.length > 1) out.push(report('field.option-contradiction', { field: field.label }));
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
      const r = parseCount(v, field.label);
      if (r.value !== undefined) facts.numbers.set(field.key, r.value);
      return r.issues;
    }
    case 'years': {
      const r = parseYears(v, field.label);
      if (r.value !== undefined) facts.numbers.set(field.key, r.value);
      return r.issues;
    }
    case 'serial': {
      const n = typeof v === 'number' ? v : Number(cellText(v).normalize('NFKC').trim());
      if (Number.isInteger(n) && n > 0) facts.numbers.set(field.key, n);
      else return [report('serial.format', { field: field.label, text: cellText(v).trim() })];
      return NONE;
    }
    case 'money': {
      const n = parseMoney(v);
      if (n === undefined || n < 0) return [report('money.format', { field: field.label, text: cellText(v).trim() })];
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
      if (/\d/.test(text) || text.length > 30) return [report('name.format', { field: field.label, text })];
      return NONE;
    }
    case 'text':
    case 'indicator':
      return NONE;
  }
}

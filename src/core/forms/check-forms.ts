/**
 * Form sheets in the one door (check/check-workbook.ts): before the tables are recognised, each sheet is looked
 * at — a sheet laid out like the programme's 申报表 (its labels spread over many rows, a value beside or below
 * each) is read as one nominee's form; the forms become one details table that the engine checks like any other
 * (the summary ⇄ details cross-checks included); every finding is then moved back to the form's own cell. A sheet
 * that carries the form's labels but reads neither as a table nor as a form is left out, and when nothing else is
 * left the check fails with a clear message instead of reporting table findings on it ('unclear-layout').
 * Workbooks without form sheets take exactly the path they took before.
 */
import type { Finding } from '../model/findings';
import { cellAddress, SheetGrid, WorkbookGrid } from '../model/grid';
import type { SimpleDate } from '../model/dates';
import type { Profile } from '../profiles/schema';
import { recognizeSheetTables } from '../recognition/recognize-tables';
import { NoTableError, TableReport, ValidationResult, validateWorkbookSteps } from '../rules/validate-workbook';
import { runAtOnce, type Steps } from '../check/steps';
import { report } from '../rules/catalogue';
import { headerKey, isBlank, simplify } from '../text/normalize';
import { CheckError } from '../check/failures';
import { applicationForm, FormLayout } from './form-layout';
import type { FormRecord } from './form-record';
import { readForm } from './read-form';
import { detailsSheet } from './form-details';

export type SheetKind = 'form' | 'table' | 'unclear' | 'none';

/** A form has at least this many of its fields filled in or labelled … */
const MIN_FORM_FIELDS = 6;
/** … on at least this many rows (a table's labels sit on one or two header rows). */
const MIN_FORM_LABEL_ROWS = 4;
/** Forms are short: longer sheets are tables (and are not scanned cell by cell). */
const MAX_FORM_ROWS = 400;
const SCAN_ROWS = 120;

interface QuickScan {
  /** Rows with a cell that is exactly a label of the form. */
  labelRows: number[];
  distinct: number;
}

const LEAD = /^[\s\u3000☑☒■√✓✔□☐\d.、．()（）]*/;

/** Whole-cell labels in the first rows (cheap: a table's data rows rarely hold a short label-like text). */
function quickScan(sheet: SheetGrid, keys: LabelKeys): QuickScan {
  const rows: number[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < Math.min(sheet.rows.length, SCAN_ROWS); r++) {
    let hit = false;
    for (const v of sheet.rows[r] ?? []) {
      if (typeof v !== 'string' || v.length > 40 || isBlank(v)) continue;
      // Most data cells are names, units, numbers: their first character starts no label, and folding them
      // (NFKC, traditional → simplified) would cost more than the rest of the check.
      // A cell starting with a Chinese character has no lead to strip (no regular expression for it).
      const c0 = v.charCodeAt(0);
      const body = c0 >= 0x4e00 && c0 <= 0x9fff ? v : v.replace(LEAD, '');
      const first = body.charAt(0);
      if (!first || !startsLabel(keys, first)) continue;
      const k = headerKey(body);
      if (keys.all.has(k)) {
        hit = true;
        seen.add(k);
      }
    }
    if (hit) rows.push(r);
  }
  return { labelRows: rows, distinct: seen.size };
}

interface LabelKeys {
  all: Set<string>;
  /** First characters of the keys. */
  first: Set<string>;
  /** Characters seen first in a cell → whether a key starts with them once folded (the fold costs more than the look-up). */
  seen: Map<string, boolean>;
}

function startsLabel(keys: LabelKeys, ch: string): boolean {
  if (keys.first.has(ch)) return true;
  let ok = keys.seen.get(ch);
  if (ok === undefined) {
    ok = keys.first.has(simplify(ch.normalize('NFKC')).toLowerCase());
    // Bounded: the characters a sheet's cells start with, at most a few thousand.
    if (keys.seen.size < 20000) keys.seen.set(ch, ok);
  }
  return ok;
}

const keySets = new WeakMap<FormLayout, LabelKeys>();
function labelKeys(layout: FormLayout): LabelKeys {
  let keys = keySets.get(layout);
  if (!keys) {
    const all = new Set<string>();
    for (const i of layout.items) for (const l of [i.label, i.field.label, ...i.field.aliases]) all.add(headerKey(l));
    all.delete('');
    keys = { all, first: new Set([...all].map((k) => k.charAt(0))), seen: new Map() };
    keySets.set(layout, keys);
  }
  return keys;
}

/** Is this sheet a form (read as one), a table, something with the form's labels that is neither, or nothing? */
export function classifySheet(sheet: SheetGrid, profile: Profile, layout: FormLayout = applicationForm(profile)): { kind: SheetKind; record?: FormRecord } {
  const scan = quickScan(sheet, labelKeys(layout));
  if (sheet.rows.length <= MAX_FORM_ROWS && scan.labelRows.length >= MIN_FORM_LABEL_ROWS - 1 && scan.distinct >= 3) {
    const record = readForm(sheet, layout);
    const filled = [...record.places.keys()].length;
    if (filled >= MIN_FORM_FIELDS && record.labelRows >= MIN_FORM_LABEL_ROWS) return { kind: 'form', record };
  }
  // Too few label rows to be anything but a table (or nothing): the engine recognises it (only once).
  if (scan.labelRows.length < 3) return { kind: 'table' };
  const tables = recognizeSheetTables(sheet, profile);
  if (!tables.length) return { kind: 'none' };
  // Several units' summaries pasted into one sheet repeat the header (and the footer lines) in every block:
  // those rows are the tables' own, not a form's labels.
  const own = new Set<number>();
  for (const t of tables) {
    for (let r = t.headerTop; r <= t.headerRow; r++) own.add(r);
    for (const line of Object.values(t.footer ?? {})) if (line) own.add(line.labelRow).add(line.row);
  }
  // Labels on several rows under the "header": the layout of a form, too broken to read as one.
  const below = scan.labelRows.filter((r) => r > tables[0].headerRow && !own.has(r)).length;
  return { kind: below >= 2 ? 'unclear' : 'table' };
}

export interface FormsValidation {
  result: ValidationResult;
  /** The forms read (one per form sheet), in sheet order; empty when the workbook has none. */
  forms: FormRecord[];
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  return name;
}

/** Sheet names for a message: at most three, then 等 N 个. */
function nameList(records: readonly FormRecord[]): string {
  const names = records.map((r) => r.sheet);
  return names.length <= 3 ? names.join('、') : `${names.slice(0, 3).join('、')} 等 ${names.length} 份`;
}

/**
 * validateWorkbook with form sheets read as forms. Throws NoTableError as validateWorkbook does, or a CheckError
 * 'unclear-layout' when the only sheets with the programme's labels could not be read either way.
 */
export function validateWithForms(grid: WorkbookGrid, profile: Profile, opts: { asOf: SimpleDate }): FormsValidation {
  return runAtOnce(validateWithFormsSteps(grid, profile, opts));
}

/** validateWithForms in steps (check/steps.ts). */
export function* validateWithFormsSteps(grid: WorkbookGrid, profile: Profile, opts: { asOf: SimpleDate }): Steps<FormsValidation> {
  if (profile.kind !== 'selection' || !profile.tables.details) return { result: yield* validateWorkbookSteps(grid, profile, opts), forms: [] };
  const layout = applicationForm(profile);
  const kept: SheetGrid[] = [];
  const forms: FormRecord[] = [];
  const unclear: string[] = [];
  for (const sheet of grid.sheets) {
    const c = classifySheet(sheet, profile, layout);
    if (c.kind === 'form') forms.push(c.record!);
    else if (c.kind === 'unclear') unclear.push(sheet.name);
    else kept.push(sheet);
  }
  if (forms.length === 0 && unclear.length === 0) return { result: yield* validateWorkbookSteps(grid, profile, opts), forms };
  const synthetic = detailsSheet(forms, profile, uniqueName('申报表', new Set(grid.sheets.map((s) => s.name))));
  const checked: WorkbookGrid = { sheets: forms.length ? [...kept, synthetic] : kept };
  let result: ValidationResult;
  try {
    result = yield* validateWorkbookSteps(checked, profile, opts);
  } catch (e) {
    if (e instanceof NoTableError && unclear.length) throw new CheckError({ code: 'unclear-layout', profile, sheets: unclear }, { cause: e });
    throw e;
  }
  if (forms.length === 0) return { result, forms };
  return { result: placeOnForms(result, synthetic, forms, profile, grid), forms };
}

/** Moves the findings on the details table made of the forms back to the forms' cells, and reports each form. */
function placeOnForms(result: ValidationResult, synthetic: SheetGrid, forms: readonly FormRecord[], profile: Profile, grid: WorkbookGrid): ValidationResult {
  const fields = profile.tables.details!.fields;
  const recordAt = (row: number) => forms[row - 1];
  const placeOf = (rec: FormRecord, key: string) => rec.places.get(key) ?? rec.anchor;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const f of result.findings) {
    if (f.sheet !== synthetic.name) {
      findings.push(rewordForForms(f, synthetic, forms));
      continue;
    }
    const rec = recordAt(f.row);
    if (!rec) continue;
    const key = fields[f.col]?.key;
    const p = key ? placeOf(rec, key) : rec.anchor;
    const moved: Finding = { ...rewordForForms(f, synthetic, forms), sheet: rec.sheet, row: p.row, col: p.col, cell: cellAddress(p.row, p.col) };
    if (key) fieldOfFinding.set(moved, key);
    const dedupe = `${moved.sheet}|${moved.row}|${moved.col}|${moved.rule}|${moved.message.zh}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    findings.push(moved);
  }
  const order = new Map(grid.sheets.map((s, i) => [s.name, i]));
  findings.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col);
  const layout = applicationForm(profile);
  const formReports: TableReport[] = forms.map((rec) => ({
    sheet: rec.sheet,
    kind: 'form',
    name: { zh: '申报表', en: 'application form' },
    header: cellAddress(rec.anchor.row, rec.anchor.col),
    nominees: 1,
    columns: rec.places.size,
    missingColumns: layout.items.filter((i) => !rec.places.has(i.field.key)).map((i) => i.field.label),
  }));
  const tables = result.tables.filter((t) => t.sheet !== synthetic.name);
  return {
    ...result,
    tables: [...tables, ...formReports].sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0)),
    recognized: result.recognized.filter((t) => t.sheet !== synthetic),
    // The people of the forms are found on the forms (for duplicates across files, check/combine-files.ts).
    people: result.people.map((person) => {
      const rec = person.sheet === synthetic.name ? recordAt(person.row) : undefined;
      if (!rec) return person;
      const at = placeOf(rec, 'name');
      return { ...person, sheet: rec.sheet, row: at.row, col: at.col };
    }),
    findings,
    counts: { error: findings.filter((f) => f.severity === 'error').length, warning: findings.filter((f) => f.severity === 'warning').length, info: findings.filter((f) => f.severity === 'info').length },
  };
}

/** Messages that name a row or the sheet of the details table now name the form instead. */
function rewordForForms(f: Finding, synthetic: SheetGrid, forms: readonly FormRecord[]): Finding {
  const p = f.params as Record<string, unknown> | undefined;
  if (!p) return f;
  const formAt = (row: unknown) => (typeof row === 'number' ? forms[row - 2] : undefined);
  const again = (params: object): Finding => {
    const issue = (report as (id: string, params: object) => Pick<Finding, 'message' | 'params'>)(f.rule, params);
    return { ...f, message: issue.message, params: issue.params };
  };
  switch (f.rule) {
    case 'duplicate.id':
    case 'duplicate.name': {
      const first = formAt(p.firstRow);
      if (!first || f.sheet !== synthetic.name) return f;
      const key = f.rule === 'duplicate.id' ? 'residentId' : 'name';
      const place = first.places.get(key) ?? first.anchor;
      return again({ ...p, firstRow: place.row + 1, ...(f.rule === 'duplicate.id' ? { firstNominee: `${String(p.firstNominee)}，${first.sheet}` } : {}) });
    }
    case 'cross.unit-mismatch': {
      if (p.detailsSheet !== synthetic.name) return f;
      const first = formAt(p.detailsRow);
      if (!first) return f;
      return again({ ...p, detailsSheet: first.sheet, detailsRow: (first.places.get('unit') ?? first.anchor).row + 1 });
    }
    case 'cross.missing-details':
      return p.detailsSheet === synthetic.name ? again({ ...p, detailsSheet: nameList(forms) }) : f;
    default:
      return f;
  }
}

/** The field each finding moved onto a form is about (several fields may share a cell, e.g. a force's lines). */
const fieldOfFinding = new WeakMap<Finding, string>();

/** The label a finding on a form points at ("身份证"), for reports that name a Word file and a label. */
export function formLabelOf(f: Finding, forms: readonly FormRecord[]): string | undefined {
  const rec = forms.find((r) => r.sheet === f.sheet);
  if (!rec) return undefined;
  const key = fieldOfFinding.get(f);
  if (key) return rec.labels.get(key) ?? key;
  for (const [k, p] of rec.places) if (p.row === f.row && p.col === f.col) return rec.labels.get(k);
  return undefined;
}

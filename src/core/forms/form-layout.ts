/**
 * A programme's forms, resolved: the profile's `forms` section (form-schema.ts) with every item turned into its
 * field (label, options, text limits from the catalogue and the details table), or — for a profile without the
 * section — a plain layout derived from the details table. The reader (read-form.ts) and the printed document
 * (form-document.ts) both work from this one layout, so what is printed is what is read back.
 */
import type { FieldSpec, Force, Profile } from '../profiles/schema';
import { FORCES } from '../profiles/schema';
import { fieldCatalogue } from '../profiles/load-profile';
import type { FormItemInput, FormLayoutInput, FormRowInput, FormsSection } from './form-schema';

export interface FormItem {
  field: FieldSpec;
  /** What the form prints before the value. */
  label: string;
  /** Printed after the value ("年", "元/月"); not part of the value. */
  suffix?: string;
}

export interface ForceBlock {
  force: Force;
  lines: FormItem[];
}

export type FormRow =
  | { kind: 'pairs'; items: FormItem[] }
  | { kind: 'forces'; blocks: ForceBlock[] }
  | { kind: 'questions'; intro?: string; items: FormItem[] }
  | { kind: 'opinion'; label: string; item?: FormItem }
  | { kind: 'heading'; text: string };

export interface FormLayout {
  title: string;
  /** Lines above the table ("推荐单位：…"). */
  header: FormItem[];
  rows: FormRow[];
  notes: string[];
  /** Every field on the form, in reading order (header first). */
  items: FormItem[];
  /** Words the form prints that are not fields (force names, blocks the organiser fills): never values. */
  structural: string[];
}

export interface FormsSettings {
  copies: number;
  attachAbove: number;
  summary?: { title: string; note?: string };
  packName: string;
}

/** `{programme}` (the name without 培养选树), `{name}` and `{year}` in a title. */
export function fillTitle(template: string, profile: Pick<Profile, 'name' | 'year'>): string {
  const programme = profile.name.zh.replace(/培养选树$/, '');
  return template.replace(/\{programme\}/g, programme).replace(/\{name\}/g, profile.name.zh).replace(/\{year\}/g, String(profile.year));
}

/** The label a form prints for a field: long texts say their limit, as the notices do ("（100字以内）"). */
export function printedLabel(field: FieldSpec): string {
  if (field.type !== 'longText' || /[（(][^）)]*字/.test(field.label)) return field.label;
  if (field.maxChars) return `${field.label}（${field.maxChars}字以内）`;
  if (field.aboutChars) return `${field.label}（${field.aboutChars}字左右）`;
  return field.label;
}

type FieldOf = (key: string) => FieldSpec | undefined;

function applicationFieldOf(profile: Profile): FieldOf {
  const details = profile.tables.details?.fields ?? [];
  return (key) => details.find((f) => f.key === key) ?? fieldCatalogue().get(key);
}

const catalogueFieldOf: FieldOf = (key) => fieldCatalogue().get(key);

function itemOf(input: FormItemInput, fieldOf: FieldOf): FormItem | undefined {
  const key = typeof input === 'string' ? input : input.field;
  const field = fieldOf(key);
  if (!field) return undefined;
  const item: FormItem = { field, label: (typeof input === 'string' ? undefined : input.label) ?? printedLabel(field) };
  if (typeof input !== 'string' && input.suffix) item.suffix = input.suffix;
  return item;
}

function forceLines(force: Force, details: readonly FieldSpec[]): FormItem[] {
  return details.filter((f) => f.force === force).map((field) => ({ field, label: field.label }));
}

function resolveLayout(input: FormLayoutInput, profile: Profile, fieldOf: FieldOf): FormLayout {
  const details = profile.tables.details?.fields ?? [];
  const items: FormItem[] = [];
  const structural: string[] = [];
  const take = (list: readonly FormItemInput[]) => list.map((i) => itemOf(i, fieldOf)).filter((i): i is FormItem => i !== undefined);
  const header = take(input.header ?? []);
  items.push(...header);
  const rows: FormRow[] = (input.rows ?? derivedLayout(profile).rows ?? []).map((row: FormRowInput): FormRow => {
    if ('pairs' in row) {
      const list = take(row.pairs);
      items.push(...list);
      return { kind: 'pairs', items: list };
    }
    if ('forces' in row) {
      const blocks = row.forces.filter((f): f is Force => (FORCES as readonly string[]).includes(f)).map((force) => ({ force, lines: forceLines(force, details) }));
      for (const b of blocks) {
        structural.push(b.force);
        items.push(...b.lines);
      }
      return { kind: 'forces', blocks };
    }
    if ('questions' in row) {
      const list = take(row.questions);
      items.push(...list);
      return row.intro ? { kind: 'questions', intro: row.intro, items: list } : { kind: 'questions', items: list };
    }
    if ('opinion' in row) {
      const item = row.field ? itemOf({ field: row.field, label: row.opinion }, fieldOf) : undefined;
      if (item) items.push(item);
      else structural.push(row.opinion);
      return item ? { kind: 'opinion', label: row.opinion, item } : { kind: 'opinion', label: row.opinion };
    }
    return { kind: 'heading', text: fillTitle(row.heading, profile) };
  });
  return { title: fillTitle(input.title, profile), header, rows, notes: input.notes ?? [], items, structural };
}

const SHORT_TYPES = new Set(['text', 'name', 'sex', 'mobile', 'phone', 'postcode', 'email', 'count', 'years', 'money', 'residentId', 'serial']);
const HEADER_KEYS = ['recommender', 'unionOrSociety'];
const OPINION_KEYS = ['unitOpinion', 'recommenderOpinion'];

/**
 * The plain layout of a profile that does not lay its form out: header fields, then short fields three to a row,
 * choices with many options on a row of their own, the five forces two by two, long texts, opinions. Material
 * tracking columns (`materials[].trackedBy`) are not on the paper form.
 */
export function derivedLayout(profile: Profile): FormLayoutInput {
  const details = profile.tables.details?.fields ?? [];
  const tracked = new Set(profile.materials.map((m) => m.trackedBy).filter(Boolean));
  const header: string[] = [];
  const rows: FormRowInput[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) rows.push({ pairs: pending });
    pending = [];
  };
  const forces = FORCES.filter((force) => details.some((f) => f.force === force && f.type === 'indicator'));
  let forcesPlaced = false;
  for (const f of details) {
    if (tracked.has(f.key) || f.type === 'serial') continue;
    if (HEADER_KEYS.includes(f.key)) {
      header.push(f.key);
      continue;
    }
    if (f.force && forces.includes(f.force)) {
      if (!forcesPlaced) {
        flush();
        for (let i = 0; i < forces.length; i += 2) rows.push({ forces: forces.slice(i, i + 2) });
        forcesPlaced = true;
      }
      continue;
    }
    if (OPINION_KEYS.includes(f.key)) {
      flush();
      rows.push({ opinion: f.label, field: f.key });
      continue;
    }
    const many = (f.type === 'enum' || f.type === 'multiEnum') && (f.options?.length ?? 0) > 3;
    if (f.type === 'longText' || many) {
      flush();
      rows.push({ pairs: [f.key] });
      continue;
    }
    if (!SHORT_TYPES.has(f.type) && f.type !== 'flag' && f.type !== 'enum' && f.type !== 'multiEnum') continue;
    pending.push(f.key);
    if (pending.length === 3) flush();
  }
  flush();
  return { title: '{programme}申报表', header, rows, notes: [] };
}

const applicationForms = new WeakMap<Profile, FormLayout>();

/**
 * The 申报表 of a programme, as its notice lays it out (or derived from the details table). Made once per profile:
 * every sheet of every file is compared with it (check-forms.ts). Read-only for its users.
 */
export function applicationForm(profile: Profile): FormLayout {
  let layout = applicationForms.get(profile);
  if (!layout) {
    const input = profile.forms?.application ?? derivedLayout(profile);
    layout = resolveLayout(input, profile, applicationFieldOf(profile));
    applicationForms.set(profile, layout);
  }
  return layout;
}

/** The other table of the notice (上海工匠 附件3 统计表), when the profile has one. */
export function statisticsForm(profile: Profile): (FormLayout & { name: string; groupBy?: string; counted: Record<string, 'nominees'> }) | undefined {
  const s = profile.forms?.statistics;
  if (!s) return undefined;
  const layout = resolveLayout(s, profile, catalogueFieldOf);
  return { ...layout, name: s.name, groupBy: s.groupBy, counted: s.counted };
}

/** Copies, the 附页 threshold, the summary's printed title and the package name, with the defaults filled in. */
export function formsSettings(profile: Profile): FormsSettings {
  const f = profile.forms;
  const out: FormsSettings = { copies: f?.copies ?? 3, attachAbove: f?.attachAbove ?? 600, packName: f?.packName ?? '{unit}-{programme}推荐材料' };
  if (f?.summary) out.summary = { title: fillTitle(f.summary.title, profile), ...(f.summary.note ? { note: f.summary.note } : {}) };
  else if (profile.tables.summary) out.summary = { title: fillTitle('{name}推荐汇总表', profile) };
  return out;
}

/** Field keys a `forms` section names that nobody knows, and forces that are not the five (profile loading). */
export function formsProblems(forms: FormsSection | undefined, detailsKeys: ReadonlySet<string>): string[] {
  if (!forms) return [];
  const problems: string[] = [];
  const known = (k: string) => detailsKeys.has(k) || fieldCatalogue().has(k);
  const check = (layout: FormLayoutInput | undefined, where: string) => {
    if (!layout) return;
    const keyOf = (i: FormItemInput) => (typeof i === 'string' ? i : i.field);
    (layout.header ?? []).forEach((i, n) => {
      if (!known(keyOf(i))) problems.push(`${where}.header[${n}]: 未知字段 “${keyOf(i)}”`);
    });
    (layout.rows ?? []).forEach((row, n) => {
      const here = `${where}.rows[${n}]`;
      const list = 'pairs' in row ? row.pairs : 'questions' in row ? row.questions : [];
      for (const i of list) if (!known(keyOf(i))) problems.push(`${here}: 未知字段 “${keyOf(i)}”`);
      if ('forces' in row) for (const f of row.forces) if (!(FORCES as readonly string[]).includes(f)) problems.push(`${here}.forces: “${f}” 不是工匠五力之一（${FORCES.join('、')}）`);
      if ('opinion' in row && row.field && !known(row.field)) problems.push(`${here}.field: 未知字段 “${row.field}”`);
    });
  };
  check(forms.application, 'forms.application');
  check(forms.statistics, 'forms.statistics');
  if (forms.statistics) {
    if (!forms.statistics.rows) problems.push('forms.statistics.rows: 统计表需要写明各行（rows）');
    for (const k of Object.keys(forms.statistics.counted)) if (!known(k)) problems.push(`forms.statistics.counted: 未知字段 “${k}”`);
    if (forms.statistics.groupBy && !known(forms.statistics.groupBy)) problems.push(`forms.statistics.groupBy: 未知字段 “${forms.statistics.groupBy}”`);
  }
  return problems;
}

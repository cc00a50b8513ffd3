/**
 * Turns profile data (built-in JSON or a user's file) into a checked Profile:
 * "extends" is applied, catalogue field references are expanded, and everything passes zod.
 * Errors name the exact place in the file ("tables.details.fields[3].type: ...") in Chinese and English.
 */
import { z } from 'zod';
import catalogueJson from './builtin/fields.json';
import { FieldSpec, fieldSchema, Profile, profileSchema, ResolvedTable, TableKind } from './schema';
import { workbookRuleProblems } from '../rules/workbook-rules';
import { cultivationProblems } from './cultivation-schema';
import { formsProblems } from '../forms/form-layout';

export class ProfileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`配置文件 ${source} 有误：\n  ` + problems.join('\n  '));
    this.name = 'ProfileError';
  }
}

const zhErrors = { error: z.locales.zhCN().localeError };

/** ["tables", "details", "fields", 3] → "tables.details.fields[3]" */
function pathText(path: (string | number)[]): string {
  return path.map((p, idx) => (typeof p === 'number' ? `[${p}]` : (idx ? '.' : '') + p)).join('');
}

function formatIssues(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): string[] {
  return issues.map((i) => `${pathText([...prefix, ...(i.path as (string | number)[])]) || '(根)'}: ${i.message}`);
}

let catalogue: Map<string, FieldSpec> | undefined;
/** The standard field catalogue (labels, aliases and options of the forms), checked once. */
export function fieldCatalogue(): Map<string, FieldSpec> {
  if (!catalogue) {
    const parsed = z.array(fieldSchema).safeParse((catalogueJson as { fields: unknown }).fields, zhErrors);
    if (!parsed.success) throw new ProfileError('fields.json', formatIssues(parsed.error.issues, ['fields']));
    catalogue = new Map(parsed.data.map((f) => [f.key, f]));
  }
  return catalogue;
}

type RawProfile = Record<string, unknown>;

/** Applies "extends" (top-level keys of the child replace the parent's; headerSynonyms are added to them). */
function flatten(raw: RawProfile, source: string, lookup: (id: string) => RawProfile | undefined, seen: string[]): RawProfile {
  const parentId = raw.extends;
  if (parentId === undefined) return raw;
  if (typeof parentId !== 'string') throw new ProfileError(source, ['extends: 应为另一个项目配置的 id（字符串）']);
  if (seen.includes(parentId)) throw new ProfileError(source, [`extends: 循环继承 ${[...seen, parentId].join(' → ')}`]);
  const parent = lookup(parentId);
  if (!parent) throw new ProfileError(source, [`extends: 找不到项目配置 “${parentId}”（可用 jiangxuan programs 查看）`]);
  const base = flatten(parent, parentId, lookup, [...seen, parentId]);
  const merged: RawProfile = { ...base, ...raw };
  // Header synonyms add up: a child naming one more group keeps the parent's.
  if (Array.isArray(base.headerSynonyms) && Array.isArray(raw.headerSynonyms)) merged.headerSynonyms = [...base.headerSynonyms, ...raw.headerSynonyms];
  delete merged.extends;
  return merged;
}

function resolveFields(refs: unknown[], path: (string | number)[], problems: string[]): FieldSpec[] {
  const cat = fieldCatalogue();
  const out: FieldSpec[] = [];
  refs.forEach((ref, i) => {
    const here = [...path, i];
    let candidate: unknown;
    if (typeof ref === 'string') {
      const known = cat.get(ref);
      if (!known) {
        problems.push(`${pathText(here)}: 未知字段 “${ref}”（标准字段见 fields.json，或写出完整字段定义）`);
        return;
      }
      candidate = known;
    } else {
      const obj = ref as Record<string, unknown>;
      const known = cat.get(String(obj.key));
      // Overrides replace the catalogue's values, except that the catalogue's label and aliases stay
      // recognised: a profile renaming "曾经获得的荣誉/成果" must still find a column typed that way.
      candidate = known
        ? {
            ...known,
            ...obj,
            aliases: [...new Set([...(Array.isArray(obj.aliases) ? (obj.aliases as string[]) : []), ...known.aliases, known.label])],
          }
        : obj;
    }
    const parsed = fieldSchema.safeParse(candidate, zhErrors);
    if (!parsed.success) problems.push(...formatIssues(parsed.error.issues, here));
    else out.push(parsed.data);
  });
  return out;
}


/**
 * Checks and resolves one profile.
 * @param raw parsed JSON of the profile
 * @param source where it came from, for messages
 * @param lookup finds other profiles' raw data by id (for "extends")
 */
export function resolveProfile(raw: unknown, source: string, lookup: (id: string) => RawProfile | undefined): Profile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProfileError(source, ['(根): 配置文件应是一个 JSON 对象 { ... }']);
  }
  const flat = flatten(raw as RawProfile, source, lookup, [String((raw as RawProfile).id)]);
  const parsed = profileSchema.safeParse(flat, zhErrors);
  if (!parsed.success) throw new ProfileError(source, formatIssues(parsed.error.issues));
  const data = parsed.data;
  const problems: string[] = [];
  const tables: Partial<Record<TableKind, ResolvedTable>> = {};
  for (const [kind, t] of Object.entries(data.tables)) {
    const fields = resolveFields(t.fields, ['tables', kind, 'fields'], problems);
    const keys = new Set<string>();
    for (const f of fields) {
      if (keys.has(f.key)) problems.push(`tables.${kind}.fields: 字段 “${f.key}” 出现了两次`);
      keys.add(f.key);
    }
    tables[kind] = { kind, name: t.name, fields, minMatches: t.minMatches, optional: t.optional };
  }
  if (Object.keys(tables).length === 0) problems.push('tables: 至少需要一张表（如 summary 汇总表或 details 明细表）');
  // Rules name fields by key: a typo would silently disable the rule, so it is an error here.
  const allKeys = new Set(Object.values(tables).flatMap((t) => t!.fields.map((f) => f.key)));
  data.eligibility.forEach((rule, i) => {
    for (const k of rule.fields) {
      if (!allKeys.has(k) && !fieldCatalogue().has(k)) problems.push(`eligibility[${i}].fields: 未知字段 “${k}”`);
    }
    const patterns = 'patterns' in rule ? rule.patterns : 'awardPatterns' in rule ? rule.awardPatterns : rule.sourcePatterns;
    for (const p of [...patterns, ...('exceptPatterns' in rule ? rule.exceptPatterns : [])]) {
      try {
        new RegExp(p);
      } catch {
        problems.push(`eligibility[${i}]: 正则表达式无效 “${p}”`);
      }
    }
  });
  for (const m of data.materials) {
    if (m.trackedBy && !fieldCatalogue().has(m.trackedBy) && !allKeys.has(m.trackedBy)) {
      problems.push(`materials.${m.id}.trackedBy: 未知字段 “${m.trackedBy}”`);
    }
  }
  const cultivation = data.cultivation;
  let workbookRules = data.workbookRules;
  if (data.kind === 'cultivation' && !cultivation) problems.push('cultivation: 培育项目需要 cultivation 一节（培育期、目标、认定称号、活动类型等）');
  if (cultivation) {
    const fieldOf = (table: string, key: string) => tables[table]?.fields.find((f) => f.key === key);
    problems.push(...cultivationProblems(cultivation, fieldOf));
    // The activity kinds are the notice's: they are the options of the activity log's 活动类型.
    const kind = fieldOf('activities', 'activityType');
    if (kind) {
      kind.options = [...cultivation.activityKinds];
      if (kind.optionAliases) kind.optionAliases = Object.fromEntries(Object.entries(kind.optionAliases).filter(([, to]) => cultivation.activityKinds.includes(to)));
    }
    // One period length: rules that leave it out take the section's, a different one is a contradiction.
    workbookRules = workbookRules.map((r, i) => {
      if (r.kind !== 'dateInPeriod' && r.kind !== 'requiredWhenFinished') return r;
      const months = r.period.defaultMonths;
      if (months !== undefined && months !== cultivation.periodMonths) {
        problems.push(`workbookRules[${i}].period.defaultMonths: ${months} 与 cultivation.periodMonths（${cultivation.periodMonths}）不一致`);
      }
      return { ...r, period: { ...r.period, defaultMonths: cultivation.periodMonths } };
    });
  }
  // A rule naming a table or field that does not exist would silently check nothing.
  problems.push(...workbookRuleProblems({ tables, workbookRules }));
  problems.push(...formsProblems(data.forms, allKeys));
  if (problems.length) throw new ProfileError(source, problems);
  const { tables: _t, extends: _e, ...rest } = data;
  return { ...rest, workbookRules, tables, source };
}

/**
 * The rule catalogue: every rule Jiangxuan reports is declared here once, with its severity, a short human name
 * in Chinese and English (what users see instead of the id), its message template and the docs/ heading that
 * explains it. A check reports `report('id.checksum', params)`: the id is a type (RuleId) and the params are
 * the template's, so a misspelt id or a missing parameter does not compile.
 *
 * ## Adding a rule
 *
 * 1. **Entry.** In the family file (identity.ts, employment.ts, contact.ts, content.ts, table.ts) add
 *
 *        'fax.format': rule<{ text: string }>({
 *          severity: 'warning',
 *          name: { zh: '传真号码', en: 'Fax number' },
 *          docs: DOCS, // the family's section of docs/rules.md, e.g. 'rules.md#填写内容'
 *          message: (p) => ({ zh: `传真号码“${p.text}”不正确：…`, en: `The fax number "${p.text}" is wrong: …` }),
 *        }),
 *
 *    Several wordings: give the params a `variant` member and switch on it in `message` (see 'id.format').
 *    A new family: a new file and a line in RULE_FAMILIES below.
 * 2. **Check.** A function in src/core/checks/ for one value (`return [report('fax.format', { text })]`), or a
 *    line in rules/cell-checks.ts (a cell), row-checks.ts (a row) or validate-workbook.ts (a table).
 * 3. **Test.** Next to the check's tests (e.g. test/core/checks/contact.test.ts): a value that breaks the rule,
 *    asserting the rule and the message, and one that does not. `npx jest test/core` runs them.
 *
 * Then give the rule its row in docs/rules.md under that heading (id, name, severity, what it checks):
 * test/core/rules/rules-doc.test.ts compares the rows with this catalogue and prints the row it expects.
 *
 * Rules a programme sets out (a profile's `eligibility` and `workbookRules`) are data: the profile gives each
 * its id, severity, reason and name; the catalogue has one entry per *kind* (eligibility-kinds.ts,
 * workbook-kinds.ts) with the wording and a fallback name. Problems of the scoring files live in scoring.ts
 * and are reported with core/scoring/problems.ts `problem(code, params)`.
 */
import type { Issue, Lang, Localized } from '../../model/findings';
import type { EligibilityRule, Profile } from '../../profiles/schema';
import type { WorkbookRule } from '../../profiles/workbook-rule-schema';
import { CONTACT_RULES } from './contact';
import { CONTENT_RULES } from './content';
import { KindSpec, ParamsOf, RuleSpec } from './define';
import { ELIGIBILITY_KINDS } from './eligibility-kinds';
import { EMPLOYMENT_RULES } from './employment';
import { IDENTITY_RULES } from './identity';
import { SCORING_PROBLEMS } from './scoring';
import { TABLE_RULES } from './table';
import { WORKBOOK_RULE_KINDS } from './workbook-kinds';

export { ELIGIBILITY_KINDS, SCORING_PROBLEMS, WORKBOOK_RULE_KINDS };
export type { KindSpec, RuleSpec };

/** The rules of the engine, by family (a family's rules share a section of docs/rules.md). */
export const RULE_FAMILIES = {
  identity: IDENTITY_RULES,
  employment: EMPLOYMENT_RULES,
  contact: CONTACT_RULES,
  content: CONTENT_RULES,
  table: TABLE_RULES,
};

type Family = (typeof RULE_FAMILIES)[keyof typeof RULE_FAMILIES];
type AllOf<U> = (U extends unknown ? (u: U) => void : never) extends (all: infer I) => void ? I : never;

/** Every rule of the engine by id (the families together; a test checks that no id is declared twice). */
export const RULES = Object.assign({}, ...Object.values(RULE_FAMILIES)) as AllOf<Family>;

/** Every rule id the engine reports, e.g. 'id.checksum'. */
export type RuleId = keyof typeof RULES;
/** What the rule's message template needs. */
export type RuleParams<R extends RuleId> = ParamsOf<(typeof RULES)[R]>;

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

/** The issue a check reports: severity and message come from the catalogue. */
export function report<R extends RuleId>(rule: R, params: RuleParams<R>): Issue {
  const spec = RULES[rule] as unknown as RuleSpec<RuleParams<R>>;
  return { severity: spec.severityOf ? spec.severityOf(params) : spec.severity, rule, params, message: spec.message(params) };
}

export type EligibilityKind = EligibilityRule['kind'];
export type EligibilityParams<K extends EligibilityKind> = ParamsOf<(typeof ELIGIBILITY_KINDS)[K]>;
export type WorkbookRuleKind = WorkbookRule['kind'];
export type WorkbookRuleParams<K extends WorkbookRuleKind> = ParamsOf<(typeof WORKBOOK_RULE_KINDS)[K]>;

/** A rule a profile sets out: its own id, severity and (usually) name; the kind gives the wording. */
type ProfileRule = EligibilityRule | WorkbookRule;

function kindSpec(rule: ProfileRule): KindSpec<never> {
  const kinds: Record<string, KindSpec<never>> = rule.kind in ELIGIBILITY_KINDS ? ELIGIBILITY_KINDS : WORKBOOK_RULE_KINDS;
  return kinds[rule.kind];
}

function reportProfileRule(rule: ProfileRule, params: object): Issue {
  const spec = kindSpec(rule) as unknown as KindSpec<object>;
  return { severity: rule.severity, rule: rule.id, params, message: spec.message(params), ruleName: rule.name ?? spec.name };
}

/** The issue an eligibility rule of a profile reports (rules/eligibility.ts). */
export function reportEligibility<K extends EligibilityKind>(rule: Extract<EligibilityRule, { kind: K }>, params: EligibilityParams<K>): Issue {
  return reportProfileRule(rule, params);
}

/** The issue a workbook rule of a profile reports (rules/workbook-rules.ts). */
export function reportWorkbookRule<K extends WorkbookRuleKind>(rule: Extract<WorkbookRule, { kind: K }>, params: WorkbookRuleParams<K>): Issue {
  return reportProfileRule(rule, params);
}

/** The rules a profile sets out, which ruleName looks through. */
export type ProfileRules = Pick<Profile, 'eligibility' | 'workbookRules'>;

/** A programme rule's name: its own, else its kind's. */
export function profileRuleName(rule: ProfileRule): Localized {
  return rule.name ?? kindSpec(rule).name;
}

/**
 * What users see instead of a rule id (the pane, the text report, the 校验结果 sheet, JSON's ruleName): the
 * catalogue's name; for a programme's own rule the name the profile gives it (a finding carries it), else its
 * kind's. An id nobody knows is shown as it is.
 */
export function ruleName(rule: string | Pick<Issue, 'rule' | 'ruleName'>, lang: Lang, profile?: ProfileRules): string {
  if (typeof rule !== 'string') {
    if (rule.ruleName) return rule.ruleName[lang];
    rule = rule.rule;
  }
  if (isRuleId(rule)) return RULES[rule].name[lang];
  const own = profile && [...profile.eligibility, ...profile.workbookRules].find((r) => r.id === rule);
  return own ? profileRuleName(own)[lang] : rule;
}

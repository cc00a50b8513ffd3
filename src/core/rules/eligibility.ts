/**
 * Programme eligibility: each rule kind is code, each profile supplies its parameters and the notice's words
 * (DOMAIN.md section 4). Texts are searched with whitespace and quotes removed; patterns are written in simplified
 * Chinese and match Traditional characters too.
 */
import { Issue } from '../model/findings';
import { SimpleDate } from '../model/dates';
import { EligibilityRule } from '../profiles/schema';
import { RowFacts } from './cell-checks';
import { reportEligibility } from './catalogue';
import { withTraditionalForms } from '../text/script-variants';
import { containsAny, requiredChars, requiredSet, type RequiredSet } from './required-chars';

export interface RuleHit {
  issue: Issue;
  /** Field whose cell the finding points at. */
  fieldKey: string;
}

/** The row as rules see it: the text of each bound field (whitespace removed) and what the cell checks learnt. */
export interface RowView {
  text(key: string): string | undefined;
  has(key: string): boolean;
  facts: RowFacts;
}

const compiled = new WeakMap<EligibilityRule, { patterns: RegExp[]; except: RegExp[]; required: RequiredSet | undefined }>();
function regexes(rule: EligibilityRule) {
  let c = compiled.get(rule);
  if (!c) {
    const src = rule.kind === 'patentOrAward' ? rule.awardPatterns : rule.kind === 'recentHonours' ? rule.sourcePatterns : rule.patterns;
    const except = 'exceptPatterns' in rule ? rule.exceptPatterns : [];
    // One alternation per rule: a single pass over the text instead of one per pattern (this runs on every row).
    // Patterns are written in Simplified Chinese; each character also matches its Traditional forms.
    const any = (list: string[], flags: string) => (list.length ? [new RegExp(list.map((p) => `(?:${withTraditionalForms(p)})`).join('|'), flags)] : []);
    const chars = requiredChars(src);
    c = { patterns: any(src, 'i'), except: any(except, 'gi'), required: chars && requiredSet(chars) };
    compiled.set(rule, c);
  }
  return c;
}

/** First match of any pattern in the rule's fields, after removing the excepted phrases. */
function firstMatch(rule: EligibilityRule, row: RowView): { key: string; match: string } | undefined {
  const { patterns, except, required } = regexes(rule);
  for (const key of rule.fields) {
    let t = row.text(key);
    if (!t) continue;
    // No character every match needs: nothing to find, with or without the excepted phrases.
    if (required && !containsAny(t, required)) continue;
    for (const e of except) t = t.replace(e, '');
    for (const p of patterns) {
      const m = p.exec(t);
      if (m) return { key, match: m[0] };
    }
  }
  return undefined;
}

function firstPresent(rule: EligibilityRule, row: RowView): string | undefined {
  return rule.fields.find((k) => row.has(k));
}

const YEAR = /(?:19|20)\d{2}/g;

export function applyEligibility(rule: EligibilityRule, row: RowView, asOf: SimpleDate): RuleHit | undefined {
  const reason = rule.reason;
  switch (rule.kind) {
    case 'honourExcluded':
    case 'leaderPost':
    case 'retiree': {
      const m = firstMatch(rule, row);
      if (!m) return undefined;
      return {
        fieldKey: m.key,
        issue: reportEligibility(rule, { match: m.match, reason }),
      };
    }
    case 'honourRequired': {
      const key = firstPresent(rule, row);
      // An empty honours cell is already reported as missing; without the column the rule cannot be checked.
      if (!key || !rule.fields.some((k) => row.text(k))) return undefined;
      if (firstMatch(rule, row)) return undefined;
      return { fieldKey: key, issue: reportEligibility(rule, { reason }) };
    }
    case 'recentHonours': {
      const key = firstPresent(rule, row);
      if (!key) return undefined;
      const from = asOf.y - rule.windowYears;
      const { patterns } = regexes(rule);
      let any = false;
      for (const k of rule.fields) {
        const t = row.text(k);
        if (!t) continue;
        any = true;
        for (const item of t.split(/[\n；;。]/)) {
          const years = item.match(YEAR)?.map(Number) ?? [];
          if (years.some((y) => y >= from && y <= asOf.y) && patterns.some((p) => p.test(item))) return undefined;
        }
      }
      if (!any) return undefined;
      return { fieldKey: key, issue: reportEligibility(rule, { since: from, reason }) };
    }
    case 'patentOrAward': {
      const flag = row.facts.options.get('hasPatent');
      const patents = ['inventionPatents', 'utilityPatents', 'designPatents'].reduce((n, k) => n + (row.facts.numbers.get(k) ?? 0), 0);
      if (flag === '是' || patents > 0) return undefined;
      if (firstMatch(rule, row)) return undefined;
      // Nothing to decide on: neither the patent answer nor any text to search.
      if (flag === undefined && !rule.fields.some((k) => row.text(k))) return undefined;
      const key = row.has('hasPatent') ? 'hasPatent' : firstPresent(rule, row);
      if (!key) return undefined;
      return { fieldKey: key, issue: reportEligibility(rule, { reason }) };
    }
  }
}

/**
 * Programme eligibility: each rule kind is code, each profile supplies its parameters and the notice's words
 * (DOMAIN.md section 4). Texts are searched with whitespace and quotes removed; patterns are written in simplified
 * Chinese and match Traditional characters too.
 */
import { Issue } from '../model/findings';
import { SimpleDate } from '../model/dates';
import { EligibilityRule } from '../profiles/schema';
import { RowFacts } from './cell-checks';
import { PATENT_COUNT_KEYS } from './row-checks';
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
  for (const k of rule.fields) if (row.has(k)) return k;
  return undefined;
}

function anyText(rule: EligibilityRule, row: RowView): boolean {
  for (const k of rule.fields) if (row.text(k)) return true;
  return false;
}

const isSeparator = (c: number) => c === 10 || c === 0xff1b || c === 59 || c === 0x3002; // \n ； ; 。

/** Whether a year from..to is written in t[start, end): four digits 19xx or 20xx, read left to right as /(?:19|20)\d{2}/g would. */
function hasYearIn(t: string, start: number, end: number, from: number, to: number): boolean {
  for (let i = start; i + 3 < end; ) {
    const a = t.charCodeAt(i);
    const b = t.charCodeAt(i + 1);
    const c = t.charCodeAt(i + 2);
    const d = t.charCodeAt(i + 3);
    if (((a === 49 && b === 57) || (a === 50 && b === 48)) && c >= 48 && c <= 57 && d >= 48 && d <= 57) {
      const y = (a - 48) * 1000 + (b - 48) * 100 + (c - 48) * 10 + (d - 48);
      if (y >= from && y <= to) return true;
      i += 4;
    } else i++;
  }
  return false;
}

/** An honour of the window's years: one item (a line, or text between ；;。) with a year in the window and a pattern. */
function recentItem(t: string, patterns: readonly RegExp[], from: number, to: number): boolean {
  // Runs on every row: items are sliced only when they hold a year in the window.
  for (let start = 0; start <= t.length; ) {
    let end = start;
    while (end < t.length && !isSeparator(t.charCodeAt(end))) end++;
    if (hasYearIn(t, start, end, from, to)) {
      const item = t.slice(start, end);
      for (const p of patterns) if (p.test(item)) return true;
    }
    start = end + 1;
  }
  return false;
}

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
      if (!key || !anyText(rule, row)) return undefined;
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
        if (recentItem(t, patterns, from, asOf.y)) return undefined;
      }
      if (!any) return undefined;
      return { fieldKey: key, issue: reportEligibility(rule, { since: from, reason }) };
    }
    case 'patentOrAward': {
      const flag = row.facts.options.get('hasPatent');
      let patents = 0;
      for (const k of PATENT_COUNT_KEYS) patents += row.facts.numbers.get(k) ?? 0;
      if (flag === '是' || patents > 0) return undefined;
      if (firstMatch(rule, row)) return undefined;
      // Nothing to decide on: neither the patent answer nor any text to search.
      if (flag === undefined && !anyText(rule, row)) return undefined;
      const key = row.has('hasPatent') ? 'hasPatent' : firstPresent(rule, row);
      if (!key) return undefined;
      return { fieldKey: key, issue: reportEligibility(rule, { reason }) };
    }
  }
}

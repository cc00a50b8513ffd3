/** What the findings list shows: filtering, grouping by nominee with tallies, rule choices. Pure. */
import type { Finding, FindingCounts, Lang, Severity } from '../core/model/findings';
import { countFindings, SEVERITIES } from '../core/model/findings';
import { groupByNominee } from '../core/report/nominee-groups';
import { ruleName } from '../core/rules/catalogue';

export interface FindingFilter {
  /** Severities shown; all when every one is on. */
  severities: ReadonlySet<Severity>;
  /** Only this rule id; undefined for all. */
  rule?: string;
}

export const ALL_SEVERITIES: ReadonlySet<Severity> = new Set(SEVERITIES);

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => filter.severities.has(f.severity) && (filter.rule === undefined || f.rule === filter.rule));
}

export interface FindingGroup {
  /** Stable React key. */
  key: string;
  /** Nominee as typed ("第 7 行" when unnamed); undefined for table-level findings. */
  nominee?: string;
  findings: Finding[];
  counts: FindingCounts;
}

/** Groups in nominee order (the summary sheet's, see core/report/nominee-groups); table-level findings last. */
export function groupFindings(findings: readonly Finding[], nomineeOrder: readonly string[] = []): FindingGroup[] {
  return groupByNominee(findings, nomineeOrder).map((g, i) => ({
    key: g.nominee === undefined ? '\u0000general' : `${i}:${g.nominee}`,
    nominee: g.nominee,
    findings: g.findings,
    counts: countFindings(g.findings),
  }));
}

export interface RuleChoice {
  /** The rule's id: what the filter keeps, and a tooltip. */
  rule: string;
  /** What the list shows. */
  name: string;
  count: number;
  /** The worst severity the rule reported, for an icon. */
  severity: Severity;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Rules present in the findings, by name, most frequent first (ties by id). */
export function ruleChoices(findings: readonly Finding[], lang: Lang): RuleChoice[] {
  const map = new Map<string, RuleChoice>();
  for (const f of findings) {
    const c = map.get(f.rule);
    if (c) {
      c.count++;
      if (RANK[f.severity] > RANK[c.severity]) c.severity = f.severity;
    } else map.set(f.rule, { rule: f.rule, name: ruleName(f, lang), count: 1, severity: f.severity });
  }
  return [...map.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** A stable id for a finding within one result (the same cell may carry several findings). */
export function findingId(f: Finding, index: number): string {
  return `${f.sheet}!${f.cell}#${f.rule}#${index}`;
}

/** Caps a long list, group by group, so the pane stays fast; returns how many were left out. */
export function capGroups(groups: readonly FindingGroup[], limit: number): { groups: FindingGroup[]; hidden: number } {
  const out: FindingGroup[] = [];
  let left = limit;
  let hidden = 0;
  for (const g of groups) {
    if (left <= 0) {
      hidden += g.findings.length;
      continue;
    }
    if (g.findings.length <= left) {
      out.push(g);
      left -= g.findings.length;
    } else {
      out.push({ ...g, findings: g.findings.slice(0, left) });
      hidden += g.findings.length - left;
      left = 0;
    }
  }
  return { groups: out, hidden };
}

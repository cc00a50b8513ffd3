/**
 * The findings list's own state: the severity and rule filters, the collapsed nominee groups and how many
 * findings are shown, with what follows from them (rule choices, groups in nominee order).
 */
import * as React from 'react';
import type { Finding, FindingCounts, Lang, Severity } from '../../core/model/findings';
import { countFindings, SEVERITIES } from '../../core/model/findings';
import { capGroups, filterFindings, groupFindings, ruleChoices, type FindingGroup, type RuleChoice } from '../findings-view';

const PAGE = 200;

export interface FindingsListModel {
  counts: FindingCounts;
  severities: ReadonlySet<Severity>;
  toggleSeverity(sev: Severity): void;
  rules: RuleChoice[];
  /** The rule the list is filtered by (undefined: all). */
  activeRule?: RuleChoice;
  setRule(rule: string | undefined): void;
  /** Findings left by the filters. */
  shownCount: number;
  groups: FindingGroup[];
  /** Findings beyond the page shown. */
  hidden: number;
  showMore(): void;
  isOpen(key: string): boolean;
  toggleGroup(key: string): void;
  /** Index of a finding in the list the hook was given. */
  indexOf(f: Finding): number;
  page: number;
}

function toggled<T>(set: ReadonlySet<T>, v: T): Set<T> {
  const next = new Set(set);
  if (next.has(v)) next.delete(v);
  else next.add(v);
  return next;
}

export function useFindingsList(findings: readonly Finding[], nomineeOrder: readonly string[], lang: Lang): FindingsListModel {
  const [view, setView] = React.useState(() => ({
    severities: new Set(SEVERITIES) as ReadonlySet<Severity>,
    rule: undefined as string | undefined,
    collapsed: new Set<string>() as ReadonlySet<string>,
    limit: PAGE,
  }));
  const indexOf = React.useMemo(() => new Map(findings.map((f, i) => [f, i])), [findings]);
  const counts = React.useMemo(() => countFindings(findings), [findings]);
  const rules = React.useMemo(() => ruleChoices(findings, lang), [findings, lang]);
  // A rule that disappeared after a re-check no longer filters.
  const activeRule = rules.find((r) => r.rule === view.rule);
  const shown = React.useMemo(() => filterFindings(findings, { severities: view.severities, rule: activeRule?.rule }), [findings, view.severities, activeRule?.rule]);
  const { groups, hidden } = React.useMemo(() => capGroups(groupFindings(shown, nomineeOrder), view.limit), [shown, nomineeOrder, view.limit]);
  return {
    counts,
    severities: view.severities,
    toggleSeverity: (sev) => setView((v) => ({ ...v, severities: toggled(v.severities, sev) })),
    rules,
    activeRule,
    setRule: (rule) => setView((v) => ({ ...v, rule })),
    shownCount: shown.length,
    groups,
    hidden,
    showMore: () => setView((v) => ({ ...v, limit: v.limit + PAGE })),
    isOpen: (key) => !view.collapsed.has(key),
    toggleGroup: (key) => setView((v) => ({ ...v, collapsed: toggled(v.collapsed, key) })),
    indexOf: (f) => indexOf.get(f) ?? -1,
    page: PAGE,
  };
}

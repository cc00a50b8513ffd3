import * as React from 'react';
import { Badge, Button, Dropdown, makeStyles, mergeClasses, Option, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ChevronDown16Regular, ChevronRight16Regular } from './icons';
import type { Finding, Lang, Severity } from '../../core/model/findings';
import { countFindings, SEVERITIES } from '../../core/model/findings';
import { ruleName } from '../../core/rules/catalogue';
import type { Strings } from '../i18n';
import { capGroups, filterFindings, groupFindings, ruleChoices } from '../findings-view';
import { SeverityIcon } from './SeverityIcon';

const PAGE = 200;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', minHeight: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  toggles: { display: 'flex', gap: '4px' },
  ruleDropdown: { minWidth: '150px', flexGrow: 1, maxWidth: '100%' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '10px' },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, overflow: 'hidden' },
  groupHeader: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    width: '100%',
    padding: '6px 8px',
    backgroundColor: tokens.colorNeutralBackground3,
    border: 'none',
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    textAlign: 'start',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  groupName: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  tallies: { display: 'flex', gap: '4px', flexShrink: 0 },
  rows: { listStyleType: 'none', margin: 0, padding: 0 },
  finding: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '8px',
    rowGap: '2px',
    width: '100%',
    padding: '8px 10px',
    border: 'none',
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    textAlign: 'start',
    cursor: 'pointer',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  icon: { paddingTop: '2px' },
  where: { display: 'flex', gap: '6px', alignItems: 'baseline', flexWrap: 'wrap' },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: '0 4px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  rule: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  message: { gridColumnStart: 2, wordBreak: 'break-word' },
  empty: {
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
    padding: '16px 8px',
    color: tokens.colorNeutralForeground2,
  },
});

export interface FindingsPanelProps {
  findings: readonly Finding[];
  /** Index (in `findings`) of the selected finding. */
  selected?: number;
  onSelect(index: number): void;
  t: Strings;
  lang: Lang;
}

export function FindingsPanel({ findings, selected, onSelect, t, lang }: FindingsPanelProps) {
  const s = useStyles();
  const [severities, setSeverities] = React.useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [rule, setRule] = React.useState<string | undefined>(undefined);
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(() => new Set());
  const [limit, setLimit] = React.useState(PAGE);

  const indexOf = React.useMemo(() => new Map(findings.map((f, i) => [f, i])), [findings]);
  const counts = React.useMemo(() => countFindings(findings), [findings]);
  const rules = React.useMemo(() => ruleChoices(findings, lang), [findings, lang]);
  // A rule that disappeared after a re-check no longer filters.
  const activeRule = rule !== undefined && rules.some((r) => r.rule === rule) ? rule : undefined;
  const shown = React.useMemo(() => filterFindings(findings, { severities, rule: activeRule }), [findings, severities, activeRule]);
  const { groups, hidden } = React.useMemo(() => capGroups(groupFindings(shown), limit), [shown, limit]);

  const toggleSeverity = (sev: Severity) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });
  const toggleGroup = (key: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const active = rules.find((r) => r.rule === activeRule);
  const ruleLabel = active === undefined ? t.allRules : `${active.name}${t.paren(String(active.count))}`;

  return (
    <div className={s.root}>
      <div className={s.filters}>
        <div className={s.toggles} role="group" aria-label={t.filterSeverity}>
          {SEVERITIES.map((sev) => (
            <ToggleButton
              key={sev}
              size="small"
              appearance={severities.has(sev) ? 'outline' : 'subtle'}
              checked={severities.has(sev)}
              onClick={() => toggleSeverity(sev)}
              icon={<SeverityIcon severity={sev} />}
              aria-label={`${t.showSeverity(sev)} (${counts[sev]})`}
              data-testid={`filter-${sev}`}
            >
              {String(counts[sev])}
            </ToggleButton>
          ))}
        </div>
        <Dropdown
          className={s.ruleDropdown}
          size="small"
          aria-label={t.ruleFilter}
          value={ruleLabel}
          selectedOptions={[activeRule ?? '']}
          onOptionSelect={(_, d) => setRule(d.optionValue ? d.optionValue : undefined)}
          data-testid="rule-filter"
        >
          <Option value="" text={t.allRules}>
            {t.allRules}
          </Option>
          {rules.map((r) => (
            <Option key={r.rule} value={r.rule} text={`${r.name}${t.paren(String(r.count))}`} title={r.rule}>
              <SeverityIcon severity={r.severity} />
              &nbsp;{r.name}
              {t.paren(String(r.count))}
            </Option>
          ))}
        </Dropdown>
      </div>

      {findings.length === 0 ? (
        <div className={s.empty} role="status">
          <CheckmarkCircle20Filled style={{ color: tokens.colorPaletteGreenForeground1 }} aria-hidden />
          <Text>{t.noFindings}</Text>
        </div>
      ) : shown.length === 0 ? (
        <div className={s.empty} role="status">
          <Text>{t.noFindingsFiltered}</Text>
        </div>
      ) : (
        <ul className={s.list} aria-label={t.tabFindings}>
          {groups.map((g) => {
            const title = g.nominee ?? t.general;
            const open = !collapsed.has(g.key);
            const listId = `group-${g.key.replace(/[^a-zA-Z0-9\u4e00-\u9fff]/g, '_')}`;
            return (
              <li key={g.key} className={s.group} data-testid="finding-group">
                <button
                  type="button"
                  className={s.groupHeader}
                  aria-expanded={open}
                  aria-controls={listId}
                  aria-label={t.groupLabel(title, t.tally(g.counts))}
                  onClick={() => toggleGroup(g.key)}
                >
                  {open ? <ChevronDown16Regular aria-hidden /> : <ChevronRight16Regular aria-hidden />}
                  <span className={s.groupName}>{title}</span>
                  <span className={s.tallies} aria-hidden>
                    {SEVERITIES.filter((sev) => g.counts[sev]).map((sev) => (
                      <Badge key={sev} size="small" appearance="tint" color={sev === 'error' ? 'danger' : sev === 'warning' ? 'warning' : 'brand'}>
                        {g.counts[sev]}
                      </Badge>
                    ))}
                  </span>
                </button>
                {open && (
                  <ul className={s.rows} id={listId}>
                    {g.findings.map((f) => {
                      const i = indexOf.get(f)!;
                      const isSel = i === selected;
                      return (
                        <li key={i}>
                          <button
                            type="button"
                            data-testid="finding"
                            data-cell={f.cell}
                            data-sheet={f.sheet}
                            data-severity={f.severity}
                            className={mergeClasses(s.finding, isSel && s.selected)}
                            aria-current={isSel ? 'true' : undefined}
                            aria-label={t.findingLabel(t.severity[f.severity], f.sheet, f.cell, f.message[lang])}
                            title={t.goToCellHint}
                            onClick={() => onSelect(i)}
                            onKeyDown={(e) => {
                              // Buttons activate on Enter/Space natively; keep Space from scrolling the pane.
                              if (e.key === ' ' || e.key === 'Enter') {
                                e.preventDefault();
                                onSelect(i);
                              }
                            }}
                          >
                            <span className={s.icon}>
                              <SeverityIcon severity={f.severity} />
                            </span>
                            <span className={s.where}>
                              <span className={s.cell}>
                                {f.sheet}!{f.cell}
                              </span>
                              <span className={s.rule} title={f.rule} data-rule={f.rule}>
                                {ruleName(f, lang)}
                              </span>
                            </span>
                            <span className={s.message}>{f.message[lang]}</span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {hidden > 0 && (
        <Button appearance="secondary" onClick={() => setLimit((l) => l + PAGE)}>
          {t.showMore(Math.min(hidden, PAGE))}
        </Button>
      )}
    </div>
  );
}

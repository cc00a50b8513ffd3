/** The findings list's filters: one toggle per severity (with its count) and the rule picker, by human name. */
import { Dropdown, makeStyles, Option, ToggleButton } from '@fluentui/react-components';
import { SEVERITIES } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { FindingsListModel } from '../../hooks/useFindingsList';
import { SeverityIcon } from '../SeverityIcon';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '6px', alignItems: 'center', minWidth: 0 },
  toggles: { display: 'flex', gap: '2px', flexShrink: 0 },
  toggle: { minWidth: 0, paddingInline: '6px' },
  // Fluent's own minimum width would push the picker out of a 350 px pane.
  ruleDropdown: { flexGrow: 1, minWidth: 0, width: '100%' },
});

export function FindingsFilters({ m, t }: { m: FindingsListModel; t: Strings }) {
  const s = useStyles();
  const label = (r: { name: string; count: number }) => `${r.name}${t.paren(String(r.count))}`;
  return (
    <div className={s.filters}>
      <div className={s.toggles} role="group" aria-label={t.filterSeverity}>
        {SEVERITIES.map((sev) => (
          <ToggleButton
            key={sev}
            className={s.toggle}
            size="small"
            appearance={m.severities.has(sev) ? 'outline' : 'subtle'}
            checked={m.severities.has(sev)}
            onClick={() => m.toggleSeverity(sev)}
            icon={<SeverityIcon severity={sev} />}
            aria-label={`${t.showSeverity(sev)} (${m.counts[sev]})`}
            data-testid={`filter-${sev}`}
          >
            {String(m.counts[sev])}
          </ToggleButton>
        ))}
      </div>
      <Dropdown
        className={s.ruleDropdown}
        size="small"
        aria-label={t.ruleFilter}
        value={m.activeRule ? label(m.activeRule) : t.allRules}
        title={m.activeRule ? label(m.activeRule) : undefined}
        selectedOptions={[m.activeRule?.rule ?? '']}
        onOptionSelect={(_, d) => m.setRule(d.optionValue ? d.optionValue : undefined)}
        data-testid="rule-filter"
      >
        <Option value="" text={t.allRules}>
          {t.allRules}
        </Option>
        {m.rules.map((r) => (
          // The rule's id is only a tooltip (docs/rules.md lists the rules by id and name).
          <Option key={r.rule} value={r.rule} text={label(r)} title={t.ruleIdHint(r.rule)} data-rule={r.rule}>
            <SeverityIcon severity={r.severity} />
            &nbsp;{label(r)}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}

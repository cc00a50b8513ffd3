/**
 * The findings, one collapsible group per nominee (in nominee order, table-level findings last). Each finding
 * shows where it is, the rule's human name (its id only as a tooltip) and the message.
 */
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '../icons';
import type { Finding, Lang } from '../../../core/model/findings';
import { SEVERITIES } from '../../../core/model/findings';
import { ruleName } from '../../../core/rules/catalogue';
import type { Strings } from '../../i18n';
import type { FindingsListModel } from '../../hooks/useFindingsList';
import { SeverityIcon } from '../SeverityIcon';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, overflow: 'hidden' },
  groupHeader: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    width: '100%',
    padding: '5px 8px',
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
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: '6px',
    rowGap: '2px',
    width: '100%',
    padding: '6px 8px',
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
  where: { display: 'flex', gap: '6px', alignItems: 'baseline', minWidth: 0 },
  rule: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: '0 4px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    marginInlineStart: 'auto',
    flexShrink: 0,
    maxWidth: '50%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  message: { gridColumnStart: 2, wordBreak: 'break-word', color: tokens.colorNeutralForeground2 },
});

const BADGE = { error: 'danger', warning: 'warning', info: 'brand' } as const;

export interface FindingGroupsProps {
  m: FindingsListModel;
  selected?: number;
  onSelect(index: number): void;
  t: Strings;
  lang: Lang;
}

export function FindingGroups({ m, selected, onSelect, t, lang }: FindingGroupsProps) {
  const s = useStyles();
  const item = (f: Finding) => {
    const i = m.indexOf(f);
    const isSel = i === selected;
    const name = ruleName(f, lang);
    return (
      <li key={i}>
        <button
          type="button"
          data-testid="finding"
          data-cell={f.cell}
          data-sheet={f.sheet}
          data-severity={f.severity}
          data-rule={f.rule}
          className={mergeClasses(s.finding, isSel && s.selected)}
          aria-current={isSel ? 'true' : undefined}
          aria-label={t.findingLabel(t.severity[f.severity], f.sheet, f.cell, `${name}${t.colon}${f.message[lang]}`)}
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
            <span className={s.rule} title={t.ruleIdHint(f.rule)} data-testid="finding-rule">
              {name}
            </span>
            <span className={s.cell} title={`${f.sheet}!${f.cell}`}>
              {f.sheet}!{f.cell}
            </span>
          </span>
          <span className={s.message}>{f.message[lang]}</span>
        </button>
      </li>
    );
  };
  return (
    <ul className={s.list} aria-label={t.tabFindings}>
      {m.groups.map((g) => {
        const title = g.nominee ?? t.general;
        const open = m.isOpen(g.key);
        const listId = `group-${g.key.replace(/[^a-zA-Z0-9\u4e00-\u9fff]/g, '_')}`;
        return (
          <li key={g.key} className={s.group} data-testid="finding-group" data-nominee={g.nominee ?? ''}>
            <button
              type="button"
              className={s.groupHeader}
              aria-expanded={open}
              aria-controls={listId}
              aria-label={t.groupLabel(title, t.tally(g.counts))}
              onClick={() => m.toggleGroup(g.key)}
            >
              {open ? <ChevronDown16Regular aria-hidden /> : <ChevronRight16Regular aria-hidden />}
              <span className={s.groupName}>{title}</span>
              <span className={s.tallies} aria-hidden>
                {SEVERITIES.filter((sev) => g.counts[sev]).map((sev) => (
                  <Badge key={sev} size="small" appearance="tint" color={BADGE[sev]}>
                    {g.counts[sev]}
                  </Badge>
                ))}
              </span>
            </button>
            {open && (
              <ul className={s.rows} id={listId}>
                {g.findings.map(item)}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The page's top-level tabs: 校验, 申报表, 专家评分, 培育跟踪. In a narrow pane (350 px, Excel's default) the tabs
 * share the width equally, each a small icon over a short label, so that every label fits in Chinese and English.
 */
import * as React from 'react';
import { makeStyles, mergeClasses, Tab, TabList, tokens } from '@fluentui/react-components';
import { DocumentText20Regular, LeafTwo20Regular, PeopleTeam20Regular, ShieldCheckmark20Regular } from '../icons';
import type { Strings } from '../../i18n';
import { SECTIONS, type SectionId } from '../../hooks/useSections';

const useStyles = makeStyles({
  nav: {
    display: 'flex',
    alignItems: 'center',
    padding: '0 8px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
    zIndex: 1,
    flexShrink: 0,
  },
  navNarrow: { padding: '0 2px', overflowX: 'hidden' },
  listNarrow: { width: '100%' },
  tabNarrow: {
    flex: '1 1 0',
    minWidth: 0,
    // Fluent lays a tab out as a grid flowing in columns (icon, label): flow in rows to stack them.
    gridAutoFlow: 'row',
    justifyItems: 'center',
    rowGap: '1px',
    padding: '4px 2px 6px',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    '& .fui-Tab__icon': { gridColumnStart: 1, gridRowStart: 1 },
    '& .fui-Tab__content, & .fui-Tab__content--reserved-space': { gridColumnStart: 1, gridRowStart: 2, whiteSpace: 'nowrap', padding: 0 },
  },
});

const ICONS: Record<SectionId, React.ReactElement> = {
  check: <ShieldCheckmark20Regular />,
  forms: <DocumentText20Regular />,
  scoring: <PeopleTeam20Regular />,
  cultivation: <LeafTwo20Regular />,
};

export function SectionTabs({ section, onSelect, wide, narrow, t }: { section: SectionId; onSelect(id: SectionId): void; wide: boolean; narrow: boolean; t: Strings }) {
  const s = useStyles();
  const label: Record<SectionId, string> = { check: t.sectionCheck, forms: t.sectionForms, scoring: t.sectionScoring, cultivation: t.sectionCultivation };
  return (
    <nav className={mergeClasses(s.nav, narrow && s.navNarrow)} aria-label={t.sections}>
      <TabList
        className={narrow ? s.listNarrow : undefined}
        selectedValue={section}
        onTabSelect={(_, d) => onSelect(d.value as SectionId)}
        size={wide ? 'medium' : 'small'}
        data-testid="sections"
      >
        {SECTIONS.map((id) => (
          <Tab
            key={id}
            value={id}
            icon={ICONS[id]}
            className={narrow ? s.tabNarrow : undefined}
            title={narrow && t.sectionShort[id] !== label[id] ? label[id] : undefined}
            aria-label={label[id]}
            data-testid={`section-${id}`}
          >
            {narrow ? (t.sectionShort[id] ?? label[id]) : label[id]}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}

/** The page's top-level tabs: 校验, 申报表, 专家评分, 培育跟踪. */
import * as React from 'react';
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
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
});

const ICONS: Record<SectionId, React.ReactElement> = {
  check: <ShieldCheckmark20Regular />,
  forms: <DocumentText20Regular />,
  scoring: <PeopleTeam20Regular />,
  cultivation: <LeafTwo20Regular />,
};

export function SectionTabs({ section, onSelect, wide, t }: { section: SectionId; onSelect(id: SectionId): void; wide: boolean; t: Strings }) {
  const s = useStyles();
  const label: Record<SectionId, string> = { check: t.sectionCheck, forms: t.sectionForms, scoring: t.sectionScoring, cultivation: t.sectionCultivation };
  return (
    <nav className={s.nav} aria-label={t.sections}>
      <TabList selectedValue={section} onTabSelect={(_, d) => onSelect(d.value as SectionId)} size={wide ? 'medium' : 'small'} data-testid="sections">
        {SECTIONS.map((id) => (
          <Tab key={id} value={id} icon={ICONS[id]} data-testid={`section-${id}`}>
            {label[id]}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}

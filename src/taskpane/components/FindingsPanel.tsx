/** 问题: the filters and the findings grouped by nominee, in the order of the summary sheet. */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from './icons';
import type { Finding, Lang } from '../../core/model/findings';
import type { Strings } from '../i18n';
import { useFindingsList } from '../hooks/useFindingsList';
import { FindingsFilters } from './findings/FindingsFilters';
import { FindingGroups } from './findings/FindingGroups';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', minHeight: 0 },
  empty: { display: 'flex', gap: '8px', alignItems: 'center', padding: '16px 8px', color: tokens.colorNeutralForeground2 },
});

export interface FindingsPanelProps {
  findings: readonly Finding[];
  /** The nominees in summary-sheet order (the result's nomineeOrder). */
  nomineeOrder: readonly string[];
  /** Index (in `findings`) of the selected finding. */
  selected?: number;
  onSelect(index: number): void;
  t: Strings;
  lang: Lang;
}

export function FindingsPanel({ findings, nomineeOrder, selected, onSelect, t, lang }: FindingsPanelProps) {
  const s = useStyles();
  const m = useFindingsList(findings, nomineeOrder, lang);
  return (
    <div className={s.root}>
      <FindingsFilters m={m} t={t} />
      {findings.length === 0 ? (
        <div className={s.empty} role="status">
          <CheckmarkCircle20Filled style={{ color: tokens.colorPaletteGreenForeground1 }} aria-hidden />
          <Text>{t.noFindings}</Text>
        </div>
      ) : m.shownCount === 0 ? (
        <div className={s.empty} role="status">
          <Text>{t.noFindingsFiltered}</Text>
        </div>
      ) : (
        <FindingGroups m={m} selected={selected} onSelect={onSelect} t={t} lang={lang} />
      )}
      {m.hidden > 0 && (
        <Button appearance="secondary" onClick={m.showMore}>
          {t.showMore(Math.min(m.hidden, m.page))}
        </Button>
      )}
    </div>
  );
}

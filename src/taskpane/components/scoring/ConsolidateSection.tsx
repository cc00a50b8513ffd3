/** 汇总评分: the returned files, whether their origin was verified, what happened to each file, the ranking. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useConsolidation } from '../../hooks/useConsolidation';
import { useRubricRounds } from '../../hooks/useRubricRounds';
import { problemGroups, verificationText } from '../../scoring-view';
import { Card, Muted } from '../panel-parts/Card';
import { usePanelStyles } from '../panel-parts/panel-styles';
import type { ScoringSectionProps } from './ScoringPanel';
import { FilesCard } from './FilesCard';
import { ProblemGroups } from './ProblemGroups';
import { ReturnedFilesCard } from './ReturnedFilesCard';
import { RankingCard } from './RankingCard';

export function ConsolidateSection({ host, office, profile, t, lang }: ScoringSectionProps) {
  const s = usePanelStyles();
  const rounds = useRubricRounds(profile);
  const m = useConsolidation({ host, profile, t, lang });
  const { result } = m;
  return (
    <div className={s.root} data-testid="consolidate" data-busy={m.running ? 'true' : 'false'} data-runs={m.runs}>
      <ReturnedFilesCard model={m} rounds={rounds} disabled={!profile || m.running} t={t} lang={lang} />
      {!result && !m.running && !m.error && (
        <Card>
          <Muted>{t.scNoReturned}</Muted>
        </Card>
      )}
      {result && (
        <>
          <MessageBar intent={result.verified ? 'success' : 'warning'} layout="multiline" data-testid="verification" data-verified={result.verified ? 'true' : 'false'}>
            <MessageBarBody>{verificationText(result, lang)}</MessageBarBody>
          </MessageBar>
          <FilesCard result={result} t={t} lang={lang} />
          <Card title={t.scProblems}>
            <ProblemGroups groups={problemGroups(result.problems, result.files, lang)} t={t} lang={lang} empty={t.scAllFilesFine} />
          </Card>
          <RankingCard model={m} result={result} office={office} t={t} lang={lang} />
        </>
      )}
    </div>
  );
}

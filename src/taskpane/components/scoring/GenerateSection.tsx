/** 生成评分表: candidates, experts and options, the planned assignment, and the zip download. */
import { Button, Caption1, ProgressBar, Spinner } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '../icons';
import { useScoreSheets } from '../../hooks/useScoreSheets';
import { assignmentView, problemViews } from '../../scoring-view';
import { Card, Muted } from '../panel-parts/Card';
import { HostErrorBar, NoticeBar } from '../panel-parts/MessageBars';
import { usePanelStyles } from '../panel-parts/panel-styles';
import type { ScoringSectionProps } from './ScoringPanel';
import { CandidatesCard } from './CandidatesCard';
import { ExpertsCard } from './ExpertsCard';
import { AssignmentCard } from './AssignmentCard';

export function GenerateSection({ host, office, profile, t, lang }: ScoringSectionProps) {
  const s = usePanelStyles();
  const m = useScoreSheets({ host, profile, t });
  const { plan, generation } = m;
  const view = plan.value ? assignmentView(plan.value) : undefined;
  const problems = plan.value ? problemViews(plan.value.assignment.problems, lang) : [];
  const progress = generation.progress;

  return (
    <div className={s.root} data-testid="generate" data-busy={m.busy || generation.running ? 'true' : 'false'}>
      <CandidatesCard model={m} host={host} office={office} t={t} lang={lang} />
      <ExpertsCard model={m} disabled={!profile || !host} t={t} />
      {(plan.busy || plan.error || view) && <AssignmentCard busy={plan.busy} error={plan.error} view={view} problems={problems} t={t} lang={lang} />}
      <Card>
        <div className={s.actions}>
          <Button
            appearance="primary"
            icon={generation.running ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
            disabled={!view || generation.running || m.busy}
            onClick={() => void m.generate()}
            data-testid="download-scoresheets"
          >
            {t.scDownloadZip}
          </Button>
        </div>
        <Muted>{t.scDownloadZipHint}</Muted>
        {generation.running && (
          <>
            <ProgressBar value={progress && progress.total ? progress.done / progress.total : undefined} thickness="large" aria-label={t.scDownloadZip} />
            {progress && <Caption1 className={s.muted}>{t.scGenerating(progress.done, progress.total)}</Caption1>}
          </>
        )}
        {generation.error && <HostErrorBar error={generation.error} lang={lang} t={t} />}
        {generation.done && <NoticeBar notice={{ intent: 'success', text: generation.done }} testId="scoresheets-done" />}
      </Card>
    </div>
  );
}

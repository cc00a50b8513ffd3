/** 排名: what the shortlist rests on, the ranking table, the experts' agreement (Kendall's W), saving the result workbook and its 定稿 copy. */
import { Button, Spinner, Text } from '@fluentui/react-components';
import { ArrowDownload20Regular, DocumentTable20Regular, ShieldCheckmark20Regular, TableAdd20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { ConsolidatedRound } from '../../hosts/workbook-tools';
import type { ConsolidationModel } from '../../hooks/useConsolidation';
import { agreementLines, rankingRows, shortlistBasisText } from '../../scoring-view';
import { Card, Muted } from '../panel-parts/Card';
import { NoticeBar } from '../panel-parts/MessageBars';
import { usePanelStyles } from '../panel-parts/panel-styles';
import { RankingTable } from './RankingTable';

export function RankingCard({ model: m, result, office, t, lang }: { model: ConsolidationModel; result: ConsolidatedRound; office: boolean; t: Strings; lang: Lang }) {
  const s = usePanelStyles();
  const agreement = result.accepted ? agreementLines(result.result.agreement, lang) : [];
  const cannotSave = !(result.accepted > 0) || m.saving || m.running;
  return (
    <Card title={t.scRanking} testId="ranking-card">
      <Muted>{t.scRankingBasis}</Muted>
      {result.result.options.top ? (
        <Text size={200} weight="semibold" data-testid="shortlist-basis">
          {t.scShortlisted}：{shortlistBasisText(result, lang)}
        </Text>
      ) : null}
      <RankingTable rows={rankingRows(result.result.candidates, lang)} t={t} />
      {agreement.length > 0 && (
        <ul className={s.lines} data-testid="agreement">
          {agreement.map((line, i) => (
            <li key={i}>
              <Text size={200}>{line}</Text>
            </li>
          ))}
        </ul>
      )}
      <div className={s.actions}>
        {office && (
          <Button
            appearance="primary"
            icon={m.saving ? <Spinner size="tiny" /> : <TableAdd20Regular />}
            disabled={cannotSave}
            onClick={() => void m.writeResult()}
            data-testid="write-results"
            title={t.scWriteResultsHint}
          >
            {t.scWriteResults}
          </Button>
        )}
        <Button
          appearance={office ? 'secondary' : 'primary'}
          icon={m.saving && !office ? <Spinner size="tiny" /> : office ? <DocumentTable20Regular /> : <ArrowDownload20Regular />}
          disabled={cannotSave}
          onClick={() => void m.downloadResult()}
          data-testid="download-results"
        >
          {t.scDownloadResults}
        </Button>
        <Button appearance="secondary" icon={<ShieldCheckmark20Regular />} disabled={cannotSave} onClick={() => void m.finalize()} data-testid="finalize" title={t.scFinalizeHint}>
          {t.scFinalize}
        </Button>
      </div>
      <Muted>{t.scFinalizeHint}</Muted>
      {office && <Muted>{t.scWriteResultsHint}</Muted>}
      <NoticeBar notice={m.notice} testId="results-notice" />
    </Card>
  );
}

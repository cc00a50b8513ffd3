/** 候选人: who the candidates of the open workbook are (and, in Excel, reading it again). */
import { Button, Spinner, Text } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { WorkbookHost } from '../../hosts/workbook-host';
import type { ScoreSheetsModel } from '../../hooks/useScoreSheets';
import { displayFileName } from '../../file-name';
import { Card, Muted } from '../panel-parts/Card';
import { HostErrorBar } from '../panel-parts/MessageBars';
import { usePanelStyles } from '../panel-parts/panel-styles';

export function CandidatesCard({ model: m, host, office, t, lang }: { model: ScoreSheetsModel; host?: WorkbookHost; office: boolean; t: Strings; lang: Lang }) {
  const s = usePanelStyles();
  const { source, error: sourceError, reading, reload } = m.workbook;
  const info = m.candidates;
  return (
    <Card title={t.scCandidates}>
      {!host && <Muted>{t.scNoWorkbook}</Muted>}
      {host && !office && host.fileName && !info.value && (
        <Text className={s.fileName} title={host.fileName}>
          {t.fileLabel}
          {t.colon}
          {displayFileName(host.fileName)}
        </Text>
      )}
      {(reading || info.busy) && <Spinner size="tiny" label={t.scReadingWorkbook} labelPosition="after" />}
      {sourceError && <HostErrorBar error={sourceError} lang={lang} t={t} />}
      {info.error && <HostErrorBar error={info.error} lang={lang} t={t} testId="candidates-error" title={t.scCandidatesUnusable} />}
      {info.value && (
        <Text data-testid="candidates-info">
          {t.scCandidatesFrom(info.value.count, office ? source?.name ?? '' : displayFileName(source?.name ?? ''), info.value.source.sheet, info.value.source.firstRow, info.value.source.lastRow)}
        </Text>
      )}
      {office && host && (
        <div>
          <Button size="small" icon={<ArrowClockwise20Regular />} onClick={reload} disabled={reading}>
            {t.scReload}
          </Button>
        </div>
      )}
    </Card>
  );
}

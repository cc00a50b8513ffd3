/** 生成培育跟踪工作簿: year, start date, and the download (or, in Excel, open-in-a-new-window) buttons. */
import { Button, Field, Input, Spinner, Text } from '@fluentui/react-components';
import { ArrowDownload20Regular, WindowNew20Regular } from '../icons';
import type { Strings } from '../../i18n';
import type { WorkbookHost } from '../../hosts/workbook-host';
import type { TrackingWorkbookModel } from '../../hooks/useTrackingWorkbook';
import { displayFileName } from '../../file-name';
import { Card, Muted } from '../panel-parts/Card';
import { NoticeBar } from '../panel-parts/MessageBars';
import { usePanelStyles } from '../panel-parts/panel-styles';

export function TrackingWorkbookCard({ model: m, host, office, t }: { model: TrackingWorkbookModel; host?: WorkbookHost; office: boolean; t: Strings }) {
  const s = usePanelStyles();
  const disabled = !host || !m.year || !m.startDate || m.creating;
  return (
    <Card title={t.cuCreateTitle}>
      <Muted>{t.cuCreateHint}</Muted>
      {!host && <Muted>{t.cuNoWorkbook}</Muted>}
      {host && !office && host.fileName && (
        <Text className={s.fileName} title={host.fileName}>
          {t.fileLabel}
          {t.colon}
          {displayFileName(host.fileName)}
        </Text>
      )}
      <div className={s.row}>
        <Field label={t.cuYear} size="small" className={s.narrowField} validationMessage={m.year ? undefined : t.cuBadYear}>
          <Input size="small" className={s.control} inputMode="numeric" value={m.yearText} onChange={(_, d) => m.setYearText(d.value)} data-testid="tracking-year" />
        </Field>
        <Field label={t.cuStart} size="small" className={s.dateField}>
          <Input size="small" className={s.control} type="date" value={m.start} onChange={(_, d) => m.setStartText(d.value)} data-testid="tracking-start" />
        </Field>
      </div>
      <div className={s.actions}>
        {m.canOpen && (
          <Button
            appearance="primary"
            icon={m.creating ? <Spinner size="tiny" /> : <WindowNew20Regular />}
            disabled={disabled}
            onClick={() => void m.create(true)}
            data-testid="open-tracking"
          >
            {t.cuOpenTracking}
          </Button>
        )}
        <Button
          appearance={m.canOpen ? 'secondary' : 'primary'}
          icon={m.creating && !m.canOpen ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
          disabled={disabled}
          onClick={() => void m.create(false)}
          data-testid="download-tracking"
        >
          {t.cuDownloadTracking}
        </Button>
      </div>
      <NoticeBar notice={m.created} />
    </Card>
  );
}

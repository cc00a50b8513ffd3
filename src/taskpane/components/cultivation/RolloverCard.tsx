/** 结转下一年度: pick a filled tracking workbook, see what carries over, save next year's workbook. */
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { ArrowRepeatAll20Regular, FolderOpen20Regular, WindowNew20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { RolloverModel } from '../../hooks/useRollover';
import { displayFileName } from '../../file-name';
import { parseYear, rolloverLines } from '../../scoring-view';
import { Card, Muted } from '../panel-parts/Card';
import { FilePickButton } from '../panel-parts/FilePickButton';
import { NoticeBar } from '../panel-parts/MessageBars';
import { usePanelStyles } from '../panel-parts/panel-styles';

export function RolloverCard({ model: m, canOpen, t, lang }: { model: RolloverModel; canOpen: boolean; t: Strings; lang: Lang }) {
  const s = usePanelStyles();
  const badYear = m.newYearText !== undefined && !parseYear(m.newYearText);
  return (
    <Card title={t.cuRolloverTitle}>
      <Muted>{t.cuRolloverHint}</Muted>
      <div className={s.rowCenter}>
        <FilePickButton label={t.cuPickTracking} testId="rollover-input" icon={<FolderOpen20Regular />} size="small" onFiles={m.pickTracking} />
        {m.tracking && (
          <Text className={s.fileName} title={m.tracking.name}>
            {displayFileName(m.tracking.name)}
          </Text>
        )}
      </div>
      {m.tracking && (
        <div className={s.row}>
          <Field label={t.cuNewYear} size="small" className={s.narrowField} validationMessage={badYear ? t.cuBadYear : undefined}>
            <Input size="small" className={s.control} inputMode="numeric" value={m.newYearText ?? ''} onChange={(_, d) => m.setNewYearText(d.value)} data-testid="rollover-year" />
          </Field>
        </div>
      )}
      {m.rolling && <Spinner size="tiny" label={t.working} labelPosition="after" />}
      {m.error && (
        <MessageBar intent={m.error.kind === 'failed' ? 'error' : 'warning'} layout="multiline" data-testid="rollover-error">
          <MessageBarBody>{m.error.localized[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {m.roll && !m.rolling && (
        <>
          <Text weight="semibold">{t.cuRolledOver(m.roll.report.fromYear, m.roll.year)}</Text>
          <ul className={s.lines} data-testid="rollover-report">
            {rolloverLines(m.roll.report, lang).map((line, i) => (
              <li key={i}>
                <Text size={200}>{line}</Text>
              </li>
            ))}
          </ul>
          <div className={s.actions}>
            {canOpen && (
              <Button appearance="primary" icon={<WindowNew20Regular />} onClick={() => void m.save(true)} data-testid="open-rollover">
                {t.cuOpenRollover}
              </Button>
            )}
            <Button appearance={canOpen ? 'secondary' : 'primary'} icon={<ArrowRepeatAll20Regular />} onClick={() => void m.save(false)} data-testid="download-rollover">
              {t.cuDownloadRollover}
            </Button>
          </div>
          <NoticeBar notice={m.notice} />
        </>
      )}
    </Card>
  );
}

/** 回收的评分表: pick the returned files and the key, choose the round and the shortlist size (or no key), see the reading progress. */
import { Caption1, Checkbox, Dropdown, Field, Input, Option, ProgressBar, Text } from '@fluentui/react-components';
import { FolderOpen20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import { AUTO_ROUND, type ConsolidationModel } from '../../hooks/useConsolidation';
import { Card, Muted } from '../panel-parts/Card';
import { FilePickButton } from '../panel-parts/FilePickButton';
import { HostErrorBar } from '../panel-parts/MessageBars';
import { usePanelStyles } from '../panel-parts/panel-styles';

export function ReturnedFilesCard({
  model: m,
  rounds,
  disabled,
  t,
  lang,
}: {
  model: ConsolidationModel;
  rounds: readonly string[];
  disabled: boolean;
  t: Strings;
  lang: Lang;
}) {
  const s = usePanelStyles();
  const { progress } = m;
  return (
    <Card title={t.scReturned}>
      <div className={s.rowCenter}>
        <FilePickButton
          label={t.scPickReturned}
          testId="returned-input"
          multiple
          icon={<FolderOpen20Regular />}
          appearance={m.files.length ? 'secondary' : 'primary'}
          size="small"
          disabled={disabled}
          onFiles={(list) => void m.pickFiles(list)}
        />
        {m.files.length > 0 && (
          <Text className={s.fileName} title={m.files.map((f) => f.name).join('\n')} data-testid="returned-count">
            {t.scFilesChosen(m.files.length)}
          </Text>
        )}
      </div>
      <Muted>{t.scReturnedHint}</Muted>
      <div className={s.row}>
        <Field label={t.scRound} size="small" className={s.narrowField}>
          <Dropdown
            size="small"
            className={s.control}
            data-testid="consolidate-round"
            value={m.round || t.scRoundAuto}
            selectedOptions={[m.round]}
            onOptionSelect={(_, d) => m.chooseRound(d.optionValue ?? AUTO_ROUND)}
          >
            <Option value={AUTO_ROUND} text={t.scRoundAuto}>
              {t.scRoundAuto}
            </Option>
            {rounds.map((r) => (
              <Option key={r} value={r}>
                {r}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.scTop} size="small" className={s.narrowField} hint={undefined}>
          <Input size="small" className={s.control} type="number" min={0} value={m.topText ?? ''} onChange={(_, d) => m.setTopText(d.value)} data-testid="top-n" title={t.scTopHint} />
        </Field>
      </div>
      <Checkbox checked={m.noKey} disabled={disabled} onChange={(_, d) => m.setNoKey(d.checked === true)} label={t.scNoKey} data-testid="no-key" />
      <Caption1 className={s.muted} style={{ marginTop: '-6px', paddingLeft: '32px' }}>
        {t.scNoKeyHint}
      </Caption1>
      {m.running && (
        <>
          <ProgressBar value={progress && progress.total ? progress.done / progress.total : undefined} thickness="large" aria-label={t.scConsolidating} data-testid="consolidate-progress" />
          <Caption1 className={s.muted}>{progress && progress.file ? t.scReadingFiles(progress.done, progress.total, progress.file) : t.scConsolidating}</Caption1>
        </>
      )}
      {m.error && <HostErrorBar error={m.error} lang={lang} t={t} testId="consolidate-error" />}
    </Card>
  );
}

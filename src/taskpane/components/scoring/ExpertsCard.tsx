/** 专家名单: the expert list to pick, the round, blind scoring, assigning by 组别 and a ranking ballot. */
import { Caption1, Checkbox, Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { FolderOpen20Regular } from '../icons';
import type { Strings } from '../../i18n';
import type { ScoreSheetsModel } from '../../hooks/useScoreSheets';
import { displayFileName } from '../../file-name';
import { Card, Muted } from '../panel-parts/Card';
import { FilePickButton } from '../panel-parts/FilePickButton';
import { usePanelStyles } from '../panel-parts/panel-styles';

const OPTION_HINT = { marginTop: '-6px', paddingLeft: '32px' };

export function ExpertsCard({ model: m, disabled, t }: { model: ScoreSheetsModel; disabled: boolean; t: Strings }) {
  const s = usePanelStyles();
  return (
    <Card title={t.scExperts}>
      <div className={s.rowCenter}>
        <FilePickButton
          label={t.scPickExperts}
          testId="experts-input"
          icon={<FolderOpen20Regular />}
          appearance={m.experts ? 'secondary' : 'primary'}
          size="small"
          disabled={disabled}
          onFiles={m.pickExperts}
        />
        {m.experts && (
          <Text className={s.fileName} title={m.experts.name} data-testid="experts-name">
            {displayFileName(m.experts.name)}
          </Text>
        )}
      </div>
      <Muted>{t.scExpertsHint}</Muted>
      <div className={s.row}>
        <Field label={t.scRound} size="small" className={s.narrowField}>
          <Dropdown
            size="small"
            className={s.control}
            data-testid="scoring-round"
            value={m.round ?? ''}
            selectedOptions={m.round ? [m.round] : []}
            onOptionSelect={(_, d) => d.optionValue && m.setRound(d.optionValue)}
            disabled={!m.rounds.length}
          >
            {m.rounds.map((r) => (
              <Option key={r} value={r}>
                {r}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Checkbox checked={m.blind} onChange={(_, d) => m.setBlind(d.checked === true)} label={t.scBlind} data-testid="blind" />
      <Caption1 className={s.muted} style={OPTION_HINT}>
        {t.scBlindHint}
      </Caption1>
      <Checkbox checked={m.grouped} disabled={!m.canGroup} onChange={(_, d) => m.setGroupBy(d.checked === true)} label={t.scGroupBy} data-testid="group-by" />
      <Caption1 className={s.muted} style={OPTION_HINT}>
        {m.canGroup || !m.candidates.value ? t.scGroupByHint : t.scGroupByMissing}
      </Caption1>
      <Checkbox checked={m.ballot} onChange={(_, d) => m.setBallot(d.checked === true)} label={t.scBallot} data-testid="ballot" />
      <Caption1 className={s.muted} style={OPTION_HINT}>
        {t.scBallotHint}
      </Caption1>
    </Card>
  );
}

/**
 * The programme and the date the workbook is checked for, the 检查 button, how the programme was chosen
 * (titles, headers or by hand, with a way back to detection) and the progress of a running check.
 */
import * as React from 'react';
import { Button, Caption1, Dropdown, Field, Input, Link, Option, ProgressBar, Spinner } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ShieldCheckmark20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import { parseIsoDate } from '../../../core/model/dates';
import type { Profile } from '../../../core/profiles/schema';
import type { Strings } from '../../i18n';
import type { WorkbookHost } from '../../hosts/workbook-host';
import type { CheckSectionModel } from '../../hooks/useCheck';
import { useCheckStyles } from './check-styles';

export interface ProgrammeCardProps {
  check: CheckSectionModel;
  host?: WorkbookHost;
  office: boolean;
  programmes: readonly Profile[];
  t: Strings;
  lang: Lang;
}

export function ProgrammeCard({ check, host, office, programmes, t, lang }: ProgrammeCardProps) {
  const s = useCheckStyles();
  /** What the date box shows while the user edits it (a half-typed date is not applied). */
  const [asOfDraft, setAsOfDraft] = React.useState<string | undefined>();
  const { outcome, busy, progress } = check;
  const { profile, how, evidence } = check.programme;
  const howText = how === 'title' ? t.chosenByTitle(evidence ?? '') : how === 'headers' ? t.chosenByHeaders : how === 'chosen' ? t.chosenManually : undefined;
  // A file on the page: the stage (reading, then checking, in the background); Excel: the sheets read so far.
  const fileStage = host?.kind === 'browser' ? (progress?.phase === 'check' ? 'check' : 'read') : undefined;
  const progressValue = !fileStage && progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const progressText = fileStage ? (fileStage === 'check' ? t.checking : t.readingFile) : progress && progress.total > 1 ? t.reading(progress.done, progress.total) : t.checking;

  return (
    <div className={s.card}>
      <div className={s.row}>
        <Field label={t.programme} className={s.grow} size="small">
          <Dropdown
            size="small"
            data-testid="programme"
            value={profile ? profile.shortName[lang] : lang === 'zh' ? '自动识别' : 'Detect automatically'}
            selectedOptions={profile ? [profile.id] : []}
            onOptionSelect={(_, d) => d.optionValue && check.chooseProgramme(d.optionValue)}
            title={profile?.name[lang]}
          >
            {programmes.map((p) => (
              <Option key={p.id} value={p.id} text={p.shortName[lang]}>
                {p.shortName[lang]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.asOf} className={s.dateField} size="small" hint={undefined}>
          <Input
            size="small"
            type="date"
            data-testid="as-of"
            value={asOfDraft ?? check.asOf ?? outcome?.result.asOf ?? ''}
            onChange={(_, d) => {
              setAsOfDraft(d.value);
              if (parseIsoDate(d.value)) check.setAsOf(d.value);
            }}
            onBlur={() => setAsOfDraft(undefined)}
            title={t.asOfHelp}
          />
        </Field>
        <Button
          appearance={office && !outcome ? 'primary' : 'secondary'}
          size="small"
          icon={busy ? <Spinner size="tiny" /> : outcome ? <ArrowClockwise20Regular /> : <ShieldCheckmark20Regular />}
          disabled={!host || busy}
          onClick={() => void check.runCheck()}
          data-testid="check"
        >
          {outcome ? t.recheck : t.check}
        </Button>
      </div>
      {howText && (
        <Caption1 className={s.how} data-testid="programme-how">
          {howText}
          {how === 'chosen' && (
            <>
              {' · '}
              <Link as="button" onClick={() => check.chooseProgramme(undefined)}>
                {t.backToAuto}
              </Link>
            </>
          )}
        </Caption1>
      )}
      {busy && <ProgressBar value={progressValue} thickness="large" aria-label={progressText} data-testid="progress" />}
      {busy && (
        <Caption1 className={s.how} data-testid="progress-text" data-stage={fileStage}>
          {progressText}
        </Caption1>
      )}
    </div>
  );
}

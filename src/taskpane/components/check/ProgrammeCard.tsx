/**
 * The programme and the date the workbook is checked for, the 检查 button, how the programme was chosen
 * (titles, headers or by hand, with a way back to detection) and the progress of a running check. In a
 * narrow pane (`compact`) the card folds to one line (programme, date, 更改, 检查) until the user unfolds it.
 */
import * as React from 'react';
import { Button, Caption1, Dropdown, Field, Input, Link, mergeClasses, Option, ProgressBar, Spinner } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ChevronDown16Regular, ChevronRight16Regular, ShieldCheckmark20Regular } from '../icons';
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
  /** A narrow pane: folded to one line. */
  compact?: boolean;
  programmes: readonly Profile[];
  t: Strings;
  lang: Lang;
}

export function ProgrammeCard({ check, host, office, compact, programmes, t, lang }: ProgrammeCardProps) {
  const s = useCheckStyles();
  /** What the date box shows while the user edits it (a half-typed date is not applied); whether a folded card is open. */
  const [ui, setUi] = React.useState<{ asOfDraft?: string; unfolded: boolean }>({ unfolded: false });
  const { asOfDraft } = ui;
  const setAsOfDraft = (d: string | undefined) => setUi((u) => ({ ...u, asOfDraft: d }));
  const { outcome, busy, progress } = check;
  const { profile, how, evidence } = check.programme;
  const howText = how === 'title' ? t.chosenByTitle(evidence ?? '') : how === 'headers' ? t.chosenByHeaders : how === 'chosen' ? t.chosenManually : undefined;
  // A file on the page: the stage (reading, then checking, in the background); Excel: the sheets read so far.
  const fileStage = host?.kind === 'browser' ? (progress?.phase === 'check' ? 'check' : 'read') : undefined;
  const progressValue = !fileStage && progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const progressText = fileStage ? (fileStage === 'check' ? t.checking : t.readingFile) : progress && progress.total > 1 ? t.reading(progress.done, progress.total) : t.checking;

  const folded = compact && !ui.unfolded;
  const checkButton = (
    <Button
      appearance={office && !outcome ? 'primary' : 'secondary'}
      size="small"
      icon={busy ? <Spinner size="tiny" /> : outcome ? <ArrowClockwise20Regular /> : <ShieldCheckmark20Regular />}
      disabled={!host || busy}
      onClick={() => void check.runCheck()}
      // Folded: once checked, the icon alone (a 350 px row has no room for 重新校验).
      aria-label={compact && outcome ? t.recheck : undefined}
      title={compact && outcome ? t.recheck : undefined}
      className={s.noWrap}
      data-testid="check"
    >
      {compact && outcome ? undefined : outcome ? t.recheck : t.check}
    </Button>
  );
  const asOfShown = check.asOf ?? outcome?.result.asOf;

  return (
    <div className={mergeClasses(s.card, compact && s.cardCompact)} data-testid="programme-card">
      {compact && (
        <div className={s.foldedRow}>
          <Button
            appearance="transparent"
            size="small"
            className={s.foldedSummary}
            icon={folded ? <ChevronRight16Regular /> : <ChevronDown16Regular />}
            aria-expanded={!folded}
            onClick={() => setUi((u) => ({ ...u, unfolded: !u.unfolded }))}
            title={[profile?.name[lang], howText].filter(Boolean).join('\n')}
            data-testid="programme-summary"
          >
            <span className={s.foldedText}>
              {profile ? profile.shortName[lang] : t.programme}
              {asOfShown && <span className={s.how}> · {t.asOfShort(asOfShown)}</span>}
            </span>
          </Button>
          {checkButton}
        </div>
      )}
      {!folded && (
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
          {!compact && checkButton}
        </div>
      )}
      {howText && !folded && (
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

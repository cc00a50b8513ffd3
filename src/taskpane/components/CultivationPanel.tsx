/**
 * 培育跟踪: a tracking workbook from the open workbook's nominees (downloaded, or opened as a new workbook in
 * Excel), next year's workbook from a filled one (rollover), and where checking a filled workbook happens (校验,
 * with the cultivation programme detected). The CLI's own code, loaded as a separate chunk (tools/).
 */
import * as React from 'react';
import { Button, Field, Input, Link, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowRepeatAll20Regular, FolderOpen20Regular, ShieldCheckmark20Regular, WindowNew20Regular } from './icons';
import type { Lang } from '../../core/model/findings';
import { parseIsoDate } from '../../core/model/dates';
import type { Profile } from '../../core/profiles/schema';
import type { Strings } from '../i18n';
import type { HostError, WorkbookHost } from '../hosts/workbook-host';
import { asHostError } from '../hosts/workbook-host';
import { displayFileName } from '../file-name';
import { readPickedFiles, saveBytes, type PickedFile } from '../download';
import { loadWorkflows } from '../tools/load';
import type { RolloverReport } from '../tools/workflows';
import { parseYear, rolloverLines, trackingFileName, yearStart } from '../scoring-view';
import { Card, FilePickButton, Muted, usePanelStyles } from './panel-parts';

export interface CultivationPanelProps {
  host?: WorkbookHost;
  office: boolean;
  /** The built-in cultivation programme (质量工匠培育 2026). */
  profile?: Profile;
  t: Strings;
  lang: Lang;
  /** Switch to 校验. */
  onGoCheck(): void;
}

type Notice = { intent: 'success' | 'warning' | 'error'; text: string; testId?: string };

function NoticeBar({ notice }: { notice?: Notice }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={notice.testId}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

export function CultivationPanel({ host, office, profile, t, lang, onGoCheck }: CultivationPanelProps) {
  const s = usePanelStyles();
  const defaultYear = profile?.year ?? new Date().getFullYear();

  // ------------------------------------------------ create
  const [yearText, setYearText] = React.useState(String(defaultYear));
  const [startText, setStartText] = React.useState<string | undefined>();
  const [creating, setCreating] = React.useState(false);
  const [created, setCreated] = React.useState<Notice | undefined>();
  const year = parseYear(yearText);
  const start = startText ?? (year ? yearStart(year) : '');
  const startDate = parseIsoDate(start);

  const canOpen = office && !!host?.openWorkbook;

  // The open workbook is read when the button is pressed (in Excel: as it is now, edits included).
  const create = async (open: boolean) => {
    if (!host || !year) return;
    setCreating(true);
    setCreated(undefined);
    try {
      const [w, source] = await Promise.all([loadWorkflows(), host.source()]);
      const r = await w.trackingWorkbook({ source, year, start: startDate });
      const what = t.cuCreated(r.year, r.trainees, r.source?.sheet ?? '');
      if (open && host?.openWorkbook && host.canOpenWorkbook?.()) {
        await host.openWorkbook(r.bytes);
        setCreated({ intent: 'success', text: `${what} ${t.cuOpened}`, testId: 'tracking-result' });
      } else {
        saveBytes(r.bytes, trackingFileName(r.year));
        setCreated({ intent: open ? 'warning' : 'success', text: open ? `${what} ${t.cuOpenUnsupported}` : what, testId: 'tracking-result' });
      }
    } catch (e) {
      const err = asHostError(e);
      setCreated({ intent: 'error', text: err.localized[lang], testId: 'tracking-error' });
    } finally {
      setCreating(false);
    }
  };

  // ------------------------------------------------ rollover
  const [tracking, setTracking] = React.useState<PickedFile | undefined>();
  const [newYearText, setNewYearText] = React.useState<string | undefined>();
  const [roll, setRoll] = React.useState<{ bytes: Uint8Array; report: RolloverReport; year: number } | undefined>();
  const [rollError, setRollError] = React.useState<HostError | undefined>();
  const [rolling, setRolling] = React.useState(false);
  const [rollNotice, setRollNotice] = React.useState<Notice | undefined>();
  const rollRun = React.useRef(0);

  const runRollover = React.useCallback(async (file: PickedFile, wantYear?: number) => {
    const id = ++rollRun.current;
    setRolling(true);
    setRollError(undefined);
    setRollNotice(undefined);
    try {
      const w = await loadWorkflows();
      const r = await w.rollover({ file, year: wantYear });
      if (id !== rollRun.current) return;
      setRoll(r);
      setNewYearText(String(r.year));
    } catch (e) {
      if (id !== rollRun.current) return;
      setRoll(undefined);
      setRollError(asHostError(e));
    } finally {
      if (id === rollRun.current) setRolling(false);
    }
  }, []);

  // A year typed in: roll over again after a pause.
  React.useEffect(() => {
    if (!tracking || newYearText === undefined) return;
    const y = parseYear(newYearText);
    if (!y || y === roll?.year) return;
    const timer = setTimeout(() => void runRollover(tracking, y), 400);
    return () => clearTimeout(timer);
  }, [newYearText, tracking, roll?.year, runRollover]);

  const saveRollover = async (open: boolean) => {
    if (!roll) return;
    setRollNotice(undefined);
    try {
      if (open && host?.openWorkbook && host.canOpenWorkbook?.()) {
        await host.openWorkbook(roll.bytes);
        setRollNotice({ intent: 'success', text: t.cuOpened });
      } else {
        saveBytes(roll.bytes, trackingFileName(roll.year));
        if (open) setRollNotice({ intent: 'warning', text: t.cuOpenUnsupported });
      }
    } catch (e) {
      setRollNotice({ intent: 'error', text: asHostError(e).localized[lang] });
    }
  };

  return (
    <div className={s.root} data-testid="cultivation" data-busy={creating || rolling ? 'true' : 'false'}>
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
          <Field label={t.cuYear} size="small" className={s.narrowField} validationMessage={year ? undefined : t.cuBadYear}>
            <Input size="small" className={s.control} inputMode="numeric" value={yearText} onChange={(_, d) => setYearText(d.value)} data-testid="tracking-year" />
          </Field>
          <Field label={t.cuStart} size="small" className={s.dateField}>
            <Input size="small" className={s.control} type="date" value={start} onChange={(_, d) => setStartText(d.value)} data-testid="tracking-start" />
          </Field>
        </div>
        <div className={s.actions}>
          {canOpen && (
            <Button
              appearance="primary"
              icon={creating ? <Spinner size="tiny" /> : <WindowNew20Regular />}
              disabled={!host || !year || !startDate || creating}
              onClick={() => void create(true)}
              data-testid="open-tracking"
            >
              {t.cuOpenTracking}
            </Button>
          )}
          <Button
            appearance={canOpen ? 'secondary' : 'primary'}
            icon={creating && !canOpen ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
            disabled={!host || !year || !startDate || creating}
            onClick={() => void create(false)}
            data-testid="download-tracking"
          >
            {t.cuDownloadTracking}
          </Button>
        </div>
        <NoticeBar notice={created} />
      </Card>

      <Card title={t.cuRolloverTitle}>
        <Muted>{t.cuRolloverHint}</Muted>
        <div className={s.rowCenter}>
          <FilePickButton
            label={t.cuPickTracking}
            testId="rollover-input"
            icon={<FolderOpen20Regular />}
            size="small"
            onFiles={(files) => {
              readPickedFiles(files.slice(0, 1))
                .then(([f]) => {
                  setTracking(f);
                  setRoll(undefined);
                  setNewYearText(undefined);
                  void runRollover(f);
                })
                .catch((e: unknown) => setRollError(asHostError(e)));
            }}
          />
          {tracking && (
            <Text className={s.fileName} title={tracking.name}>
              {displayFileName(tracking.name)}
            </Text>
          )}
        </div>
        {tracking && (
          <div className={s.row}>
            <Field label={t.cuNewYear} size="small" className={s.narrowField} validationMessage={newYearText === undefined || parseYear(newYearText) ? undefined : t.cuBadYear}>
              <Input size="small" className={s.control} inputMode="numeric" value={newYearText ?? ''} onChange={(_, d) => setNewYearText(d.value)} data-testid="rollover-year" />
            </Field>
          </div>
        )}
        {rolling && <Spinner size="tiny" label={t.working} labelPosition="after" />}
        {rollError && (
          <MessageBar intent={rollError.kind === 'failed' ? 'error' : 'warning'} layout="multiline" data-testid="rollover-error">
            <MessageBarBody>{rollError.localized[lang]}</MessageBarBody>
          </MessageBar>
        )}
        {roll && !rolling && (
          <>
            <Text weight="semibold">{t.cuRolledOver(roll.report.fromYear, roll.year)}</Text>
            <ul className={s.lines} data-testid="rollover-report">
              {rolloverLines(roll.report, lang).map((line, i) => (
                <li key={i}>
                  <Text size={200}>{line}</Text>
                </li>
              ))}
            </ul>
            <div className={s.actions}>
              {canOpen && (
                <Button appearance="primary" icon={<WindowNew20Regular />} onClick={() => void saveRollover(true)} data-testid="open-rollover">
                  {t.cuOpenRollover}
                </Button>
              )}
              <Button appearance={canOpen ? 'secondary' : 'primary'} icon={<ArrowRepeatAll20Regular />} onClick={() => void saveRollover(false)} data-testid="download-rollover">
                {t.cuDownloadRollover}
              </Button>
            </div>
            <NoticeBar notice={rollNotice} />
          </>
        )}
      </Card>

      <Card title={t.cuCheckTitle}>
        <Muted testId="cultivation-check-hint">{t.cuCheckHint(profile?.shortName[lang] ?? '质量工匠培育 2026')}</Muted>
        <div>
          <Link as="button" onClick={onGoCheck} data-testid="go-check">
            <ShieldCheckmark20Regular style={{ verticalAlign: 'middle', marginRight: 4 }} aria-hidden />
            {t.cuGoCheck}
          </Link>
        </div>
      </Card>
    </div>
  );
}

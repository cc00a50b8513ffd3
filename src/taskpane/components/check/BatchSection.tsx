/**
 * 校验 with several files open: progress while they are read and checked (in the background), then one combined
 * report — totals, per recommending unit, the people listed in more than one file, and each file's problems with
 * a way to open that file alone (its preview and annotated copy).
 */
import * as React from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, mergeClasses, ProgressBar, Text } from '@fluentui/react-components';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { FileBatchState } from '../../hooks/useFileBatch';
import { Card, Muted } from '../panel-parts/Card';
import { FindingsPanel } from '../FindingsPanel';
import { CountsBar } from './CountsBar';
import { useCheckStyles } from './check-styles';
import { useGrowingCount } from '../../hooks/useGrowingCount';

export interface BatchSectionProps {
  state: FileBatchState;
  hidden: boolean;
  onOpenOne(index: number): void;
  t: Strings;
  lang: Lang;
}

const noSelect = () => undefined;
/** Files' reports drawn with the totals, then per frame (a hundred at once held the page ~190 ms, then ~125 ms of layout). */
const FIRST_FILES = 8;
const FILES_PER_FRAME = 8;

export function BatchSection({ state, hidden, onOpenOne, t, lang }: BatchSectionProps) {
  const s = useCheckStyles();
  const { report, progress } = state;
  const stage = progress && (progress.stage === 'read' ? t.batchReading : t.batchChecking)(progress.file, progress.index + 1, progress.total);
  const shown = useGrowingCount([report], report?.files.length ?? 0, FIRST_FILES, FILES_PER_FRAME);
  return (
    <main className={mergeClasses(s.body, hidden && s.hidden)} aria-label={t.sectionCheck}>
      <section className={s.pane} data-testid="batch">
        {state.busy && (
          <div className={s.card}>
            <ProgressBar value={progress ? (progress.done + (progress.stage === 'check' ? 0.8 : 0)) / progress.total : undefined} thickness="large" aria-label={stage ?? t.checking} data-testid="progress" />
            <Caption1 className={s.how} data-testid="progress-text" data-stage={progress?.stage}>
              {stage ?? t.checking}
            </Caption1>
          </div>
        )}
        {state.error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{state.error.localized[lang]}</MessageBarBody>
          </MessageBar>
        )}
        {report && (
          <>
            <Card title={t.batchTitle(report.totals.files)} testId="batch-totals">
              <CountsBar counts={report.totals.counts} t={t} />
              <Muted>{t.batchTotals(report.totals.checked, report.totals.nominees, report.totals.unusable)}</Muted>
            </Card>
            <Card title={t.batchUnits}>
              <table className={s.unitTable} data-testid="batch-units">
                <thead>
                  <tr>
                    <th>{t.batchUnit}</th>
                    <th>{t.batchFilesCol}</th>
                    <th>{t.batchNomineesCol}</th>
                    <th>{t.severity.error}</th>
                    <th>{t.severity.warning}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.units.map((u, i) => (
                    <tr key={u.unit ?? `-${i}`} data-testid="batch-unit">
                      <td>{u.unit ?? t.batchNoUnit}</td>
                      <td>{u.files.length}</td>
                      <td>{u.nominees}</td>
                      <td>{u.counts.error}</td>
                      <td>{u.counts.warning}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
            <Card title={t.batchDuplicates(report.duplicates.length)} testId="batch-duplicates">
              {report.duplicates.map((d, i) => (
                <Text key={i} data-testid="cross-file-duplicate" block>
                  {d.places[0]?.nominee}
                  {t.colon}
                  {d.places.map((p) => t.batchDuplicatePlace(report.files[p.file]?.name ?? '', p.sheet, p.cell)).join(lang === 'zh' ? '；' : '; ')}
                </Text>
              ))}
            </Card>
            {report.files.slice(0, shown).map((f, i) => (
              <FileReport key={i} file={f} index={i} onOpenOne={onOpenOne} t={t} lang={lang} />
            ))}
          </>
        )}
      </section>
    </main>
  );
}

type FileEntry = NonNullable<FileBatchState['report']>['files'][number];

/** One file's part of the report; memoised: each frame that adds files draws only the new ones. */
const FileReport = React.memo(function FileReport({ file: f, index, onOpenOne, t, lang }: { file: FileEntry; index: number; onOpenOne(index: number): void; t: Strings; lang: Lang }) {
  return (
    <Card title={f.name} testId="batch-file">
      {f.unit && <Muted>{t.batchFileUnit(f.unit)}</Muted>}
      {f.failure ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{f.failure[lang]}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {f.result && <Muted>{f.result.program.name[lang]}</Muted>}
          <FindingsPanel findings={f.findings} nomineeOrder={f.result?.nomineeOrder ?? []} onSelect={noSelect} t={t} lang={lang} />
        </>
      )}
      <div>
        <Button size="small" onClick={() => onOpenOne(index)} data-testid="batch-open-one">
          {t.batchOpenOne}
        </Button>
      </div>
    </Card>
  );
});

/**
 * 专家评分: score sheets for every expert from the open workbook's candidates (one zip download), and the
 * consolidation of the returned files (problems per file, ranking, Kendall's W, the result workbook downloaded or
 * written into the open workbook). All the work is the CLI's own code, loaded as a separate chunk (tools/).
 */
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowDownload20Regular, DocumentTable20Regular, FolderOpen20Regular, TableAdd20Regular } from './icons';
import type { Lang } from '../../core/model/findings';
import type { Profile } from '../../core/profiles/schema';
import { rubricOf } from '../../core/scoring/rubric';
import type { Strings } from '../i18n';
import type { HostError, WorkbookHost, WorkbookSource } from '../hosts/workbook-host';
import { asHostError } from '../hosts/workbook-host';
import { displayFileName } from '../file-name';
import { readPickedFiles, saveBytes, type PickedFile } from '../download';
import { loadWorkflows } from '../tools/load';
import type { CandidateInfo, ConsolidatedRound, ScoringPlan } from '../tools/workflows';
import {
  agreementLines,
  assignmentView,
  defaultTop,
  fileTally,
  fmt,
  problemGroups,
  problemViews,
  rankingRows,
  resultFileName,
  resultSheetPrefix,
  scoreZipName,
} from '../scoring-view';
import { token } from './css-vars';
import { Card, FilePickButton, Muted, NUM, ProblemGroups, ProblemList, TEXT, usePanelStyles } from './panel-parts';

export interface ScoringPanelProps {
  host?: WorkbookHost;
  office: boolean;
  /** The programme chosen or detected in the pane (a selection programme is needed here). */
  profile?: Profile;
  profiles: readonly Profile[];
  onProgramme(id: string): void;
  t: Strings;
  lang: Lang;
}

function ErrorBar({ error, lang, t, testId = 'scoring-error', title }: { error: HostError; lang: Lang; t: Strings; testId?: string; title?: string }) {
  return (
    <MessageBar intent={error.kind === 'failed' ? 'error' : 'warning'} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{error.kind === 'unreadable' ? t.unreadableTitle : title ?? t.errorTitle}</MessageBarTitle>
        {error.localized[lang]}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The open workbook (its bytes, or in Excel its grid), read when the tab opens and on request. */
function useSource(host: WorkbookHost | undefined): { source?: WorkbookSource; error?: HostError; reading: boolean; reload(): void } {
  const [state, setState] = React.useState<{ source?: WorkbookSource; error?: HostError; reading: boolean }>({ reading: false });
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    if (!host) {
      setState({ reading: false });
      return;
    }
    let active = true;
    setState({ reading: true });
    host
      .source()
      .then((source) => active && setState({ source, reading: false }))
      .catch((e: unknown) => active && setState({ error: asHostError(e), reading: false }));
    return () => {
      active = false;
    };
  }, [host, version]);
  return { ...state, reload: () => setVersion((v) => v + 1) };
}

type SubTab = 'generate' | 'consolidate';

export function ScoringPanel(props: ScoringPanelProps) {
  const { t } = props;
  const [tab, setTab] = React.useState<SubTab>('generate');
  const s = usePanelStyles();
  const selection = props.profiles.filter((p) => p.kind !== 'cultivation');
  const profile = props.profile && props.profile.kind !== 'cultivation' ? props.profile : undefined;
  return (
    <div className={s.root} data-testid="scoring">
      <Card>
        <Field label={t.programme} size="small" hint={props.profile && !profile ? t.scSelectionOnly : profile ? undefined : t.scPickProgramme}>
          <Dropdown
            size="small"
            data-testid="scoring-programme"
            value={profile ? profile.shortName[props.lang] : ''}
            placeholder={t.programme}
            selectedOptions={profile ? [profile.id] : []}
            onOptionSelect={(_, d) => d.optionValue && props.onProgramme(d.optionValue)}
          >
            {selection.map((p) => (
              <Option key={p.id} value={p.id} text={p.shortName[props.lang]}>
                {p.shortName[props.lang]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </Card>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as SubTab)} size="small">
        <Tab value="generate" data-testid="tab-generate">
          {t.scGenerateTab}
        </Tab>
        <Tab value="consolidate" data-testid="tab-consolidate">
          {t.scConsolidateTab}
        </Tab>
      </TabList>
      {/* Both stay mounted: switching back keeps the chosen files and results. */}
      <div role="tabpanel" aria-label={t.scGenerateTab} hidden={tab !== 'generate'}>
        <GenerateSection {...props} profile={profile} />
      </div>
      <div role="tabpanel" aria-label={t.scConsolidateTab} hidden={tab !== 'consolidate'}>
        <ConsolidateSection {...props} profile={profile} />
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- 生成评分表

function GenerateSection({ host, office, profile, t, lang }: ScoringPanelProps) {
  const s = usePanelStyles();
  const { source, error: sourceError, reading, reload } = useSource(host);
  const rounds = React.useMemo(() => {
    try {
      return profile ? rubricOf(profile).rounds : [];
    } catch {
      return [];
    }
  }, [profile]);
  const [round, setRound] = React.useState<string | undefined>();
  const [blind, setBlind] = React.useState(false);
  const [groupBy, setGroupBy] = React.useState(false);
  const [experts, setExperts] = React.useState<PickedFile | undefined>();
  const [info, setInfo] = React.useState<{ info?: CandidateInfo; error?: HostError; busy: boolean }>({ busy: false });
  const [plan, setPlan] = React.useState<{ plan?: ScoringPlan; error?: HostError; busy: boolean }>({ busy: false });
  const [progress, setProgress] = React.useState<{ done: number; total: number } | undefined>();
  const [generating, setGenerating] = React.useState(false);
  const [done, setDone] = React.useState<string | undefined>();
  const [genError, setGenError] = React.useState<HostError | undefined>();
  const chosenRound = round && rounds.includes(round) ? round : rounds[0];

  // Candidates of the open workbook.
  React.useEffect(() => {
    if (!profile || !source) {
      setInfo({ busy: false });
      return;
    }
    let active = true;
    setInfo({ busy: true });
    loadWorkflows()
      .then((w) => w.candidateInfo(profile, source))
      .then((i) => active && setInfo({ info: i, busy: false }))
      .catch((e: unknown) => active && setInfo({ error: asHostError(e), busy: false }));
    return () => {
      active = false;
    };
  }, [profile, source]);

  const canGroup = !!info.info?.hasGroups;
  const grouped = groupBy && canGroup;

  // The assignment, as soon as the experts are known.
  React.useEffect(() => {
    setDone(undefined);
    setGenError(undefined);
    if (!profile || !source || !experts || !info.info) {
      setPlan({ busy: false });
      return;
    }
    let active = true;
    setPlan({ busy: true });
    loadWorkflows()
      .then((w) => w.planScoring({ profile, source, experts, round: chosenRound, blind, groupBy: grouped }))
      .then((p) => active && setPlan({ plan: p, busy: false }))
      .catch((e: unknown) => active && setPlan({ error: asHostError(e), busy: false }));
    return () => {
      active = false;
    };
  }, [profile, source, experts, info.info, chosenRound, blind, grouped]);

  const view = plan.plan ? assignmentView(plan.plan) : undefined;
  const problems = plan.plan ? problemViews(plan.plan.assignment.problems, lang) : [];

  const generate = async () => {
    if (!profile || !source || !experts) return;
    setGenerating(true);
    setGenError(undefined);
    setDone(undefined);
    setProgress(undefined);
    try {
      const w = await loadWorkflows();
      const out = await w.scoreSheetsZip({ profile, source, experts, round: chosenRound, blind, groupBy: grouped, onProgress: (d, n) => setProgress({ done: d, total: n }) });
      const name = scoreZipName(out.round, blind);
      saveBytes(out.zip, name);
      setDone(t.scGenerated(out.sheets.length, name, out.keyName));
    } catch (e) {
      setGenError(asHostError(e));
    } finally {
      setGenerating(false);
      setProgress(undefined);
    }
  };

  const busy = reading || info.busy || plan.busy;
  return (
    <div className={s.root} data-testid="generate" data-busy={busy || generating ? 'true' : 'false'}>
      <Card title={t.scCandidates}>
        {!host && <Muted>{t.scNoWorkbook}</Muted>}
        {host && !office && host.fileName && !info.info && (
          <Text className={s.fileName} title={host.fileName}>
            {t.fileLabel}
            {t.colon}
            {displayFileName(host.fileName)}
          </Text>
        )}
        {(reading || info.busy) && <Spinner size="tiny" label={t.scReadingWorkbook} labelPosition="after" />}
        {sourceError && <ErrorBar error={sourceError} lang={lang} t={t} />}
        {info.error && <ErrorBar error={info.error} lang={lang} t={t} testId="candidates-error" title={t.scCandidatesUnusable} />}
        {info.info && (
          <Text data-testid="candidates-info">
            {t.scCandidatesFrom(info.info.count, office ? source?.name ?? '' : displayFileName(source?.name ?? ''), info.info.source.sheet, info.info.source.firstRow, info.info.source.lastRow)}
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

      <Card title={t.scExperts}>
        <div className={s.rowCenter}>
          <FilePickButton
            label={t.scPickExperts}
            testId="experts-input"
            icon={<FolderOpen20Regular />}
            appearance={experts ? 'secondary' : 'primary'}
            size="small"
            disabled={!profile || !host}
            onFiles={(files) => {
              readPickedFiles(files.slice(0, 1))
                .then(([f]) => setExperts(f))
                .catch((e: unknown) => setPlan({ error: asHostError(e), busy: false }));
            }}
          />
          {experts && (
            <Text className={s.fileName} title={experts.name} data-testid="experts-name">
              {displayFileName(experts.name)}
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
              value={chosenRound ?? ''}
              selectedOptions={chosenRound ? [chosenRound] : []}
              onOptionSelect={(_, d) => d.optionValue && setRound(d.optionValue)}
              disabled={!rounds.length}
            >
              {rounds.map((r) => (
                <Option key={r} value={r}>
                  {r}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
        <Checkbox checked={blind} onChange={(_, d) => setBlind(d.checked === true)} label={t.scBlind} data-testid="blind" />
        <Caption1 className={s.muted} style={{ marginTop: '-6px', paddingLeft: '32px' }}>
          {t.scBlindHint}
        </Caption1>
        <Checkbox checked={grouped} disabled={!canGroup} onChange={(_, d) => setGroupBy(d.checked === true)} label={t.scGroupBy} data-testid="group-by" />
        <Caption1 className={s.muted} style={{ marginTop: '-6px', paddingLeft: '32px' }}>
          {canGroup || !info.info ? t.scGroupByHint : t.scGroupByMissing}
        </Caption1>
      </Card>

      {(plan.busy || plan.error || view) && (
        <Card title={t.scAssignment} testId="assignment">
          {plan.busy && <Spinner size="tiny" label={t.working} labelPosition="after" />}
          {plan.error && <ErrorBar error={plan.error} lang={lang} t={t} testId="assignment-error" title={t.scListsUnusable} />}
          {view && (
            <>
              <Text data-testid="assignment-summary" weight="semibold">
                {t.scAssignmentLine(view.candidates, view.experts, view.exclusions)}
              </Text>
              {view.perCandidate && <Muted>{t.scPerCandidate(view.perCandidate.min, view.perCandidate.max)}</Muted>}
              {view.unscorable > 0 && (
                <Text style={{ color: token('colorPaletteRedForeground1') }} data-testid="unscorable">
                  {t.scUnscorable(view.unscorable)}
                </Text>
              )}
              <div className={s.tableWrap}>
                <table className={s.table} data-testid="assignment-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.scColExpert}</th>
                      <th scope="col" className={TEXT}>
                        {t.scColUnit}
                      </th>
                      {view.perExpert.some((e) => e.group) && <th scope="col">{t.scColGroup}</th>}
                      <th scope="col" className={NUM}>
                        {t.scColCandidates}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.perExpert.map((e) => (
                      <tr key={e.code} data-testid="assignment-row">
                        <td>
                          {e.name} <span className={s.muted}>{e.code}</span>
                        </td>
                        <td className={TEXT}>{e.unit}</td>
                        {view.perExpert.some((x) => x.group) && <td>{e.group ?? ''}</td>}
                        <td className={NUM}>{e.candidates || <span className={s.muted}>{t.scNoSheet}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ProblemList problems={problems} t={t} empty={t.scNoProblems} showFile={false} />
            </>
          )}
        </Card>
      )}

      <Card>
        <div className={s.actions}>
          <Button
            appearance="primary"
            icon={generating ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
            disabled={!view || generating || busy}
            onClick={() => void generate()}
            data-testid="download-scoresheets"
          >
            {t.scDownloadZip}
          </Button>
        </div>
        <Muted>{t.scDownloadZipHint}</Muted>
        {generating && (
          <>
            <ProgressBar value={progress && progress.total ? progress.done / progress.total : undefined} thickness="large" aria-label={t.scDownloadZip} />
            {progress && <Caption1 className={s.muted}>{t.scGenerating(progress.done, progress.total)}</Caption1>}
          </>
        )}
        {genError && <ErrorBar error={genError} lang={lang} t={t} />}
        {done && (
          <MessageBar intent="success" layout="multiline" data-testid="scoresheets-done">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </Card>
    </div>
  );
}

// ---------------------------------------------------------------- 汇总评分

const AUTO = '';

function ConsolidateSection({ host, office, profile, t, lang }: ScoringPanelProps) {
  const s = usePanelStyles();
  const rounds = React.useMemo(() => {
    try {
      return profile ? rubricOf(profile).rounds : [];
    } catch {
      return [];
    }
  }, [profile]);
  const [files, setFiles] = React.useState<PickedFile[]>([]);
  const [round, setRound] = React.useState<string>(AUTO);
  const [topText, setTopText] = React.useState<string | undefined>();
  const [top, setTop] = React.useState<number | undefined>();
  const [result, setResult] = React.useState<ConsolidatedRound | undefined>();
  const [error, setError] = React.useState<HostError | undefined>();
  const [progress, setProgress] = React.useState<{ done: number; total: number; file: string } | undefined>();
  const [running, setRunning] = React.useState(false);
  const [runs, setRuns] = React.useState(0);
  const [notice, setNotice] = React.useState<{ intent: 'success' | 'warning' | 'error'; text: string } | undefined>();
  const [saving, setSaving] = React.useState(false);
  const runId = React.useRef(0);

  const run = React.useCallback(
    async (picked: PickedFile[], wantRound: string, wantTop: number | undefined) => {
      if (!profile || !picked.length) return;
      const id = ++runId.current;
      setRunning(true);
      setError(undefined);
      setNotice(undefined);
      try {
        const w = await loadWorkflows();
        const r = await w.consolidate({
          profile,
          files: picked,
          round: wantRound || undefined,
          top: wantTop,
          onProgress: (done, total, file) => id === runId.current && setProgress({ done, total, file: displayFileName(file) }),
        });
        if (id !== runId.current) return;
        // First run: a shortlist of the top half (at most 10) unless the user chose N; then again with it.
        if (wantTop === undefined) {
          const n = defaultTop(r.result.candidates.filter((c) => c.rank !== undefined).length);
          if (n > 0) {
            setTop(n);
            setTopText(String(n));
            const again = await w.consolidate({ profile, files: picked, round: wantRound || undefined, top: n });
            if (id !== runId.current) return;
            setResult(again);
            return;
          }
        }
        setResult(r);
      } catch (e) {
        if (id !== runId.current) return;
        setResult(undefined);
        setError(asHostError(e));
      } finally {
        if (id === runId.current) {
          setRunning(false);
          setProgress(undefined);
          setRuns((n) => n + 1);
        }
      }
    },
    [profile],
  );

  // A new programme re-reads the chosen files.
  React.useEffect(() => {
    if (files.length) void run(files, round, top);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile]);

  const pick = async (list: File[]) => {
    setRunning(true);
    setResult(undefined);
    setError(undefined);
    setProgress({ done: 0, total: list.length, file: '' });
    let picked: PickedFile[];
    try {
      picked = await readPickedFiles(list, (done, total, file) => setProgress({ done, total, file }));
    } catch (e) {
      setError(asHostError(e));
      setRunning(false);
      setProgress(undefined);
      return;
    }
    setFiles(picked);
    setTop(undefined);
    setTopText(undefined);
    await run(picked, round, undefined);
  };

  // N typed in: re-rank after a pause (the files are read again, quickly; the same code as the CLI).
  React.useEffect(() => {
    if (topText === undefined || !files.length) return;
    const n = Number(topText);
    if (!/^\d+$/.test(topText.trim()) || n === top) return;
    const timer = setTimeout(() => {
      setTop(n);
      void run(files, round, n > 0 ? n : 0);
    }, 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [topText]);

  const rows = result ? rankingRows(result.result.candidates, lang) : [];
  const groups = result ? problemGroups(result.problems, result.files, lang) : [];
  const agreement = result && result.accepted ? agreementLines(result.result.agreement, lang) : [];
  const hasGroups = rows.some((r) => r.group !== undefined);
  const usable = !!result && result.accepted > 0;

  const resultBytes = async (chart: boolean) => {
    const w = await loadWorkflows();
    return w.resultWorkbook(result!, { chart });
  };

  const download = async () => {
    if (!result) return;
    setSaving(true);
    setNotice(undefined);
    try {
      saveBytes(await resultBytes(true), resultFileName(result.round));
    } catch (e) {
      setNotice({ intent: 'error', text: asHostError(e).localized[lang] });
    } finally {
      setSaving(false);
    }
  };

  const write = async () => {
    if (!result || !host) return;
    setSaving(true);
    setNotice(undefined);
    try {
      if (!host.insertSheets || !host.canInsertSheets?.()) {
        saveBytes(await resultBytes(true), resultFileName(result.round));
        setNotice({ intent: 'warning', text: t.scInsertUnsupported });
        return;
      }
      const w = await loadWorkflows();
      const bytes = await resultBytes(host.insertKeepsCharts?.() ?? true);
      const names = await host.insertSheets(bytes, { sheetNames: w.RESULT_SHEET_NAMES, sheetNamePrefix: resultSheetPrefix(result.round) });
      setNotice({ intent: 'success', text: t.scWritten(names) });
    } catch (e) {
      setNotice({ intent: 'error', text: asHostError(e).localized[lang] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={s.root} data-testid="consolidate" data-busy={running ? 'true' : 'false'} data-runs={runs}>
      <Card title={t.scReturned}>
        <div className={s.rowCenter}>
          <FilePickButton
            label={t.scPickReturned}
            testId="returned-input"
            multiple
            icon={<FolderOpen20Regular />}
            appearance={files.length ? 'secondary' : 'primary'}
            size="small"
            disabled={!profile || running}
            onFiles={(list) => void pick(list)}
          />
          {files.length > 0 && (
            <Text className={s.fileName} title={files.map((f) => f.name).join('\n')} data-testid="returned-count">
              {t.scFilesChosen(files.length)}
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
              value={round || t.scRoundAuto}
              selectedOptions={[round]}
              onOptionSelect={(_, d) => {
                const r = d.optionValue ?? AUTO;
                setRound(r);
                if (files.length) void run(files, r, top);
              }}
            >
              <Option value={AUTO} text={t.scRoundAuto}>
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
            <Input size="small" className={s.control} type="number" min={0} value={topText ?? ''} onChange={(_, d) => setTopText(d.value)} data-testid="top-n" title={t.scTopHint} />
          </Field>
        </div>
        {running && (
          <>
            <ProgressBar
              value={progress && progress.total ? progress.done / progress.total : undefined}
              thickness="large"
              aria-label={t.scConsolidating}
              data-testid="consolidate-progress"
            />
            <Caption1 className={s.muted}>{progress && progress.file ? t.scReadingFiles(progress.done, progress.total, progress.file) : t.scConsolidating}</Caption1>
          </>
        )}
        {error && <ErrorBar error={error} lang={lang} t={t} testId="consolidate-error" />}
      </Card>

      {!result && !running && !error && (
        <Card>
          <Muted>{t.scNoReturned}</Muted>
        </Card>
      )}

      {result && (
        <>
          <Card title={t.scProblems}>
            <Text data-testid="file-tally">{fileTally(result, lang)}</Text>
            <ProblemGroups groups={groups} t={t} lang={lang} empty={t.scAllFilesFine} />
          </Card>
          <Card title={t.scRanking} testId="ranking-card">
            <Muted>{t.scRankingBasis}</Muted>
            <div className={s.tableWrap}>
              <table className={s.table} data-testid="ranking">
                <thead>
                  <tr>
                    <th scope="col" className={NUM}>
                      {t.scColRank}
                    </th>
                    <th scope="col">{t.scColCode}</th>
                    <th scope="col" className={TEXT}>
                      {t.scColName}
                    </th>
                    {hasGroups && <th scope="col">{t.scColGroup}</th>}
                    <th scope="col" className={NUM}>
                      {t.scColCount}
                    </th>
                    <th scope="col" className={NUM}>
                      {t.scColMean}
                    </th>
                    <th scope="col" className={NUM}>
                      {t.scColTrimmed}
                    </th>
                    <th scope="col" className={NUM}>
                      {t.scColSd}
                    </th>
                    <th scope="col" className={TEXT}>
                      {t.scColFlags}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr
                      key={r.code}
                      data-testid="ranking-row"
                      data-code={r.code}
                      data-rank={r.rank ?? ''}
                      data-count={r.count}
                      data-mean={r.mean ?? ''}
                      data-trimmed={r.trimmedMean ?? ''}
                      data-sd={r.sd ?? ''}
                      data-shortlisted={r.shortlisted ? 'true' : 'false'}
                      style={r.shortlisted ? { backgroundColor: token('colorPaletteGreenBackground1') } : undefined}
                    >
                      <td className={NUM}>{r.rank ?? <span className={s.muted}>{t.scNotRanked}</span>}</td>
                      <td>{r.code}</td>
                      <td className={TEXT}>
                        {r.name || <span className={s.muted}>—</span>}
                        {r.unit && <div className={s.small}>{r.unit}</div>}
                      </td>
                      {hasGroups && <td>{r.group ?? ''}</td>}
                      <td className={NUM}>
                        {r.count}
                        {r.expected !== undefined && r.expected !== r.count ? <span className={s.muted}>/{r.expected}</span> : null}
                      </td>
                      <td className={NUM}>{fmt(r.mean)}</td>
                      <td className={NUM}>
                        <strong>{fmt(r.trimmedMean)}</strong>
                      </td>
                      <td className={NUM}>{fmt(r.sd)}</td>
                      <td className={TEXT}>
                        <div style={{ display: 'flex', gap: '4px', flexWrap: 'wrap' }}>
                          {r.shortlisted && (
                            <Badge appearance="filled" color="success" size="small" data-testid="shortlisted">
                              {t.scShortlisted}
                            </Badge>
                          )}
                          {r.flags.map((f) => (
                            <Badge key={f.kind} appearance="tint" color={f.kind === 'no-scores' ? 'danger' : 'warning'} size="small" title={f.long}>
                              {f.short}
                            </Badge>
                          ))}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
                  icon={saving ? <Spinner size="tiny" /> : <TableAdd20Regular />}
                  disabled={!usable || saving || running}
                  onClick={() => void write()}
                  data-testid="write-results"
                  title={t.scWriteResultsHint}
                >
                  {t.scWriteResults}
                </Button>
              )}
              <Button
                appearance={office ? 'secondary' : 'primary'}
                icon={saving && !office ? <Spinner size="tiny" /> : office ? <DocumentTable20Regular /> : <ArrowDownload20Regular />}
                disabled={!usable || saving || running}
                onClick={() => void download()}
                data-testid="download-results"
              >
                {t.scDownloadResults}
              </Button>
            </div>
            {office && <Muted>{t.scWriteResultsHint}</Muted>}
            {notice && (
              <MessageBar intent={notice.intent} layout="multiline" data-testid="results-notice">
                <MessageBarBody>{notice.text}</MessageBarBody>
              </MessageBar>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

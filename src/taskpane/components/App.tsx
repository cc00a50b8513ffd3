import * as React from 'react';
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  FluentProvider,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Option,
  ProgressBar,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  Tooltip,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import {
  ArrowClockwise20Regular,
  ArrowDownload20Regular,
  Eraser20Regular,
  FolderOpen20Regular,
  LeafTwo20Regular,
  LocalLanguage20Regular,
  PeopleTeam20Regular,
  Print20Regular,
  ShieldCheckmark20Regular,
  TableSettings20Regular,
  WeatherMoon20Regular,
  WeatherSunny20Regular,
} from './icons';
import type { Lang, Localized } from '../../core/model/findings';
import { parseIsoDate } from '../../core/model/dates';
import { builtinProgrammes } from '../../core/check/check-workbook';
import { strings } from '../i18n';
import type { PageParams, ThemeName } from '../mode';
import type { CheckOutcome, CheckRequest, HostError, HostProgress, StopLive, WorkbookHost } from '../hosts/workbook-host';
import { asHostError } from '../hosts/workbook-host';
import { annotatedFileName, displayFileName } from '../file-name';
import { saveBytes } from '../download';
import { CountsBar } from './CountsBar';
import { FindingsPanel } from './FindingsPanel';
import { ChecklistPanel } from './ChecklistPanel';
import type { CellRef } from './SheetPreview';
import { SheetPreview } from './SheetPreview';

/** The scoring and cultivation tabs are a chunk of their own, fetched the first time one is opened. */
const ScoringPanel = React.lazy(() => import(/* webpackChunkName: "panels" */ './ScoringPanel').then((m) => ({ default: m.ScoringPanel })));
const CultivationPanel = React.lazy(() => import(/* webpackChunkName: "panels" */ './CultivationPanel').then((m) => ({ default: m.CultivationPanel })));

/** Loads the standalone page's file host lazily (exceljs is only needed outside Office). */
export type OpenFile = (input: { file: File } | { url: string; name: string; sample: boolean }) => Promise<WorkbookHost>;

export interface AppProps {
  params: PageParams;
  initialLang: Lang;
  initialTheme: ThemeName;
  /** Office mode: the workbook open in Excel. */
  officeHost?: WorkbookHost;
  /** Standalone mode: opens a file or URL. */
  openFile?: OpenFile;
  /** Shown on start (e.g. office.js could not start and the page fell back to standalone). */
  bootMessage?: Localized;
}

export const SAMPLE_FILE = 'sqc-2025-有问题.xlsx';

const useStyles = makeStyles({
  app: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: '8px 12px',
    padding: '8px 14px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
    zIndex: 2,
  },
  brand: { display: 'flex', alignItems: 'center', gap: '8px', marginRight: 'auto', minWidth: 0 },
  logo: {
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontWeight: tokens.fontWeightBold,
    fontSize: '16px',
    flexShrink: 0,
  },
  appName: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  tagline: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  fileActions: {
    // Narrow windows (a task-pane-wide browser): the file buttons get a row of their own under the title.
    '@media (max-width: 640px)': { order: 3, width: '100%', '& > *': { flexGrow: 1 } },
  },
  fileName: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    maxWidth: '260px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  body: { flexGrow: 1, minHeight: 0, display: 'flex' },
  bodyWide: { display: 'grid', gridTemplateColumns: 'minmax(380px, 460px) minmax(0, 1fr)' },
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    padding: '12px 14px 24px',
    overflowY: 'auto',
    minHeight: 0,
    minWidth: 0,
    flexGrow: 1,
    '& > *': { flexShrink: 0 },
  },
  paneWide: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2 },
  previewPane: { padding: '12px 14px', minHeight: 0, minWidth: 0, display: 'flex', flexDirection: 'column' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '10px 12px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '160px' },
  dateField: { width: '150px' },
  how: { color: tokens.colorNeutralForeground3 },
  tables: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0, paddingLeft: '18px' },
  officeBar: { display: 'flex', flexWrap: 'wrap', gap: '4px 6px', alignItems: 'center' },
  tabPanel: { minHeight: 0 },
  nav: {
    display: 'flex',
    alignItems: 'center',
    padding: '0 8px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
    zIndex: 1,
    flexShrink: 0,
  },
  sectionBody: { flexGrow: 1, minHeight: 0, overflowY: 'auto', padding: '12px 14px 24px' },
  sectionColumn: { maxWidth: '900px', margin: '0 auto' },
  hiddenSection: { display: 'none' },
  hiddenInput: { display: 'none' },
  dropHint: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
});

function useMediaQuery(query: string): boolean {
  const get = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = React.useState(get);
  React.useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    mq.addEventListener('change', on);
    on();
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return matches;
}

type TabId = 'findings' | 'preview' | 'checklist';
/** The pane's top-level tabs: 校验 (the existing checker), 专家评分, 培育跟踪. */
export type SectionId = 'check' | 'scoring' | 'cultivation';
const SECTIONS: SectionId[] = ['check', 'scoring', 'cultivation'];

export function App({ params, initialLang, initialTheme, officeHost, openFile, bootMessage }: AppProps) {
  const s = useStyles();
  const office = params.mode === 'office' && officeHost !== undefined;
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [theme, setTheme] = React.useState<ThemeName>(initialTheme);
  const t = strings(lang);
  const wide = useMediaQuery('(min-width: 900px)') && !office;

  const [host, setHost] = React.useState<WorkbookHost | undefined>(officeHost);
  const [outcome, setOutcome] = React.useState<CheckOutcome | undefined>();
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<HostProgress | undefined>();
  const [error, setError] = React.useState<HostError | undefined>();
  const [info, setInfo] = React.useState<Localized | undefined>(bootMessage);
  const [notice, setNotice] = React.useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const [programId, setProgramId] = React.useState<string | undefined>();
  /** Office: the programme the open workbook looks like, read when the pane opens (before any check). */
  const [preDetected, setPreDetected] = React.useState<Awaited<ReturnType<NonNullable<WorkbookHost['detect']>>>>();
  const [asOf, setAsOf] = React.useState<string | undefined>(params.asOf);
  /** What the date box shows while the user edits it (a half-typed date is not applied). */
  const [asOfDraft, setAsOfDraft] = React.useState<string | undefined>();
  const [selected, setSelected] = React.useState<number | undefined>();
  const [selectedCell, setSelectedCell] = React.useState<CellRef | undefined>();
  const [tab, setTab] = React.useState<TabId>('findings');
  const [section, setSection] = React.useState<SectionId>('check');
  /** Sections opened so far stay mounted (their files and results survive switching back and forth). */
  const [visited, setVisited] = React.useState<Set<SectionId>>(() => new Set<SectionId>(['check']));
  const [writeResults, setWriteResults] = React.useState(false);
  const [downloading, setDownloading] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const [live, setLive] = React.useState(false);
  /** Checks completed (successfully or not): lets tests and assistive tech tell a new result from the old one. */
  const [checks, setChecks] = React.useState(0);
  /** Materials ticked by hand on the checklist ("profile:material" → ticked), kept while the pane is open. */
  const [ticked, setTicked] = React.useState<Record<string, boolean>>({});
  const fileInput = React.useRef<HTMLInputElement>(null);
  const runId = React.useRef(0);
  const checkedOnce = React.useRef(false);
  const stopLive = React.useRef<StopLive | undefined>(undefined);

  const profiles = React.useMemo(() => builtinProgrammes(), []);

  React.useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '匠选 · 工匠选树助手' : 'Jiangxuan · craftsman awards assistant';
  }, [lang]);
  React.useEffect(() => {
    document.documentElement.style.colorScheme = theme;
    document.body.style.background = theme === 'dark' ? '#1f1f1f' : '#fafafa';
  }, [theme]);

  const request = React.useCallback(
    (onProgress?: (p: HostProgress) => void): CheckRequest => ({ programId, asOf, lang, writeResultsSheet: writeResults, onProgress }),
    [programId, asOf, lang, writeResults],
  );

  const endLive = React.useCallback(async () => {
    const stop = stopLive.current;
    stopLive.current = undefined;
    setLive(false);
    if (stop) await stop();
  }, []);

  const runCheck = React.useCallback(
    async (h: WorkbookHost | undefined = host) => {
      if (!h) return;
      const id = ++runId.current;
      setBusy(true);
      setProgress(undefined);
      setError(undefined);
      setNotice(undefined);
      // Office: a manual check re-reads everything; the live checker restarts from its result.
      await endLive();
      const req = request((p) => id === runId.current && setProgress(p));
      try {
        const o = await h.check(req);
        if (id !== runId.current) return;
        checkedOnce.current = true;
        setOutcome(o);
        setSelected(undefined);
        setSelectedCell(undefined);
        if (h.startLive) {
          stopLive.current = h.startLive(
            o,
            req,
            (next) => {
              // Finding indexes change with a new result: keep the highlighted cell, drop the list selection.
              setOutcome(next);
              setSelected(undefined);
              setError(undefined);
            },
            (e) => setError(e),
          );
          setLive(true);
        }
      } catch (e) {
        if (id !== runId.current) return;
        setOutcome(undefined);
        setError(asHostError(e));
      } finally {
        if (id === runId.current) {
          setBusy(false);
          setProgress(undefined);
          setChecks((n) => n + 1);
        }
      }
    },
    [host, request, endLive],
  );

  React.useEffect(() => () => void endLive(), [endLive]);

  // Standalone: every file, programme or date change re-checks at once (reading is cached).
  // Office: only after the first check the user asked for.
  React.useEffect(() => {
    if (!host) return;
    if (host.kind === 'browser' || checkedOnce.current) void runCheck(host);
    // Office marks (comments, results sheet) follow the language and the switch: re-check when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, programId, asOf, office ? lang : undefined, office ? writeResults : undefined]);

  const open = React.useCallback(
    async (input: Parameters<OpenFile>[0]) => {
      if (!openFile) return;
      setError(undefined);
      setInfo(undefined);
      try {
        const h = await openFile(input);
        setProgramId(undefined);
        setOutcome(undefined);
        setSelected(undefined);
        setSelectedCell(undefined);
        setHost(h);
      } catch (e) {
        if ('sample' in input && input.sample) setInfo({ zh: strings('zh').sampleMissing, en: strings('en').sampleMissing });
        else setError(asHostError(e));
      }
    },
    [openFile],
  );

  // Office: pre-select the programme from the workbook's titles when the pane opens.
  React.useEffect(() => {
    if (!office || !host?.detect) return;
    let active = true;
    host
      .detect()
      .then((d) => active && setPreDetected(d))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [office, host]);

  // Standalone: open the bundled sample on start so a first-time user sees results at once.
  React.useEffect(() => {
    if (office || !openFile || !params.autoSample) return;
    void open({ url: `samples/${encodeURIComponent(SAMPLE_FILE)}`, name: SAMPLE_FILE, sample: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const findings = outcome?.result.findings ?? [];

  const selectFinding = React.useCallback(
    (i: number) => {
      const f = outcome?.result.findings[i];
      if (!f) return;
      setSelected(i);
      setSelectedCell({ sheet: f.sheet, row: f.row, col: f.col });
      if (!wide && !office) setTab('preview');
      if (host) {
        host.reveal(f).catch((e: unknown) => setNotice({ intent: 'error', text: asHostError(e).localized[lang] }));
      }
    },
    [outcome, host, wide, office, lang],
  );

  const selectCell = React.useCallback(
    (ref: CellRef) => {
      const i = findings.findIndex((f) => f.sheet === ref.sheet && f.row === ref.row && f.col === ref.col);
      if (i >= 0) selectFinding(i);
      else {
        setSelected(undefined);
        setSelectedCell(ref);
        if (!wide && !office) setTab('preview');
        if (office && host) {
          host
            .reveal({ sheet: ref.sheet, row: ref.row, col: ref.col, cell: '', severity: 'info', rule: '', message: { zh: '', en: '' } })
            .catch(() => undefined);
        }
      }
    },
    [findings, selectFinding, wide, office, host],
  );

  const download = async () => {
    if (!host?.annotated || !outcome) return;
    setDownloading(true);
    try {
      saveBytes(await host.annotated(outcome, lang), annotatedFileName(host.fileName ?? 'workbook.xlsx'));
    } catch (e) {
      setError(asHostError(e));
    } finally {
      setDownloading(false);
    }
  };

  const officeAction = async (label: string, action: () => Promise<void>) => {
    setNotice(undefined);
    try {
      await action();
      setNotice({ intent: 'success', text: `${label}${t.colon}${t.done}` });
    } catch (e) {
      setNotice({ intent: 'error', text: `${label}${t.colon}${asHostError(e).localized[lang]}` });
    }
  };

  const onFiles = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) void open({ file });
  };

  const currentProfile = outcome?.profile ?? (programId ? profiles.find((p) => p.id === programId) : preDetected?.profile);
  const how = outcome ? outcome.how : programId ? 'chosen' : preDetected?.how;
  const evidence = outcome ? outcome.evidence : preDetected?.evidence;
  const howText = how === 'title' ? t.chosenByTitle(evidence ?? '') : how === 'headers' ? t.chosenByHeaders : how === 'chosen' ? t.chosenManually : undefined;

  const progressValue = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const progressText = progress && progress.total > 1 ? t.reading(progress.done, progress.total) : host?.kind === 'browser' ? t.readingFile : t.checking;

  const header = (
    <header className={s.header}>
      <div className={s.brand}>
        <div className={s.logo} aria-hidden>
          匠
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <span className={s.appName}>{t.appName}</span>
          <span className={s.tagline}>{t.appTagline}</span>
        </div>
      </div>
      {!office && (
        <div className={mergeClasses(s.actions, s.fileActions)}>
          <input
            ref={fileInput}
            className={s.hiddenInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-input"
            aria-label={t.openWorkbook}
            onChange={(e) => {
              onFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <Tooltip content={t.openWorkbookHint} relationship="description">
            <Button appearance="primary" icon={<FolderOpen20Regular />} onClick={() => fileInput.current?.click()} data-testid="open-workbook">
              {t.openWorkbook}
            </Button>
          </Tooltip>
          {section === 'check' && (
            <Tooltip content={t.downloadAnnotatedHint} relationship="description">
              <Button
                icon={downloading ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
                disabled={!outcome || downloading || !host?.annotated}
                onClick={() => void download()}
                data-testid="download-annotated"
              >
                {downloading ? t.preparingDownload : t.downloadAnnotated}
              </Button>
            </Tooltip>
          )}
        </div>
      )}
      <div className={s.actions}>
        <Button
          appearance="subtle"
          size="small"
          icon={<LocalLanguage20Regular />}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          aria-label={t.langToggleLabel}
          title={t.langToggleLabel}
          data-testid="lang-toggle"
        >
          {t.langToggle}
        </Button>
        <Button
          appearance="subtle"
          size="small"
          icon={theme === 'dark' ? <WeatherSunny20Regular /> : <WeatherMoon20Regular />}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          aria-label={t.themeToggleLabel}
          title={t.themeToggleLabel}
          data-testid="theme-toggle"
        />
      </div>
    </header>
  );

  const programmeCard = (
    <div className={s.card}>
      <div className={s.row}>
        <Field label={t.programme} className={s.grow} size="small">
          <Dropdown
            size="small"
            data-testid="programme"
            value={currentProfile ? currentProfile.shortName[lang] : lang === 'zh' ? '自动识别' : 'Detect automatically'}
            selectedOptions={currentProfile ? [currentProfile.id] : []}
            onOptionSelect={(_, d) => d.optionValue && setProgramId(d.optionValue)}
            title={currentProfile?.name[lang]}
          >
            {profiles.map((p) => (
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
            value={asOfDraft ?? asOf ?? outcome?.result.asOf ?? ''}
            onChange={(_, d) => {
              setAsOfDraft(d.value);
              if (parseIsoDate(d.value)) setAsOf(d.value);
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
          onClick={() => void runCheck()}
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
              <Link as="button" onClick={() => setProgramId(undefined)}>
                {t.backToAuto}
              </Link>
            </>
          )}
        </Caption1>
      )}
      {busy && <ProgressBar value={progressValue} thickness="large" aria-label={progressText} data-testid="progress" />}
      {busy && <Caption1 className={s.how}>{progressText}</Caption1>}
    </div>
  );

  const tabs: TabId[] = wide || office ? ['findings', 'checklist'] : ['findings', 'preview', 'checklist'];
  const activeTab = tabs.includes(tab) ? tab : 'findings';
  const tabLabel: Record<TabId, string> = { findings: t.tabFindings, preview: t.tabPreview, checklist: t.tabChecklist };

  const preview = outcome ? (
    <SheetPreview grid={outcome.grid} findings={findings} selected={selectedCell} onCellClick={selectCell} t={t} lang={lang} />
  ) : (
    <Text className={s.how}>{t.previewEmpty}</Text>
  );

  const selectSection = (id: SectionId) => {
    setSection(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  };
  const sectionLabel: Record<SectionId, string> = { check: t.sectionCheck, scoring: t.sectionScoring, cultivation: t.sectionCultivation };
  const sectionIcon: Record<SectionId, React.ReactElement> = {
    check: <ShieldCheckmark20Regular />,
    scoring: <PeopleTeam20Regular />,
    cultivation: <LeafTwo20Regular />,
  };
  const nav = (
    <nav className={s.nav} aria-label={t.sections}>
      <TabList selectedValue={section} onTabSelect={(_, d) => selectSection(d.value as SectionId)} size={wide ? 'medium' : 'small'} data-testid="sections">
        {SECTIONS.map((id) => (
          <Tab key={id} value={id} icon={sectionIcon[id]} data-testid={`section-${id}`}>
            {sectionLabel[id]}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
  const cultivationProfile = profiles.find((p) => p.kind === 'cultivation');

  const pane = (
    <section className={mergeClasses(s.pane, wide && s.paneWide)} aria-label={t.appTagline}>
      {host?.isSample && !error && (
        <MessageBar intent="info" data-testid="sample-note" layout="multiline">
          <MessageBarBody>{t.sampleNote(host.fileName ?? SAMPLE_FILE)}</MessageBarBody>
        </MessageBar>
      )}
      {info && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{info[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {!office && host?.fileName && !host.isSample && (
        <Text className={s.fileName} title={host.fileName} data-testid="file-name">
          {t.fileLabel}{t.colon}{displayFileName(host.fileName)}
        </Text>
      )}
      {error && (
        <MessageBar intent={error.kind === 'failed' ? 'error' : 'warning'} data-testid="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{error.kind === 'no-table' ? t.noTableTitle : error.kind === 'unreadable' ? t.unreadableTitle : t.errorTitle}</MessageBarTitle>
            {error.localized[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {programmeCard}
      {outcome && <CountsBar counts={outcome.result.counts} t={t} />}
      {outcome && outcome.result.tables.length > 0 && (
        <ul className={s.tables} data-testid="tables">
          {outcome.result.tables.map((tb) => (
            <li key={`${tb.sheet}:${tb.kind}`}>{t.tablesLine(outcome.profile.tables[tb.kind]?.name[lang] ?? tb.kind, tb.sheet, tb.header, tb.nominees)}</li>
          ))}
        </ul>
      )}
      {office && host && (
        <div className={s.officeBar}>
          <Button size="small" icon={<Eraser20Regular />} disabled={!host.clearMarks} onClick={() => void officeAction(t.clearMarks, () => host.clearMarks!())}>
            {t.clearMarks}
          </Button>
          <Button
            size="small"
            icon={<TableSettings20Regular />}
            disabled={!outcome || !host.applyInputRules}
            onClick={() => outcome && void officeAction(t.inputRules, () => host.applyInputRules!(outcome))}
          >
            {t.inputRules}
          </Button>
          <Button
            size="small"
            icon={<Print20Regular />}
            disabled={!outcome || !host.setupPrinting}
            onClick={() => outcome && void officeAction(t.printing, () => host.setupPrinting!(outcome, lang))}
          >
            {t.printing}
          </Button>
          <Switch checked={writeResults} onChange={(_, d) => setWriteResults(d.checked)} label={t.writeResults} />
          {live && <Caption1 className={s.how}>{t.liveOn}</Caption1>}
        </div>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={activeTab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
        {tabs.map((id) => (
          <Tab key={id} value={id} data-testid={`tab-${id}`}>
            {tabLabel[id]}
          </Tab>
        ))}
      </TabList>
      <div className={s.tabPanel} role="tabpanel" aria-label={tabLabel[activeTab]}>
        {activeTab === 'findings' &&
          (outcome ? (
            <FindingsPanel findings={findings} selected={selected} onSelect={selectFinding} t={t} lang={lang} />
          ) : (
            <Text className={s.how}>{busy ? t.checking : office ? t.notCheckedOffice : t.notChecked}</Text>
          ))}
        {activeTab === 'preview' && <div style={{ height: '60vh', minHeight: 320 }}>{preview}</div>}
        {activeTab === 'checklist' && (
          <ChecklistPanel
            profile={currentProfile}
            tables={outcome?.result.recognized ?? []}
            t={t}
            lang={lang}
            onReveal={selectCell}
            ticked={ticked}
            onTick={(key, on) => setTicked((prev) => ({ ...prev, [key]: on }))}
          />
        )}
      </div>
    </section>
  );

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} data-theme={theme}>
      <div
        className={mergeClasses(s.app, dragging && s.dropHint)}
        data-testid="app"
        data-mode={office ? 'office' : 'standalone'}
        data-busy={busy ? 'true' : 'false'}
        data-checks={checks}
        onDragOver={
          office
            ? undefined
            : (e) => {
                if (e.dataTransfer.types.includes('Files')) {
                  e.preventDefault();
                  setDragging(true);
                }
              }
        }
        onDragLeave={office ? undefined : () => setDragging(false)}
        onDrop={
          office
            ? undefined
            : (e) => {
                e.preventDefault();
                setDragging(false);
                onFiles(e.dataTransfer.files);
              }
        }
      >
        {header}
        {nav}
        <main className={mergeClasses(s.body, wide && s.bodyWide, section !== 'check' && s.hiddenSection)} aria-label={t.sectionCheck}>
          {pane}
          {wide && (
            <section className={s.previewPane} aria-label={t.previewTitle}>
              {preview}
            </section>
          )}
        </main>
        {visited.has('scoring') && (
          <main className={mergeClasses(s.sectionBody, section !== 'scoring' && s.hiddenSection)} aria-label={t.sectionScoring}>
            <div className={s.sectionColumn}>
              <React.Suspense fallback={<Spinner size="small" label={t.working} />}>
                <ScoringPanel host={host} office={office} profile={currentProfile} profiles={profiles} onProgramme={setProgramId} t={t} lang={lang} />
              </React.Suspense>
            </div>
          </main>
        )}
        {visited.has('cultivation') && (
          <main className={mergeClasses(s.sectionBody, section !== 'cultivation' && s.hiddenSection)} aria-label={t.sectionCultivation}>
            <div className={s.sectionColumn}>
              <React.Suspense fallback={<Spinner size="small" label={t.working} />}>
                <CultivationPanel host={host} office={office} profile={cultivationProfile} t={t} lang={lang} onGoCheck={() => selectSection('check')} />
              </React.Suspense>
            </div>
          </main>
        )}
      </div>
    </FluentProvider>
  );
}

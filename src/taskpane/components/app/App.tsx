/**
 * The page (task pane in Excel, or the standalone page): header, section tabs and the three sections. State
 * lives in one hook per concern: language and theme, the workbook, the sections, the check.
 */
import * as React from 'react';
import { FluentProvider, makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Lang, Localized } from '../../../core/model/findings';
import { builtinProgrammes } from '../../../core/check/check-workbook';
import type { PageParams, ThemeName } from '../../mode';
import { asHostError, type WorkbookHost } from '../../hosts/workbook-host';
import { useLanguageAndTheme } from '../../hooks/useLanguageAndTheme';
import { NARROW_QUERY, useMediaQuery } from '../../hooks/useMediaQuery';
import { useWorkbookFile, type OpenFile, type OpenFiles } from '../../hooks/useWorkbookFile';
import { useFileBatch } from '../../hooks/useFileBatch';
import { useSections } from '../../hooks/useSections';
import { useCheck } from '../../hooks/useCheck';
import { useFileDrop } from '../../hooks/useFileDrop';
import { AppHeader } from './AppHeader';
import { SectionTabs } from './SectionTabs';
import { ToolSection } from './ToolSection';
import { CheckSection } from '../check/CheckSection';
import { BatchSection } from '../check/BatchSection';

export type { OpenFile, OpenFiles };

/** The scoring and cultivation tabs are a chunk of their own, fetched the first time one is opened. */
const ScoringPanel = React.lazy(() => import(/* webpackChunkName: "panels" */ '../scoring/ScoringPanel').then((m) => ({ default: m.ScoringPanel })));
const CultivationPanel = React.lazy(() => import(/* webpackChunkName: "panels" */ '../cultivation/CultivationPanel').then((m) => ({ default: m.CultivationPanel })));
const FormsPanel = React.lazy(() => import(/* webpackChunkName: "panels" */ '../forms/FormsPanel').then((m) => ({ default: m.FormsPanel })));

export interface AppProps {
  params: PageParams;
  initialLang: Lang;
  initialTheme: ThemeName;
  /** Office mode: the workbook open in Excel. */
  officeHost?: WorkbookHost;
  /** Standalone mode: opens a file or URL. */
  openFile?: OpenFile;
  /** Standalone mode: opens several files as one combined report. */
  openFiles?: OpenFiles;
  /** Shown on start (e.g. office.js could not start and the page fell back to standalone). */
  bootMessage?: Localized;
}

const useStyles = makeStyles({
  app: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, backgroundColor: tokens.colorNeutralBackground2 },
  dropHint: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
});

export function App({ params, initialLang, initialTheme, officeHost, openFile, openFiles: openMany, bootMessage }: AppProps) {
  const s = useStyles();
  // In a spreadsheet host (Excel or WPS 表格): the pane works on the open workbook.
  const office = params.mode !== 'standalone' && officeHost !== undefined;
  const { lang, t, theme, toggleLang, toggleTheme } = useLanguageAndTheme(initialLang, initialTheme);
  const wide = useMediaQuery('(min-width: 900px)') && !office;
  // Excel's and WPS's task pane opens 350 px wide: compact header, tabs and cards there.
  const narrow = useMediaQuery(NARROW_QUERY);
  const programmes = React.useMemo(() => builtinProgrammes(), []);
  const workbook = useWorkbookFile({ officeHost, openFile, openFiles: openMany, bootMessage, autoSample: !office && params.autoSample });
  const { host, batch } = workbook;
  const sections = useSections();
  const check = useCheck({ host, office, lang, programmes, initialAsOf: params.asOf, previewTab: !wide && !office });
  const batchState = useFileBatch(batch, check.programId, check.asOf);

  // Files the user opens (one: checked alone; several: one combined report); a failure shows where the check's would.
  const openFiles = (list: FileList | readonly File[] | null | undefined) => {
    const files = Array.from(list ?? []);
    if (!files.length) return;
    check.showError(undefined);
    const opened = files.length > 1 ? workbook.openMany(files) : workbook.open({ file: files[0] });
    opened.catch((e: unknown) => check.showError(asHostError(e)));
  };
  const { dragging, dropProps } = useFileDrop(openFiles);
  const canDownload = !!check.outcome && !check.downloading && !!host?.annotated;

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} data-theme={theme}>
      <div
        className={mergeClasses(s.app, dragging && s.dropHint)}
        data-testid="app"
        data-mode={office ? params.mode : 'standalone'}
        data-busy={(batch ? batchState.busy : check.busy) ? 'true' : 'false'}
        data-checks={check.checks + batchState.checks}
        {...(office ? {} : dropProps)}
      >
        <AppHeader
          office={office}
          narrow={narrow}
          onFiles={openFiles}
          download={sections.section === 'check' ? { busy: check.downloading, disabled: !canDownload, start: () => void check.downloadAnnotated() } : undefined}
          theme={theme}
          onToggleLang={toggleLang}
          onToggleTheme={toggleTheme}
          t={t}
        />
        <SectionTabs section={sections.section} onSelect={sections.select} wide={wide} narrow={narrow} t={t} />
        {batch ? (
          <BatchSection state={batchState} hidden={sections.section !== 'check'} onOpenOne={(i) => openFiles(batch.files.slice(i, i + 1))} t={t} lang={lang} />
        ) : (
          <CheckSection check={check} host={host} office={office} wide={wide} narrow={narrow} hidden={sections.section !== 'check'} info={workbook.info} programmes={programmes} t={t} lang={lang} />
        )}
        {sections.visited.has('forms') && (
          <ToolSection label={t.sectionForms} hidden={sections.section !== 'forms'} loading={t.working}>
            <FormsPanel host={host} office={office} profile={check.programme.profile} chosen={check.programme.how === 'chosen'} t={t} lang={lang} onOpenInCheck={(bytes, name) => {
              // A workbook made from Word forms opens in 校验 like any file the user picks.
              check.showError(undefined);
              workbook.open({ file: new File([bytes as BlobPart], name) }).then(() => sections.select('check'), (e: unknown) => check.showError(asHostError(e)));
            }} />
          </ToolSection>
        )}
        {sections.visited.has('scoring') && (
          <ToolSection label={t.sectionScoring} hidden={sections.section !== 'scoring'} loading={t.working}>
            <ScoringPanel host={host} office={office} profile={check.programme.profile} profiles={programmes} onProgramme={check.chooseProgramme} t={t} lang={lang} />
          </ToolSection>
        )}
        {sections.visited.has('cultivation') && (
          <ToolSection label={t.sectionCultivation} hidden={sections.section !== 'cultivation'} loading={t.working}>
            <CultivationPanel host={host} office={office} profile={programmes.find((p) => p.kind === 'cultivation')} t={t} lang={lang} onGoCheck={() => sections.select('check')} />
          </ToolSection>
        )}
      </div>
    </FluentProvider>
  );
}

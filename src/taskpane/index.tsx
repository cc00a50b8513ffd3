/**
 * Entry of the task pane and of the standalone page (the same taskpane.html). The page decides its mode from
 * its own URL: Office opens task panes with `_host_Info` in the query, and only then is office.js loaded — by
 * the boot check in <head> (boot/compat.js), before the body as Microsoft asks; the standalone page never
 * contacts a Microsoft host. On web views too old for this bundle the boot check shows its own page instead.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang, Localized } from '../core/model/findings';
import { isDarkColour, langFromLocale, parsePageParams, type OfficeSignals, type PageParams, type ThemeName, type WpsSignals } from './mode';
import { App, type OpenFile, type OpenFiles } from './components/app/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import type { WorkbookHost } from './hosts/workbook-host';
import { HostError } from './hosts/workbook-host';
import { runToolsWith } from './tools/load';

const OFFICE_READY_TIMEOUT_MS = 15000;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const el = document.createElement('script');
    el.src = src;
    el.async = false;
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.appendChild(el);
  });
}

interface OfficeStart {
  host?: WorkbookHost;
  lang?: Lang;
  theme?: ThemeName;
  failure?: Localized;
}

async function startOffice(): Promise<OfficeStart> {
  try {
    // Normally already loaded in <head> by the boot check; loaded here when the page was opened another way.
    if (typeof Office === 'undefined') await loadScript((window as unknown as { __jiangxuanOfficeJs?: string }).__jiangxuanOfficeJs ?? 'office-js/office.js');
    const info = await Promise.race([
      Office.onReady(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Office.onReady timed out')), OFFICE_READY_TIMEOUT_MS)),
    ]);
    if (info.host !== Office.HostType.Excel) {
      return { failure: { zh: '匠选加载项只能在 Excel 中使用；已切换为网页版，可直接打开工作簿文件（.xlsx、.xls、.et、.ods、CSV）检查。', en: 'The Jiangxuan add-in works in Excel only; switched to the web page, where you can open a workbook file (.xlsx, .xls, .et, .ods, CSV).' } };
    }
    const lang = langFromLocale(Office.context.displayLanguage);
    const bg = Office.context.officeTheme?.bodyBackgroundColor;
    const [{ OfficeHost }, { workerGridCheck }] = await Promise.all([
      import(/* webpackChunkName: "office-host" */ './hosts/office-host'),
      import(/* webpackChunkName: "office-host" */ './hosts/grid-check-worker'),
    ]);
    // Merged cells on Excel below ExcelApi 1.13 are read from the workbook's file, with the standalone page's reader.
    const fileReader = async (bytes: Uint8Array) => (await import(/* webpackChunkName: "browser-host" */ '../adapters/files/read-workbook')).readWorkbookBytes(bytes, { name: 'workbook.xlsx' });
    // What Excel gives is checked in a worker, so the pane keeps answering (on the pane where none can run).
    return { host: new OfficeHost(fileReader, workerGridCheck()), lang, theme: isDarkColour(bg) ? 'dark' : 'light' };
  } catch (e) {
    console.error(e);
    return {
      failure: {
        zh: 'Office 未能启动加载项（office.js 无法加载或没有响应）；已切换为网页版，可直接打开工作簿文件（.xlsx、.xls、.et、.ods、CSV）检查。请关闭任务窗格后重试。',
        en: 'Office could not start the add-in (office.js did not load or respond); switched to the web page, where you can open a workbook file (.xlsx, .xls, .et, .ods, CSV). Close the pane and retry.',
      },
    };
  }
}

/** WPS 表格: its object model is already in the page (no script to load); the adapter is a chunk of its own. */
async function startWps(): Promise<OfficeStart> {
  try {
    const [{ WpsHost }, { workerGridCheck }] = await Promise.all([
      import(/* webpackChunkName: "wps-host" */ './hosts/wps-host'),
      import(/* webpackChunkName: "wps-host" */ './hosts/grid-check-worker'),
    ]);
    // Checked in a worker where WPS lets the pane start one (not from file://: then on the pane, as before).
    return { host: new WpsHost((window as unknown as { Application: ConstructorParameters<typeof WpsHost>[0] }).Application, workerGridCheck()) };
  } catch (e) {
    console.error(e);
    return { failure: { zh: 'WPS 未能启动匠选面板；已切换为网页版，可直接打开 .xlsx 文件检查。', en: 'WPS could not start the Jiangxuan pane; switched to the web page, where you can open an .xlsx file.' } };
  }
}

function wpsSignals(): WpsSignals {
  const w = window as unknown as { Application?: unknown; wps?: unknown };
  const isObject = (x: unknown) => (typeof x === 'object' || typeof x === 'function') && x !== null;
  try {
    return { application: isObject(w.Application), addinRoot: isObject(w.wps) };
  } catch {
    return {};
  }
}

/** Standalone: files are read with exceljs, which is loaded only now (a separate chunk). */
const openFile: OpenFile = async (input) => {
  const [{ BrowserHost }, { workerFileChecks }, { workerAnnotate }] = await Promise.all([
    import(/* webpackChunkName: "browser-host" */ './hosts/browser-host'),
    import(/* webpackChunkName: "browser-host" */ './hosts/check-worker'),
    import(/* webpackChunkName: "browser-host" */ './hosts/annotate-worker'),
  ]);
  // Reading, checking and the annotated copy run in workers (the page never freezes); each falls back to the page.
  if ('file' in input) return BrowserHost.fromFile(input.file, workerFileChecks, workerAnnotate);
  const res = await fetch(input.url, { cache: 'no-cache' });
  if (!res.ok) throw new HostError('failed', { zh: `无法打开 ${input.name}（${res.status}）`, en: `Cannot open ${input.name} (${res.status})` });
  return new BrowserHost(new Uint8Array(await res.arrayBuffer()), input.name, input.sample, workerFileChecks, workerAnnotate);
};

/** Standalone: several files at once, checked in the worker (one run) and combined into one report. */
const openFiles: OpenFiles = async (files) => {
  const [{ FileBatch }, { workerFileChecks }] = await Promise.all([
    import(/* webpackChunkName: "browser-host" */ './hosts/file-batch'),
    import(/* webpackChunkName: "browser-host" */ './hosts/check-worker'),
  ]);
  return FileBatch.fromFiles(files, workerFileChecks);
};

function systemTheme(): ThemeName {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function officeSignals(): OfficeSignals {
  const sig: OfficeSignals = {};
  try {
    const ext = (window as unknown as { external?: { GetHostInfo?: unknown } }).external;
    sig.hostInfoFunction = typeof ext?.GetHostInfo === 'function' || typeof (window as unknown as { agaveHost?: unknown }).agaveHost !== 'undefined';
  } catch {
    // window.external may throw in old hosts: no signal.
  }
  try {
    sig.windowName = window.name;
    sig.sessionHostInfo = window.sessionStorage?.getItem('hostInfoValue');
  } catch {
    // Storage blocked: no signal.
  }
  return sig;
}

async function main(): Promise<void> {
  // The boot check found this web view too old and shows its own page.
  if ((window as unknown as { __jiangxuanUnsupported?: boolean }).__jiangxuanUnsupported) return;
  let params: PageParams = parsePageParams(window.location.href, officeSignals(), wpsSignals());
  let lang: Lang = params.lang ?? langFromLocale(navigator.language);
  let theme: ThemeName = params.theme ?? systemTheme();
  let officeHost: WorkbookHost | undefined;
  let bootMessage: Localized | undefined;
  if (params.mode !== 'standalone') {
    const started = params.mode === 'wps' ? await startWps() : await startOffice();
    if (started.host) {
      officeHost = started.host;
      lang = params.lang ?? started.lang ?? lang;
      theme = params.theme ?? started.theme ?? theme;
    } else {
      params = { ...params, mode: 'standalone', autoSample: false };
      bootMessage = started.failure;
    }
  }
  // Scoring, cultivation and 申报表 tools run in a worker, on the page and in the Excel and WPS panes alike (each
  // falling back to its own thread where no worker starts).
  runToolsWith((onPage) => import(/* webpackChunkName: "tools-worker" */ './hosts/tools-worker').then((m) => m.workerWorkbookTools(onPage)));
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <ErrorBoundary>
      <App
        params={params}
        initialLang={lang}
        initialTheme={theme}
        officeHost={officeHost}
        openFile={params.mode === 'standalone' ? openFile : undefined}
        openFiles={params.mode === 'standalone' ? openFiles : undefined}
        bootMessage={bootMessage}
      />
    </ErrorBoundary>,
  );
}

void main();

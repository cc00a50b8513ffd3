/**
 * How the page was opened, decided from its URL and a few local signals (pure, no DOM): inside Office the
 * task-pane URL carries `_host_Info`, so office.js is loaded only then and the standalone page never contacts
 * Microsoft hosts; inside WPS 表格 the add-in page has WPS's `Application` and `wps` objects.
 */
import type { Lang } from '../core/model/findings';
import { formatIsoDate, parseIsoDate } from '../core/model/dates';

export type PageMode = 'office' | 'wps' | 'standalone';
export type ThemeName = 'light' | 'dark';

export interface PageParams {
  mode: PageMode;
  /** ?lang=en|zh */
  lang?: Lang;
  /** ?theme=dark|light */
  theme?: ThemeName;
  /** ?asOf=2025-03-01 (normalised ISO), when valid. */
  asOf?: string;
  /** ?sample=0 disables opening the bundled sample on start. */
  autoSample: boolean;
}

/** True when Office opened the page (it appends `_host_Info=Excel$Win32$16.01$zh-CN…` to the query or hash). */
export function openedByOffice(href: string): boolean {
  return /[?&#]_host_Info=/i.test(href) || href.includes('_host_Info');
}

function queryOf(href: string): URLSearchParams {
  try {
    return new URL(href).searchParams;
  } catch {
    const i = href.indexOf('?');
    return new URLSearchParams(i >= 0 ? href.slice(i + 1).split('#')[0] : '');
  }
}

/**
 * What else office.js itself looks at to find its host (office.debug.js, _retrieveHostInfo): Windows desktop
 * hosts expose window.external.GetHostInfo / agaveHost, some hosts pass the info in window.name, and a reloaded
 * pane finds it in sessionStorage ("hostInfoValue"). All local: no request is made to decide.
 */
export interface OfficeSignals {
  hostInfoFunction?: boolean;
  windowName?: string;
  sessionHostInfo?: string | null;
}

export function officeSignalsPresent(sig: OfficeSignals): boolean {
  if (sig.hostInfoFunction) return true;
  if (sig.sessionHostInfo) return true;
  if (sig.windowName && sig.windowName.includes('hostInfo')) {
    try {
      const o = JSON.parse(sig.windowName) as { hostInfo?: unknown };
      return typeof o?.hostInfo === 'string' && o.hostInfo.length > 0;
    } catch {
      return false;
    }
  }
  return false;
}

/** WPS injects its object model into add-in pages (task panes it creates): both globals are there. */
export interface WpsSignals {
  /** `window.Application` is an object. */
  application?: boolean;
  /** `window.wps` (the add-in root: CreateTaskPane, PluginStorage…) is an object. */
  addinRoot?: boolean;
}

export function wpsSignalsPresent(sig: WpsSignals): boolean {
  return !!sig.application && !!sig.addinRoot;
}

export function parsePageParams(href: string, signals: OfficeSignals = {}, wps: WpsSignals = {}): PageParams {
  const q = queryOf(href);
  const lang = (q.get('lang') ?? '').toLowerCase();
  const theme = (q.get('theme') ?? '').toLowerCase();
  const asOfRaw = q.get('asOf') ?? q.get('asof') ?? '';
  const asOf = asOfRaw ? parseIsoDate(asOfRaw) : undefined;
  const sample = (q.get('sample') ?? '').toLowerCase();
  return {
    mode: wpsSignalsPresent(wps) ? 'wps' : openedByOffice(href) || officeSignalsPresent(signals) ? 'office' : 'standalone',
    lang: lang.startsWith('en') ? 'en' : lang.startsWith('zh') ? 'zh' : undefined,
    theme: theme === 'dark' ? 'dark' : theme === 'light' ? 'light' : undefined,
    asOf: asOf ? formatIsoDate(asOf) : undefined,
    autoSample: !(sample === '0' || sample === 'false' || sample === 'no'),
  };
}

/** Office's displayLanguage or navigator.language → the UI language (English for en*, otherwise Chinese). */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale && /^en\b|^en[-_]/i.test(locale.trim()) ? 'en' : 'zh';
}

/** "#1f1f1f" / "#FFF" / "rgb(31, 31, 31)" → is it a dark colour? (relative luminance below that of mid-grey #777) */
export function isDarkColour(colour: string | null | undefined): boolean {
  if (!colour) return false;
  const c = colour.trim();
  let r: number, g: number, b: number;
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c);
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(c);
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].replace(/./g, (x) => x + x) : hex[1];
    r = parseInt(h.slice(0, 2), 16);
    g = parseInt(h.slice(2, 4), 16);
    b = parseInt(h.slice(4, 6), 16);
  } else if (rgb) {
    r = Number(rgb[1]);
    g = Number(rgb[2]);
    b = Number(rgb[3]);
  } else return false;
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) < 0.18;
}

/**
 * main.js of the WPS add-in: index.html loads it, WPS calls OnAddinLoad / OnAction / GetImage (ribbon.xml)
 * by name on this page. Only globals are touched here; the callbacks are in ribbon.ts.
 */
import { createRibbon, type RibbonRoot } from './ribbon';
import { langFromLocale } from '../taskpane/mode';

const g = globalThis as unknown as {
  wps?: RibbonRoot;
  Application?: RibbonRoot;
  alert?: (message: string) => void;
  location?: { href: string };
  navigator?: { language?: string };
  OnAddinLoad?: unknown;
  OnAction?: unknown;
  GetImage?: unknown;
};

/** "file:///…/jiangxuan_0.1.0/index.html?x" → "file:///…/jiangxuan_0.1.0/" */
export function folderOf(href: string): string {
  const clean = href.split(/[?#]/)[0];
  return clean.slice(0, clean.lastIndexOf('/') + 1);
}

const ribbon = createRibbon({
  root: (g.wps ?? g.Application) as RibbonRoot,
  alert: (m) => g.alert?.(m),
  baseUrl: folderOf(g.location?.href ?? ''),
  lang: langFromLocale(g.navigator?.language),
});

g.OnAddinLoad = ribbon.OnAddinLoad;
g.OnAction = ribbon.OnAction;
g.GetImage = ribbon.GetImage;

/// <reference types="wps-jsapi-declare" />
/**
 * The 匠选 group of the WPS 表格 ribbon (ribbon.xml): 打开面板, 校验本表, 清除标注. WPS calls these callbacks by
 * name on the add-in's main page (index.html → main.js). They are plain synchronous functions on purpose: some
 * 12.1 builds did not show an add-in's ribbon when a callback was an async function, and ET's API is synchronous
 * anyway, so a whole check runs inside OnAction and its result is shown with alert().
 *
 * The task pane is created once per WPS 表格 process and its id kept in PluginStorage under a key of its own
 * (task-pane ids are per host process: a key shared with WPS 文字 would find another pane).
 */
import type { Et } from '../../types/wps-et';
import type { FindingCounts, Lang, Localized } from '../core/model/findings';
import { isCheckError } from '../core/check/failures';
import { checkWorkbook, clearMarks, isWpsError } from '../adapters/wps/index';

export type RibbonRoot = Et.Application & Pick<WPS.AddonRoot, 'CreateTaskPane' | 'GetTaskPane' | 'PluginStorage'>;

export interface RibbonEnv {
  /** WPS's `wps` / `Application` object of the add-in page. */
  root: RibbonRoot;
  alert(message: string): void;
  /** The add-in folder's URL, ending in "/" (where index.html, taskpane.html and assets/ are). */
  baseUrl: string;
  lang: Lang;
}

export interface RibbonControl {
  Id: string;
}

export const PANE_KEY = 'jiangxuan_taskpane_et';
/** msoCTPDockPositionRight (WPS.Enum is missing on older builds). */
const DOCK_RIGHT = 2;

const IMAGES: Record<string, string> = { btnOpenPane: 'assets/pane-32.png', btnCheck: 'assets/icon-32.png', btnClear: 'assets/clear-32.png' };

function countsText(c: FindingCounts, lang: Lang): string {
  return lang === 'en' ? `${c.error} errors, ${c.warning} warnings, ${c.info} notes` : `错误 ${c.error} 处，警告 ${c.warning} 处，提示 ${c.info} 处`;
}

function failureText(e: unknown, lang: Lang): string {
  if (isCheckError(e) || isWpsError(e)) return (e.localized as Localized)[lang];
  const text = e instanceof Error ? e.message : String(e);
  return lang === 'en' ? `The operation failed: ${text}` : `操作失败：${text}`;
}

export function createRibbon(env: RibbonEnv) {
  const { root, lang } = env;
  const say = (zh: string, en: string) => env.alert(lang === 'en' ? en : zh);

  function togglePane(): void {
    const storage = root.PluginStorage;
    const id = storage.getItem(PANE_KEY);
    if (id) {
      try {
        const pane = root.GetTaskPane(Number(id));
        pane.Visible = !pane.Visible;
        return;
      } catch {
        // The pane was closed with the workbook window: make a new one.
      }
    }
    const pane = root.CreateTaskPane(`${env.baseUrl}taskpane.html`);
    pane.DockPosition = DOCK_RIGHT;
    pane.Visible = true;
    storage.setItem(PANE_KEY, String(pane.ID));
  }

  function check(): void {
    const o = checkWorkbook(root, { lang });
    const c = o.result.counts;
    const name = o.profile.shortName[lang];
    const locked = o.marks.protectedSheets?.length ? (lang === 'en' ? ` Protected sheets were not marked: ${o.marks.protectedSheets.join(', ')}.` : `受保护的工作表未标注：${o.marks.protectedSheets.join('、')}。`) : '';
    if (c.error + c.warning + c.info === 0) say(`匠选：按“${name}”校验，未发现问题。`, `Jiangxuan: checked as "${name}", no problems found.`);
    else
      say(
        `匠选：按“${name}”校验，${countsText(c, 'zh')}。问题单元格已着色并加批注；点“打开面板”查看说明。${locked}`,
        `Jiangxuan: checked as "${name}": ${countsText(c, 'en')}. Problem cells are filled and commented; open the pane for details.${locked}`,
      );
  }

  function clear(): void {
    const { restored } = clearMarks(root);
    say(`匠选：已清除标注（恢复了 ${restored} 个单元格原来的底色）。`, `Jiangxuan: marks cleared (${restored} cells got their fill back).`);
  }

  return {
    OnAddinLoad(_ribbonUI?: unknown): boolean {
      return true;
    },
    OnAction(control: RibbonControl): boolean {
      try {
        if (control.Id === 'btnOpenPane') togglePane();
        else if (control.Id === 'btnCheck') check();
        else if (control.Id === 'btnClear') clear();
      } catch (e) {
        env.alert(failureText(e, lang));
      }
      return true;
    },
    GetImage(control: RibbonControl): string {
      return IMAGES[control.Id] ?? 'assets/icon-32.png';
    },
  };
}

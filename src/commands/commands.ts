/// <reference types="office-js" />
/// <reference lib="dom" />
/**
 * Ribbon function file (commands.html): the 校验本表 / 清除标注 buttons of the 匠选 group on the Home tab.
 *
 *  - validateSheet: Excel.run → checkWorkbook(context, { lang, mark: true, resultsSheet: false }); the adapter marks
 *    the problem cells with its own conditional formats (the cells' own formatting is untouched). Then a short
 *    notice with the counts, and what could not be marked (an Excel below ExcelApi 1.9, protected sheets).
 *  - clearMarks:    Excel.run → clearMarks(context). Silent on success (the marks visibly disappear); a notice
 *    when protected sheets kept theirs.
 *  - Every failure (the core’s CheckError, Excel’s errors in words, anything unexpected) is shown as a notice,
 *    never swallowed; Excel’s debugInfo goes to the console.
 *  - Batches wait while the user edits a cell where Excel can (delayForCellEdit, ExcelApi 1.11).
 *  - event.completed() is always called exactly once, after the notice has closed (or at once if there is none).
 *
 * The notice: Office.addin.showAsTaskpane() would be the lightest way to surface results, but it needs a shared
 * runtime (<Runtimes> in the manifest), which the offline 2020 manifest schemas refuse (docs/addin.md). A function
 * file without a shared runtime has no UI of its own except the dialog API, so the notice is a small dialog that
 * shows this same page (commands.html?notice=…, rendered by renderNoticePage below; no other page is needed). It
 * closes itself after a few seconds or when the user clicks 关闭 / Close. Hosts without DialogApi 1.1 get no notice
 * and rely on the cell marks.
 *
 * Language: Office.context.displayLanguage (en* → English, everything else → Chinese).
 * Compiled only by the web build (tsconfig.web.json: DOM + office-js types); unit-tested under jest in
 * test/manifest/commands.test.ts with Office/Excel stubs.
 */
import { checkWorkbook, clearMarks } from '../adapters/office';
import type { MarkReport, ClearReport } from '../adapters/office';
import { describeOfficeError, logOfficeError } from '../adapters/office/errors';
import { supports, unavailableMessage } from '../adapters/office/requirements';
import type { FindingCounts, Lang, Localized } from '../core/model/findings';

export type NoticeKind = 'ok' | 'warn' | 'error';

export interface Notice {
  kind: NoticeKind;
  title: string;
  text: string;
}

/** How long a notice stays open before it closes itself (ms). */
export const NOTICE_TIMEOUT_MS: Record<NoticeKind, number> = { ok: 5000, warn: 10000, error: 15000 };

/** Office.context.displayLanguage ("zh-CN", "en-US", …) → UI language. */
export function langOf(displayLanguage: string | null | undefined): Lang {
  return displayLanguage && /^en(?:$|[-_])/i.test(displayLanguage.trim()) ? 'en' : 'zh';
}

/** The summary shown after 校验本表; programName (the detected programme) is prepended to the text. */
export function checkNotice(counts: FindingCounts, lang: Lang, programName?: string): Notice {
  const notice = countsNotice(counts, lang);
  if (!programName) return notice;
  const prefix = lang === 'en' ? `Programme: ${programName}. ` : `评选项目：${programName}。`;
  return { ...notice, text: prefix + notice.text };
}

function countsNotice(counts: FindingCounts, lang: Lang): Notice {
  const { error, warning, info } = counts;
  if (lang === 'en') {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const marks = 'The cells concerned are coloured (a conditional format; their own formatting is untouched). Open pane explains each one; Clear marks removes them.';
    if (error > 0) {
      return {
        kind: 'error',
        title: `Check finished: ${plural(error, 'error')}`,
        text: `Also ${plural(warning, 'warning')} and ${plural(info, 'note')}. ${marks}`,
      };
    }
    if (warning > 0) {
      return {
        kind: 'warn',
        title: `Check finished: no errors, ${plural(warning, 'warning')}`,
        text: `${info > 0 ? `Also ${plural(info, 'note')}. ` : ''}${marks}`,
      };
    }
    return {
      kind: 'ok',
      title: 'Check finished: no problems found',
      text: info > 0 ? `${plural(info, 'note')} marked for information.` : 'The nomination list meets the programme rules.',
    };
  }
  const marks = '有问题的单元格已加底色（条件格式，不改动单元格原有的格式）。点击“打开面板”查看每个问题的说明，点击“清除标注”可全部去掉。';
  if (error > 0) {
    return {
      kind: 'error',
      title: `校验完成：发现 ${error} 个错误`,
      text: `另有 ${warning} 个警告、${info} 条提示。${marks}`,
    };
  }
  if (warning > 0) {
    return {
      kind: 'warn',
      title: `校验完成：没有错误，${warning} 个警告`,
      text: `${info > 0 ? `另有 ${info} 条提示。` : ''}${marks}`,
    };
  }
  return {
    kind: 'ok',
    title: '校验完成：未发现问题',
    text: info > 0 ? `有 ${info} 条提示已标注，仅供参考。` : '推荐名单符合评选项目的要求。',
  };
}

function isLocalized(x: unknown): x is Localized {
  return typeof x === 'object' && x !== null && typeof (x as Localized).zh === 'string' && typeof (x as Localized).en === 'string';
}

/** What marking could not do, as sentences appended to the notice (empty when everything was marked). */
export function markingNote(marks: MarkReport | undefined, lang: Lang): string {
  if (!marks) return '';
  const out: string[] = [];
  if (marks.unsupported) {
    const m = unavailableMessage('marks');
    out.push(lang === 'en' ? `${m.en} Open pane lists the problems.` : `${m.zh}问题已列在面板中，点击“打开面板”查看。`);
  }
  if (marks.protectedSheets?.length) {
    const names = marks.protectedSheets.join(lang === 'en' ? ', ' : '、');
    out.push(lang === 'en' ? `Protected sheets were not marked: ${names}.` : `受保护的工作表未标注：${names}。`);
  }
  if (!marks.unsupported && marks.marked > 0 && !supports('undoKept')) {
    out.push(lang === 'en' ? 'Marking cleared Excel’s Undo history.' : '标注会清空 Excel 的撤销记录（Ctrl+Z）。');
  }
  return out.join(lang === 'en' ? ' ' : '');
}

/** The bilingual message of a CheckError (duck-typed, so it also works across bundles), if it is one. */
export function localizedMessageOf(err: unknown): Localized | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { message?: unknown; localized?: unknown; messages?: unknown };
  for (const candidate of [e.localized, e.messages, e.message]) if (isLocalized(candidate)) return candidate;
  return undefined;
}

/** The notice for a failed command. */
export function failureNotice(action: 'check' | 'clear', err: unknown, lang: Lang): Notice {
  const localized = localizedMessageOf(err) ?? describeOfficeError(err);
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const title =
    action === 'check'
      ? { zh: '无法校验本表', en: 'Could not check the sheet' }
      : { zh: '无法清除标注', en: 'Could not clear the marks' };
  const text = localized
    ? localized[lang]
    : lang === 'en'
      ? `Unexpected error${raw ? `: ${raw}` : ''}. Open the pane and try again.`
      : `发生意外错误${raw ? `：${raw}` : ''}。请打开面板后重试。`;
  return { kind: 'error', title: title[lang], text };
}

/** Excel.run, waiting while the user edits a cell where Excel can (ExcelApi 1.11). */
function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return supports('delayForCellEdit') ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
}

/** 校验本表: runs the check, marks the cells, and returns the notice to show. */
export async function runValidateSheet(lang: Lang): Promise<Notice> {
  try {
    const outcome = await run((context) => checkWorkbook(context, { lang, mark: true, resultsSheet: false }));
    const notice = checkNotice(outcome.result.counts, lang, outcome.profile?.shortName?.[lang]);
    const note = markingNote(outcome.office?.marks, lang);
    if (!note) return notice;
    return { ...notice, kind: notice.kind === 'ok' ? 'warn' : notice.kind, text: `${notice.text}${lang === 'en' ? ' ' : ''}${note}` };
  } catch (err) {
    logOfficeError(err, 'validateSheet');
    return failureNotice('check', err, lang);
  }
}

/** 清除标注: removes the marks; a notice only when it failed or protected sheets kept theirs. */
export async function runClearMarks(lang: Lang): Promise<Notice | undefined> {
  try {
    const report: ClearReport | undefined = await run((context) => clearMarks(context));
    const kept = [...(report?.protectedSheets ?? [])];
    if (!kept.length && !report?.resultsKept) return undefined;
    const names = kept.join(lang === 'en' ? ', ' : '、');
    return lang === 'en'
      ? { kind: 'warn', title: 'Some marks were kept', text: `${kept.length ? `Protected sheets keep their marks: ${names}. ` : ''}${report?.resultsKept ? 'The results sheet stays: the workbook structure is protected. ' : ''}Unprotect them on the Review tab, then clear again.` }
      : { kind: 'warn', title: '部分标注未能清除', text: `${kept.length ? `受保护的工作表仍有标注：${names}。` : ''}${report?.resultsKept ? '工作簿结构受保护，校验结果表未能删除。' : ''}请在“审阅”选项卡中撤销保护后再清除一次。` };
  } catch (err) {
    logOfficeError(err, 'clearMarks');
    return failureNotice('clear', err, lang);
  }
}

/** commands.html?notice=1&kind=…&title=…&text=…&lang=… (same origin as the function file). */
export function noticeUrl(pageUrl: string, notice: Notice, lang: Lang): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('notice', '1');
  url.searchParams.set('kind', notice.kind);
  url.searchParams.set('lang', lang);
  url.searchParams.set('title', notice.title);
  url.searchParams.set('text', notice.text);
  return url.toString();
}

/**
 * Shows the notice in a small dialog and calls done() exactly once: when the user closes it, when it closes
 * itself after NOTICE_TIMEOUT_MS, or at once when the dialog cannot be shown.
 */
export function showNotice(notice: Notice, lang: Lang, done: () => void): void {
  let finished = false;
  let dialog: Office.Dialog | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (finished) return;
    finished = true;
    if (timer !== undefined) clearTimeout(timer);
    try {
      dialog?.close();
    } catch {
      // already closed by the user
    }
    done();
  };
  try {
    if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) {
      finish();
      return;
    }
    Office.context.ui.displayDialogAsync(
      noticeUrl(window.location.href, notice, lang),
      { height: 28, width: 32, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          finish(); // e.g. 12007: another dialog is already open
          return;
        }
        dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish); // closed with ×, navigation error
        timer = setTimeout(finish, NOTICE_TIMEOUT_MS[notice.kind]);
      },
    );
  } catch {
    finish();
  }
}

/**
 * Wraps a command: runs it, shows its notice if any, and always completes the event (once), even when the
 * command itself throws.
 */
export function commandHandler(
  run: (lang: Lang) => Promise<Notice | undefined>,
  notify: (notice: Notice, lang: Lang, done: () => void) => void = showNotice,
): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    let completed = false;
    const complete = () => {
      if (completed) return;
      completed = true;
      event.completed();
    };
    try {
      const lang = langOf(Office.context?.displayLanguage);
      const notice = await run(lang);
      if (notice) notify(notice, lang, complete);
      else complete();
    } catch {
      complete();
    }
  };
}

export const validateSheet = commandHandler(runValidateSheet);
export const clearMarksCommand = commandHandler(runClearMarks);

/** Dialog mode: fills the (empty) body of commands.html with the notice from the query string. */
export function renderNoticePage(doc: Document, href: string): void {
  const q = new URL(href).searchParams;
  const lang: Lang = q.get('lang') === 'en' ? 'en' : 'zh';
  const kind = (['ok', 'warn', 'error'] as const).find((k) => k === q.get('kind')) ?? 'ok';
  const accent = { ok: '#0f7b6c', warn: '#9a6700', error: '#b42318' }[kind];
  doc.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  doc.title = lang === 'en' ? 'Jiangxuan' : '匠选';
  const style = doc.createElement('style');
  style.textContent = `
    body { margin: 0; padding: 16px 20px; font: 14px/1.5 "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #242424; background: #fff; }
    h1 { margin: 0 0 8px; font-size: 16px; font-weight: 600; color: ${accent}; }
    p { margin: 0 0 16px; }
    button { font: inherit; padding: 4px 16px; border: 1px solid #8a8886; border-radius: 4px; background: #fff; cursor: pointer; }
    @media (prefers-color-scheme: dark) { body { color: #f0f0f0; background: #292929; } button { color: #f0f0f0; background: #3b3b3b; } }`;
  doc.head.appendChild(style);
  const h1 = doc.createElement('h1');
  h1.textContent = q.get('title') ?? '';
  const p = doc.createElement('p');
  p.textContent = q.get('text') ?? '';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = lang === 'en' ? 'Close' : '关闭';
  button.addEventListener('click', () => {
    try {
      Office.context.ui.messageParent('close');
    } catch {
      window.close();
    }
  });
  doc.body.replaceChildren(h1, p, button);
  button.focus();
}

/** True when this page was opened as the notice dialog rather than as the ribbon's function file. */
export function isNoticePage(href: string): boolean {
  try {
    return new URL(href).searchParams.get('notice') === '1';
  } catch {
    return false;
  }
}

function register(): void {
  Office.onReady(() => {
    if (isNoticePage(window.location.href)) {
      renderNoticePage(document, window.location.href);
      return;
    }
    if (Office.actions?.associate) {
      Office.actions.associate('validateSheet', validateSheet);
      Office.actions.associate('clearMarks', clearMarksCommand);
    } else {
      // Older hosts look the function up on the global object.
      const g = globalThis as unknown as Record<string, unknown>;
      g.validateSheet = validateSheet;
      g.clearMarks = clearMarksCommand;
    }
  });
}

if (typeof Office !== 'undefined' && typeof window !== 'undefined') register();

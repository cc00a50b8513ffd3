/// <reference types="office-js" />
/**
 * The workbook open in Excel, through the Office.js adapter (src/adapters/office). Every call runs in its own
 * Excel.run batch (waiting while the user edits a cell, where Excel can); Excel's errors become HostErrors in
 * words, with their debugInfo logged for support. What this Excel cannot do is known up front (capabilities),
 * so the pane can say so before anything fails.
 */
import type { Finding, Lang, Localized } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import { cellAddress } from '../../core/model/grid';
import { parseIsoDate } from '../../core/model/dates';
import type { ValidationResult } from '../../core/rules/validate-workbook';
import {
  applyInputRules,
  asOfficeActionError,
  canCreateWorkbook,
  canInsertSheets,
  checkWorkbook,
  clearMarks,
  createWorkbookFromBytes,
  insertKeepsCharts,
  insertWorkbookSheets,
  limitsOfThisExcel,
  LiveChecker,
  readWorkbookGrid,
  runOptions,
  selectCell,
  setupPrinting,
  supports,
  setWorkbookFileReader,
} from '../../adapters/office/index';
import type { InsertSheetsOptions, MarkReport, MergeSource, WorkbookFileReader } from '../../adapters/office/index';
import { detectProgramme } from '../../core/check/check-workbook';
import type { Profile } from '../../core/profiles/schema';
import type { CheckOutcome, CheckRequest, HostCapabilities, LiveCallbacks, StopLive, WorkbookHost, WorkbookSource } from './workbook-host';
import type { GridChecker } from '../../core/check/check-workbook';
import { asHostError, HostError } from './workbook-host';

/** Core failures keep their words; anything else keeps its text for support. */
export const toHostError = asHostError;

/** What marking and reading left undone, in words for the pane (empty when everything was done). */
export function officeNotes(office: { merges: MergeSource; marks?: MarkReport } | undefined, grid: WorkbookGrid, markAsked: boolean): Localized[] {
  const out: Localized[] = [];
  if (!office) return out;
  const marks = office.marks;
  if (markAsked && marks?.unsupported) {
    out.push({
      zh: '这台电脑上的 Excel 不能在单元格上标注（需要 ExcelApi 1.9，即 Excel 2021、Microsoft 365 或 Excel 网页版）。问题已列在下面，点击即可定位到单元格。',
      en: 'This Excel cannot mark cells (it needs ExcelApi 1.9: Excel 2021, Microsoft 365 or Excel on the web). The problems are listed below; click one to go to its cell.',
    });
  }
  if (marks?.protectedSheets?.length) {
    const zh = marks.protectedSheets.join('、');
    out.push({
      zh: `工作表“${zh}”受保护，其中的问题没有标注（仍列在下面）。要标注，请先在“审阅”选项卡中撤销工作表保护。`,
      en: `Protected sheets were not marked: ${marks.protectedSheets.join(', ')} (their problems are listed below). Unprotect them on the Review tab to mark them.`,
    });
  }
  if (marks?.resultsSheet === 'workbook-protected') {
    out.push({ zh: '工作簿结构受保护，不能添加或删除“校验结果”工作表。其余功能不受影响。', en: 'The workbook structure is protected, so the results sheet cannot be added or removed. Everything else works.' });
  } else if (marks?.resultsSheet === 'unsupported') {
    out.push({ zh: '这台电脑上的 Excel 不能写入“校验结果”工作表（需要 ExcelApi 1.9）。', en: 'This Excel cannot write the results sheet (it needs ExcelApi 1.9).' });
  }
  if (office.merges === 'none' && grid.sheets.some((s) => s.rows.length)) {
    out.push({
      zh: '未能读取合并单元格：合并的单元格只在第一行有值，下面各行可能被报告为“未填写”。可改用匠选网页版打开文件核对。',
      en: 'Merged cells could not be read: a merged value counts only on its first row, so the rows below may be reported as blank. The Jiangxuan web page reads them from the file.',
    });
  }
  return out;
}

export class OfficeHost implements WorkbookHost {
  readonly kind = 'office' as const;

  /**
   * @param fileReader reads merged cells from the workbook's file on Excel below ExcelApi 1.13 (index.tsx passes
   * the file reader of the standalone page, loaded only when needed); without it such merges are not read.
   * @param checkGrid where the check of what was read runs (index.tsx passes the pane's worker,
   * grid-check-worker.ts); default: on the pane's thread.
   */
  constructor(
    fileReader?: WorkbookFileReader,
    private readonly checkGrid?: GridChecker,
  ) {
    setWorkbookFileReader(fileReader);
  }

  private run<T>(where: string, fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options = runOptions();
    const started = options ? Excel.run(options, fn) : Excel.run(fn);
    return started.catch((e: unknown) => {
      throw toHostError(asOfficeActionError(e, where));
    });
  }

  private caps?: HostCapabilities;

  /** What this Excel can do (asked once: an Excel does not change while the pane is open). */
  capabilities(): HostCapabilities {
    return (this.caps ??= {
      mark: supports('marks'),
      resultsSheet: supports('resultsSheet'),
      inputRules: supports('inputRules'),
      printing: supports('printing'),
      live: supports('live'),
      liveFollowsSorts: supports('liveSorts'),
      writesClearUndo: !supports('undoKept'),
      limits: limitsOfThisExcel(),
    });
  }

  async check(req: CheckRequest): Promise<CheckOutcome> {
    const mark = !!req.markCells;
    const o = await this.run('check', (context) =>
      checkWorkbook(context, {
        programId: req.programId,
        asOf: req.asOf,
        lang: req.lang,
        mark,
        resultsSheet: req.writeResultsSheet ?? false,
        onProgress: req.onProgress,
        checkGrid: this.checkGrid,
      }),
    );
    const notes = officeNotes(o.office, o.grid, mark);
    return notes.length ? { ...o, notes } : o;
  }

  /** Reads the workbook once (no marks, no merged cells) and tells which programme its titles or headers name. */
  async detect(): Promise<{ profile: Profile; how: 'title' | 'headers'; evidence?: string } | undefined> {
    const grid = await this.run('detect', (context) => readWorkbookGrid(context, undefined, { merges: false }));
    return detectProgramme(grid);
  }

  reveal(f: Finding): Promise<void> {
    return this.run('reveal', (context) => selectCell(context, f.sheet, f.cell || cellAddress(f.row, f.col)));
  }

  /**
   * The open workbook read afresh (no marks) with its merged areas: candidates and nominees come from what Excel
   * shows now, read as the CLI reads the saved file.
   */
  async source(): Promise<WorkbookSource> {
    const grid = await this.run('source', (context) => readWorkbookGrid(context));
    return { name: '当前工作簿', grid };
  }

  canInsertSheets(): boolean {
    return canInsertSheets();
  }

  insertKeepsCharts(): boolean {
    return insertKeepsCharts();
  }

  insertSheets(bytes: Uint8Array, opts: InsertSheetsOptions): Promise<string[]> {
    return this.run('insertSheets', (context) => insertWorkbookSheets(context, bytes, opts)).then((r) => r.names);
  }

  canOpenWorkbook(): boolean {
    return canCreateWorkbook();
  }

  openWorkbook(bytes: Uint8Array): Promise<void> {
    return createWorkbookFromBytes(bytes).catch((e: unknown) => {
      throw toHostError(asOfficeActionError(e, 'openWorkbook'));
    });
  }

  /** Removes the marks; returns what could not be removed (protected sheets), in words. */
  async clearMarks(): Promise<Localized | void> {
    const r = await this.run('clearMarks', (context) => clearMarks(context));
    if (!r.protectedSheets?.length && !r.resultsKept) return;
    const zh = [r.protectedSheets?.length ? `工作表“${r.protectedSheets.join('、')}”受保护，其中的标注未能清除。` : '', r.resultsKept ? '工作簿结构受保护，“校验结果”工作表未能删除。' : ''].join('');
    const en = [r.protectedSheets?.length ? `Protected sheets keep their marks: ${r.protectedSheets.join(', ')}.` : '', r.resultsKept ? ' The workbook structure is protected, so the results sheet stays.' : ''].join('');
    return { zh: `${zh}请在“审阅”选项卡中撤销保护后再清除一次。`, en: `${en} Unprotect on the Review tab, then clear again.` };
  }

  applyInputRules(outcome: CheckOutcome): Promise<void> {
    return this.run('applyInputRules', (context) => applyInputRules(context, outcome.result.recognized)).then(() => undefined);
  }

  setupPrinting(outcome: CheckOutcome, lang: Lang): Promise<void> {
    const tables = outcome.result.recognized;
    const table = tables.find((t) => t.kind === 'summary') ?? tables[0];
    if (!table) return Promise.reject(new HostError('no-table', { zh: '没有可设置打印的表格', en: 'There is no table to set up for printing' }));
    return this.run('setupPrinting', (context) => setupPrinting(context, table, outcome.profile, lang));
  }

  startLive(outcome: CheckOutcome, req: CheckRequest, onResult: (o: CheckOutcome) => void, onError: (e: HostError) => void, callbacks: LiveCallbacks = {}): StopLive {
    const asOf = parseIsoDate(outcome.result.asOf);
    if (!asOf || !supports('live')) return async () => undefined;
    const state = { grid: outcome.grid, profile: outcome.profile, asOf, lang: req.lang, resultsSheet: req.writeResultsSheet ?? false, mark: !!req.markCells };
    const live = new LiveChecker(Excel.run, state, (result: ValidationResult) => onResult({ ...outcome, result, grid: state.grid, notes: undefined }), {
      onError: (e) => onError(toHostError(asOfficeActionError(e, 'live'))),
      onWaiting: callbacks.onWaiting,
    });
    const started = live.start(outcome.result).catch((e: unknown) => onError(toHostError(asOfficeActionError(e, 'startLive'))));
    return async () => {
      await started;
      await live.stop().catch(() => undefined);
    };
  }
}

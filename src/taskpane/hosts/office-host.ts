/**
 * The workbook open in Excel, through the Office.js adapter (src/adapters/office). Every call runs in its own
 * Excel.run batch; adapter errors (OfficeCheckError) become HostErrors with the adapter's own message.
 */
import type { Finding, Lang } from '../../core/model/findings';
import { cellAddress } from '../../core/model/grid';
import { parseIsoDate } from '../../core/model/dates';
import type { ValidationResult } from '../../core/rules/validate-workbook';
import {
  addMergedAreas,
  applyInputRules,
  canCreateWorkbook,
  canInsertSheets,
  checkWorkbook,
  clearMarks,
  createWorkbookFromBytes,
  insertKeepsCharts,
  insertWorkbookSheets,
  LiveChecker,
  readWorkbookGrid,
  selectCell,
  setupPrinting,
} from '../../adapters/office/index';
import type { InsertSheetsOptions } from '../../adapters/office/index';
import { detectProgramme } from '../../core/check/check-workbook';
import type { Profile } from '../../core/profiles/schema';
import type { CheckOutcome, CheckRequest, StopLive, WorkbookHost, WorkbookSource } from './workbook-host';
import { asHostError, HostError } from './workbook-host';

/** Core failures keep their words; anything else keeps its text for support. */
export const toHostError = asHostError;

export class OfficeHost implements WorkbookHost {
  readonly kind = 'office' as const;

  private run<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return Excel.run(fn).catch((e: unknown) => {
      throw toHostError(e);
    });
  }

  async check(req: CheckRequest): Promise<CheckOutcome> {
    return this.run((context) =>
      checkWorkbook(context, {
        programId: req.programId,
        asOf: req.asOf,
        lang: req.lang,
        resultsSheet: req.writeResultsSheet ?? false,
        onProgress: req.onProgress,
      }),
    );
  }

  /** Reads the workbook once (no marks) and tells which programme its titles or headers name. */
  async detect(): Promise<{ profile: Profile; how: 'title' | 'headers'; evidence?: string } | undefined> {
    const grid = await this.run((context) => readWorkbookGrid(context));
    return detectProgramme(grid);
  }

  reveal(f: Finding): Promise<void> {
    return this.run((context) => selectCell(context, f.sheet, f.cell || cellAddress(f.row, f.col)));
  }

  /**
   * The open workbook read afresh (3 syncs, no marks) with its merged areas (1 more, where Excel can list them):
   * candidates and nominees come from what Excel shows now, read as the CLI reads the saved file.
   */
  async source(): Promise<WorkbookSource> {
    const grid = await this.run(async (context) => addMergedAreas(context, await readWorkbookGrid(context)));
    return { name: '当前工作簿', grid };
  }

  canInsertSheets(): boolean {
    return canInsertSheets();
  }

  insertKeepsCharts(): boolean {
    return insertKeepsCharts();
  }

  insertSheets(bytes: Uint8Array, opts: InsertSheetsOptions): Promise<string[]> {
    return this.run((context) => insertWorkbookSheets(context, bytes, opts)).then((r) => r.names);
  }

  canOpenWorkbook(): boolean {
    return canCreateWorkbook();
  }

  openWorkbook(bytes: Uint8Array): Promise<void> {
    return createWorkbookFromBytes(bytes).catch((e: unknown) => {
      throw toHostError(e);
    });
  }

  clearMarks(): Promise<void> {
    return this.run((context) => clearMarks(context)).then(() => undefined);
  }

  applyInputRules(outcome: CheckOutcome): Promise<void> {
    return this.run((context) => applyInputRules(context, outcome.result.recognized)).then(() => undefined);
  }

  setupPrinting(outcome: CheckOutcome, lang: Lang): Promise<void> {
    const tables = outcome.result.recognized;
    const table = tables.find((t) => t.kind === 'summary') ?? tables[0];
    if (!table) return Promise.reject(new HostError('no-table', { zh: '没有可设置打印的表格', en: 'There is no table to set up for printing' }));
    return this.run((context) => setupPrinting(context, table, outcome.profile, lang));
  }

  startLive(outcome: CheckOutcome, req: CheckRequest, onResult: (o: CheckOutcome) => void, onError: (e: HostError) => void): StopLive {
    const asOf = parseIsoDate(outcome.result.asOf);
    if (!asOf) return async () => undefined;
    // Background re-checks report their failures; the next edit tries again.
    const run = ((...args: unknown[]) =>
      (Excel.run as (...a: unknown[]) => Promise<unknown>)(...args).catch((e: unknown) => {
        onError(toHostError(e));
        throw e;
      })) as typeof Excel.run;
    const state = { grid: outcome.grid, profile: outcome.profile, asOf, lang: req.lang, resultsSheet: req.writeResultsSheet ?? false };
    const live = new LiveChecker(run, state, (result: ValidationResult) =>
      onResult({ ...outcome, result, grid: state.grid }),
    );
    const started = live.start().catch((e: unknown) => onError(toHostError(e)));
    return async () => {
      await started;
      await live.stop().catch(() => undefined);
    };
  }
}

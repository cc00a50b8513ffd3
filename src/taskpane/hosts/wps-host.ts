/**
 * The workbook open in WPS 表格, through the WPS adapter (src/adapters/wps). WPS's object model is synchronous:
 * each call runs after the pane has painted (a zero-delay timer), so "正在校验…" shows before the work blocks,
 * and its failures become HostErrors with the adapter's or the core's own words.
 */
import type { Finding } from '../../core/model/findings';
import { cellAddress } from '../../core/model/grid';
import { parseIsoDate } from '../../core/model/dates';
import type { Profile } from '../../core/profiles/schema';
import {
  applyInputRules,
  checkWorkbookWith,
  clearMarks,
  isWpsError,
  readWorkbookGridInSteps,
  selectCell,
  WpsLiveChecker,
  type EtApp,
} from '../../adapters/wps/index';
import type { CheckOutcome, CheckRequest, HostError, StopLive, WorkbookHost, WorkbookSource } from './workbook-host';
import { asHostError, HostError as HostErrorClass } from './workbook-host';
import { detectProgramme, type GridChecker } from '../../core/check/check-workbook';
import { checkOnPane } from './check-on-pane';

/** Adapter failures keep their words (no workbook open…), core failures theirs, anything else its text. */
export function toHostError(e: unknown): HostError {
  if (isWpsError(e)) return new HostErrorClass('failed', e.localized, { cause: e });
  return asHostError(e);
}

export class WpsHost implements WorkbookHost {
  readonly kind = 'wps' as const;

  /** `checkGrid`: where the check of what was read runs (the pane's worker: grid-check-worker.ts); default: here. */
  constructor(
    private readonly app: EtApp,
    private readonly checkGrid: GridChecker = checkOnPane,
  ) {}

  private run<T>(fn: () => T | Promise<T>): Promise<T> {
    const later = new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(fn());
        } catch (e) {
          reject(e);
        }
      }, 0),
    );
    return later.catch((e: unknown) => {
      throw toHostError(e);
    });
  }

  /** Reads, checks and marks. The 校验结果 sheet (req.writeResultsSheet) is Excel only for now. */
  check(req: CheckRequest): Promise<CheckOutcome> {
    return this.run(async () => {
      const opts = { programId: req.programId, asOf: req.asOf, lang: req.lang, onProgress: req.onProgress };
      const { marks: _marks, ...outcome } = await checkWorkbookWith(this.app, opts, this.checkGrid);
      return outcome;
    });
  }

  detect(): Promise<{ profile: Profile; how: 'title' | 'headers'; evidence?: string } | undefined> {
    return this.run(async () => detectProgramme(await this.readInSteps()));
  }

  /** The open workbook, read with the pane's turns between steps (a large one would hold the pane otherwise). */
  private readInSteps() {
    return readWorkbookGridInSteps(this.app);
  }

  reveal(f: Finding): Promise<void> {
    return this.run(() => void selectCell(this.app, f.sheet, f.cell || cellAddress(f.row, f.col)));
  }

  /** The open workbook read afresh, with its merged areas (scoring and cultivation read it as the CLI reads the file). */
  source(): Promise<WorkbookSource> {
    return this.run(async () => ({ name: '当前工作簿', grid: await this.readInSteps() }));
  }

  clearMarks(): Promise<void> {
    return this.run(() => void clearMarks(this.app));
  }

  applyInputRules(outcome: CheckOutcome): Promise<void> {
    return this.run(() => void applyInputRules(this.app, outcome.result.recognized));
  }

  /** Re-checks edited rows through SheetChange where this WPS has it; elsewhere nothing runs (check on demand). */
  startLive(outcome: CheckOutcome, req: CheckRequest, onResult: (o: CheckOutcome) => void, onError: (e: HostError) => void): StopLive {
    const asOf = parseIsoDate(outcome.result.asOf);
    if (!asOf) return async () => undefined;
    const state = { grid: outcome.grid, profile: outcome.profile, asOf, lang: req.lang };
    const live = new WpsLiveChecker(
      this.app,
      state,
      (result) => onResult({ ...outcome, result, grid: state.grid }),
      (e) => onError(toHostError(e)),
    );
    live.start(outcome.result);
    return async () => live.stop();
  }
}

/**
 * The standalone page's workbook: a file the user picked (or the bundled sample), read and annotated with the
 * same exceljs adapter and core as `jiangxuan validate`. Everything happens in the browser; nothing is uploaded.
 */
import type { Lang } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import { fromJsDate, parseIsoDate } from '../../core/model/dates';
import { builtinProfile } from '../../core/profiles/builtin-profiles';
import { availableProfiles } from '../profiles';
import { CheckWorkbookError, checkWorkbookGrid } from '../../core/rules/check-workbook';
import { isWorkbookReadError, readWorkbookBuffer } from '../../adapters/exceljs/read-workbook';
import { annotateWorkbook } from '../../adapters/exceljs/annotate';
import type { CheckOutcome, CheckRequest, WorkbookHost, WorkbookSource } from './workbook-host';
import { HostError } from './workbook-host';
import { noRecognisableTable, noTableOfProfile, unknownProgramme } from './messages';

export class BrowserHost implements WorkbookHost {
  readonly kind = 'browser' as const;
  private grid?: Promise<WorkbookGrid>;

  constructor(
    private readonly bytes: Uint8Array,
    readonly fileName: string,
    readonly isSample = false,
  ) {}

  static async fromFile(file: File): Promise<BrowserHost> {
    return new BrowserHost(new Uint8Array(await file.arrayBuffer()), file.name);
  }

  /** The workbook's grid, read once. Throws HostError('unreadable') with WorkbookReadError's message. */
  private readGrid(): Promise<WorkbookGrid> {
    this.grid ??= readWorkbookBuffer(this.bytes).catch((e: unknown) => {
      this.grid = undefined;
      if (isWorkbookReadError(e)) throw new HostError('unreadable', e.localized, { cause: e });
      throw e;
    });
    return this.grid;
  }

  async check(req: CheckRequest): Promise<CheckOutcome> {
    req.onProgress?.({ phase: 'read', done: 0, total: 1 });
    const grid = await this.readGrid();
    req.onProgress?.({ phase: 'read', done: 1, total: 1 });
    const profile = req.programId ? builtinProfile(req.programId) : undefined;
    if (req.programId && !profile) throw new HostError('failed', unknownProgramme(req.programId));
    const asOf = req.asOf ? parseIsoDate(req.asOf) : undefined;
    try {
      const checked = checkWorkbookGrid(grid, { profiles: availableProfiles(), profile, asOf, today: fromJsDate(new Date()) });
      const outcome: CheckOutcome = {
        result: checked.result,
        profile: checked.profile,
        how: checked.how === 'chosen' ? 'manual' : checked.how,
        grid,
        tables: checked.result.recognized,
      };
      if (checked.evidence !== undefined) outcome.evidence = checked.evidence;
      return outcome;
    } catch (e) {
      if (!(e instanceof CheckWorkbookError)) throw e;
      const f = e.failure;
      throw f.code === 'no-program' ? new HostError('no-table', noRecognisableTable()) : new HostError('no-table', noTableOfProfile(f.profile), { cause: e });
    }
  }

  /** The file's own bytes: scoring and cultivation read them exactly as the CLI reads the file. */
  async source(): Promise<WorkbookSource> {
    return { name: this.fileName, bytes: this.bytes };
  }

  async reveal(): Promise<void> {
    // The page highlights the cell in its own preview.
  }

  annotated(outcome: CheckOutcome, lang: Lang): Promise<Uint8Array> {
    return annotateWorkbook(this.bytes, outcome.result.findings, { lang, programName: outcome.profile.name[lang] });
  }
}

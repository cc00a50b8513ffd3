/**
 * The standalone page's workbook: a file the user picked (or the bundled sample), read and annotated through the
 * same file entry (adapters/files) and core as `jiangxuan validate`. Everything happens in the browser; nothing is uploaded.
 */
import type { Lang } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import { fromJsDate } from '../../core/model/dates';
import { checkWorkbook } from '../../core/check/check-workbook';
import { readWorkbookBytes } from '../../adapters/files/read-workbook';
import { annotatedCopy } from '../../adapters/files/annotated-copy';
import type { CheckOutcome, CheckRequest, WorkbookHost, WorkbookSource } from './workbook-host';
import { asHostError } from './workbook-host';

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

  /** The workbook's grid, read once. Throws HostError('unreadable') with the core's message. */
  private readGrid(): Promise<WorkbookGrid> {
    this.grid ??= readWorkbookBytes(this.bytes, { name: this.fileName }).catch((e: unknown) => {
      this.grid = undefined;
      throw asHostError(e);
    });
    return this.grid;
  }

  async check(req: CheckRequest): Promise<CheckOutcome> {
    req.onProgress?.({ phase: 'read', done: 0, total: 1 });
    const grid = await this.readGrid();
    req.onProgress?.({ phase: 'read', done: 1, total: 1 });
    try {
      return { ...checkWorkbook(grid, { programId: req.programId, asOf: req.asOf, today: fromJsDate(new Date()) }), grid };
    } catch (e) {
      throw asHostError(e);
    }
  }

  /** The file's own bytes: scoring and cultivation read them exactly as the CLI reads the file. */
  async source(): Promise<WorkbookSource> {
    return { name: this.fileName, bytes: this.bytes };
  }

  async reveal(): Promise<void> {
    // The page highlights the cell in its own preview.
  }

  /** Always an .xlsx workbook: a file of another format (.xls, .ods, CSV …) is converted first; the file itself is never changed. */
  async annotated(outcome: CheckOutcome, lang: Lang): Promise<Uint8Array> {
    const copy = await annotatedCopy(this.bytes, outcome.result.findings, { lang, programName: outcome.profile.name[lang], name: this.fileName });
    return copy.bytes;
  }
}

/**
 * The standalone page's workbook: a file the user picked (or the bundled sample), read and annotated through the
 * same file entry (adapters/files) and core as `jiangxuan validate`. Everything happens in the browser; nothing is uploaded.
 */
import type { Lang } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import { fromJsDate } from '../../core/model/dates';
import type { CheckOutcome, CheckRequest, WorkbookHost, WorkbookSource } from './workbook-host';
import { HostError } from './workbook-host';
import { pageFileChecks, type FileChecks, type FileChecksFactory } from './file-checks';
import { withOwnProgramme } from './file-outcomes';
import { pageAnnotate, type Annotate } from './annotate-on-page';

export class BrowserHost implements WorkbookHost {
  readonly kind = 'browser' as const;
  /** The grid the first successful check sent back (the preview draws it); later checks do not send it again. */
  private grid?: WorkbookGrid;
  private checks?: FileChecks;

  /**
   * `checksFor`: where reading and checking run; `annotate`: where the annotated copy is made (the page's entry
   * passes the workers'; default: on the page).
   */
  constructor(
    private readonly bytes: Uint8Array,
    readonly fileName: string,
    readonly isSample = false,
    private readonly checksFor: FileChecksFactory = pageFileChecks,
    private readonly annotate: Annotate = pageAnnotate,
  ) {}

  static async fromFile(file: File, checksFor?: FileChecksFactory, annotate?: Annotate): Promise<BrowserHost> {
    return new BrowserHost(new Uint8Array(await file.arrayBuffer()), file.name, false, checksFor, annotate);
  }

  /** Reads (once) and checks the file. Throws HostError with the core's words, or CheckCancelled when overtaken. */
  async check(req: CheckRequest): Promise<CheckOutcome> {
    this.checks ??= this.checksFor([{ name: this.fileName, bytes: this.bytes }]);
    const {
      files: [r],
    } = await this.checks.check(
      { programId: req.programId, asOf: req.asOf, today: fromJsDate(new Date()), withGrid: !this.grid },
      { progress: (p) => req.onProgress?.({ phase: p.stage, done: p.stage === 'check' ? 1 : 0, total: 1 }) },
    );
    if ('failure' in r) throw new HostError(r.failure.kind, r.failure.localized);
    this.grid ??= r.grid;
    if (!this.grid) throw new HostError('failed', { zh: '未能读取工作簿。', en: 'The workbook was not read.' });
    return { ...withOwnProgramme(r.outcome), grid: this.grid };
  }

  /** Another file was opened: reading or checking this one stops (the worker ends); bytes stay for downloads. */
  dispose(): void {
    this.checks?.dispose();
    this.checks = undefined;
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
    return this.annotate({ bytes: this.bytes, name: this.fileName, findings: outcome.result.findings, lang, programName: outcome.profile.name[lang] });
  }
}

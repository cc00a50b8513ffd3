/**
 * Several files opened at once on the page (one workbook per recommending unit): each is read and checked as
 * `jiangxuan validate` checks it — in the worker where there is one — and the core combines them into one report
 * (core/check/combine-files.ts: cross-file duplicates, per-unit totals). Nothing is uploaded.
 */
import type { CombinedFiles } from '../../core/check/combine-files';
import { fromJsDate } from '../../core/model/dates';
import { pageFileChecks, type FileChecks, type FileChecksFactory, type FileInput, type FilesProgress } from './file-checks';
import { HostError } from './workbook-host';

export type { CombinedFiles, FilesProgress };

export interface BatchRequest {
  programId?: string;
  asOf?: string;
  onProgress?(p: FilesProgress): void;
}

export class FileBatch {
  private checks?: FileChecks;

  constructor(
    readonly files: readonly File[],
    private readonly inputs: FileInput[],
    private readonly checksFor: FileChecksFactory = pageFileChecks,
  ) {}

  static async fromFiles(files: readonly File[], checksFor?: FileChecksFactory): Promise<FileBatch> {
    const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    return new FileBatch(files, inputs, checksFor);
  }

  /** Checks every file and combines them; rejects with CheckCancelled when overtaken. */
  async check(req: BatchRequest): Promise<CombinedFiles> {
    this.checks ??= this.checksFor(this.inputs);
    const out = await this.checks.check({ programId: req.programId, asOf: req.asOf, today: fromJsDate(new Date()), withGrid: false, combine: true }, { progress: req.onProgress });
    if (!out.combined) throw new HostError('failed', { zh: '未能汇总这些文件。', en: 'The files could not be combined.' });
    return out.combined;
  }

  /** Another file (or set) was opened: the work in progress stops. */
  dispose(): void {
    this.checks?.dispose();
    this.checks = undefined;
  }
}

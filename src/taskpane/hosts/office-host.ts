/**
 * The workbook open in Excel, through the Office.js adapter (src/adapters/office). Every call runs in its own
 * Excel.run batch; adapter errors (OfficeCheckError) become HostErrors with the adapter's own message.
 */
import type { Finding, Lang } from '../../core/model/findings';
import { builtinProfile } from '../../core/profiles/builtin-profiles';
import { recognizeWorkbook } from '../../core/recognition/recognize-tables';
import * as adapter from '../../adapters/office/index';
import type { CheckOutcome, CheckRequest, HostErrorKind, StopLive, WorkbookHost } from './workbook-host';
import { asHostError, HostError } from './workbook-host';

function toHostError(e: unknown): HostError {
  if (e instanceof adapter.OfficeCheckError) {
    const code = String(e.code);
    const kind: HostErrorKind = /table|program|profile/i.test(code) ? 'no-table' : 'failed';
    return new HostError(kind, e.message as unknown as { zh: string; en: string }, { cause: e });
  }
  return asHostError(e);
}

type AdapterOutcome = Awaited<ReturnType<typeof adapter.checkWorkbook>>;

function toOutcome(o: AdapterOutcome, req: CheckRequest): CheckOutcome {
  const detected = (o as { detected?: unknown }).detected;
  const how = req.programId ? 'manual' : detected && typeof detected === 'object' && 'how' in detected ? (detected as { how: 'title' | 'headers' }).how : detected === 'headers' ? 'headers' : 'title';
  const evidence =
    (o as { evidence?: string }).evidence ?? (detected && typeof detected === 'object' ? (detected as { evidence?: string }).evidence : undefined);
  const out: CheckOutcome = { result: o.result, profile: o.profile, how, grid: o.grid, tables: recognizeWorkbook(o.grid, o.profile) };
  if (evidence !== undefined) out.evidence = evidence;
  return out;
}

export class OfficeHost implements WorkbookHost {
  readonly kind = 'office' as const;

  private run<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return Excel.run(fn).catch((e: unknown) => {
      throw toHostError(e);
    });
  }

  private options(req: CheckRequest) {
    return {
      programId: req.programId,
      asOf: req.asOf,
      lang: req.lang,
      resultsSheet: req.writeResultsSheet ?? false,
      onProgress: req.onProgress,
    };
  }

  async check(req: CheckRequest): Promise<CheckOutcome> {
    if (req.programId && !builtinProfile(req.programId)) throw new HostError('failed', { zh: `没有名为“${req.programId}”的项目`, en: `No programme “${req.programId}”` });
    const o = await this.run((context) => adapter.checkWorkbook(context, this.options(req)));
    return toOutcome(o, req);
  }

  reveal(f: Finding): Promise<void> {
    return this.run((context) => adapter.selectCell(context, f.sheet, f.cell || `${f.row},${f.col}`));
  }

  clearMarks(): Promise<void> {
    return this.run((context) => adapter.clearMarks(context)).then(() => undefined);
  }

  applyInputRules(outcome: CheckOutcome): Promise<void> {
    return this.run((context) => adapter.applyInputRules(context, outcome.tables)).then(() => undefined);
  }

  setupPrinting(outcome: CheckOutcome, lang: Lang): Promise<void> {
    const table = outcome.tables.find((t) => t.kind === 'summary') ?? outcome.tables[0];
    if (!table) return Promise.reject(new HostError('no-table', { zh: '没有可打印的表格', en: 'No table to print' }));
    return this.run((context) => adapter.setupPrinting(context, table, outcome.profile, lang)).then(() => undefined);
  }

  startLive(req: CheckRequest, onResult: (o: CheckOutcome) => void, onError: (e: HostError) => void): StopLive {
    const live = new adapter.LiveChecker(
      () => this.run((context) => adapter.checkWorkbook(context, this.options({ ...req, onProgress: undefined }))),
      (o: AdapterOutcome) => onResult(toOutcome(o, req)),
      (e: unknown) => onError(toHostError(e)),
    );
    void live.start();
    return () => void live.stop();
  }
}

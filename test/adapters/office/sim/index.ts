/// <reference types="office-js" />
/**
 * The strict Office simulation: an Excel host at a chosen ExcelApi version (1.7 = Office 2019, 1.9, 1.10,
 * 1.14 = Office 2021, 1.17 = Office 2024) on a chosen platform, with a workbook, Excel.run, and the Office
 * globals the add-in reads (requirements, platform, display language, getFileAsync, dialogs).
 *
 *   const sim = new ExcelSim({ api: 14 });
 *   sim.wb.addSheet('推荐汇总表', rows);
 *   await sim.run((context) => checkWorkbook(context, …));   // or sim.install() for code that uses the globals
 *
 * See client.ts for what it enforces and model.ts for what user actions do. It is a simulation: it follows the
 * type declarations and Microsoft's documentation, not a real Excel (none runs on these machines).
 */
import ExcelJS from 'exceljs';
import { Ctx, type HostConfig, SimHost } from './client';
import { SimError } from './errors';
import { a1, SimWorkbook } from './model';

export { SimWorkbook, SimSheet, NO_FILL, solid, parseA1, a1, boundsA1 } from './model';
export type { Bounds, Fill, SimCell } from './model';
export { SimError } from './errors';
export { PAYLOAD_LIMIT, CELL_LIMIT, xlsxSheets } from './client';
export type { SyncRecord } from './client';

/** The hosts the add-in is tested against: ExcelApi minor version → what it is. */
export const HOSTS: Record<number, string> = {
  7: 'Excel 2019（ExcelApi 1.7）',
  9: 'ExcelApi 1.9（Microsoft 365 1903 版）',
  10: 'ExcelApi 1.10（Microsoft 365 1907 版）',
  14: 'Excel 2021（ExcelApi 1.14）',
  17: 'Excel 2024（ExcelApi 1.17）',
};

export interface SimOptions extends Partial<HostConfig> {
  displayLanguage?: string;
}

export class ExcelSim {
  readonly wb: SimWorkbook;
  readonly host: SimHost;
  readonly displayLanguage: string;
  readonly created: string[] = [];
  readonly dialogs: string[] = [];
  readonly browserWindows: string[] = [];

  constructor(opts: SimOptions = {}, wb = new SimWorkbook()) {
    this.wb = wb;
    this.host = new SimHost(wb, { api: opts.api ?? 17, platform: opts.platform ?? 'PC', payloadErrors: opts.payloadErrors ?? 'specific' });
    this.displayLanguage = opts.displayLanguage ?? 'zh-CN';
  }

  get api(): number {
    return this.host.config.api;
  }

  /** A fresh request context (what Excel.run passes to its batch). */
  context(opts: { delayForCellEdit?: boolean } = {}): Excel.RequestContext {
    return new Ctx(this.host, !!opts.delayForCellEdit).proxy as Excel.RequestContext;
  }

  /** Excel.run: (batch), (options, batch) or (object or context, batch); a final sync for what is still queued. */
  readonly run = (async (...args: unknown[]) => {
    const batch = args[args.length - 1] as (c: Excel.RequestContext) => Promise<unknown>;
    const first = args.length > 1 ? args[0] : undefined;
    let ctx: Ctx;
    const asCtx = first as { __ctx?: Ctx; __obj?: { ctx: Ctx } } | undefined;
    if (asCtx?.__ctx instanceof Ctx) ctx = asCtx.__ctx;
    else if (asCtx?.__obj?.ctx instanceof Ctx) ctx = asCtx.__obj.ctx;
    else ctx = new Ctx(this.host, !!(first as Excel.RunOptions | undefined)?.delayForCellEdit);
    const result = await batch(ctx.proxy as Excel.RequestContext);
    if (ctx.queued) await ctx.sync();
    return result;
  }) as unknown as typeof Excel.run;

  isSetSupported(name: string, version?: string): boolean {
    if (name === 'ExcelApi') return this.host.supports(`ExcelApi ${version ?? '1.1'}`);
    if (name === 'DialogApi' || name === 'File') return true;
    return false;
  }

  /** The workbook as a file (values, merges and hidden rows), as Office.context.document.getFileAsync gives it. */
  async fileBytes(): Promise<Uint8Array> {
    const x = new ExcelJS.Workbook();
    for (const s of this.wb.sheets) {
      const ws = x.addWorksheet(s.name);
      for (const [k, cell] of s.cells) {
        const [r, c] = k.split(',').map(Number);
        if (cell.value === undefined || cell.value === null || cell.value === '') continue;
        const target = ws.getCell(a1(r, c));
        target.value = cell.type === 'Error' ? { error: cell.value as ExcelJS.CellErrorValue['error'] } : (cell.value as ExcelJS.CellValue);
        if (cell.numberFormat) target.numFmt = cell.numberFormat;
      }
      for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      for (const r of s.hiddenRows) ws.getRow(r + 1).hidden = true;
    }
    return new Uint8Array((await x.xlsx.writeBuffer()) as ArrayBuffer);
  }

  /** The Office global as office.js provides it on this host. */
  officeGlobal(): unknown {
    const sim: ExcelSim = this as ExcelSim;
    const done = <T>(cb: ((r: Office.AsyncResult<T>) => void) | undefined, value: T) => cb?.({ status: 'succeeded', value } as unknown as Office.AsyncResult<T>);
    return {
      HostType: { Excel: 'Excel' },
      PlatformType: { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline', iOS: 'iOS' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      FileType: { Compressed: 'compressed', Text: 'text', Pdf: 'pdf' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      onReady: () => Promise.resolve({ host: 'Excel', platform: sim.host.config.platform }),
      actions: { associate: () => undefined },
      context: {
        displayLanguage: sim.displayLanguage,
        platform: sim.host.config.platform,
        officeTheme: { bodyBackgroundColor: '#ffffff' },
        requirements: { isSetSupported: (name: string, v?: string) => sim.isSetSupported(name, v) },
        ui: {
          displayDialogAsync: (url: string, _o: unknown, cb?: (r: unknown) => void) => {
            sim.dialogs.push(url);
            cb?.({ status: 'failed', error: { code: 12007, message: 'simulated: no dialog' } });
          },
          openBrowserWindow: (url: string) => void sim.browserWindows.push(url),
        },
        document: {
          getFileAsync: (_type: string, opts: { sliceSize?: number } | ((r: unknown) => void), cb?: (r: unknown) => void) => {
            const callback = (typeof opts === 'function' ? opts : cb) as (r: unknown) => void;
            const sliceSize = (typeof opts === 'object' && opts?.sliceSize) || 4 * 1024 * 1024;
            void sim.fileBytes().then((bytes) => {
              const count = Math.max(1, Math.ceil(bytes.length / sliceSize));
              done(callback, {
                size: bytes.length,
                sliceCount: count,
                getSliceAsync: (i: number, cb2: (r: unknown) => void) => done(cb2, { index: i, size: Math.min(sliceSize, bytes.length - i * sliceSize), data: Array.from(bytes.subarray(i * sliceSize, (i + 1) * sliceSize)) }),
                closeAsync: (cb3?: (r: unknown) => void) => done(cb3, undefined),
              });
            });
          },
        },
      },
    };
  }

  /** Installs Office, Excel and OfficeExtension as globals (for code that uses them directly); returns the undo. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Office: g.Office, Excel: g.Excel, OfficeExtension: g.OfficeExtension };
    g.Office = this.officeGlobal();
    g.Excel = {
      run: this.run,
      createWorkbook: async (base64: string) => {
        if (!this.host.supports('ExcelApi 1.8')) throw new SimError('ApiNotFound', 'Excel.createWorkbook needs ExcelApi 1.8', 'Excel.createWorkbook');
        this.created.push(base64);
      },
      ErrorCodes: { invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode', accessDenied: 'AccessDenied', apiNotFound: 'ApiNotFound' },
    };
    g.OfficeExtension = { Error: SimError };
    return () => {
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    };
  }

  /** Runs `fn` with the globals installed. */
  async with<T>(fn: () => Promise<T>): Promise<T> {
    const undo = this.install();
    try {
      return await fn();
    } finally {
      undo();
    }
  }

  /** Waits for every event handler Excel has called (and what they started) to finish. */
  settle(): Promise<void> {
    return this.host.settle();
  }
}

/**
 * The standalone page's host on real sample files: the same counts as `jiangxuan validate`, the same
 * annotated bytes shape, and the adapter's messages for unusable files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { allBuiltinProfiles } from '../../src/core/profiles/builtin-profiles';
import { detectProgram } from '../../src/core/recognition/detect-program';
import { validateWorkbook } from '../../src/core/rules/validate-workbook';
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { parseIsoDate } from '../../src/core/model/dates';
import { BrowserHost } from '../../src/taskpane/hosts/browser-host';
import { isHostError } from '../../src/taskpane/hosts/workbook-host';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const SAMPLE = path.join(SAMPLES, 'sqc-2025-有问题.xlsx');

describe('BrowserHost', () => {
  it('detects the programme and finds what the core finds', async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const host = new BrowserHost(bytes, 'sqc-2025-有问题.xlsx', true);
    const o = await host.check({ lang: 'zh', asOf: '2025-03-01' });
    const grid = await readWorkbookBuffer(bytes);
    const det = detectProgram(grid, allBuiltinProfiles())!;
    const expected = validateWorkbook(grid, det.profile, { asOf: parseIsoDate('2025-03-01')! });
    expect(o.profile.id).toBe(det.profile.id);
    expect(o.how).toBe(det.how);
    expect(o.result.counts).toEqual(expected.counts);
    expect(o.result.findings.length).toBeGreaterThan(0);
    expect(o.result.recognized.length).toBe(expected.tables.length);
    expect(host.isSample).toBe(true);
  });

  it('honours a chosen programme and the default date', async () => {
    const host = new BrowserHost(new Uint8Array(fs.readFileSync(SAMPLE)), 'x.xlsx');
    const o = await host.check({ lang: 'zh', programId: 'sqc-2024' });
    expect(o.profile.id).toBe('sqc-2024');
    expect(o.how).toBe('chosen');
    // Today, but never after the deadline (the 2024 deadline has passed).
    expect(o.result.asOf <= (o.profile.deadline ?? '9999')).toBe(true);
  });

  it('writes an annotated copy with a results sheet and the original values', async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const host = new BrowserHost(bytes, 'x.xlsx');
    const o = await host.check({ lang: 'zh', asOf: '2025-03-01' });
    const out = await host.annotated(o, 'zh');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const results = wb.getWorksheet('校验结果');
    expect(results).toBeDefined();
    expect(results!.rowCount - 2).toBe(o.result.findings.length);
  });

  it('checks an .ods as its .xlsx and annotates an .xlsx copy of it; the .ods bytes are untouched', async () => {
    const ods = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'real', 'formats', 'sqc-2025-有问题.ods')));
    const before = Buffer.from(ods).toString('base64');
    const host = new BrowserHost(ods, 'sqc-2025-有问题.ods');
    const o = await host.check({ lang: 'zh', asOf: '2025-03-01' });
    const fromXlsx = await new BrowserHost(new Uint8Array(fs.readFileSync(SAMPLE)), 'x.xlsx').check({ lang: 'zh', asOf: '2025-03-01' });
    expect(o.result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(fromXlsx.result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`));
    const out = await host.annotated(o, 'zh');
    expect(Buffer.from(out.subarray(0, 2)).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('校验结果')!.rowCount - 2).toBe(o.result.findings.length);
    expect(wb.getWorksheet('申报信息')!.getCell('H3').value).toBe('310110197703319487');
    expect(Buffer.from(ods).toString('base64')).toBe(before);
  });

  it('explains unusable files and workbooks without a table', async () => {
    const bad = new BrowserHost(new TextEncoder().encode('%PDF-1.4\n'), '推荐表.pdf');
    const e1 = await bad.check({ lang: 'zh' }).catch((e: unknown) => e);
    expect(isHostError(e1) && e1.kind).toBe('unreadable');
    expect(isHostError(e1) && e1.localized.zh).toMatch(/PDF/);
    // A CSV is read (as text, values as written); this one just has no table of any programme.
    const csv = new BrowserHost(new TextEncoder().encode('序号,姓名\n1,张三\n'), 'list.csv');
    const e0 = await csv.check({ lang: 'zh' }).catch((e: unknown) => e);
    expect(isHostError(e0) && e0.kind).toBe('no-table');
    expect(isHostError(e0) && e0.localized.zh).toMatch(/找不到可识别的表格/);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '随便写的内容';
    const empty = new BrowserHost(new Uint8Array(await wb.xlsx.writeBuffer()), 'empty.xlsx');
    const e2 = await empty.check({ lang: 'zh' }).catch((e: unknown) => e);
    expect(isHostError(e2) && e2.kind).toBe('no-table');
    const e3 = await empty.check({ lang: 'en', programId: 'sqc-2025' }).catch((e: unknown) => e);
    expect(isHostError(e3) && e3.kind).toBe('no-table');
    expect(isHostError(e3) && e3.localized.en).toMatch(/Shanghai Quality Craftsman 2025/);
  });

  it('gives scoring and cultivation the file’s own bytes', async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    await expect(new BrowserHost(bytes, '推荐表.xlsx').source()).resolves.toEqual({ name: '推荐表.xlsx', bytes });
  });
});

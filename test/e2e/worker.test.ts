/**
 * The standalone page reads and checks files in a Web Worker (issue 16): findings appear as the CLI's, the page
 * keeps answering while a large workbook is checked, a file chosen during another's check replaces it (the old
 * result never shows), several files give one combined report with the people listed in more than one file,
 * the annotated copy is made in a worker too, and a host without workers still checks and annotates (on the page,
 * the same copy) and runs the scoring tools (on the page).
 *
 * Run with `npm run test:e2e` (skipped by `npm test`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { buildAll, cliReport, foreignRequests, launch, ROOT, SAMPLE_NAME, startServer, type Browser, type Server } from './harness';
import { buildNominees, writeNominationWorkbook } from '../../src/samples/fake-nominees';
import { readWorkbookBytes } from '../../src/adapters/files/read-workbook';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import { combineFiles } from '../../src/core/check/combine-files';
import { parseIsoDate } from '../../src/core/model/dates';

const describeE2E = process.env.JIANGXUAN_E2E === '1' ? describe : describe.skip;
const AS_OF = '2025-03-01';
const SAMPLE = path.join(ROOT, 'samples', SAMPLE_NAME);
const CORRECT = path.join(ROOT, 'samples', 'sqc-2025-正确.xlsx');

async function counts(page: Page): Promise<{ error: number; warning: number; info: number }> {
  const read = async (s: string) => Number((await page.getByTestId(`count-${s}`).first().textContent())?.trim());
  return { error: await read('error'), warning: await read('warning'), info: await read('info') };
}

const checksDone = async (page: Page) => Number((await page.getByTestId('app').getAttribute('data-checks')) ?? 0);

async function waitForResult(page: Page, after: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const app = document.querySelector('[data-testid="app"]');
      return !!app && app.getAttribute('data-busy') === 'false' && Number(app.getAttribute('data-checks')) > n;
    },
    after,
    { timeout: 120000 },
  );
}

/** Where the last annotated copy was made ('worker' or 'page'), as hosts/annotate-worker.ts records it. */
const annotatePath = (page: Page) => page.evaluate(() => (window as unknown as { __jiangxuanAnnotatePath?: string }).__jiangxuanAnnotatePath);

/** Downloads the annotated copy and gives its 校验结果 sheet's rows (each cell as JSON) and its sheet names. */
async function annotatedCopy(page: Page, to: string): Promise<{ sheets: string[]; results: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-annotated').click()]);
  await download.saveAs(to);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(to);
  const results: string[][] = [];
  wb.getWorksheet('校验结果')?.eachRow((row) => results.push((row.values as unknown[]).slice(1).map((v) => JSON.stringify(v ?? null))));
  return { sheets: wb.worksheets.map((w) => w.name), results };
}

/** The worker-side path the page took ('worker' or 'page'), as hosts/check-worker.ts records it. */
const checkPath = (page: Page) => page.evaluate(() => (window as unknown as { __jiangxuanCheckPath?: string }).__jiangxuanCheckPath);

describeE2E('checking in a worker', () => {
  let server: Server;
  let browser: Browser;
  let tmp: string;
  let big: string;
  let page: Page;
  const url = `taskpane.html?asOf=${AS_OF}&lang=zh&sample=0`;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-worker-'));
    buildAll();
    // Large enough that reading it takes the worker a few seconds on this machine.
    big = path.join(tmp, 'sqc-2025-大表.xlsx');
    const nominees = buildNominees({ count: 2500, seed: 'e2e-worker', programme: 'sqc-2025', asOf: { y: 2025, m: 3, d: 1 }, recommender: '上海市浦东新区市场监督管理局' });
    fs.writeFileSync(big, await writeNominationWorkbook('sqc-2025', nominees, { sheetNames: { summary: '推荐汇总表', details: '申报信息' } }));
    server = await startServer();
    browser = await launch();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(foreignRequests(browser.requests, server.origin)).toEqual([]);
  });

  it('shows the findings of a file checked in the worker, the CLI’s counts', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/${url}`);
    const before = await checksDone(page);
    await page.getByTestId('file-input').setInputFiles(SAMPLE);
    await waitForResult(page, before);
    expect(await checkPath(page)).toBe('worker');
    expect(page.workers().length).toBe(1);
    const cli = cliReport(SAMPLE, AS_OF);
    expect(await counts(page)).toEqual(cli.counts);
    expect(await page.getByTestId('finding').count()).toBe(cli.findings.length);
    // The preview draws the grid the worker sent back: a finding's cell is marked there.
    const f = page.getByTestId('finding').first();
    await f.click();
    await expect(page.locator(`[data-testid="preview"] td[data-cell="${await f.getAttribute('data-cell')}"]`).getAttribute('data-selected')).resolves.toBe('true');
    expect(errors).toEqual([]);
  });

  it('keeps answering while a large file is read, showing the stage', async () => {
    await page.goto(`${server.origin}/${url}`);
    const before = await checksDone(page);
    await page.getByTestId('file-input').setInputFiles(big);
    await expect(page.getByTestId('progress-text').getAttribute('data-stage', { timeout: 30000 })).resolves.toBe('read');
    await expect(page.getByTestId('progress-text').textContent()).resolves.toContain('正在读取');
    // The language switch answers while the check still runs (a blocked page would only answer after it).
    await page.getByTestId('lang-toggle').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="lang-toggle"]')?.textContent?.includes('中文') && document.querySelector('[data-testid="app"]')?.getAttribute('data-busy') === 'true', undefined, { timeout: 10000 });
    await waitForResult(page, before);
    expect(await counts(page)).toEqual(cliReport(big, AS_OF).counts);
    await page.getByTestId('lang-toggle').click();
  });

  it('shows only the second file’s findings when it is chosen while the first is being checked', async () => {
    await page.goto(`${server.origin}/${url}`);
    const before = await checksDone(page);
    await page.getByTestId('file-input').setInputFiles(big);
    await page.getByTestId('progress').waitFor({ timeout: 30000 });
    await page.getByTestId('file-input').setInputFiles(SAMPLE);
    await waitForResult(page, before);
    await page.getByTestId('file-name').filter({ hasText: SAMPLE_NAME }).waitFor();
    const cli = cliReport(SAMPLE, AS_OF);
    expect(await counts(page)).toEqual(cli.counts);
    // The first file's worker was stopped, and nothing of its check arrives later.
    expect(page.workers().length).toBe(1);
    await page.waitForTimeout(4000);
    expect(await checksDone(page)).toBe(before + 1);
    await page.getByTestId('file-name').filter({ hasText: SAMPLE_NAME }).waitFor();
    expect(await counts(page)).toEqual(cli.counts);
    expect(await page.getByTestId('finding').count()).toBe(cli.findings.length);
  });

  it('checks several files into one combined report with the people listed in more than one file', async () => {
    // The same unit's list sent twice (under another name) and another unit's correct list.
    const again = path.join(tmp, 'sqc-2025-有问题（重发）.xlsx');
    fs.copyFileSync(SAMPLE, again);
    const files = [SAMPLE, again, CORRECT];
    const asOf = parseIsoDate(AS_OF)!;
    const expected = combineFiles(
      await Promise.all(files.map(async (f) => ({ name: path.basename(f), result: checkWorkbook(await readWorkbookBytes(new Uint8Array(fs.readFileSync(f)), { name: path.basename(f) }), { asOf, today: asOf }).result }))),
    );
    expect(expected.duplicates.length).toBeGreaterThan(0);

    await page.goto(`${server.origin}/${url}`);
    const before = await checksDone(page);
    await page.getByTestId('file-input').setInputFiles(files);
    await waitForResult(page, before);
    await page.getByTestId('batch-totals').waitFor();
    expect(await checkPath(page)).toBe('worker');
    expect(await page.getByTestId('batch-file').count()).toBe(3);
    expect(await counts(page)).toEqual(expected.totals.counts);
    // Every file's own problems are there, and the cross-file duplicates on top of them.
    const sections = page.getByTestId('batch-file');
    for (let i = 0; i < files.length; i++) {
      const cli = cliReport(files[i], AS_OF);
      const shown = await sections.nth(i).getByTestId('finding').count();
      expect(await sections.nth(i).locator('h3').textContent()).toBe(path.basename(files[i]));
      expect(shown).toBe(expected.files[i].findings.length);
      expect(shown).toBeGreaterThanOrEqual(cli.findings.length);
    }
    const dups = page.getByTestId('cross-file-duplicate');
    expect(await dups.count()).toBe(expected.duplicates.length);
    const first = (await dups.first().textContent()) ?? '';
    expect(first).toContain(path.basename(SAMPLE));
    expect(first).toContain(path.basename(again));
    await expect(page.getByTestId('batch-duplicates').textContent()).resolves.toContain(`${expected.duplicates.length} 人出现在多个文件中`);

    // One of them opened alone: its own result and preview, as the CLI checks it.
    const b2 = await checksDone(page);
    await page.getByTestId('batch-file').filter({ hasText: path.basename(CORRECT) }).getByTestId('batch-open-one').click();
    await waitForResult(page, b2);
    await page.getByTestId('file-name').filter({ hasText: path.basename(CORRECT) }).waitFor();
    expect(await counts(page)).toEqual(cliReport(CORRECT, AS_OF).counts);
  });

  it('checks and annotates on the page itself where the host has no Web Worker: the same copy as the worker makes', async () => {
    // In a worker first (this page has them).
    const b1 = await checksDone(page);
    await page.getByTestId('file-input').setInputFiles(SAMPLE);
    await waitForResult(page, b1);
    const fromWorker = await annotatedCopy(page, path.join(tmp, 'worker-copy.xlsx'));
    expect(await annotatePath(page)).toBe('worker');

    const p2 = await browser.context.newPage();
    await p2.addInitScript(() => {
      (window as unknown as { Worker?: unknown }).Worker = undefined;
    });
    await p2.goto(`${server.origin}/${url}`);
    const before = await checksDone(p2);
    await p2.getByTestId('file-input').setInputFiles(SAMPLE);
    await waitForResult(p2, before);
    expect(await checkPath(p2)).toBe('page');
    expect(p2.workers().length).toBe(0);
    const cli = cliReport(SAMPLE, AS_OF);
    expect(await counts(p2)).toEqual(cli.counts);
    const onPage = await annotatedCopy(p2, path.join(tmp, 'page-copy.xlsx'));
    expect(await annotatePath(p2)).toBe('page');
    // Every finding is listed on the results sheet, and both paths wrote the same workbook.
    expect(onPage.results.length).toBeGreaterThan(cli.findings.length);
    expect(onPage).toEqual(fromWorker);
    // The scoring tools too run on the page there: the open file's candidates are counted all the same.
    await p2.getByTestId('section-scoring').click();
    await p2.getByTestId('candidates-info').waitFor({ timeout: 30000 });
    expect(await p2.evaluate(() => (window as unknown as { __jiangxuanToolsPath?: string }).__jiangxuanToolsPath)).toBe('page');
    await p2.close();
  });
});

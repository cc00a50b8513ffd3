/**
 * The standalone page with a workbook whose names are HTML (issue 10: no XSS — keep it so). Nominee names and a
 * sheet name carry <img onerror> and <script> payloads; the page must show them as text: nothing runs, no element
 * is made from them, nothing is requested for them.
 *
 * Run with `npm run test:e2e` (skipped by `npm test`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { buildAll, foreignRequests, launch, ROOT, startServer, type Browser, type Server } from './harness';

const describeE2E = process.env.JIANGXUAN_E2E === '1' ? describe : describe.skip;

const NAMES = ['<img src=x-name onerror="window.__xss=1">', '<script>window.__xss=2</script>林晓', '"><svg onload=window.__xss=3>'];
// At most 31 characters: Excel's limit, so that the test's own exceljs keeps the name whole.
const SHEET = '申报<svg onload=window.__xss=4>';

describeE2E('hostile names on the standalone page', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let file: string;

  beforeAll(async () => {
    buildAll();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-hostile-'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(ROOT, 'samples', 'sqc-2025-有问题.xlsx')) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) {
      const nameCol = (ws.getRow(2).values as unknown[]).findIndex((v) => v === '姓名');
      if (nameCol > 0) NAMES.forEach((n, i) => (ws.getCell(3 + i, nameCol).value = n));
    }
    wb.getWorksheet('申报信息')!.name = SHEET;
    file = path.join(tmp, '推荐表.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    server = await startServer();
    browser = await launch();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the names as text: nothing runs, no element is made from them, nothing is fetched', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.origin}/taskpane.html?asOf=2025-03-01&lang=zh`);
    await page.getByTestId('count-error').waitFor({ timeout: 30000 });
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('file-name').filter({ hasText: '推荐表.xlsx' }).waitFor({ timeout: 30000 });
    await page.getByTestId('count-error').waitFor({ timeout: 30000 });
    // Let any payload that would run have its chance (image errors, deferred handlers).
    await page.waitForTimeout(500);

    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src^="x-"], svg[onload]').count()).toBe(0);
    expect(await page.locator('script', { hasText: '__xss' }).count()).toBe(0);
    const text = await page.locator('body').innerText();
    // The findings name the nominees as they are written.
    expect(text).toContain('<img src=x-name');
    expect(browser.requests.filter((u) => /x-(name|sheet)/.test(u))).toEqual([]);
    expect(foreignRequests(browser.requests, server.origin)).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

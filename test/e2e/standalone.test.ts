/**
 * The standalone page in Chromium: it opens the bundled sample on start, checks uploaded workbooks with the
 * same results as the CLI, highlights a finding's cell in the preview, downloads the annotated copy, shows
 * why a file cannot be used, and never requests anything from another origin. Also takes the screenshots in
 * docs/screenshots/.
 *
 * Run with `npm run test:e2e` (skipped by `npm test`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { buildAll, cliReport, foreignRequests, launch, ROOT, SAMPLE_NAME, sampleFiles, startServer, WEB, type Browser, type Server } from './harness';

const describeE2E = process.env.JIANGXUAN_E2E === '1' ? describe : describe.skip;
const AS_OF = '2025-03-01';
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const FORMATS = path.join(ROOT, 'test', 'fixtures', 'real', 'formats');

async function counts(page: Page): Promise<{ error: number; warning: number; info: number }> {
  const read = async (s: string) => Number((await page.getByTestId(`count-${s}`).textContent())?.trim());
  return { error: await read('error'), warning: await read('warning'), info: await read('info') };
}

/** Checks the page has completed so far (data-checks on the app). */
async function checksDone(page: Page): Promise<number> {
  const v = await page.getByTestId('app').getAttribute('data-checks').catch(() => null);
  return Number(v ?? 0);
}

/** Waits until a check after the `after`-th has completed and its counts are shown. */
async function waitForResult(page: Page, after = 0): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const app = document.querySelector('[data-testid="app"]');
      return !!app && app.getAttribute('data-busy') === 'false' && Number(app.getAttribute('data-checks')) > n;
    },
    after,
    { timeout: 30000 },
  );
  await page.getByTestId('count-error').waitFor({ timeout: 30000 });
}

/** Uploads a file through the file input and waits for its result. */
async function upload(page: Page, file: string): Promise<void> {
  const before = await checksDone(page);
  await page.getByTestId('file-input').setInputFiles(file);
  await waitForResult(page, before);
  await page.getByTestId('file-name').filter({ hasText: path.basename(file) }).waitFor({ timeout: 30000 });
}

describeE2E('standalone page', () => {
  let server: Server;
  let browser: Browser;
  let files: string[];
  let tmp: string;
  let page: Page;
  const url = (query: string) => `${server.origin}/taskpane.html?${query}`;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-'));
    buildAll();
    files = await sampleFiles(tmp);
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
    // Every request so far went to the page's own origin: no CDN, no Microsoft host.
    expect(foreignRequests(browser.requests, server.origin)).toEqual([]);
  });

  it('opens the bundled sample on start, with the CLI’s counts and a note that it is a sample', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url(`asOf=${AS_OF}&lang=zh`));
    await waitForResult(page);
    await expect(page.getByTestId('sample-note').textContent()).resolves.toContain(SAMPLE_NAME);
    const cli = cliReport(path.join(WEB, 'samples', SAMPLE_NAME), AS_OF);
    expect(await counts(page)).toEqual(cli.counts);
    expect(await page.getByTestId('finding').count()).toBe(cli.findings.length);
    await expect(page.getByTestId('programme-how').textContent()).resolves.toMatch(/自动识别|表头/);
    // office.js is never loaded outside Office.
    expect(browser.requests.some((u) => u.includes('office-js/'))).toBe(false);
    expect(browser.requests.some((u) => u.includes(encodeURIComponent(SAMPLE_NAME)) || u.includes(SAMPLE_NAME))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('checks uploaded workbooks exactly as the CLI does', async () => {
    for (const file of files) {
      await upload(page, file);
      const cli = cliReport(file, AS_OF);
      expect({ file: path.basename(file), ...(await counts(page)) }).toEqual({ file: path.basename(file), ...cli.counts });
      expect(await page.getByTestId('finding').count()).toBe(cli.findings.length);
      await expect(page.getByTestId('sample-note').count()).resolves.toBe(0);
    }
  });

  it('re-checks when the date or the programme changes, as the CLI does with --as-of / --program', async () => {
    const file = files[0];
    await upload(page, file);
    let before = await checksDone(page);
    await page.getByTestId('as-of').fill('2024-12-31');
    await waitForResult(page, before);
    expect(await counts(page)).toEqual(cliReport(file, '2024-12-31').counts);

    before = await checksDone(page);
    await page.getByTestId('programme').click();
    await page.getByRole('option', { name: '上海质量工匠 2024' }).click();
    await waitForResult(page, before);
    expect(await counts(page)).toEqual(cliReport(file, '2024-12-31', ['--program', 'sqc-2024']).counts);
    await expect(page.getByTestId('programme-how').textContent()).resolves.toContain('已手动选择');

    before = await checksDone(page);
    await page.getByTestId('programme-how').getByRole('button', { name: '恢复自动识别' }).click();
    await waitForResult(page, before);
    before = await checksDone(page);
    await page.getByTestId('as-of').fill(AS_OF);
    await waitForResult(page, before);
    await expect(page.getByTestId('programme-how').textContent()).resolves.toContain('自动识别');
    expect(await counts(page)).toEqual(cliReport(file, AS_OF).counts);
  });

  it('finds every block of a sheet where several units’ summaries were pasted, as the CLI does', async () => {
    const file = path.join(ROOT, 'test', 'fixtures', 'real', 'layouts', 'sqc-2025-三个单位合并.xlsx');
    await upload(page, file);
    const cli = cliReport(file, AS_OF);
    expect(await counts(page)).toEqual(cli.counts);
    expect(await page.getByTestId('finding').count()).toBe(cli.findings.length);
    // Three summary blocks and the details table.
    expect(await page.getByTestId('tables').locator('li').count()).toBe(4);
  });

  it('shows an ID stored as a number the way Excel shows it, not as 18 digits', async () => {
    const file = files.find((f) => f.endsWith(SAMPLE_NAME))!;
    await upload(page, file);
    const finding = page.locator('[data-testid="finding"][data-cell="H4"]').first();
    await finding.click();
    const td = page.getByTestId('preview').locator('td[data-cell="H4"]');
    await expect(td.textContent()).resolves.toBe('3.10101E+17');
  });

  it('highlights a finding’s cell in the preview, by mouse and by keyboard', async () => {
    await upload(page, files[0]);
    const findings = page.getByTestId('finding');
    const n = await findings.count();
    expect(n).toBeGreaterThan(1);
    // Pick a finding on another sheet than the first one shown, when there is one.
    const last = findings.nth(n - 1);
    const sheet = (await last.getAttribute('data-sheet'))!;
    const cell = (await last.getAttribute('data-cell'))!;
    await last.click();
    await expect(last.getAttribute('aria-current')).resolves.toBe('true');
    const preview = page.getByTestId('preview');
    await expect(preview.getAttribute('data-sheet')).resolves.toBe(sheet);
    const td = preview.locator(`td[data-cell="${cell}"]`);
    await expect(td.getAttribute('data-selected')).resolves.toBe('true');
    expect(await td.isVisible()).toBe(true);
    expect(await preview.locator('td[data-selected="true"]').count()).toBe(1);

    const first = findings.nth(0);
    const firstCell = (await first.getAttribute('data-cell'))!;
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(preview.locator(`td[data-cell="${firstCell}"]`).getAttribute('data-selected')).resolves.toBe('true');
    await expect(first.getAttribute('aria-current')).resolves.toBe('true');
  });

  it('downloads the annotated copy: original values kept, a results sheet with every finding', async () => {
    const file = files[0];
    await upload(page, file);
    const cli = cliReport(file, AS_OF);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-annotated').click()]);
    expect(download.suggestedFilename()).toBe(path.basename(file).replace(/\.xlsx$/, '') + '-标注.xlsx');
    const saved = path.join(tmp, 'annotated.xlsx');
    await download.saveAs(saved);
    // Made off the page's thread (hosts/annotate-worker.ts), as the check was.
    expect(await page.evaluate(() => (window as unknown as { __jiangxuanAnnotatePath?: string }).__jiangxuanAnnotatePath)).toBe('worker');

    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(file);
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.readFile(saved);
    for (const ws of original.worksheets) {
      const copy = annotated.getWorksheet(ws.name);
      expect(copy).toBeDefined();
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (c, col) => {
          expect({ at: `${ws.name}!${c.address}`, v: JSON.stringify(copy!.getCell(r, col).value) }).toEqual({ at: `${ws.name}!${c.address}`, v: JSON.stringify(c.value) });
        }),
      );
    }
    const results = annotated.getWorksheet('校验结果');
    expect(results).toBeDefined();
    let rows = 0;
    results!.eachRow((row, r) => {
      if (r > 2 && row.getCell(1).value) rows++;
    });
    expect(rows).toBe(cli.findings.length);
  });

  it('opens a .csv and a .xls as the CLI does (SheetJS loaded only then); the .xls’s annotated copy is an .xlsx', async () => {
    const sheetJsRequested = () => browser.requests.some((u) => /\/sheetjs\.[0-9a-f]+\.js$/.test(new URL(u).pathname));
    await upload(page, files[0]);
    expect(sheetJsRequested()).toBe(false);

    const csv = path.join(FORMATS, '申报信息-GBK.csv');
    await upload(page, csv);
    expect(sheetJsRequested()).toBe(true);
    const csvCli = cliReport(csv, AS_OF);
    expect(await counts(page)).toEqual(csvCli.counts);
    expect(await page.getByTestId('finding').count()).toBe(csvCli.findings.length);
    await expect(page.getByTestId('file-input').getAttribute('accept')).resolves.toMatch(/\.xls,.*\.et,.*\.ods,.*\.csv/);

    const xls = path.join(FORMATS, 'sqc-2025-有问题.xls');
    await upload(page, xls);
    const cli = cliReport(xls, AS_OF);
    expect(await counts(page)).toEqual(cli.counts);
    expect(await page.getByTestId('finding').count()).toBe(cli.findings.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-annotated').click()]);
    expect(download.suggestedFilename()).toBe('sqc-2025-有问题-标注.xlsx');
    const saved = path.join(tmp, 'annotated-from-xls.xlsx');
    await download.saveAs(saved);
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.readFile(saved);
    const id = annotated.getWorksheet('申报信息')!.getCell('H3');
    expect(id.value).toBe('310110197703319487');
    expect(JSON.stringify(id.note)).toContain('最后一位应为');
    let rows = 0;
    annotated.getWorksheet('校验结果')!.eachRow((row, r) => {
      if (r > 2 && row.getCell(1).value) rows++;
    });
    expect(rows).toBe(cli.findings.length);
    await expect(page.getByText('标注版已另存为 .xlsx 工作簿“sqc-2025-有问题-标注.xlsx”').count()).resolves.toBe(1);
    expect(fs.readFileSync(xls).subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
  });

  it('says why a file cannot be used', async () => {
    await page.getByTestId('file-input').setInputFiles(path.join(FORMATS, '加密-RC4.xls'));
    const bar = page.getByTestId('error');
    await bar.waitFor();
    await expect(bar.textContent()).resolves.toMatch(/打开密码/);
    await expect(bar.textContent()).resolves.not.toMatch(/另存为 \.xlsx/);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '会议签到表';
    const noTable = path.join(tmp, '签到表.xlsx');
    await wb.xlsx.writeFile(noTable);
    await page.getByTestId('file-input').setInputFiles(noTable);
    await page.getByTestId('error').filter({ hasText: '找不到可识别的表格' }).waitFor();
  });

  it('takes screenshots of the page, light and dark (the 350 px pane: pane-350.test.ts)', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const shots: [string, string, number, number][] = [
      ['standalone-light.png', 'light', 1280, 800],
      ['standalone-dark.png', 'dark', 1280, 800],
    ];
    for (const [name, theme, width, height] of shots) {
      await page.setViewportSize({ width, height });
      await page.goto(url(`asOf=${AS_OF}&lang=zh&theme=${theme}`));
      await waitForResult(page);
      if (width > 900) {
        // Show a selected finding and its highlighted cell.
        await page.getByTestId('finding').nth(1).click();
        await page.mouse.move(0, 0);
      }
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(SHOTS, name) });
      expect(fs.statSync(path.join(SHOTS, name)).size).toBeGreaterThan(10000);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('inside Office (a stand-in office.js) shows the pane with Excel tools and reports Excel failures', async () => {
    const p = await browser.context.newPage();
    await p.setViewportSize({ width: 380, height: 760 });
    // A stand-in for office.js: Excel host, dark theme, English UI; every Excel.run fails.
    await p.route(`${server.origin}/office-js/office.js`, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.Office = {
          HostType: { Excel: 'Excel' },
          onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
          context: { displayLanguage: 'en-US', officeTheme: { bodyBackgroundColor: '#262626' } },
        };
        window.Excel = { run: () => Promise.reject(new Error('stand-in Excel')) };`,
      }),
    );
    await p.goto(url('_host_Info=Excel$Win32$16.01$en-US$$$$0'));
    const app = p.getByTestId('app');
    await app.waitFor();
    await expect(app.getAttribute('data-mode')).resolves.toBe('office');
    await expect(p.getByTestId('file-input').count()).resolves.toBe(0);
    for (const name of ['Clear marks', 'Set input rules', 'Print setup']) await p.getByRole('button', { name }).waitFor();
    await p.getByRole('switch', { name: 'Write a results sheet' }).waitFor();
    await expect(p.locator('[data-theme="dark"]').count()).resolves.toBeGreaterThan(0);
    await p.getByTestId('check').click();
    await p.getByTestId('error').filter({ hasText: 'stand-in Excel' }).waitFor();
    await p.screenshot({ path: path.join(tmp, 'office-pane.png') });
    if (process.env.JIANGXUAN_E2E_KEEP) fs.copyFileSync(path.join(tmp, 'office-pane.png'), process.env.JIANGXUAN_E2E_KEEP);
    await p.close();
  });

  it('in a web view too old for the bundle (IE11, Edge Legacy, old Safari) shows what to do instead of a blank pane', async () => {
    const p = await browser.context.newPage();
    // An engine without one of the APIs the bundle needs (as in Edge Legacy): the boot check runs first.
    await p.addInitScript(() => {
      delete (window as unknown as { TextDecoder?: unknown }).TextDecoder;
    });
    await p.goto(url('_host_Info=Excel$Win32$16.01$zh-CN$$$$0'));
    const box = p.getByTestId('unsupported');
    await box.waitFor();
    await expect(box.textContent()).resolves.toContain('匠选无法在这里运行');
    await expect(p.getByTestId('standalone-address').inputValue()).resolves.toBe(`${server.origin}/taskpane.html`);
    // Neither office.js nor the pane: the explanation stays.
    await p.waitForTimeout(500);
    await expect(p.getByTestId('app').count()).resolves.toBe(0);
    await p.close();
    for (let i = browser.requests.length - 1; i >= 0; i--) if (browser.requests[i].includes('office-js/')) browser.requests.splice(i, 1);
  });

  it('falls back to the web page when opened with _host_Info outside Office, loading office.js only from its origin', async () => {
    const p = await browser.context.newPage();
    // office.js outside Office tries one Microsoft telemetry host: block it and leave it out of the log.
    const blocked: string[] = [];
    await p.route(
      (u) => !u.href.startsWith(server.origin + '/'),
      (route) => {
        blocked.push(route.request().url());
        return route.abort();
      },
    );
    await p.goto(url('_host_Info=Excel$Win32$16.01$zh-CN$$$$0&lang=zh'));
    await p.getByTestId('app').waitFor({ timeout: 30000 });
    await expect(p.getByTestId('app').getAttribute('data-mode')).resolves.toBe('standalone');
    await expect(p.getByText('已切换为网页版').count()).resolves.toBeGreaterThan(0);
    const officeJs = browser.requests.filter((u) => u.includes('office-js/office.js'));
    expect(officeJs.length).toBeGreaterThan(0);
    expect(officeJs.every((u) => u.startsWith(server.origin + '/'))).toBe(true);
    await p.close();
    // Requests office.js tried elsewhere were blocked; drop them from the origin check of this test.
    for (const b of blocked) {
      const i = browser.requests.indexOf(b);
      if (i >= 0) browser.requests.splice(i, 1);
    }
  });
});

/**
 * The standalone page's 申报表 tab in Chromium, against the CLI: Word forms e-mailed by nominees are picked and
 * read (the same counts as `jiangxuan forms read`), the workbook made from them opens in 校验 with the same counts
 * as `jiangxuan validate`, the open workbook's forms are printed (a zip of .docx that read back), and the e-mail
 * package is refused while errors remain and made once they are corrected. Every request stays on the page's origin.
 *
 * Run with `npm run test:e2e` (skipped by `npm test`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { withWrongCheckChar } from '../../src/samples/fake-nominees';
import { readDocxGrid } from '../../src/adapters/docx/read-docx';
import { nomineesOf, wordForm } from '../forms/helpers';
import { buildAll, cliReport, foreignRequests, launch, ROOT, startServer, type Browser, type Server } from './harness';

const describeE2E = process.env.JIANGXUAN_E2E === '1' ? describe : describe.skip;

async function saveDownload(page: Page, click: () => Promise<void>, to: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), click()]);
  const file = path.join(to, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="forms"]')?.getAttribute('data-busy') === 'false', null, { timeout: 60000 });
}

/** `jiangxuan forms read <files> --format json` on the same files. */
function cliFormsRead(files: string[], out: string): { counts: { error: number; warning: number; info: number } } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'jiangxuan.js'), 'forms', 'read', ...files, '--out', out, '--format', 'json', '--force'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`forms read exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describeE2E('standalone page: the 申报表 tab', () => {
  let server: Server;
  let browser: Browser;
  let tmp: string;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-forms-'));
    buildAll();
    server = await startServer();
    browser = await launch();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('reads e-mailed Word forms as the CLI does, opens them in 校验, prints the forms, packs only when told to despite errors', async () => {
    const nominees = nomineesOf('sqc-2025', 2, 'e2e-forms');
    const wrong = { ...nominees[1], values: { ...nominees[1].values, residentId: withWrongCheckChar(String(nominees[1].values.residentId)) } };
    const forms = [nominees[0], wrong].map((n) => path.join(tmp, `${n.name}.docx`));
    fs.writeFileSync(forms[0], await wordForm('sqc-2025', nominees[0]));
    fs.writeFileSync(forms[1], await wordForm('sqc-2025', wrong));

    await page.goto(`${server.origin}/taskpane.html?lang=zh&sample=0`);
    await page.getByTestId('section-forms').click();
    await page.getByTestId('forms-input').setInputFiles(forms);
    await page.getByTestId('forms-read-summary').waitFor({ timeout: 60000 });
    await idle(page);
    await expect(page.getByTestId('forms-read-summary').textContent()).resolves.toContain(`已读取 2 份申报表（上海质量工匠 2025），共 2 人：${nominees[0].name}、${wrong.name}`);
    const cli = cliFormsRead(forms, path.join(tmp, 'cli.xlsx'));
    await expect(page.getByTestId('forms-read-counts').textContent()).resolves.toBe(`错误 ${cli.counts.error} 个 · 警告 ${cli.counts.warning} 个 · 提示 ${cli.counts.info} 个`);
    expect(cli.counts.error).toBeGreaterThan(0);
    await expect(page.getByTestId('forms-read-findings').textContent()).resolves.toContain(`${wrong.name}.docx「身份证」`);
    await page.setViewportSize({ width: 1100, height: 860 });
    await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'forms-light.png') });

    // The workbook made from the forms, downloaded, is what `validate` checks; opened in 校验 it shows the same.
    const made = await saveDownload(page, () => page.getByTestId('forms-download-workbook').click(), tmp);
    const report = cliReport(made, '2025-03-01');
    await page.getByTestId('forms-open-check').click();
    await page.getByTestId('count-error').waitFor({ timeout: 60000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-busy') === 'false', null, { timeout: 60000 });
    const count = async (s: string) => Number((await page.getByTestId(`count-${s}`).textContent())?.trim());
    expect(await count('error')).toBe(report.counts.error);

    // Printing the open workbook: a zip of every form, each reading back with its nominee.
    await page.getByTestId('section-forms').click();
    const zipFile = await saveDownload(page, () => page.getByTestId('forms-print').click(), tmp);
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    const docs = Object.keys(zip.files).filter((f) => f.endsWith('申报推荐表.docx'));
    expect(docs).toHaveLength(2);
    for (const d of docs) {
      const { grid } = await readDocxGrid(await zip.file(d)!.async('uint8array'), d);
      expect(grid.rows.flat().join('\n')).toMatch(new RegExp(`${nominees[0].name}|${wrong.name}`));
    }
    await expect(page.getByTestId('forms-printed').textContent()).resolves.toMatch(/注意：申报信息中还有 \d+ 个错误/);

    // Packing is refused while errors remain.
    await page.getByTestId('forms-pack').click();
    await page.getByTestId('forms-packed').waitFor({ timeout: 60000 });
    await expect(page.getByTestId('forms-packed').textContent()).resolves.toMatch(/没有打包：还有 \d+ 个错误/);
    await expect(page.getByTestId('forms-pack-findings').textContent()).resolves.toContain('身份证');
    // Asked to pack anyway: the package carries the annotated findings, and the page says so loudly.
    await page.getByTestId('forms-pack-force').check();
    const packFile = await saveDownload(page, () => page.getByTestId('forms-pack').click(), tmp);
    expect(path.basename(packFile)).toBe('上海市质量协会会员单位联络处-第三届（2025年度）“上海质量工匠”推荐材料.zip');
    const packed = await JSZip.loadAsync(fs.readFileSync(packFile));
    expect(Object.keys(packed.files).some((f) => f.endsWith('校验问题（尚未改正）.xlsx'))).toBe(true);
    await expect(page.getByTestId('forms-packed').textContent()).resolves.toMatch(/^警告：仍有 \d+ 个错误，已照样打包/);
    expect(errors).toEqual([]);
    expect(foreignRequests(browser.requests, server.origin)).toEqual([]);
  });
});

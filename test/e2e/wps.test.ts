/**
 * The WPS build of the task pane (dist/wps, `npm run build:wps`) in Chromium, opened from the add-in folder over
 * file:// as WPS opens it offline, with the strict ET simulation installed as window.Application / window.wps:
 * for every sample the page starts in WPS mode, checks the open workbook with the CLI’s counts, marks it, clears it exactly,
 * and requests nothing outside the add-in folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { cliReport, foreignRequests, launch, ROOT, startServer, type Browser } from './harness';
import { readWorkbookFile } from '../support/read-file';
import type { CellValue } from '../../src/core/model/grid';

const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const ADDIN = path.join(ROOT, 'dist', 'wps', `jiangxuan_${PKG.version}`);
const AS_OF = '2025-03-01';
const SAMPLES = fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.xlsx')).sort();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-wps-'));
const SIM = path.join(tmp, 'wps-sim.js');
const { buildEtSimulation } = require('../../scripts/wps/build-et-sim.js') as { buildEtSimulation: (outDir: string) => Promise<string> };

let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ADDIN, 'taskpane.html'))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'wps', 'build-wps.js')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build:wps failed: ${r.stderr}`);
  }
  await buildEtSimulation(tmp);
  browser = await launch();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The pane as WPS opens an offline add-in (file://), or an online one (`origin`: the add-in folder served over http). */
async function openInWps(file: string, origin?: string): Promise<Page> {
  const grid = await readWorkbookFile(path.join(ROOT, 'samples', file));
  const wire = { name: file, grid: { sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ?? []).map((v: CellValue) => (v instanceof Date ? { date: v.toISOString() } : v))) })) } };
  const page = await browser.context.newPage();
  await page.addInitScript(`window.__JX_GRID = ${JSON.stringify(wire)};`);
  await page.addInitScript({ path: SIM });
  await page.goto(`${origin ?? `file://${ADDIN}`}/taskpane.html?asOf=${AS_OF}`);
  await page.locator('[data-testid="app"][data-mode="wps"]').waitFor({ timeout: 60_000 });
  return page;
}

/** Cells of the simulated workbook filled with a colour (BGR), and the sheet names. */
function workbookState(page: Page, bgr: number) {
  return page.evaluate((colour) => {
    const wb = (window as unknown as { __JX_WB: { sheets: { name: string; cells: Map<string, { fill?: { color: number; pattern: number } }> }[] } }).__JX_WB;
    let filled = 0;
    for (const s of wb.sheets) for (const c of s.cells.values()) if (c.fill && c.fill.pattern === 1 && c.fill.color === colour) filled++;
    return { filled, sheets: wb.sheets.map((s) => s.name) };
  }, bgr);
}

const ERROR_BGR = 0xcec7ff; // #FFC7CE

/** Checks the open workbook from the pane and waits for the counts. */
async function checkInPane(page: Page): Promise<void> {
  await page.getByTestId('check').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-busy') === 'false' && !!document.querySelector('[data-testid="count-error"]'), undefined, { timeout: 60_000 });
}

/** Every cell's fill and comment in the simulated workbook, to compare two panes' marks. */
function marksOf(page: Page) {
  return page.evaluate(() => {
    const wb = (window as unknown as { __JX_WB: { sheets: { name: string; cells: Map<string, { fill?: unknown; comment?: unknown }> }[] } }).__JX_WB;
    return wb.sheets.map((s) => ({ name: s.name, cells: [...s.cells].filter(([, c]) => c.fill || c.comment).map(([k, c]) => JSON.stringify([k, c.fill, c.comment])).sort() }));
  });
}

const paneCheckPath = (page: Page) => page.evaluate(() => (window as unknown as { __jiangxuanPaneCheckPath?: string }).__jiangxuanPaneCheckPath);

describe('the task pane in WPS 表格 (simulated)', () => {
  it.each(SAMPLES)('%s: WPS mode, the CLI’s counts, marks, exact clearing, nothing fetched from outside', async (file) => {
    const expected = cliReport(path.join(ROOT, 'samples', file), AS_OF);
    const page = await openInWps(file);
    const before = await workbookState(page, ERROR_BGR);
    await checkInPane(page);
    // Opened from file://, the pane cannot start a worker: it checks on its own thread, as before.
    await expect(paneCheckPath(page)).resolves.toBe('page');
    for (const sev of ['error', 'warning', 'info'] as const) await expect(page.getByTestId(`count-${sev}`).textContent()).resolves.toBe(String(expected.counts[sev]));

    const marked = await workbookState(page, ERROR_BGR);
    if (expected.counts.error) expect(marked.filled).toBeGreaterThan(before.filled);
    const total = expected.counts.error + expected.counts.warning + expected.counts.info;
    if (total) expect(marked.sheets).toContain('_jiangxuan_marks');

    await page.getByRole('button', { name: '清除标注' }).click();
    await page.waitForFunction(() => (window as unknown as { __JX_WB: { sheets: { name: string }[] } }).__JX_WB.sheets.every((s) => s.name !== '_jiangxuan_marks'), undefined, { timeout: 30_000 });
    expect(await workbookState(page, ERROR_BGR)).toEqual(before);

    const outside = browser.requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  it('served over http (an online add-in), the pane checks in a worker: the same counts and the same marks as on its own thread', async () => {
    const file = SAMPLES.find((f) => f.includes('有问题'))!;
    const expected = cliReport(path.join(ROOT, 'samples', file), AS_OF);
    const offline = await openInWps(file);
    await checkInPane(offline);
    const server = await startServer(ADDIN);
    try {
      const first = browser.requests.length;
      const online = await openInWps(file, server.origin);
      await checkInPane(online);
      await expect(paneCheckPath(online)).resolves.toBe('worker');
      for (const sev of ['error', 'warning', 'info'] as const) await expect(online.getByTestId(`count-${sev}`).textContent()).resolves.toBe(String(expected.counts[sev]));
      expect(expected.counts.error).toBeGreaterThan(0);
      expect(await marksOf(online)).toEqual(await marksOf(offline));
      // Checking again goes to the same worker (a second run of it) and still agrees with the CLI.
      await checkInPane(online);
      await expect(online.getByTestId('count-error').textContent()).resolves.toBe(String(expected.counts.error));
      expect(await marksOf(online)).toEqual(await marksOf(offline));
      expect(foreignRequests(browser.requests.slice(first), server.origin)).toEqual([]);
      await online.close();
    } finally {
      await offline.close();
      await server.stop();
    }
  }, 180_000);
});

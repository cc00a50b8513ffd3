/**
 * The pane at the width Excel and WPS open it (350 px), as a user sees it: the first finding above the fold,
 * findings in the summary sheet's order (as the CLI's text report), rule names instead of ids, the preview's
 * name column in view when scrolled sideways, and section tabs whose labels fit in Chinese and English. Takes
 * the 350 px screenshots in docs/screenshots/ (taskpane-*.png, pane-350-*.png).
 *
 * Run with `npm run test:e2e` (skipped by `npm test`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { buildAll, cliReport, foreignRequests, launch, ROOT, SAMPLE_NAME, sampleFiles, startServer, WEB, type Browser, type Server } from './harness';

const describeE2E = process.env.JIANGXUAN_E2E === '1' ? describe : describe.skip;
const AS_OF = '2025-03-01';
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const WIDTH = 350;
const HEIGHT = 700;

async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const app = document.querySelector('[data-testid="app"]');
      return !!app && app.getAttribute('data-busy') === 'false' && Number(app.getAttribute('data-checks')) > 0;
    },
    undefined,
    { timeout: 30000 },
  );
  await page.getByTestId('finding').first().waitFor({ timeout: 30000 });
}

/** 0-based column of an A1 address ("AP8" → 41). */
function columnOf(a1: string): number {
  let c = 0;
  for (const ch of /^[A-Z]+/.exec(a1)![0]) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

/** The nominee groups of `jiangxuan validate` (text report): the ■ lines, table-level last. */
function cliGroups(file: string): string[] {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'jiangxuan.js'), 'validate', file, '--as-of', AS_OF], { cwd: ROOT, encoding: 'utf8' });
  return [...r.stdout.matchAll(/^■ (.+?)（/gm)].map((m) => m[1]);
}

/** Section tabs whose label does not fit: [label, scrollWidth, clientWidth] of the tab or its text. */
async function clippedTabs(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="section-"]').evaluateAll((tabs) => {
    const nav = tabs[0].closest('nav')!.getBoundingClientRect();
    const out: string[] = [];
    for (const tab of tabs) {
      const box = tab.getBoundingClientRect();
      const text = tab.querySelector<HTMLElement>('.fui-Tab__content') ?? (tab as HTMLElement);
      if (tab.scrollWidth > tab.clientWidth || text.scrollWidth > text.clientWidth || box.left < nav.left - 0.5 || box.right > nav.right + 0.5) {
        out.push(`${text.textContent} ${text.scrollWidth}/${text.clientWidth} ${box.left}-${box.right} in ${nav.left}-${nav.right}`);
      }
    }
    return out;
  });
}

describeE2E(`the pane at ${WIDTH} px`, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let sample: string;
  const url = (query: string) => `${server.origin}/taskpane.html?asOf=${AS_OF}&${query}`;

  beforeAll(async () => {
    buildAll();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-350-'));
    await sampleFiles(tmp);
    sample = path.join(WEB, 'samples', SAMPLE_NAME);
    server = await startServer();
    browser = await launch();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => expect(foreignRequests(browser.requests, server.origin)).toEqual([]));

  it('shows the first finding within the first screen, groups in the summary sheet’s order as the CLI does', async () => {
    await openPage(page, url('lang=zh'));
    const first = await page.getByTestId('finding').first().boundingBox();
    expect(first).not.toBeNull();
    // Its top and its first line of text are on the first screen, without scrolling.
    expect(first!.y + 40).toBeLessThan(HEIGHT);
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    const groups = await page.getByTestId('finding-group').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-nominee') || '表格整体'));
    expect(groups).toEqual(cliGroups(sample));
    // Nothing clips sideways: the pane is as wide as the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'taskpane-light.png') });
  });

  it('names rules for people: no rule id, command line or developer remark anywhere in the pane', async () => {
    const ids = [...new Set(cliReport(sample, AS_OF).findings.map((f) => f.rule))];
    expect(ids.length).toBeGreaterThan(5);
    const names = await page.getByTestId('finding-rule').allTextContents();
    expect(names.length).toBeGreaterThan(5);
    await page.getByTestId('rule-filter').click();
    const options = await page.getByRole('option').allTextContents();
    expect(options.length).toBe(ids.length + 1);
    const shown = (await page.getByTestId('app').innerText()) + '\n' + options.join('\n');
    await page.keyboard.press('Escape');
    for (const id of ids) expect({ id, shown: shown.includes(id) }).toEqual({ id, shown: false });
    expect(shown).not.toMatch(/jiangxuan|命令行|command line|npx |--[a-z]/i);
    // Nor in the other sections.
    const sections = await page.locator('[data-testid^="section-"]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-testid')!));
    for (const id of sections.filter((x) => x !== 'section-check')) {
      await page.getByTestId(id).click();
      // The section's panel is loaded on first opening: wait for its first card.
      await page.locator('main h3:visible').first().waitFor({ timeout: 30000 });
      await page.waitForTimeout(500);
      const text = await page.evaluate(() => document.body.innerText);
      expect({ id, text }).toEqual({ id, text: expect.not.stringMatching(/jiangxuan|命令行|command line|npx |--[a-z]/i) });
    }
    await page.getByTestId('section-check').click();
    // The id is still there for whoever needs it: as the name's tooltip.
    const rule = page.getByTestId('finding-rule').first();
    await expect(rule.getAttribute('title')).resolves.toContain((await page.getByTestId('finding').first().getAttribute('data-rule'))!);
  });

  it('keeps the nominee’s name beside a marked cell when the preview scrolls right', async () => {
    // The finding furthest right on the details sheet (a long text in column AP).
    const cells = await page.getByTestId('finding').evaluateAll((fs) => fs.map((f) => [f.getAttribute('data-sheet'), f.getAttribute('data-cell')] as [string, string]));
    const far = cells.filter(([sh]) => sh === '申报信息').sort((a, b) => columnOf(b[1]) - columnOf(a[1]))[0];
    expect(columnOf(far[1])).toBeGreaterThan(20);
    // Whose it is (the list gives way to the preview once the finding is chosen).
    const expected = await page.locator('[data-testid="finding-group"]').filter({ has: page.locator(`[data-cell="${far[1]}"]`) }).getAttribute('data-nominee');
    await page.locator(`[data-testid="finding"][data-cell="${far[1]}"][data-sheet="${far[0]}"]`).click();
    const preview = page.getByTestId('preview');
    await expect(preview.getAttribute('data-sheet')).resolves.toBe('申报信息');
    const selected = preview.locator('td[data-selected="true"]');
    await selected.waitFor();
    const row = selected.locator('xpath=..');
    const name = row.locator('td[data-frozen="true"]');
    expect(expected).toBeTruthy();
    await expect(name.textContent()).resolves.toBe(expected);
    for (const scroll of ['selected', 'end'] as const) {
      if (scroll === 'end') await preview.evaluate((el) => (el.scrollLeft = el.scrollWidth));
      await page.waitForTimeout(100);
      const box = (await preview.boundingBox())!;
      const n = (await name.boundingBox())!;
      expect(n.x).toBeGreaterThanOrEqual(box.x);
      expect(n.x + n.width).toBeLessThanOrEqual(box.x + box.width);
      if (scroll === 'selected') {
        // The marked cell is beside the name, not under it.
        const c = (await selected.boundingBox())!;
        expect(c.x).toBeGreaterThanOrEqual(n.x + n.width - 1);
        expect(c.x).toBeLessThan(box.x + box.width);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: path.join(SHOTS, 'pane-350-preview.png') });
      }
    }
    expect(await preview.evaluate((el) => el.scrollLeft)).toBeGreaterThan(300);
  });

  it('fits every section tab’s label in Chinese and English', async () => {
    for (const lang of ['zh', 'en'] as const) {
      await openPage(page, url(`lang=${lang}`));
      const tabs = page.locator('[data-testid^="section-"]');
      expect(await tabs.count()).toBeGreaterThanOrEqual(3);
      expect({ lang, clipped: await clippedTabs(page) }).toEqual({ lang, clipped: [] });
      if (lang === 'en') {
        await page.mouse.move(0, 0);
        await page.screenshot({ path: path.join(SHOTS, 'pane-350-en.png') });
      }
    }
  });

  it('takes the dark-theme screenshot', async () => {
    await openPage(page, url('lang=zh&theme=dark'));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'taskpane-dark.png') });
    for (const f of ['taskpane-light.png', 'taskpane-dark.png', 'pane-350-preview.png', 'pane-350-en.png']) expect(fs.statSync(path.join(SHOTS, f)).size).toBeGreaterThan(10000);
  });
});

/**
 * The standalone page's 专家评分 and 培育跟踪 tabs in Chromium, against the CLI:
 * - a nomination workbook (samples/sqc-2025-正确.xlsx) is opened, an expert list (5 experts of different units,
 *   one from a candidate's unit) picked; the page shows the assignment, the zip download holds every expert's
 *   workbook and the internal key file; the test fills every workbook with exceljs, the page consolidates the
 *   returned files and shows the same counts and means as `jiangxuan consolidate --format json`, and its result
 *   workbook reads back with the same ranks;
 * - a tracking workbook is generated from the same sample (one trainee per nominee) and rolled over;
 * - every request stays on the page's origin. Also takes docs/screenshots/scoring-light.png and cultivation-light.png,
 *   and at 350 px pane-350-scoring.png (the ranking's decisive columns without scrolling) and pane-350-cultivation.png.
 *
 * Run with `npm run test:e2e` (skipped by `npm test`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../support/read-file';
import { buildAll, foreignRequests, launch, ROOT, startServer, type Browser, type Server } from './harness';

const describeE2E = process.env.JIANGXUAN_E2E === '1' ? describe : describe.skip;
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const SAMPLE = path.join(ROOT, 'samples', 'sqc-2025-正确.xlsx');

/** The panel (expert list) used throughout: five experts of five units; 赵强 works where one candidate does. */
const EXPERTS: [string, string, string][] = [
  ['王建国', '上海交通大学', 'wangjg@example.com'],
  ['李红', '同济大学', ''],
  ['赵强', '上海申联制药股份有限公司', ''],
  ['孙丽', '华东理工大学', ''],
  ['周明', '上海市质量协会', ''],
];

interface CliCandidate {
  code: string;
  name: string;
  count: number;
  mean: number | null;
  trimmedMean: number | null;
  sd: number | null;
  rank: number | null;
  shortlisted: boolean;
}

/** `jiangxuan consolidate <files> --program sqc-2025 --format json` on the same files. */
function cliConsolidate(files: string[], out: string, top: number): { candidates: CliCandidate[]; summary: { accepted: number; rejected: number } } {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin', 'jiangxuan.js'), 'consolidate', ...files, '--program', 'sqc-2025', '--format', 'json', '--out', out, '--top', String(top)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`consolidate exited ${r.status}: ${r.stderr}\n${r.stdout}`);
  return JSON.parse(r.stdout);
}

async function expertsWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家名单');
  ws.addRow(['2025 年书面初评专家']);
  ws.addRow(['姓名', '单位', '邮箱']);
  for (const e of EXPERTS) ws.addRow(e);
  await wb.xlsx.writeFile(file);
}

/**
 * An expert filling in their workbook: every candidate row gets five criterion scores on the 0.5 step (different
 * per expert and candidate, so the ranking is not trivial) and a recommendation; saved by exceljs as Excel would.
 */
async function fill(bytes: Buffer, expertIndex: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('评分表')!;
  const header = Array.from(ws.getRow(3).values as unknown[], (v) => (typeof v === 'string' ? v : ''));
  const first = header.findIndex((h) => h.startsWith('引领力'));
  const recommend = header.findIndex((h) => h.startsWith('是否推荐'));
  expect(first).toBeGreaterThan(0);
  ws.eachRow((row, n) => {
    const code = row.getCell(1).value;
    if (n < 4 || typeof code !== 'string' || !/^C\d+$/.test(code)) return;
    const c = Number(code.slice(1));
    // Each candidate has a level; experts differ by up to ±1 point per criterion; 李红 marks C005 far down.
    const level = [0, 16, 14.5, 17, 13, 15.5, 12.5, 16.5, 14][c] ?? 15;
    for (let k = 0; k < 5; k++) row.getCell(first + k).value = expertIndex === 1 && c === 5 ? 8 : level + (((expertIndex * 2 + c) % 5) - 2) * 0.5 + (k === expertIndex ? 0.5 : 0);
    // 孙丽 forgets one recommendation: a warning on her file, her scores still count.
    if (!(expertIndex === 3 && c === 2)) row.getCell(recommend).value = (c + expertIndex) % 3 === 0 ? '不推荐' : '推荐';
  });
  wb.modified = new Date(Date.UTC(2025, 3, 1, 9, expertIndex, 0));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * A stand-in office.js for the task pane: Excel with the given sheets open (values only), batched like the real
 * API (queued until context.sync()), insertWorksheetsFromBase64 and Excel.createWorkbook recorded in
 * window.__excel, and the requirement sets the test asks for (window.__api113 toggles ExcelApi 1.13).
 */
function officeStandIn(sheets: { name: string; rows: unknown[][]; merges: { top: number; left: number; bottom: number; right: number }[] }[]): string {
  const data = sheets.map((sh) => ({
    name: sh.name,
    // Empty rows are holes in the grid (core/model/grid.ts); the stand-in gets them as empty rows.
    rows: Array.from(sh.rows, (r) => (r ?? []).map((v) => (v instanceof Date ? { date: v.getTime() / 86400000 + 25569 } : v))),
    merges: sh.merges,
  }));
  return `(() => {
  const sheets = ${JSON.stringify(data)};
  window.__excel = { inserted: [], created: [] };
  window.__api113 = true;
  const typeOf = (v) => v === null || v === undefined || v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : v && typeof v === 'object' && 'error' in v ? 'Error' : 'String';
  function context() {
    const queue = [];
    const later = (f) => queue.push(f);
    const proxy = (sh) => {
      const ws = { name: sh.name, visibility: 'Visible', id: sh.id || sh.name };
      ws.load = () => ws;
      ws.activate = () => later(() => (window.__excel.activated = sh.name));
      ws.getUsedRangeOrNullObject = () => {
        const r = { load() { later(() => {
          const width = Math.max(0, ...(sh.rows || []).map((x) => x.length));
          Object.assign(r, { isNullObject: !sh.rows || !sh.rows.length || !width, rowIndex: 0, columnIndex: 0, rowCount: (sh.rows || []).length, columnCount: width });
        }); return r; } };
        return r;
      };
      ws.getRangeByIndexes = (top, left, rows, cols) => {
        const r = { load() { later(() => {
          const cells = [];
          for (let i = 0; i < rows; i++) { const row = []; for (let j = 0; j < cols; j++) row.push((sh.rows[top + i] || [])[left + j] ?? ''); cells.push(row); }
          r.values = cells.map((row) => row.map((v) => (v && typeof v === 'object' ? ('date' in v ? v.date : v.error) : v)));
          r.valueTypes = cells.map((row) => row.map((v) => (v && typeof v === 'object' && 'date' in v ? 'Double' : typeOf(v))));
          r.numberFormat = cells.map((row) => row.map((v) => (v && typeof v === 'object' && 'date' in v ? 'yyyy/m/d' : 'General')));
        }); return r; } };
        return r;
      };
      const col = (c) => { let s = ''; for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
      ws.getUsedRange = () => ({
        getMergedAreasOrNullObject: () => {
          const a = { load() { later(() => {
            const list = sh.merges || [];
            a.isNullObject = !list.length;
            a.areas = { items: list.map((m) => ({ address: "'" + sh.name + "'!" + col(m.left) + (m.top + 1) + ':' + col(m.right) + (m.bottom + 1) })) };
          }); return a; } };
          return a;
        },
      });
      Object.defineProperty(ws, 'name', { get: () => sh.name, set: (v) => later(() => (sh.name = v)), enumerable: true });
      return ws;
    };
    const worksheets = {
      items: [],
      load() { later(() => (worksheets.items = sheets.map(proxy))); return worksheets; },
      getItem(key) { const sh = sheets.find((x) => x.name === key || x.id === key); if (!sh) throw new Error('no sheet ' + key); return proxy(sh); },
    };
    // The add-in's document setting (none here: nothing was written before).
    const settings = { getItemOrNullObject() { const s = { isNullObject: true, load() { return s; } }; return s; } };
    return {
      workbook: {
        worksheets,
        settings,
        insertWorksheetsFromBase64(base64, options) {
          const result = {};
          later(() => {
            const ids = options.sheetNamesToInsert.map((n, i) => { const id = 'inserted' + sheets.length + '-' + i; sheets.push({ name: n, id, rows: [] }); return id; });
            window.__excel.inserted.push({ base64, options });
            result.value = ids;
          });
          return result;
        },
      },
      sync: async () => { for (const f of queue.splice(0)) f(); },
    };
  }
  window.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
    context: {
      displayLanguage: 'zh-CN',
      platform: 'PC',
      officeTheme: { bodyBackgroundColor: '#ffffff' },
      requirements: { isSetSupported: (set, v) => set === 'ExcelApi' && (v !== '1.13' || window.__api113) },
    },
  };
  window.Excel = {
    run: (a, b) => (typeof a === 'function' ? a : b)(context()),
    createWorkbook: async (base64) => { window.__excel.created.push(base64); },
  };
})();`;
}

async function section(page: Page, id: 'check' | 'scoring' | 'cultivation'): Promise<void> {
  await page.getByTestId(`section-${id}`).click();
}

/** Waits until an element's data-busy is "false" (and, for the consolidation, a run after `runs` has ended). */
async function idle(page: Page, testId: string, runsAfter?: number): Promise<void> {
  await page.waitForFunction(
    ([id, after]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (!el || el.getAttribute('data-busy') !== 'false') return false;
      return after === null || Number(el.getAttribute('data-runs')) > (after as number);
    },
    [testId, runsAfter ?? null] as const,
    { timeout: 60000 },
  );
}

async function saveDownload(page: Page, click: () => Promise<void>, to: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), click()]);
  const file = path.join(to, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

describeE2E('standalone page: expert scoring and cultivation', () => {
  let server: Server;
  let browser: Browser;
  let tmp: string;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-sc-'));
    buildAll();
    server = await startServer();
    browser = await launch();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/taskpane.html?lang=zh&theme=light&sample=0`);
    await page.getByTestId('app').waitFor();
    // The nomination workbook: opened as in 校验, checked there, then used by the other tabs.
    await page.getByTestId('file-input').setInputFiles(SAMPLE);
    await page.getByTestId('file-name').filter({ hasText: path.basename(SAMPLE) }).waitFor({ timeout: 30000 });
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(() => {
    // Everything happened in the page: no request left its origin (exceljs and jszip come from it too).
    expect(foreignRequests(browser.requests, server.origin)).toEqual([]);
    expect(errors).toEqual([]);
  });

  let keyFile: string;
  let sheets: string[];
  let expertsFile: string;

  it('generates every expert’s score sheet and the internal key file as one zip, avoiding the candidate’s own unit', async () => {
    await section(page, 'scoring');
    await page.getByTestId('candidates-info').waitFor({ timeout: 30000 });
    await expect(page.getByTestId('candidates-info').textContent()).resolves.toMatch(/候选人 8 名/);
    expertsFile = path.join(tmp, '专家名单.xlsx');
    await expertsWorkbook(expertsFile);
    await page.getByTestId('experts-input').setInputFiles(expertsFile);
    await page.getByTestId('assignment-summary').waitFor({ timeout: 30000 });
    await expect(page.getByTestId('assignment-summary').textContent()).resolves.toBe('候选人 8 名 · 专家 5 位 · 同单位回避 1 对');
    const perExpert = await page.getByTestId('assignment-row').allTextContents();
    expect(perExpert).toHaveLength(5);
    expect(perExpert[2]).toMatch(/赵强.*7$/);
    await idle(page, 'generate');

    const zipFile = await saveDownload(page, () => page.getByTestId('download-scoresheets').click(), tmp);
    expect(path.basename(zipFile)).toBe('评分表-书面初评.zip');
    // The tools ran off the page's thread (hosts/tools-worker.ts).
    expect(await page.evaluate(() => (window as unknown as { __jiangxuanToolsPath?: string }).__jiangxuanToolsPath)).toBe('worker');
    await page.getByTestId('scoresheets-done').waitFor();
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
    // The key in a folder of its own, named so that nobody sends it; the experts' sheets in 评分表/.
    const key = names.filter((n) => n.includes('评分安排'));
    expect(key).toEqual(['评分安排（内部，勿外发）/评分安排-书面初评（内部，勿外发）.xlsx']);
    expect(names.filter((n) => n.startsWith('评分表/')).sort()).toEqual(EXPERTS.map((e) => `评分表/评分表-${e[0]}-书面初评.xlsx`).sort());

    // Each expert fills their own workbook; the returned files and the key go back to the page.
    const returned = path.join(tmp, 'returned');
    fs.mkdirSync(returned);
    sheets = [];
    for (const [i, e] of EXPERTS.entries()) {
      const name = `评分表-${e[0]}-书面初评.xlsx`;
      const file = path.join(returned, name);
      fs.writeFileSync(file, await fill(await zip.file(`评分表/${name}`)!.async('nodebuffer'), i));
      sheets.push(file);
    }
    keyFile = path.join(returned, path.basename(key[0]));
    fs.writeFileSync(keyFile, await zip.file(key[0])!.async('nodebuffer'));
  });

  it('consolidates the returned files exactly as `jiangxuan consolidate` does, and the result workbook reads back', async () => {
    await page.getByTestId('tab-consolidate').click();
    // Without the key file the page does not consolidate, and says what to do; ticked, the round says it is unverified.
    await page.getByTestId('returned-input').setInputFiles(sheets);
    await idle(page, 'consolidate', 0);
    await expect(page.getByTestId('consolidate-error').textContent()).resolves.toMatch(/没有本轮的评分安排文件.*勾选“没有评分安排文件，仍然汇总”/);
    const beforeNoKey = Number(await page.getByTestId('consolidate').getAttribute('data-runs'));
    await page.getByTestId('no-key').click();
    await idle(page, 'consolidate', beforeNoKey);
    await expect(page.getByTestId('verification').getAttribute('data-verified')).resolves.toBe('false');
    await expect(page.getByTestId('verification').textContent()).resolves.toMatch(/^来源未核实/);
    const beforeKey = Number(await page.getByTestId('consolidate').getAttribute('data-runs'));
    await page.getByTestId('no-key').click();
    await idle(page, 'consolidate', beforeKey);
    const beforeFiles = Number(await page.getByTestId('consolidate').getAttribute('data-runs'));
    await page.getByTestId('returned-input').setInputFiles([...sheets, keyFile]);
    await idle(page, 'consolidate', beforeFiles);
    await page.getByTestId('ranking').waitFor();
    await expect(page.getByTestId('verification').getAttribute('data-verified')).resolves.toBe('true');
    // Every file is listed, the counted ones too.
    const fileRows = await page.getByTestId('file-row').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-file'), tr.getAttribute('data-status')]));
    expect(fileRows).toEqual([...EXPERTS.map((e) => [`评分表-${e[0]}-书面初评.xlsx`, 'accepted']), [path.basename(keyFile), 'key']]);
    const top = Number(await page.getByTestId('top-n').inputValue());
    expect(top).toBe(4);

    const cli = cliConsolidate([...sheets, keyFile], path.join(tmp, 'cli-result.xlsx'), top);
    expect(cli.summary).toMatchObject({ accepted: 5, rejected: 0 });
    const rows = page.getByTestId('ranking-row');
    expect(await rows.count()).toBe(cli.candidates.length);
    expect(cli.candidates).toHaveLength(8);
    const r4 = (v: string | null) => (v === null || v === '' ? null : Math.round(Number(v) * 1e4) / 1e4);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        code: tr.getAttribute('data-code'),
        rank: tr.getAttribute('data-rank'),
        count: tr.getAttribute('data-count'),
        mean: tr.getAttribute('data-mean'),
        trimmed: tr.getAttribute('data-trimmed'),
        sd: tr.getAttribute('data-sd'),
        shortlisted: tr.getAttribute('data-shortlisted'),
      })),
    );
    expect(
      shown.map((x) => ({ code: x.code, rank: Number(x.rank), count: Number(x.count), mean: r4(x.mean), trimmedMean: r4(x.trimmed), sd: r4(x.sd), shortlisted: x.shortlisted === 'true' })),
    ).toEqual(cli.candidates.map((c) => ({ code: c.code, rank: c.rank, count: c.count, mean: c.mean, trimmedMean: c.trimmedMean, sd: c.sd, shortlisted: c.shortlisted })));
    // 赵强 avoided the candidate of his own unit: that candidate has 4 scores, the others 5.
    expect(shown.map((x) => Number(x.count)).sort()).toEqual([4, 5, 5, 5, 5, 5, 5, 5]);
    await expect(page.getByTestId('agreement').textContent()).resolves.toMatch(/Kendall W = \d\.\d{3}/);
    await expect(page.getByTestId('file-tally').textContent()).resolves.toMatch(/有效 5 份 · 退回 0 份/);
    // Problems per file: 孙丽's missing recommendation, with her file named.
    const group = page.getByTestId('problem-group');
    expect(await group.count()).toBe(1);
    await expect(group.getAttribute('data-file')).resolves.toBe('评分表-孙丽-书面初评.xlsx');
    await expect(group.getByTestId('scoring-problem').getAttribute('data-code')).resolves.toBe('recommend.missing');

    // A smaller shortlist: re-ranked with the same code (a tie at the cut would make it longer).
    const before = Number(await page.getByTestId('consolidate').getAttribute('data-runs'));
    await page.getByTestId('top-n').fill('2');
    await idle(page, 'consolidate', before);
    const cli2 = cliConsolidate([...sheets, keyFile], path.join(tmp, 'cli-result2.xlsx'), 2);
    const marked = await page.locator('[data-testid="ranking-row"][data-shortlisted="true"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
    expect(marked).toEqual(cli2.candidates.filter((c) => c.shortlisted).map((c) => c.code));

    const result = await saveDownload(page, () => page.getByTestId('download-results').click(), tmp);
    expect(path.basename(result)).toBe('评分结果-书面初评.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    const summary = wb.getWorksheet('结果汇总');
    expect(summary).toBeDefined();
    // The ranking sheet: rank (a RANK() formula with its cached result) and the code of every candidate.
    const ranks = new Map<string, number>();
    summary!.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1);
      const code = cells.find((v) => typeof v === 'string' && /^C\d{3}$/.test(v)) as string | undefined;
      const rank = cells[0] as { result?: unknown } | number | undefined;
      const value = typeof rank === 'number' ? rank : typeof rank === 'object' && rank && typeof rank.result === 'number' ? rank.result : undefined;
      if (code && value !== undefined) ranks.set(code, value);
    });
    expect(Object.fromEntries(ranks)).toEqual(Object.fromEntries(cli2.candidates.map((c) => [c.code, c.rank])));

    // 定稿: a frozen copy, its hash shown on the page and written in the copy.
    const final = await saveDownload(page, () => page.getByTestId('finalize').click(), tmp);
    expect(path.basename(final)).toBe('评分结果-书面初评-定稿.xlsx');
    const hash = /（SHA-256）：([0-9a-f]{64})/.exec((await page.getByTestId('results-notice').textContent()) ?? '')![1];
    const frozen = new ExcelJS.Workbook();
    await frozen.xlsx.readFile(final);
    expect(frozen.getWorksheet('结果汇总')!.getSheetValues().flat()).toContainEqual(expect.stringContaining(hash));
  });

  it('generates the cultivation tracking workbook from the open nominee list, and rolls one over', async () => {
    await section(page, 'cultivation');
    await expect(page.getByTestId('tracking-year').inputValue()).resolves.toBe('2026');
    await expect(page.getByTestId('tracking-start').inputValue()).resolves.toBe('2026-01-01');
    await idle(page, 'cultivation');
    const file = await saveDownload(page, () => page.getByTestId('download-tracking').click(), tmp);
    expect(path.basename(file)).toBe('培育跟踪2026.xlsx');
    await expect(page.getByTestId('tracking-result').textContent()).resolves.toMatch(/培育对象 8 人/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const name of ['培育对象清单', '仪表盘']) expect(wb.getWorksheet(name)).toBeDefined();
    const list = wb.getWorksheet('培育对象清单')!;
    let trainees = 0;
    list.eachRow((row, n) => {
      if (n > 2 && typeof row.getCell(1).value === 'string' && String(row.getCell(1).value).trim()) trainees++;
    });
    expect(trainees).toBe(8);

    // Rollover: mark two trainees 继续培育 (as staff would at year end) and ask for next year's workbook.
    const status = (list.getRow(2).values as unknown[]).findIndex((v) => v === '培育状态');
    expect(status).toBeGreaterThan(0);
    list.getCell(3, status).value = '继续培育';
    list.getCell(4, status).value = '继续培育';
    list.getCell(5, status).value = '已认定';
    const filled = path.join(tmp, '培育跟踪2026-已填写.xlsx');
    await wb.xlsx.writeFile(filled);
    await page.getByTestId('rollover-input').setInputFiles(filled);
    await page.getByTestId('rollover-report').waitFor({ timeout: 30000 });
    await expect(page.getByTestId('rollover-year').inputValue()).resolves.toBe('2027');
    await expect(page.getByTestId('rollover-report').textContent()).resolves.toMatch(/原培育对象清单 8 人，其中“继续培育” 2 人结转/);
    const next = await saveDownload(page, () => page.getByTestId('download-rollover').click(), tmp);
    expect(path.basename(next)).toBe('培育跟踪2027.xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(next);
    let carried = 0;
    wb2.getWorksheet('培育对象清单')!.eachRow((row, n) => {
      if (n > 2 && typeof row.getCell(1).value === 'string') carried++;
    });
    expect(carried).toBe(2);
    await expect(page.getByTestId('cultivation-check-hint').textContent()).resolves.toContain('质量工匠培育 2026');
  });

  it('inside Excel (a stand-in office.js): reads the open workbook, writes the result sheets into it, opens the tracking workbook as a new one', async () => {
    const grid = await readWorkbookFile(SAMPLE);
    const p = await browser.context.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    await p.setViewportSize({ width: 400, height: 900 });
    await p.route(`${server.origin}/office-js/office.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: officeStandIn(grid.sheets) }));
    await p.goto(`${server.origin}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await p.getByTestId('app').waitFor();
    await expect(p.getByTestId('app').getAttribute('data-mode')).resolves.toBe('office');

    // Candidates come from what Excel has open (the grid the Office.js adapter reads), not from a file.
    await p.getByTestId('section-scoring').click();
    await p.getByTestId('candidates-info').waitFor({ timeout: 30000 });
    await expect(p.getByTestId('candidates-info').textContent()).resolves.toMatch(/^候选人 8 名：当前工作簿 工作表“申报信息”/);
    await p.getByTestId('experts-input').setInputFiles(expertsFile);
    await expect(p.getByTestId('assignment-summary').textContent()).resolves.toBe('候选人 8 名 · 专家 5 位 · 同单位回避 1 对');
    await idle(p, 'generate');
    const zipFile = await saveDownload(p, () => p.getByTestId('download-scoresheets').click(), fs.mkdtempSync(path.join(tmp, 'office-')));
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    expect(Object.keys(zip.files).filter((n) => !zip.files[n].dir)).toHaveLength(EXPERTS.length + 1);

    // The result sheets go into the open workbook, named after the round.
    await p.getByTestId('tab-consolidate').click();
    await p.getByTestId('returned-input').setInputFiles([...sheets, keyFile]);
    await idle(p, 'consolidate', 0);
    await p.getByTestId('write-results').click();
    const notice = p.getByTestId('results-notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('已写入当前工作簿：书面初评·结果汇总、书面初评·评分明细');
    if (process.env.JIANGXUAN_E2E_KEEP_DIR) await p.screenshot({ path: path.join(process.env.JIANGXUAN_E2E_KEEP_DIR, 'office-scoring.png'), fullPage: true });
    const inserted = await p.evaluate(() => (window as unknown as { __excel: { inserted: { base64: string; options: { sheetNamesToInsert: string[] } }[] } }).__excel.inserted);
    expect(inserted).toHaveLength(1);
    expect(inserted[0].options.sheetNamesToInsert).toEqual([
      '结果汇总',
      '评分明细',
      '总分矩阵',
      '专家分析',
      '回避情况',
      '问题清单',
      '文件清单',
      '分数分布',
      '分数分布图',
      '进度',
      '计算·标准分',
      '计算·他人均分',
      '计算·一致性',
    ]);
    const result = new ExcelJS.Workbook();
    await result.xlsx.load(Buffer.from(inserted[0].base64, 'base64') as unknown as ArrayBuffer);
    expect(result.getWorksheet('结果汇总')).toBeDefined();

    // An Excel without ExcelApi 1.13: the result workbook is downloaded instead, and the pane says why.
    await p.evaluate(() => ((window as unknown as { __api113: boolean }).__api113 = false));
    const fallback = await saveDownload(p, () => p.getByTestId('write-results').click(), tmp);
    expect(path.basename(fallback)).toBe('评分结果-书面初评.xlsx');
    await expect(notice.textContent()).resolves.toContain('ExcelApi 1.13');

    // Cultivation: the tracking workbook opens as a new workbook in Excel.
    await p.getByTestId('section-cultivation').click();
    await p.getByTestId('open-tracking').click();
    await expect(p.getByTestId('tracking-result').textContent()).resolves.toMatch(/培育对象 8 人.*新窗口/);
    if (process.env.JIANGXUAN_E2E_KEEP_DIR) await p.screenshot({ path: path.join(process.env.JIANGXUAN_E2E_KEEP_DIR, 'office-cultivation.png') });
    const created = await p.evaluate(() => (window as unknown as { __excel: { created: string[] } }).__excel.created);
    expect(created).toHaveLength(1);
    const tracking = new ExcelJS.Workbook();
    await tracking.xlsx.load(Buffer.from(created[0], 'base64') as unknown as ArrayBuffer);
    expect(tracking.getWorksheet('培育对象清单')?.getCell('A3').value).toBe(grid.sheets.find((x) => x.name === '申报信息')!.rows[2][1]);
    await p.close();
  });

  it('takes the screenshots of both tabs', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1280 });
    await section(page, 'scoring');
    await page.getByTestId('tab-consolidate').click();
    await page.getByTestId('ranking').waitFor();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, 'scoring-light.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await section(page, 'cultivation');
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, 'cultivation-light.png') });
    for (const f of ['scoring-light.png', 'cultivation-light.png']) expect(fs.statSync(path.join(SHOTS, f)).size).toBeGreaterThan(10000);
  });

  it('at 350 px shows what decides the ranking without scrolling sideways, the other columns on demand', async () => {
    await page.setViewportSize({ width: 350, height: 760 });
    await section(page, 'scoring');
    await page.getByTestId('tab-consolidate').click();
    const table = page.getByTestId('ranking');
    await table.waitFor();
    await expect(table.getAttribute('data-columns')).resolves.toBe('ranking');
    const fits = () => table.evaluate((t) => ({ scroll: t.parentElement!.scrollWidth, client: t.parentElement!.clientWidth }));
    const wide = await fits();
    expect(wide.scroll).toBeLessThanOrEqual(wide.client);
    // Rank, name, 去极值平均 and the shortlist badge lie inside the pane, without scrolling.
    const pane = (await table.locator('xpath=..').boundingBox())!;
    const inside = async (loc: ReturnType<Page['locator']>) => {
      const b = (await loc.boundingBox())!;
      return b.x >= pane.x - 0.5 && b.x + b.width <= pane.x + pane.width + 0.5;
    };
    await expect(inside(page.getByTestId('ranking-trimmed-head'))).resolves.toBe(true);
    await expect(inside(page.getByTestId('ranking-trimmed').first())).resolves.toBe(true);
    const badge = table.getByTestId('shortlisted').first();
    await expect(badge.isVisible()).resolves.toBe(true);
    await expect(inside(badge)).resolves.toBe(true);
    await table.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'pane-350-scoring.png') });
    // 显示全部列: every column, the table then scrolls sideways.
    await page.getByTestId('ranking-columns').click();
    await expect(table.getAttribute('data-columns')).resolves.toBe('all');
    await expect(table.locator('th').allTextContents()).resolves.toEqual(expect.arrayContaining(['平均分', '标准差', '份数']));
    await page.getByTestId('ranking-columns').click();
    // The experts' assignment (expert, unit, candidates) fits too.
    await page.getByTestId('tab-generate').click();
    const assignment = page.getByTestId('assignment-table');
    await assignment.waitFor();
    const a = await assignment.evaluate((t) => ({ scroll: t.parentElement!.scrollWidth, client: t.parentElement!.clientWidth }));
    expect(a.scroll).toBeLessThanOrEqual(a.client);
    await page.getByTestId('tab-consolidate').click();
    await section(page, 'cultivation');
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, 'pane-350-cultivation.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

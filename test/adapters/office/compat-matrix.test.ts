/// <reference types="office-js" />
/**
 * Every task-pane and ribbon action, run through the pane's Office host and the ribbon's command code against the
 * strict simulation at each Excel the officers may have (ExcelApi 1.7 = Excel 2019, 1.9, 1.10, 1.14 = Excel 2021,
 * 1.17 = Excel 2024). It must be green at 1.10, 1.14 and 1.17 and, at 1.7 and 1.9, degrade with a message in
 * words (never Excel's ApiNotFound). The table in docs/addin.md is this run's result: the test fails when the doc
 * says something else, and prints the table it should have.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbookBytes } from '../../../src/adapters/files/read-workbook';
import { OfficeHost } from '../../../src/taskpane/hosts/office-host';
import { isHostError, type CheckOutcome } from '../../../src/taskpane/hosts/workbook-host';
import { runClearMarks, runValidateSheet } from '../../../src/commands/commands';
import type { Localized } from '../../../src/core/model/findings';
import { ExcelSim, HOSTS } from './sim';
import { HOST_VERSIONS, sampleGrid, simFromGrid } from './helpers';

const DOC = path.join(__dirname, '../../../docs/addin.md');
const AS_OF = '2025-03-01';

interface Status {
  ok: boolean;
  /** Short words for the table: how it worked (fallback) or why not. */
  how?: string;
  /** The message the user sees when it does not work (or works differently). */
  message?: Localized;
}

interface Env {
  sim: ExcelSim;
  host: OfficeHost;
  outcome: CheckOutcome;
}

function failed(e: unknown): Status {
  if (isHostError(e)) {
    const need = /ExcelApi 1\.(\d+)/.exec(e.localized.zh)?.[0];
    return { ok: false, message: e.localized, how: need ? `需 ${need}` : e.localized.zh };
  }
  throw e;
}

async function settled(env: Env, stop: () => Promise<void>): Promise<void> {
  await env.sim.settle();
  await new Promise((r) => setTimeout(r, 900));
  await env.sim.settle();
  await stop();
}

/** Live re-checking as the pane starts it; `act` is what the user does; resolves to whether a result came. */
async function live(env: Env, mark: boolean, act: (env: Env) => void): Promise<Status> {
  const caps = env.host.capabilities();
  if (!caps.live) return { ok: false, how: `需 ExcelApi 1.9`, message: caps.limits.find((l) => l.zh.includes('修改后自动复查')) };
  const results: CheckOutcome[] = [];
  const errors: unknown[] = [];
  const stop = env.host.startLive(env.outcome, { lang: 'zh', markCells: mark }, (o) => results.push(o), (e) => errors.push(e));
  await env.sim.settle();
  await new Promise((r) => setTimeout(r, 20));
  act(env);
  await settled(env, stop);
  if (errors.length) return failed(errors[0]);
  return results.length ? { ok: true } : { ok: false };
}

function fixPhone(env: Env): void {
  const f = env.outcome.result.findings.find((x) => x.rule.startsWith('phone.') && x.sheet === '申报信息')!;
  env.sim.wb.edit(f.sheet, f.cell, '13812345678');
}

async function xlsx(names: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const n of names) wb.addWorksheet(n).getCell('A1').value = n;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const ACTIONS: { zh: string; run(env: Env): Promise<Status> }[] = [
  {
    zh: '打开面板，识别评选项目',
    run: async (env) => {
      const d = await env.host.detect();
      const limits = env.host.capabilities().limits;
      const message = { zh: limits.map((l) => l.zh).join('\n'), en: limits.map((l) => l.en).join('\n') };
      return d?.profile.id === 'sqc-2025' ? (limits.length ? { ok: true, how: '说明本机 Excel 的限制', message } : { ok: true }) : { ok: false };
    },
  },
  {
    zh: '校验（问题只列在面板中，不写入）',
    run: async (env) => {
      const o = await env.host.check({ lang: 'zh', asOf: AS_OF });
      const merges = (o as CheckOutcome & { office?: { merges: string } }).office?.merges;
      if (env.sim.host.undoClears.length) return { ok: false, how: '写入了工作簿' };
      return merges === 'file' ? { ok: true, how: '合并单元格从文件读取' } : { ok: true };
    },
  },
  {
    zh: '校验并在单元格上标注',
    run: async (env) => {
      const o = await env.host.check({ lang: 'zh', asOf: AS_OF, markCells: true });
      const f = o.result.findings[0];
      if (o.notes?.length) return { ok: false, how: '需 ExcelApi 1.9', message: o.notes[0] };
      return env.sim.wb.sheet(f.sheet).shownFill(f.cell) !== 'none' ? { ok: true } : { ok: false };
    },
  },
  {
    zh: '写入“校验结果”工作表',
    run: async (env) => {
      const o = await env.host.check({ lang: 'zh', asOf: AS_OF, writeResultsSheet: true });
      if (o.notes?.length) return { ok: false, how: '需 ExcelApi 1.9', message: o.notes[0] };
      return env.sim.wb.sheets.some((s) => s.name === '校验结果') ? { ok: true } : { ok: false };
    },
  },
  {
    zh: '清除标注',
    run: async (env) => {
      // Marks written by a newer Excel (the same file opened here) are removed too.
      const newer = new ExcelSim({ api: 17 }, env.sim.wb);
      await newer.with(() => new OfficeHost().check({ lang: 'zh', asOf: AS_OF, markCells: true, writeResultsSheet: true }));
      const left = await env.host.clearMarks();
      const clean = env.sim.wb.sheets.every((s) => !s.cfs.length) && !env.sim.wb.sheets.some((s) => s.name === '校验结果');
      return !left && clean ? { ok: true } : { ok: false };
    },
  },
  {
    zh: '点击问题定位到单元格',
    run: async (env) => {
      const f = env.outcome.result.findings[3];
      await env.host.reveal(f);
      return env.sim.wb.sheet(f.sheet).selected === f.cell ? { ok: true } : { ok: false };
    },
  },
  {
    zh: '设置输入规则（下拉列表等）',
    run: async (env) => {
      if (!env.host.capabilities().inputRules) return failed(await env.host.applyInputRules(env.outcome).catch((e: unknown) => e));
      await env.host.applyInputRules(env.outcome);
      return env.sim.wb.sheet('申报信息').validations.length ? { ok: true } : { ok: false };
    },
  },
  {
    zh: '打印设置',
    run: async (env) => {
      if (!env.host.capabilities().printing) return failed(await env.host.setupPrinting(env.outcome, 'zh').catch((e: unknown) => e));
      await env.host.setupPrinting(env.outcome, 'zh');
      return env.sim.wb.sheet('推荐汇总表').pageLayout.orientation === 'Landscape' ? { ok: true } : { ok: false };
    },
  },
  { zh: '修改后自动复查（只更新面板）', run: (env) => live(env, false, fixPhone) },
  { zh: '修改后自动复查并更新标注', run: (env) => live(env, true, fixPhone) },
  {
    zh: '排序后自动复查',
    run: async (env) => {
      const caps = env.host.capabilities();
      if (!caps.live) return { ok: false, how: '需 ExcelApi 1.9' };
      const t = env.outcome.result.recognized.find((x) => x.sheet.name === '申报信息')!;
      const s = await live(env, false, (e) => e.sim.wb.sortRows('申报信息', { top: t.dataRows[0], left: 0, bottom: t.dataRows[t.dataRows.length - 1], right: 50 }, 2, true));
      if (s.ok) return s;
      return caps.liveFollowsSorts ? s : { ok: false, how: '需 ExcelApi 1.10，面板提示重新校验', message: caps.limits.find((l) => l.zh.includes('排序')) };
    },
  },
  {
    zh: '正在编辑单元格时复查（修改不丢失）',
    run: async (env) => {
      const s = await live(env, false, (e) => {
        fixPhone(e);
        e.sim.host.enterCellEdit();
        setTimeout(() => e.sim.host.exitCellEdit(), 100);
      });
      if (!s.ok) return s;
      return env.sim.host.supports('ExcelApi 1.11') ? { ok: true } : { ok: true, how: '编辑结束后重试' };
    },
  },
  {
    zh: '专家评分、培育跟踪读取当前工作簿',
    run: async (env) => {
      const src = await env.host.source();
      return src.grid?.sheets.length ? (env.sim.host.supports('ExcelApi 1.13') ? { ok: true } : { ok: true, how: '合并单元格从文件读取' }) : { ok: false };
    },
  },
  {
    zh: '评分结果写入当前工作簿',
    run: async (env) => {
      if (!env.host.canInsertSheets()) return { ok: true, how: '改为下载文件（需 1.13）' };
      const names = await env.host.insertSheets(await xlsx(['结果汇总']), { sheetNames: ['结果汇总'], sheetNamePrefix: '书面初评·' });
      return names[0] === '书面初评·结果汇总' ? { ok: true } : { ok: false };
    },
  },
  {
    zh: '在 Excel 中打开培育跟踪工作簿',
    run: async (env) => {
      if (!env.host.canOpenWorkbook()) return { ok: true, how: '改为下载文件（需 1.8）' };
      await env.host.openWorkbook(await xlsx(['培育对象清单']));
      return env.sim.created.length === 1 ? { ok: true } : { ok: false };
    },
  },
  {
    zh: '功能区“校验本表”',
    run: async () => {
      const n = await runValidateSheet('zh');
      if (n.title.startsWith('无法')) return { ok: false, how: n.text };
      return /不能“在单元格上标注”/.test(n.text) ? { ok: false, how: '只校验，提示需 ExcelApi 1.9', message: { zh: n.text, en: n.text } } : { ok: true };
    },
  },
  {
    zh: '功能区“清除标注”',
    run: async (env) => {
      const newer = new ExcelSim({ api: 17 }, env.sim.wb);
      await newer.with(() => runValidateSheet('zh'));
      const n = await runClearMarks('zh');
      return !n && env.sim.wb.sheets.every((s) => !s.cfs.length) ? { ok: true } : { ok: false, how: n?.text };
    },
  },
];

async function runAll(api: number): Promise<Status[]> {
  const grid = await sampleGrid();
  const out: Status[] = [];
  for (const action of ACTIONS) {
    const sim = simFromGrid(grid, { api });
    const undo = sim.install();
    try {
      const host = new OfficeHost((bytes) => readWorkbookBytes(bytes, { name: 'workbook.xlsx' }));
      const outcome = await host.check({ lang: 'zh', asOf: AS_OF });
      sim.host.undoClears.length = 0;
      out.push(await action.run({ sim, host, outcome }).catch(failed));
    } finally {
      undo();
    }
  }
  return out;
}

function cell(s: Status): string {
  if (s.ok) return s.how ? `✓ ${s.how}` : '✓';
  return `✗ ${s.how ?? ''}`.trim();
}

/** The compatibility table in docs/addin.md: actions × Excel versions. */
function table(results: Map<number, Status[]>): string {
  const versions = [...results.keys()];
  const head = `| 操作 | ${versions.map((v) => HOSTS[v]).join(' | ')} |`;
  const sep = `|---|${versions.map(() => '---').join('|')}|`;
  const rows = ACTIONS.map((a, i) => `| ${a.zh} | ${versions.map((v) => cell(results.get(v)![i])).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}

describe('every pane and ribbon action on every Excel', () => {
  const results = new Map<number, Status[]>();

  beforeAll(async () => {
    for (const api of HOST_VERSIONS) results.set(api, await runAll(api));
  }, 300_000);

  it.each([10, 14, 17])('ExcelApi 1.%i: every action works', (api) => {
    const failures = results.get(api)!.map((s, i) => ({ action: ACTIONS[i].zh, ...s })).filter((s) => !s.ok);
    expect(failures).toEqual([]);
  });

  it.each([7, 9])('ExcelApi 1.%i: what does not work says so in words (never Excel’s own error)', (api) => {
    const rows = results.get(api)!.map((s, i) => ({ action: ACTIONS[i].zh, ...s }));
    const failures = rows.filter((s) => !s.ok);
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) {
      expect([f.action, f.how]).toEqual([f.action, expect.stringMatching(/ExcelApi 1\.\d+|需 /)]);
      if (f.message) expect(f.message.zh).toMatch(/Excel|重新校验/);
      expect(JSON.stringify(f)).not.toMatch(/ApiNotFound|PropertyNotLoaded|not declared/);
    }
    // What still works there: checking in the pane, going to a cell, clearing marks.
    for (const name of ['校验（问题只列在面板中，不写入）', '点击问题定位到单元格', '清除标注', '功能区“清除标注”']) {
      expect(rows.find((r) => r.action === name)).toMatchObject({ ok: true });
    }
  });

  it('ExcelApi 1.7: the pane says up front what this Excel cannot do', () => {
    expect(results.get(7)![0]).toMatchObject({ ok: true, how: '说明本机 Excel 的限制' });
    expect(results.get(7)![0].message!.zh).toMatch(/在单元格上标注.*需要 ExcelApi 1\.9/);
  });

  it('docs/addin.md has this compatibility table', () => {
    const expected = table(results);
    const doc = fs.readFileSync(DOC, 'utf8');
    const m = /<!-- compat-table:start -->\n([\s\S]*?)\n<!-- compat-table:end -->/.exec(doc);
    if (!m || m[1] !== expected) console.log(`docs/addin.md should hold, between <!-- compat-table:start --> and <!-- compat-table:end -->:\n${expected}`);
    expect(m?.[1]).toBe(expected);
  });
});

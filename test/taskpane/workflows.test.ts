/**
 * The pane's scoring and cultivation workflows (the lazily loaded chunk) on real .xlsx bytes: the same lists,
 * files and figures as the CLI's functions, bytes or an Excel grid alike, and failures worded for the pane's
 * controls instead of the CLI's options.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { consolidateScoreFiles } from '../../src/adapters/exceljs/scoring/consolidate-files';
import { consolidationJson } from '../../src/core/scoring/consolidation-report';
import { isHostError } from '../../src/taskpane/hosts/workbook-host';
import * as wf from '../../src/taskpane/tools/workflows';
import { readPickedFiles, UNREADABLE_PICK } from '../../src/taskpane/download';
import { candidatesWorkbook, even, expertsWorkbook, fillSheet } from '../scoring/helpers';

const profile = builtinProfile('sqc-2025')!;
const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'sqc-2025-正确.xlsx');
const EXPERTS = [
  ['张华', '复旦大学', null],
  ['李明', '同济大学', null],
  ['周涛', '上海交通大学', null],
  ['吴刚', '上海申联制药股份有限公司', null],
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function rejection(p: Promise<unknown>): Promise<{ kind: string; zh: string; en: string }> {
  try {
    await p;
  } catch (e) {
    if (!isHostError(e)) throw e;
    return { kind: e.kind, ...e.localized };
  }
  throw new Error('expected a failure');
}

describe('expert scoring', () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  let experts: { name: string; bytes: Uint8Array };

  beforeAll(async () => {
    experts = { name: '专家.xlsx', bytes: await expertsWorkbook(EXPERTS) };
  });

  it('finds the candidates of the open workbook, from its bytes or from the grid Excel gives', async () => {
    const fromBytes = await wf.candidateInfo(profile, { name: 'sqc-2025-正确.xlsx', bytes });
    const fromGrid = await wf.candidateInfo(profile, { name: '当前工作簿', grid: await readWorkbookBuffer(bytes) });
    expect(fromBytes).toEqual(fromGrid);
    expect(fromBytes).toMatchObject({ count: 8, hasGroups: false, source: { sheet: '申报信息', firstRow: 3, lastRow: 10 } });
  });

  it('sees a 组别 column, and words a missing one in the experts’ list for the pane', async () => {
    const sh = builtinProfile('sh-craftsman-2024')!;
    const grouped = await candidatesWorkbook(
      [
        { name: '林晓', unit: '甲公司', group: '医药' },
        { name: '王强', unit: '乙公司', group: '仪电' },
      ],
      'sh-craftsman-2024',
    );
    const source = { name: 'c.xlsx', bytes: grouped };
    expect((await wf.candidateInfo(sh, source)).hasGroups).toBe(true);
    const err = await rejection(wf.planScoring({ profile: sh, source, experts, groupBy: true }));
    expect(err.kind).toBe('no-table');
    expect(err.zh).toContain('取消“按组别分配”');
    expect(err.zh).not.toContain('--group-by');
  });

  it('plans, then zips every expert’s workbook and the internal key, as generateScoreSheets writes them', async () => {
    const source = { name: 'sqc-2025-正确.xlsx', bytes };
    const plan = await wf.planScoring({ profile, source, experts });
    expect(plan.assignment.exclusions).toHaveLength(1);
    const progress: number[] = [];
    const out = await wf.scoreSheetsZip({ profile, source, experts, blind: true, onProgress: (d) => progress.push(d) });
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(out).toMatchObject({ keyName: '评分安排-书面初评（内部，勿外发）.xlsx', keyFolder: '评分安排（内部，勿外发）' });
    const zip = await JSZip.loadAsync(out.zip);
    const files = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(files.sort()).toEqual([...out.sheets.map((s) => `评分表/${s.name}`), `${out.keyFolder}/${out.keyName}`].sort());
    expect(out.sheets.map((s) => s.candidates)).toEqual([8, 8, 8, 7]);
    // Blind: no candidate name anywhere in an expert's workbook.
    const first = await zip.file(`${out.sheets[0].folder}/${out.sheets[0].name}`)!.async('uint8array');
    const ws = (await load(first)).getWorksheet('评分表')!;
    expect(ws.getCell('A4').value).toBe('C001');
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('邓海鹏');
  });

  it('consolidates the returned files to the CLI’s figures and writes the result workbook', async () => {
    const source = { name: 'sqc-2025-正确.xlsx', bytes };
    const out = await wf.scoreSheetsZip({ profile, source, experts });
    const zip = await JSZip.loadAsync(out.zip);
    const files = await Promise.all(
      out.sheets.map(async (s, i) => {
        const sent = await zip.file(`${s.folder}/${s.name}`)!.async('uint8array');
        const fills = Object.fromEntries(Array.from({ length: 8 }, (_, c) => [`C00${c + 1}`, { criteria: even(60 + 5 * c + i * 2.5), recommend: '推荐' }]));
        return { name: s.name, bytes: await fillSheet(sent, fills) };
      }),
    );
    const key = { name: out.keyName, bytes: await zip.file(`${out.keyFolder}/${out.keyName}`)!.async('uint8array') };
    // Without the key: refused, worded for the pane's checkbox; with it ticked, the round says it is unverified.
    const refused = await rejection(wf.consolidate({ profile, files, top: 3 }));
    expect(refused.zh).toContain('勾选“没有评分安排文件，仍然汇总”');
    expect(refused.zh).not.toContain('--no-key');
    expect((await wf.consolidate({ profile, files, top: 3, allowUnverified: true })).verified).toBe(false);
    files.push(key);
    const progress: string[] = [];
    const round = await wf.consolidate({ profile, files, top: 3, onProgress: (d, t, f) => progress.push(`${d}/${t} ${f}`) });
    expect(progress).toHaveLength(files.length);
    const cli = consolidationJson(await consolidateScoreFiles({ profile, files, top: 3 }), 'zh');
    const pane = consolidationJson(round, 'zh');
    expect(pane.candidates).toEqual(cli.candidates);
    expect(pane.candidates.filter((c) => c.shortlisted).map((c) => c.code)).toEqual(['C008', 'C007', 'C006']);

    expect(round.verified).toBe(true);
    const result = await load(await wf.resultWorkbook(round, { chart: false }));
    for (const name of wf.RESULT_SHEET_NAMES) expect(result.getWorksheet(name)).toBeDefined();
    expect(result.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name)).toEqual([...wf.RESULT_SHEET_NAMES]);
    // 定稿: frozen and protected, with the hash the pane shows.
    const final = await wf.finalCopy(round);
    expect(final.hash).toMatch(/^[0-9a-f]{64}$/);
    const frozen = await load(final.bytes);
    expect(frozen.getWorksheet('结果汇总')!.getSheetValues().flat()).toContainEqual(expect.stringContaining(final.hash));
  });

  it('a picked file the browser cannot read is rejected alone with its reason; the others are consolidated', async () => {
    const source = { name: 'sqc-2025-正确.xlsx', bytes };
    const out = await wf.scoreSheetsZip({ profile, source, experts });
    const zip = await JSZip.loadAsync(out.zip);
    const picked: File[] = [];
    for (const s of out.sheets) {
      const sent = await zip.file(`${s.folder}/${s.name}`)!.async('uint8array');
      const fills = Object.fromEntries(Array.from({ length: 8 }, (_, c) => [`C00${c + 1}`, { criteria: even(60 + 5 * c), recommend: '推荐' }]));
      picked.push(new File([(await fillSheet(sent, fills)) as Uint8Array<ArrayBuffer>], s.name, { lastModified: 1 }));
    }
    const key = await zip.file(`${out.keyFolder}/${out.keyName}`)!.async('uint8array');
    picked.push(new File([key as Uint8Array<ArrayBuffer>], out.keyName, { lastModified: 1 }));
    // Moved or deleted after it was chosen: the browser's File then fails to read.
    const gone = { name: '评分表-已删除.xlsx', lastModified: 2, arrayBuffer: () => Promise.reject(new DOMException('The file could not be read', 'NotReadableError')) } as unknown as File;
    await expect(readPickedFiles([...picked, gone])).rejects.toThrow('could not be read');
    const files = await readPickedFiles([picked[0], gone, ...picked.slice(1)], undefined, { keepUnreadable: true });
    expect(files.map((f) => f.unreadable)).toEqual([undefined, UNREADABLE_PICK, ...picked.slice(1).map(() => undefined)]);
    const round = consolidationJson(await wf.consolidate({ profile, files }), 'zh');
    expect(round.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ file: '评分表-已删除.xlsx', message: expect.stringContaining('浏览器无法读取这个文件') })]);
    expect(round.candidates.every((c) => c.count > 0)).toBe(true);
  });

  it('asks to choose a round (the pane’s control, not --round) when the files hold several', async () => {
    const source = { name: 's.xlsx', bytes };
    const a = await wf.scoreSheetsZip({ profile, source, experts });
    const b = await wf.scoreSheetsZip({ profile, source, experts, round: '会审答辩' });
    const pick = async (z: Uint8Array, name: string) => ({ name, bytes: await fillSheet(await (await JSZip.loadAsync(z)).file(`评分表/${name}`)!.async('uint8array'), { C001: { criteria: even(80), recommend: '推荐' } }) });
    const files = [await pick(a.zip, a.sheets[0].name), await pick(b.zip, b.sheets[0].name)];
    const err = await rejection(wf.consolidate({ profile, files }));
    expect(err.zh).toContain('请在“轮次”中选择要汇总的轮次');
    expect(err.zh).not.toContain('--round');
  });
});

describe('cultivation', () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));

  it('creates the tracking workbook from bytes or from Excel’s grid alike', async () => {
    const a = await wf.trackingWorkbook({ source: { name: 'x.xlsx', bytes }, year: 2026 });
    const b = await wf.trackingWorkbook({ source: { name: '当前工作簿', grid: await readWorkbookBuffer(bytes) }, year: 2026, start: { y: 2026, m: 3, d: 1 } });
    expect([a.trainees, b.trainees]).toEqual([8, 8]);
    expect(a.source).toMatchObject({ sheet: '申报信息' });
    expect(a.profile.id).toBe('sqc-cultivation-2026');
    const wb = await load(b.bytes);
    expect(wb.getWorksheet('仪表盘')).toBeDefined();
    expect(wb.getWorksheet('培育对象清单')!.getCell('A3').value).toBe('邓海鹏');
  });

  it('says when the open workbook has no nominee list', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '会议签到表';
    const empty = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const err = await rejection(wf.trackingWorkbook({ source: { name: 'x.xlsx', bytes: empty }, year: 2026 }));
    expect(err).toMatchObject({ kind: 'no-table' });
    expect(err.zh).toMatch(/找不到培育对象名单/);
  });

  it('rolls over to the year after the workbook’s own, refuses an earlier year and a non-tracking workbook', async () => {
    const made = await wf.trackingWorkbook({ source: { name: 'x.xlsx', bytes }, year: 2026 });
    const wb = await load(made.bytes);
    const list = wb.getWorksheet('培育对象清单')!;
    const status = (list.getRow(2).values as unknown[]).indexOf('培育状态');
    list.getCell(3, status).value = '继续培育';
    const filled = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await wf.rollover({ file: { name: 'f.xlsx', bytes: filled } });
    expect(r.year).toBe(2027);
    expect(r.report).toMatchObject({ fromYear: 2026, toYear: 2027, trainees: 8 });
    expect(r.report.carried.map((c) => c.name)).toEqual(['邓海鹏']);
    expect((await wf.rollover({ file: { name: 'f.xlsx', bytes: filled }, year: 2029 })).year).toBe(2029);
    expect((await rejection(wf.rollover({ file: { name: 'f.xlsx', bytes: filled }, year: 2026 }))).zh).toMatch(/应晚于原工作簿的培育年度 2026/);
    expect((await rejection(wf.rollover({ file: { name: 's.xlsx', bytes } }))).zh).toMatch(/不是培育跟踪工作簿/);
  });
});

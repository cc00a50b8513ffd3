/**
 * Generate → fill with exceljs → consolidate, through real .xlsx bytes, compared with figures worked out by hand;
 * then the ways a returned file goes wrong (tampering, bad scores, foreign files, duplicates), blind mode and
 * conflicts of interest.
 *
 * The panel: 4 candidates, 6 experts; 钱进 (E06) works for C004's unit (written differently), so C004 has 5 scores.
 *   totals     E01 E02 E03 E04 E05 E06 | mean    trimmed  SD        rank
 *   C001        80  85  90  70  95  75 | 82.5    82.5     9.354143  2
 *   C002        70  75  80  60  85  90 | 76.667  77.5     10.801234 4
 *   C003        85  80  85  80  80  85 | 82.5    82.5     2.738613  2
 *   C004        90  50  85  80  95  —  | 80      85       17.677670 1
 * C001: drop 70 and 95 → (75+80+85+90)/4 = 82.5. C003: drop one 80 and one 85 → 82.5 (a tie: ranks 1, 2, 2, 4).
 * C004: drop 50 and 95 → (80+85+90)/3 = 85; SD √(1250/4) = 17.68 > 15 and range 45 > 30: high disagreement.
 * Kendall's W on C001–C003 (C004 lacks E06): 0.194444, χ² 2.3333, df 2, p 0.311403 (statistics.test.ts).
 * E06's leniency: (75 − 84) + (90 − 74) + (85 − 82) = 10 over 3 = 3.3333; r with the others' means −0.866025.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { generateScoreSheets, GeneratedScoreSheets, planScoreSheets } from '../../src/adapters/exceljs/scoring/generate';
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { bindToKeys, consolidateScoreFiles, consolidationExitCode } from '../../src/adapters/exceljs/scoring/consolidate-files';
import { readScoreFile, readScoreFileContent } from '../../src/adapters/exceljs/scoring/scoresheet-reader';
import { checkScoreFile } from '../../src/core/scoring/score-file';
import { consolidateRound, ReturnedFile } from '../../src/core/scoring/consolidate-round';
import { writeResultWorkbook } from '../../src/adapters/exceljs/scoring/result-writer';
import { consolidationJson } from '../../src/core/scoring/consolidation-report';
import { zipFiles } from '../../src/adapters/exceljs/scoring/zip';
import { ScoringInputError } from '../../src/core/scoring/problems';
import { rubricOf } from '../../src/core/scoring/rubric';
import { allXmlText, candidatesWorkbook, even, expertsWorkbook, fillSheet, RowFill } from './helpers';

const profile = builtinProfile('sqc-2025')!;
const rubric = rubricOf(profile);
const ctx = { programme: { id: profile.id, name: profile.name.zh }, rubric };

const CANDIDATES = [
  { name: '林晓', unit: '上海浦江电子科技有限公司' },
  { name: '王强', unit: '上海东海汽车零部件有限公司' },
  { name: '陈洁', unit: '上海华申生物医药股份有限公司' },
  { name: '赵敏', unit: '上海申江精密机械有限公司' },
];
const EXPERTS = [
  ['张华', '复旦大学', 'zhanghua@example.com'],
  ['李明', '同济大学', null],
  ['周涛', '上海交通大学', null],
  ['吴刚', '华东理工大学', null],
  ['郑丽', '上海大学', null],
  ['钱进', '上海申江精密机械（集团）股份有限公司', null],
];
const TOTALS: Record<string, (number | null)[]> = {
  C001: [80, 85, 90, 70, 95, 75],
  C002: [70, 75, 80, 60, 85, 90],
  C003: [85, 80, 85, 80, 80, 85],
  C004: [90, 50, 85, 80, 95, null],
};

function fillsFor(expertIndex: number): Record<string, RowFill> {
  const out: Record<string, RowFill> = {};
  for (const [code, totals] of Object.entries(TOTALS)) {
    const t = totals[expertIndex];
    if (t === null) continue;
    out[code] = { criteria: code === 'C004' && expertIndex === 1 ? [20, 10, 10, 5, 5] : even(t), recommend: code === 'C004' && expertIndex === 1 ? '不推荐' : '推荐' };
  }
  // 吴刚 (E04) forgets one recommendation: a warning, the scores count.
  if (expertIndex === 3) out.C002.recommend = null;
  return out;
}

let gen: GeneratedScoreSheets;
let filled: { name: string; bytes: Uint8Array }[];

async function generate(opts: { blind?: boolean; round?: string } = {}): Promise<GeneratedScoreSheets> {
  return generateScoreSheets({
    profile,
    candidates: { name: '推荐汇总表.xlsx', bytes: await candidatesWorkbook(CANDIDATES) },
    experts: { name: '专家.xlsx', bytes: await expertsWorkbook(EXPERTS) },
    ...opts,
  });
}

async function fillAll(g: GeneratedScoreSheets): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(g.sheets.map(async (s, i) => ({ name: s.name, bytes: await fillSheet(s.bytes, fillsFor(i)) })));
}

beforeAll(async () => {
  gen = await generate();
  filled = await fillAll(gen);
});

describe('generating score sheets', () => {
  test('one workbook per expert, named after the expert and the round; the key for the organiser in a folder of its own', () => {
    expect(gen.round).toBe('书面初评');
    expect(gen.sheets.map((s) => s.name)).toEqual(EXPERTS.map((e) => `评分表-${e[0]}-书面初评.xlsx`));
    expect(new Set(gen.sheets.map((s) => s.folder))).toEqual(new Set(['评分表']));
    expect(gen.key).toMatchObject({ name: '评分安排-书面初评（内部，勿外发）.xlsx', folder: '评分安排（内部，勿外发）' });
    expect(gen.candidates.candidates.map((c) => c.code)).toEqual(['C001', 'C002', 'C003', 'C004']);
    expect(gen.problems).toEqual([]);
  });

  test('conflict of interest: 钱进 (申江精密机械（集团）股份有限公司) never gets 赵敏 (申江精密机械有限公司)', async () => {
    expect(gen.assignment.exclusions).toEqual([{ candidate: 'C004', expert: 'E06', reason: 'same-unit' }]);
    expect(gen.sheets[5].candidates).toBe(3);
    const text = await allXmlText(gen.sheets[5].bytes);
    expect(text).not.toContain('赵敏');
    expect(text).not.toContain('C004');
    const key = new ExcelJS.Workbook();
    await key.xlsx.load(Buffer.from(gen.key.bytes) as unknown as ArrayBuffer);
    const conflicts = key.getWorksheet('回避')!;
    expect(conflicts.getRow(2).values).toEqual([undefined, 'C004', '赵敏', '上海申江精密机械有限公司', '钱进', '上海申江精密机械（集团）股份有限公司', '同单位']);
  });

  test('the 评分表 sheet: header, unlocked inputs with validation, total formula, signature line, protection, very hidden metadata', async () => {
    const bytes = gen.sheets[0].bytes;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['评分表', 'visible'],
      ['填写说明', 'visible'],
      ['jx_meta', 'veryHidden'],
    ]);
    const ws = wb.getWorksheet('评分表')!;
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(['编号', '姓名', '单位', '回避声明', '引领力（20分）', '实践力（20分）', '创新力（20分）', '攻关力（20分）', '传承力（20分）', '总分（100分）', '评语', '是否推荐']);
    // LibreOffice's AutoInput completes typing from the column's texts, header included: no header may start
    // with an option of its own column's drop-down ("推" used to become "推荐意见").
    expect(headers[11]).not.toMatch(/^(推荐|不推荐)/);
    expect(headers[3]).not.toMatch(/^(同单位|师徒或亲属|合作关系|其他)/);
    expect(ws.getCell('A2').value).toMatch(/^评审专家：张华（复旦大学）　共 4 名候选人/);
    expect(ws.getCell('A4').value).toBe('C001');
    expect(ws.getCell('B4').value).toBe('林晓');
    for (const cell of ['D4', 'E4', 'K4', 'L4']) expect(ws.getCell(cell).protection).toMatchObject({ locked: false });
    expect(ws.getCell('B4').protection?.locked).not.toBe(false);
    expect(ws.getCell('J4').value).toEqual({ formula: 'IF(COUNT(E4:I4)=0,"",SUM(E4:I4))' });
    // The expert's signature and date line, one row below the list, with unlocked boxes to type into.
    expect(ws.getCell('A9').value).toBe('评审专家签字：');
    expect(ws.getCell('C9').protection).toMatchObject({ locked: false });
    expect(ws.getRow(9).values).toContain('日期：');
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<sheetProtection[^>]*sheet="1"[^>]*algorithmName="SHA-512"/);
    expect(xml).toContain('sqref="E4:E7"');
    expect(xml).toContain('AND(ISNUMBER(E4),E4&gt;=0,E4&lt;=20,ROUND(E4/0.5,6)=INT(ROUND(E4/0.5,6)))');
    expect(xml).toMatch(/type="list"[^>]*sqref="L4:L7"/);
    expect(xml).toContain('&quot;推荐,不推荐&quot;');
    expect(xml).toMatch(/type="list"[^>]*sqref="D4:D7"><formula1>&quot;同单位,师徒或亲属,合作关系,其他&quot;/);
    // Printable: A4 landscape, one page wide, the header row on every page.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
    // Privacy: no ID numbers, phones or addresses anywhere in an expert's file. The random batch id and the
    // SHA-256 hashes are hex and may hold a run of digits that looks like a phone number: left out of the search.
    const all = (await allXmlText(bytes)).replace(/(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}(?![0-9A-Za-z])/g, '<hex>');
    expect(all).not.toMatch(/\d{17}[\dX]/);
    expect(all).not.toMatch(/1[3-9]\d{9}/);
    expect(all).not.toMatch(/路\d+号|弄/);
    const instructions = wb.getWorksheet('填写说明')!;
    const text = instructions.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('最小单位 0.5 分');
    expect(text).toContain('勇挑重担、追求卓越、示范带动');
    expect(text).toContain('回避');
  });

  test('all files zip into one download: the sheets and the key in folders of their own', async () => {
    const zipped = await zipFiles([...gen.sheets, gen.key]);
    const zip = await JSZip.loadAsync(zipped);
    const files = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(files.sort()).toEqual([...gen.sheets.map((s) => `评分表/${s.name}`), `评分安排（内部，勿外发）/${gen.key.name}`].sort());
  });

  test('the candidates may be a grid (the workbook open in Excel): the same lists and assignment as from bytes', async () => {
    const bytes = await candidatesWorkbook(CANDIDATES);
    const experts = { name: '专家.xlsx', bytes: await expertsWorkbook(EXPERTS) };
    const grid = await readWorkbookBuffer(bytes);
    const fromGrid = await generateScoreSheets({ profile, candidates: { name: '当前工作簿', grid }, experts });
    expect(fromGrid.candidates).toEqual(gen.candidates);
    expect(fromGrid.assignment).toEqual(gen.assignment);
    expect(fromGrid.sheets.map((s) => [s.name, s.candidates])).toEqual(gen.sheets.map((s) => [s.name, s.candidates]));
    // Planning writes nothing and agrees with generating.
    const plan = await planScoreSheets({ profile, candidates: { name: '推荐汇总表.xlsx', bytes }, experts, blind: true });
    expect(plan.assignment).toEqual(gen.assignment);
    expect(plan).toMatchObject({ round: '书面初评', blind: true, grouped: false });
  });

  test('unusable input is refused with a reason', async () => {
    const bad = generateScoreSheets({
      profile,
      candidates: { name: 'notes.xlsx', bytes: await expertsWorkbook([['张华', '复旦大学']]) },
      experts: { name: '专家.xlsx', bytes: await expertsWorkbook(EXPERTS) },
    });
    await expect(bad).rejects.toThrow(ScoringInputError);
    await expect(
      generateScoreSheets({
        profile,
        candidates: { name: '推荐汇总表.xlsx', bytes: await candidatesWorkbook(CANDIDATES) },
        experts: { name: '专家.docx', bytes: new TextEncoder().encode('姓名,单位\n张华,复旦大学\n') },
      }),
    ).rejects.toThrow(/专家名单 专家.docx：这是文本文件/);
  });
});

describe('consolidating (round trip)', () => {
  test('figures match the hand-computed ones', async () => {
    const c = await consolidateScoreFiles({ profile, files: [...filled, gen.key], top: 2 });
    expect(consolidationExitCode(c)).toBe(0);
    expect(c.accepted).toBe(6);
    expect(c.rejected).toBe(0);
    const by = Object.fromEntries(c.result.candidates.map((x) => [x.code, x]));
    expect(by.C001).toMatchObject({ name: '林晓', count: 6, mean: 82.5, trimmedMean: 82.5, min: 70, max: 95, rank: 2, shortlisted: true, expected: 6 });
    expect(by.C001.sd).toBeCloseTo(9.354143, 6);
    expect(by.C002).toMatchObject({ count: 6, trimmedMean: 77.5, rank: 4, shortlisted: false, recommend: { yes: 5, no: 0 } });
    expect(by.C002.mean).toBeCloseTo(76.666667, 6);
    expect(by.C002.sd).toBeCloseTo(10.801234, 6);
    expect(by.C003).toMatchObject({ trimmedMean: 82.5, rank: 2 });
    expect(by.C003.sd).toBeCloseTo(2.738613, 6);
    expect(by.C004).toMatchObject({ count: 5, expected: 5, mean: 80, trimmedMean: 85, rank: 1, recommend: { yes: 4, no: 1 } });
    expect(by.C004.sd).toBeCloseTo(17.67767, 5);
    expect(by.C004.flags).toEqual(['disagreement-sd', 'disagreement-range']);
    // Criterion means of C004: 引领力 (18 + 20 + 17 + 16 + 19) / 5 = 18; 实践力 (18 + 10 + 17 + 16 + 19) / 5 = 16
    expect(by.C004.criteria[0]).toBe(18);
    expect(by.C004.criteria[1]).toBe(16);
    expect(c.result.candidates.map((x) => x.code)).toEqual(['C004', 'C001', 'C003', 'C002']);
    const [w] = c.result.agreement;
    expect(w).toMatchObject({ experts: 6, candidates: 3, excluded: 1 });
    expect(w.w!.w).toBeCloseTo(0.194444, 6);
    expect(w.w!.p).toBeCloseTo(0.311403, 6);
    const e06 = c.result.experts.find((e) => e.code === 'E06')!;
    expect(e06).toMatchObject({ name: '钱进', count: 3, shared: 3 });
    expect(e06.leniency).toBeCloseTo(10 / 3, 9);
    expect(e06.correlation).toBeCloseTo(-0.866025, 6);
    // Warnings only: the forgotten recommendation and the tie at the cut.
    expect(c.problems.map((p) => [p.severity, p.code])).toEqual([
      ['warning', 'recommend.missing'],
      ['warning', 'result.tie-at-cut'],
    ]);
    expect(c.problems[0]).toMatchObject({ file: '评分表-吴刚-书面初评.xlsx', cell: 'L5', candidate: 'C002' });
    expect(c.verified).toBe(true);
    const json = consolidationJson(c);
    expect(json).toMatchObject({ verified: true, mode: 'scores', verification: expect.stringMatching(/^来源已核实/), basis: '依据 6 份有效评分表（发出 6 份）；有效评分少于 3 份的候选人不列入建议名单。' });
    expect(json.candidates[0]).toMatchObject({ code: 'C004', name: '赵敏', scores: [90, 50, 85, 80, 95], mean: 80, median: 85, trimmedMean: 85, range: 45, rank: 1, eligible: true });
    expect(json.problems[0]).toEqual({
      file: '评分表-吴刚-书面初评.xlsx',
      severity: 'warning',
      scope: null,
      code: 'recommend.missing',
      message: expect.stringContaining('没有填写推荐意见'),
      expert: '吴刚（E04）',
      candidate: 'C002',
      cell: 'L5',
    });
  });

  test('the result workbook: sheets, traceable formulas, shortlist, chart, marked as a result', async () => {
    const c = await consolidateScoreFiles({ profile, files: [...filled, gen.key], top: 2 });
    const bytes = await writeResultWorkbook(c, { generatedAt: '2025-04-02T10:00:00.000Z' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['结果汇总', 'visible'],
      ['评分明细', 'visible'],
      ['总分矩阵', 'visible'],
      ['专家分析', 'visible'],
      ['回避情况', 'visible'],
      ['问题清单', 'visible'],
      ['文件清单', 'visible'],
      ['分数分布', 'visible'],
      ['分数分布图', 'visible'],
      ['进度', 'visible'],
      ['计算·标准分', 'hidden'],
      ['计算·他人均分', 'hidden'],
      ['计算·一致性', 'hidden'],
      ['jx_meta', 'veryHidden'],
    ]);
    const summary = wb.getWorksheet('结果汇总')!;
    const header = summary.getRow(5).values as unknown[];
    const col = (h: string) => header.indexOf(h);
    const row6 = summary.getRow(6);
    expect(row6.getCell(col('编号')).value).toBe('C004');
    // Rank, shortlist and 提示 are formulas too (with their results), so a corrected score moves them.
    expect(row6.getCell(col('排名')).value).toMatchObject({ formula: expect.stringContaining('SUMPRODUCT'), result: 1 });
    expect((row6.getCell(col('去极值平均分')).value as ExcelJS.CellFormulaValue).formula).toMatch(/^'总分矩阵'!\w+5$/);
    expect(row6.getCell(col('建议')).value).toMatchObject({ formula: expect.stringContaining('SUMPRODUCT'), result: '候选人建议名单' });
    expect(row6.getCell(col('提示')).value).toMatchObject({ result: '分歧大（标准差超过满分的15%）；分歧大（极差超过满分的30%）' });
    expect(row6.getCell(col('中位数')).value).toMatchObject({ result: 85 });
    expect(row6.getCell(col('分歧（极差）')).value).toMatchObject({ result: 45 });
    expect(row6.getCell(col('标准分均值')).value).toMatchObject({ formula: expect.stringMatching(/^'计算·标准分'!/) });
    // exceljs leaves out an empty cached result: the formula is there, empty for C002.
    expect(summary.getRow(9).getCell(col('建议')).value).toMatchObject({ formula: expect.stringContaining('候选人建议名单') });
    // The sign-off block under the ranking.
    const texts = summary.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toEqual(expect.arrayContaining(['评审组长（签字）：', '评审组成员（签字）：', '日期：', expect.stringMatching(/^定稿：尚未定稿/)]));
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '5:5' });
    const matrix = wb.getWorksheet('总分矩阵')!;
    // C004 is the 4th candidate by code: matrix row 5; E06 (column H) excluded for the same unit.
    expect(matrix.getCell('C5').value).toMatchObject({ formula: expect.stringMatching(/^'评分明细'!J\d+$/), result: 90 });
    expect(matrix.getCell('H5').value).toBe('同单位回避');
    expect((matrix.getCell('L5').value as ExcelJS.CellFormulaValue).formula).toBe('IF(I5=0,"",IF(I5>=5,TRIMMEAN(C5:H5,2.5/I5),AVERAGE(C5:H5)))');
    expect((matrix.getCell('L5').value as ExcelJS.CellFormulaValue).result).toBe(85);
    expect(matrix.getCell('K5').value).toMatchObject({ formula: 'IF(I5=0,"",MEDIAN(C5:H5))', result: 85 });
    const details = wb.getWorksheet('评分明细')!;
    expect(details.getRow(1).getCell(10).value).toBe('总分');
    expect(details.getCell('J2').value).toMatchObject({ formula: 'SUM(E2:I2)', result: 80 });
    expect(details.rowCount).toBe(1 + 23);
    const experts = wb.getWorksheet('专家分析')!;
    expect(experts.getCell('B4').value).toBe('张华');
    expect(wb.getWorksheet('jx_meta')!.state).toBe('veryHidden');
    const progress = wb.getWorksheet('进度')!;
    expect((progress.getRow(3).values as unknown[]).slice(1)).toEqual(['编号', '姓名', '单位', '形式审查', '书面初评', '会审答辩', '名单审定', '公示', '命名', '备注']);
    expect(progress.getCell('E4').value).toMatchObject({ formula: expect.stringContaining("'结果汇总'!A6"), result: '第 1 名（85 分），建议入围' });
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file('xl/charts/chart1.xml')).not.toBeNull();
    // The chart is alone on its sheet, fitted to one page.
    expect(wb.getWorksheet('分数分布图')!.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 1 });
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/xl/charts/chart1.xml');
    // A result workbook lying in the folder of returned files is recognised and ignored, not rejected.
    const again = await consolidateScoreFiles({ profile, files: [...filled, gen.key, { name: '结果.xlsx', bytes }] });
    expect(again.files.find((f) => f.file === '结果.xlsx')!.status).toBe('ignored');
    expect(consolidationExitCode(again)).toBe(0);
  });

  test('without the key nothing is consolidated, unless asked for (--no-key), and then every output says so', async () => {
    await expect(consolidateScoreFiles({ profile, files: filled })).rejects.toThrow(/没有本轮的评分安排文件.*--no-key/);
    const c = await consolidateScoreFiles({ profile, files: filled, allowUnverified: true });
    expect(c.key).toBeUndefined();
    expect(c.verified).toBe(false);
    expect(c.result.candidates.find((x) => x.code === 'C004')).toMatchObject({ name: '赵敏', trimmedMean: 85, rank: 1 });
    expect(c.problems.map((p) => p.code)).toContain('result.unverified');
    expect(consolidationJson(c)).toMatchObject({ verified: false, verification: expect.stringMatching(/^来源未核实/) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeResultWorkbook(c)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('结果汇总')!.getCell('A1').value).toMatch(/（来源未核实）$/);
    expect(wb.getWorksheet('结果汇总')!.getCell('A2').value).toMatch(/^来源未核实/);
    expect(wb.getWorksheet('文件清单')!.getCell('A1').value).toMatch(/^来源未核实/);
    expect(consolidationExitCode(c)).toBe(0);
  });

  test('a missing expert is reported; the others count', async () => {
    const c = await consolidateScoreFiles({ profile, files: [...filled.slice(0, 5), gen.key] });
    expect(consolidationExitCode(c)).toBe(0);
    expect(c.problems.find((p) => p.code === 'expert.missing')!.message.zh).toContain('钱进');
    expect(c.result.candidates.find((x) => x.code === 'C001')).toMatchObject({ count: 5, expected: 6, flags: ['fewer-than-expected'] });
  });
});

describe('returned files that go wrong', () => {
  async function one(i: number, fills: Record<string, RowFill>, mutate?: NonNullable<Parameters<typeof fillSheet>[2]>['mutate']) {
    return readScoreFile(await fillSheet(gen.sheets[i].bytes, fills, { mutate }), 'x.xlsx', ctx);
  }
  const codes = (f: Awaited<ReturnType<typeof readScoreFile>>) => ('problems' in f ? f.problems.map((p) => p.code) : []);

  test('a deleted row', async () => {
    const f = await one(0, fillsFor(0), (ws) => ws.spliceRows(5, 1));
    expect(f.kind === 'scoresheet' && f.rejected).toBe(true);
    expect(codes(f)).toEqual(['sheet.rows-changed']);
  });

  test('a changed name', async () => {
    const f = await one(0, fillsFor(0), (ws) => {
      ws.getCell('B5').value = '王小强';
    });
    expect(codes(f)).toEqual(['sheet.rows-changed']);
    expect('problems' in f && f.problems[0].message.zh).toContain('C002 的姓名应为“王强”，现为“王小强”');
  });

  test('rows swapped, or one added below the list', async () => {
    const swapped = await one(0, fillsFor(0), (ws) => {
      ws.getCell('A4').value = 'C002';
      ws.getCell('A5').value = 'C001';
    });
    expect(codes(swapped)).toEqual(['sheet.rows-changed']);
    const added = await one(0, fillsFor(0), (ws) => {
      ws.getCell('A8').value = 'C005';
      ws.getCell('D8').value = 20;
    });
    expect(codes(added)).toEqual(['sheet.rows-changed']);
  });

  test('the hidden list edited (and the visible one to match): the MAC no longer matches', async () => {
    const bytes = await fillSheet(gen.sheets[0].bytes, fillsFor(0), {
      mutate: (_ws, wb) => {
        const meta = wb.getWorksheet('jx_meta')!;
        meta.eachRow((row) => {
          if (row.getCell(1).value === 'candidate' && row.getCell(2).value === 'C002') row.getCell(3).value = '王小强';
        });
        wb.getWorksheet('评分表')!.getCell('B5').value = '王小强';
      },
    });
    const c = await consolidateScoreFiles({ profile, files: [{ name: 'x.xlsx', bytes }, ...filled.slice(1), gen.key] });
    expect(c.problems.filter((p) => p.file === 'x.xlsx').map((p) => p.code)).toEqual(['sheet.mac']);
    expect(c.files[0]).toMatchObject({ status: 'rejected' });
  });

  test('the header edited', async () => {
    const f = await one(0, fillsFor(0), (ws) => {
      ws.getCell('D3').value = '实践力（20分）';
      ws.getCell('E3').value = '引领力（20分）';
    });
    expect(codes(f)).toEqual(['sheet.header-changed']);
  });

  test('one bad cell costs one score, not the file: out of range, off the step, text, incomplete; a bad recommendation costs a vote', async () => {
    const f = await one(0, {
      C001: { criteria: [21, 20, 20, 20, 20], recommend: '推荐' },
      C002: { criteria: [17.25, 20, 20, 20, 20], recommend: '推荐' },
      C003: { criteria: ['很好', 20, 20, 20, 20], recommend: '同意' },
      C004: { criteria: [18, null, 20, 20, 20], recommend: '推荐' },
    });
    expect(f.kind === 'scoresheet' && f.rejected).toBe(false);
    expect('problems' in f && f.problems.map((p) => [p.code, p.cell, p.scope ?? p.severity])).toEqual([
      ['score.out-of-range', 'E4', 'score'],
      ['score.off-step', 'E5', 'score'],
      ['score.not-a-number', 'E6', 'score'],
      ['score.incomplete', 'E7', 'score'],
    ]);
    expect('problems' in f && f.problems[0].message.zh).toBe('C001（E4）引领力 21 分超出范围 0～20，这份评分不计');
    expect(f.kind === 'scoresheet' && f.records).toEqual([]);
    const vote = await one(0, { ...fillsFor(0), C003: { criteria: even(85), recommend: '同意' } });
    expect('problems' in vote && vote.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([['recommend.invalid', 'warning', 'L6']]);
    expect(vote.kind === 'scoresheet' && vote.records.find((r) => r.candidate === 'C003')).toMatchObject({ total: 85 });
    expect(vote.kind === 'scoresheet' && vote.records.find((r) => r.candidate === 'C003')!.recommend).toBeUndefined();
  });

  test('a score pasted as text ("18分", "18", full-width digits) is left out: the sheet’s own total did not count it', async () => {
    const f = await one(5, { C001: { criteria: ['18分', 18, 19, 20, 15], recommend: '推荐' }, C002: { criteria: ['１７．５', ' 18 ', 19, 20, 15], recommend: '不推荐' }, C003: { criteria: even(85), recommend: '推荐' } });
    expect(f.kind === 'scoresheet' && f.rejected).toBe(false);
    expect('problems' in f && f.problems.map((p) => [p.code, p.cell])).toEqual([
      ['score.not-a-number', 'E4'],
      ['score.not-a-number', 'E5'],
      ['score.not-a-number', 'F5'],
    ]);
    expect('problems' in f && f.problems[0].message.zh).toBe('C001（E4）引领力“18分”是文字，不是数字（专家表中的总分没有计入它），这份评分不计');
    expect(f.kind === 'scoresheet' && f.records.map((r) => [r.candidate, r.total])).toEqual([['C003', 85]]);
  });

  test('a declared conflict (the 回避声明 drop-down, or an empty row with 回避 in the comment) is a recusal, not a gap', async () => {
    const fills = fillsFor(0);
    fills.C002 = { ...fills.C002, recusal: '合作关系' };
    fills.C003 = { comment: '与候选人为师徒关系，回避' };
    const f = await one(0, fills);
    expect(f.kind === 'scoresheet' && f.rejected).toBe(false);
    expect(codes(f)).toEqual(['score.recusal', 'score.recusal-with-scores', 'score.recusal']);
    expect(f.kind === 'scoresheet' && f.recusals).toEqual([
      { candidate: 'C002', expert: 'E01', file: 'x.xlsx', reason: '合作关系' },
      { candidate: 'C003', expert: 'E01', file: 'x.xlsx', reason: '评语：与候选人为师徒关系，回避' },
    ]);
    // The scores typed on the declared row are not used anywhere.
    expect(f.kind === 'scoresheet' && f.records.map((r) => r.candidate)).toEqual(['C001', 'C004']);
  });

  test('an unscored row is an error; an untouched sheet says so once', async () => {
    const fills = fillsFor(0);
    delete fills.C002;
    expect(codes(await one(0, fills))).toEqual(['score.missing']);
    expect(codes(await readScoreFile(gen.sheets[0].bytes, 'blank.xlsx', ctx))).toEqual(['sheet.empty']);
  });

  test('foreign, unreadable and re-typed files', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['随便']);
    const foreign = await readScoreFile(new Uint8Array((await plain.xlsx.writeBuffer()) as ArrayBuffer), 'a.xlsx', ctx);
    expect(foreign.kind).toBe('foreign');
    expect(codes(foreign)).toEqual(['sheet.foreign']);
    const text = await readScoreFile(new TextEncoder().encode('编号,引领力\nC001,18\n'), 'b.xlsx', ctx);
    expect(text.kind).toBe('unreadable');
    expect('problems' in text && text.problems[0].message.zh).toContain('文本文件');
    // Values copied into a new workbook: no metadata, so it cannot be checked.
    const retyped = new ExcelJS.Workbook();
    const ws = retyped.addWorksheet('评分表');
    ws.addRow(['编号', '姓名']);
    ws.addRow(['C001', '林晓']);
    const r = await readScoreFile(new Uint8Array((await retyped.xlsx.writeBuffer()) as ArrayBuffer), 'c.xlsx', ctx);
    expect(codes(r)).toEqual(['sheet.no-metadata']);
  });

  test('a sheet of another programme is rejected', async () => {
    const other = builtinProfile('sqc-2024')!;
    const f = await readScoreFile(filled[0].bytes, 'x.xlsx', { programme: { id: other.id, name: other.name.zh }, rubric: rubricOf(other) });
    expect(codes(f)).toEqual(['sheet.other-programme']);
  });

  test('consolidation leaves a rejected file out, never mixes it in, and exits 1; a bad cell leaves out one score', async () => {
    const broken = { name: '评分表-张华-书面初评.xlsx', bytes: await fillSheet(gen.sheets[0].bytes, fillsFor(0), { mutate: (ws) => ws.spliceRows(5, 1) }) };
    const c = await consolidateScoreFiles({ profile, files: [broken, ...filled.slice(1), gen.key] });
    expect(consolidationExitCode(c)).toBe(1);
    expect(c.rejected).toBe(1);
    expect(c.files[0]).toMatchObject({ status: 'rejected', expert: '张华（E01）' });
    expect(c.result.experts.map((e) => e.code)).not.toContain('E01');
    // C002 without 张华's 70: 75 80 60 85 90 → drop 60 and 90 → (75 + 80 + 85) / 3 = 80
    expect(c.result.candidates.find((x) => x.code === 'C002')).toMatchObject({ count: 5, trimmedMean: 80 });
    expect(c.problems.find((p) => p.severity === 'error')).toMatchObject({ file: '评分表-张华-书面初评.xlsx', code: 'sheet.rows-changed' });

    const oneCell = { name: '评分表-张华-书面初评.xlsx', bytes: await fillSheet(gen.sheets[0].bytes, { ...fillsFor(0), C002: { criteria: [25, 20, 20, 20, 20], recommend: '推荐' } }) };
    const d = await consolidateScoreFiles({ profile, files: [oneCell, ...filled.slice(1), gen.key] });
    expect(consolidationExitCode(d)).toBe(0);
    expect(d.files[0]).toMatchObject({ status: 'accepted', scores: 3, errors: 1 });
    expect(d.result.candidates.find((x) => x.code === 'C002')).toMatchObject({ count: 5, trimmedMean: 80, flags: ['fewer-than-expected'] });
    expect(d.result.candidates.find((x) => x.code === 'C001')).toMatchObject({ count: 6, trimmedMean: 82.5 });
  });

  test('nothing usable → exit 2', async () => {
    const c = await consolidateScoreFiles({ profile, files: [{ name: 'a.xlsx', bytes: new TextEncoder().encode('hello') }], allowUnverified: true });
    expect(consolidationExitCode(c)).toBe(2);
    // The page may still ask for a workbook (it lists the problems): it must not fail.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeResultWorkbook(c)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('问题清单')!.getCell('F2').value).toContain('文本文件');
  });

  test('the same expert twice: the later file counts, with a warning', async () => {
    const earlier = { name: '张华-第一版.xlsx', bytes: await fillSheet(gen.sheets[0].bytes, { ...fillsFor(0), C001: { criteria: even(50), recommend: '推荐' } }, { modified: new Date(Date.UTC(2025, 3, 1, 8)) }) };
    const later = { name: '张华-修改版.xlsx', bytes: await fillSheet(gen.sheets[0].bytes, fillsFor(0), { modified: new Date(Date.UTC(2025, 3, 2, 8)) }) };
    // Given later-first: the save time decides, not the order.
    const c = await consolidateScoreFiles({ profile, files: [later, earlier, ...filled.slice(1), gen.key] });
    expect(consolidationExitCode(c)).toBe(0);
    expect(c.files.find((f) => f.file === '张华-第一版.xlsx')!.status).toBe('superseded');
    expect(c.files.find((f) => f.file === '张华-修改版.xlsx')!.status).toBe('accepted');
    const warning = c.problems.find((p) => p.code === 'sheet.duplicate')!;
    expect(warning).toMatchObject({ severity: 'warning', file: '张华-第一版.xlsx' });
    expect(warning.message.zh).toContain('以最后保存的 张华-修改版.xlsx');
    expect(c.result.candidates.find((x) => x.code === 'C001')!.scores[0]).toEqual({ expert: 'E01', total: 80 });
  });

  test('the core decides on the read records: without save times in the workbooks, the files’ own times decide', async () => {
    const versions = [
      { name: '张华-第一版.xlsx', bytes: await fillSheet(gen.sheets[0].bytes, { ...fillsFor(0), C001: { criteria: even(50), recommend: '推荐' } }), lastModified: Date.UTC(2025, 3, 2) },
      { name: '张华-修改版.xlsx', bytes: await fillSheet(gen.sheets[0].bytes, fillsFor(0)), lastModified: Date.UTC(2025, 3, 1) },
    ];
    const all = [...versions, ...filled.slice(1), gen.key];
    const contents = await Promise.all(all.map((f) => readScoreFileContent(f.bytes, f.name)));
    for (const content of contents) if (content.kind === 'workbook') delete content.modified;
    await bindToKeys(contents);
    const files: ReturnedFile[] = contents.map((content, i) => ({ score: checkScoreFile(content, ctx), lastModified: (all[i] as { lastModified?: number }).lastModified }));
    const c = consolidateRound({ profile, files });
    expect(c.files.find((f) => f.file === '张华-修改版.xlsx')!.status).toBe('superseded');
    expect(c.files.find((f) => f.file === '张华-第一版.xlsx')!.status).toBe('accepted');
    expect(c.result.candidates.find((x) => x.code === 'C001')!.scores[0]).toEqual({ expert: 'E01', total: 50 });
  });

  test('a blank copy of a sheet (as sent) beside the filled one is ignored', async () => {
    const c = await consolidateScoreFiles({ profile, files: [...filled, { name: 'sent/评分表-张华-书面初评.xlsx', bytes: gen.sheets[0].bytes }, gen.key] });
    expect(consolidationExitCode(c)).toBe(0);
    expect(c.problems.map((p) => p.code)).toContain('sheet.blank-copy');
  });

  test('a sheet from another generation run is rejected when the key is given', async () => {
    const other = await generate();
    const stray = { name: 'old.xlsx', bytes: await fillSheet(other.sheets[1].bytes, fillsFor(1)) };
    const c = await consolidateScoreFiles({ profile, files: [filled[0], stray, ...filled.slice(2), gen.key] });
    expect(c.problems.find((p) => p.file === 'old.xlsx')).toMatchObject({ severity: 'error', code: 'sheet.other-batch' });
    expect(consolidationExitCode(c)).toBe(1);
  });

  test('rounds are consolidated separately', async () => {
    const defence = await generate({ round: '会审答辩' });
    const defenceFilled = { name: 'd.xlsx', bytes: await fillSheet(defence.sheets[0].bytes, fillsFor(0)) };
    await expect(consolidateScoreFiles({ profile, files: [...filled, defenceFilled, gen.key] })).rejects.toThrow(/多个评审轮次（书面初评 6 份、会审答辩 1 份）/);
    const c = await consolidateScoreFiles({ profile, files: [...filled, defenceFilled, gen.key], round: '书面初评' });
    expect(c.files.find((f) => f.file === 'd.xlsx')!.status).toBe('other-round');
    expect(consolidationExitCode(c)).toBe(0);
  });
});

describe('blind mode', () => {
  let blind: GeneratedScoreSheets;
  beforeAll(async () => {
    blind = await generate({ blind: true });
  });

  test('no names or units anywhere in an expert’s file, hidden sheets included; codes dealt at random, the same on every sheet', async () => {
    for (const s of blind.sheets) {
      const text = await allXmlText(s.bytes);
      for (const c of CANDIDATES) {
        expect(text).not.toContain(c.name);
        expect(text).not.toContain(c.unit);
      }
      expect(text).toMatch(/C00\d/);
    }
    // The key says who each code is; across runs the codes follow no fixed order (4! = 24 orders: eight runs
    // all in nomination order would happen once in 24^8).
    const orders = new Set<string>([blind.candidates.candidates.map((c) => c.name).join()]);
    for (let i = 0; i < 7; i++) orders.add((await generate({ blind: true })).candidates.candidates.map((c) => c.name).join());
    expect(orders.size).toBeGreaterThan(1);
    expect(blind.candidates.candidates.map((c) => c.code)).toEqual(['C001', 'C002', 'C003', 'C004']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(blind.sheets[0].bytes) as unknown as ArrayBuffer);
    expect((wb.getWorksheet('评分表')!.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['编号', '回避声明', '引领力（20分）']);
    // The organiser's key has them.
    const key = await allXmlText(blind.key.bytes);
    expect(key).toContain('赵敏');
  });

  test('with the key, the result has the names back; without it (--no-key), codes only and a warning', async () => {
    // The hand-computed totals are by nominee; in a blind round each nominee has a random code.
    const blindCode = new Map(CANDIDATES.map((c, i) => [`C00${i + 1}`, blind.candidates.candidates.find((b) => b.name === c.name)!.code]));
    const byBlindCode = (fills: Record<string, RowFill>) => Object.fromEntries(Object.entries(fills).map(([code, f]) => [blindCode.get(code)!, f]));
    const files = await Promise.all(blind.sheets.map(async (s, i) => ({ name: s.name, bytes: await fillSheet(s.bytes, byBlindCode(fillsFor(i))) })));
    const withKey = await consolidateScoreFiles({ profile, files: [...files, blind.key] });
    expect(withKey.blind).toBe(true);
    expect(withKey.result.candidates[0]).toMatchObject({ code: blindCode.get('C004'), name: '赵敏', trimmedMean: 85 });
    const without = await consolidateScoreFiles({ profile, files, allowUnverified: true });
    expect(without.result.candidates[0]).toMatchObject({ code: blindCode.get('C004'), name: '', trimmedMean: 85 });
    expect(without.problems.map((p) => p.code)).toContain('result.blind-without-key');
  });
});

describe('groups (--group-by 组别)', () => {
  test('candidates go to the experts of their group; W per group; the group is in the result', async () => {
    const sh = builtinProfile('sh-craftsman-2024')!;
    const cands = [
      { name: '林晓', unit: '甲公司', group: '医药' },
      { name: '王强', unit: '乙公司', group: '仪电' },
      { name: '陈洁', unit: '丙公司', group: '医药' },
    ];
    const g = await generateScoreSheets({
      profile: sh,
      candidates: { name: 'c.xlsx', bytes: await candidatesWorkbook(cands, 'sh-craftsman-2024') },
      experts: { name: 'e.xlsx', bytes: await expertsWorkbook([['张华', '复旦大学', '医药'], ['李明', '同济大学', '医药'], ['周涛', '上海大学', '仪电']], ['姓名', '单位', '组别']) },
      groupBy: '组别',
    });
    expect(g.grouped).toBe(true);
    expect(Object.fromEntries(g.assignment.byExpert)).toEqual({ E01: ['C001', 'C003'], E02: ['C001', 'C003'], E03: ['C002'] });
    const shCtx = g.sheets.map((s, i) => ({ name: s.name, i }));
    const files = await Promise.all(
      shCtx.map(async ({ name, i }) => ({
        name,
        bytes: await fillSheet(g.sheets[i].bytes, i === 2 ? { C002: { criteria: even(80), recommend: '推荐' } } : { C001: { criteria: even(80 + 5 * i), recommend: '推荐' }, C003: { criteria: even(70 + 5 * i), recommend: '推荐' } }),
      })),
    );
    const c = await consolidateScoreFiles({ profile: sh, files: [...files, g.key] });
    expect(consolidationExitCode(c)).toBe(0);
    // Ranked within each group: 医药 first (its first candidate comes first in the list), then 仪电.
    expect(c.result.candidates.map((x) => [x.code, x.group, x.trimmedMean, x.rank])).toEqual([
      ['C001', '医药', 82.5, 1],
      ['C003', '医药', 72.5, 2],
      ['C002', '仪电', 80, 1],
    ]);
    expect(c.result.agreement.map((a) => [a.group, a.experts, a.candidates, a.w?.w])).toEqual([
      ['医药', 2, 2, 1],
      ['仪电', 1, 1, undefined],
    ]);
    expect(c.result.experts.map((e) => e.group)).toEqual(['医药', '医药', '仪电']);
  });
});

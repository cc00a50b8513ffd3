/**
 * Our files in a real office program (LibreOffice headless; skipped when it is not installed, see
 * ../shared/TOOLCHAIN.md):
 * - every formula of the result workbook recalculated equals our figures — rank, shortlist, 提示, median, 分歧,
 *   standard scores, leniency, correlation, Kendall's W — with no error value anywhere;
 * - a score corrected in 评分明细 moves every figure that depends on it, to what the core computes from the
 *   corrected records;
 * - a grouped ranking ballot (Borda count) recalculates to our figures too;
 * - printed to PDF: A4, a bounded number of pages, every page naming its sheet, the candidate codes on every page
 *   of the candidate sheets, the chart alone on one page;
 * - a score sheet filled and saved by LibreOffice still consolidates, bound to its expert (MAC, password);
 * - typed into by hand in LibreOffice (AutoInput on, as shipped), 推荐 stays 推荐 — with the old header 推荐意见
 *   in the same column, AutoInput completed it to the header and the drop-down refused it (needs python3-uno).
 */
import JSZip from 'jszip';
import { builtinProfile, userProfile } from '../../src/core/profiles/builtin-profiles';
import { consolidateScoreFiles } from '../../src/adapters/exceljs/scoring/consolidate-files';
import { writeResultWorkbook } from '../../src/adapters/exceljs/scoring/result-writer';
import { checkFinalWorkbook, finalizeResultWorkbook } from '../../src/adapters/exceljs/scoring/finalize';
import { consolidate, ConsolidationResult, ScoreRecord, CANDIDATE_FLAG_LABELS, EXPERT_FLAG_LABELS } from '../../src/core/scoring/consolidate';
import type { ConsolidatedRound } from '../../src/core/scoring/consolidate-round';
import { progressText } from '../../src/core/scoring/result-content';
import { fillSheet, even } from './helpers';
import { panel, Panel } from './panel';
import { poppler, printToPdf, pyuno, recalculatedSheets, savedByLibreOffice, soffice, typeInLibreOffice } from './office-tools';

const maybe = soffice ? test : test.skip;
const maybePrint = soffice && poppler ? test : test.skip;
const maybeTyping = pyuno ? test : test.skip;

const FORCES = ['引领力', '实践力', '创新力', '攻关力', '传承力'];
/** 上海质量工匠 2025 with a round minimum of 6 accepted scores (the panel has 7 experts). */
const profile = userProfile(
  {
    id: 'sqc-2025-min6',
    extends: 'sqc-2025',
    rubric: { criteria: FORCES.map((name, i) => ({ id: `f${i}`, name, max: 20 })), step: 0.5, rounds: ['书面初评', '会审答辩'], minScores: 6 },
  },
  'test',
);

/**
 * 12 candidates, 7 experts. 专家1 works where 候选3 does (left off his sheet); 专家2 declares a conflict with 候选5;
 * 专家3 pastes "18分" as 候选5's 引领力 (that score is left out); 候选5 gets top marks from everybody else, so
 * with 5 accepted scores (< 6) the shortlist must pass over it.
 */
async function scoredRound(): Promise<{ p: Panel; c: ConsolidatedRound }> {
  const top = { criteria: [19.5, 19.5, 19.5, 19.5, 19.5], recommend: '推荐' };
  const p = await panel({
    profile,
    programme: 'sqc-2025',
    candidates: Array.from({ length: 12 }, (_, i) => ({ name: `候选${i + 1}`, unit: `上海第${i + 1}精密机械有限公司` })),
    experts: Array.from({ length: 7 }, (_, i) => [`专家${i + 1}`, i === 0 ? '上海第3精密机械有限公司' : `大学${i + 1}`]),
    overrides: {
      E01: { C005: top },
      E02: { C005: { recusal: '师徒或亲属' } },
      E03: { C005: { criteria: ['18分', 19.5, 19.5, 19.5, 19.5], recommend: '推荐' } },
      E04: { C005: top },
      E05: { C005: top },
      E06: { C005: top },
      E07: { C005: top },
    },
  });
  const c = await consolidateScoreFiles({ profile, files: [...p.returned, p.key], top: 3 });
  return { p, c };
}

const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));

/** Compares 结果汇总 (as LibreOffice computed it) with a result, candidate by candidate. */
function expectSummary(csv: Map<string, string[][]>, res: ConsolidationResult, opts: { header: number }): void {
  const rows = csv.get('结果汇总')!;
  const h = rows[opts.header];
  const col = (name: string) => {
    const i = h.indexOf(name);
    expect([name, i]).not.toEqual([name, -1]);
    return i;
  };
  const by = new Map(res.candidates.map((x) => [x.code, x]));
  let seen = 0;
  for (const row of rows.slice(opts.header + 1)) {
    const x = by.get(row[h.indexOf('编号')]);
    if (!x) continue;
    seen++;
    const close = (name: string, v: number | undefined) => {
      const got = num(row[col(name)]);
      if (v === undefined) expect([x.code, name, got]).toEqual([x.code, name, undefined]);
      else expect([x.code, name, got !== undefined && Math.abs(got - v) < 1e-9 ? v : got]).toEqual([x.code, name, v]);
    };
    expect([x.code, num(row[col(h.includes('组内排名') ? '组内排名' : '排名')])]).toEqual([x.code, x.rank]);
    close('评分份数', x.count);
    close(h.includes('去极值平均分') ? '去极值平均分' : h.includes('去极值平均名次分') ? '去极值平均名次分' : h.find((t) => t.includes('排名依据'))!, x.trimmedMean);
    close(h.includes('平均分') ? '平均分' : '平均名次分', x.mean);
    close('中位数', x.median);
    close('标准差', x.sd);
    close('分歧（极差）', x.range);
    close('标准分均值', x.zMean);
    if (h.includes('推荐票')) close('推荐票', x.recommend.yes);
    if (h.includes('引领力均分')) close('引领力均分', x.criteria[0]);
    const order = ['disagreement-sd', 'disagreement-range', 'no-scores', 'fewer-than-expected', 'too-few-scores'] as const;
    expect([x.code, row[col('提示')]]).toEqual([x.code, order.filter((f) => x.flags.includes(f)).map((f) => CANDIDATE_FLAG_LABELS[f].zh).join('；')]);
    expect([x.code, row[col('建议')]]).toEqual([x.code, x.shortlisted ? '候选人建议名单' : '']);
  }
  expect(seen).toBe(res.candidates.length);
}

function expectExperts(csv: Map<string, string[][]>, res: ConsolidationResult): void {
  const rows = csv.get('专家分析')!;
  for (const e of res.experts) {
    const row = rows.find((r) => r[0] === e.code)!;
    const close = (i: number, v: number | undefined) => (v === undefined ? expect(row[i]).toBe('') : expect(Number(row[i])).toBeCloseTo(v, 9));
    expect(Number(row[4])).toBe(e.count);
    close(5, e.mean);
    close(6, e.sd);
    close(7, e.leniency);
    close(8, e.correlation);
    expect(Number(row[9])).toBe(e.shared);
    expect(row[10]).toBe(e.flags.map((f) => EXPERT_FLAG_LABELS[f].zh).join('；'));
  }
  for (const a of res.agreement) {
    const row = rows.find((r) => r[0] === (a.group ?? '全体') && /^\d/.test(r[1]))!;
    if (!a.w) continue;
    expect(Number(row[4])).toBeCloseTo(a.w.w, 9);
    expect(Number(row[5])).toBeCloseTo(a.w.chiSquare, 8);
    expect(Number(row[7])).toBeCloseTo(a.w.p, 8);
  }
}

function expectNoErrorValues(csv: Map<string, string[][]>): void {
  for (const [name, rows] of csv) for (const row of rows) for (const cell of row) expect([name, cell]).not.toEqual([name, expect.stringMatching(/^(#[A-Z/0!?]+|Err:\d+)/)]);
}

let round: { p: Panel; c: ConsolidatedRound } | undefined;
const scored = async () => (round ??= await scoredRound());

maybe(
  'LibreOffice recomputes every formula of the result workbook to our figures, without error values',
  async () => {
    const { c } = await scored();
    // The round is what the test meant: 候选5 tops the ranking on 5 scores and is passed over.
    const c5 = c.result.candidates.find((x) => x.code === 'C005')!;
    expect(c5).toMatchObject({ count: 5, expected: 7, rank: 1, eligible: false, shortlisted: false, flags: ['fewer-than-expected', 'too-few-scores'] });
    expect(c.result.candidates.filter((x) => x.shortlisted).map((x) => x.rank)).toEqual([2, 3, 4]);
    expect(c.recusals).toEqual([expect.objectContaining({ candidate: 'C005', expert: 'E02', reason: '师徒或亲属' })]);

    const csv = recalculatedSheets(await writeResultWorkbook(c));
    expect([...csv.keys()].sort()).toEqual(
      ['jx_meta', '专家分析', '分数分布', '分数分布图', '回避情况', '总分矩阵', '文件清单', '结果汇总', '计算·一致性', '计算·他人均分', '计算·标准分', '评分明细', '进度', '问题清单'].sort(),
    );
    expectNoErrorValues(csv);
    expectSummary(csv, c.result, { header: 4 });
    expectExperts(csv, c.result);
    const progress = csv.get('进度')!;
    for (const x of c.result.candidates) expect(progress.find((r) => r[0] === x.code)![4]).toBe(progressText(x));
    const recusals = csv.get('回避情况')!;
    expect(recusals.map((r) => r.slice(0, 6).join('|'))).toEqual(
      expect.arrayContaining(['C003|候选3|E01|专家1|同单位回避（生成评分表时）|同单位', 'C005|候选5|E02|专家2|专家声明回避|师徒或亲属']),
    );
  },
  240000,
);

maybe(
  'a score corrected in 评分明细 moves every figure that depends on it',
  async () => {
    const { c } = await scored();
    const bytes = await writeResultWorkbook(c);
    // 专家4's 引领力 for C001 goes from x to 0 (a typing error corrected by the organiser, in the workbook).
    const i = c.records.findIndex((r) => r.candidate === 'C001' && r.expert === 'E04');
    const rec = c.records[i];
    const zip = await JSZip.loadAsync(bytes);
    const part = 'xl/worksheets/sheet2.xml';
    const xml = await zip.file(part)!.async('string');
    const cell = `<c r="E${i + 2}"><v>${rec.criteria[0]}</v></c>`;
    expect(xml).toContain(cell);
    zip.file(part, xml.replace(cell, `<c r="E${i + 2}"><v>0</v></c>`));
    const edited = await zip.generateAsync({ type: 'uint8array' });

    const records: ScoreRecord[] = c.records.map((r, j) => (j === i ? { ...r, criteria: [0, ...r.criteria.slice(1)], total: r.total - r.criteria[0] } : r));
    const expected = consolidate({
      rubric: c.result.rubric,
      round: c.round,
      candidates: c.key!.meta.candidates,
      experts: c.result.experts.map((e) => ({ code: e.code, name: e.name, unit: e.unit })),
      records,
      recusals: c.recusals,
      expected: new Map(c.result.candidates.map((x) => [x.code, x.expected!])),
      options: { trim: 1, top: 3, minScores: 6 },
    });
    // The correction matters: C001's trimmed mean and E04's leniency change.
    expect(expected.candidates.find((x) => x.code === 'C001')!.trimmedMean).not.toBe(c.result.candidates.find((x) => x.code === 'C001')!.trimmedMean);
    const csv = recalculatedSheets(edited);
    expectNoErrorValues(csv);
    expectSummary(csv, expected, { header: 4 });
    expectExperts(csv, expected);
  },
  240000,
);

maybe(
  'a grouped ranking ballot (Borda count) recalculates to our figures',
  async () => {
    const sh = builtinProfile('sh-craftsman-2024')!;
    const p = await panel({
      profile: sh,
      candidates: Array.from({ length: 8 }, (_, i) => ({ name: `候选${i + 1}`, unit: `单位${i + 1}`, group: i % 2 ? '仪电' : '医药' })),
      experts: [
        ['专家1', '大学1', '医药'],
        ['专家2', '大学2', '医药'],
        ['专家3', '单位1', '医药'],
        ['专家4', '大学4', '仪电'],
        ['专家5', '大学5', '仪电'],
        ['专家6', '大学6', '仪电'],
      ],
      groupBy: '组别',
      ballot: true,
      seed: 3,
      // A tie: 专家4 puts two candidates first.
      overrides: { E04: { C002: { position: 1 }, C004: { position: 1 } } },
    });
    const c = await consolidateScoreFiles({ profile: sh, files: [...p.returned, p.key], top: 2 });
    expect(c).toMatchObject({ mode: 'ballot', grouped: true, accepted: 6 });
    expect(c.result.options.trim).toBe(0);
    const csv = recalculatedSheets(await writeResultWorkbook(c));
    expectNoErrorValues(csv);
    expectSummary(csv, c.result, { header: 4 });
    expectExperts(csv, c.result);
    // Each group has its own ranks 1… and its own cut.
    for (const g of ['医药', '仪电']) {
      const members = c.result.candidates.filter((x) => x.group === g);
      expect(Math.min(...members.map((x) => x.rank!))).toBe(1);
      expect(members.filter((x) => x.shortlisted).length).toBeGreaterThanOrEqual(2);
    }
  },
  240000,
);

maybePrint(
  'printed to PDF: A4, every page names its sheet, candidate codes on every candidate page, the chart on one page',
  async () => {
    const { c } = await scored();
    const pdf = printToPdf(await writeResultWorkbook(c));
    expect(pdf.size).toMatch(/\(A4\)/);
    // One page per sheet for 12 candidates × 7 experts (评分明细: 82 rows, two pages): 11 pages, not a band per
    // 5 columns as before.
    const sheetOf = (t: string) => ['结果汇总', '评分明细', '总分矩阵', '专家分析', '回避情况', '问题清单', '文件清单', '分数分布图', '分数分布', '进度'].find((s) => t.includes(s));
    const sheets = pdf.text.map(sheetOf);
    expect(sheets).toEqual(['结果汇总', '评分明细', '评分明细', '总分矩阵', '专家分析', '回避情况', '问题清单', '文件清单', '分数分布', '分数分布图', '进度']);
    expect(pdf.pages).toBe(11);
    pdf.text.forEach((t, i) => {
      expect(t).toContain(`第 ${i + 1} 页，共 ${pdf.pages} 页`);
      if (['结果汇总', '评分明细', '总分矩阵', '分数分布', '进度'].includes(sheets[i]!)) expect([sheets[i], t]).toEqual([sheets[i], expect.stringMatching(/C0\d\d/)]);
    });
    // Every candidate is on the summary page with the header row, and the sign-off block is there.
    for (const x of c.result.candidates) expect(pdf.text[0]).toContain(x.code);
    expect(pdf.text[0]).toContain('评审组长（签字）');
    expect(pdf.text[0]).toContain('来源已核实');
    // The header row is repeated on 评分明细's second page.
    expect(pdf.text[2]).toContain('候选人编号');
  },
  240000,
);

maybe(
  'a score sheet filled and saved by LibreOffice consolidates, bound to its expert',
  async () => {
    const { p } = await scored();
    const sent = p.gen.sheets[1];
    const filled = await fillSheet(sent.bytes, Object.fromEntries((p.gen.assignment.byExpert.get('E02') ?? []).map((code) => [code, { criteria: even(80), recommend: '推荐' }])));
    const saved = savedByLibreOffice(filled);
    const c = await consolidateScoreFiles({ profile, files: [{ name: sent.name, bytes: saved }, ...p.returned.filter((_, i) => i !== 1), p.key], top: 3 });
    const file = c.files.find((f) => f.file === sent.name)!;
    expect(file).toMatchObject({ status: 'accepted', scores: 12 });
    expect(c.problems.filter((x) => x.file === sent.name && x.severity === 'error')).toEqual([]);
    expect(c.verified).toBe(true);
  },
  240000,
);

maybe(
  'a 定稿 copy keeps its chart, its hash survives being opened and saved by LibreOffice, and an edit is caught',
  async () => {
    const { c } = await scored();
    const final = await finalizeResultWorkbook(await writeResultWorkbook(c), { now: new Date('2025-04-10T09:00:00Z') });
    expect(final.hash).toMatch(/^[0-9a-f]{64}$/);
    const zip = await JSZip.loadAsync(final.bytes);
    expect(Object.keys(zip.files).some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    await expect(checkFinalWorkbook(final.bytes)).resolves.toMatchObject({ ok: true, recorded: final.hash, actual: final.hash });
    const resaved = savedByLibreOffice(final.bytes);
    await expect(checkFinalWorkbook(resaved)).resolves.toMatchObject({ ok: true, actual: final.hash });
    // Printed, the sign-off page carries the hash.
    if (poppler) expect(printToPdf(final.bytes).text[0]).toContain(final.hash.slice(0, 16));
    const edited = await JSZip.loadAsync(final.bytes);
    const part = 'xl/worksheets/sheet2.xml';
    const xml = await edited.file(part)!.async('string');
    const at = xml.indexOf('<v>', xml.indexOf('r="E2"'));
    edited.file(part, xml.slice(0, at) + '<v>1' + xml.slice(at + 3));
    const tampered = await edited.generateAsync({ type: 'uint8array' });
    await expect(checkFinalWorkbook(tampered)).resolves.toMatchObject({ ok: false, recorded: final.hash });
  },
  240000,
);

maybeTyping(
  'typed by hand in LibreOffice: the drop-downs take what the expert types, and the sheet consolidates bound to its expert',
  async () => {
    const { p } = await scored();
    const sent = p.gen.sheets[1];
    const codes = p.gen.assignment.byExpert.get('E02')!;
    const cells: [string, string][] = [];
    codes.forEach((code, i) => {
      const r = 4 + i;
      if (code === 'C005') cells.push([`D${r}`, '师徒或亲属']);
      else cells.push(...(['E', 'F', 'G', 'H', 'I'].map((col, k) => [`${col}${r}`, String(15 + k)]) as [string, string][]), [`L${r}`, i % 2 ? '不推荐' : '推荐']);
    });
    const typed = await typeInLibreOffice(sent.bytes, cells);
    for (const [ref, text] of cells) expect([ref, typed.cells[ref].replace(/\.0$/, '')]).toEqual([ref, text]);
    const c = await consolidateScoreFiles({ profile, files: [{ name: sent.name, bytes: typed.bytes }, ...p.returned.filter((_, i) => i !== 1), p.key], top: 3 });
    expect(c.files.find((f) => f.file === sent.name)).toMatchObject({ status: 'accepted', scores: 11 });
    expect(c.records.filter((r) => r.expert === 'E02').every((r) => r.total === 85)).toBe(true);
    expect(c.recusals).toContainEqual(expect.objectContaining({ candidate: 'C005', expert: 'E02', reason: '师徒或亲属' }));
    // The column's header once started with an option: the same typing then ends empty (completed to 推荐意见, refused).
    const old = await fillSheet(sent.bytes, {}, { mutate: (ws) => void (ws.getCell('L3').value = '推荐意见') });
    expect((await typeInLibreOffice(old, [['L4', '推荐']])).cells.L4).toBe('');
  },
  240000,
);

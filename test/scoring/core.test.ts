/** Rubric, candidate and expert lists, conflicts of interest, metadata and the core consolidation (no files). */
import { builtinProfile, userProfile } from '../../src/core/profiles/builtin-profiles';
import { assignCandidates, sameUnit, unitKey } from '../../src/core/scoring/assignment';
import { Candidate, candidatesFromGrid } from '../../src/core/scoring/candidates';
import { consolidate, ScoreRecord } from '../../src/core/scoring/consolidate';
import { Expert, expertsFromGrid } from '../../src/core/scoring/experts';
import { canonicalJson, KeyMeta, keyMacMessage, keyMetaRows, parseMetaRows, scoreSheetLayout, scoreSheetMetaRows, ScoreSheetMeta, sheetMacMessage, totalFormula } from '../../src/core/scoring/metadata';
import { ScoringInputError } from '../../src/core/scoring/problems';
import { chooseRound, reviewSteps, RubricError, rubricOf } from '../../src/core/scoring/rubric';
import { book, sheet, validId } from '../support/grid';

const sqc = builtinProfile('sqc-2025')!;

describe('rubric', () => {
  test('default: the five forces, 20 points each, the form’s indicators, step 0.5, two rounds', () => {
    const r = rubricOf(sqc);
    expect(r.source).toBe('default');
    expect(r.criteria.map((c) => [c.name, c.max])).toEqual([
      ['引领力', 20],
      ['实践力', 20],
      ['创新力', 20],
      ['攻关力', 20],
      ['传承力', 20],
    ]);
    expect(r.maxTotal).toBe(100);
    expect(r.step).toBe(0.5);
    expect(r.rounds).toEqual(['书面初评', '会审答辩']);
    expect(r.criteria[0].indicators).toEqual(['勇挑重担', '追求卓越', '示范带动']);
    expect(r.criteria[2].indicators).toContain('业务洞察');
    // 上海工匠 2024 has 业绩突出 instead of 巧解疑难
    expect(rubricOf(builtinProfile('sh-craftsman-2024')!).criteria[1].indicators).toEqual(['技能精湛', '业绩突出', '持续学习']);
    expect(reviewSteps(r)).toEqual(['形式审查', '书面初评', '会审答辩', '名单审定', '公示', '命名']);
  });

  test('a profile’s own rubric (weights are the points)', () => {
    const p = userProfile(
      {
        id: 'sqc-2026-test',
        extends: 'sqc-2025',
        rubric: {
          criteria: [
            { id: 'lead', name: '引领力', max: 30 },
            { id: 'prac', name: '实践力', max: 40 },
            { id: 'pass', name: '传承力', max: 30 },
          ],
          step: 1,
          rounds: ['初评', '答辩'],
        },
      },
      'test',
    );
    const r = rubricOf(p);
    expect(r.source).toBe('profile');
    expect(r.maxTotal).toBe(100);
    expect(r.step).toBe(1);
    expect(chooseRound(r)).toBe('初评');
    expect(() => chooseRound(r, '书面初评')).toThrow(RubricError);
  });

  test('a maximum that is not a whole number of steps is refused', () => {
    const p = userProfile({ id: 'x', extends: 'sqc-2025', rubric: { criteria: [{ id: 'a', name: 'A', max: 10.25 }] } }, 'x.json');
    expect(() => rubricOf(p)).toThrow(/不是最小分值 0.5 的整数倍/);
  });
});

const SUMMARY_HEADER = ['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'];

describe('candidates', () => {
  test('from a summary sheet: codes in sheet order, only name and unit kept', () => {
    const g = book(
      sheet('推荐汇总表', [
        ['第三届（2025年度）“上海质量工匠”培养选树推荐汇总表'],
        SUMMARY_HEADER,
        [1, '上海申江精密机械有限公司', '林晓', '质量部', '高级技师'],
        [2, '上海浦江电子科技有限公司', '王强', '测试部', '技师'],
        [3, null, '陈洁', '车间', '高级工'],
        ['推荐单位（加盖公章）：上海市某区市场监督管理局'],
      ]),
    );
    // Merged unit cell: 陈洁's row reads the merged value.
    g.sheets[0].merges.push({ top: 3, left: 1, bottom: 4, right: 1 });
    g.sheets[0].rows[3][1] = '上海浦江电子科技有限公司';
    g.sheets[0].rows[4][1] = null;
    const list = candidatesFromGrid(g, sqc);
    expect(list.candidates).toEqual([
      { code: 'C001', name: '林晓', unit: '上海申江精密机械有限公司' },
      { code: 'C002', name: '王强', unit: '上海浦江电子科技有限公司' },
      { code: 'C003', name: '陈洁', unit: '上海浦江电子科技有限公司' },
    ]);
    expect(list.source).toMatchObject({ sheet: '推荐汇总表', firstRow: 3, lastRow: 5 });
  });

  test('several units’ summaries pasted on one sheet: every block’s candidates, none dropped', () => {
    const block = (unit: string, people: string[]) => [['“上海质量工匠”推荐汇总表'], SUMMARY_HEADER, ...people.map((p, i) => [i + 1, `${unit}有限公司`, p, '车间', '技师']), [`推荐单位（加盖公章）：${unit}`], []];
    const g = book(sheet('推荐汇总表', [...block('上海甲', ['林晓', '王强']), ...block('上海乙', ['陈洁'])]));
    const list = candidatesFromGrid(g, sqc);
    expect(list.candidates.map((c) => `${c.code} ${c.name} ${c.unit}`)).toEqual(['C001 林晓 上海甲有限公司', 'C002 王强 上海甲有限公司', 'C003 陈洁 上海乙有限公司']);
    expect(list.source).toMatchObject({ firstRow: 3, lastRow: 9 });
  });

  test('from the details table: IDs, phones and addresses are not copied', () => {
    const g = book(
      sheet('申报信息', [
        ['姓名', '性别', '身份证号码', '手机号码', '工作单位', '家庭住址'],
        ['林晓', '女', validId('31010119850307002'), '13812345678', '上海申江精密机械有限公司', '上海市长宁区天山路1号'],
      ]),
    );
    const [c] = candidatesFromGrid(g, sqc).candidates;
    expect(c).toEqual({ code: 'C001', name: '林晓', unit: '上海申江精密机械有限公司' });
    expect(JSON.stringify(c)).not.toMatch(/1381|3101|天山路/);
  });

  test('with --group-by the group column is read (an extra column the profile does not know)', () => {
    const g = book(sheet('汇总', [[...SUMMARY_HEADER, '组别'], [1, '甲公司', '林晓', '质量部', '技师', '医药'], [2, '乙公司', '王强', '车间', '技师', '仪电']]));
    const list = candidatesFromGrid(g, sqc, { groupBy: '组别' });
    expect(list.candidates.map((c) => c.group)).toEqual(['医药', '仪电']);
    expect(() => candidatesFromGrid(book(sheet('汇总', [SUMMARY_HEADER, [1, '甲公司', '林晓', '质量部', '技师']])), sqc, { groupBy: '组别' })).toThrow(/没有“组别”列/);
  });

  test('unusable lists are refused with the reason', () => {
    const noTable = book(sheet('Sheet1', [['随便写点什么'], ['a', 'b']]));
    expect(() => candidatesFromGrid(noTable, sqc)).toThrow(ScoringInputError);
    expect(() => candidatesFromGrid(noTable, sqc)).toThrow(/找不到/);
    const problems = book(sheet('汇总', [SUMMARY_HEADER, [1, '甲公司', '林晓', '质量部', '技师'], [2, '', '王强', '车间', '技师'], [3, '甲公司', '林晓', '车间', '技师']]));
    try {
      candidatesFromGrid(problems, sqc);
      throw new Error('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ScoringInputError);
      const err = e as ScoringInputError;
      expect(err.localized.zh).toContain('第 3 行（王强）没有单位');
      expect(err.localized.zh).toContain('林晓（甲公司）出现了两次（第 2、4 行）');
    }
  });
});

describe('experts', () => {
  test('header under a title row; codes E01…; group and e-mail optional', () => {
    const g = book(sheet('专家', [['2025 书面初评专家名单'], ['序号', '专家姓名', '工作单位', '组别', '电子邮箱'], [1, '张华', '复旦大学', '医药', 'zh@fudan.edu.cn'], [2, '李明', '同济大学', '仪电', ''], []]));
    const list = expertsFromGrid(g);
    expect(list.experts).toEqual([
      { code: 'E01', name: '张华', unit: '复旦大学', group: '医药', email: 'zh@fudan.edu.cn' },
      { code: 'E02', name: '李明', unit: '同济大学', group: '仪电' },
    ]);
  });

  test('refused: no header, missing unit, missing group when grouping, duplicates', () => {
    expect(() => expertsFromGrid(book(sheet('x', [['名字']])))).toThrow(/需要一行含“姓名”和“单位”/);
    expect(() => expertsFromGrid(book(sheet('x', [['姓名', '单位'], ['张华', '']])))).toThrow(/第 2 行（张华）没有单位/);
    expect(() => expertsFromGrid(book(sheet('x', [['姓名', '单位', '组别'], ['张华', '复旦大学', '']])), { groupBy: '组别' })).toThrow(/没有组别/);
    expect(() => expertsFromGrid(book(sheet('x', [['姓名', '单位'], ['张华', '复旦大学']])), { groupBy: '组别' })).toThrow(/没有“组别”列/);
    expect(() => expertsFromGrid(book(sheet('x', [['姓名', '单位'], ['张华', '复旦大学'], ['张华', '复旦大学']])))).toThrow(/出现了两次/);
  });
});

describe('conflict of interest', () => {
  test('unit names are compared after normalisation', () => {
    expect(unitKey('上海电气集团股份有限公司')).toBe('上海电气');
    expect(unitKey('上海市电气（集团）总公司')).toBe('上海电气');
    expect(unitKey('上海 申江 精密机械有限公司')).toBe('上海申江精密机械');
    expect(unitKey('上海申江精密機械有限公司')).toBe('上海申江精密机械'); // traditional characters
    expect(unitKey('ＡＢＣ公司')).toBe('abc');
    expect(sameUnit('上海电气集团股份有限公司', '上海电气（集团）总公司')).toBe(true);
    // A subsidiary named after its parent (key of 4+ characters is a prefix)
    expect(sameUnit('上海电气', '上海电气电站设备有限公司上海汽轮机厂')).toBe(true);
    expect(sameUnit('上海申江精密机械有限公司', '上海浦江电子科技有限公司')).toBe(false);
    // Short keys are not prefixes of everything
    expect(sameUnit('上海', '上海浦江电子科技有限公司')).toBe(false);
    expect(sameUnit('复旦大学', '同济大学')).toBe(false);
  });

  const cands: Candidate[] = [
    { code: 'C001', name: '林晓', unit: '上海申江精密机械有限公司', group: '冶金、机械和电气' },
    { code: 'C002', name: '王强', unit: '上海浦江电子科技有限公司', group: '仪电' },
    { code: 'C003', name: '陈洁', unit: '上海华申制药有限公司', group: '医药' },
    { code: 'C004', name: '赵敏', unit: '上海华申制药股份有限公司', group: '医药' },
    { code: 'C005', name: '孙丽', unit: '某公司' },
  ];
  const experts: Expert[] = [
    { code: 'E01', name: '张华', unit: '上海申江精密机械（集团）有限公司', group: '冶金、机械和电气' },
    { code: 'E02', name: '李明', unit: '同济大学', group: '冶金机械和电气' },
    { code: 'E03', name: '周涛', unit: '上海华申制药有限公司', group: '医药' },
    { code: 'E04', name: '吴刚', unit: '复旦大学', group: '交通运输' },
  ];

  test('an expert never gets a candidate of their own unit', () => {
    const a = assignCandidates(cands, experts, { grouped: false });
    expect(a.byExpert.get('E01')).not.toContain('C001');
    expect(a.byExpert.get('E03')).toEqual(['C001', 'C002', 'C005']);
    expect(a.byCandidate.get('C004')).toEqual(['E01', 'E02', 'E04']);
    expect(a.exclusions).toEqual([
      { candidate: 'C001', expert: 'E01', reason: 'same-unit' },
      { candidate: 'C003', expert: 'E03', reason: 'same-unit' },
      { candidate: 'C004', expert: 'E03', reason: 'same-unit' },
    ]);
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('grouping: candidates go to the experts of their group; nobody left unexplained', () => {
    const a = assignCandidates(cands, experts, { grouped: true });
    // "冶金机械和电气" (E02) is the group "冶金、机械和电气": punctuation does not matter.
    expect(a.byCandidate.get('C001')).toEqual(['E02']);
    expect(a.byExpert.get('E03')).toBeUndefined();
    const byCode = Object.fromEntries(a.problems.map((p) => [p.candidate ?? p.expert, p]));
    expect(byCode.C001.code).toBe('assign.few-experts');
    expect(byCode.C002.code).toBe('assign.group-without-experts');
    expect(byCode.C004.code).toBe('assign.all-conflicted');
    expect(byCode.C004.message.zh).toContain('周涛');
    expect(byCode.C003.code).toBe('assign.all-conflicted');
    expect(byCode.C005.code).toBe('assign.no-group');
    expect(byCode.E04.code).toBe('assign.expert-without-candidates');
    expect(a.byExpert.has('E04')).toBe(false);
  });

  test('thin panels are warned about', () => {
    const a = assignCandidates(cands.slice(0, 2), experts.slice(0, 2), { grouped: false });
    expect(a.problems.find((p) => p.candidate === 'C001')).toMatchObject({ severity: 'warning', code: 'assign.few-experts' });
  });
});

describe('metadata', () => {
  const meta: ScoreSheetMeta = {
    format: 'jiangxuan-scoresheet/2',
    batch: 'abc',
    programme: { id: 'sqc-2025', name: 'SQC' },
    round: '书面初评',
    mode: 'scores',
    expert: { code: 'E01', name: '张华', unit: '复旦大学' },
    blind: false,
    rubric: { criteria: [{ id: 'a', name: '引领力', max: 20 }], step: 0.5 },
    candidates: [{ code: 'C001', name: '林晓', unit: '甲公司' }],
    generatedAt: '2025-03-01T00:00:00.000Z',
    mac: 'ab12',
  };

  test('canonical JSON sorts keys; the MAC covers the expert, round, batch, list and rubric, not the MAC or the time', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const msg = sheetMacMessage(meta);
    expect(msg).not.toMatch(/generatedAt|"mac"|2025-03-01/);
    expect(sheetMacMessage({ ...meta, generatedAt: 'other', mac: 'ff' })).toBe(msg);
    for (const changed of [
      { candidates: [{ code: 'C001', name: '林晓晓', unit: '甲公司' }] },
      { candidates: [] },
      { expert: { code: 'E02', name: '张华', unit: '复旦大学' } },
      { expert: { code: 'E01', name: '张华', unit: '复旦大学', group: '医药' } },
      { batch: 'abd' },
      { round: '会审答辩' },
      { mode: 'ballot' as const },
      { blind: true },
      { rubric: { criteria: [{ id: 'a', name: '引领力', max: 25 }], step: 0.5 } },
      { programme: { id: 'sqc-2024', name: 'SQC' } },
    ]) {
      expect([changed, sheetMacMessage({ ...meta, ...changed })]).not.toEqual([changed, msg]);
    }
  });

  test('rows round-trip; blind rows carry codes only; earlier formats are recognised, never trusted', () => {
    const back = parseMetaRows(scoreSheetMetaRows(meta));
    expect(back).toEqual({ kind: 'scoresheet', meta });
    const blindRows = scoreSheetMetaRows({ ...meta, blind: true, candidates: [{ code: 'C001' }] });
    expect(JSON.stringify(blindRows)).not.toMatch(/林晓|甲公司/);
    expect(parseMetaRows([['format', 'something else']])).toMatchObject({ kind: 'damaged' });
    expect(parseMetaRows([['format', 'jiangxuan-scoresheet/1']])).toEqual({ kind: 'outdated', what: 'scoresheet' });
    // A duplicated candidate code, a second expert row or a repeated single field: damaged, not guessed at.
    const rows = scoreSheetMetaRows(meta);
    expect(parseMetaRows([...rows, ['candidate', 'C001', '林晓', '甲公司']])).toMatchObject({ kind: 'damaged' });
    expect(parseMetaRows([...rows, ['expert', 'E02', '李明', '同济']])).toMatchObject({ kind: 'damaged' });
    expect(parseMetaRows([...rows, ['batch', 'x']])).toMatchObject({ kind: 'damaged' });
  });

  test('the key: rows round-trip with the secret; its MAC leaves the secret out; hostile codes stay data', () => {
    const key: KeyMeta = {
      format: 'jiangxuan-score-key/2',
      batch: 'abc',
      programme: { id: 'sqc-2025', name: 'SQC' },
      round: '书面初评',
      mode: 'scores',
      blind: false,
      grouped: false,
      rubric: meta.rubric,
      candidates: [{ code: 'C001', name: '林晓', unit: '甲公司' }],
      experts: [{ code: 'E01', name: '张华', unit: '复旦大学', file: 'f.xlsx', password: 'pw' }],
      assignment: { E01: ['C001'] },
      exclusions: [],
      generatedAt: '2025-03-01T00:00:00.000Z',
      secret: '0123456789abcdef0123456789abcdef',
      mac: 'cd34',
    };
    const back = parseMetaRows(keyMetaRows(key));
    expect(back.kind).toBe('key');
    expect(back.kind === 'key' && { ...back.meta, assignment: { ...back.meta.assignment } }).toEqual(key);
    expect(keyMacMessage(key)).not.toContain(key.secret);
    const proto = keyMetaRows({ ...key, experts: [{ ...key.experts[0], code: '__proto__' }], assignment: { ['__proto__']: ['C001'] } });
    const parsed = parseMetaRows(proto);
    expect(parsed.kind === 'key' && Object.keys(parsed.meta.assignment)).toEqual(['__proto__']);
    expect(parseMetaRows(keyMetaRows({ ...key, assignment: { E01: ['C999'] } }))).toMatchObject({ kind: 'damaged' });
  });

  test('layout and total formula', () => {
    const l = scoreSheetLayout({ criteria: rubricOf(sqc).criteria, step: 0.5 }, false);
    expect(l.headers).toEqual(['编号', '姓名', '单位', '回避声明', '引领力（20分）', '实践力（20分）', '创新力（20分）', '攻关力（20分）', '传承力（20分）', '总分（100分）', '评语', '是否推荐']);
    expect(totalFormula(l, 4)).toBe('IF(COUNT(E4:I4)=0,"",SUM(E4:I4))');
    expect(scoreSheetLayout({ criteria: rubricOf(sqc).criteria, step: 0.5 }, true).headers.slice(0, 3)).toEqual(['编号', '回避声明', '引领力（20分）']);
    expect(scoreSheetLayout({ criteria: rubricOf(sqc).criteria, step: 0.5 }, false, 'ballot').headers).toEqual(['编号', '姓名', '单位', '回避声明', '名次（1为最优）', '评语']);
  });
});

describe('consolidate (core)', () => {
  // A 2-criterion rubric (10 + 10 points) and 5 experts; totals per candidate:
  //   A: 12 14 16 18 20 → mean 16, trimmed (14+16+18)/3 = 16, SD √10 = 3.1623
  //   B: 10 19 19 19 19 → mean 17.2, trimmed 19, SD: Σd² = 51.84 + 4 × 3.24 = 64.8, /4 = 16.2 → 4.0249
  //      (> 15 % of 20 = 3 → disagreement; range 9 > 6 → disagreement)
  //   C: 14 15 16 17 18 → mean 16, trimmed 16 (ties A at rank 2)
  const rubric = { criteria: [{ id: 'a', name: 'A', max: 10 }, { id: 'b', name: 'B', max: 10 }], step: 0.5 };
  const totals: Record<string, number[]> = { A: [12, 14, 16, 18, 20], B: [10, 19, 19, 19, 19], C: [14, 15, 16, 17, 18] };
  const experts = ['E1', 'E2', 'E3', 'E4', 'E5'].map((code) => ({ code, name: code, unit: 'u' + code }));
  const records: ScoreRecord[] = [];
  for (const [cand, ts] of Object.entries(totals)) {
    ts.forEach((t, i) => records.push({ candidate: cand, expert: experts[i].code, criteria: [t / 2, t / 2], total: t, file: `f${i}`, row: 4, recommend: t >= 16 ? '推荐' : '不推荐' }));
  }
  const candidates = Object.keys(totals).map((code) => ({ code, name: code, unit: 'x' }));
  const result = consolidate({ rubric, round: 'r', candidates, experts, records, options: { trim: 1, top: 2 } });

  test('per candidate figures and ranking with ties', () => {
    const by = Object.fromEntries(result.candidates.map((c) => [c.code, c]));
    expect(by.B).toMatchObject({ count: 5, mean: 17.2, trimmedMean: 19, trimmed: true, rank: 1, min: 10, max: 19, recommend: { yes: 4, no: 1 } });
    expect(by.B.sd).toBeCloseTo(4.024922, 6);
    expect(by.B.flags).toEqual(['disagreement-sd', 'disagreement-range']);
    expect(by.A).toMatchObject({ mean: 16, trimmedMean: 16, rank: 2 });
    expect(by.A.sd).toBeCloseTo(Math.sqrt(10), 9);
    expect(by.C).toMatchObject({ mean: 16, trimmedMean: 16, rank: 2 });
    expect(by.A.criteria).toEqual([8, 8]);
    expect(result.candidates.map((c) => c.code)).toEqual(['B', 'A', 'C']);
  });

  test('a tie at the cut puts both on the shortlist, with a warning', () => {
    expect(result.candidates.filter((c) => c.shortlisted).map((c) => c.code)).toEqual(['B', 'A', 'C']);
    expect(result.problems.map((p) => p.code)).toContain('result.tie-at-cut');
  });

  test('experts: leniency against the others and correlation', () => {
    // E1 gave A 12, B 10, C 14; the others' means are A 17, B 19, C 16.5 → differences −5, −9, −2.5 → −5.5
    const e1 = result.experts.find((e) => e.code === 'E1')!;
    expect(e1.leniency).toBeCloseTo(-5.5, 9);
    expect(e1.count).toBe(3);
    expect(e1.mean).toBe(12);
    expect(e1.flags).toContain('severe'); // |−5.5| > 10 % of 20
  });

  test('Kendall W on the complete block', () => {
    expect(result.agreement).toHaveLength(1);
    expect(result.agreement[0]).toMatchObject({ experts: 5, candidates: 3, excluded: 0 });
    expect(result.agreement[0].w!.w).toBeGreaterThan(0);
  });
});

describe('consolidate (core): real returns and panels', () => {
  const rubric = { criteria: [{ id: 'a', name: 'A', max: 50 }, { id: 'b', name: 'B', max: 50 }], step: 0.5 };
  const experts = ['E1', 'E2', 'E3', 'E4'].map((code) => ({ code, name: code, unit: 'u' + code }));
  const rec = (candidate: string, expert: string, total: number): ScoreRecord => ({ candidate, expert, criteria: [total / 2, total / 2], total, file: expert, row: 4 });

  test('median and 分歧 (range); a candidate below the round minimum is ranked, never shortlisted, and the next one moves in', () => {
    // A: 90 only (1 score) — the highest mean, but 1 < 3. B: 80 82 84 86 → median 83, range 6. C: 70 71 72. D: 60 61 62.
    const records = [rec('A', 'E1', 90), ...[80, 82, 84, 86].map((t, i) => rec('B', experts[i].code, t)), ...[70, 71, 72].map((t, i) => rec('C', experts[i].code, t)), ...[60, 61, 62].map((t, i) => rec('D', experts[i].code, t))];
    const candidates = ['A', 'B', 'C', 'D'].map((code) => ({ code, name: code, unit: 'x' }));
    const r = consolidate({ rubric, round: 'r', candidates, experts, records, options: { trim: 1, top: 2, minScores: 3 } });
    const by = Object.fromEntries(r.candidates.map((c) => [c.code, c]));
    expect(by.B).toMatchObject({ median: 83, range: 6, rank: 2, eligible: true, shortlisted: true });
    expect(by.A).toMatchObject({ rank: 1, eligible: false, shortlisted: false, flags: ['too-few-scores'] });
    expect(by.C).toMatchObject({ rank: 3, shortlisted: true });
    expect(by.D).toMatchObject({ rank: 4, shortlisted: false });
    expect(r.problems.map((p) => [p.code, p.candidate])).toEqual([['result.too-few-scores', 'A']]);
    expect(r.problems[0].message.zh).toBe('A A 只有 1 份有效评分，少于本轮要求的 3 份，不列入建议名单');
  });

  test('groups: ranks and cut lines per group, a tie at a group’s cut named with its group', () => {
    const candidates = [
      { code: 'A', name: 'A', unit: 'x', group: '甲' },
      { code: 'B', name: 'B', unit: 'x', group: '乙' },
      { code: 'C', name: 'C', unit: 'x', group: '甲' },
      { code: 'D', name: 'D', unit: 'x', group: '乙' },
      { code: 'E', name: 'E', unit: 'x', group: '乙' },
    ];
    const totals: Record<string, number> = { A: 90, B: 70, C: 80, D: 60, E: 60 };
    const records = Object.entries(totals).flatMap(([c, t]) => experts.slice(0, 3).map((e) => rec(c, e.code, t)));
    const r = consolidate({ rubric, round: 'r', candidates, experts, records, options: { trim: 0, top: 1, grouped: true, minScores: 3 } });
    expect(r.candidates.map((c) => [c.code, c.group, c.rank, c.shortlisted])).toEqual([
      ['A', '甲', 1, true],
      ['C', '甲', 2, false],
      ['B', '乙', 1, true],
      ['D', '乙', 2, false],
      ['E', '乙', 2, false],
    ]);
    const top2 = consolidate({ rubric, round: 'r', candidates, experts, records, options: { trim: 0, top: 2, grouped: true, minScores: 3 } });
    expect(top2.candidates.filter((c) => c.shortlisted).map((c) => c.code)).toEqual(['A', 'C', 'B', 'D', 'E']);
    expect(top2.problems.map((p) => p.message.zh)).toEqual(['组别“乙”建议名单的末位并列（D D、E E），建议名单为 3 人而不是 2 人，请会审决定']);
  });
});

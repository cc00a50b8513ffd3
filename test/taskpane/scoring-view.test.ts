/** What the 专家评分 and 培育跟踪 tabs show: formatting, grouping and wording, from plain results. */
import type { CandidateResult } from '../../src/core/scoring/consolidate';
import type { ProblemPlace, ScoringCode, ScoringProblem } from '../../src/core/scoring/problems';
import { assignCandidates } from '../../src/core/scoring/assignment';
import {
  agreementLines,
  assignmentView,
  defaultTop,
  fileTally,
  fmt,
  parseYear,
  problemGroups,
  problemViews,
  rankingRows,
  resultFileName,
  resultSheetPrefix,
  rolloverLines,
  scoreZipName,
  trackingFileName,
  yearStart,
} from '../../src/taskpane/scoring-view';

function candidate(code: string, extra: Partial<CandidateResult> = {}): CandidateResult {
  return { code, name: `姓名${code}`, unit: '某单位', scores: [], count: 5, trimmed: true, criteria: [], recommend: { yes: 0, no: 0 }, recusals: 0, eligible: true, shortlisted: false, flags: [], ...extra };
}

describe('numbers and names', () => {
  it('formats figures with two decimals and a dash for undefined', () => {
    expect(fmt(82.5)).toBe('82.50');
    expect(fmt(76.66666)).toBe('76.67');
    expect(fmt(undefined)).toBe('—');
    expect(fmt(Number.NaN)).toBe('—');
    expect(fmt(0.31140, 3)).toBe('0.311');
  });

  it('names the downloads after the round and the year', () => {
    expect(scoreZipName('书面初评', false)).toBe('评分表-书面初评.zip');
    expect(scoreZipName('会审答辩', true)).toBe('评分表-会审答辩（盲评）.zip');
    expect(resultFileName('书面初评')).toBe('评分结果-书面初评.xlsx');
    expect(resultSheetPrefix('会审答辩')).toBe('会审答辩·');
    expect(trackingFileName(2027)).toBe('培育跟踪2027.xlsx');
    expect(yearStart(2026)).toBe('2026-01-01');
  });

  it('reads a year only as four digits between 2000 and 2100', () => {
    expect(parseYear(' 2027 ')).toBe(2027);
    for (const bad of ['27', '2027年', '1999', '2101', '']) expect(parseYear(bad)).toBeUndefined();
  });

  it('suggests a shortlist of the top half, at most 10', () => {
    expect([0, 1, 2, 7, 8, 19, 20, 300].map(defaultTop)).toEqual([0, 1, 1, 4, 4, 10, 10, 10]);
  });
});

describe('assignment', () => {
  it('counts candidates, experts, conflicts and per-expert sheets', () => {
    const candidates = [
      { code: 'C001', name: '甲', unit: '上海电气集团股份有限公司' },
      { code: 'C002', name: '乙', unit: '同济大学' },
      { code: 'C003', name: '丙', unit: '复旦大学' },
    ];
    const experts = [
      { code: 'E01', name: '张', unit: '上海电气（集团）总公司' },
      { code: 'E02', name: '李', unit: '复旦大学' },
      { code: 'E03', name: '王', unit: '华东理工大学' },
    ];
    const assignment = assignCandidates(candidates, experts, { grouped: false });
    const v = assignmentView({ candidates: { candidates }, experts: { experts }, assignment });
    expect(v).toMatchObject({ candidates: 3, experts: 3, exclusions: 2, unscorable: 0, sheets: 3, perCandidate: { min: 2, max: 3 } });
    expect(v.perExpert.map((e) => [e.code, e.candidates])).toEqual([
      ['E01', 2],
      ['E02', 2],
      ['E03', 3],
    ]);
  });

  it('counts candidates nobody can score', () => {
    const candidates = [{ code: 'C001', name: '甲', unit: '复旦大学' }];
    const experts = [{ code: 'E01', name: '张', unit: '复旦大学' }];
    const v = assignmentView({ candidates: { candidates }, experts: { experts }, assignment: assignCandidates(candidates, experts, { grouped: false }) });
    expect(v.unscorable).toBe(1);
    expect(v.perCandidate).toBeUndefined();
    expect(v.sheets).toBe(0);
  });
});

/** A problem with a short message of its own (the view only sorts, groups and picks the language). */
function problem(severity: ScoringProblem['severity'], code: ScoringCode, zh: string, en: string, place: ProblemPlace = {}): ScoringProblem {
  return { severity, code, params: {}, message: { zh, en }, ...place };
}

describe('problems', () => {
  const problems = [
    problem('warning', 'recommend.missing', 'C002（K5）没有填写推荐意见', 'no recommendation', { file: '收回/评分表-孙丽-书面初评.xlsx', candidate: 'C002', cell: 'K5' }),
    problem('error', 'score.out-of-range', 'C001（D4）引领力 25 分超出范围', 'out of range', { file: '收回/评分表-李红-书面初评.xlsx', candidate: 'C001', cell: 'D4' }),
    problem('warning', 'result.tie-at-cut', '第 2 名并列', 'a tie at rank 2'),
    problem('warning', 'expert.missing', '未收到专家 周明（E05）的评分表', 'no score sheet from 周明', { file: '评分表-周明-书面初评.xlsx' }),
    problem('warning', 'recommend.missing', 'C003（K6）没有填写推荐意见', 'no recommendation', { file: '收回/评分表-孙丽-书面初评.xlsx' }),
  ];
  const files = [
    { file: '收回/评分表-孙丽-书面初评.xlsx', status: 'accepted' },
    { file: '收回/评分表-李红-书面初评.xlsx', status: 'rejected' },
  ];

  it('lists errors first, files without folders, in the chosen language', () => {
    const v = problemViews(problems, 'en');
    expect(v.map((p) => p.severity)).toEqual(['error', 'warning', 'warning', 'warning', 'warning']);
    expect(v[0]).toMatchObject({ file: '评分表-李红-书面初评.xlsx', message: 'out of range', where: 'C001 · D4' });
  });

  it('groups per file: files with errors first, then in the files’ order, the round as a whole last', () => {
    const g = problemGroups(problems, files, 'zh');
    expect(g.map((x) => [x.file, x.status, x.errors, x.warnings])).toEqual([
      ['评分表-李红-书面初评.xlsx', 'rejected', 1, 0],
      ['评分表-孙丽-书面初评.xlsx', 'accepted', 0, 2],
      ['评分表-周明-书面初评.xlsx', undefined, 0, 1],
      [undefined, undefined, 0, 1],
    ]);
    expect(g[1].problems.map((p) => p.message)).toEqual(['C002（K5）没有填写推荐意见', 'C003（K6）没有填写推荐意见']);
  });

  it('sums up the files', () => {
    const round = { accepted: 4, rejected: 1, files: [...files, { file: 'x', status: 'superseded' }], key: { file: 'a/评分安排-书面初评（内部，勿发专家）.xlsx' } };
    expect(fileTally(round, 'zh')).toBe('有效 4 份 · 退回 1 份 · 被替代 1 份 · 来源已核实：评分安排-书面初评（内部，勿发专家）.xlsx');
    expect(fileTally({ accepted: 2, rejected: 0, files: [] }, 'en')).toBe('2 accepted · 0 rejected · no key file: origin not verified');
  });
});

describe('ranking', () => {
  it('keeps the figures, merges the two disagreement flags into one badge, marks the shortlist', () => {
    const rows = rankingRows(
      [
        candidate('C004', { rank: 1, mean: 80, trimmedMean: 85, sd: 17.68, shortlisted: true, flags: ['disagreement-sd', 'disagreement-range'] }),
        candidate('C002', { rank: 2, mean: 76.7, trimmedMean: 77.5, sd: 10.8, expected: 6, count: 5, flags: ['fewer-than-expected'] }),
        candidate('C009', { count: 0, flags: ['no-scores'] }),
      ],
      'zh',
    );
    expect(rows[0]).toMatchObject({ code: 'C004', rank: 1, trimmedMean: 85, shortlisted: true });
    expect(rows[0].flags).toHaveLength(1);
    expect(rows[0].flags[0].short).toBe('分歧大');
    expect(rows[0].flags[0].long).toBe('分歧大（标准差超过满分的15%）；分歧大（极差超过满分的30%）');
    expect(rows[1]).toMatchObject({ expected: 6, count: 5 });
    expect(rows[1].flags.map((f) => f.short)).toEqual(['份数不足']);
    expect(rows[2].rank).toBeUndefined();
    expect(rankingRows([candidate('C1', { flags: ['no-scores'] })], 'en')[0].flags[0].short).toBe('no scores');
  });

  it('words Kendall’s W as the CLI does', () => {
    const w = { w: 0.19444, m: 6, n: 3, chiSquare: 2.333, df: 2, p: 0.3114 };
    expect(agreementLines([{ experts: 6, candidates: 3, excluded: 1, blockExperts: [], blockCandidates: [], w }], 'zh')).toEqual([
      '专家一致性（全体专家）：Kendall W = 0.194，很弱一致，p = 0.311（6 位专家 × 3 名候选人，1 名因回避未计入）',
    ]);
    expect(agreementLines([{ group: '机械', experts: 4, candidates: 5, excluded: 0, blockExperts: [], blockCandidates: [], w: { ...w, w: 0.8, p: 0.0001 } }], 'en')).toEqual([
      'Agreement (group 机械): Kendall’s W = 0.800, strong agreement, p < 0.001 (4 experts × 5 candidates)',
    ]);
    expect(agreementLines([{ experts: 1, candidates: 3, excluded: 0, blockExperts: [], blockCandidates: [] }], 'zh')[0]).toMatch(/无法计算/);
  });
});

describe('rollover', () => {
  it('reports what was carried and what was left, and warns about trainees still in progress', () => {
    const lines = rolloverLines(
      {
        fromYear: 2026,
        toYear: 2027,
        trainees: 8,
        carried: [
          { name: '邓海鹏', start: '2027-01-01' },
          { name: '林怡', start: '2027-01-01' },
        ],
        notCarried: { 已认定: 1, 培育中: 5 },
        history: { plans: 3, activities: 12, stageAssessments: 2, finalAssessments: 2 },
      },
      'zh',
    );
    expect(lines).toEqual([
      '原培育对象清单 8 人，其中“继续培育” 2 人结转：邓海鹏（自 2027-01-01）、林怡（自 2027-01-01）',
      '未结转 6 人：已认定 1、培育中 5',
      '注意：5 人状态为“培育中”“期满待考评”或未填，没有结转；如需继续培育，请在原工作簿中把状态改为“继续培育”后重新结转',
      '历史记录（“历史·”工作表）：培育计划 3 条、培育档案 12 条、阶段考核 2 条、期满考评 2 条',
    ]);
    const en = rolloverLines({ toYear: 2027, trainees: 0, carried: [], notCarried: {}, history: { plans: 0, activities: 0, stageAssessments: 0, finalAssessments: 0 } }, 'en');
    expect(en).toHaveLength(2);
  });
});

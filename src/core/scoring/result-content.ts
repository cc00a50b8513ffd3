/**
 * What the result workbook says besides the figures: what happened to each file, why a score is missing from the
 * matrix, where each candidate stands in the review steps, and the notes that explain the method (with the
 * thresholds the statistics really use). Pure; the exceljs writer lays them out (result-writer.ts).
 */
import type { Localized } from '../model/findings';
import type { ConsolidatedRound, FileStatus } from './consolidate-round';
import type { CandidateResult } from './consolidate';
import type { ScoringProblem } from './problems';
import { formatPoints, reviewSteps } from './rubric';
import {
  DISAGREEMENT_RANGE_SHARE,
  DISAGREEMENT_SD_SHARE,
  LENIENCY_SHARE,
  LOW_CORRELATION,
  MIN_SHARED_FOR_CORRELATION_FLAG,
} from './statistics';

/** What happened to a returned file: a short label (the pane's file list) and the full wording (the 文件清单 sheet). */
export const FILE_STATUS_TEXT: Record<FileStatus, { label: Localized; detail: Localized }> = {
  accepted: { label: { zh: '有效', en: 'accepted' }, detail: { zh: '有效，已计入', en: 'accepted, counted' } },
  rejected: { label: { zh: '退回，未使用', en: 'rejected, not used' }, detail: { zh: '退回，未使用', en: 'rejected, not used' } },
  superseded: {
    label: { zh: '被替代，未计入', en: 'superseded, not counted' },
    detail: { zh: '被同一专家后交的文件替代，未计入', en: 'replaced by a later file of the same expert, not counted' },
  },
  'other-round': { label: { zh: '其他轮次，未计入', en: 'other round, not counted' }, detail: { zh: '其他轮次，未计入', en: 'another round, not counted' } },
  key: { label: { zh: '评分安排', en: 'key file' }, detail: { zh: '评分安排（名单对照）', en: 'key file (list check)' } },
  ignored: { label: { zh: '忽略', en: 'ignored' }, detail: { zh: '忽略', en: 'ignored' } },
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Whether the origin of the sheets was verified, as every output says it (CLI, workbook, pane). */
export function verificationLine(c: Pick<ConsolidatedRound, 'verified' | 'key'>): Localized {
  return c.verified
    ? {
        zh: `来源已核实：每份计入的评分表都用评分安排文件（${c.key?.file ?? ''}）核对了签名和工作表保护密码。`,
        en: `Origin verified: every counted sheet's signature and protection password were checked against the key file (${c.key?.file ?? ''}).`,
      }
    : {
        zh: '来源未核实：汇总时没有使用评分安排文件，无法核实每份评分表是否由对应专家交回、隐藏的名单和批次是否被改动。本结果不宜作为正式依据。',
        en: 'Origin NOT verified: no key file was used, so whether each sheet comes from its expert and whether its hidden list or batch was edited cannot be checked. Do not use this result as the formal basis.',
      };
}

/** What the shortlist rests on: the sheets counted, sent and rejected, and the round's minimum of scores. */
export function shortlistBasis(c: Pick<ConsolidatedRound, 'accepted' | 'rejected' | 'key' | 'result'>): Localized {
  const sent = c.key ? c.key.meta.experts.filter((e) => e.file).length : undefined;
  const min = c.result.options.minScores;
  return {
    zh: `依据 ${c.accepted} 份有效评分表${sent !== undefined ? `（发出 ${sent} 份）` : ''}${c.rejected ? `，另有 ${c.rejected} 份被退回未计入` : ''}；有效评分少于 ${min} 份的候选人不列入建议名单。`,
    en: `Based on ${c.accepted} accepted score sheet(s)${sent !== undefined ? ` (${sent} sent)` : ''}${c.rejected ? `; ${c.rejected} rejected and not counted` : ''}; candidates with fewer than ${min} accepted scores are not shortlisted.`,
  };
}

/** How a problem is labelled in the 问题清单 sheet: what it did to the file or the score. */
export function problemLevel(p: Pick<ScoringProblem, 'severity' | 'scope'>): string {
  if (p.severity === 'warning') return '警告';
  return p.scope === 'score' ? '错误（此项分数不计）' : '错误（文件未使用）';
}

/** The sign-off block under the ranking: who signs, and the line a 定稿 copy fills with its content hash. */
export const SIGN_OFF = {
  heading: '评审意见与签字',
  lines: ['评审组长（签字）：', '评审组成员（签字）：', '', '日期：'],
  finalPending: '定稿：尚未定稿（定稿后此处写明定稿时间和内容校验码，请与签字页一并存档）',
} as const;

export function finalLine(at: string, hash: string): string {
  return `定稿：${at.replace('T', ' ').slice(0, 16)}　内容校验码（SHA-256）：${hash}`;
}

/** Every conflict of interest in the round: pairs left out when the sheets were made, and those the experts declared. */
export function recusalRows(c: ConsolidatedRound): { candidate: string; name: string; expert: string; expertName: string; kind: string; reason: string; file: string }[] {
  const cand = new Map(c.result.candidates.map((x) => [x.code, x.name]));
  const expertName = new Map<string, string>([...(c.key?.meta.experts ?? []).map((e) => [e.code, e.name] as const), ...c.result.experts.map((e) => [e.code, e.name] as const)]);
  const rows = [
    ...(c.key?.meta.exclusions ?? []).map((x) => ({ candidate: x.candidate, expert: x.expert, kind: '同单位回避（生成评分表时）', reason: '同单位', file: '' })),
    ...c.recusals.map((r) => ({ candidate: r.candidate, expert: r.expert, kind: '专家声明回避', reason: r.reason, file: r.file })),
  ];
  return rows.map((r) => ({ ...r, name: cand.get(r.candidate) ?? '', expertName: expertName.get(r.expert) ?? r.expert }));
}

/**
 * Why an expert has no score for a candidate, for the 总分矩阵 cell: a conflict of interest (same unit, or declared
 * on the sheet), "—" when the key says the candidate was not on the expert's sheet, else nothing (a missing score).
 */
export function absentScoreNote(c: ConsolidatedRound): (candidate: string, expert: string) => string | null {
  const notes = new Map<string, string>();
  for (const x of c.key?.meta.exclusions ?? []) notes.set(`${x.candidate}|${x.expert}`, '同单位回避');
  for (const r of c.recusals) notes.set(`${r.candidate}|${r.expert}`, '声明回避');
  const assigned = c.key ? new Map(Object.entries(c.key.meta.assignment).map(([e, codes]) => [e, new Set(codes)])) : undefined;
  return (candidate, expert) => notes.get(`${candidate}|${expert}`) ?? (assigned && !assigned.get(expert)?.has(candidate) ? '—' : null);
}

/** The 进度 sheet: the review steps, the one this round is, and each candidate's entry for every step. */
export function reviewProgress(c: ConsolidatedRound): { steps: string[]; current: number; cells(x: CandidateResult): string[] } {
  const steps = reviewSteps(c.rubric);
  const current = steps.indexOf(c.round);
  const cells = (x: CandidateResult) =>
    steps.map((_, j) => {
      if (j < current) return '通过';
      if (j > current) return '';
      return progressText(x);
    });
  return { steps, current, cells };
}

/** This round's entry in the 进度 sheet (the workbook writes it as a formula over 结果汇总 with this result). */
export function progressText(x: Pick<CandidateResult, 'rank' | 'trimmedMean' | 'shortlisted' | 'group'>): string {
  if (x.rank === undefined) return '无有效评分';
  return `${x.group !== undefined ? `组内` : ''}第 ${x.rank} 名（${formatPoints(Math.round((x.trimmedMean ?? 0) * 100) / 100)} 分）${x.shortlisted ? '，建议入围' : ''}`;
}

/**
 * The 结果汇总 sheet's four header lines: title; whether the origin was verified and what the shortlist rests on;
 * how the ranking is made; the 提示 and 分歧 columns and where every figure comes from.
 */
export function summaryLines(c: ConsolidatedRound, generatedAt: string): string[] {
  const res = c.result;
  const { trim, minCountForTrim: minTrim, top } = res.options;
  const what = c.mode === 'ballot' ? '名次分（每张名次票第一名 100、最后一名 0，按名次均分；Borda 计数）' : '总分';
  const rule =
    trim > 0
      ? `排名依据：去极值平均${c.mode === 'ballot' ? '名次分' : '分'}（某人评分不少于 ${minTrim} 份时去掉最高、最低各 ${trim} 个${what}后取平均，否则取平均）`
      : `排名依据：平均${c.mode === 'ballot' ? '名次分' : '分'}（${what}的平均）`;
  const groups = c.grouped ? '按组别分别排名、分别划线' : '同分并列（如 1、2、2、4）';
  return [
    `${c.programmeTitle} · ${c.round} · 评分结果汇总${c.verified ? '' : '（来源未核实）'}`,
    `${verificationLine(c).zh}${top ? `候选人建议名单（每${c.grouped ? '组' : ''}前 ${top} 名，绿色）${shortlistBasis(c).zh}` : shortlistBasis(c).zh}`,
    `${rule}；${groups}。满分 ${formatPoints(res.maxTotal)} 分。生成时间 ${generatedAt.replace('T', ' ').slice(0, 16)}。`,
    `“提示”列标出评分分歧大的候选人（标准差超过满分的 ${percent(DISAGREEMENT_SD_SHARE)} 或极差超过 ${percent(DISAGREEMENT_RANGE_SHARE)}），“分歧（极差）”列可排序；建议会审时讨论。所有数字都是公式，可在“总分矩阵”“评分明细”中逐项核对；改正“评分明细”中的分数后各数字随之重算（哪些候选人参加一致性计算、发出份数除外，它们是汇总时确定的）。`,
  ];
}

/** The 专家分析 sheet's header lines. */
export function expertAnalysisLines(c: ConsolidatedRound): string[] {
  const max = c.result.maxTotal;
  return [
    `${c.programmeTitle} · ${c.round} · 专家评分分析`,
    `宽严度 = 该专家给分减去其他专家对同一候选人平均分的差的平均（正数偏宽、负数偏严，超过满分的 ${percent(LENIENCY_SHARE)} 即 ${formatPoints(LENIENCY_SHARE * max)} 分标出）；相关系数 = 该专家总分与其他专家平均分的皮尔逊相关（低于 ${LOW_CORRELATION} 且共同评分不少于 ${MIN_SHARED_FOR_CORRELATION_FLAG} 人时标出）。`,
  ];
}

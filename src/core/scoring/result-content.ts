/**
 * What the result workbook says besides the figures: what happened to each file, why a score is missing from the
 * matrix, where each candidate stands in the review steps, and the notes that explain the method (with the
 * thresholds the statistics really use). Pure; the exceljs writer lays them out (result-writer.ts).
 */
import type { Localized } from '../model/findings';
import type { ConsolidatedRound, FileStatus } from './consolidate-round';
import type { CandidateResult } from './consolidate';
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
      if (x.rank === undefined) return '无有效评分';
      return `第 ${x.rank} 名（${formatPoints(Math.round((x.trimmedMean ?? 0) * 100) / 100)} 分）${x.shortlisted ? '，建议入围' : ''}`;
    });
  return { steps, current, cells };
}

/** The 结果汇总 sheet's three header lines: title, what was counted and how the ranking is made, the 提示 column. */
export function summaryLines(c: ConsolidatedRound, generatedAt: string): string[] {
  const res = c.result;
  const { trim, minCountForTrim: minTrim, top } = res.options;
  const expectedNote = c.key ? `，发出评分表 ${c.key.meta.experts.filter((e) => e.file).length} 份` : '';
  const rule =
    trim > 0
      ? `排名依据：去极值平均分（某人评分不少于 ${minTrim} 份时去掉最高、最低各 ${trim} 个总分后取平均，否则取平均分）；同分并列（如 1、2、2、4）。`
      : '排名依据：平均分；同分并列（如 1、2、2、4）。';
  return [
    `${c.programmeTitle} · ${c.round} · 评分结果汇总`,
    `有效评分表 ${c.accepted} 份${expectedNote}，退回 ${c.rejected} 份；满分 ${formatPoints(res.maxTotal)} 分。${rule}${top ? `前 ${top} 名为“候选人建议名单”（绿色）。` : ''}生成时间 ${generatedAt.replace('T', ' ').slice(0, 16)}。`,
    `“提示”列标出评分分歧大的候选人（标准差超过满分的 ${percent(DISAGREEMENT_SD_SHARE)} 或极差超过 ${percent(DISAGREEMENT_RANGE_SHARE)}），建议会审时讨论；各数字可在“总分矩阵”“评分明细”中逐项核对。`,
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

/**
 * From accepted score records to the figures a panel defends: per candidate the number of scores, mean, median,
 * trimmed mean, SD, range (the 分歧 column), per-criterion means, the mean of per-expert standard scores, rank
 * (within the candidate's group when the round is grouped) and flags; the shortlist, which only candidates with
 * the round's minimum of accepted scores can reach; per expert mean, leniency against the rest of the panel and
 * correlation with them; Kendall's W for the panel's agreement. A ballot round's records carry Borda scores
 * (0–100, score-file.ts) and go through the same arithmetic. Pure: records in, result out.
 */
import type { Localized } from '../model/findings';
import type { Candidate } from './candidates';
import { groupKey } from './candidates';
import { compareCodes, Recommendation, RoundMode, RubricRef } from './metadata';
import { problem, ScoringProblem } from './problems';
import {
  competitionRanks,
  disagreement,
  kendallW,
  KendallW,
  LENIENCY_SHARE,
  LOW_CORRELATION,
  mean,
  median,
  MIN_SHARED_FOR_CORRELATION_FLAG,
  minCountForTrim,
  pearson,
  sampleSd,
  trimmedMean,
  zScores,
} from './statistics';

export interface ScoreRecord {
  candidate: string;
  expert: string;
  /** Criterion scores in rubric order (none on a ballot). */
  criteria: number[];
  /** Sum of the criteria (always recomputed, never the cell's cached value); on a ballot the Borda score 0–100. */
  total: number;
  /** Ballot: the position the expert gave (1 = best) and how many valid positions the ballot has. */
  position?: number;
  ballotSize?: number;
  recommend?: Recommendation;
  comment?: string;
  /** Source file and 1-based row on its 评分表 sheet, for tracing. */
  file: string;
  row: number;
}

/** A conflict of interest the expert declared on the sheet (回避声明), with its reason as given. */
export interface Recusal {
  candidate: string;
  expert: string;
  file: string;
  reason: string;
}

export interface ExpertRef {
  code: string;
  name: string;
  unit: string;
  group?: string;
  /** The file whose scores count. */
  file?: string;
}

export interface ConsolidateOptions {
  /** Scores dropped at each end for the trimmed mean (default 1; 0 = plain mean). */
  trim: number;
  /** Mark the first N of the ranking as 候选人建议名单. */
  top?: number;
  /** Rankings, cut lines and Kendall's W per group (the candidates' group) instead of for the whole panel. */
  grouped?: boolean;
  /** Fewest accepted scores a candidate needs to be shortlisted (default 1: any). */
  minScores?: number;
}

export interface ConsolidateInput {
  rubric: RubricRef;
  round: string;
  /** Scores (criteria and totals) or a ranking ballot (Borda scores 0–100). */
  mode?: RoundMode;
  /** Every candidate of the round (names may be empty in blind mode without the organiser's key). */
  candidates: Candidate[];
  /** Experts whose file counts. */
  experts: ExpertRef[];
  records: ScoreRecord[];
  recusals?: Recusal[];
  /** Candidate code → number of experts the sheets were sent to (from the key), when known. */
  expected?: Map<string, number>;
  options: ConsolidateOptions;
}

export type CandidateFlag = 'disagreement-sd' | 'disagreement-range' | 'no-scores' | 'fewer-than-expected' | 'too-few-scores';

export interface CandidateResult {
  code: string;
  name: string;
  unit: string;
  group?: string;
  /** Totals by expert code (expert order). */
  scores: { expert: string; total: number }[];
  count: number;
  expected?: number;
  mean?: number;
  median?: number;
  trimmedMean?: number;
  /** True when the trimmed mean actually dropped scores. */
  trimmed: boolean;
  sd?: number;
  min?: number;
  max?: number;
  /** Highest − lowest total: the 分歧 column (undefined below two scores). */
  range?: number;
  /** Mean of the per-expert standard scores (z), over the experts whose z is defined. */
  zMean?: number;
  /** Criterion means in rubric order. */
  criteria: (number | undefined)[];
  recommend: { yes: number; no: number };
  recusals: number;
  /** Rank by the trimmed mean, within the candidate's group when the round is grouped. */
  rank?: number;
  /** Enough accepted scores to be shortlisted (options.minScores). */
  eligible: boolean;
  shortlisted: boolean;
  flags: CandidateFlag[];
}

export type ExpertFlag = 'lenient' | 'severe' | 'low-correlation' | 'no-spread';

export interface ExpertResult extends ExpertRef {
  count: number;
  mean?: number;
  sd?: number;
  /** Mean over the expert's candidates of (their total − the other experts' mean for that candidate). */
  leniency?: number;
  /** Pearson r between the expert's totals and the other experts' means, over shared candidates. */
  correlation?: number;
  /** Candidates shared with at least one other expert (the base of leniency and correlation). */
  shared: number;
  flags: ExpertFlag[];
}

export interface AgreementResult {
  /** The group (with grouping) or undefined for the whole panel. */
  group?: string;
  /** Experts and candidates of the group; W uses the complete block (candidates every expert scored). */
  experts: number;
  candidates: number;
  /** Candidates left out of W because not every expert scored them (conflicts of interest, recusals). */
  excluded: number;
  /** The complete block W is computed on: its experts (expert order) and candidates (code order). */
  blockExperts: string[];
  blockCandidates: string[];
  w?: KendallW;
}

export interface ConsolidationResult {
  round: string;
  mode: RoundMode;
  rubric: RubricRef;
  /** The rubric's maximum total; 100 for a ballot (Borda scores). */
  maxTotal: number;
  options: ConsolidateOptions & { minCountForTrim: number; minScores: number };
  /** By rank (unranked last, by code). */
  candidates: CandidateResult[];
  experts: ExpertResult[];
  agreement: AgreementResult[];
  problems: ScoringProblem[];
}

export function consolidate(input: ConsolidateInput): ConsolidationResult {
  const { rubric, options } = input;
  const mode = input.mode ?? 'scores';
  const minScores = options.minScores ?? 1;
  const maxTotal = mode === 'ballot' ? 100 : rubric.criteria.reduce((s, c) => s + c.max, 0);
  const criteriaCount = mode === 'ballot' ? 0 : rubric.criteria.length;
  const expertOrder = new Map(input.experts.map((e, i) => [e.code, i]));
  const problems: ScoringProblem[] = [];

  // Records per candidate and per expert, in expert order.
  const byCandidate = new Map<string, ScoreRecord[]>();
  const byExpert = new Map<string, ScoreRecord[]>();
  for (const r of input.records) {
    push(byCandidate, r.candidate, r);
    push(byExpert, r.expert, r);
  }
  for (const list of byCandidate.values()) list.sort((a, b) => (expertOrder.get(a.expert) ?? 0) - (expertOrder.get(b.expert) ?? 0));

  // Per-expert standard scores.
  const z = new Map<string, number>(); // `${expert}|${candidate}` → z
  const noSpread = new Set<string>();
  for (const [expert, recs] of byExpert) {
    const zs = zScores(recs.map((r) => r.total));
    if (recs.length >= 2 && zs.every((v) => v === undefined)) noSpread.add(expert);
    recs.forEach((r, i) => {
      const v = zs[i];
      if (v !== undefined) z.set(`${expert}|${r.candidate}`, v);
    });
  }

  const recusalCount = new Map<string, number>();
  for (const r of input.recusals ?? []) recusalCount.set(r.candidate, (recusalCount.get(r.candidate) ?? 0) + 1);

  const results: CandidateResult[] = input.candidates.map((c) => {
    const recs = byCandidate.get(c.code) ?? [];
    const totals = recs.map((r) => r.total);
    const tm = trimmedMean(totals, options.trim);
    const zs = recs.map((r) => z.get(`${r.expert}|${c.code}`)).filter((v): v is number => v !== undefined);
    const res: CandidateResult = {
      code: c.code,
      name: c.name,
      unit: c.unit,
      scores: recs.map((r) => ({ expert: r.expert, total: r.total })),
      count: recs.length,
      mean: mean(totals),
      median: median(totals),
      trimmedMean: tm.value,
      trimmed: tm.trimmed,
      sd: sampleSd(totals),
      min: totals.length ? Math.min(...totals) : undefined,
      max: totals.length ? Math.max(...totals) : undefined,
      range: totals.length >= 2 ? Math.max(...totals) - Math.min(...totals) : undefined,
      zMean: mean(zs),
      criteria: rubric.criteria.slice(0, criteriaCount).map((_, k) => mean(recs.map((r) => r.criteria[k]))),
      recommend: { yes: recs.filter((r) => r.recommend === '推荐').length, no: recs.filter((r) => r.recommend === '不推荐').length },
      recusals: recusalCount.get(c.code) ?? 0,
      eligible: recs.length >= minScores,
      shortlisted: false,
      flags: [],
    };
    if (c.group !== undefined) res.group = c.group;
    const expected = input.expected?.get(c.code);
    if (expected !== undefined) res.expected = expected;
    for (const d of disagreement(totals, maxTotal)) res.flags.push(d === 'sd' ? 'disagreement-sd' : 'disagreement-range');
    if (!recs.length) res.flags.push('no-scores');
    else {
      if (expected !== undefined && recs.length < expected) res.flags.push('fewer-than-expected');
      if (!res.eligible) res.flags.push('too-few-scores');
    }
    return res;
  });

  // Ranking by trimmed mean within each group (or the whole round), ties share a rank (1, 2, 2, 4); the shortlist
  // is the first N of the candidates with enough scores, ties at the cut included.
  const groupOf = (r: CandidateResult) => (options.grouped ? groupKey(r.group ?? '') : '');
  const groupOrder = new Map<string, number>();
  for (const r of results) if (!groupOrder.has(groupOf(r))) groupOrder.set(groupOf(r), groupOrder.size);
  for (const key of groupOrder.keys()) {
    const members = results.filter((r) => groupOf(r) === key);
    const ranks = competitionRanks(members.map((r) => r.trimmedMean));
    members.forEach((r, i) => {
      if (ranks[i] !== undefined) r.rank = ranks[i];
    });
    if (options.top === undefined || options.top <= 0) continue;
    const eligible = members.filter((r) => r.eligible && r.trimmedMean !== undefined);
    const cut = competitionRanks(eligible.map((r) => r.trimmedMean));
    eligible.forEach((r, i) => (r.shortlisted = cut[i]! <= options.top!));
    const n = eligible.filter((r) => r.shortlisted).length;
    if (n > options.top) {
      const last = Math.max(...eligible.map((r, i) => (r.shortlisted ? cut[i]! : 0)));
      const tied = eligible.filter((_, i) => cut[i] === last);
      const group = options.grouped ? members[0].group ?? '' : undefined;
      problems.push(problem('result.tie-at-cut', { rank: last, tied, shortlisted: n, top: options.top, ...(group !== undefined ? { group } : {}) }));
    }
  }
  for (const r of results) {
    if (r.flags.includes('no-scores') && input.records.length) {
      problems.push(problem('result.no-scores', { candidate: r.code, name: r.name }, { candidate: r.code }));
    } else if (r.flags.includes('too-few-scores') && options.top) {
      problems.push(problem('result.too-few-scores', { candidate: r.code, name: r.name, count: r.count, min: minScores }, { candidate: r.code }));
    }
  }
  results.sort((a, b) => groupOrder.get(groupOf(a))! - groupOrder.get(groupOf(b))! || (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareCodes(a.code, b.code));

  // Experts: leniency and correlation against the other experts' mean for the same candidates.
  const sumCount = new Map<string, { sum: number; n: number }>();
  for (const [code, recs] of byCandidate) sumCount.set(code, { sum: recs.reduce((s, r) => s + r.total, 0), n: recs.length });
  const experts: ExpertResult[] = input.experts.map((e) => {
    const recs = byExpert.get(e.code) ?? [];
    const totals = recs.map((r) => r.total);
    const own: number[] = [];
    const others: number[] = [];
    for (const r of recs) {
      const all = sumCount.get(r.candidate)!;
      if (all.n < 2) continue;
      own.push(r.total);
      others.push((all.sum - r.total) / (all.n - 1));
    }
    const res: ExpertResult = {
      ...e,
      count: recs.length,
      mean: mean(totals),
      sd: sampleSd(totals),
      leniency: own.length ? mean(own.map((x, i) => x - others[i])) : undefined,
      correlation: pearson(own, others),
      shared: own.length,
      flags: [],
    };
    if (res.leniency !== undefined && Math.abs(res.leniency) > LENIENCY_SHARE * maxTotal + 1e-9) res.flags.push(res.leniency > 0 ? 'lenient' : 'severe');
    if (res.correlation !== undefined && own.length >= MIN_SHARED_FOR_CORRELATION_FLAG && res.correlation < LOW_CORRELATION) res.flags.push('low-correlation');
    if (noSpread.has(e.code)) res.flags.push('no-spread');
    return res;
  });

  // Kendall's W per group (or for the whole panel).
  const groups = new Map<string, { label?: string; codes: string[] }>();
  for (const c of input.candidates) {
    const key = options.grouped ? groupKey(c.group ?? '') : '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label: options.grouped ? c.group ?? '' : undefined, codes: [] }));
    g.codes.push(c.code);
  }
  const agreement: AgreementResult[] = [];
  for (const g of groups.values()) {
    const scored = g.codes.filter((c) => byCandidate.has(c));
    const expertSet = new Set<string>();
    for (const c of scored) for (const r of byCandidate.get(c)!) expertSet.add(r.expert);
    const ex = [...expertSet].sort((a, b) => (expertOrder.get(a) ?? 0) - (expertOrder.get(b) ?? 0));
    const complete = scored.filter((c) => byCandidate.get(c)!.length === ex.length);
    const totalOf = new Map<string, number>();
    for (const c of complete) for (const r of byCandidate.get(c)!) totalOf.set(`${r.expert}|${c}`, r.total);
    const matrix = ex.map((e) => complete.map((c) => totalOf.get(`${e}|${c}`)!));
    const a: AgreementResult = { experts: ex.length, candidates: complete.length, excluded: g.codes.length - complete.length, blockExperts: ex, blockCandidates: complete };
    if (g.label !== undefined) a.group = g.label;
    const w = ex.length >= 2 && complete.length >= 2 ? kendallW(matrix) : undefined;
    if (w) a.w = w;
    agreement.push(a);
  }

  return {
    round: input.round,
    mode,
    rubric,
    maxTotal,
    options: { ...options, minCountForTrim: minCountForTrim(options.trim), minScores },
    candidates: results,
    experts,
    agreement,
    problems,
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Labels of the flags, for reports and the result workbook. */
export const CANDIDATE_FLAG_LABELS: Record<CandidateFlag, Localized> = {
  'disagreement-sd': { zh: '分歧大（标准差超过满分的15%）', en: 'high disagreement (SD above 15% of the maximum)' },
  'disagreement-range': { zh: '分歧大（极差超过满分的30%）', en: 'high disagreement (range above 30% of the maximum)' },
  'no-scores': { zh: '无有效评分', en: 'no accepted score' },
  'fewer-than-expected': { zh: '评分份数少于发出份数', en: 'fewer scores than sheets sent' },
  'too-few-scores': { zh: '有效评分不足本轮最低份数，不列入建议名单', en: "fewer accepted scores than the round's minimum: not shortlisted" },
};

export const EXPERT_FLAG_LABELS: Record<ExpertFlag, Localized> = {
  lenient: { zh: '偏宽（平均高于其他专家10%满分以上）', en: 'lenient (more than 10% of the maximum above the others)' },
  severe: { zh: '偏严（平均低于其他专家10%满分以上）', en: 'severe (more than 10% of the maximum below the others)' },
  'low-correlation': { zh: '排序与其他专家不一致（相关系数低于0.3）', en: 'ranks unlike the others (r below 0.3)' },
  'no-spread': { zh: '所有候选人同分，无法标准化', en: 'gave everybody the same total (cannot be standardised)' },
};

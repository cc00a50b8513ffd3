/**
 * The intermediate figures behind the result workbook's formulas — standard scores, the other experts' mean for
 * each score, and Kendall's W's rank block — so that every formula can carry its computed result (viewers that do
 * not recalculate still show the numbers) and tests can compare both. The same arithmetic as consolidate.ts, laid
 * out the way the workbook's calculation sheets lay it out. Pure.
 */
import type { AgreementResult, ScoreRecord } from './consolidate';
import { averageRanks, zScores } from './statistics';

/** Per expert, each candidate's standard score (absent where undefined: fewer than two scores, no spread). */
export function expertZ(records: readonly ScoreRecord[]): Map<string, Map<string, number>> {
  const byExpert = new Map<string, ScoreRecord[]>();
  for (const r of records) (byExpert.get(r.expert) ?? byExpert.set(r.expert, []).get(r.expert)!).push(r);
  const out = new Map<string, Map<string, number>>();
  for (const [expert, recs] of byExpert) {
    const zs = zScores(recs.map((r) => r.total));
    const m = new Map<string, number>();
    recs.forEach((r, i) => {
      const z = zs[i];
      if (z !== undefined) m.set(r.candidate, z);
    });
    out.set(expert, m);
  }
  return out;
}

/** For each score of a candidate with at least two scores: the mean of the other experts' totals (`expert|candidate`). */
export function othersMeans(records: readonly ScoreRecord[]): Map<string, number> {
  const sum = new Map<string, { s: number; n: number }>();
  for (const r of records) {
    const x = sum.get(r.candidate) ?? { s: 0, n: 0 };
    x.s += r.total;
    x.n++;
    sum.set(r.candidate, x);
  }
  const out = new Map<string, number>();
  for (const r of records) {
    const x = sum.get(r.candidate)!;
    if (x.n >= 2) out.set(`${r.expert}|${r.candidate}`, (x.s - r.total) / (x.n - 1));
  }
  return out;
}

/** Kendall's W's block as the workbook lays it out: rows are candidates, columns experts. */
export interface AgreementBlock {
  experts: string[];
  candidates: string[];
  /** scores[c][e]: expert e's total for candidate c. */
  scores: number[][];
  /** Average ranks within each expert's column (1 = lowest), ties sharing the mean rank. */
  ranks: number[][];
  /** t² − 1 for each score, t the number of equal totals in its expert's column: Σ over a column = Σ (t³ − t). */
  ties: number[][];
  rankSums: number[];
  /** Σ (R_c − mean R)² and Σ over experts of Σ (t³ − t). */
  s: number;
  t: number;
}

export function agreementBlock(a: AgreementResult, records: readonly ScoreRecord[]): AgreementBlock {
  const total = new Map(records.map((r) => [`${r.expert}|${r.candidate}`, r.total]));
  const scores = a.blockCandidates.map((c) => a.blockExperts.map((e) => total.get(`${e}|${c}`) ?? NaN));
  const n = a.blockCandidates.length;
  const m = a.blockExperts.length;
  const ranks = scores.map(() => new Array<number>(m).fill(0));
  const ties = scores.map(() => new Array<number>(m).fill(0));
  let t = 0;
  for (let e = 0; e < m; e++) {
    const column = scores.map((row) => row[e]);
    const { ranks: r } = averageRanks(column);
    const count = new Map<number, number>();
    for (const x of column) count.set(x, (count.get(x) ?? 0) + 1);
    for (let c = 0; c < n; c++) {
      ranks[c][e] = r[c];
      const same = count.get(column[c])!;
      ties[c][e] = same * same - 1;
      t += ties[c][e];
    }
  }
  const rankSums = ranks.map((row) => row.reduce((x, y) => x + y, 0));
  const meanR = (m * (n + 1)) / 2;
  const s = rankSums.reduce((acc, r) => acc + (r - meanR) * (r - meanR), 0);
  return { experts: a.blockExperts, candidates: a.blockCandidates, scores, ranks, ties, rankSums, s, t };
}

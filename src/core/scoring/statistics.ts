/**
 * The arithmetic of consolidating expert scores, written out so that every figure can be checked by hand
 * (docs/scoring.md explains each one for the staff who must defend a ranking). Pure functions, no I/O.
 *
 * Conventions:
 * - "undefined" means "not defined for this input" (a mean of nothing, an SD of one score); callers show "—".
 * - Standard deviations are SAMPLE standard deviations (divisor n − 1), as Excel's STDEV / STDEV.S, because
 *   a panel is a sample of the experts who could have scored.
 * - Equality of averages is decided after rounding to 9 decimals, so 85 and 255/3 tie however they were summed.
 */

const TIE_DECIMALS = 1e9;

/** The value two figures are compared on (ties, ranks). */
export function tieKey(x: number): number {
  return Math.round(x * TIE_DECIMALS) / TIE_DECIMALS;
}

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function mean(xs: readonly number[]): number | undefined {
  return xs.length ? sum(xs) / xs.length : undefined;
}

/** The middle value (the mean of the two middle values for an even count), as Excel's MEDIAN. */
export function median(xs: readonly number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Sample standard deviation (n − 1); undefined for fewer than two values. */
export function sampleSd(xs: readonly number[]): number | undefined {
  const n = xs.length;
  if (n < 2) return undefined;
  const m = sum(xs) / n;
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (n - 1));
}

/** The smallest number of scores at which `trim` scores are dropped at each end: 2·trim + 3 (trim 1 → 5). */
export function minCountForTrim(trim: number): number {
  return 2 * trim + 3;
}

export interface TrimmedMean {
  value: number | undefined;
  /** True when scores were actually dropped (enough scores); otherwise value is the plain mean. */
  trimmed: boolean;
}

/**
 * Mean after dropping the `trim` highest and `trim` lowest values, when there are at least
 * minCountForTrim(trim) values; with fewer values, the plain mean (nothing is dropped).
 * trimmedMean([60, 70, 80, 90, 100], 1) = (70 + 80 + 90) / 3 = 80.
 */
export function trimmedMean(xs: readonly number[], trim: number, minCount = minCountForTrim(trim)): TrimmedMean {
  if (!xs.length) return { value: undefined, trimmed: false };
  if (trim <= 0 || xs.length < Math.max(minCount, 2 * trim + 1)) return { value: mean(xs), trimmed: false };
  const sorted = [...xs].sort((a, b) => a - b);
  return { value: mean(sorted.slice(trim, sorted.length - trim)), trimmed: true };
}

/**
 * Standard scores of one expert's totals: z = (x − mean) / SD (sample SD). Undefined for every value when the
 * expert scored fewer than two candidates or gave everybody the same total (there is no spread to standardise).
 */
export function zScores(xs: readonly number[]): (number | undefined)[] {
  const m = mean(xs);
  const sd = sampleSd(xs);
  if (m === undefined || sd === undefined || sd === 0) return xs.map(() => undefined);
  return xs.map((x) => (x - m) / sd);
}

/**
 * Standard competition ranking ("1224"): higher values rank first (unless ascending), equal values share the
 * best rank and the next rank skips: [90, 85, 85, 80] → [1, 2, 2, 4]. Undefined values get no rank.
 */
export function competitionRanks(values: readonly (number | undefined)[], ascending = false): (number | undefined)[] {
  const idx = values.map((v, i) => ({ v, i })).filter((e): e is { v: number; i: number } => e.v !== undefined);
  idx.sort((a, b) => (ascending ? tieKey(a.v) - tieKey(b.v) : tieKey(b.v) - tieKey(a.v)));
  const out: (number | undefined)[] = values.map(() => undefined);
  for (let k = 0; k < idx.length; k++) {
    out[idx[k].i] = k > 0 && tieKey(idx[k].v) === tieKey(idx[k - 1].v) ? out[idx[k - 1].i] : k + 1;
  }
  return out;
}

/**
 * Fractional ("average") ranks, 1 = smallest value, ties get the mean of the ranks they span:
 * [10, 20, 20, 30] → [1, 2.5, 2.5, 4]. Also returns the sizes of the tie groups (for Kendall's W).
 */
export function averageRanks(values: readonly number[]): { ranks: number[]; ties: number[] } {
  const idx = values.map((v, i) => ({ v: tieKey(v), i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  const ties: number[] = [];
  let k = 0;
  while (k < idx.length) {
    let j = k;
    while (j + 1 < idx.length && idx[j + 1].v === idx[k].v) j++;
    const r = (k + 1 + j + 1) / 2;
    for (let t = k; t <= j; t++) ranks[idx[t].i] = r;
    if (j > k) ties.push(j - k + 1);
    k = j + 1;
  }
  return { ranks, ties };
}

/** Pearson's correlation coefficient; undefined below 3 pairs or when either side has no spread. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | undefined {
  const n = xs.length;
  if (n !== ys.length || n < 3) return undefined;
  const mx = sum(xs) / n;
  const my = sum(ys) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export interface KendallW {
  /** Coefficient of concordance, 0 (no agreement) … 1 (every expert ranks the candidates the same way). */
  w: number;
  /** Experts (raters) and candidates (objects) in the complete block the figure was computed on. */
  m: number;
  n: number;
  /** Friedman's χ² = m (n − 1) W with n − 1 degrees of freedom, and its upper-tail probability. */
  chiSquare: number;
  df: number;
  p: number;
}

/**
 * Kendall's W with the correction for ties, on a complete block: scores[e][c] is expert e's total for
 * candidate c (every expert scored every candidate). Each expert's totals are turned into average ranks;
 * with R_c the sum of candidate c's ranks and S = Σ (R_c − mean R)²,
 *   W = 12 S / ( m² (n³ − n) − m Σ_e T_e ),   T_e = Σ over expert e's tie groups of (t³ − t).
 * Undefined below 2 experts or 2 candidates, or when every expert tied everybody (no ranking at all).
 */
export function kendallW(scores: readonly (readonly number[])[]): KendallW | undefined {
  const m = scores.length;
  if (m < 2) return undefined;
  const n = scores[0].length;
  if (n < 2 || scores.some((row) => row.length !== n)) return undefined;
  const rankSums = new Array<number>(n).fill(0);
  let tieTotal = 0;
  for (const row of scores) {
    const { ranks, ties } = averageRanks(row);
    for (let c = 0; c < n; c++) rankSums[c] += ranks[c];
    for (const t of ties) tieTotal += t * t * t - t;
  }
  const meanR = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of rankSums) s += (r - meanR) * (r - meanR);
  const denom = m * m * (n * n * n - n) - m * tieTotal;
  if (denom <= 0) return undefined;
  const w = Math.min(1, Math.max(0, (12 * s) / denom));
  const df = n - 1;
  const chiSquare = m * df * w;
  return { w, m, n, chiSquare, df, p: chiSquareSurvival(chiSquare, df) };
}

/** Schmidt's (1997) reading of W, as reviewers usually quote it. */
export function describeW(w: number): { zh: string; en: string } {
  if (w >= 0.9) return { zh: '极强一致', en: 'unusually strong agreement' };
  if (w >= 0.7) return { zh: '强一致', en: 'strong agreement' };
  if (w >= 0.5) return { zh: '中等一致', en: 'moderate agreement' };
  if (w >= 0.3) return { zh: '较弱一致', en: 'weak agreement' };
  if (w >= 0.1) return { zh: '很弱一致', en: 'very weak agreement' };
  return { zh: '几乎不一致', en: 'no agreement' };
}

// ------------------------------------------------------------------ χ² tail probability

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 significant digits). */
export function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) (series below a + 1, continued fraction above). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPre = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let total = term;
    for (let k = 1; k < 10000; k++) {
      term *= x / (a + k);
      total += term;
      if (Math.abs(term) < Math.abs(total) * 1e-15) break;
    }
    return Math.max(0, Math.min(1, 1 - total * Math.exp(lnPre)));
  }
  // Lentz's method for the continued fraction of Γ(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, Math.min(1, Math.exp(lnPre) * h));
}

/** P(χ²_df ≥ x): the probability of a concordance at least this strong if the experts ranked at random. */
export function chiSquareSurvival(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

// ------------------------------------------------------------------ disagreement

/**
 * When a candidate's scores disagree enough to be discussed before the ranking is used (会审 should look at it):
 * at least two scores and either the SD exceeds 15 % of the maximum total, or the range (highest − lowest)
 * exceeds 30 % of it. With the default 100-point rubric: SD > 15 points or range > 30 points.
 */
export const DISAGREEMENT_SD_SHARE = 0.15;
export const DISAGREEMENT_RANGE_SHARE = 0.3;

export type DisagreementReason = 'sd' | 'range';

export function disagreement(totals: readonly number[], maxTotal: number): DisagreementReason[] {
  if (totals.length < 2) return [];
  const out: DisagreementReason[] = [];
  const sd = sampleSd(totals)!;
  if (tieKey(sd) > tieKey(DISAGREEMENT_SD_SHARE * maxTotal)) out.push('sd');
  const range = Math.max(...totals) - Math.min(...totals);
  if (tieKey(range) > tieKey(DISAGREEMENT_RANGE_SHARE * maxTotal)) out.push('range');
  return out;
}

/** An expert is reported as lenient or severe when their scores sit, on average, more than 10 % of the maximum
 *  total above or below the other experts' mean for the same candidates. */
export const LENIENCY_SHARE = 0.1;
/** An expert whose totals correlate below 0.3 with the others' mean (over at least 5 shared candidates) ranks
 *  candidates unlike the rest of the panel. */
export const LOW_CORRELATION = 0.3;
export const MIN_SHARED_FOR_CORRELATION_FLAG = 5;

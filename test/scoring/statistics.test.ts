/**
 * The scoring arithmetic against figures worked out by hand (the working is in the comments), so a reviewer
 * can check each one with a pencil.
 */
import {
  averageRanks,
  chiSquareSurvival,
  competitionRanks,
  describeW,
  disagreement,
  gammaQ,
  kendallW,
  logGamma,
  mean,
  minCountForTrim,
  pearson,
  sampleSd,
  trimmedMean,
  zScores,
} from '../../src/core/scoring/statistics';

describe('mean and sample standard deviation', () => {
  test('mean of nothing is undefined; of values the plain average', () => {
    expect(mean([])).toBeUndefined();
    expect(mean([80, 85, 90])).toBe(85);
  });

  test('SD is the sample SD (n − 1), as Excel STDEV', () => {
    // [70, 75, 80, 85, 90, 95]: mean 82.5, squared deviations 156.25+56.25+6.25+6.25+56.25+156.25 = 437.5,
    // / (6 − 1) = 87.5, √87.5 = 9.35414…
    expect(sampleSd([70, 75, 80, 85, 90, 95])).toBeCloseTo(9.354143, 6);
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, Σd² = 32, / 7 = 4.571…, √ = 2.13809 (population SD would be 2)
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.13809, 5);
    expect(sampleSd([88])).toBeUndefined();
    expect(sampleSd([80, 80, 80])).toBe(0);
  });
});

describe('trimmed mean', () => {
  test('drops one highest and one lowest from 5 scores on', () => {
    // 60 and 100 go: (70 + 80 + 90) / 3 = 80
    expect(trimmedMean([100, 60, 80, 70, 90], 1)).toEqual({ value: 80, trimmed: true });
    // [50, 80, 85, 90, 95]: 50 and 95 go: (80 + 85 + 90) / 3 = 85, while the mean is 80
    expect(trimmedMean([90, 50, 85, 80, 95], 1).value).toBe(85);
  });

  test('below 5 scores it is the plain mean, nothing dropped', () => {
    expect(trimmedMean([60, 80, 100, 90], 1)).toEqual({ value: 82.5, trimmed: false });
    expect(trimmedMean([], 1)).toEqual({ value: undefined, trimmed: false });
  });

  test('ties at the ends drop one copy only', () => {
    // [80, 80, 80, 85, 85, 85]: one 80 and one 85 go: (80 + 80 + 85 + 85) / 4 = 82.5
    expect(trimmedMean([80, 85, 80, 85, 80, 85], 1).value).toBe(82.5);
  });

  test('trim is configurable: 2 at each end from 7 scores on; 0 is the plain mean', () => {
    expect(minCountForTrim(1)).toBe(5);
    expect(minCountForTrim(2)).toBe(7);
    // [10, 20, 30, 40, 50, 60, 70]: 10, 20, 60, 70 go: (30 + 40 + 50) / 3 = 40
    expect(trimmedMean([70, 10, 60, 20, 50, 30, 40], 2)).toEqual({ value: 40, trimmed: true });
    expect(trimmedMean([70, 10, 60, 20, 50, 30], 2)).toEqual({ value: 40, trimmed: false });
    expect(trimmedMean([100, 60, 80, 70, 90], 0)).toEqual({ value: 80, trimmed: false });
  });
});

describe('standard scores per expert', () => {
  test('z = (x − mean) / sample SD', () => {
    // [75, 90, 85]: mean 83.333…, Σd² = 69.444 + 44.444 + 2.778 = 116.667, / 2 = 58.333, SD = 7.63763
    // z(90) = 6.6667 / 7.63763 = 0.87287; z(75) = −8.3333 / 7.63763 = −1.09109
    const z = zScores([75, 90, 85]);
    expect(z[0]).toBeCloseTo(-1.09109, 5);
    expect(z[1]).toBeCloseTo(0.87287, 5);
    expect(z[0]! + z[1]! + z[2]!).toBeCloseTo(0, 12);
  });

  test('undefined when the expert gave everybody the same total or scored one candidate', () => {
    expect(zScores([80, 80, 80])).toEqual([undefined, undefined, undefined]);
    expect(zScores([80])).toEqual([undefined]);
  });
});

describe('ranks', () => {
  test('competition ranking: ties share the best rank, the next rank skips (1, 2, 2, 4)', () => {
    expect(competitionRanks([85, 82.5, 82.5, 77.5])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([77.5, 85, undefined, 82.5, 82.5])).toEqual([4, 1, undefined, 2, 2]);
    // Averages that are equal in exact arithmetic tie however they were computed: 255 / 3 = 85 = 170 / 2
    expect(competitionRanks([255 / 3, 170 / 2, 0.1 + 0.2, 0.3])).toEqual([1, 1, 3, 3]);
  });

  test('average ranks for Kendall’s W: ties get the mean of the ranks they span', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual({ ranks: [1, 2.5, 2.5, 4], ties: [2] });
    expect(averageRanks([5, 5, 5])).toEqual({ ranks: [2, 2, 2], ties: [3] });
  });
});

describe('Pearson correlation', () => {
  test('hand-computed r', () => {
    // x [75, 90, 85], y [84, 74, 82]: dx = −8.333, 6.667, 1.667; dy = 4, −6, 2
    // Σdxdy = −33.333 − 40 + 3.333 = −70; Σdx² = 116.667; Σdy² = 56; r = −70 / √6533.33 = −0.866025 (= −√3/2)
    expect(pearson([75, 90, 85], [84, 74, 82])).toBeCloseTo(-Math.sqrt(3) / 2, 9);
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12);
  });

  test('undefined below 3 pairs or without spread', () => {
    expect(pearson([1, 2], [2, 1])).toBeUndefined();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeUndefined();
  });
});

describe("Kendall's W", () => {
  test('6 experts × 3 candidates, no ties (the round-trip panel of roundtrip.test.ts)', () => {
    // Totals (C001, C002, C003) per expert and their ranks (1 = lowest):
    //   E01 80 70 85 → 2 1 3    E02 85 75 80 → 3 1 2    E03 90 80 85 → 3 1 2
    //   E04 70 60 80 → 2 1 3    E05 95 85 80 → 3 2 1    E06 75 90 85 → 1 3 2
    // Rank sums 14, 9, 13; mean 12; S = 2² + 3² + 1² = 14
    // W = 12 S / (m²(n³ − n)) = 168 / (36 × 24) = 0.194444…
    // χ² = m (n − 1) W = 6 × 2 × 0.19444 = 2.3333, df 2, p = e^(−χ²/2) = e^(−1.16667) = 0.311403
    const w = kendallW([
      [80, 70, 85],
      [85, 75, 80],
      [90, 80, 85],
      [70, 60, 80],
      [95, 85, 80],
      [75, 90, 85],
    ])!;
    expect(w.w).toBeCloseTo(0.194444, 6);
    expect(w.m).toBe(6);
    expect(w.n).toBe(3);
    expect(w.df).toBe(2);
    expect(w.chiSquare).toBeCloseTo(2.333333, 6);
    expect(w.p).toBeCloseTo(0.311403, 6);
  });

  test('perfect agreement is 1, exact reversal of two experts is 0', () => {
    expect(kendallW([
      [1, 2, 3, 4],
      [10, 20, 30, 40],
      [5, 6, 7, 8],
    ])!.w).toBeCloseTo(1, 12);
    expect(kendallW([
      [1, 2, 3],
      [3, 2, 1],
    ])!.w).toBeCloseTo(0, 12);
  });

  test('tie correction', () => {
    // 3 experts × 4 candidates:
    //   A: 90 80 80 70 → ranks 4, 2.5, 2.5, 1 (one tie of 2: T = 2³ − 2 = 6)
    //   B: 85 80 75 70 → 4 3 2 1
    //   C: 88 86 70 72 → 4 3 1 2
    // Rank sums 12, 8.5, 5.5, 4; mean 7.5; S = 20.25 + 1 + 4 + 12.25 = 37.5
    // W = 12 × 37.5 / (9 × 60 − 3 × 6) = 450 / 522 = 0.862069 (without the correction: 450 / 540 = 0.8333)
    const w = kendallW([
      [90, 80, 80, 70],
      [85, 80, 75, 70],
      [88, 86, 70, 72],
    ])!;
    expect(w.w).toBeCloseTo(450 / 522, 9);
  });

  test('undefined for fewer than 2 experts or candidates, or ragged input', () => {
    expect(kendallW([[1, 2, 3]])).toBeUndefined();
    expect(kendallW([[1], [2]])).toBeUndefined();
    expect(kendallW([[1, 2], [1]])).toBeUndefined();
    expect(kendallW([[5, 5], [5, 5]])).toBeUndefined();
  });

  test('reading of W (Schmidt 1997)', () => {
    expect(describeW(0.2).zh).toBe('很弱一致');
    expect(describeW(0.75).zh).toBe('强一致');
  });
});

describe('χ² tail probability', () => {
  test('df 2 is exp(−x/2); known table values', () => {
    expect(chiSquareSurvival(2 * Math.log(2), 2)).toBeCloseTo(0.5, 12);
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(18.307038, 10)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(0, 5)).toBe(1);
  });

  test('Γ and the incomplete Γ', () => {
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 9);
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(gammaQ(1, 1)).toBeCloseTo(Math.exp(-1), 12);
  });
});

describe('disagreement flag', () => {
  test('SD above 15 % or range above 30 % of the maximum', () => {
    // [90, 50, 85, 80, 95]: mean 80, Σd² = 100 + 900 + 25 + 0 + 225 = 1250, / 4 = 312.5, SD 17.68 > 15;
    // range 45 > 30
    expect(disagreement([90, 50, 85, 80, 95], 100)).toEqual(['sd', 'range']);
    // [60, 90]: SD 21.2 > 15, range 30 is not above 30
    expect(disagreement([60, 90], 100)).toEqual(['sd']);
    // [70, 75, 80, 85, 90, 95]: SD 9.35, range 25
    expect(disagreement([70, 75, 80, 85, 90, 95], 100)).toEqual([]);
    expect(disagreement([40], 100)).toEqual([]);
    // On a 50-point rubric the thresholds halve: range 16 > 15
    expect(disagreement([30, 46], 50)).toEqual(['sd', 'range']);
  });
});

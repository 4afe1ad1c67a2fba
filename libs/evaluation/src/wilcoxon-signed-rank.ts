// Wilcoxon signed-rank test reproducing R's wilcox.test(x, y, paired = TRUE) defaults (R 4.x):
//   zero differences dropped; average ranks for ties; V = Σ ranks of positive differences;
//   exact (psignrank) when n < 50 non-zero differences and there are no ties and no zeros, p = min(2·tail, 1);
//   otherwise normal approximation with tie correction and continuity correction sign(z)·0.5.
//
// Why not @stdlib/stats-wilcoxon directly: it agrees with R on ordinary data but (v0.2.3) uses the exact
// distribution up to n = 50 inclusive (R: n < 50), does not cap the exact two-sided p at 1 (V = n(n+1)/4 gives
// p > 1), computes upper tails as 1 − cdf (loses precision for tiny p) and throws on all-zero or single
// differences. So V is computed here and the p-value comes from stdlib's signed-rank and normal CDFs.

import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import signrankCdf from '@stdlib/stats-base-dists-signrank-cdf';

import { finiteOrNull, type ReasonCode } from './reasons.js';

/** R uses the exact distribution when the number of non-zero differences is below this (and no ties/zeros). */
export const WILCOXON_EXACT_BELOW_N = 50;

export type WilcoxonMethod = 'exact' | 'normal-approximation';

export interface WilcoxonSignedRank {
  /** R's V: sum of the ranks of |d| over positive differences (zeros dropped). */
  v: number | null;
  /** Two-sided p-value, as R's wilcox.test defaults report it. */
  p: number | null;
  method: WilcoxonMethod | null;
  /** Differences that entered the ranking (non-zero). */
  nNonZero: number;
  /** Zero differences dropped before ranking. */
  nZero: number;
  /** Whether any |d| were tied (forces the normal approximation, as in R). */
  ties: boolean;
  undefinedReasons: Partial<Record<'v' | 'p', ReasonCode>>;
}

/** Ranks with ties given the average of the ranks they span (R's rank(ties.method = "average")). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const rank = (start + end + 2) / 2; // mean of 1-based positions start+1 .. end+1
    for (let j = start; j <= end; j++) ranks[order[j]!] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * V (the sum of the average ranks of |d| over positive differences) and the tie groups, from the sorted absolute
 * values of the positive and of the negative differences walked together: numeric typed-array sorts instead of an
 * index sort with a comparator (20,000 pairs × 16 comparisons per report made that the report's hot spot). Same
 * arithmetic as averageRanks: each group of t equal |d| starting at 0-based position `start` has the rank
 * (2·start + t + 1)/2, and V adds it once per positive member (sums of halves: exact).
 */
function signedRankSums(positive: Float64Array, negative: Float64Array): { v: number; tieTerm: number; ties: boolean } {
  positive.sort();
  negative.sort();
  let i = 0;
  let j = 0;
  let start = 0;
  let v = 0;
  let tieTerm = 0;
  while (i < positive.length || j < negative.length) {
    const value = j >= negative.length || (i < positive.length && positive[i]! <= negative[j]!) ? positive[i]! : negative[j]!;
    let p = 0;
    let q = 0;
    while (i < positive.length && positive[i] === value) { i++; p++; }
    while (j < negative.length && negative[j] === value) { j++; q++; }
    const t = p + q;
    v += p * ((2 * start + t + 1) / 2);
    if (t > 1) tieTerm += t ** 3 - t;
    start += t;
  }
  return { v, tieTerm, ties: tieTerm > 0 };
}

/**
 * Signed-rank test on paired differences d_i = post_i − pre_i (compute them as `post[i] - pre[i]`, the same
 * floating-point operation R performs, so ties and zeros are detected identically).
 */
export function wilcoxonSignedRank(differences: ArrayLike<number>): WilcoxonSignedRank {
  let nPositive = 0;
  let nZero = 0;
  for (let k = 0; k < differences.length; k++) {
    const d = differences[k]!;
    if (!Number.isFinite(d)) {
      return {
        v: null, p: null, method: null, nNonZero: 0, nZero: 0, ties: false,
        undefinedReasons: { v: 'non_finite_value', p: 'non_finite_value' },
      };
    }
    if (d > 0) nPositive++;
    else if (d === 0) nZero++;
  }
  const n = differences.length - nZero;
  if (n === 0) {
    const reason: ReasonCode = differences.length === 0 ? 'too_few_pairs' : 'all_differences_zero';
    return { v: null, p: null, method: null, nNonZero: 0, nZero, ties: false, undefinedReasons: { v: reason, p: reason } };
  }

  const positive = new Float64Array(nPositive);
  const negative = new Float64Array(n - nPositive);
  for (let k = 0, a = 0, b = 0; k < differences.length; k++) {
    const d = differences[k]!;
    if (d > 0) positive[a++] = d;
    else if (d < 0) negative[b++] = -d;
  }
  const { v, tieTerm, ties } = signedRankSums(positive, negative);
  const expected = (n * (n + 1)) / 4;

  let p: number;
  let method: WilcoxonMethod;
  if (n < WILCOXON_EXACT_BELOW_N && !ties && nZero === 0) {
    method = 'exact';
    // Upper tail P(V ≥ v) = P(V ≤ n(n+1)/2 − v) by symmetry, which keeps full precision for small p.
    const tail = v > expected ? signrankCdf((n * (n + 1)) / 2 - v, n) : signrankCdf(v, n);
    p = Math.min(2 * tail, 1);
  } else {
    method = 'normal-approximation';
    const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
    const z0 = v - expected;
    const z = (z0 - Math.sign(z0) * 0.5) / sigma;
    p = Math.min(2 * normalCdf(-Math.abs(z), 0, 1), 1);
  }
  const pOut = finiteOrNull(p);
  return {
    v,
    p: pOut,
    method,
    nNonZero: n,
    nZero,
    ties,
    undefinedReasons: pOut === null ? { p: 'numerical_error' } : {},
  };
}

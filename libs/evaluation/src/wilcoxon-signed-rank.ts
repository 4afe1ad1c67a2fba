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

/** Sizes of the groups of equal values (only groups of 2 or more). */
function tieGroupSizes(values: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].filter((c) => c > 1);
}

/**
 * Signed-rank test on paired differences d_i = post_i − pre_i (compute them as `post[i] - pre[i]`, the same
 * floating-point operation R performs, so ties and zeros are detected identically).
 */
export function wilcoxonSignedRank(differences: readonly number[]): WilcoxonSignedRank {
  if (!differences.every(Number.isFinite)) {
    return {
      v: null, p: null, method: null, nNonZero: 0, nZero: 0, ties: false,
      undefinedReasons: { v: 'non_finite_value', p: 'non_finite_value' },
    };
  }
  const nonZero = differences.filter((d) => d !== 0);
  const nZero = differences.length - nonZero.length;
  const n = nonZero.length;
  if (n === 0) {
    const reason: ReasonCode = differences.length === 0 ? 'too_few_pairs' : 'all_differences_zero';
    return { v: null, p: null, method: null, nNonZero: 0, nZero, ties: false, undefinedReasons: { v: reason, p: reason } };
  }

  const absolute = nonZero.map(Math.abs);
  const ranks = averageRanks(absolute);
  let v = 0;
  for (let i = 0; i < n; i++) if (nonZero[i]! > 0) v += ranks[i]!;
  const tieSizes = tieGroupSizes(absolute);
  const ties = tieSizes.length > 0;
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
    const tieTerm = tieSizes.reduce((sum, t) => sum + (t ** 3 - t), 0);
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

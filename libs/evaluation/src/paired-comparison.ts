// Paired pre/post comparison: mean difference with its t-based CI, paired t-test, Wilcoxon signed-rank test and
// effect sizes. d_i = post_i − pre_i, so a positive mean difference is an improvement.

import ttest from '@stdlib/stats-ttest';

import { describe } from './descriptive.js';
import { allFinite, assertSameLength, EvaluationInputError, finiteOrNull, type ReasonCode } from './reasons.js';
import { wilcoxonSignedRank, type WilcoxonMethod } from './wilcoxon-signed-rank.js';

export type PairedField = 'meanDiff' | 'sdDiff' | 'ci95' | 't' | 'df' | 'p' | 'wilcoxon.v' | 'wilcoxon.p' | 'dz' | 'dav';

export interface PairedComparison {
  /** Number of complete pairs analysed. */
  n: number;
  /** Mean of d = post − pre. */
  meanDiff: number | null;
  /** Sample SD of d (n − 1). */
  sdDiff: number | null;
  /** 95 % CI of the mean difference: d̄ ± t(0.975, n − 1)·s_d/√n. */
  ci95: [number, number] | null;
  /** Paired t statistic d̄ / (s_d/√n). */
  t: number | null;
  df: number | null;
  /** Two-sided p of the paired t-test. */
  p: number | null;
  /** R's wilcox.test(post, pre, paired = TRUE) with default settings. */
  wilcoxon: { v: number | null; p: number | null; method: WilcoxonMethod | null; nNonZero: number; nZero: number };
  /** Cohen's d_z = d̄ / s_d (the primary effect size). */
  dz: number | null;
  /** d_av = d̄ / ((SD_pre + SD_post)/2). */
  dav: number | null;
  meanPre: number | null;
  meanPost: number | null;
  sdPre: number | null;
  sdPost: number | null;
  /** Why each null field above is null; empty when everything is defined. */
  undefinedReasons: Partial<Record<PairedField, ReasonCode>>;
}

/** A PairedComparison where every statistic is defined (the shape reviewers and the API rely on). */
export type CompletePairedComparison = PairedComparison & {
  meanDiff: number; sdDiff: number; ci95: [number, number]; t: number; df: number; p: number;
  wilcoxon: { v: number; p: number; method: WilcoxonMethod };
  dz: number; dav: number;
};

export function isCompletePairedComparison(result: PairedComparison): result is CompletePairedComparison {
  return Object.keys(result.undefinedReasons).length === 0;
}

const ALL_FIELDS: readonly PairedField[] = ['meanDiff', 'sdDiff', 'ci95', 't', 'df', 'p', 'wilcoxon.v', 'wilcoxon.p', 'dz', 'dav'];

function allUndefined(n: number, reason: ReasonCode, keep: Partial<PairedComparison> = {}): PairedComparison {
  const result: PairedComparison = {
    n,
    meanDiff: null, sdDiff: null, ci95: null, t: null, df: null, p: null,
    wilcoxon: { v: null, p: null, method: null, nNonZero: 0, nZero: 0 },
    dz: null, dav: null, meanPre: null, meanPost: null, sdPre: null, sdPost: null,
    undefinedReasons: {},
    ...keep,
  };
  for (const field of ALL_FIELDS) {
    const value = field === 'wilcoxon.v' ? result.wilcoxon.v : field === 'wilcoxon.p' ? result.wilcoxon.p : result[field];
    if (value === null) result.undefinedReasons[field] = reason;
  }
  return result;
}

/**
 * Paired comparison of complete pairs (pre[i], post[i]). Throws EvaluationInputError only when the arrays differ in
 * length; every data problem (too few pairs, no variation, NaN) yields nulls with reasons instead.
 */
export function pairedComparison(pre: readonly number[], post: readonly number[]): PairedComparison {
  if (!Array.isArray(pre) || !Array.isArray(post)) {
    throw new EvaluationInputError('invalid_argument', 'pairedComparison: pre and post must be arrays');
  }
  assertSameLength('pairedComparison(pre, post)', pre, post);
  const n = pre.length;
  if (!allFinite(pre) || !allFinite(post)) return allUndefined(n, 'non_finite_value');

  // Same floating-point operation as R's x - y, so zero and tie detection match wilcox.test.
  const d = post.map((value, i) => value - pre[i]!);
  if (!allFinite(d)) return allUndefined(n, 'numerical_error');

  const preStats = describe(pre);
  const postStats = describe(post);
  const diffStats = describe(d);
  const waves = { meanPre: preStats.mean, meanPost: postStats.mean, sdPre: preStats.sd, sdPost: postStats.sd };

  if (n < 2) return allUndefined(n, 'too_few_pairs', { meanDiff: diffStats.mean, ...waves });
  const described = [preStats, postStats, diffStats];
  if (described.some((s) => s.mean === null || s.sd === null)) return allUndefined(n, 'numerical_error');

  const reasons: Partial<Record<PairedField, ReasonCode>> = {};
  const meanDiff = diffStats.mean!;
  const sdDiff = diffStats.sd!;
  const df = n - 1;

  // d_av is defined whenever the two waves vary at all.
  const avgSd = (preStats.sd! + postStats.sd!) / 2;
  let dav: number | null = null;
  if (avgSd > 0) dav = finiteOrNull(meanDiff / avgSd);
  if (dav === null) reasons.dav = avgSd > 0 ? 'numerical_error' : 'zero_variance';

  const wilcoxon = wilcoxonSignedRank(d);
  if (wilcoxon.undefinedReasons.v) reasons['wilcoxon.v'] = wilcoxon.undefinedReasons.v;
  if (wilcoxon.undefinedReasons.p) reasons['wilcoxon.p'] = wilcoxon.undefinedReasons.p;

  let ci95: [number, number] | null = null;
  let t: number | null = null;
  let p: number | null = null;
  let dz: number | null = null;
  const stderr = sdDiff / Math.sqrt(n);
  // R's t.test stops with "data are essentially constant" under this same rule; we return nulls instead.
  const essentiallyConstant = stderr === 0 || stderr < 10 * Number.EPSILON * Math.abs(meanDiff);
  if (essentiallyConstant) {
    const reason: ReasonCode = d.every((x) => x === 0) ? 'all_differences_zero' : 'zero_variance';
    reasons.ci95 = reason;
    reasons.t = reason;
    reasons.p = reason;
    reasons.dz = reason;
  } else {
    const test = ttest(d as number[]);
    t = finiteOrNull(test.statistic);
    p = finiteOrNull(test.pValue);
    const lo = finiteOrNull(test.ci[0]!);
    const hi = finiteOrNull(test.ci[1]!);
    ci95 = lo !== null && hi !== null ? [lo, hi] : null;
    dz = finiteOrNull(meanDiff / sdDiff);
    if (t === null) reasons.t = 'numerical_error';
    if (p === null) reasons.p = 'numerical_error';
    if (ci95 === null) reasons.ci95 = 'numerical_error';
    if (dz === null) reasons.dz = 'numerical_error';
  }

  return {
    n,
    meanDiff,
    sdDiff,
    ci95,
    t,
    df,
    p,
    wilcoxon: { v: wilcoxon.v, p: wilcoxon.p, method: wilcoxon.method, nNonZero: wilcoxon.nNonZero, nZero: wilcoxon.nZero },
    dz,
    dav,
    ...waves,
    undefinedReasons: reasons,
  };
}

// Cronbach's α with the Feldt 95 % CI and α-if-item-deleted, over complete responses (listwise deletion).

import fQuantile from '@stdlib/stats-base-dists-f-quantile';

import { sd } from './descriptive.js';
import { EvaluationInputError, finiteOrNull, type ReasonCode } from './reasons.js';

export type CronbachField = 'alpha' | 'ci95' | 'alphaIfDeleted';

export interface CronbachAlpha {
  /** Complete respondents used (after listwise deletion). */
  n: number;
  /** Items (columns). */
  k: number;
  /** Respondents dropped because they left at least one item unanswered. */
  nDropped: number;
  alpha: number | null;
  /** Feldt 95 % CI: [1 − (1−α)·F(0.975; n−1, (n−1)(k−1)), 1 − (1−α)·F(0.025; n−1, (n−1)(k−1))]. */
  ci95: [number, number] | null;
  /** α recomputed without item i, one entry per item; null entries are explained under 'alphaIfDeleted'. */
  alphaIfDeleted: (number | null)[];
  undefinedReasons: Partial<Record<CronbachField, ReasonCode>>;
}

export type CompleteCronbachAlpha = CronbachAlpha & { alpha: number; ci95: [number, number]; alphaIfDeleted: number[] };

export function isCompleteCronbachAlpha(result: CronbachAlpha): result is CompleteCronbachAlpha {
  return Object.keys(result.undefinedReasons).length === 0;
}

function variance(values: readonly number[]): number {
  const s = sd(values);
  return s === null ? Number.NaN : s * s;
}

/** α over the given item columns of complete rows; a reason when the total score does not vary. */
function alphaOf(rows: readonly (readonly number[])[], items: readonly number[]): { alpha: number | null; reason?: ReasonCode } {
  const k = items.length;
  const itemVarianceSum = items.reduce((sum, j) => sum + variance(rows.map((row) => row[j]!)), 0);
  const totalVariance = variance(rows.map((row) => items.reduce((sum, j) => sum + row[j]!, 0)));
  if (!Number.isFinite(totalVariance) || !Number.isFinite(itemVarianceSum)) return { alpha: null, reason: 'numerical_error' };
  if (totalVariance === 0) return { alpha: null, reason: 'zero_total_variance' };
  const alpha = finiteOrNull((k / (k - 1)) * (1 - itemVarianceSum / totalVariance));
  return alpha === null ? { alpha: null, reason: 'numerical_error' } : { alpha };
}

/**
 * Cronbach's α. `responses` are respondents × items, already re-keyed; rows with any null are dropped. Throws
 * EvaluationInputError only when rows have different lengths.
 */
export function cronbachAlpha(responses: readonly (readonly (number | null)[])[]): CronbachAlpha {
  if (!Array.isArray(responses)) throw new EvaluationInputError('invalid_argument', 'cronbachAlpha: responses must be an array of rows');
  const k = responses.length > 0 ? responses[0]!.length : 0;
  responses.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) {
      throw new EvaluationInputError('mismatched_lengths', `cronbachAlpha: row ${i} has ${Array.isArray(row) ? row.length : 'no'} items, row 0 has ${k}`);
    }
  });
  const complete = responses.filter((row): row is readonly number[] => row.every((x: number | null) => x !== null));
  const n = complete.length;
  const nDropped = responses.length - n;
  const base = { n, k, nDropped };
  const undefinedAll = (reason: ReasonCode) => undefinedAlpha(base, reason);

  if (complete.some((row) => !row.every(Number.isFinite))) return undefinedAll('non_finite_value');
  if (k < 2) return undefinedAll('too_few_items');
  if (n < 2) return undefinedAll('too_few_respondents');

  const allItems = Array.from({ length: k }, (_, j) => j);
  const whole = alphaOf(complete, allItems);
  if (whole.alpha === null) return undefinedAll(whole.reason!);
  return alphaResult(base, whole.alpha, (skip) => alphaOf(complete, allItems.filter((j) => j !== skip)));
}

type AlphaBase = { n: number; k: number; nDropped: number };

/** α undefined, and with it everything that derives from it, for `reason`. */
export function undefinedAlpha(base: AlphaBase, reason: ReasonCode): CronbachAlpha {
  return {
    ...base,
    alpha: null,
    ci95: null,
    alphaIfDeleted: new Array<number | null>(base.k).fill(null),
    undefinedReasons: { alpha: reason, ci95: reason, ...(base.k > 0 ? { alphaIfDeleted: reason } : {}) },
  };
}

/**
 * The result once α is known, whichever way it was computed (from the matrix or from moments): the Feldt CI and α if
 * each item were deleted (`withoutItem(i)`; undefined with fewer than three items, which would leave a single one).
 */
export function alphaResult(base: AlphaBase, alpha: number, withoutItem: (item: number) => { alpha: number | null; reason?: ReasonCode }): CronbachAlpha {
  const reasons: Partial<Record<CronbachField, ReasonCode>> = {};
  const ci95 = feldtCi95(alpha, base.n, base.k);
  if (ci95 === null) reasons.ci95 = 'numerical_error';
  let alphaIfDeleted: (number | null)[];
  if (base.k < 3) {
    alphaIfDeleted = new Array<number | null>(base.k).fill(null);
    reasons.alphaIfDeleted = 'too_few_items';
  } else {
    alphaIfDeleted = Array.from({ length: base.k }, (_, item) => {
      const result = withoutItem(item);
      if (result.alpha === null && result.reason) reasons.alphaIfDeleted ??= result.reason;
      return result.alpha;
    });
  }
  return { ...base, alpha, ci95, alphaIfDeleted, undefinedReasons: reasons };
}

/** Feldt's 95 % CI for α with n respondents and k items: [1 − (1−α)·F(0.975; n−1, (n−1)(k−1)), 1 − (1−α)·F(0.025; …)]. */
export function feldtCi95(alpha: number, n: number, k: number): [number, number] | null {
  const df1 = n - 1;
  const df2 = (n - 1) * (k - 1);
  const lo = finiteOrNull(1 - (1 - alpha) * fQuantile(0.975, df1, df2));
  const hi = finiteOrNull(1 - (1 - alpha) * fQuantile(0.025, df1, df2));
  return lo !== null && hi !== null ? [lo, hi] : null;
}

// Mean and sample SD (n − 1), with the same "null plus a reason" contract as the tests.

import { allFinite, EvaluationInputError, finiteOrNull, type ReasonCode } from './reasons.js';

/** Arithmetic mean; null for an empty array or one holding a non-finite value. */
export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0 || !allFinite(values)) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const m = sum / values.length;
  // One refinement pass (as R's mean() does) so large offsets do not cost precision.
  let resid = 0;
  for (let i = 0; i < values.length; i++) resid += values[i]! - m;
  return finiteOrNull(m + resid / values.length);
}

/**
 * The mean of `values` within each group (`groupOf[i]` in 0 … groups − 1), with mean()'s refinement pass (as R's
 * mean()), so the order of the values moves a mean far less than its last printed digit; a NaN value is missing and
 * left out, a group with no value is NaN. Each group's result is mean() of its values, bit for bit, without an array
 * per group.
 */
export function groupMeans(values: ArrayLike<number>, groupOf: ArrayLike<number>, groups: number): Float64Array {
  if (values.length !== groupOf.length) throw new EvaluationInputError('mismatched_lengths', 'groupMeans: one group per value');
  const sums = new Float64Array(groups);
  const sizes = new Float64Array(groups);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) continue;
    sums[groupOf[i]!]! += values[i]!;
    sizes[groupOf[i]!]!++;
  }
  const means = sums.map((sum, g) => sum / sizes[g]!);
  const residuals = new Float64Array(groups);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) residuals[groupOf[i]!]! += values[i]! - means[groupOf[i]!]!;
  return means.map((m, g) => m + residuals[g]! / sizes[g]!);
}

/** Sample standard deviation (denominator n − 1); null for fewer than 2 values or a non-finite value. */
export function sd(values: ArrayLike<number>): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  // Corrected two-pass algorithm: Σ(x − m)² − (Σ(x − m))²/n.
  let ss = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const dev = values[i]! - m;
    ss += dev * dev;
    s += dev;
  }
  const variance = (ss - (s * s) / values.length) / (values.length - 1);
  return finiteOrNull(Math.sqrt(Math.max(variance, 0)));
}

export type DescriptiveField = 'mean' | 'sd';

export interface Descriptives {
  n: number;
  mean: number | null;
  sd: number | null;
  undefinedReasons: Partial<Record<DescriptiveField, ReasonCode>>;
}

export function describe(values: ArrayLike<number>): Descriptives {
  const undefinedReasons: Partial<Record<DescriptiveField, ReasonCode>> = {};
  if (!allFinite(values)) {
    return { n: values.length, mean: null, sd: null, undefinedReasons: { mean: 'non_finite_value', sd: 'non_finite_value' } };
  }
  const m = mean(values);
  const s = sd(values);
  if (m === null) undefinedReasons.mean = values.length === 0 ? 'too_few_values' : 'numerical_error';
  if (s === null) undefinedReasons.sd = values.length < 2 ? 'too_few_values' : 'numerical_error';
  return { n: values.length, mean: m, sd: s, undefinedReasons };
}

/** Descriptives of each wave, e.g. the complete pairs returned by describePairs. */
export function describeWaves(pre: readonly number[], post: readonly number[]): { pre: Descriptives; post: Descriptives } {
  return { pre: describe(pre), post: describe(post) };
}

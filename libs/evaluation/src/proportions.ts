// Shares x/n (monitoring and behaviour indicators) with the Wilson score interval, as R's
// `prop.test(x, n, correct = FALSE)$conf.int`: no continuity correction; the bound is exactly 0 when x = 0 and
// exactly 1 when x = n, as in R.

import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

import { EvaluationInputError, finiteOrNull, type ReasonCode } from './reasons.js';

export interface WilsonInterval {
  x: number;
  n: number;
  /** x / n; null when n = 0. */
  p: number | null;
  /** Wilson score 95 % CI; null when n = 0. */
  ci95: [number, number] | null;
  undefinedReasons: Partial<Record<'p' | 'ci95', ReasonCode>>;
}

/**
 * The share x/n with its Wilson 95 % interval. n = 0 (nobody answered) gives nulls with a reason; x and n must be
 * whole numbers with 0 ≤ x ≤ n, otherwise EvaluationInputError (a caller mistake, not data).
 */
export function wilsonInterval(x: number, n: number): WilsonInterval {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 0 || x < 0 || x > n) {
    throw new EvaluationInputError('invalid_argument', `wilsonInterval: need whole numbers 0 ≤ x ≤ n, got x = ${x}, n = ${n}`);
  }
  if (n === 0) return { x, n, p: null, ci95: null, undefinedReasons: { p: 'too_few_values', ci95: 'too_few_values' } };
  const p = x / n;
  const z = normalQuantile(0.975, 0, 1);
  // R's prop.test, term for term: z22n = z²/(2n); bounds (p + z22n ∓ z·√(p(1−p)/n + z22n/(2n))) / (1 + 2·z22n).
  const z22n = (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const lo = p <= 0 ? 0 : finiteOrNull((p + z22n - spread) / (1 + 2 * z22n));
  const hi = p >= 1 ? 1 : finiteOrNull((p + z22n + spread) / (1 + 2 * z22n));
  if (lo === null || hi === null) return { x, n, p, ci95: null, undefinedReasons: { ci95: 'numerical_error' } };
  return { x, n, p, ci95: [lo, hi], undefinedReasons: {} };
}

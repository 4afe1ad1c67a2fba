// Stable codes that say why a statistic is undefined, and the one typed error this library throws.
// Codes are part of the public contract (UI text and exports key off them): add new ones, never rename.

export type ReasonCode =
  /** Fewer than 2 complete pre/post pairs. */
  | 'too_few_pairs'
  /** Every difference (or every score) is the same, so the spread is zero and a ratio over it is undefined. */
  | 'zero_variance'
  /** Every post − pre difference is exactly zero: nothing changed, no test is possible. */
  | 'all_differences_zero'
  /** The input held NaN or ±Infinity. */
  | 'non_finite_value'
  /** Fewer than 2 items (Cronbach's α), or fewer than 3 for α-if-item-deleted. */
  | 'too_few_items'
  /** Fewer than 2 complete respondents after listwise deletion. */
  | 'too_few_respondents'
  /** The variance of the total score is zero (α's denominator). */
  | 'zero_total_variance'
  /** Too few values for a descriptive statistic (mean needs 1, SD needs 2). */
  | 'too_few_values'
  /** Two predictors of a regression carry the same information (e.g. pre constant within each group in the ANCOVA). */
  | 'collinear_predictors'
  /** The arithmetic overflowed (values too large to handle); should never happen with real scores. */
  | 'numerical_error';

export type InputErrorCode = 'mismatched_lengths' | 'invalid_scale_value' | 'invalid_argument';

/** Thrown only for caller mistakes (arrays that should line up but do not, values off the scale), never for data. */
export class EvaluationInputError extends Error {
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, message: string) {
    super(message);
    this.name = 'EvaluationInputError';
    this.code = code;
  }
}

export function assertSameLength(what: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) {
    throw new EvaluationInputError('mismatched_lengths', `${what}: lengths differ (${a.length} vs ${b.length})`);
  }
}

/** Returns the value when it is a finite number, else null: the last guard before a number leaves the library. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Every value is a finite number (a plain loop: `every(Number.isFinite)` costs a call per value on large columns). */
export function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

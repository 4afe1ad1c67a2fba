// Scores per learner and wave: Likert re-keying, subscale means under the 75 % rule, knowledge percent.

import { assertSameLength, EvaluationInputError } from './reasons.js';

export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;
/** A subscale score needs at least this share of its items answered. */
export const SUBSCALE_MIN_ANSWERED = 0.75;

function assertLikert(value: number): void {
  if (!Number.isInteger(value) || value < LIKERT_MIN || value > LIKERT_MAX) {
    throw new EvaluationInputError('invalid_scale_value', `Likert answer must be an integer ${LIKERT_MIN}..${LIKERT_MAX}, got ${value}`);
  }
}

/**
 * Re-keys a 1..5 Likert answer: reverse-keyed items become 6 − x so that higher always means "more
 * rights-respecting". Throws EvaluationInputError for a value off the scale (validation should have caught it).
 */
export function rekey(value: number, reverse: boolean): number {
  assertLikert(value);
  return reverse ? LIKERT_MIN + LIKERT_MAX - value : value;
}

/**
 * Mean of the re-keyed answered items, or null when fewer than 75 % of the subscale's items are answered
 * (never zero, never carried over). `values[i]` is null when item i was not answered.
 */
export function subscaleScore(values: readonly (number | null)[], reverseFlags: readonly boolean[]): number | null {
  assertSameLength('subscaleScore(values, reverseFlags)', values, reverseFlags);
  const k = values.length;
  // A plain loop: reports score hundreds of thousands of subscales at once, so no arrays per call.
  let answered = 0;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const value = values[i]!;
    if (value === null) continue;
    sum += rekey(value, reverseFlags[i]!);
    answered++;
  }
  if (!enoughAnswered(answered, k)) return null;
  return sum / answered;
}

/** The 75 % rule. Integer comparison (answered/k ≥ 3/4) so 3 of 4 counts and floating point cannot move the boundary. */
function enoughAnswered(answered: number, k: number): boolean {
  return k > 0 && answered * 4 >= k * 3;
}

/**
 * subscaleScore on answers read in place, for reports that score hundreds of thousands of attempts: item j of the
 * subscale is `answers[indices[j]]` (raw 1..5), `unanswered` marks a missing answer. Same rule, no arrays per call.
 */
export function subscaleScoreAt(answers: ArrayLike<number>, indices: ArrayLike<number>, reverseFlags: ArrayLike<boolean>, unanswered: number): number | null {
  assertSameLength('subscaleScoreAt(indices, reverseFlags)', indices, reverseFlags);
  const k = indices.length;
  let answered = 0;
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const value = answers[indices[j]!]!;
    if (value === unanswered) continue;
    sum += rekey(value, reverseFlags[j]!);
    answered++;
  }
  if (!enoughAnswered(answered, k)) return null;
  return sum / answered;
}

/**
 * Percent correct (0..100) of all items on the test; an unanswered item (null) counts as wrong. Null — missing, never
 * 0 % — for a test with no items or a test taken with NOTHING answered (every entry null), the same rule as item
 * analysis. Callers that want the "taken, nothing answered" case recognised must pass null, not false, for unanswered.
 */
export function knowledgePercent(correctFlags: readonly (boolean | null)[]): number | null {
  if (correctFlags.length === 0 || correctFlags.every((flag) => flag === null)) return null;
  const correct = correctFlags.filter((flag) => flag === true).length;
  return (100 * correct) / correctFlags.length;
}

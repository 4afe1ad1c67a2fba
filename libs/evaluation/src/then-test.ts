// Retrospective pre-test ("then") and follow-up comparisons, all through pairedComparison.
// Arguments are complete, aligned arrays (one entry per learner who has every wave involved).

import { pairedComparison, type PairedComparison } from './paired-comparison.js';
import { assertSameLength } from './reasons.js';

/** Response shift: d = then − pre (how learners' yardstick moved, not a training effect). */
export function responseShift(pre: readonly number[], then: readonly number[]): PairedComparison {
  return pairedComparison(pre, then);
}

/** Programme effect judged against the retrospective baseline: d = post − then. */
export function programmeEffect(then: readonly number[], post: readonly number[]): PairedComparison {
  return pairedComparison(then, post);
}

/** Retention at follow-up: d = followup − post (negative = decay). */
export function retention(post: readonly number[], followup: readonly number[]): PairedComparison {
  return pairedComparison(post, followup);
}

/** Both then-test comparisons over learners with all three waves. */
export function thenTest(
  pre: readonly number[],
  then: readonly number[],
  post: readonly number[],
): { responseShift: PairedComparison; programmeEffect: PairedComparison } {
  assertSameLength('thenTest(pre, then)', pre, then);
  assertSameLength('thenTest(then, post)', then, post);
  return { responseShift: responseShift(pre, then), programmeEffect: programmeEffect(then, post) };
}

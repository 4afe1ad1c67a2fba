// How pre/post changes are spread, in a few numbers a chart can draw: histogram bins split by direction, the
// direction counts and the score range. A report of 20,000 learners sends these instead of every pair.

import type { ChangeScale } from './interpretation.js';
import { assertSameLength } from './reasons.js';

export type ChangeDirection = 'improved' | 'unchanged' | 'declined';

export interface ChangeBin {
  /** Bins are centred on multiples of the width, so "no change" sits in the middle of the 0 bin. */
  centre: number;
  improved: number;
  unchanged: number;
  declined: number;
}

export interface ChangeDistribution {
  binWidth: number;
  /** From the lowest to the highest change (always including 0); empty bins in between are kept. */
  bins: ChangeBin[];
  counts: Record<ChangeDirection, number>;
  /** Lowest and highest score at either wave (null without pairs). */
  range: [number, number] | null;
}

const NICE_WIDTHS: Record<ChangeScale, number[]> = { percent: [1, 2, 5, 10, 20, 25], likert: [0.1, 0.25, 0.5, 1] };
export const MAX_CHANGE_BINS = 12;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Rounded to 3 decimals first (as scores are shown), so float noise such as 0.1 + 0.2 − 0.3 never reads as a change. */
export function changeDirection(pre: number, post: number): ChangeDirection {
  const d = round3(post - pre);
  return d > 0 ? 'improved' : d < 0 ? 'declined' : 'unchanged';
}

/** Complete pairs only (pre[i], post[i] of one learner). The narrowest nice width that keeps to 12 bins. */
export function changeDistribution(pre: readonly number[], post: readonly number[], scale: ChangeScale): ChangeDistribution {
  assertSameLength('changeDistribution(pre, post)', pre, post);
  const counts: Record<ChangeDirection, number> = { improved: 0, unchanged: 0, declined: 0 };
  const widths = NICE_WIDTHS[scale];
  if (pre.length === 0) return { binWidth: widths[0]!, bins: [], counts, range: null };
  // Loops, not Math.min(...values): spreading 20,000 arguments is slow and, larger, overflows the stack.
  let lowDiff = 0;
  let highDiff = 0;
  let lowScore = Infinity;
  let highScore = -Infinity;
  for (let i = 0; i < pre.length; i++) {
    const d = round3(post[i]! - pre[i]!);
    if (d < lowDiff) lowDiff = d;
    if (d > highDiff) highDiff = d;
    lowScore = Math.min(lowScore, pre[i]!, post[i]!);
    highScore = Math.max(highScore, pre[i]!, post[i]!);
  }
  const binWidth = widths.find((w) => (highDiff - lowDiff) / w + 1 <= MAX_CHANGE_BINS) ?? widths[widths.length - 1]!;
  const low = Math.round(lowDiff / binWidth);
  const high = Math.round(highDiff / binWidth);
  const bins: ChangeBin[] = [];
  for (let k = low; k <= high; k++) bins.push({ centre: round3(k * binWidth), improved: 0, unchanged: 0, declined: 0 });
  for (let i = 0; i < pre.length; i++) {
    const direction = changeDirection(pre[i]!, post[i]!);
    counts[direction]++;
    bins[Math.round(round3(post[i]! - pre[i]!) / binWidth) - low]![direction]++;
  }
  return { binWidth, bins, counts, range: [lowScore, highScore] };
}

/** At most `max` pairs spread evenly over the input (first, last and every k-th), for a chart with one line each. */
export function samplePairs(pre: readonly number[], post: readonly number[], max: number): [number, number][] {
  assertSameLength('samplePairs(pre, post)', pre, post);
  const n = pre.length;
  const take = Math.min(n, max);
  const out: [number, number][] = [];
  for (let j = 0; j < take; j++) {
    const i = take === 1 ? 0 : Math.round((j * (n - 1)) / (take - 1));
    out.push([pre[i]!, post[i]!]);
  }
  return out;
}

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

/**
 * At most `max` pairs for a chart with one line each, the same whatever order the pairs come in (a report reads its
 * learners in the database's order, which may differ between two requests): the pairs sorted by pre then post, taken
 * at evenly spaced ranks, first and last included — a systematic sample over the joint distribution. Scores take few
 * distinct values, so the distinct pairs are sorted (with their counts), not every learner's.
 */
export function samplePairs(pre: readonly number[], post: readonly number[], max: number): [number, number][] {
  assertSameLength('samplePairs(pre, post)', pre, post);
  const n = pre.length;
  const take = Math.min(n, max);
  const byPre = new Map<number, Map<number, number>>();
  for (let i = 0; i < n; i++) {
    let posts = byPre.get(pre[i]!);
    if (!posts) byPre.set(pre[i]!, (posts = new Map()));
    posts.set(post[i]!, (posts.get(post[i]!) ?? 0) + 1);
  }
  const distinct: { pre: number; post: number; count: number }[] = [];
  for (const [a, posts] of byPre) for (const [b, count] of posts) distinct.push({ pre: a, post: b, count });
  distinct.sort((x, y) => x.pre - y.pre || x.post - y.post);
  const out: [number, number][] = [];
  let d = 0;
  let before = 0; // pairs ranked before distinct[d]
  for (let j = 0; j < take; j++) {
    const rank = take === 1 ? 0 : Math.round((j * (n - 1)) / (take - 1));
    while (before + distinct[d]!.count <= rank) before += distinct[d++]!.count;
    out.push([distinct[d]!.pre, distinct[d]!.post]);
  }
  return out;
}

import type { Scale } from './format';

export type Direction = 'improved' | 'unchanged' | 'declined';
export const DIRECTION_COLOURS: Record<Direction, string> = { improved: '#5b2a86', unchanged: '#5f5f6b', declined: '#b3261e' };

/** Same rounding as the pairs the server sends (3 decimals), so tiny float noise never reads as a change. */
export function direction([pre, post]: [number, number]): Direction {
  const d = Math.round((post - pre) * 1000) / 1000;
  return d > 0 ? 'improved' : d < 0 ? 'declined' : 'unchanged';
}

export function countDirections(pairs: [number, number][]): Record<Direction, number> {
  const counts: Record<Direction, number> = { improved: 0, unchanged: 0, declined: 0 };
  for (const pair of pairs) counts[direction(pair)]++;
  return counts;
}

export interface Bin {
  centre: number;
  improved: number;
  unchanged: number;
  declined: number;
}

const WIDTHS: Record<Scale, number[]> = { percent: [1, 2, 5, 10, 20, 25], likert: [0.1, 0.25, 0.5, 1] };
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The narrowest "nice" bin width that keeps the histogram to at most 12 bins. */
export function binWidth(pairs: [number, number][], scale: Scale): number {
  const diffs = pairs.map(([pre, post]) => round3(post - pre));
  const span = Math.max(0, ...diffs) - Math.min(0, ...diffs);
  const widths = WIDTHS[scale];
  return widths.find((w) => span / w + 1 <= 12) ?? widths[widths.length - 1]!;
}

/**
 * Counts of post − pre differences in bins centred on multiples of the width, so "no change" sits in the middle of
 * the 0 bin; each bin is split by direction. Empty bins between the extremes are kept so the axis is even.
 */
export function changeBins(pairs: [number, number][], scale: Scale, width = binWidth(pairs, scale)): Bin[] {
  if (pairs.length === 0) return [];
  const index = pairs.map(([pre, post]) => Math.round(round3(post - pre) / width));
  const low = Math.min(0, ...index);
  const high = Math.max(0, ...index);
  const bins: Bin[] = [];
  for (let k = low; k <= high; k++) bins.push({ centre: round3(k * width), improved: 0, unchanged: 0, declined: 0 });
  pairs.forEach((pair, i) => bins[index[i]! - low]![direction(pair)]++);
  return bins;
}

/**
 * The score axis of the slope chart: the whole Likert range (1–5), or for percent scores the data's range padded and
 * rounded to tens (within 0–100), so that real differences are visible without inventing any.
 */
export function scoreDomain(pairs: [number, number][], scale: Scale): [number, number] {
  if (scale === 'likert' || pairs.length === 0) return scale === 'likert' ? [1, 5] : [0, 100];
  const values = pairs.flat();
  const low = Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10);
  const high = Math.min(100, Math.ceil((Math.max(...values) + 5) / 10) * 10);
  return [low, high];
}

import type { Scale } from './format';

export type Direction = 'improved' | 'unchanged' | 'declined';
export const DIRECTION_COLOURS: Record<Direction, string> = { improved: '#5b2a86', unchanged: '#5f5f6b', declined: '#b3261e' };

/** Same rounding as the scores the server sends (3 decimals), so tiny float noise never reads as a change. */
export function direction([pre, post]: [number, number]): Direction {
  const d = Math.round((post - pre) * 1000) / 1000;
  return d > 0 ? 'improved' : d < 0 ? 'declined' : 'unchanged';
}

/**
 * The score axis of the slope chart: the whole Likert range (1–5), or for percent scores the data's range padded and
 * rounded to tens (within 0–100), so that real differences are visible without inventing any.
 */
export function scoreDomain(range: [number, number] | null, scale: Scale): [number, number] {
  if (scale === 'likert' || range === null) return scale === 'likert' ? [1, 5] : [0, 100];
  const low = Math.max(0, Math.floor((range[0] - 5) / 10) * 10);
  const high = Math.min(100, Math.ceil((range[1] + 5) / 10) * 10);
  return [low, high];
}

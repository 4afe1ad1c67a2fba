// Small-cell suppression for breakdowns (role, region, institution), with complementary suppression.
//
// Rules: a group with n < minN is hidden ("n < 5"). If that leaves exactly one hidden group, it could be recovered as
// total − Σ visible, so the smallest remaining visible group is hidden too. Invariant: the number of hidden groups is
// never exactly 1 when there are 2 or more groups, so total − visible always mixes at least two hidden groups.
// Hidden groups keep only their key: n and every value are removed. Invalid n (NaN, negative) fails closed (hidden).
// The invariant assumes the groups partition the total; learners outside every group belong in an explicit group.

import { EvaluationInputError } from './reasons.js';

export const MIN_GROUP_N = 5;

export type SuppressionReason = 'small_n' | 'complementary';

export interface GroupInput {
  key: string;
  n: number;
}

export interface SuppressedGroup {
  key: string;
  suppressed: true;
  reason: SuppressionReason;
}

export type VisibleGroup<T extends GroupInput> = T & { suppressed: false };

export type SuppressionOutcome<T extends GroupInput> = VisibleGroup<T> | SuppressedGroup;

function assertMinN(minN: number): void {
  if (!Number.isInteger(minN) || minN < 1) {
    throw new EvaluationInputError('invalid_argument', `minN must be a positive integer, got ${minN}`);
  }
}

function isSmall(n: number, minN: number): boolean {
  return !(Number.isFinite(n) && n >= minN);
}

/** Returns the groups in input order, each marked suppressed or not; suppressed groups keep only their key. */
export function suppressGroups<T extends GroupInput>(groups: readonly T[], minN: number = MIN_GROUP_N): SuppressionOutcome<T>[] {
  assertMinN(minN);
  const reasons = new Map<number, SuppressionReason>();
  groups.forEach((group, i) => {
    if (isSmall(group.n, minN)) reasons.set(i, 'small_n');
  });
  if (reasons.size === 1 && groups.length >= 2) {
    // Complementary suppression: hide the smallest visible group (first in input order on ties).
    let next = -1;
    groups.forEach((group, i) => {
      if (!reasons.has(i) && (next === -1 || group.n < groups[next]!.n)) next = i;
    });
    reasons.set(next, 'complementary');
  }
  return groups.map((group, i) => {
    const reason = reasons.get(i);
    return reason ? { key: group.key, suppressed: true, reason } : { ...group, suppressed: false };
  });
}

export interface SuppressedBreakdown<T extends GroupInput> {
  groups: SuppressionOutcome<T>[];
  /** The total across groups; hidden (n: null) when it is itself below minN. */
  total: { n: number | null; suppressed: boolean };
}

/**
 * suppressGroups plus the total row. With a single group the total equals that group, so a small total is hidden
 * as well; in general the total is hidden whenever it is below minN.
 */
export function suppressBreakdown<T extends GroupInput>(groups: readonly T[], minN: number = MIN_GROUP_N): SuppressedBreakdown<T> {
  const outcome = suppressGroups(groups, minN);
  const totalN = groups.reduce((sum, group) => sum + (Number.isFinite(group.n) && group.n > 0 ? group.n : 0), 0);
  const invalid = groups.some((group) => !Number.isFinite(group.n) || group.n < 0);
  const hidden = invalid || isSmall(totalN, minN);
  return { groups: outcome, total: hidden ? { n: null, suppressed: true } : { n: totalN, suppressed: false } };
}

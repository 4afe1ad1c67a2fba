// Small-cell suppression for breakdowns (role, region, institution), with complementary suppression.
//
// The n of a group is the n that the published figure rests on — for a mean change, the learners of that group with
// a complete pair in that measure — never the group's size in general. A breakdown that publishes several measures
// is suppressed per measure (suppressMeasures), because the same group can rest on 9 learners in one measure and 3 in
// another.
//
// Rules, per figure:
//   - a group with n < minN is hidden ("n < 5"); an empty group (n = 0) is hidden too, but it is not a cell: it
//     holds nobody, so it protects nobody;
//   - real cells are groups with n ≥ 1. If exactly one real cell is hidden, it could be recovered as
//     total − Σ visible, so the smallest visible real cell is hidden too (complementary suppression);
//   - the total is hidden when it is itself below minN (then every cell is small and hidden as well).
// Invariant: whenever the total is published, the hidden real cells number 0 or ≥ 2, so total − Σ(any visible
// cells) always mixes at least two hidden real cells and no hidden cell's n or mean can be recovered from the
// total and the visible cells. This assumes the groups partition the learners behind the published total, and that
// a figure has ONE published total: a second total over other learners (e.g. a whole-cohort mean that includes
// learners the breakdown leaves out) could be subtracted from the first. Put learners outside every group in an
// explicit group ("unknown"), and publish the breakdown's total as the cohort figure (suppressMeasures checks it
// when given the cohort's n). Several breakdowns of one figure (role AND region AND institution) can leak through
// each other even when each is safe alone: suppressJointly (joint-suppression.ts) handles them together.
// Hidden groups keep only their key: n and every value are removed. Invalid n (NaN, negative, fractional) fails
// closed: hidden, not counted as protecting anything, and it hides the total.

import { EvaluationInputError } from './reasons.js';

export const MIN_GROUP_N = 5;

export type SuppressionReason = 'small_n' | 'complementary';

export interface GroupInput {
  key: string;
  /** The n the group's published figure rests on (see the file header). */
  n: number;
}

export interface SuppressedGroup {
  key: string;
  suppressed: true;
  reason: SuppressionReason;
}

export type VisibleGroup<T extends GroupInput> = T & { suppressed: false };

export type SuppressionOutcome<T extends GroupInput> = VisibleGroup<T> | SuppressedGroup;

/** Internal (also used by joint-suppression.ts). */
export function assertMinN(minN: number): void {
  if (!Number.isInteger(minN) || minN < 1) {
    throw new EvaluationInputError('invalid_argument', `minN must be a positive integer, got ${minN}`);
  }
}

const isValidN = (n: number) => Number.isInteger(n) && n >= 0;
/** A real cell: a valid count of at least one learner. Empty and invalid groups are not cells. */
const isRealCell = (n: number) => isValidN(n) && n >= 1;
const isSmall = (n: number, minN: number) => !(isValidN(n) && n >= minN);

/** Hidden group indices with their reasons, for a list of figure n's. Internal (also used by joint-suppression.ts). */
export function hiddenCells(ns: readonly number[], minN: number): Map<number, SuppressionReason> {
  const reasons = new Map<number, SuppressionReason>();
  ns.forEach((n, i) => {
    if (isSmall(n, minN)) reasons.set(i, 'small_n');
  });
  const hiddenReal = ns.filter((n, i) => reasons.has(i) && isRealCell(n)).length;
  if (hiddenReal === 1) {
    // Complementary suppression: hide the smallest visible real cell (first in input order on ties). When there is
    // none, the lone hidden cell is the whole total, which is then below minN and hidden as well.
    let next = -1;
    ns.forEach((n, i) => {
      if (!reasons.has(i) && (next === -1 || n < ns[next]!)) next = i;
    });
    if (next !== -1) reasons.set(next, 'complementary');
  }
  return reasons;
}

/** Returns the groups in input order, each marked suppressed or not; suppressed groups keep only their key. */
export function suppressGroups<T extends GroupInput>(groups: readonly T[], minN: number = MIN_GROUP_N): SuppressionOutcome<T>[] {
  assertMinN(minN);
  const reasons = hiddenCells(groups.map((group) => group.n), minN);
  return groups.map((group, i) => {
    const reason = reasons.get(i);
    return reason ? { key: group.key, suppressed: true, reason } : { ...group, suppressed: false };
  });
}

export interface SuppressedTotal {
  /** Σ n over the groups; null when hidden. */
  n: number | null;
  suppressed: boolean;
}

export function totalOf(ns: readonly number[], minN: number): SuppressedTotal {
  const invalid = ns.some((n) => !isValidN(n));
  const n = ns.reduce((sum, x) => sum + (isValidN(x) ? x : 0), 0);
  return invalid || isSmall(n, minN) ? { n: null, suppressed: true } : { n, suppressed: false };
}

export interface SuppressedBreakdown<T extends GroupInput> {
  groups: SuppressionOutcome<T>[];
  /** The total across groups; hidden (n: null) when it is itself below minN. */
  total: SuppressedTotal;
}

/** suppressGroups plus the total row, for a breakdown that publishes one figure per group (one n per group). */
export function suppressBreakdown<T extends GroupInput>(groups: readonly T[], minN: number = MIN_GROUP_N): SuppressedBreakdown<T> {
  return { groups: suppressGroups(groups, minN), total: totalOf(groups.map((group) => group.n), minN) };
}

/** One group of a breakdown that publishes several measures: the n each measure's figure rests on. */
export interface MeasureGroupInput<M extends string> {
  key: string;
  n: Readonly<Record<M, number>>;
}

export interface MeasureCell {
  key: string;
  shown: boolean;
  /** The figure's n when shown; null when hidden. */
  n: number | null;
  reason: SuppressionReason | null;
}

export interface MeasureSuppression {
  /** The measure's total (Σ n over the groups): the one total to publish for this measure. */
  total: SuppressedTotal;
  /** One entry per input group, in input order. */
  groups: MeasureCell[];
}

export interface SuppressMeasuresOptions<M extends string> {
  minN?: number;
  /**
   * The n of each measure's cohort-level figure, when the report publishes one besides the breakdown. Must equal
   * Σ n over the groups (the groups must partition those learners), else EvaluationInputError: two totals over
   * different learners would let a reader subtract one from the other.
   */
  cohortN?: Partial<Readonly<Record<M, number>>>;
}

/**
 * Suppression for a breakdown with several measures, each measure on its own n per group: per measure, which groups
 * are shown and whether the total is. Use it as `result[measure].groups[i].shown` beside your own values.
 */
export function suppressMeasures<M extends string>(
  groups: readonly MeasureGroupInput<M>[],
  measures: readonly M[],
  options: SuppressMeasuresOptions<M> = {},
): Record<M, MeasureSuppression> {
  const minN = options.minN ?? MIN_GROUP_N;
  assertMinN(minN);
  const out = {} as Record<M, MeasureSuppression>;
  for (const measure of measures) {
    const ns = groups.map((group) => {
      const n = group.n?.[measure];
      return typeof n === 'number' ? n : Number.NaN;
    });
    const expected = options.cohortN?.[measure];
    const sum = ns.reduce((s, n) => s + n, 0);
    if (expected !== undefined && Number.isFinite(sum) && expected !== sum) {
      throw new EvaluationInputError(
        'invalid_argument',
        `suppressMeasures: the groups of "${measure}" hold ${sum} learners but the cohort figure rests on ${expected}; the groups must partition them`,
      );
    }
    const reasons = hiddenCells(ns, minN);
    out[measure] = {
      total: totalOf(ns, minN),
      groups: groups.map((group, i) => {
        const reason = reasons.get(i) ?? null;
        return { key: group.key, shown: reason === null, n: reason === null ? ns[i]! : null, reason };
      }),
    };
  }
  return out;
}

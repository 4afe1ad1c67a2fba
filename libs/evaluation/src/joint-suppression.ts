// Suppression across several breakdowns of the same figure (by role, by region, by institution), which share one
// total. Each breakdown on its own is safe (suppression.ts), but together they can leak: with regions lima 20,
// cusco 3 (hidden), puno 6 (hidden to protect cusco) and roles police 23, other 6, if the 6 "other" learners are
// exactly puno's, the visible "other" row is puno's figure, and cusco = total − lima − other.
//
// A hidden cell's n and mean can be recovered from published figures exactly when its learners' indicator vector is
// a linear combination of the published cells' vectors and the total's (n and n·mean are linear in the learners).
// Learners with the same group in every breakdown are interchangeable, so vectors live on those "atoms". Starting
// from each breakdown's own suppression, while some primary hidden cell (1 ≤ n < minN) lies in the span of what is
// published, one more visible cell is hidden (reason 'complementary'): one that the recovery uses, preferably from
// the leaking cell's own breakdown, the smallest first. This ends: with every cell hidden only the
// total remains, and a cell smaller than the total is not a multiple of it.
// Call it once per figure (measure and wave) with the learners that figure rests on.

import { EvaluationInputError } from './reasons.js';
import { assertMinN, hiddenCells, MIN_GROUP_N, type MeasureCell, type SuppressedTotal, type SuppressionReason, totalOf } from './suppression.js';

export interface JointSuppressionOptions {
  minN?: number;
  /** Per breakdown, group keys to list even when no learner of this figure is in them (shown as empty, hidden). */
  keys?: Readonly<Record<string, readonly string[]>>;
}

export interface JointSuppression {
  total: SuppressedTotal;
  /** Per breakdown: listed keys in the given order, then keys met only in the learners, sorted. */
  breakdowns: Record<string, MeasureCell[]>;
}

const EPS = 1e-9;

/**
 * Row-echelon basis of the span of some vectors (length `size`), each row carrying its coefficients on the input
 * vectors, so that a vector found in the span comes with one way to write it from them.
 */
class Span {
  private readonly rows: { pivot: number; v: Float64Array }[] = [];

  constructor(
    private readonly size: number,
    private readonly inputs: number,
  ) {}

  private reduce(v: Float64Array): void {
    for (const { pivot, v: row } of this.rows) {
      const f = v[pivot]!;
      if (f !== 0) for (let j = 0; j < v.length; j++) v[j]! -= f * row[j]!;
    }
  }

  /** Adds input vector number `index`. */
  add(vector: Float64Array, index: number): void {
    const v = new Float64Array(this.size + this.inputs);
    v.set(vector);
    v[this.size + index] = 1; // invariant: v[0..size) = Σ v[size + j] · input j
    this.reduce(v);
    let pivot = -1;
    for (let j = 0; j < this.size; j++) if (Math.abs(v[j]!) > EPS && (pivot < 0 || Math.abs(v[j]!) > Math.abs(v[pivot]!))) pivot = j;
    if (pivot < 0) return;
    const p = v[pivot]!;
    for (let j = 0; j < v.length; j++) v[j]! /= p;
    // Keep the basis fully reduced so reduce() can use each row once, in any order.
    for (const row of this.rows) {
      const f = row.v[pivot]!;
      if (f !== 0) for (let j = 0; j < v.length; j++) row.v[j]! -= f * v[j]!;
    }
    this.rows.push({ pivot, v });
  }

  /** Coefficients c with vector = Σ c_j · input j, or null when the vector is not in the span. */
  represent(vector: Float64Array): Float64Array | null {
    const v = new Float64Array(this.size + this.inputs);
    v.set(vector);
    this.reduce(v);
    for (let j = 0; j < this.size; j++) if (Math.abs(v[j]!) > EPS) return null;
    return v.subarray(this.size).map((x) => -x);
  }
}

/**
 * `learners[i][b]` is learner i's group key in breakdown `breakdowns[b]` (use an explicit key such as "unknown" for
 * learners without one, so each breakdown partitions the same learners and all share one total).
 */
export function suppressJointly(
  breakdowns: readonly string[],
  learners: readonly (readonly string[])[],
  options: JointSuppressionOptions = {},
): JointSuppression {
  // Atoms: distinct combinations of keys, with how many learners share each.
  const atomIndex = new Map<string, number>();
  const atomKeys: (readonly string[])[] = [];
  const atomCount: number[] = [];
  // Callers often pass one shared array per combination of groups: an array seen before is not checked or joined again.
  const atomOfArray = new Map<readonly string[], number>();
  learners.forEach((keys, i) => {
    let a = atomOfArray.get(keys);
    if (a === undefined) {
      if (!Array.isArray(keys) || keys.length !== breakdowns.length || !keys.every((k) => typeof k === 'string')) {
        throw new EvaluationInputError('mismatched_lengths', `suppressJointly: learner ${i} needs one key per breakdown (${breakdowns.length})`);
      }
      const id = keys.join('\u0000');
      a = atomIndex.get(id);
      if (a === undefined) {
        atomIndex.set(id, (a = atomKeys.length));
        atomKeys.push(keys);
        atomCount.push(0);
      }
      atomOfArray.set(keys, a);
    }
    atomCount[a]!++;
  });
  return suppressAtoms(breakdowns, atomKeys, atomCount, options);
}

/**
 * The same as suppressJointly, given each combination of keys (one per breakdown) with how many learners have it,
 * instead of the learners: a caller that has counted them (a report of 200,000 learners) need not list them.
 * Combinations with no learner are left out, as if no learner had them; a combination given twice counts as one.
 */
export function suppressCombinations(
  breakdowns: readonly string[],
  combinations: readonly { keys: readonly string[]; n: number }[],
  options: JointSuppressionOptions = {},
): JointSuppression {
  const atomIndex = new Map<string, number>();
  const atomKeys: (readonly string[])[] = [];
  const atomCount: number[] = [];
  combinations.forEach(({ keys, n }, i) => {
    if (!Array.isArray(keys) || keys.length !== breakdowns.length || !keys.every((k) => typeof k === 'string')) {
      throw new EvaluationInputError('mismatched_lengths', `suppressCombinations: combination ${i} needs one key per breakdown (${breakdowns.length})`);
    }
    if (!Number.isInteger(n) || n < 0) throw new EvaluationInputError('invalid_argument', `suppressCombinations: combination ${i} needs a count (an integer ≥ 0)`);
    if (n === 0) return;
    const id = keys.join('\u0000');
    const a = atomIndex.get(id);
    if (a !== undefined) atomCount[a]! += n;
    else {
      atomIndex.set(id, atomKeys.length);
      atomKeys.push(keys);
      atomCount.push(n);
    }
  });
  return suppressAtoms(breakdowns, atomKeys, atomCount, options);
}

/** Joint suppression over atoms: distinct combinations of keys and their learner counts (all ≥ 1). */
function suppressAtoms(
  breakdowns: readonly string[],
  atomKeys: readonly (readonly string[])[],
  atomCount: readonly number[],
  options: JointSuppressionOptions,
): JointSuppression {
  const minN = options.minN ?? MIN_GROUP_N;
  assertMinN(minN);
  if (new Set(breakdowns).size !== breakdowns.length) throw new EvaluationInputError('invalid_argument', 'suppressJointly: a breakdown is named twice');
  const atoms = atomKeys.length;

  interface Cell { b: number; key: string; n: number; vector: Float64Array; reason: SuppressionReason | null }
  const cells: Cell[] = [];
  const cellsOf: Cell[][] = breakdowns.map((by, b) => {
    const listed = options.keys?.[by] ?? [];
    const seen = [...new Set(atomKeys.map((keys) => keys[b]!))].filter((k) => !listed.includes(k)).sort((x, y) => x.localeCompare(y));
    const own = [...new Set(listed)].concat(seen).map((key) => {
      const vector = new Float64Array(atoms);
      let n = 0;
      atomKeys.forEach((keys, a) => {
        if (keys[b] === key) {
          vector[a] = 1;
          n += atomCount[a]!;
        }
      });
      return { b, key, n, vector, reason: null as SuppressionReason | null };
    });
    hiddenCells(own.map((c) => c.n), minN).forEach((reason, i) => (own[i]!.reason = reason));
    cells.push(...own);
    return own;
  });
  const total = totalOf([atomCount.reduce((sum, n) => sum + n, 0)], minN);

  if (!total.suppressed) {
    const ones = new Float64Array(atoms).fill(1);
    for (;;) {
      const visible = cells.filter((c) => c.reason === null);
      const span = new Span(atoms, visible.length + 1);
      span.add(ones, 0);
      visible.forEach((c, j) => span.add(c.vector, j + 1));
      let leak: Cell | null = null;
      let combination: Float64Array | null = null;
      for (const c of cells) {
        if (c.reason !== 'small_n' || c.n < 1) continue;
        combination = span.represent(c.vector);
        if (combination) {
          leak = c;
          break;
        }
      }
      if (!leak || !combination) break;
      // Hide a cell this recovery uses: in the leaking cell's own breakdown first, then the smallest; ties by
      // breakdown then key, so the result does not depend on the learners' order.
      const from = leak.b;
      const used = visible.filter((_, j) => Math.abs(combination[j + 1]!) > EPS);
      used.sort((x, y) => Number(x.b !== from) - Number(y.b !== from) || x.n - y.n || x.b - y.b || x.key.localeCompare(y.key));
      const choice = used[0];
      if (!choice) {
        // Only the total is used: cannot happen for a cell smaller than the total (see the header). Fail closed.
        total.n = null;
        total.suppressed = true;
        for (const c of cells) c.reason ??= 'complementary';
        break;
      }
      choice.reason = 'complementary';
    }
  } else {
    for (const c of cells) c.reason ??= 'small_n';
  }

  return {
    total,
    breakdowns: Object.fromEntries(breakdowns.map((by, b) => [by, cellsOf[b]!.map((c) => ({ key: c.key, shown: c.reason === null, n: c.reason === null ? c.n : null, reason: c.reason }))])),
  };
}

// Cronbach's α from sums instead of the respondent × item matrix, so a database can aggregate large cohorts and
// send a few numbers. Same definitions (sample variances, n − 1) and the same Feldt CI as cronbachAlpha.

import { alphaResult, type CronbachAlpha, undefinedAlpha } from './cronbach-alpha.js';
import { EvaluationInputError, finiteOrNull, type ReasonCode } from './reasons.js';

/** Sums over complete respondents: Σx_i, Σx_i², Σtotal, Σtotal², Σx_i·total (total = the respondent's item sum). */
export interface AlphaMoments {
  n: number;
  itemSums: readonly number[];
  itemSquares: readonly number[];
  totalSum: number;
  totalSquares: number;
  itemTotalCross: readonly number[];
}

export function cronbachAlphaFromMoments(m: AlphaMoments): CronbachAlpha {
  const k = m.itemSums.length;
  const n = m.n;
  const base = { n, k, nDropped: 0 };
  const undefinedAll = (reason: ReasonCode) => undefinedAlpha(base, reason);
  if (k < 2) return undefinedAll('too_few_items');
  if (n < 2) return undefinedAll('too_few_respondents');
  const variance = (sum: number, squares: number) => (squares - (sum * sum) / n) / (n - 1);
  const itemVar = m.itemSums.map((s, i) => variance(s, m.itemSquares[i]!));
  const totalVar = variance(m.totalSum, m.totalSquares);
  const cov = m.itemSums.map((s, i) => (m.itemTotalCross[i]! - (s * m.totalSum) / n) / (n - 1));
  if (![totalVar, ...itemVar, ...cov].every(Number.isFinite)) return undefinedAll('numerical_error');
  if (totalVar <= 0) return undefinedAll('zero_total_variance');
  const sumVar = itemVar.reduce((a, b) => a + b, 0);
  const alpha = finiteOrNull((k / (k - 1)) * (1 - sumVar / totalVar));
  if (alpha === null) return undefinedAll('numerical_error');
  return alphaResult(base, alpha, (i) => {
    // Without item i: var(total − x_i) = var(total) + var(x_i) − 2·cov(x_i, total).
    const restVar = totalVar + itemVar[i]! - 2 * cov[i]!;
    if (!(restVar > 0)) return { alpha: null, reason: 'zero_total_variance' };
    return { alpha: finiteOrNull(((k - 1) / (k - 2)) * (1 - (sumVar - itemVar[i]!) / restVar)) };
  });
}

/** Moments gathered one complete respondent at a time (a report streams thousands without building the matrix). */
export class AlphaMomentSums implements AlphaMoments {
  n = 0;
  totalSum = 0;
  totalSquares = 0;
  readonly itemSums: number[];
  readonly itemSquares: number[];
  readonly itemTotalCross: number[];

  constructor(k: number) {
    this.itemSums = new Array<number>(k).fill(0);
    this.itemSquares = new Array<number>(k).fill(0);
    this.itemTotalCross = new Array<number>(k).fill(0);
  }

  /** Adds the moments of other respondents over the same k items (answers are integers: the sums are exact in any order). */
  addMoments(other: AlphaMoments): void {
    const k = this.itemSums.length;
    if (other.itemSums.length !== k || other.itemSquares.length !== k || other.itemTotalCross.length !== k) {
      throw new EvaluationInputError('mismatched_lengths', `AlphaMomentSums.addMoments: moments over ${other.itemSums.length} items, expected ${k}`);
    }
    this.n += other.n;
    this.totalSum += other.totalSum;
    this.totalSquares += other.totalSquares;
    for (let i = 0; i < k; i++) {
      this.itemSums[i]! += other.itemSums[i]!;
      this.itemSquares[i]! += other.itemSquares[i]!;
      this.itemTotalCross[i]! += other.itemTotalCross[i]!;
    }
  }

  /** One respondent's k answers, all present (re-keyed). */
  add(row: readonly number[]): void {
    let total = 0;
    for (const x of row) total += x;
    this.n++;
    this.totalSum += total;
    this.totalSquares += total * total;
    for (let i = 0; i < row.length; i++) {
      this.itemSums[i]! += row[i]!;
      this.itemSquares[i]! += row[i]! * row[i]!;
      this.itemTotalCross[i]! += row[i]! * total;
    }
  }
}

/** The moments of a complete matrix (rows = respondents) — for tests and small inputs. */
export function alphaMomentsOf(rows: readonly (readonly number[])[]): AlphaMoments {
  const sums = new AlphaMomentSums(rows[0]?.length ?? 0);
  for (const row of rows) sums.add(row);
  return sums;
}

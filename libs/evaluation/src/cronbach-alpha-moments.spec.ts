import { cronbachAlpha } from './cronbach-alpha.js';
import { AlphaMomentSums, alphaMomentsOf, cronbachAlphaFromMoments } from './cronbach-alpha-moments.js';
import { EvaluationInputError } from './reasons.js';

// TV4 (EVALUATION.md), printed item by row: transposed to respondents × items.
const TV4_ITEMS = [
  [3, 5, 7, 2, 6, 1, 4, 2, 6, 5, 4, 4, 5, 6, 4], [2, 4, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 5, 5, 3], [4, 6, 5, 3, 6, 3, 5, 4, 5, 6, 5, 3, 6, 5, 5],
  [1, 3, 5, 3, 5, 4, 3, 3, 5, 4, 2, 2, 2, 4, 5], [4, 5, 6, 2, 4, 2, 5, 7, 1, 3, 5, 5, 3, 2, 3], [5, 1, 4, 2, 4, 5, 2, 2, 6, 5, 3, 3, 3, 2, 1],
  [1, 2, 3, 2, 4, 2, 1, 2, 5, 3, 2, 4, 2, 1, 3], [4, 5, 3, 6, 6, 3, 2, 4, 2, 1, 3, 2, 4, 4, 2], [3, 5, 6, 6, 7, 5, 4, 6, 3, 7, 4, 3, 4, 6, 3],
  [2, 5, 5, 3, 5, 2, 3, 5, 2, 2, 1, 4, 5, 5, 4],
];
const TV4 = TV4_ITEMS[0]!.map((_, r) => TV4_ITEMS.map((item) => item[r]!));

describe('cronbachAlphaFromMoments', () => {
  it('reproduces R on TV4 (α = 0.591719, Feldt CI [0.195, 0.840])', () => {
    const r = cronbachAlphaFromMoments(alphaMomentsOf(TV4));
    expect(r.alpha).toBeCloseTo(0.591719, 6);
    expect(r.ci95![0]).toBeCloseTo(0.195, 3);
    expect(r.ci95![1]).toBeCloseTo(0.84, 3);
  });

  it('equals the matrix computation, α-if-deleted included, on random data', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 20; trial++) {
      const rows = Array.from({ length: 5 + trial * 7 }, () => Array.from({ length: 3 + (trial % 5) }, () => 1 + Math.floor(rand() * 5)));
      const a = cronbachAlpha(rows);
      const b = cronbachAlphaFromMoments(alphaMomentsOf(rows));
      expect(b.alpha ?? NaN).toBeCloseTo(a.alpha ?? NaN, 9);
      b.alphaIfDeleted.forEach((x, i) => expect(x ?? NaN).toBeCloseTo(a.alphaIfDeleted[i] ?? NaN, 9));
      expect(b.ci95?.[0] ?? NaN).toBeCloseTo(a.ci95?.[0] ?? NaN, 9);
    }
  });

  it('moments gathered in parts and added equal the moments of the whole (TV4 cut anywhere)', () => {
    const whole = alphaMomentsOf(TV4);
    for (let cut = 0; cut <= TV4.length; cut++) {
      const [first, rest] = [new AlphaMomentSums(TV4[0]!.length), new AlphaMomentSums(TV4[0]!.length)];
      TV4.slice(0, cut).forEach((row) => first.add(row));
      TV4.slice(cut).forEach((row) => rest.add(row));
      first.addMoments(structuredClone(rest)); // as it arrives from a worker thread
      expect({ ...first }).toEqual({ ...whole });
    }
    expect(() => new AlphaMomentSums(3).addMoments(whole)).toThrow(EvaluationInputError);
  });

  it('says why instead of returning NaN', () => {
    expect(cronbachAlphaFromMoments(alphaMomentsOf([[3, 3], [3, 3], [3, 3]])).undefinedReasons.alpha).toBe('zero_total_variance');
    expect(cronbachAlphaFromMoments(alphaMomentsOf([[1, 2, 3]])).undefinedReasons.alpha).toBe('too_few_respondents');
    expect(JSON.stringify(cronbachAlphaFromMoments({ n: 0, itemSums: [], itemSquares: [], totalSum: 0, totalSquares: 0, itemTotalCross: [] }))).not.toMatch(/NaN/);
  });
});

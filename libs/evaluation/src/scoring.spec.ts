import { EvaluationInputError, knowledgePercent, rekey, subscaleScore } from './index.js';

describe('rekey', () => {
  it('reverse-keys 1..5 as 6 − x and leaves forward items alone', () => {
    expect([1, 2, 3, 4, 5].map((x) => rekey(x, true))).toEqual([5, 4, 3, 2, 1]);
    expect([1, 2, 3, 4, 5].map((x) => rekey(x, false))).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects values off the 1..5 scale with a typed error', () => {
    for (const bad of [0, 6, 2.5, Number.NaN, -1]) {
      expect(() => rekey(bad, true)).toThrow(EvaluationInputError);
    }
  });
});

describe('subscaleScore', () => {
  it('is the mean of re-keyed items', () => {
    // 5, 6−2=4, 3, 6−1=5 → 17/4
    expect(subscaleScore([5, 2, 3, 1], [false, true, false, true])).toBe(4.25);
  });

  it('applies reverse keys before averaging, never to unanswered items', () => {
    expect(subscaleScore([1, null, 1, 1], [true, true, true, true])).toBe(5);
  });

  it('75 % rule: 4 items — 3 answered scores, 2 answered is missing', () => {
    expect(subscaleScore([4, 4, 2, null], [false, false, false, false])).toBeCloseTo(10 / 3, 12);
    expect(subscaleScore([4, 4, null, null], [false, false, false, false])).toBeNull();
  });

  it('75 % rule: 6 items — 4 answered (66.7 %) is missing, 5 answered (83 %) scores', () => {
    const reverse = [false, false, false, false, false, false];
    expect(subscaleScore([5, 5, 5, 5, null, null], reverse)).toBeNull();
    expect(subscaleScore([5, 5, 5, 5, 4, null], reverse)).toBe(4.8);
  });

  it('75 % rule: 8 items — exactly 6 answered (75 %) scores', () => {
    const reverse = new Array<boolean>(8).fill(false);
    expect(subscaleScore([1, 2, 3, 4, 5, 3, null, null], reverse)).toBe(3);
    expect(subscaleScore([1, 2, 3, 4, 5, null, null, null], reverse)).toBeNull();
  });

  it('missing is null, never zero', () => {
    expect(subscaleScore([null, null, null], [false, false, false])).toBeNull();
    expect(subscaleScore([], [])).toBeNull();
  });

  it('mismatched reverse flags throw a typed error', () => {
    expect(() => subscaleScore([1, 2], [false])).toThrow(EvaluationInputError);
  });
});

describe('knowledgePercent', () => {
  it('counts unanswered items as wrong', () => {
    expect(knowledgePercent([true, true, false, null])).toBe(50);
    expect(knowledgePercent([true, true, true, true])).toBe(100);
    expect(knowledgePercent([null, false])).toBe(0);
    expect(knowledgePercent([true, false, false])).toBeCloseTo(100 / 3, 12);
  });

  it('is null (missing, not 0 %) for a test with no items or a test taken with nothing answered', () => {
    expect(knowledgePercent([])).toBeNull();
    expect(knowledgePercent([null, null, null])).toBeNull();
  });
});

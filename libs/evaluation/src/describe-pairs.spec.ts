import { describePairs, EvaluationInputError } from './index.js';

describe('describePairs', () => {
  it('keeps complete pairs only, in order, and counts the unpaired', () => {
    const r = describePairs([3.5, null, 4, 2, null, 5], [4, 3, null, 2.5, null, 4.5]);
    expect(r.pairs).toEqual({ pre: [3.5, 2, 5], post: [4, 2.5, 4.5] });
    expect(r.nPairs).toBe(3);
    expect(r.nUnpaired).toBe(2);
    expect(r.nPreOnly).toBe(1); // started, no post: attrition
    expect(r.nPostOnly).toBe(1);
  });

  it('never imputes a zero for a missing wave', () => {
    const r = describePairs([null, null], [50, 60]);
    expect(r.nPairs).toBe(0);
    expect(r.pairs.pre).toEqual([]);
  });

  it('treats 0 as a real score, and NaN as missing', () => {
    const r = describePairs([0, Number.NaN], [0, 3]);
    expect(r.pairs).toEqual({ pre: [0], post: [0] });
    expect(r.nPostOnly).toBe(1);
  });

  it('mismatched lengths throw a typed error', () => {
    expect(() => describePairs([1], [1, 2])).toThrow(EvaluationInputError);
  });
});

import { EvaluationInputError, pairedComparison, programmeEffect, responseShift, retention, thenTest } from './index.js';

describe('then-test and follow-up helpers', () => {
  const pre = [3.2, 3.8, 4.0, 2.9, 3.5, 3.1];
  const then = [2.8, 3.1, 3.6, 2.5, 3.4, 2.6];
  const post = [4.1, 4.0, 4.6, 3.7, 4.2, 3.9];

  it('response shift is then − pre', () => {
    const r = responseShift(pre, then);
    expect(r.meanDiff).toBeCloseTo((2.8 + 3.1 + 3.6 + 2.5 + 3.4 + 2.6 - (3.2 + 3.8 + 4.0 + 2.9 + 3.5 + 3.1)) / 6, 12);
    expect(r.meanDiff!).toBeLessThan(0);
    expect(r).toEqual(pairedComparison(pre, then));
  });

  it('programme effect is post − then', () => {
    const r = programmeEffect(then, post);
    expect(r.meanDiff!).toBeGreaterThan(0);
    expect(r).toEqual(pairedComparison(then, post));
  });

  it('thenTest returns both', () => {
    const r = thenTest(pre, then, post);
    expect(r.responseShift).toEqual(responseShift(pre, then));
    expect(r.programmeEffect).toEqual(programmeEffect(then, post));
    expect(() => thenTest(pre, then.slice(1), post)).toThrow(EvaluationInputError);
  });

  it('retention is followup − post', () => {
    const followup = [3.9, 4.0, 4.3, 3.5, 4.2, 3.6];
    expect(retention(post, followup).meanDiff).toBeCloseTo(-0.1667, 4);
  });
});

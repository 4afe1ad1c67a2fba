import { EvaluationInputError, isCompletePairedComparison, pairedComparison, type PairedComparison } from './index.js';

/** No NaN/Infinity/undefined anywhere: JSON would turn them into null or drop them. */
function expectJsonSafe(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
}

// EVALUATION.md test vectors (R 4.2). d = post − pre.
const TV1 = {
  pre: [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0],
  post: [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4],
};
const TV2 = {
  pre: [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3],
  post: [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29],
};
const TV3 = {
  pre: [110, 122, 125, 120, 140, 124, 123, 137, 135, 145],
  post: [125, 115, 130, 140, 140, 115, 140, 125, 140, 135],
};

describe('pairedComparison — R test vectors', () => {
  it('TV1 (sleep): t.test(post, pre, paired = TRUE) and wilcox.test(post, pre, paired = TRUE)', () => {
    const r = pairedComparison(TV1.pre, TV1.post);
    expect(r.n).toBe(10);
    expect(r.t).toBeCloseTo(4.0621, 4);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.002833, 6);
    expect(r.ci95![0]).toBeCloseTo(0.7001142, 7);
    expect(r.ci95![1]).toBeCloseTo(2.4598858, 7);
    expect(r.meanDiff).toBeCloseTo(1.58, 10);
    expect(r.sdDiff).toBeCloseTo(1.23, 4);
    expect(r.dz).toBeCloseTo(1.2846, 4);
    // d_av = d̄ / ((SD_pre + SD_post)/2): SD_pre = 1.789010, SD_post = 2.002249.
    expect(r.sdPre).toBeCloseTo(1.789010, 6);
    expect(r.sdPost).toBeCloseTo(2.002249, 6);
    expect(r.dav).toBeCloseTo(0.833496, 6);
    // One zero difference and ties: normal approximation with continuity correction.
    expect(r.wilcoxon.v).toBe(45);
    expect(r.wilcoxon.p).toBeCloseTo(0.009091, 6);
    expect(r.wilcoxon.method).toBe('normal-approximation');
    expect(r.wilcoxon.nZero).toBe(1);
    expect(r.undefinedReasons).toEqual({});
    expect(isCompletePairedComparison(r)).toBe(true);
    expectJsonSafe(r);
  });

  it('TV2 (Hollander & Wolfe): exact Wilcoxon and a negative paired t', () => {
    const r = pairedComparison(TV2.pre, TV2.post);
    expect(r.n).toBe(9);
    expect(r.wilcoxon.v).toBe(5);
    expect(r.wilcoxon.p).toBeCloseTo(0.0390625, 10);
    expect(r.wilcoxon.method).toBe('exact');
    expect(r.t).toBeCloseTo(-3.0354, 4);
    expect(r.df).toBe(8);
    expect(r.p).toBeCloseTo(0.01618, 5);
    // Not printed in EVALUATION.md; cross-checked with scipy.stats.ttest_rel (same formulas as R's t.test).
    expect(r.ci95![0]).toBeCloseTo(-0.7599991, 6);
    expect(r.ci95![1]).toBeCloseTo(-0.1037787, 6);
    expect(r.meanDiff).toBeCloseTo(-0.4318889, 6);
    expect(r.dz).toBeCloseTo(-1.0117918, 6);
    expectJsonSafe(r);
  });

  it('TV3 (zeros and ties): V = 27, p = 0.6353 with continuity correction', () => {
    const r = pairedComparison(TV3.pre, TV3.post);
    expect(r.wilcoxon.v).toBe(27);
    expect(r.wilcoxon.p).toBeCloseTo(0.6353, 4);
    expect(r.wilcoxon.p).not.toBeCloseTo(0.5936, 3); // the uncorrected value
    expect(r.wilcoxon.method).toBe('normal-approximation');
    // Paired t (scipy.stats.ttest_rel cross-check).
    expect(r.t).toBeCloseTo(0.6362967, 6);
    expect(r.p).toBeCloseTo(0.5404256, 6);
    expect(r.meanDiff).toBeCloseTo(2.4, 10);
    expect(r.sdDiff).toBeCloseTo(11.9275591, 6);
    expectJsonSafe(r);
  });

  it('is the same whichever order the pairs come in', () => {
    const order = [3, 0, 9, 1, 8, 2, 7, 4, 6, 5];
    const r = pairedComparison(order.map((i) => TV1.pre[i]!), order.map((i) => TV1.post[i]!));
    const base = pairedComparison(TV1.pre, TV1.post);
    expect(r.t).toBeCloseTo(base.t!, 10);
    expect(r.wilcoxon).toEqual(base.wilcoxon);
  });
});

describe('pairedComparison — degenerate input never yields NaN, Infinity or a throw', () => {
  const inferential = ['sdDiff', 'ci95', 't', 'df', 'p', 'wilcoxon.v', 'wilcoxon.p', 'dz', 'dav'] as const;

  function expectNullWithReason(r: PairedComparison, fields: readonly string[], reason: string): void {
    for (const field of fields) {
      const value = field.startsWith('wilcoxon.') ? r.wilcoxon[field.slice(9) as 'v' | 'p'] : r[field as keyof PairedComparison];
      expect({ field, value }).toEqual({ field, value: null });
      expect({ field, reason: r.undefinedReasons[field as keyof typeof r.undefinedReasons] }).toEqual({ field, reason });
    }
  }

  it('no pairs', () => {
    const r = pairedComparison([], []);
    expect(r.n).toBe(0);
    expectNullWithReason(r, ['meanDiff', ...inferential], 'too_few_pairs');
    expect(isCompletePairedComparison(r)).toBe(false);
    expectJsonSafe(r);
  });

  it('one pair: the difference is reported, nothing inferential', () => {
    const r = pairedComparison([2], [3.5]);
    expect(r.n).toBe(1);
    expect(r.meanDiff).toBe(1.5);
    expect(r.undefinedReasons.meanDiff).toBeUndefined();
    expectNullWithReason(r, inferential, 'too_few_pairs');
    expectJsonSafe(r);
  });

  it('all differences zero', () => {
    const r = pairedComparison([1, 2, 3, 4], [1, 2, 3, 4]);
    expect(r.meanDiff).toBe(0);
    expect(r.sdDiff).toBe(0);
    expect(r.df).toBe(3);
    expect(r.dav).toBe(0);
    expectNullWithReason(r, ['ci95', 't', 'p', 'dz', 'wilcoxon.v', 'wilcoxon.p'], 'all_differences_zero');
    expectJsonSafe(r);
  });

  it('every learner changed by the same non-zero amount (zero variance of d)', () => {
    const r = pairedComparison([1, 2, 3, 4, 5], [2, 3, 4, 5, 6]);
    expect(r.meanDiff).toBe(1);
    expect(r.sdDiff).toBe(0);
    expectNullWithReason(r, ['ci95', 't', 'p', 'dz'], 'zero_variance');
    expect(r.dav).toBeCloseTo(1 / Math.sqrt(2.5), 12);
    // Wilcoxon is still defined (all five |d| tied): V = 15, z = (15 − 7.5 − 0.5)/sqrt(55/4 − 120/48) = 2.0870;
    // R: wilcox.test(post, pre, paired = TRUE) gives V = 15, p-value = 0.03689.
    expect(r.wilcoxon.v).toBe(15);
    expect(r.wilcoxon.p).toBeCloseTo(0.036888, 6);
    expectJsonSafe(r);
  });

  it('essentially constant differences (floating-point noise) follow R\'s "data are essentially constant" rule', () => {
    const pre = [0.1, 0.2, 0.3, 0.7];
    const post = pre.map((x) => x + 0.1);
    const r = pairedComparison(pre, post);
    expect(r.t).toBeNull();
    expect(r.undefinedReasons.t).toBe('zero_variance');
    expectJsonSafe(r);
  });

  it('both waves constant: d_av undefined', () => {
    const r = pairedComparison([3, 3, 3], [4, 4, 4]);
    expect(r.dav).toBeNull();
    expect(r.undefinedReasons.dav).toBe('zero_variance');
    expectJsonSafe(r);
  });

  it('non-finite numbers', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const r = pairedComparison([1, 2, bad], [2, 3, 4]);
      expectNullWithReason(r, ['meanDiff', ...inferential], 'non_finite_value');
      expectJsonSafe(r);
    }
  });

  it('overflowing differences are reported, not returned as Infinity', () => {
    const r = pairedComparison([-1e308, 1e308], [1e308, -1e308]);
    expect(r.undefinedReasons.meanDiff).toBe('numerical_error');
    expectJsonSafe(r);
  });

  it('mismatched lengths throw a typed error', () => {
    expect(() => pairedComparison([1, 2], [1])).toThrow(EvaluationInputError);
    try {
      pairedComparison([1, 2], [1]);
    } catch (error) {
      expect((error as EvaluationInputError).code).toBe('mismatched_lengths');
    }
  });

  it('two pairs with a sign flip: everything defined and finite', () => {
    const r = pairedComparison([1, 2], [2, 1]);
    expect(r.meanDiff).toBe(0);
    expect(r.t).toBe(0);
    expect(r.p).toBeCloseTo(1, 12);
    expect(r.wilcoxon.p).toBe(1);
    expectJsonSafe(r);
  });
});

import { cronbachAlpha, EvaluationInputError, isCompleteCronbachAlpha } from './index.js';

function expectJsonSafe(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
}

// TV4 as printed in EVALUATION.md: one row per item (Q1..Q10) across respondents 1..15.
const TV4_ITEMS_BY_RESPONDENT = [
  [3, 5, 7, 2, 6, 1, 4, 2, 6, 5, 4, 4, 5, 6, 4],
  [2, 4, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 5, 5, 3],
  [4, 6, 5, 3, 6, 3, 5, 4, 5, 6, 5, 3, 6, 5, 5],
  [1, 3, 5, 3, 5, 4, 3, 3, 5, 4, 2, 2, 2, 4, 5],
  [4, 5, 6, 2, 4, 2, 5, 7, 1, 3, 5, 5, 3, 2, 3],
  [5, 1, 4, 2, 4, 5, 2, 2, 6, 5, 3, 3, 3, 2, 1],
  [1, 2, 3, 2, 4, 2, 1, 2, 5, 3, 2, 4, 2, 1, 3],
  [4, 5, 3, 6, 6, 3, 2, 4, 2, 1, 3, 2, 4, 4, 2],
  [3, 5, 6, 6, 7, 5, 4, 6, 3, 7, 4, 3, 4, 6, 3],
  [2, 5, 5, 3, 5, 2, 3, 5, 2, 2, 1, 4, 5, 5, 4],
];
// Transposed to respondents × items, the layout cronbachAlpha takes.
const TV4 = TV4_ITEMS_BY_RESPONDENT[0]!.map((_, r) => TV4_ITEMS_BY_RESPONDENT.map((item) => item[r]!));

describe('cronbachAlpha — TV4', () => {
  it('α = 0.591719, Feldt 95 % CI [0.195, 0.840]', () => {
    const r = cronbachAlpha(TV4);
    expect(r.n).toBe(15);
    expect(r.k).toBe(10);
    expect(r.nDropped).toBe(0);
    expect(r.alpha).toBeCloseTo(0.591719, 6);
    expect(r.ci95![0]).toBeCloseTo(0.195, 3);
    expect(r.ci95![1]).toBeCloseTo(0.840, 3);
    expect(r.undefinedReasons).toEqual({});
    expect(isCompleteCronbachAlpha(r)).toBe(true);
    expectJsonSafe(r);
  });

  it('α-if-item-deleted (cross-checked with numpy)', () => {
    const expected = [0.46869, 0.507281, 0.51835, 0.531829, 0.668489, 0.671141, 0.568506, 0.610119, 0.519426, 0.522591];
    const r = cronbachAlpha(TV4);
    expect(r.alphaIfDeleted).toHaveLength(10);
    r.alphaIfDeleted.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 6));
  });

  it('drops incomplete rows listwise', () => {
    const withGaps = [...TV4, [1, null, 3, 4, 5, 1, 2, 3, 4, 5], [null, null, null, null, null, null, null, null, null, null]];
    const r = cronbachAlpha(withGaps);
    expect(r.n).toBe(15);
    expect(r.nDropped).toBe(2);
    expect(r.alpha).toBeCloseTo(0.591719, 6);
  });
});

describe('cronbachAlpha — degenerate input', () => {
  it('no rows', () => {
    const r = cronbachAlpha([]);
    expect(r).toMatchObject({ n: 0, k: 0, alpha: null, ci95: null, alphaIfDeleted: [] });
    expect(r.undefinedReasons.alpha).toBe('too_few_items');
    expectJsonSafe(r);
  });

  it('one item', () => {
    const r = cronbachAlpha([[1], [2], [3]]);
    expect(r).toMatchObject({ k: 1, alpha: null, alphaIfDeleted: [null], undefinedReasons: { alpha: 'too_few_items', ci95: 'too_few_items' } });
    expectJsonSafe(r);
  });

  it('one complete respondent', () => {
    const r = cronbachAlpha([[1, 2, 3], [null, 2, 3]]);
    expect(r).toMatchObject({ n: 1, nDropped: 1, alpha: null, undefinedReasons: { alpha: 'too_few_respondents' } });
    expect(r.alphaIfDeleted).toEqual([null, null, null]);
    expectJsonSafe(r);
  });

  it('everyone gave the same answers (zero total variance)', () => {
    const r = cronbachAlpha([[3, 3, 3], [3, 3, 3], [3, 3, 3]]);
    expect(r.alpha).toBeNull();
    expect(r.undefinedReasons.alpha).toBe('zero_total_variance');
    expectJsonSafe(r);
  });

  it('items that cancel out (total constant, items vary)', () => {
    const r = cronbachAlpha([[1, 5], [2, 4], [3, 3], [4, 2]]);
    expect(r.alpha).toBeNull();
    expect(r.undefinedReasons.alpha).toBe('zero_total_variance');
    expectJsonSafe(r);
  });

  it('two items: α defined, α-if-deleted undefined (one item left)', () => {
    const r = cronbachAlpha([[1, 2], [2, 2], [3, 4], [4, 5], [5, 4]]);
    expect(r.alpha).not.toBeNull();
    expect(r.ci95).not.toBeNull();
    expect(r.alphaIfDeleted).toEqual([null, null]);
    expect(r.undefinedReasons).toEqual({ alphaIfDeleted: 'too_few_items' });
    expectJsonSafe(r);
  });

  it('an item whose removal leaves no variation: only that entry is null', () => {
    // Items 2 and 3 are constant; item 1 varies. Without item 1 the total is constant.
    const r = cronbachAlpha([[1, 3, 3], [2, 3, 3], [3, 3, 3], [5, 3, 3]]);
    expect(r.alpha).toBe(0); // 3/2 · (1 − var₁/var₁)
    expect(r.alphaIfDeleted[0]).toBeNull();
    expect(r.alphaIfDeleted[1]).toBe(0);
    expect(r.undefinedReasons.alphaIfDeleted).toBe('zero_total_variance');
    expectJsonSafe(r);
  });

  it('negative α is reported as is (it signals a keying problem)', () => {
    const r = cronbachAlpha([[1, 5, 3], [2, 4, 3], [4, 2, 4], [5, 1, 2], [3, 3, 1]]);
    expect(r.alpha).toBeLessThan(0);
    expectJsonSafe(r);
  });

  it('non-finite values', () => {
    const r = cronbachAlpha([[1, 2], [Number.NaN, 3], [2, 2]]);
    expect(r).toMatchObject({ alpha: null, ci95: null, undefinedReasons: { alpha: 'non_finite_value' } });
    expectJsonSafe(r);
  });

  it('ragged rows throw a typed error', () => {
    expect(() => cronbachAlpha([[1, 2, 3], [1, 2]])).toThrow(EvaluationInputError);
  });
});

import { describe as describeValues, describeWaves, EvaluationInputError, groupMeans, mean, sd } from './index.js';

describe('descriptive statistics', () => {
  it('mean and sample SD (n − 1), as R mean() and sd()', () => {
    const pre = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    expect(mean(pre)).toBeCloseTo(0.75, 12);
    expect(sd(pre)).toBeCloseTo(1.789010, 6);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('is precise with a large offset', () => {
    expect(sd([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBeCloseTo(1, 9);
  });

  it('undefined cases are null with a reason', () => {
    expect(mean([])).toBeNull();
    expect(sd([3])).toBeNull();
    expect(describeValues([3])).toEqual({ n: 1, mean: 3, sd: null, undefinedReasons: { sd: 'too_few_values' } });
    expect(describeValues([])).toEqual({ n: 0, mean: null, sd: null, undefinedReasons: { mean: 'too_few_values', sd: 'too_few_values' } });
    expect(describeValues([1, Number.NaN]).undefinedReasons).toEqual({ mean: 'non_finite_value', sd: 'non_finite_value' });
  });

  it('describeWaves gives pre and post', () => {
    const r = describeWaves([1, 2, 3], [2, 4, 6]);
    expect(r.pre).toMatchObject({ n: 3, mean: 2, sd: 1 });
    expect(r.post).toMatchObject({ n: 3, mean: 4, sd: 2 });
  });
});

describe('groupMeans', () => {
  it("is mean() of each group's values, bit for bit, missing values (NaN) left out, and the same in any order", () => {
    let seed = 5;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const n = 3000;
    // Subscale-like changes (sixths) that often sum to a tie, some missing; four groups and one nobody is in.
    const values = Float64Array.from({ length: n }, () => (rand() < 0.1 ? Number.NaN : Math.round(rand() * 24 - 12) / 6));
    const groupOf = Int32Array.from({ length: n }, () => Math.floor(rand() * 4));
    const means = groupMeans(values, groupOf, 5);
    for (let g = 0; g < 4; g++) expect(means[g]).toBe(mean(Array.from(values).filter((v, i) => groupOf[i] === g && !Number.isNaN(v))));
    expect(means[4]).toBeNaN();
    const order = Array.from({ length: n }, (_, i) => i).reverse();
    const reversed = groupMeans(Float64Array.from(order, (i) => values[i]!), Int32Array.from(order, (i) => groupOf[i]!), 5);
    for (let g = 0; g < 4; g++) expect(reversed[g]).toBeCloseTo(means[g]!, 14);
    expect(() => groupMeans([1, 2], [0], 1)).toThrow(EvaluationInputError);
  });
});

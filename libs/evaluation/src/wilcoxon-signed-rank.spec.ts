import stdlibWilcoxon from '@stdlib/stats-wilcoxon';
import fc from 'fast-check';

import { averageRanks, wilcoxonSignedRank } from './index.js';

const diff = (pre: number[], post: number[]): number[] => post.map((x, i) => x - pre[i]!);

const TV1 = diff([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0], [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]);
const TV2 = diff([1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3], [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]);
const TV3 = diff([110, 122, 125, 120, 140, 124, 123, 137, 135, 145], [125, 115, 130, 140, 140, 115, 140, 125, 140, 135]);

// 50 distinct |d| (1..50) with mixed signs: R uses the normal approximation at n = 50 (exact only for n < 50).
const SIGNS_50 = '++-+-++++-++-+-+-+--+-+++++--++-++++-++-+++-++++-+';
const D50 = [...SIGNS_50].map((sign, i) => (sign === '+' ? 1 : -1) * (i + 1));

describe('averageRanks', () => {
  it('matches R rank() with average ties', () => {
    expect(averageRanks([10, 20, 20, 5, 30, 20])).toEqual([2, 4, 4, 1, 6, 4]);
    expect(averageRanks([])).toEqual([]);
  });
});

describe('wilcoxonSignedRank reproduces wilcox.test(post, pre, paired = TRUE)', () => {
  it('TV1: zero and ties → normal approximation with continuity correction', () => {
    expect(wilcoxonSignedRank(TV1)).toMatchObject({ v: 45, method: 'normal-approximation', nNonZero: 9, nZero: 1, ties: true });
    expect(wilcoxonSignedRank(TV1).p).toBeCloseTo(0.009091, 6);
  });

  it('TV2: exact', () => {
    const r = wilcoxonSignedRank(TV2);
    expect(r).toMatchObject({ v: 5, method: 'exact', nNonZero: 9, nZero: 0, ties: false });
    expect(r.p).toBeCloseTo(0.0390625, 12);
  });

  it('TV3: V = 27, p = 0.6353', () => {
    const r = wilcoxonSignedRank(TV3);
    expect(r.v).toBe(27);
    expect(r.p).toBeCloseTo(0.6353, 4);
  });

  it('exact two-sided p is capped at 1 when V = n(n+1)/4 (R: min(2p, 1))', () => {
    const r = wilcoxonSignedRank([1, 2, -3]); // V = 3 = 3·4/4
    expect(r.v).toBe(3);
    expect(r.p).toBe(1);
  });

  it('n = 49 distinct differences → exact; n = 50 → normal approximation (R: exact when n < 50)', () => {
    const r49 = wilcoxonSignedRank(D50.slice(0, 49));
    expect(r49.method).toBe('exact');
    expect(r49.v).toBe(842);
    expect(r49.p).toBeCloseTo(0.02178935, 8); // scipy.stats.wilcoxon(method='exact')
    const r50 = wilcoxonSignedRank(D50);
    expect(r50.method).toBe('normal-approximation');
    expect(r50.v).toBe(892);
    // z = (892 − 637.5 − 0.5)/sqrt(50·51·101/24) → 2·Φ(−|z|)
    expect(r50.p).toBeCloseTo(0.01420912, 8);
  });

  it('keeps precision for very small exact p-values (upper tail via symmetry, not 1 − cdf)', () => {
    const all = Array.from({ length: 40 }, (_, i) => i + 1); // every difference positive: p = 2 / 2^40
    expect(wilcoxonSignedRank(all).p).toBeCloseTo(2 / 2 ** 40, 20);
    expect(wilcoxonSignedRank(all).p! / (2 / 2 ** 40)).toBeCloseTo(1, 10);
  });

  it('degenerate: empty, all zero, non-finite → nulls with reasons', () => {
    expect(wilcoxonSignedRank([])).toMatchObject({ v: null, p: null, undefinedReasons: { v: 'too_few_pairs', p: 'too_few_pairs' } });
    expect(wilcoxonSignedRank([0, 0, 0])).toMatchObject({ v: null, p: null, nZero: 3, undefinedReasons: { v: 'all_differences_zero' } });
    expect(wilcoxonSignedRank([1, Number.NaN])).toMatchObject({ v: null, p: null, undefinedReasons: { p: 'non_finite_value' } });
  });

  it('single non-zero difference with zeros: defined, p = 1 as in R', () => {
    const r = wilcoxonSignedRank([0, 0, 2]);
    expect(r).toMatchObject({ v: 1, p: 1, method: 'normal-approximation' });
  });
});

describe('@stdlib/stats-wilcoxon 0.2.3 compared with R (why V and p are computed here)', () => {
  it('agrees with R on TV1–TV3', () => {
    expect(stdlibWilcoxon(TV1).statistic).toBe(45);
    expect(stdlibWilcoxon(TV1).pValue).toBeCloseTo(wilcoxonSignedRank(TV1).p!, 12);
    expect(stdlibWilcoxon(TV2).pValue).toBeCloseTo(wilcoxonSignedRank(TV2).p!, 12);
    expect(stdlibWilcoxon(TV3).pValue).toBeCloseTo(wilcoxonSignedRank(TV3).p!, 12);
  });

  it('differs from R at n = 50 (uses the exact distribution), for V = n(n+1)/4 (p > 1) and on all-zero data (throws)', () => {
    expect(stdlibWilcoxon(D50).pValue).not.toBeCloseTo(0.01420912, 3);
    expect(stdlibWilcoxon([1, 2, -3]).pValue).toBeGreaterThan(1);
    expect(() => stdlibWilcoxon([0, 0, 0])).toThrow();
  });
});

describe('V and the tie correction from the merged sorts equal the rank definition', () => {
  // The reference: R's definition written out (average ranks of |d| over the non-zero differences).
  const reference = (d: number[]) => {
    const nonZero = d.filter((x) => x !== 0);
    const ranks = averageRanks(nonZero.map(Math.abs));
    const v = nonZero.reduce((sum, x, i) => (x > 0 ? sum + ranks[i]! : sum), 0);
    const sizes = new Map<number, number>();
    for (const x of nonZero) sizes.set(Math.abs(x), (sizes.get(Math.abs(x)) ?? 0) + 1);
    return { v, ties: [...sizes.values()].some((t) => t > 1) };
  };

  it('on differences with many ties, zeros and both signs', () => {
    // Small integer halves make ties, zeros and equal |d| of opposite signs common.
    const differences = fc.array(fc.integer({ min: -8, max: 8 }).map((k) => k / 2), { minLength: 1, maxLength: 300 });
    fc.assert(fc.property(differences, (d) => {
      const result = wilcoxonSignedRank(d);
      const expected = reference(d);
      if (d.every((x) => x === 0)) return result.v === null;
      return result.v === expected.v && result.ties === expected.ties && result.nZero === d.filter((x) => x === 0).length;
    }), { numRuns: 500 });
  });

  it('on typed score columns as on arrays', () => {
    const d = [0.5, -0.5, 1, 0, 2, -2, 2, 3.25];
    expect(wilcoxonSignedRank(Float64Array.from(d))).toEqual(wilcoxonSignedRank(d));
  });
});

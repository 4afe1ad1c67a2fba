import fc from 'fast-check';

import { EvaluationInputError, suppressCombinations, suppressGroups, suppressJointly } from './index.js';

const repeat = (count: number, keys: string[]) => Array.from({ length: count }, () => keys);

describe('suppressJointly', () => {
  // regions lima 20, cusco 3, puno 6; roles police 23, other 6 — and the 6 "other" are exactly puno's learners.
  const learners = [...repeat(20, ['police', 'lima']), ...repeat(3, ['police', 'cusco']), ...repeat(6, ['other', 'puno'])];

  it('each breakdown alone would leak: cusco = total − lima − other', () => {
    const regions = suppressGroups([{ key: 'cusco', n: 3 }, { key: 'lima', n: 20 }, { key: 'puno', n: 6 }]);
    const roles = suppressGroups([{ key: 'other', n: 6 }, { key: 'police', n: 23 }]);
    expect(regions.filter((g) => g.suppressed).map((g) => g.key)).toEqual(['cusco', 'puno']);
    expect(roles.every((g) => !g.suppressed)).toBe(true);
    expect(29 - 20 - 6).toBe(3); // cusco's n, and its sum by the same subtraction
  });

  it('hides one more cell so that no small cell can be recovered from the total and every visible cell', () => {
    const r = suppressJointly(['role', 'region'], learners);
    expect(r.total).toEqual({ n: 29, suppressed: false });
    expect(r.breakdowns.region).toEqual([
      { key: 'cusco', shown: false, n: null, reason: 'small_n' },
      { key: 'lima', shown: false, n: null, reason: 'complementary' },
      { key: 'puno', shown: false, n: null, reason: 'complementary' },
    ]);
    expect(r.breakdowns.role).toEqual([
      { key: 'other', shown: true, n: 6, reason: null },
      { key: 'police', shown: true, n: 23, reason: null },
    ]);
  });

  it('lists requested keys (empty groups hidden, protecting nothing) and leaves safe layouts alone', () => {
    const r = suppressJointly(['region'], repeat(7, ['lima']).concat(repeat(8, ['piura'])), { keys: { region: ['tumbes', 'lima'] } });
    expect(r.breakdowns.region!.map((c) => [c.key, c.shown, c.n])).toEqual([['tumbes', false, null], ['lima', true, 7], ['piura', true, 8]]);
    const small = suppressJointly(['role'], repeat(4, ['police']));
    expect(small.total).toEqual({ n: null, suppressed: true });
    expect(small.breakdowns.role![0]!.shown).toBe(false);
  });

  it('rejects learners without one key per breakdown', () => {
    expect(() => suppressJointly(['role', 'region'], [['police']])).toThrow(EvaluationInputError);
    expect(() => suppressJointly(['role', 'role'], [])).toThrow(EvaluationInputError);
  });
});

const ROLES = ['police', 'municipal', 'other'];
const REGIONS = ['r0', 'r1', 'r2', 'r3'];
/** Per region: how many learners, and either one role for all (so role and region cells can coincide) or mixed roles. */
const region = fc.record({
  n: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 14 })),
  pure: fc.boolean(),
  role: fc.constantFrom(...ROLES),
  mixed: fc.array(fc.constantFrom(...ROLES), { minLength: 14, maxLength: 14 }),
});
const layout = fc.record({ regions: fc.array(region, { minLength: 1, maxLength: REGIONS.length }), minN: fc.constantFrom(3, 5) }).map(({ regions, minN }) => ({
  minN,
  learners: regions.flatMap((r, i) => Array.from({ length: r.n }, (_, j) => [r.pure ? r.role : r.mixed[j]!, REGIONS[i]!])),
}));

describe('suppressCombinations', () => {
  it('equals suppressJointly on the learners, given their combinations counted (in any order, split, with empty ones)', () => {
    fc.assert(
      fc.property(layout, fc.integer(), ({ learners, minN }, seed) => {
        const counts = new Map<string, { keys: string[]; n: number }>();
        for (const keys of learners) {
          const id = keys.join('|');
          counts.set(id, { keys, n: (counts.get(id)?.n ?? 0) + 1 });
        }
        // Shuffled, one combination split in two, and a combination nobody has.
        const combinations = [...counts.values()].sort((a, b) => ((a.n * 31 + seed) % 7) - ((b.n * 31 + seed) % 7));
        const first = combinations[0];
        if (first && first.n > 1) {
          combinations[0] = { keys: first.keys, n: 1 };
          combinations.push({ keys: first.keys, n: first.n - 1 });
        }
        combinations.push({ keys: ['police', 'nowhere'], n: 0 });
        expect(suppressCombinations(['role', 'region'], combinations, { minN })).toEqual(suppressJointly(['role', 'region'], learners, { minN }));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects combinations without one key per breakdown or without a count', () => {
    expect(() => suppressCombinations(['role', 'region'], [{ keys: ['police'], n: 3 }])).toThrow(EvaluationInputError);
    expect(() => suppressCombinations(['role', 'region'], [{ keys: ['police', 'r1'], n: -1 }])).toThrow(EvaluationInputError);
    expect(() => suppressCombinations(['role', 'region'], [{ keys: ['police', 'r1'], n: 1.5 }])).toThrow(EvaluationInputError);
  });
});

describe('suppressJointly — property: no small cell is recovered from the published total and visible cells of both breakdowns', () => {
  it('no combination total·a + Σ visible·c (a, c ∈ {−1, 0, 1}) equals a small hidden cell, learner for learner', () => {
    fc.assert(
      fc.property(layout, ({ learners, minN }) => {
        const r = suppressJointly(['role', 'region'], learners, { minN });
        // Cells as indicator vectors over the distinct (role, region) pairs present — learners with the same pair
        // always enter together — in exact integers; equal vectors = the same n and sum, whatever the data.
        const atoms = [...new Set(learners.map((l) => l.join('|')))].map((a) => a.split('|'));
        const vec = (b: number, key: string) => atoms.map((a) => (a[b] === key ? 1 : 0));
        const countOf = (b: number, key: string) => learners.filter((l) => l[b] === key).length;
        const published: number[][] = [];
        if (!r.total.suppressed) published.push(atoms.map(() => 1));
        const small: number[][] = [];
        (['role', 'region'] as const).forEach((by, b) => {
          for (const cell of r.breakdowns[by]!) {
            const v = vec(b, cell.key);
            const n = countOf(b, cell.key);
            if (cell.shown) {
              expect(cell.n).toBe(n);
              expect(n).toBeGreaterThanOrEqual(minN);
              published.push(v);
            } else {
              expect(cell.n).toBeNull();
              if (n >= 1 && n < minN) small.push(v);
            }
          }
        });
        expect(r.total.suppressed).toBe(learners.length < minN);
        if (small.length === 0) return;
        const targets = new Set(small.map((v) => v.join(',')));
        const search = (i: number, acc: number[]): void => {
          if (i === published.length) {
            expect(targets.has(acc.join(','))).toBe(false);
            return;
          }
          for (const c of [0, 1, -1]) search(i + 1, c === 0 ? acc : acc.map((x, j) => x + c * published[i]![j]!));
        };
        search(0, atoms.map(() => 0));
      }),
      { numRuns: 200, seed: 4122026 },
    );
  });
});

/** Exact span membership over the integers (fraction-free elimination with BigInt): independent of the float code. */
function exactSpan(vectors: number[][]): (v: number[]) => boolean {
  const gcdAll = (row: bigint[]) => row.reduce((g, x) => {
    let a = g < 0n ? -g : g;
    let b = x < 0n ? -x : x;
    while (b) [a, b] = [b, a % b];
    return a;
  }, 0n);
  const normal = (row: bigint[]) => {
    const g = gcdAll(row);
    return g > 1n ? row.map((x) => x / g) : row;
  };
  const rows: { pivot: number; row: bigint[] }[] = [];
  const reduce = (input: bigint[]) => {
    let h = input;
    for (const { pivot, row } of rows) {
      if (h[pivot] === 0n) continue;
      const f = h[pivot]!;
      h = normal(h.map((x, j) => x * row[pivot]! - row[j]! * f));
    }
    return h;
  };
  for (const v of vectors) {
    const h = reduce(v.map(BigInt));
    const pivot = h.findIndex((x) => x !== 0n);
    if (pivot >= 0) rows.push({ pivot, row: h });
  }
  return (v) => reduce(v.map(BigInt)).every((x) => x === 0n);
}

describe('suppressJointly — three breakdowns, institutions nested in regions', () => {
  it('no small hidden cell lies in the exact span of the published total and visible cells', () => {
    let seed = 11;
    const rand = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor((seed / 2 ** 31) * m));
    for (const size of [30, 80, 150, 300, 300, 600]) {
      const learners = Array.from({ length: size }, () => {
        const region = rand(8);
        return [ROLES[rand(3)]!, `region${region}`, `inst${region}-${rand(4)}`];
      });
      const r = suppressJointly(['role', 'region', 'institution'], learners, { minN: 5 });
      const atoms = [...new Set(learners.map((l) => l.join('|')))].map((a) => a.split('|'));
      const vec = (b: number, key: string) => atoms.map((a) => (a[b] === key ? 1 : 0));
      const published = r.total.suppressed ? [] : [atoms.map(() => 1)];
      const small: number[][] = [];
      (['role', 'region', 'institution'] as const).forEach((by, b) => {
        for (const cell of r.breakdowns[by]!) {
          const n = learners.filter((l) => l[b] === cell.key).length;
          if (cell.shown) published.push(vec(b, cell.key));
          else if (n >= 1 && n < 5) small.push(vec(b, cell.key));
        }
      });
      const inSpan = exactSpan(published);
      for (const v of small) expect(inSpan(v)).toBe(false);
      // Not everything hidden: large cohorts keep most of their breakdown.
      if (size >= 300) expect(published.length).toBeGreaterThan(8);
    }
  });
});


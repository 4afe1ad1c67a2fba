import fc from 'fast-check';

import { EvaluationInputError, suppressMeasures } from './index.js';

type Measure = 'knowledge' | 'myths' | 'rights';

describe('suppressMeasures', () => {
  it('suppresses each measure on its own n (issue 10: a region of 6 learners had its "myths" mean over 4)', () => {
    const groups = [
      { key: 'cusco', n: { knowledge: 6, myths: 4 } },
      { key: 'lima', n: { knowledge: 30, myths: 28 } },
      { key: 'puno', n: { knowledge: 9, myths: 9 } },
    ];
    const r = suppressMeasures(groups, ['knowledge', 'myths'] as const);
    expect(r.knowledge.groups.map((g) => g.shown)).toEqual([true, true, true]);
    expect(r.knowledge.total).toEqual({ n: 45, suppressed: false });
    expect(r.myths.groups).toEqual([
      { key: 'cusco', shown: false, n: null, reason: 'small_n' },
      { key: 'lima', shown: true, n: 28, reason: null },
      { key: 'puno', shown: false, n: null, reason: 'complementary' },
    ]);
    expect(r.myths.total).toEqual({ n: 41, suppressed: false });
  });

  it('empty groups protect nothing, per measure', () => {
    const groups = [
      { key: 'arequipa', n: { knowledge: 0, rights: 0 } },
      { key: 'cusco', n: { knowledge: 2, rights: 6 } },
      { key: 'lima', n: { knowledge: 20, rights: 20 } },
    ];
    const r = suppressMeasures(groups, ['knowledge', 'rights'] as const);
    expect(r.knowledge.groups.map((g) => g.shown)).toEqual([false, false, false]);
    expect(r.knowledge.groups[2]!.reason).toBe('complementary');
    expect(r.rights.groups.map((g) => g.shown)).toEqual([false, true, true]);
  });

  it('a cohort whose whole figure rests on fewer than minN learners shows nothing for that measure', () => {
    const r = suppressMeasures([{ key: 'police', n: { rights: 3 } }, { key: 'other', n: { rights: 1 } }], ['rights'] as const);
    expect(r.rights.total).toEqual({ n: null, suppressed: true });
    expect(r.rights.groups.every((g) => !g.shown && g.n === null)).toBe(true);
  });

  it('refuses a second total over other learners: the cohort figure must rest on exactly the groups\' learners', () => {
    // With 20 paired learners in the cohort figure but 18 in the groups (two without a region, left out), a reader
    // could subtract the breakdown's total from the cohort's and get the two left-out learners' mean.
    const groups = [{ key: 'lima', n: { rights: 10 } }, { key: 'cusco', n: { rights: 8 } }];
    expect(() => suppressMeasures(groups, ['rights'] as const, { cohortN: { rights: 20 } })).toThrow(EvaluationInputError);
    expect(suppressMeasures(groups, ['rights'] as const, { cohortN: { rights: 18 } }).rights.total.n).toBe(18);
  });

  it('fails closed on a missing or invalid n, and validates minN', () => {
    const r = suppressMeasures([{ key: 'a', n: { rights: 10 } }, { key: 'b', n: {} as Record<Measure, number> }], ['rights'] as const);
    expect(r.rights.groups.map((g) => g.shown)).toEqual([true, false]);
    expect(r.rights.total.suppressed).toBe(true);
    expect(() => suppressMeasures([], ['rights'] as const, { minN: 0 })).toThrow(EvaluationInputError);
  });
});

/** One learner: a value (e.g. a change score) per measure, or null when the learner has no pair in that measure. */
const learner = fc.tuple(...[0, 1, 2].map(() => fc.option(fc.integer({ min: -40, max: 40 }).map((x) => x / 4), { nil: null })));
/** Groups of every kind: empty, small, around the threshold, large. */
const group = fc.oneof(fc.array(learner, { maxLength: 3 }), fc.array(learner, { minLength: 3, maxLength: 14 }));
const cohort = fc.record({
  groups: fc.array(group, { minLength: 1, maxLength: 7 }),
  minN: fc.constantFrom(2, 3, 5, 5, 5),
  measureCount: fc.integer({ min: 1, max: 3 }),
});

describe('suppressMeasures — property: nothing hidden can be recovered by subtraction', () => {
  it('per measure, from the one published total and ANY subset of visible cells, no hidden real cell is isolated', () => {
    fc.assert(
      fc.property(cohort, ({ groups, minN, measureCount }) => {
        const measures = (['knowledge', 'myths', 'rights'] as const).slice(0, measureCount);
        // Ground truth per measure and group: the figure's n and the sum of its values (mean = sum / n).
        const truth = groups.map((learners) =>
          measures.map((_, m) => {
            const values = learners.flatMap((l) => (l[m] === null ? [] : [l[m]!]));
            return { n: values.length, sum: values.reduce((s, x) => s + x, 0) };
          }),
        );
        const input = groups.map((_, g) => ({ key: `g${g}`, n: Object.fromEntries(measures.map((m, i) => [m, truth[g]![i]!.n])) as Record<Measure, number> }));
        const cohortN = Object.fromEntries(measures.map((m, i) => [m, truth.reduce((s, t) => s + t[i]!.n, 0)]));
        const result = suppressMeasures(input, measures, { minN, cohortN });

        measures.forEach((measure, m) => {
          const { total, groups: cells } = result[measure];
          const totalN = truth.reduce((s, t) => s + t[m]!.n, 0);
          const totalSum = truth.reduce((s, t) => s + t[m]!.sum, 0);
          expect(total.suppressed).toBe(totalN < minN);
          if (!total.suppressed) expect(total.n).toBe(totalN);
          // What the report publishes for this measure: visible cells (n and mean) and, when shown, the total.
          const visible = cells.flatMap((cell, g) => (cell.shown ? [{ g, n: cell.n!, mean: truth[g]![m]!.sum / truth[g]![m]!.n }] : []));
          const hidden = cells.flatMap((cell, g) => (cell.shown ? [] : [{ g, ...truth[g]![m]! }]));
          for (const cell of visible) expect(cell.n).toBeGreaterThanOrEqual(minN);
          for (const cell of cells) if (!cell.shown) expect(cell.n).toBeNull();
          const hiddenReal = hidden.filter((h) => h.n >= 1);
          if (total.suppressed || hiddenReal.length === 0) return; // nothing published mixes a hidden cell
          expect(hiddenReal.length).toBeGreaterThanOrEqual(2);
          const publishedTotalSum = total.n! * (totalSum / totalN);
          // Every subset S of the visible cells: total − Σ S, in n and in sum (n × mean).
          for (let mask = 0; mask < 1 << visible.length; mask++) {
            let n = total.n!;
            let sum = publishedTotalSum;
            visible.forEach((cell, i) => {
              if (mask & (1 << i)) {
                n -= cell.n;
                sum -= cell.n * cell.mean;
              }
            });
            for (const h of hiddenReal) {
              expect(n === h.n && Math.abs(sum - h.sum) < 1e-6).toBe(false);
              expect(n).not.toBe(h.n);
            }
          }
        });
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });
});

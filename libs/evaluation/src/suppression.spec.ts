import { EvaluationInputError, suppressBreakdown, suppressGroups, type SuppressionOutcome } from './index.js';

type Row = { key: string; n: number; meanDiff: number; p: number };
const row = (key: string, n: number): Row => ({ key, n, meanDiff: 0.4, p: 0.01 });

const hidden = (out: SuppressionOutcome<Row>[]) => out.filter((g) => g.suppressed).map((g) => g.key);

/** The invariants every layout must satisfy. */
function expectSafe(input: Row[], out: SuppressionOutcome<Row>[], minN = 5): void {
  expect(out.map((g) => g.key)).toEqual(input.map((g) => g.key)); // same groups, same order
  for (const g of out) {
    if (g.suppressed) {
      // Only the key survives: no n, no statistics.
      expect(Object.keys(g).sort()).toEqual(['key', 'reason', 'suppressed']);
    } else {
      expect(g.n).toBeGreaterThanOrEqual(minN);
    }
  }
  // total − Σ visible must never equal a single hidden real cell (empty groups are not cells).
  const hiddenReal = out.filter((g, i) => g.suppressed && input[i]!.n >= 1).length;
  const totalShown = input.reduce((sum, g) => sum + g.n, 0) >= minN;
  if (totalShown) expect(hiddenReal === 1).toBe(false);
}

describe('suppressGroups', () => {
  it('leaves a breakdown with no small group untouched', () => {
    const input = [row('police', 12), row('municipal', 30), row('other', 5)];
    const out = suppressGroups(input);
    expect(out).toEqual(input.map((g) => ({ ...g, suppressed: false })));
    expectSafe(input, out);
  });

  it('one small group: it and the next smallest group are hidden (complementary suppression)', () => {
    const input = [row('police', 12), row('municipal', 30), row('other', 3)];
    const out = suppressGroups(input);
    expect(hidden(out)).toEqual(['police', 'other']);
    expect(out[2]).toEqual({ key: 'other', suppressed: true, reason: 'small_n' });
    expect(out[0]).toEqual({ key: 'police', suppressed: true, reason: 'complementary' });
    expect(out[1]).toEqual({ ...input[1], suppressed: false });
    expectSafe(input, out);
  });

  it('two small groups already protect each other: no extra suppression', () => {
    const input = [row('lima', 40), row('cusco', 2), row('puno', 4), row('piura', 9)];
    const out = suppressGroups(input);
    expect(hidden(out)).toEqual(['cusco', 'puno']);
    expectSafe(input, out);
  });

  it('two groups, one small: both hidden', () => {
    const input = [row('police', 4), row('other', 100)];
    expect(hidden(suppressGroups(input))).toEqual(['police', 'other']);
  });

  it('all groups small: all hidden', () => {
    const input = [row('a', 1), row('b', 4), row('c', 0)];
    const out = suppressGroups(input);
    expect(hidden(out)).toEqual(['a', 'b', 'c']);
    expectSafe(input, out);
  });

  it('ties for the next smallest are broken by input order', () => {
    const input = [row('a', 20), row('b', 8), row('c', 8), row('d', 1)];
    expect(hidden(suppressGroups(input))).toEqual(['b', 'd']);
  });

  it('n exactly 5 is shown; 4 is hidden; a custom threshold is honoured', () => {
    expect(hidden(suppressGroups([row('a', 5), row('b', 5)]))).toEqual([]);
    expect(hidden(suppressGroups([row('a', 4), row('b', 4)]))).toEqual(['a', 'b']);
    expect(hidden(suppressGroups([row('a', 9), row('b', 10), row('c', 30)], 10))).toEqual(['a', 'b']);
  });

  it('an empty group is not a cell: it does not protect a lone small group (issue 10: a region of 2 was recovered)', () => {
    // Before: arequipa (n = 0) counted as the second hidden cell, so cusco = total − lima exactly.
    const input = [row('arequipa', 0), row('cusco', 2), row('lima', 20), row('piura', 9)];
    const out = suppressGroups(input);
    expect(hidden(out)).toEqual(['arequipa', 'cusco', 'piura']);
    expect(out[3]).toEqual({ key: 'piura', suppressed: true, reason: 'complementary' });
    expectSafe(input, out);
  });

  it('empty groups alone need no complementary suppression', () => {
    const input = [row('a', 0), row('b', 0), row('c', 12), row('d', 30)];
    expect(hidden(suppressGroups(input))).toEqual(['a', 'b']);
  });

  it('a lone real cell that is small, beside empty groups, is the whole total: the total hides it', () => {
    const r = suppressBreakdown([row('a', 0), row('b', 3), row('c', 0)]);
    expect(hidden(r.groups)).toEqual(['a', 'b', 'c']);
    expect(r.total).toEqual({ n: null, suppressed: true });
  });

  it('invalid n fails closed (hidden)', () => {
    const out = suppressGroups([row('a', Number.NaN), row('b', 50), row('c', 60)]);
    expect(hidden(out)).toEqual(['a']);
    // An invalid n protects nothing: a lone small real cell beside it still gets a complementary partner.
    expect(hidden(suppressGroups([row('a', Number.NaN), row('b', 3), row('c', 60), row('d', 70)]))).toEqual(['a', 'b', 'c']);
    expect(hidden(suppressGroups([row('a', -1), row('b', 2.5), row('c', 60)]))).toEqual(['a', 'b']);
    expect(suppressBreakdown([row('a', Number.NaN), row('b', 50)]).total).toEqual({ n: null, suppressed: true });
  });

  it('empty input and a bad threshold', () => {
    expect(suppressGroups([])).toEqual([]);
    expect(() => suppressGroups([row('a', 9)], 0)).toThrow(EvaluationInputError);
    expect(() => suppressGroups([row('a', 9)], 2.5)).toThrow(EvaluationInputError);
  });

  it('holds the invariants on many random layouts', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 500; trial++) {
      const size = 1 + Math.floor(random() * 7);
      const input = Array.from({ length: size }, (_, i) => row(`g${i}`, Math.floor(random() * (random() < 0.5 ? 8 : 60))));
      const out = suppressGroups(input);
      expectSafe(input, out);
      // Minimal: complementary suppression happens only to rescue a lone hidden real cell, if another real cell exists.
      const primary = input.filter((g) => g.n < 5).length;
      const primaryReal = input.filter((g) => g.n >= 1 && g.n < 5).length;
      const visibleReal = input.filter((g) => g.n >= 5).length;
      expect(hidden(out).length).toBe(primaryReal === 1 && visibleReal >= 1 ? primary + 1 : primary);
    }
  });
});

describe('suppressBreakdown', () => {
  it('shows the total when it is large enough', () => {
    const r = suppressBreakdown([row('police', 12), row('other', 3), row('municipal', 20)]);
    expect(r.total).toEqual({ n: 35, suppressed: false });
    expect(hidden(r.groups)).toEqual(['police', 'other']);
  });

  it('a single small group: the total (which equals it) is hidden too', () => {
    const r = suppressBreakdown([row('police', 3)]);
    expect(hidden(r.groups)).toEqual(['police']);
    expect(r.total).toEqual({ n: null, suppressed: true });
  });

  it('a small total is hidden even when split into groups', () => {
    const r = suppressBreakdown([row('a', 2), row('b', 2)]);
    expect(r.total).toEqual({ n: null, suppressed: true });
  });
});

// Behaviour shares: denominators without "no aplica" or skipped items, Wilson intervals equal to R's
// prop.test(x, n, correct = FALSE) (TV6), and no share resting on fewer than 5 learners.
import { EvaluationInputError, practiceShares, type PracticeAnswers, type PracticeItemDefinition } from './index.js';

const FREQUENCY: PracticeItemDefinition = {
  key: 'pq.social-name',
  options: [{ key: 'all' }, { key: 'most' }, { key: 'some' }, { key: 'none' }, { key: 'na', notApplicable: true }],
  indicator: ['all', 'most'],
};
const COUNT: PracticeItemDefinition = {
  key: 'pq.cases-received',
  options: [{ key: 'none' }, { key: 'one-two' }, { key: 'more' }],
  indicator: ['one-two', 'more'],
};

/** `counts` answers of each option to FREQUENCY, then `skipped` learners who left it blank. */
function learners(counts: Record<string, number>, skipped = 0): PracticeAnswers[] {
  const out: PracticeAnswers[] = [];
  for (const [option, n] of Object.entries(counts)) for (let i = 0; i < n; i++) out.push({ 'pq.social-name': option, 'pq.cases-received': 'none' });
  for (let i = 0; i < skipped; i++) out.push({ 'pq.cases-received': 'one-two' });
  return out;
}

describe('practiceShares', () => {
  it('TV6: 7 of 23 gives p = 0.3043478 and the Wilson CI [0.1560402, 0.5086576]; "no aplica" and blanks are not in n', () => {
    const { items, respondents } = practiceShares([FREQUENCY, COUNT], learners({ all: 4, most: 3, some: 10, none: 6, na: 9 }, 2));
    expect(respondents).toBe(34);
    const [item] = items;
    expect(item).toMatchObject({ answered: 32, notApplicable: 9, n: 23, suppressed: false });
    expect(item!.indicator!.x).toBe(7);
    expect(item!.indicator!.p).toBeCloseTo(0.3043478, 7);
    expect(item!.indicator!.ci95![0]).toBeCloseTo(0.1560402, 7);
    expect(item!.indicator!.ci95![1]).toBeCloseTo(0.5086576, 7);
    expect(item!.options!.map((o) => [o.key, o.share.x, o.share.n])).toEqual([['all', 4, 23], ['most', 3, 23], ['some', 10, 23], ['none', 6, 23]]);
    expect(items[1]).toMatchObject({ answered: 34, notApplicable: 0, n: 34, indicator: { x: 2 } });
  });

  it('TV6: 0 of 12 gives the CI [0, 0.2424940]', () => {
    const [item] = practiceShares([FREQUENCY], learners({ none: 12, na: 3 })).items;
    expect(item!.indicator!.x).toBe(0);
    expect(item!.indicator!.ci95![0]).toBe(0);
    expect(item!.indicator!.ci95![1]).toBeCloseTo(0.242494, 6);
  });

  it('withholds an item whose n is under 5 even when many answered "no aplica"', () => {
    const [item] = practiceShares([FREQUENCY], learners({ all: 3, none: 1, na: 20 })).items;
    expect(item).toEqual({ key: 'pq.social-name', answered: 24, notApplicable: 20, n: 4, suppressed: true, indicator: null, options: null });
    expect(practiceShares([FREQUENCY], learners({ all: 3, none: 2, na: 20 })).items[0]!.suppressed).toBe(false);
  });

  it('withholds everything with fewer than 5 respondents', () => {
    const result = practiceShares([COUNT], [{ 'pq.cases-received': 'none' }, { 'pq.cases-received': 'more' }, {}, {}, {}, {}]);
    expect(result.respondents).toBe(2);
    expect(result.suppressed).toBe(true);
    expect(result.items[0]).toMatchObject({ suppressed: true, indicator: null, options: null });
  });

  it('ignores answers the definition does not know (another version) and skipped items', () => {
    const result = practiceShares([FREQUENCY], [...learners({ all: 5 }), { 'pq.social-name': 'always' }, { 'pq.social-name': null }]);
    expect(result.respondents).toBe(5);
    expect(result.items[0]).toMatchObject({ answered: 5, n: 5, indicator: { x: 5, p: 1, ci95: [expect.any(Number), 1] } });
  });

  it('refuses an indicator on "no aplica" or an unknown option (a caller mistake)', () => {
    expect(() => practiceShares([{ ...FREQUENCY, indicator: ['na'] }], [])).toThrow(EvaluationInputError);
    expect(() => practiceShares([{ ...FREQUENCY, indicator: ['always'] }], [])).toThrow(EvaluationInputError);
  });
});

import { ScenarioSchema, type Scenario } from './course-schema.js';
import { walkScenario } from './grading.js';
import { validateScenarioGraph } from './scenario-graph.js';

const t = (es: string, en = es) => ({ es, en });
const choice = (key: string, points: number, next?: string, critical = false) => ({
  key, text: t(`elige ${key}`, `choose ${key}`), feedback: t(`por qué ${key}`, `why ${key}`), points, ...(critical ? { critical } : {}), ...(next ? { next } : {}),
});
const decision = (key: string, choices: ReturnType<typeof choice>[]) => ({ key, kind: 'decision', situation: t(`situación ${key}`, `situation ${key}`), choices });
const ending = (key: string, outcome: string, when: Record<string, unknown>) => ({ key, outcome, when, summary: t(`final ${key}`, `ending ${key}`) });

/** Four decisions, 2 points each at best (max 8); n2.c is a critical error; the case ends after n4. */
function raw() {
  return {
    key: 'sc.path',
    title: t('Caso'),
    audience: 'all',
    intro: t('**Intro**'),
    start: 'n1',
    nodes: [
      decision('n1', [choice('a', 2, 'n2'), choice('b', 0, 'n1b')]),
      decision('n1b', [choice('a', 1, 'n2'), choice('b', 0, 'n2')]),
      decision('n2', [choice('a', 2, 'n3'), choice('b', 1, 'n3'), choice('c', 0, 'n3', true)]),
      decision('n3', [choice('a', 2, 'n4'), choice('b', 0, 'n4')]),
      decision('n4', [choice('a', 2), choice('b', 1), choice('c', 0)]),
    ],
    endings: [
      ending('end-critical', 'poor', { critical: true }),
      ending('end-good', 'good', { critical: false, minPercent: 75 }),
      ending('end-mixed', 'mixed', { critical: false, minPercent: 40, belowPercent: 75 }),
      ending('end-poor', 'poor', { critical: false, belowPercent: 40 }),
    ],
  };
}
const parse = (value: unknown): Scenario => ScenarioSchema.parse(value);

describe('scenario endings chosen from the whole path', () => {
  it('a sound scenario has no problems', () => {
    expect(validateScenarioGraph(parse(raw()))).toEqual([]);
  });

  it('a good last choice after harmful ones does not reach the good ending', () => {
    const scenario = parse(raw());
    const best = walkScenario(scenario, ['a', 'a', 'a', 'a'], 'en');
    expect(best).toMatchObject({ complete: true, score: 8, maxScore: 8, critical: false, ending: { key: 'end-good', outcome: 'good', summary: 'ending end-good' } });
    expect(best.path).toEqual(['n1', 'n2', 'n3', 'n4']);
    // Harmful start, repaired late, best last choice: 1 + 1 + 0 + 2 = 4 of 8 = 50 % → mixed, not good.
    expect(walkScenario(scenario, ['b', 'a', 'b', 'b', 'a'])).toMatchObject({ score: 4, ending: { key: 'end-mixed' } });
    expect(walkScenario(scenario, ['b', 'b', 'b', 'b', 'b'])).toMatchObject({ score: 2, ending: { key: 'end-poor' } });
  });

  it('a critical error decides the ending whatever the score, and the step says so', () => {
    const walk = walkScenario(parse(raw()), ['a', 'c', 'a', 'a']);
    expect(walk).toMatchObject({ score: 6, critical: true, ending: { key: 'end-critical', outcome: 'poor' } });
    expect(walk.steps.map((s) => s.critical)).toEqual([false, true, false, false]);
  });

  it('refuses a choice after the case has ended', () => {
    const walk = walkScenario(parse(raw()), ['a', 'a', 'a', 'a', 'a']);
    expect(walk.valid).toBe(false);
    expect(walk.problems[0]!.path).toBe('choices[4]');
  });

  it('reports a path that matches no ending, with the path', () => {
    const broken = raw();
    broken.endings[3] = ending('end-poor', 'poor', { critical: false, belowPercent: 30 });
    const problems = validateScenarioGraph(parse(broken));
    expect(problems).toContainEqual({ path: 'endings', message: expect.stringMatching(/the path n1\.b → n1b\.b → .* matches no ending/) });
  });

  it('reports a path that matches two endings', () => {
    const broken = raw();
    broken.endings[2] = ending('end-mixed', 'mixed', { critical: false, minPercent: 40, belowPercent: 80 });
    const problems = validateScenarioGraph(parse(broken));
    expect(problems).toContainEqual({ path: 'endings', message: expect.stringMatching(/matches 2 endings \(end-good, end-mixed\)/) });
  });

  it('reports an ending no path reaches, and a case that ends without endings', () => {
    const unreachable = raw();
    unreachable.endings.push(ending('end-never', 'good', { critical: true, minPercent: 100 }));
    unreachable.endings[0] = ending('end-critical', 'poor', { critical: true, belowPercent: 100 });
    expect(validateScenarioGraph(parse(unreachable))).toContainEqual({ path: 'endings[4]', message: expect.stringMatching(/"end-never" is never reached/) });
    const none = raw() as Record<string, unknown>;
    delete none.endings;
    expect(validateScenarioGraph(parse(none))).toContainEqual({ path: 'nodes[4].choices[0].next', message: expect.stringMatching(/has no `endings`/) });
  });

  it('still checks reachability and dangling choices', () => {
    const broken = raw();
    broken.nodes.push(decision('n9', [choice('a', 2), choice('b', 0)]));
    broken.nodes[3]!.choices[0]!.next = 'nowhere';
    const problems = validateScenarioGraph(parse(broken));
    expect(problems).toContainEqual({ path: 'nodes[5]', message: expect.stringMatching(/"n9" cannot be reached/) });
    expect(problems).toContainEqual({ path: 'nodes[3].choices[0].next', message: expect.stringMatching(/"nowhere" is not a node/) });
  });
});

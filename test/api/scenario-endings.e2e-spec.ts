import type { DecisionNode } from '../../libs/curriculum/src/index.js';
import { correctAnswers, course, modulesInOrder, Player, newLearner } from '../support/course-player';
import { createTestApp, type TestApp } from '../support/test-app';


describe('scenario endings follow the whole path (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Up to the first module with a scenario, its quiz passed. */
  async function atFirstScenario(name: string) {
    const p = await newLearner(t, name, { positionType: 'municipal_official', region: 'lima', domain: 'muni.gob.pe' });
    await p.pre();
    const m = modulesInOrder();
    const index = m.findIndex((mod) => mod.scenario);
    for (let i = 0; i < index; i++) await p.module(i);
    for (const l of m[index]!.lessons) await p.post(`/lessons/${l.key}/complete`).expect(200);
    await p.post(`/modules/${m[index]!.key}/quiz-attempts`, { answers: correctAnswers(m[index]!.quiz.questions) }).expect(200);
    return { p, scenario: course().scenarios.find((s) => s.key === m[index]!.scenario)! };
  }

  async function play(p: Player, scenarioKey: string, choose: (node: DecisionNode, step: number) => string) {
    const scenario = course().scenarios.find((s) => s.key === scenarioKey)!;
    let run = (await p.get(`/scenarios/${scenarioKey}/run`).expect(200)).body;
    for (let step = 0; !run.finished; step++) {
      const node = scenario.nodes.find((n) => n.key === run.current.key) as DecisionNode;
      // The learner sees every choice of the node (in this play-through's order), never points or flags.
      expect(run.current.choices.map((c: { key: string }) => c.key).sort()).toEqual(node.choices.map((c) => c.key).sort());
      expect(JSON.stringify(run.current)).not.toMatch(/"points"|"critical"|"next"/);
      run = (await p.post(`/scenarios/${scenarioKey}/choices`, { nodeKey: node.key, choiceKey: choose(node, step) }).expect(200)).body;
    }
    return run;
  }

  it('a harmful start is not rescued by a good last choice, and a critical error decides the ending', async () => {
    const { p, scenario } = await atFirstScenario('Trayecto');
    const ends = (node: DecisionNode) => node.choices.every((c) => c.next === undefined);
    const byPoints = (node: DecisionNode, dir: 1 | -1) => [...node.choices].filter((c) => !c.critical).sort((a, b) => dir * (b.points - a.points))[0]!.key;
    // Worst non-critical choice everywhere, best at the last decision.
    const run = await play(p, scenario.key, (node) => byPoints(node, ends(node) ? 1 : -1));
    expect(run.current).toMatchObject({ kind: 'ending', outcome: 'poor' });
    expect(run.score / run.maxScore).toBeLessThan(0.5);
    expect(run.steps.every((s: { critical: boolean }) => s.critical === false)).toBe(true);
    const [attempt] = await t.db.query(`SELECT outcome, score::float8 AS score, result FROM attempts WHERE enrolment_id = $1 AND kind = 'scenario'`, [p.enrolmentId]);
    expect(attempt).toMatchObject({ outcome: 'poor', score: run.score, result: { ending: run.current.key, critical: false } });
    // The finished run cannot take more choices.
    const again = await p.post(`/scenarios/${scenario.key}/choices`, { nodeKey: run.steps.at(-1).nodeKey, choiceKey: run.steps.at(-1).choiceKey });
    expect(again.status).toBe(409);

    const { p: q } = await atFirstScenario('Critico');
    // Harmful choices until a critical error is offered, that one, then the best choices to the end.
    let spent = false;
    const critical = await play(q, scenario.key, (node) => {
      if (spent) return byPoints(node, 1);
      const flagged = node.choices.find((c) => c.critical);
      if (!flagged) return byPoints(node, -1);
      spent = true;
      return flagged.key;
    });
    expect(spent).toBe(true);
    expect(critical.current).toMatchObject({ kind: 'ending', key: 'end-critical', outcome: 'poor' });
    expect(critical.steps.filter((s: { critical: boolean }) => s.critical)).toHaveLength(1);
    expect((await q.get('/journey')).body.snapshot).toBeTruthy();
  });
});

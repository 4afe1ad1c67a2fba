import { toLearnerKnowledgeTest, toLearnerQuiz } from '../../libs/curriculum/src/index.js';
import { correctAnswers, course, likertAnswers, modulesInOrder, Player, wrongAnswers, newLearner } from '../support/course-player';
import { createTestApp, type TestApp } from '../support/test-app';

type View = { key: string; options?: { key: string }[]; choices?: { key: string }[] };
/** The order a learner sees, as one comparable string: question keys with their option keys in order. */
const orderOf = (questions: View[]) => questions.map((q) => `${q.key}:${(q.options ?? q.choices)!.map((o) => o.key).join(',')}`).join(' ');
const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
/** Chance that two independent seeds show exactly the same order (true/false items are never shuffled). */
const sameOrderChance = (questions: { type: string; options: unknown[] }[]) =>
  questions.filter((q) => q.type !== 'trueFalse').reduce((p, q) => p / factorial(q.options.length), 1);


describe('option order: shuffled per attempt on the server, graded by key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const seedsOf = (p: Player, kind: string) =>
    t.db.query(`SELECT option_seed FROM attempts WHERE enrolment_id = $1 AND kind = $2 ORDER BY created_at`, [p.enrolmentId, kind]).then((rows: { option_seed: number }[]) => rows.map((r) => r.option_seed));

  it('keeps a knowledge-test order across reloads and autosaves, stores it with the attempt, and draws a new one for the post-test', async () => {
    const p = await newLearner(t, 'Orden');
    await p.post('/consent', { evaluationUse: true }).expect(200);
    const items = course().knowledgeTest.items;
    expect(sameOrderChance(items)).toBeLessThan(1e-9);
    const first = (await p.get('/knowledge-test').expect(200)).body;
    expect(orderOf((await p.get('/knowledge-test').expect(200)).body.items)).toBe(orderOf(first.items));
    // An autosaved draft keeps the order, and the draft still reads as "no answers saved" until there are some.
    expect((await p.get('/drafts/pre-knowledge').expect(200)).body).toEqual({ answers: {}, updatedAt: null });
    await t.http().put(`/api/enrolments/${p.enrolmentId}/drafts/pre-knowledge`).set('Authorization', `Bearer ${p.token}`).send({ answers: { [items[0]!.key]: [items[0]!.options[1]!.key] } }).expect(200);
    expect(orderOf((await p.get('/knowledge-test').expect(200)).body.items)).toBe(orderOf(first.items));
    // Answer key, not position: the right keys score 100 % whatever order they were shown in.
    const pre = await p.post('/assessments/pre/knowledge', { answers: correctAnswers(items) }).expect(200);
    expect(pre.body.grade.percent).toBe(100);
    const [preSeed] = await seedsOf(p, 'knowledge');
    expect(preSeed).toEqual(expect.any(Number));
    // The stored seed reproduces exactly what the learner was shown.
    expect(orderOf(toLearnerKnowledgeTest(course().knowledgeTest, 'es', preSeed).items)).toBe(orderOf(first.items));

    await p.post('/assessments/pre/attitude', { answers: likertAnswers(3) }).expect(200);
    for (let i = 0; i < modulesInOrder().length; i++) await p.module(i);
    const post = (await p.get('/knowledge-test').expect(200)).body;
    expect(orderOf(post.items)).not.toBe(orderOf(first.items));
    const graded = await p.post('/assessments/post/knowledge', { answers: wrongAnswers(items) }).expect(200);
    expect(graded.body.grade).toMatchObject({ percent: 0, correctCount: 0 });
    const seeds = await seedsOf(p, 'knowledge');
    expect(seeds).toHaveLength(2);
    expect(orderOf(toLearnerKnowledgeTest(course().knowledgeTest, 'es', seeds[1]).items)).toBe(orderOf(post.items));
  });

  it('gives each quiz attempt its own order and grades every attempt by option key', async () => {
    const p = await newLearner(t, 'Intentos');
    await p.pre();
    const m = modulesInOrder()[0]!;
    for (const l of m.lessons) await p.post(`/lessons/${l.key}/complete`).expect(200);
    // Three attempts can all look the same only with this chance (the test states its own flakiness bound).
    expect(sameOrderChance(m.quiz.questions) ** 2).toBeLessThan(1e-6);
    const orders: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const quiz = (await p.get(`/modules/${m.key}/quiz`).expect(200)).body;
      expect(orderOf((await p.get(`/modules/${m.key}/quiz`).expect(200)).body.questions)).toBe(orderOf(quiz.questions));
      expect(JSON.stringify(quiz)).not.toMatch(/"correct"|"feedback"/);
      orders.push(orderOf(quiz.questions));
      const last = attempt === 2;
      const res = await p.post(`/modules/${m.key}/quiz-attempts`, { answers: last ? correctAnswers(m.quiz.questions) : wrongAnswers(m.quiz.questions) }).expect(200);
      expect(res.body.grade).toMatchObject(last ? { passed: true, percent: 100 } : { passed: false, correctCount: 0 });
    }
    expect(new Set(orders).size).toBeGreaterThan(1);
    const seeds = await seedsOf(p, 'quiz');
    expect(seeds).toHaveLength(3);
    seeds.forEach((seed, i) => expect(orderOf(toLearnerQuiz(m.quiz, 'es', seed).questions)).toBe(orders[i]));
  });

  it('keeps a scenario play-through in one choice order across reloads and stores it with the attempt', async () => {
    const p = await newLearner(t, 'Caso');
    await p.pre();
    const m = modulesInOrder();
    const index = m.findIndex((mod) => mod.scenario);
    for (let i = 0; i <= index; i++) await p.module(i);
    // p.module played the scenario through (choosing the first choice shown each time): the run kept one seed.
    const [run] = await t.db.query(`SELECT option_seed, finished_at FROM scenario_runs WHERE enrolment_id = $1`, [p.enrolmentId]);
    expect(run.finished_at).not.toBeNull();
    const [attempt] = await t.db.query(`SELECT option_seed FROM attempts WHERE enrolment_id = $1 AND kind = 'scenario'`, [p.enrolmentId]);
    expect(attempt.option_seed).toBe(run.option_seed);

    const q = await newLearner(t, 'Caso2');
    await q.pre();
    const scenarioKey = m[index]!.scenario!;
    const a = (await q.get(`/scenarios/${scenarioKey}/run`).expect(200)).body;
    const b = (await q.get(`/scenarios/${scenarioKey}/run`).expect(200)).body;
    expect(orderOf([a.current])).toBe(orderOf([b.current]));
  });
});

import { randomUUID } from 'node:crypto';
import { correctAnswers, course, likertAnswers, modulesInOrder, Player, wrongAnswers, newLearner } from '../support/course-player';
import { createTestApp, type TestApp } from '../support/test-app';

// POST /api/enrolments/:id/submissions: the phone's queue replayed in one request. Each item must be answered as its
// single route answers it, recorded exactly once, and a refused item must leave nothing behind.


const key = () => randomUUID();
const replay = (p: Player, items: Record<string, unknown>[]) =>
  p.t.http().post(`/api/enrolments/${p.enrolmentId}/submissions`).set('Authorization', `Bearer ${p.token}`).send({ items });
const count = async (t: TestApp, sql: string, params: unknown[]) => Number((await t.db.query(sql, params))[0].n);

describe('queued submissions replayed in one request', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const firstModule = () => modulesInOrder()[0];
  const preAndModule = () => [
    { kind: 'consent', idempotencyKey: key(), evaluationUse: true },
    { kind: 'assessment', idempotencyKey: key(), wave: 'pre', part: 'knowledge', answers: wrongAnswers(course().knowledgeTest.items), lang: 'es' },
    { kind: 'assessment', idempotencyKey: key(), wave: 'pre', part: 'attitude', answers: likertAnswers(3) },
    ...firstModule().lessons.map((l) => ({ kind: 'lesson', idempotencyKey: key(), moduleKey: firstModule().key, lessonKey: l.key })),
    { kind: 'quiz', idempotencyKey: key(), moduleKey: firstModule().key, answers: wrongAnswers(firstModule().quiz.questions) },
    { kind: 'quiz', idempotencyKey: key(), moduleKey: firstModule().key, answers: correctAnswers(firstModule().quiz.questions), lang: 'en' },
  ];

  it('records a whole queue in order, once, and answers each item as its own route would', async () => {
    const p = await newLearner(t, 'Cola', { region: 'junin' });
    const items = preAndModule();
    const res = await replay(p, items).expect(200);
    const outcomes = res.body.outcomes;
    expect(outcomes.map((o: { status: number }) => o.status)).toEqual(items.map(() => 200));
    expect(outcomes.map((o: { idempotencyKey: string }) => o.idempotencyKey)).toEqual(items.map((i) => i.idempotencyKey));
    // Each answer is its route's without the journey; the queue's journey, after the last action, comes once.
    for (const o of outcomes) expect(o.result.journey).toBeUndefined();
    expect(res.body.journey.stage).toBe('learning');
    const [wrong, right] = outcomes.slice(-2).map((o: { result: { grade: { passed: boolean; questions: unknown[] } } }) => o.result.grade);
    expect(wrong.passed).toBe(false);
    expect(right.passed).toBe(true);
    // The pre-test shows no answers, as on its own route.
    expect(outcomes[1].result.grade.questions).toEqual([]);
    expect((await p.get('/journey').expect(200)).body).toEqual(res.body.journey);
    const attempts = await t.db.query(`SELECT kind, wave, passed FROM attempts WHERE enrolment_id = $1 ORDER BY kind, passed NULLS FIRST`, [p.enrolmentId]);
    expect(attempts.map((a: { kind: string; wave: string | null; passed: boolean | null }) => `${a.kind}:${a.wave ?? a.passed}`)).toEqual([
      'attitude:pre', 'knowledge:pre', 'quiz:false', 'quiz:true',
    ]);
    expect(await count(t, `SELECT count(*)::int AS n FROM idempotency_keys WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(items.length);
    expect(await count(t, `SELECT count(*)::int AS n FROM consent_records WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(1);

    // The same queue again (the answer was lost on the way back): the first answers, nothing new.
    const again = await replay(p, items).expect(200);
    expect(again.body.outcomes).toEqual(outcomes);
    expect(again.body.journey).toEqual(res.body.journey);
    // One of them asked again on its own route: its first answer, with the enrolment's journey (kept without one).
    const quizAgain = await p.post(`/modules/${firstModule().key}/quiz-attempts`, { idempotencyKey: items.at(-1)!.idempotencyKey, answers: items.at(-1)!.answers }).expect(200);
    expect(quizAgain.body).toEqual({ ...outcomes.at(-1).result, journey: res.body.journey });
    expect(await count(t, `SELECT count(*)::int AS n FROM attempts WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(4);
    expect(await count(t, `SELECT count(*)::int AS n FROM idempotency_keys WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(items.length);
  });

  it('answers the same queue sent twice at once (a retry racing the first) with the same outcomes, recording it once', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await newLearner(t, `Doble${round}`, { region: 'junin' });
      const items = preAndModule();
      const [a, b] = await Promise.all([replay(p, items), replay(p, items)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(b.body.outcomes.map((o: { status: number }) => o.status)).toEqual(items.map(() => 200));
      expect(b.body.outcomes).toEqual(a.body.outcomes);
      expect(await count(t, `SELECT count(*)::int AS n FROM attempts WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(4);
      expect(await count(t, `SELECT count(*)::int AS n FROM consent_records WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(1);
      expect(await count(t, `SELECT count(*)::int AS n FROM idempotency_keys WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(items.length);
    }
  });

  it('returns what an earlier single request recorded under the same key, and refuses a key reused for another action', async () => {
    const p = await newLearner(t, 'Mixta', { region: 'junin' });
    const consentKey = key();
    const single = await p.post('/consent', { idempotencyKey: consentKey, evaluationUse: false }).expect(200);
    const res = await replay(p, [
      { kind: 'consent', idempotencyKey: consentKey, evaluationUse: false },
      { kind: 'assessment', idempotencyKey: consentKey.replace(/.$/, 'x'), wave: 'pre', part: 'attitude', answers: likertAnswers(4) },
      { kind: 'withdraw', idempotencyKey: key() },
    ]).expect(200);
    const { journey: _journey, ...singleAnswer } = single.body;
    expect(res.body.outcomes[0]).toEqual({ idempotencyKey: consentKey, status: 200, result: singleAnswer });
    // Whatever the machine says of attitudes before knowledge, the queue's answer is the single route's.
    const direct = await newLearner(t, 'Directa', { region: 'junin' });
    await direct.post('/consent', { evaluationUse: false }).expect(200);
    const alone = await direct.post('/assessments/pre/attitude', { answers: likertAnswers(4) });
    expect(res.body.outcomes[1].status).toBe(alone.status);
    expect(res.body.outcomes[2].status).toBe(200);
    expect(res.body.journey.stage).toBe('withdrawn');
    // Withdrawn from the evaluation (reports leave the enrolment out by its date), the choice kept, the history in order.
    const [row] = await t.db.query(`SELECT consent_withdrawn_at, evaluation_use FROM enrolments WHERE id = $1`, [p.enrolmentId]);
    expect(row.consent_withdrawn_at).not.toBeNull();
    expect(row.evaluation_use).toBe(false);
    const history = await t.db.query(`SELECT action, evaluation_use, consent_version FROM consent_records WHERE enrolment_id = $1 ORDER BY recorded_at, id`, [p.enrolmentId]);
    expect(history.map((h: { action: string; evaluation_use: boolean | null }) => [h.action, h.evaluation_use])).toEqual([['given', false], ['withdrawn', null]]);
    expect(history.every((h: { consent_version: string }) => h.consent_version === course().consent.version)).toBe(true);

    const reused = await replay(p, [{ kind: 'consent', idempotencyKey: consentKey, evaluationUse: true }]).expect(200);
    expect(reused.body.outcomes[0]).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('withdrawing on its own route dates the enrolment and records the history, as from a queue', async () => {
    const p = await newLearner(t, 'Retiro', { region: 'junin' });
    await p.post('/consent', { evaluationUse: true }).expect(200);
    expect((await p.post('/withdraw').expect(200)).body.journey.stage).toBe('withdrawn');
    const [row] = await t.db.query(`SELECT consent_withdrawn_at, evaluation_use FROM enrolments WHERE id = $1`, [p.enrolmentId]);
    expect(row.consent_withdrawn_at).not.toBeNull();
    expect(row.evaluation_use).toBe(true);
    const history = await t.db.query(`SELECT action FROM consent_records WHERE enrolment_id = $1 ORDER BY recorded_at, id`, [p.enrolmentId]);
    expect(history.map((h: { action: string }) => h.action)).toEqual(['given', 'withdrawn']);
  });

  it('reports a refused item, undoes its writes, and still records the ones after it', async () => {
    const p = await newLearner(t, 'Rechazo', { region: 'junin' });
    await p.pre();
    const index = modulesInOrder().findIndex((mod) => mod.scenario);
    for (let i = 0; i < index; i++) await p.module(i);
    const m = modulesInOrder()[index];
    const scenario = course().scenarios.find((s) => s.key === m.scenario)!;
    const start = scenario.nodes.find((n) => n.key === scenario.start)!;
    if (start.kind !== 'decision') throw new Error('scenario starts with a decision');
    const first = start.choices.find((c) => c.next)!;
    const items = [
      ...m.lessons.map((l) => ({ kind: 'lesson', idempotencyKey: key(), moduleKey: m.key, lessonKey: l.key })),
      // The next module is locked: the machine refuses it (409), nothing of it is stored.
      { kind: 'quiz', idempotencyKey: key(), moduleKey: modulesInOrder()[index + 1].key, answers: correctAnswers(modulesInOrder()[index + 1].quiz.questions) },
      { kind: 'quiz', idempotencyKey: key(), moduleKey: m.key, answers: correctAnswers(m.quiz.questions) },
      { kind: 'scenario', idempotencyKey: key(), moduleKey: m.key, scenarioKey: scenario.key, nodeKey: start.key, choiceKey: first.key },
      // A stale decision (the scenario has moved on): refused after its row was read and locked, so it is rolled back.
      { kind: 'scenario', idempotencyKey: key(), moduleKey: m.key, scenarioKey: scenario.key, nodeKey: start.key, choiceKey: start.choices.at(-1)!.key },
      { kind: 'lesson', idempotencyKey: key(), moduleKey: m.key, lessonKey: 'NOT A KEY' },
      { kind: 'telepathy', idempotencyKey: key() },
      { kind: 'quiz', idempotencyKey: key(), moduleKey: m.key, answers: 'all of them' },
    ];
    const res = await replay(p, items).expect(200);
    const statuses = res.body.outcomes.map((o: { status: number; code?: string }) => `${o.status}${o.code ? ` ${o.code}` : ''}`);
    const lessonCount = m.lessons.length;
    expect(statuses.slice(0, lessonCount)).toEqual(m.lessons.map(() => '200'));
    expect(statuses.slice(lessonCount)).toEqual([
      expect.stringMatching(/^409 /), '200', '200', '409 SCENARIO_STEP_MISMATCH', '404 NOT_FOUND', '400 VALIDATION_FAILED', '400 VALIDATION_FAILED',
    ]);
    const [run] = await t.db.query(`SELECT choices FROM scenario_runs WHERE enrolment_id = $1`, [p.enrolmentId]);
    expect(run.choices).toEqual([first.key]);
    const before = await count(t, `SELECT count(*)::int AS n FROM idempotency_keys WHERE enrolment_id = $1`, [p.enrolmentId]);
    expect(await count(t, `SELECT count(*)::int AS n FROM attempts WHERE enrolment_id = $1 AND kind = 'quiz' AND module_key = $2`, [p.enrolmentId, m.key])).toBe(1);
    expect(await count(t, `SELECT count(*)::int AS n FROM attempts WHERE enrolment_id = $1 AND module_key = $2`, [p.enrolmentId, modulesInOrder()[index + 1].key])).toBe(0);
    expect(await count(t, `SELECT count(*)::int AS n FROM idempotency_keys WHERE enrolment_id = $1 AND key = ANY($2::text[])`, [p.enrolmentId, items.map((i) => i.idempotencyKey)])).toBe(lessonCount + 2);
    expect(before).toBeGreaterThan(lessonCount + 2);
    const journey = (await p.get('/journey').expect(200)).body;
    expect(journey).toEqual(res.body.journey);
  });

  it('refuses what cannot be a queue with a clear 400, and another learner\'s enrolment with 404', async () => {
    const p = await newLearner(t, 'Forma', { region: 'junin' });
    const other = await newLearner(t, 'Otra', { region: 'junin' });
    const dup = key();
    expect((await replay(p, []).expect(400)).body.message).toMatch(/items/);
    expect((await replay(p, Array.from({ length: 21 }, () => ({ kind: 'withdraw', idempotencyKey: key() }))).expect(400)).body.message).toMatch(/items/);
    expect((await replay(p, [{ kind: 'consent', evaluationUse: true }]).expect(400)).body.message).toMatch(/idempotencyKey/);
    expect((await replay(p, ['consent' as never]).expect(400)).body.message).toMatch(/each item must be an object/);
    const raw = (body: unknown) => t.http().post(`/api/enrolments/${p.enrolmentId}/submissions`).set('Authorization', `Bearer ${p.token}`).send(body as object);
    expect((await raw({ items: [{ kind: 'withdraw', idempotencyKey: key() }], force: true }).expect(400)).body.message).toBe('force: this field is not allowed');
    expect((await raw({ queue: [] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await raw([{ kind: 'withdraw', idempotencyKey: key() }]).expect(400)).body.message).toMatch(/items/);
    expect((await replay(p, [{ kind: 'withdraw', idempotencyKey: dup }, { kind: 'withdraw', idempotencyKey: dup }]).expect(400)).body.message).toMatch(/once/);
    await t.http().post(`/api/enrolments/${other.enrolmentId}/submissions`).set('Authorization', `Bearer ${p.token}`)
      .send({ items: [{ kind: 'consent', idempotencyKey: key(), evaluationUse: true }] }).expect(404);
    expect(await count(t, `SELECT count(*)::int AS n FROM consent_records WHERE enrolment_id = ANY($1::uuid[])`, [[p.enrolmentId, other.enrolmentId]])).toBe(0);
  });
});

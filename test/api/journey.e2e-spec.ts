import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type request from 'supertest';
import { correctAnswers, course, likertAnswers, modulesInOrder, Player, wrongAnswers, newLearner } from '../support/course-player';
import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';


const count = async (t: TestApp, sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0].n);

describe('the learner journey (server is the authority)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Follow-up opens at once in this cohort so the whole path can be tested.
    await t.db.query(`UPDATE cohorts SET follow_up_days = 0`);
  });
  afterAll(() => t.close());

  it('goes from consent to certificate and follow-up', async () => {
    const p = await newLearner(t, 'Rosa');
    expect((await p.get('/journey').expect(200)).body).toMatchObject({ stage: 'consent', percentComplete: 0 });
    await p.pre();
    expect((await p.get('/journey')).body.stage).toBe('learning');
    const modules = modulesInOrder();
    for (let i = 0; i < modules.length; i++) await p.module(i);
    expect((await p.get('/journey')).body.stage).toBe('postAssessment');
    const last = await p.post_();
    expect(last.body.journey).toMatchObject({ stage: 'completed', percentComplete: 100 });

    const cert = await p.get('/certificate').expect(200);
    expect(cert.body).toMatchObject({ learnerName: 'Rosa', courseVersion: 1, code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/) });
    const pdf = await p.get('/certificate.pdf').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const verified = await t.http().get(`/api/certificates/${cert.body.code}`).expect(200);
    expect(Object.keys(verified.body).sort()).toEqual(['completedAt', 'courseTitle', 'learnerName', 'revokedAt', 'status', 'valid']);
    expect(verified.body).toMatchObject({ valid: true, status: 'valid', learnerName: 'Rosa', revokedAt: null });
    const unknown = await t.http().get('/api/certificates/AAAA-BBBB-CCCC').expect(404);
    expect(unknown.body.message).toMatch(/No certificate has this code/);

    expect((await p.get('/journey')).body.stage).toBe('followUp');
    const follow = await p.post('/follow-up', { knowledge: correctAnswers(course().knowledgeTest.items), attitude: likertAnswers(5) }).expect(200);
    expect(follow.body.journey.stage).toBe('done');
    const waves = await t.db.query(`SELECT kind, wave FROM attempts a JOIN enrolments e ON e.id = a.enrolment_id WHERE e.id = $1 AND wave IS NOT NULL ORDER BY kind, wave`, [p.enrolmentId]);
    expect(waves.map((w: { kind: string; wave: string }) => `${w.kind}:${w.wave}`)).toEqual([
      'attitude:followup', 'attitude:post', 'attitude:pre', 'attitude:then', 'knowledge:followup', 'knowledge:post', 'knowledge:pre',
    ]);
  });

  it('keeps an assessment\'s answers in its vectors only, and gives them back whole in the learner\'s own data', async () => {
    const p = await newLearner(t, 'Vectores');
    await p.post('/consent', { evaluationUse: true }).expect(200);
    const knowledgeItems = course().knowledgeTest.items;
    // Every third question wrong, the rest right; every seventh statement skipped.
    const knowledge = Object.fromEntries(knowledgeItems.map((it, i) => [it.key, i % 3 === 0 ? wrongAnswers([it])[it.key] : correctAnswers([it])[it.key]]));
    const attitude = Object.fromEntries(course().attitudeInstrument.items.map((it, i) => [it.key, 1 + (i % 5)]).filter((_, i) => i % 7 !== 3));
    await p.post('/assessments/pre/knowledge', { answers: knowledge }).expect(200);
    await p.post('/assessments/pre/attitude', { answers: attitude }).expect(200);
    const read = () => t.db.query(`SELECT kind, answer_vector FROM attempts WHERE enrolment_id = $1 AND wave = 'pre' ORDER BY kind`, [p.enrolmentId]);
    const fromApi = await read();
    expect(fromApi.map((r: { kind: string }) => r.kind)).toEqual(['attitude', 'knowledge']);
    expect(fromApi[0].answer_vector).toEqual(course().attitudeInstrument.items.map((it, i) => (i % 7 === 3 ? null : 1 + (i % 5))));
    expect(fromApi[1].answer_vector).toEqual(knowledgeItems.map((_, i) => (i % 3 === 0 ? 0 : 1)));
    // No row per item: the vectors are the record.
    expect(await count(t, `SELECT count(*) AS n FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.enrolment_id = $1`, [p.enrolmentId])).toBe(0);
    // The learner's own data reads them back as the answers sent: options chosen and whether right, scale points.
    const mine = (await t.http().get('/api/me/data').set('Authorization', `Bearer ${p.token}`).expect(200)).body.enrolments[0].attempts;
    const answersOf = (kind: string) => mine.find((a: { kind: string; wave: string }) => a.kind === kind && a.wave === 'pre').answers
      .map((r: { itemKey: string; value: string; correct: boolean | null }) => {
        const value: unknown = JSON.parse(r.value);
        return [r.itemKey, Array.isArray(value) ? [...value].sort() : value, r.correct];
      });
    const sorted = (rows: unknown[][]) => [...rows].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(sorted(answersOf('knowledge'))).toEqual(sorted(knowledgeItems.map((it, i) => [it.key, [...knowledge[it.key]!].sort(), i % 3 !== 0])));
    expect(sorted(answersOf('attitude'))).toEqual(sorted(Object.entries(attitude).map(([key, value]) => [key, value, null])));
  });

  it('refuses steps out of order with 409 and a code, changing nothing', async () => {
    const p = await newLearner(t, 'Orden');
    expect((await p.post('/assessments/pre/knowledge', { answers: {} }).expect(409)).body.code).toBe('EVENT_NOT_ALLOWED');
    await p.post('/consent', { evaluationUse: true }).expect(200);
    expect((await p.post('/assessments/post/knowledge', { answers: {} }).expect(409)).body.code).toBe('EVENT_NOT_ALLOWED');
    await p.post('/assessments/pre/knowledge', { answers: {} }).expect(200);
    await p.post('/assessments/pre/attitude', { answers: likertAnswers(3) }).expect(200);
    const m = modulesInOrder();
    const m3lesson = m[2].lessons[0].key;
    expect((await p.post(`/lessons/${m3lesson}/complete`).expect(409)).body.code).toBe('MODULE_LOCKED');
    expect((await p.post(`/modules/${m[0].key}/quiz-attempts`, { answers: correctAnswers(m[0].quiz.questions) }).expect(409)).body.code).toBe('LESSONS_NOT_READ');
    await p.module(0);
    expect((await p.post(`/modules/${m[0].key}/quiz-attempts`, { answers: correctAnswers(m[0].quiz.questions) }).expect(409)).body.code).toBe('QUIZ_ALREADY_PASSED');
    expect((await p.post('/assessments/pre/attitude', { answers: likertAnswers(5) }).expect(409)).body.code).toBe('ALREADY_SUBMITTED');
    expect(await count(t, `SELECT count(*) AS n FROM attempts WHERE enrolment_id = $1 AND kind = 'quiz'`, [p.enrolmentId])).toBe(1);
  });

  it('after 3 failed attempts asks for a review of the lessons, then gives 3 more', async () => {
    const p = await newLearner(t, 'Repaso');
    await p.pre();
    const m = modulesInOrder()[0];
    for (const l of m.lessons) await p.post(`/lessons/${l.key}/complete`).expect(200);
    for (let i = 0; i < 3; i++) {
      const r = await p.post(`/modules/${m.key}/quiz-attempts`, { answers: wrongAnswers(m.quiz.questions) }).expect(200);
      expect(r.body.grade).toMatchObject({ passed: false, attemptsLeft: 2 - i, answersRevealed: i === 2 });
      expect(r.body.grade.questions[0].options[0].text).toEqual(expect.any(String));
      if (i < 2) {
        // While attempts are left, a failed attempt teaches through the feedback on the chosen options only.
        for (const q of r.body.grade.questions) expect(Object.keys(q).sort()).toEqual(['answered', 'correct', 'key', 'options']);
        expect(JSON.stringify(r.body.grade.questions.map((q: { options: { correct: boolean }[] }) => q.options.filter((o) => o.correct)))).not.toMatch(/true/);
      } else {
        // The round's last attempt: the right answers, and why they are right.
        const first = m.quiz.questions[0]!;
        const q0 = r.body.grade.questions.find((q: { key: string }) => q.key === first.key);
        expect(q0.correctOptionKeys).toEqual(first.options.filter((o) => o.correct).map((o) => o.key));
        expect(q0.explanations).toEqual(first.options.filter((o) => o.correct).map((o) => ({ optionKey: o.key, correct: true, text: o.feedback.es })));
      }
    }
    expect((await p.post(`/modules/${m.key}/quiz-attempts`, { answers: correctAnswers(m.quiz.questions) }).expect(409)).body.code).toBe('QUIZ_ATTEMPTS_EXHAUSTED');
    for (const l of m.lessons) await p.post(`/lessons/${l.key}/complete`).expect(200);
    const pass = await p.post(`/modules/${m.key}/quiz-attempts`, { answers: correctAnswers(m.quiz.questions) }).expect(200);
    expect(pass.body.grade).toMatchObject({ passed: true, percent: 100 });
    expect(pass.body.grade.questions[0].correctOptionKeys).toEqual(expect.any(Array));
    expect(pass.body.grade.questions[0].explanations[0].text).toEqual(expect.any(String));
  });

  it('replays an idempotent submission without creating anything, and refuses a reused key with other content', async () => {
    const p = await newLearner(t, 'Replay');
    await p.post('/consent', { evaluationUse: true }).expect(200);
    const key = randomUUID();
    const body = { idempotencyKey: key, answers: wrongAnswers(course().knowledgeTest.items) };
    const first = await p.post('/assessments/pre/knowledge', body).expect(200);
    const second = await p.post('/assessments/pre/knowledge', body).expect(200);
    expect(second.body).toEqual(first.body);
    expect(await count(t, `SELECT count(*) AS n FROM attempts WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(1);
    const other = await p.post('/assessments/pre/knowledge', { idempotencyKey: key, answers: {} }).expect(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('two tabs submitting at once produce exactly one attempt', async () => {
    // Several rounds: the race (same key, same moment) must resolve to one attempt and the same answer every time.
    for (let round = 0; round < 4; round++) {
      const q = await newLearner(t, `Tabs${round}`);
      await q.post('/consent', { evaluationUse: true }).expect(200);
      const same = { idempotencyKey: randomUUID(), answers: likertAnswers(3) };
      const [x, y] = await Promise.all([q.post('/assessments/pre/attitude', same), q.post('/assessments/pre/attitude', same)]);
      expect([x.status, y.status]).toEqual([200, 200]);
      expect(x.body).toEqual(y.body);
      expect(await count(t, `SELECT count(*) AS n FROM attempts WHERE enrolment_id = $1`, [q.enrolmentId])).toBe(1);
    }
    const p = await newLearner(t, 'Tabs');
    await p.post('/consent', { evaluationUse: true }).expect(200);
    const body = { idempotencyKey: randomUUID(), answers: likertAnswers(3) };
    const [a, b] = await Promise.all([p.post('/assessments/pre/attitude', body), p.post('/assessments/pre/attitude', body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    const [c, d] = await Promise.all([
      p.post('/assessments/pre/knowledge', { answers: {} }),
      p.post('/assessments/pre/knowledge', { answers: {} }),
    ]);
    expect([c.status, d.status].sort()).toEqual([200, 409]);
    expect(await count(t, `SELECT count(*) AS n FROM attempts WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(2);
  });

  // Needs a second connection holding the row lock: the embedded database serves one connection at a time.
  (process.env.RESPETA_TEST_EMBEDDED_URL ? it.skip : it)('a retry that waited for the first to commit gets its answer, whether the guard, the machine or the ledger refused it', async () => {
    const p = await newLearner(t, 'Twins');
    await p.pre();
    const module = modulesInOrder()[0]!;
    const next = modulesInOrder()[1]!;
    /**
     * Sends three copies under one key while a test transaction holds the enrolment's row lock, so all three queue on
     * it: the copies read the row without the lock and wait in their guarded write. When the blocker only locked the
     * row, the first copy writes and the other two find the row changed, run again under the lock and find the
     * first's answer in the ledger. When the blocker also changed the row (`touch`), no copy's write holds: all three
     * run again under the lock, where the second and third read the ledger as it was before the first committed and
     * are refused (by the machine or the ledger's key) before reading it again.
     */
    const thrice = async (send: (key: string) => request.Test, touch: boolean) => {
      const blocker = new pg.Client({ connectionString: t.databaseUrl });
      const watcher = new pg.Client({ connectionString: t.databaseUrl }); // outside the blocker's transaction, whose view of pg_stat_activity is frozen
      await Promise.all([blocker.connect(), watcher.connect()]);
      try {
        const blockerPid = (await blocker.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        await blocker.query('BEGIN');
        await blocker.query('SELECT 1 FROM enrolments WHERE id = $1 FOR UPDATE', [p.enrolmentId]);
        if (touch) await blocker.query('UPDATE enrolments SET last_activity_at = now() WHERE id = $1', [p.enrolmentId]);
        const key = randomUUID();
        const sent = Promise.all([send(key), send(key), send(key)].map((r) => r.then((res) => res)));
        const waiting = async () => Number((await watcher.query(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1 AND query LIKE '%enrolments%'`,
          [blockerPid],
        )).rows[0].n);
        for (let tries = 0; (await waiting()) < 3; tries++) {
          if (tries > 200) throw new Error('the three copies never queued on the lock');
          await new Promise((r) => setTimeout(r, 25));
        }
        await blocker.query('COMMIT');
        const answers = await sent;
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
        expect(answers[1]!.body).toEqual(answers[0]!.body);
        expect(answers[2]!.body).toEqual(answers[0]!.body);
      } finally {
        await Promise.all([blocker.end(), watcher.end()]);
      }
    };
    // A lesson read again is no new step for the machine: only the ledger's key tells the copies apart.
    await thrice((key) => p.post(`/lessons/${module.lessons[0]!.key}/complete`, { idempotencyKey: key }), false);
    await thrice((key) => p.post(`/lessons/${module.lessons[0]!.key}/complete`, { idempotencyKey: key }), true);
    // A passed quiz cannot be graded again: the machine refuses the copies, and they still get the first answer.
    for (const [quizModule, touch] of [[module, false], [next, true]] as const) {
      for (const lesson of quizModule.lessons) await p.post(`/lessons/${lesson.key}/complete`).expect(200);
      await thrice((key) => p.post(`/modules/${quizModule.key}/quiz-attempts`, { idempotencyKey: key, answers: correctAnswers(quizModule.quiz.questions) }), touch);
    }
    expect(await count(t, `SELECT count(*) AS n FROM attempts WHERE enrolment_id = $1 AND kind = 'quiz'`, [p.enrolmentId])).toBe(2);
    expect(await count(t, `SELECT count(*) AS n FROM idempotency_keys WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(3 + 2 + module.lessons.length + next.lessons.length + 2); // pre (3), the two lesson keys, both modules, both quizzes
  });

  // As above: a second connection holds the row lock.
  (process.env.RESPETA_TEST_EMBEDDED_URL ? it.skip : it)('two different steps at once: each is applied to the other, none is lost', async () => {
    const p = await newLearner(t, 'TwoSteps');
    await p.pre();
    const [first, second] = modulesInOrder()[0]!.lessons;
    const blocker = new pg.Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    try {
      // Both read the journey before either writes (the lock holds their writes back): the write that comes second
      // must not store its step on the journey it read, which no longer holds the first step.
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM enrolments WHERE id = $1 FOR UPDATE', [p.enrolmentId]);
      const sent = Promise.all([p.post(`/lessons/${first!.key}/complete`), p.post(`/lessons/${second!.key}/complete`)].map((r) => r.then((res) => res)));
      await new Promise((r) => setTimeout(r, 300));
      await blocker.query('COMMIT');
      expect((await sent).map((a) => a.status)).toEqual([200, 200]);
    } finally {
      await blocker.end();
    }
    const read = (await p.get('/journey').expect(200)).body.snapshot.context.modules[0].lessonsRead;
    expect([...read].sort()).toEqual([first!.key, second!.key].sort());
  });

  it("answers 404 for another learner's enrolment, on reads and writes", async () => {
    const owner = await newLearner(t, 'Owner');
    const other = await login(t, DEMO.municipal);
    const intruder = new Player(t, other.token, owner.enrolmentId);
    await intruder.get('/journey').expect(404);
    await intruder.post('/consent', { evaluationUse: true }).expect(404);
    await intruder.get('/drafts/pre-knowledge').expect(404);
    expect((await owner.get('/journey')).body.stage).toBe('consent');
  });

  it('rejects malformed answers with 400 and stores nothing', async () => {
    const p = await newLearner(t, 'Malformed');
    await p.post('/consent', { evaluationUse: true }).expect(200);
    const item = course().knowledgeTest.items[0];
    const attitudeItem = course().attitudeInstrument.items[0].key;
    const cases: [string, Record<string, unknown>][] = [
      ['/assessments/pre/knowledge', { answers: { 'kt.no-such-item': ['a'] } }],
      ['/assessments/pre/knowledge', { answers: { [item.key]: 'a' } }],
      ['/assessments/pre/knowledge', { answers: { [item.key]: ['zz'] } }],
      ['/assessments/pre/attitude', { answers: { [attitudeItem]: 7 } }],
      ['/assessments/pre/attitude', { answers: { [attitudeItem]: '4' } }],
      ['/assessments/pre/attitude', { answers: { 'att.nope.01': 3 } }],
      ['/assessments/pre/attitude', { answers: [] }],
      ['/assessments/pre/attitude', { answers: likertAnswers(3), score: 100 }],
    ];
    for (const [path, body] of cases) {
      const res = await p.post(path, body);
      expect({ path, body, status: res.status, code: res.body.code }).toEqual({ path, body, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await count(t, `SELECT count(*) AS n FROM attempts WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(0);
    await p.post('/assessments/nope/knowledge', { answers: {} }).expect(400);
  });

  it('keeps draft answers across devices until submitted', async () => {
    const p = await newLearner(t, 'Draft');
    const item = course().knowledgeTest.items[0].key;
    await t.http().put(`/api/enrolments/${p.enrolmentId}/drafts/pre-knowledge`).set('Authorization', `Bearer ${p.token}`).send({ answers: { [item]: ['a'] } }).expect(200);
    const draft = await p.get('/drafts/pre-knowledge').expect(200);
    expect(draft.body.answers).toEqual({ [item]: ['a'] });
    await p.get('/drafts/not-a-target').expect(404);
    await p.post('/consent', { evaluationUse: true }).expect(200);
    await p.post('/assessments/pre/knowledge', { answers: draft.body.answers }).expect(200);
    expect((await p.get('/drafts/pre-knowledge')).body).toEqual({ answers: {}, updatedAt: null });
  });

  it('guards scenario steps: no scenario before its quiz, stale steps are refused', async () => {
    const p = await newLearner(t, 'Escena');
    await p.pre();
    const m = modulesInOrder();
    const withScenario = m.findIndex((mod) => mod.scenario);
    for (let i = 0; i < withScenario; i++) await p.module(i);
    const target = m[withScenario];
    const run = (await p.get(`/scenarios/${target.scenario}/run`).expect(200)).body;
    const early = await p.post(`/scenarios/${target.scenario}/choices`, { nodeKey: run.current.key, choiceKey: run.current.choices[0].key }).expect(409);
    expect(early.body.code).toBe('QUIZ_NOT_PASSED');
    for (const l of target.lessons) await p.post(`/lessons/${l.key}/complete`).expect(200);
    await p.post(`/modules/${target.key}/quiz-attempts`, { answers: correctAnswers(target.quiz.questions) }).expect(200);
    const step = await p.post(`/scenarios/${target.scenario}/choices`, { nodeKey: run.current.key, choiceKey: run.current.choices[0].key }).expect(200);
    expect(step.body.steps[0]).toMatchObject({ nodeKey: run.current.key, feedback: expect.any(String) });
    const stale = await p.post(`/scenarios/${target.scenario}/choices`, { nodeKey: run.current.key, choiceKey: run.current.choices[0].key }).expect(409);
    expect(stale.body.code).toBe('SCENARIO_STEP_MISMATCH');
    const bad = await p.post(`/scenarios/${target.scenario}/choices`, { nodeKey: step.body.current.key, choiceKey: 'zz' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('withdrawal of consent ends the journey', async () => {
    const p = await newLearner(t, 'Retiro');
    await p.pre();
    const res = await p.post('/withdraw').expect(200);
    expect(res.body.journey.stage).toBe('withdrawn');
    expect((await p.post(`/lessons/${modulesInOrder()[0].lessons[0].key}/complete`).expect(409)).body.code).toBe('WITHDRAWN');
  });

  it('declining consent before starting closes the course: nothing but the decision is recorded', async () => {
    const p = await newLearner(t, 'Declina');
    const res = await p.post('/withdraw').expect(200);
    expect(res.body.journey.stage).toBe('withdrawn');
    expect(res.body.journey.snapshot.context).toMatchObject({ consentedAt: null, withdrawnFrom: 'consent' });
    expect((await p.post('/consent', { evaluationUse: true }).expect(409)).body.code).toBe('WITHDRAWN');
    expect((await p.put('/evaluation-use', { evaluationUse: true }).expect(409)).body.code).toBe('WITHDRAWN');
    const [row] = await t.db.query(`SELECT evaluation_use FROM enrolments WHERE id = $1`, [p.enrolmentId]);
    expect(row.evaluation_use).toBeNull();
    expect(await count(t, `SELECT count(*) AS n FROM attempts WHERE enrolment_id = $1`, [p.enrolmentId])).toBe(0);
    const history = await t.db.query(`SELECT action, evaluation_use FROM consent_records WHERE enrolment_id = $1`, [p.enrolmentId]);
    expect(history).toEqual([{ action: 'withdrawn', evaluation_use: null }]);
  });

  it('consent is a choice: course only or with evaluation, recorded with the text version and changeable later', async () => {
    const p = await newLearner(t, 'Eleccion');
    expect((await p.post('/consent').expect(400)).body.code).toBe('VALIDATION_FAILED'); // no silent default
    expect((await p.put('/evaluation-use', { evaluationUse: true }).expect(409)).body.code).toBe('EVENT_NOT_ALLOWED'); // consent first
    await p.post('/consent', { evaluationUse: false }).expect(200);
    const mine = async () => (await t.http().get('/api/enrolments/mine').set('Authorization', `Bearer ${p.token}`).expect(200)).body[0];
    expect(await mine()).toMatchObject({ evaluationUse: false, consentVersion: course().consent.version });
    await p.put('/evaluation-use', { evaluationUse: true }).expect(200);
    expect(await mine()).toMatchObject({ evaluationUse: true });
    await p.post('/withdraw').expect(200);
    expect((await p.put('/evaluation-use', { evaluationUse: false }).expect(409)).body.code).toBe('WITHDRAWN');
    const history = await t.db.query(`SELECT action, evaluation_use, consent_version FROM consent_records WHERE enrolment_id = $1 ORDER BY id`, [p.enrolmentId]);
    expect(history).toEqual([
      { action: 'given', evaluation_use: false, consent_version: course().consent.version },
      { action: 'changed', evaluation_use: true, consent_version: course().consent.version },
      { action: 'withdrawn', evaluation_use: null, consent_version: course().consent.version },
    ]);
  });
});

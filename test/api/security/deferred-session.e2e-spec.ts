import { createHmac, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_CHECKED_WITH_WRITE } from '../../../apps/api/src/auth/auth.decorators';
import { JourneyController } from '../../../apps/api/src/journey/journey.controller';
import { correctAnswers, course, likertAnswers, modulesInOrder } from '../../support/course-player';
import { createTestApp, DEMO, login, type TestApp } from '../../support/test-app';

const SECRET = 'test-secret-test-secret-test-secret-0123456789'; // the test app's JWT_SECRET
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const sign = (payload: object) => {
  const data = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${data}.${createHmac('sha256', SECRET).update(data).digest('base64url')}`;
};
const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

/**
 * The learner's write routes check the session in their transaction's first statement, not in the guard
 * (@SessionCheckedWithWrite: one round trip less per submission). Whatever ended the session — logout, a disabled
 * account, a password change (token version), a token whose role is not the account's — each such route answers 401
 * and writes nothing, exactly as when the guard checked it.
 */
describe('security: routes whose transaction checks the session', () => {
  let t: TestApp;
  let enrolmentId: string;
  const m = modulesInOrder();
  const scenarioModule = m.find((x) => x.scenario)!;
  const scenario = course().scenarios.find((s) => s.key === scenarioModule.scenario)!;
  const key = () => randomUUID();
  // Every deferred route with a body its validation accepts: the session check must be what refuses it.
  const writes: { handler: string; method: 'post' | 'put'; path: string; body: () => object }[] = [
    { handler: 'consent', method: 'post', path: 'consent', body: () => ({ idempotencyKey: key(), evaluationUse: true }) },
    { handler: 'changeEvaluationUse', method: 'put', path: 'evaluation-use', body: () => ({ idempotencyKey: key(), evaluationUse: false }) },
    { handler: 'withdraw', method: 'post', path: 'withdraw', body: () => ({ idempotencyKey: key() }) },
    { handler: 'assessment', method: 'post', path: 'assessments/pre/knowledge', body: () => ({ idempotencyKey: key(), answers: correctAnswers(course().knowledgeTest.items) }) },
    { handler: 'completeLesson', method: 'post', path: `lessons/${m[0]!.lessons[0]!.key}/complete`, body: () => ({ idempotencyKey: key() }) },
    { handler: 'quiz', method: 'post', path: `modules/${m[0]!.key}/quiz-attempts`, body: () => ({ idempotencyKey: key(), answers: correctAnswers(m[0]!.quiz.questions) }) },
    { handler: 'choose', method: 'post', path: `scenarios/${scenario.key}/choices`, body: () => ({ idempotencyKey: key(), nodeKey: scenario.start, choiceKey: 'a' }) },
    { handler: 'followUp', method: 'post', path: 'follow-up', body: () => ({ idempotencyKey: key(), knowledge: correctAnswers(course().knowledgeTest.items), attitude: likertAnswers(3) }) },
    { handler: 'replay', method: 'post', path: 'submissions', body: () => ({ items: [{ kind: 'consent', idempotencyKey: key(), evaluationUse: true }] }) },
  ];
  /** What a write would change: the enrolment's row, its ledger, attempts and consent history. */
  const footprint = async () => (await t.db.query(
    `SELECT e.journey::text, e.evaluation_use, e.status, e.stage, e.consent_withdrawn_at::text,
            (SELECT count(*)::int FROM idempotency_keys WHERE enrolment_id = e.id) AS keys,
            (SELECT count(*)::int FROM attempts WHERE enrolment_id = e.id) AS attempts,
            (SELECT count(*)::int FROM consent_records WHERE enrolment_id = e.id) AS consents
       FROM enrolments e WHERE e.id = $1`, [enrolmentId]))[0];
  const send = (route: (typeof writes)[number], token: string) =>
    t.http()[route.method](`/api/enrolments/${enrolmentId}/${route.path}`).set('Authorization', `Bearer ${token}`).send(route.body());

  /** Every deferred route, with this token: 401, nothing written. */
  async function refusedEverywhere(token: string) {
    const before = await footprint();
    for (const route of writes) {
      const res = await send(route, token);
      expect({ route: route.path, status: res.status, code: res.body.code }).toEqual({ route: route.path, status: 401, code: 'UNAUTHENTICATED' });
    }
    expect(await footprint()).toEqual(before);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const s = await login(t, DEMO.police);
    enrolmentId = (await t.http().get('/api/enrolments/mine').set('Authorization', `Bearer ${s.token}`).expect(200)).body[0].id;
  });
  afterAll(() => t.close());

  it('lists every route marked @SessionCheckedWithWrite, and only the journey controller uses the mark', () => {
    const marked = Object.getOwnPropertyNames(JourneyController.prototype)
      .filter((name) => Reflect.getMetadata(SESSION_CHECKED_WITH_WRITE, (JourneyController.prototype as unknown as Record<string, object>)[name]!));
    expect(marked.sort()).toEqual(writes.map((w) => w.handler).sort());
    const src = join(__dirname, '../../../apps/api/src');
    const users = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && readFileSync(join(src, f), 'utf8').includes('@SessionCheckedWithWrite()'));
    expect(users).toEqual([join('journey', 'journey.controller.ts')]);
  });

  it('a live session passes (the bodies are good: the check is what refuses them below)', async () => {
    const s = await login(t, DEMO.police);
    const consent = writes.find((w) => w.handler === 'consent')!;
    expect((await send(consent, s.token)).status).toBe(200);
  });

  it('after logout: 401 on every route, nothing written', async () => {
    const s = await login(t, DEMO.police);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${s.token}`).expect(204);
    await refusedEverywhere(s.token);
  });

  it('after a password change (the account version moved): 401 on every route, nothing written', async () => {
    const s = await login(t, DEMO.police);
    await t.db.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [s.userId]);
    try {
      await refusedEverywhere(s.token);
    } finally {
      await t.db.query(`UPDATE users SET token_version = token_version - 1 WHERE id = $1`, [s.userId]);
    }
  });

  it("a token claiming a role that is not the account's: 401 before the enrolment is even looked at", async () => {
    const trainer = await login(t, DEMO.trainer);
    const claims = decode(trainer.token);
    await refusedEverywhere(sign({ ...claims, role: 'learner' }));
  });

  it('a disabled account: 401 on every route, nothing written', async () => {
    const s = await login(t, DEMO.police);
    // Disabled straight in the table (disabling through the API revokes the sessions too, which the logout case covers).
    await t.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [s.userId]);
    try {
      await refusedEverywhere(s.token);
    } finally {
      await t.db.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [s.userId]);
    }
  });
});

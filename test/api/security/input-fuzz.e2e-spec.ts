import { randomUUID } from 'node:crypto';
import { course, modulesInOrder } from '../../support/course-player';
import { fill, type Route, routesOf } from '../../support/openapi-routes';
import { createTestApp, DEMO, login, type TestApp } from '../../support/test-app';

/**
 * Every request body in the OpenAPI document is attacked: fields that must never be client-controlled (mass
 * assignment), wrong types, missing fields, huge strings, deep objects, unicode, SQL and script payloads.
 * The API must answer 4xx with a `code` (never 5xx), and a rejected request must write nothing.
 */
const MASS_ASSIGNMENT = { role: 'admin', score: 100, passed: true, userId: randomUUID(), cohortId: randomUUID(), version: 99, courseVersionId: randomUUID(), status: 'published', tokenVersion: 0 };

function deep(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}
const HOSTILE: unknown[] = [
  123, -1, 1e308, true, null, [], {}, ['a', 1, null], 'x'.repeat(150_000), deep(2000),
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u0000 \u202e ñandú', "' OR 1=1; DROP TABLE users; --", '<script>alert(1)</script>', '{{7*7}}', '__proto__',
];

jest.setTimeout(180_000);

describe('security: mass assignment and fuzzing of every request body', () => {
  let t: TestApp;
  let routes: Route[];
  let schemas: Awaited<ReturnType<typeof routesOf>>['schemas'];
  const tokens: Record<string, string> = {};
  const values: Record<string, string> = {};

  const snapshot = async () =>
    JSON.stringify(await t.db.query(`SELECT
      (SELECT count(*) FROM users) u, (SELECT max(updated_at) FROM users) uu, (SELECT count(*) FROM enrolments) e,
      (SELECT count(*) FROM attempts) a, (SELECT count(*) FROM responses) r, (SELECT count(*) FROM cohorts) c,
      (SELECT max(updated_at) FROM cohorts) cu, (SELECT count(*) FROM invite_codes) i, (SELECT count(*) FROM course_versions) v,
      (SELECT max(updated_at) FROM course_versions) vu, (SELECT count(*) FROM answer_drafts) d, (SELECT count(*) FROM idempotency_keys) k,
      (SELECT count(*) FROM auth_sessions) s`));

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_IP_MAX_FAILURES: '100000', LOGIN_ACCOUNT_MAX_FAILURES: '100000' });
    tokens.learner = (await login(t, DEMO.police)).token;
    tokens.trainer = (await login(t, DEMO.trainer)).token;
    tokens.admin = (await login(t, DEMO.admin)).token;
    const mine = await t.http().get('/api/enrolments/mine').set('Authorization', `Bearer ${tokens.learner}`).expect(200);
    const [cohort] = await t.db.query(`SELECT id FROM cohorts LIMIT 1`);
    const [code] = await t.db.query(`SELECT id FROM invite_codes LIMIT 1`);
    const [courseRow] = await t.db.query(`SELECT id FROM courses LIMIT 1`);
    const draft = await t.http().post(`/api/courses/${courseRow.id}/draft`).set('Authorization', `Bearer ${tokens.admin}`).expect(200);
    const [learner] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [DEMO.municipal.email]);
    const m = modulesInOrder();
    const scenarioKey = m.find((x) => x.scenario)!.scenario!;
    Object.assign(values, {
      enrolmentId: mine.body[0].id, cohortId: cohort.id, codeId: code.id, courseId: courseRow.id, versionId: draft.body.id, id: learner.id,
      lessonKey: m[0].lessons[0].key, moduleKey: m[0].key, scenarioKey, nodeKey: 'n1', target: 'pre-knowledge', wave: 'pre', part: 'attitude',
      table: 'scores', questionKey: m[0].quiz.questions[0].key, itemKey: course().attitudeInstrument.items[0].key, kind: 'attitude-item', code: 'AAAA-BBBB-CCCC',
    });
    ({ routes, schemas } = await routesOf(t));
  });
  afterAll(() => t.close());

  const tokenFor = (path: string) =>
    path.startsWith('/api/enrolments') || path === '/api/auth/password' || path === '/api/users/me' ? tokens.learner
      : path.startsWith('/api/cohorts') && !path.endsWith('/trainer') ? tokens.trainer : tokens.admin;

  const propsOf = (route: Route): Record<string, unknown> => {
    const ref = route.bodySchema?.$ref?.split('/').pop();
    return (ref ? schemas[ref]?.properties : route.bodySchema?.properties) ?? {};
  };

  const send = (route: Route, body: unknown) =>
    t.http()[route.method](fill(route.path, values)).set('Authorization', `Bearer ${tokenFor(route.path)}`).send(body as object);

  it('rejects fields the client must never set, naming them, and writes nothing', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.hasBody)) {
      const props = propsOf(route);
      const injected = Object.fromEntries(Object.entries(MASS_ASSIGNMENT).filter(([k]) => !(k in props)));
      const before = await snapshot();
      const res = await send(route, { idempotencyKey: randomUUID(), ...injected });
      const after = await snapshot();
      const named = Object.keys(injected).every((k) => String(res.body?.message).includes(`${k}: this field is not allowed`));
      if (res.status !== 400 || res.body?.code !== 'VALIDATION_FAILED' || !named || before !== after) {
        failures.push(`${route.method.toUpperCase()} ${route.path} → ${res.status} ${res.body?.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers hostile values in every field with a 4xx and a code, never a 5xx, writing nothing when rejected', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes.filter((r) => r.hasBody)) {
      const props = Object.keys(propsOf(route));
      const variants: unknown[] = [{}, [], 'text', ...props.flatMap((p) => HOSTILE.map((v) => ({ idempotencyKey: randomUUID(), [p]: v })))];
      for (const body of variants) {
        const before = await snapshot();
        const res = await send(route, body);
        requests++;
        if (res.status >= 500 || res.status < 200) failures.push(`${route.method.toUpperCase()} ${route.path} ${JSON.stringify(body).slice(0, 80)} → ${res.status}`);
        else if (res.status >= 400) {
          if (typeof res.body?.code !== 'string') failures.push(`${route.path} → ${res.status} without code`);
          if ((await snapshot()) !== before) failures.push(`${route.path} ${JSON.stringify(body).slice(0, 80)} → ${res.status} but wrote data`);
        }
      }
    }
    expect(requests).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });

  it('stores hostile text verbatim where text is allowed (and the API returns it as data, not markup)', async () => {
    const name = '<img src=x onerror="alert(1)"> Robert\'); DROP TABLE users;--';
    const res = await t.http().patch('/api/users/me').set('Authorization', `Bearer ${tokens.learner}`).send({ displayName: name }).expect(200);
    expect(res.body.displayName).toBe(name);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users`);
    expect(n).toBeGreaterThan(0);
  });
});

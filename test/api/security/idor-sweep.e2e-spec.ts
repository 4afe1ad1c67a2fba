import { randomUUID } from 'node:crypto';
import { course, likertAnswers, modulesInOrder } from '../../support/course-player';
import { fill, type Route, routesOf } from '../../support/openapi-routes';
import { createTestApp, DEMO, login, type TestApp } from '../../support/test-app';

type Who = 'learnerA' | 'learnerB' | 'trainerA' | 'trainerB' | 'admin';

/**
 * IDOR sweep generated from the OpenAPI document: every route that names a resource is called by users who do not
 * own it, with a valid body, and must answer 403 or 404 without data. A new route with a new kind of path parameter
 * fails this suite until its owner rule is declared below.
 */
const OWNERS: Record<string, Who[]> = {
  enrolmentId: ['learnerA'], // a learner's own enrolment (trainers use cohort routes)
  cohortId: ['trainerA', 'admin'],
  codeId: ['trainerA', 'admin'],
  id: ['admin'], // users/{id}
  courseId: ['trainerA', 'trainerB', 'admin'], // course content is shared among staff, never learners
  versionId: ['trainerA', 'trainerB', 'admin'],
  requestId: ['admin'], // privacy/deletion-requests/{requestId}: only admins confirm or reject
  userId: ['admin'], // privacy/users/{userId}/data: a person's data, for admins answering a request made outside the app
  studyId: ['trainerA', 'admin'], // studies/{studyId}: the evaluator who created it (trainer A, granted the permission), admins
};
const PUBLIC = new Set(['/api/certificates/{code}']);

describe('security: IDOR sweep over every route with an id', () => {
  let t: TestApp;
  const tokens = {} as Record<Who, string>;
  const values: Record<string, string> = {};
  let routes: Route[];

  beforeAll(async () => {
    t = await createTestApp();
    tokens.learnerA = (await login(t, DEMO.police)).token;
    tokens.learnerB = (await login(t, DEMO.municipal)).token;
    tokens.trainerA = (await login(t, DEMO.trainer)).token;
    tokens.admin = (await login(t, DEMO.admin)).token;
    await t.http().post('/api/users').set('Authorization', `Bearer ${tokens.admin}`).send({ email: 'trainer.b@respeta.demo', displayName: 'B', password: 'trainer b secret 2026', role: 'trainer' }).expect(201);
    tokens.trainerB = (await login(t, { email: 'trainer.b@respeta.demo', password: 'trainer b secret 2026' })).token;

    const mine = await t.http().get('/api/enrolments/mine').set('Authorization', `Bearer ${tokens.learnerA}`).expect(200);
    const [cohort] = await t.db.query(`SELECT id FROM cohorts LIMIT 1`);
    const [code] = await t.db.query(`SELECT id, code FROM invite_codes LIMIT 1`);
    const [courseRow] = await t.db.query(`SELECT id FROM courses LIMIT 1`);
    const [version] = await t.db.query(`SELECT id FROM course_versions LIMIT 1`);
    const [learnerA] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [DEMO.police.email]);
    const m = modulesInOrder();
    const scenarioModule = m.find((x) => x.scenario)!;
    const scenario = course().scenarios.find((s) => s.key === scenarioModule.scenario)!;
    Object.assign(values, {
      enrolmentId: mine.body[0].id, cohortId: cohort.id, codeId: code.id, courseId: courseRow.id, versionId: version.id, id: learnerA.id,
      lessonKey: m[0].lessons[0].key, moduleKey: m[0].key, scenarioKey: scenario.key, nodeKey: scenario.start, target: 'pre-knowledge',
      wave: 'pre', part: 'attitude', table: 'scores', questionKey: m[0].quiz.questions[0].key, itemKey: course().attitudeInstrument.items[0].key, kind: 'attitude-item',
      code: 'AAAA-BBBB-CCCC',
    });
    // A pending deletion request of learner A (non-admins must not be able to confirm it).
    const request = await t.http().post('/api/me/deletion-request').set('Authorization', `Bearer ${tokens.learnerA}`).send({ certificateChoice: 'keep' }).expect(201);
    Object.assign(values, { requestId: request.body.id, userId: learnerA.id });
    // A study of trainer A's (granted the evaluator permission) over their cohort and a second one.
    const [trainerA] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [DEMO.trainer.email]);
    await t.http().patch(`/api/users/${trainerA.id}/evaluator`).set('Authorization', `Bearer ${tokens.admin}`).send({ canEvaluate: true }).expect(200);
    const [second] = await t.db.query(`INSERT INTO cohorts (name, trainer_id) VALUES ('Segunda', $1) RETURNING id`, [trainerA.id]);
    const study = await t.http().post('/api/studies').set('Authorization', `Bearer ${tokens.trainerA}`).send({
      name: 'Estudio', assignment: 'hand', cohorts: [{ cohortId: cohort.id, arm: 'treated' }, { cohortId: second.id, arm: 'waitlist' }],
      baselineOn: '2030-01-01', treatedPostOn: '2030-02-01', secondBaselineOn: '2030-02-01',
    }).expect(201);
    Object.assign(values, { studyId: study.body.id });
    ({ routes } = await routesOf(t));
  });
  afterAll(() => t.close());

  /** A valid body for each route that takes one, so a denial cannot hide behind a validation error. */
  function bodyFor(route: Route): object {
    const key = `${route.method.toUpperCase()} ${route.path}`;
    const bodies: Record<string, object> = {
      'POST /api/auth/password': { currentPassword: 'x-x-x-x-x', newPassword: 'y-y-y-y-y-y-y' },
      'PATCH /api/users/me': { displayName: 'Cambio' },
      'PATCH /api/users/{id}/permissions': { canEditContent: true },
      'PATCH /api/users/{id}/evaluator': { canEvaluate: true },
      'POST /api/users': { email: `n${randomUUID().slice(0, 6)}@respeta.demo`, displayName: 'N', password: 'new staff secret 2026', role: 'trainer' },
      'PUT /api/course-versions/{versionId}/content': { content: {} },
      'PATCH /api/course-versions/{versionId}/lessons/{lessonKey}': { title: { es: 'T', en: 'T' } },
      'PATCH /api/course-versions/{versionId}/questions/{questionKey}': { prompt: { es: 'P', en: 'P' } },
      'PATCH /api/course-versions/{versionId}/attitude-items/{itemKey}': { text: { es: 'T', en: 'T' } },
      'POST /api/course-versions/{versionId}/publish': { changeNote: { es: 'Nota', en: 'Note' } },
      'PUT /api/course-versions/{versionId}/items/{kind}/{itemKey}': { baseRevision: 0, value: course().attitudeInstrument.items[0] },
      'POST /api/course-versions/{versionId}/items/{kind}/{itemKey}/confirm-translation': { textId: 'text', locale: 'en' },
      'POST /api/courses/{courseId}/import': { files: { 'course.yaml': 'key: gbv-response' } },
      'POST /api/cohorts/{cohortId}/course-version': { courseVersionId: values.versionId },
      'POST /api/enrolments/{enrolmentId}/assessments/{wave}/{part}': { idempotencyKey: randomUUID(), answers: likertAnswers(3) },
      'POST /api/enrolments/{enrolmentId}/modules/{moduleKey}/quiz-attempts': { idempotencyKey: randomUUID(), answers: {} },
      'POST /api/enrolments/{enrolmentId}/scenarios/{scenarioKey}/choices': { idempotencyKey: randomUUID(), nodeKey: 'n1', choiceKey: 'a' },
      'POST /api/enrolments/{enrolmentId}/follow-up': { idempotencyKey: randomUUID(), knowledge: {}, attitude: {} },
      'PUT /api/enrolments/{enrolmentId}/drafts/{target}': { answers: { x: ['a'] } },
      'PUT /api/enrolments/{enrolmentId}/action-plan': { commitments: ['uno', 'dos', 'tres'] },
      'PUT /api/enrolments/{enrolmentId}/action-plan/follow-up': { status: ['done', 'partly', 'not_yet'] },
      'POST /api/enrolments/{enrolmentId}/consent': { idempotencyKey: randomUUID(), evaluationUse: true },
      'POST /api/enrolments/{enrolmentId}/submissions': { items: [{ kind: 'consent', idempotencyKey: randomUUID(), evaluationUse: true }] },
      'PUT /api/enrolments/{enrolmentId}/evaluation-use': { idempotencyKey: randomUUID(), evaluationUse: false },
      'PATCH /api/cohorts/{cohortId}': { name: 'Renombrada' },
      'PUT /api/cohorts/{cohortId}/trainer': { trainerId: values.id },
      'POST /api/cohorts/{cohortId}/invite-codes': { maxUses: 3 },
    };
    if (key in bodies) return bodies[key];
    if (/\/enrolments\/\{enrolmentId\}\//.test(route.path)) return { idempotencyKey: randomUUID() };
    throw new Error(`No valid body declared for ${key}: add one to the IDOR sweep.`);
  }

  it('covers every parameterised route', () => {
    const parameterised = routes.filter((r) => r.params.some((p) => p in OWNERS) && !PUBLIC.has(r.path));
    expect(parameterised.length).toBeGreaterThan(30);
    for (const r of routes.filter((x) => x.params.length > 0 && !PUBLIC.has(x.path))) {
      expect({ route: r.path, owned: r.params.some((p) => p in OWNERS) }).toEqual({ route: r.path, owned: true });
    }
  });

  it('denies every non-owner with 403/404 and returns no data', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (PUBLIC.has(route.path) || !route.params.some((p) => p in OWNERS)) continue;
      // The first owned parameter is the resource root (e.g. /cohorts/{cohortId}/enrolments/{enrolmentId}: the cohort).
      const allowed = new Set(OWNERS[route.params.find((p) => p in OWNERS)!]);
      for (const who of (Object.keys(tokens) as Who[]).filter((w) => !allowed.has(w))) {
        const req = t.http()[route.method](fill(route.path, values)).set('Authorization', `Bearer ${tokens[who]}`);
        const res = route.hasBody ? await req.send(bodyFor(route)) : await req;
        const leaked = res.body && typeof res.body === 'object' && !('code' in res.body) && Object.keys(res.body).length > 0;
        if (![403, 404].includes(res.status) || leaked || (res.text && res.headers['content-type']?.includes('csv'))) {
          failures.push(`${who} ${route.method.toUpperCase()} ${route.path} → ${res.status} ${String(res.text ?? res.headers["content-type"]).slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

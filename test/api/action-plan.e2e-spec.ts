import { unzipSync } from 'fflate';
import { modulesInOrder, Player, newLearner } from '../support/course-player';
import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

// The closing lesson's private action plan: only its author reads it; staff see a count, never the text.

const PLAN_A = ['Tomaré cada denuncia sin preguntar por el trabajo — ALFA-7731', 'Usaré el nombre social en el parte — BETA-7731', 'Hablaré con mi supervisora — GAMA-7731'];
const PLAN_COURSE_ONLY = ['Compromiso solo curso uno DELTA-5512', 'Compromiso solo curso dos DELTA-5513', 'Compromiso solo curso tres DELTA-5514'];
const PLAN_WITHDRAWN = ['Compromiso retirado uno OMEGA-9901', 'Compromiso retirado dos OMEGA-9902', 'Compromiso retirado tres OMEGA-9903'];
const SECRETS = [...PLAN_A, ...PLAN_COURSE_ONLY, ...PLAN_WITHDRAWN];

describe('the action plan (private to the learner)', () => {
  let t: TestApp;
  let rosa: Player;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const plan = (p: Player, enrolmentId = p.enrolmentId, token = p.token) => ({
    get: () => t.http().get(`/api/enrolments/${enrolmentId}/action-plan`).set(auth(token)),
    put: (body: unknown) => t.http().put(`/api/enrolments/${enrolmentId}/action-plan`).set(auth(token)).send(body as object),
    followUp: (body: unknown) => t.http().put(`/api/enrolments/${enrolmentId}/action-plan/follow-up`).set(auth(token)).send(body as object),
  });

  beforeAll(async () => {
    t = await createTestApp();
    // Follow-up opens at once in this cohort so the whole path can be tested.
    await t.db.query(`UPDATE cohorts SET follow_up_days = 0`);
    rosa = await newLearner(t, 'Rosa');
  });
  afterAll(() => t.close());

  it('is empty until written, and refused before consent', async () => {
    expect((await plan(rosa).get().expect(200)).body).toEqual({ commitments: null, followUpStatus: null, updatedAt: null });
    const early = await plan(rosa).put({ commitments: PLAN_A }).expect(409);
    expect(early.body.code).toBe('EVENT_NOT_ALLOWED');
    await rosa.pre();
  });

  it('saves trimmed, reads back, and a second PUT replaces the first (one row)', async () => {
    const first = await plan(rosa).put({ commitments: ['  uno  ', 'dos', 'tres'] }).expect(200);
    expect(first.body).toMatchObject({ commitments: ['uno', 'dos', 'tres'], followUpStatus: null, updatedAt: expect.any(String) });
    await plan(rosa).put({ commitments: PLAN_A }).expect(200);
    await plan(rosa).put({ commitments: PLAN_A }).expect(200);
    expect((await plan(rosa).get().expect(200)).body.commitments).toEqual(PLAN_A);
    const rows = await t.db.query(`SELECT commitments FROM action_plans WHERE enrolment_id = $1`, [rosa.enrolmentId]);
    expect(rows).toEqual([{ commitments: PLAN_A }]);
    // 500 characters after trimming is the limit, not before it.
    await plan(rosa).put({ commitments: [`  ${'a'.repeat(500)}  `, 'b', 'c'] }).expect(200);
    await plan(rosa).put({ commitments: PLAN_A }).expect(200);
  });

  it.each([
    ['two commitments', { commitments: ['a', 'b'] }, /exactly three/],
    ['four commitments', { commitments: ['a', 'b', 'c', 'd'] }, /exactly three/],
    ['a blank commitment', { commitments: ['a', '   ', 'c'] }, /commitments\[1\]: write the commitment/],
    ['a commitment over 500 characters', { commitments: ['a', 'b', 'c'.repeat(501)] }, /commitments\[2\]: at most 500 characters \(got 501\)/],
    ['a number instead of text', { commitments: ['a', 2, 'c'] }, /each commitment must be a text/],
    ['no list at all', { commitments: 'a, b, c' }, /list of three/],
    ['an unknown field', { commitments: ['a', 'b', 'c'], owner: 'x' }, /owner: this field is not allowed/],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_, body, message) => {
    const res = await plan(rosa).put(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
    expect((await plan(rosa).get()).body.commitments).toEqual(PLAN_A);
  });

  it('is invisible to another learner (404, as for any enrolment that is not theirs) and to staff (403)', async () => {
    const other = await newLearner(t, 'Otra');
    for (const res of [await plan(rosa, rosa.enrolmentId, other.token).get(), await plan(rosa, rosa.enrolmentId, other.token).put({ commitments: ['x', 'y', 'z'] }),
      await plan(rosa, rosa.enrolmentId, other.token).followUp({ status: ['done', 'done', 'done'] })]) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect(JSON.stringify(res.body)).not.toContain('7731');
    }
    for (const who of [DEMO.trainer, DEMO.admin]) {
      const staff = await login(t, who);
      const res = await plan(rosa, rosa.enrolmentId, staff.token).get();
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('7731');
    }
    expect((await plan(rosa).get()).body.commitments).toEqual(PLAN_A);
  });

  it('takes the follow-up self-assessment only once the follow-up is open', async () => {
    const closed = await plan(rosa).followUp({ status: ['done', 'partly', 'not_yet'] }).expect(409);
    expect(closed.body.code).toBe('FOLLOW_UP_NOT_OPEN');
    const modules = modulesInOrder();
    for (let i = 0; i < modules.length; i++) await rosa.module(i);
    await plan(rosa).followUp({ status: ['done', 'partly', 'not_yet'] }).expect(409);
    await rosa.post_();
    expect((await rosa.get('/journey')).body.stage).toBe('followUp');
    const bad = await plan(rosa).followUp({ status: ['done', 'maybe', 'not_yet'] }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/done, partly or not_yet/) });
    await plan(rosa).followUp({ status: ['done'] }).expect(400);
    const saved = await plan(rosa).followUp({ status: ['done', 'partly', 'not_yet'] }).expect(200);
    expect(saved.body).toMatchObject({ commitments: PLAN_A, followUpStatus: ['done', 'partly', 'not_yet'] });
    await plan(rosa).followUp({ status: ['done', 'done', 'partly'] }).expect(200);
    expect((await plan(rosa).get()).body.followUpStatus).toEqual(['done', 'done', 'partly']);
  });

  it('refuses the follow-up answer when no plan was written', async () => {
    const none = await newLearner(t, 'Sinplan');
    await none.pre();
    for (let i = 0; i < modulesInOrder().length; i++) await none.module(i);
    await none.post_();
    const res = await plan(none).followUp({ status: ['done', 'done', 'done'] }).expect(409);
    expect(res.body.code).toBe('CONFLICT');
  });

  it('is refused with 409 WITHDRAWN after the learner withdraws (and still readable by its author)', async () => {
    const gone = await newLearner(t, 'Retirada');
    await gone.pre();
    await plan(gone).put({ commitments: PLAN_WITHDRAWN }).expect(200);
    await gone.post('/withdraw').expect(200);
    const res = await plan(gone).put({ commitments: ['x', 'y', 'z'] }).expect(409);
    expect(res.body.code).toBe('WITHDRAWN');
    expect((await plan(gone).followUp({ status: ['done', 'done', 'done'] }).expect(409)).body.code).toBe('WITHDRAWN');
    expect((await plan(gone).get().expect(200)).body.commitments).toEqual(PLAN_WITHDRAWN);
  });

  it('reaches staff only as a count of learners in the statistics: never the text, never a course-only plan', async () => {
    const courseOnly = await newLearner(t, 'Solocurso');
    await courseOnly.post('/consent', { evaluationUse: false }).expect(200);
    await plan(courseOnly).put({ commitments: PLAN_COURSE_ONLY }).expect(200);

    const trainer = await login(t, DEMO.trainer);
    const cohorts = (await t.http().get('/api/cohorts').set(auth(trainer.token)).expect(200)).body as { id: string }[];
    const cohortId = cohorts[0]!.id;
    const report = await t.http().get(`/api/cohorts/${cohortId}/report`).set(auth(trainer.token)).expect(200);
    expect(report.body.participation.actionPlans).toBe(1);
    const bodies: string[] = [JSON.stringify(report.body)];
    bodies.push(JSON.stringify((await t.http().get(`/api/cohorts/${cohortId}/roster`).set(auth(trainer.token)).expect(200)).body));
    bodies.push(JSON.stringify((await t.http().get(`/api/cohorts/${cohortId}`).set(auth(trainer.token)).expect(200)).body));
    const admin = await login(t, DEMO.admin);
    const combined = await t.http().get(`/api/reports/combined?cohortIds=${cohortId}`).set(auth(admin.token)).expect(200);
    expect(combined.body.participation.actionPlans).toBe(1);
    bodies.push(JSON.stringify(combined.body));
    const zip = await t.http().get(`/api/cohorts/${cohortId}/exports/bundle.zip`).set(auth(trainer.token))
      .buffer(true).parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); })
      .expect(200);
    for (const bytes of Object.values(unzipSync(new Uint8Array(zip.body as Buffer)))) bodies.push(Buffer.from(bytes).toString('utf8'));
    for (const body of bodies) {
      for (const secret of SECRETS) expect({ secret, leaked: body.includes(secret) }).toEqual({ secret, leaked: false });
      expect(body).not.toMatch(/ALFA-7731|DELTA-551|OMEGA-990/);
    }
  });
});

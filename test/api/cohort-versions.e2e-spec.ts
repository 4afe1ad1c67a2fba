import { randomUUID } from 'node:crypto';
import { type MarkdownNode, markdownText } from '#curriculum';
import { modulesInOrder } from '../support/course-player';
import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A cohort moves to a newer course version: learners who have not started move, the others stay pinned. */
describe('cohort course versions', () => {
  let t: TestApp;
  let admin: string;
  let trainer: string;
  let cohortId: string;
  let v1: string;
  let v2: string;
  const started = { token: '', enrolment: '' };
  const waiting = { token: '', enrolment: '' };
  const lessonKey = modulesInOrder()[0]!.lessons[0]!.key;
  const NEW_PARAGRAPH = 'Párrafo nuevo: la Ley 32535 no cambia el deber de recibir toda denuncia.';
  const NEW_PARAGRAPH_EN = 'New paragraph: Law 32535 does not change the duty to take every complaint.';

  const enrolmentOf = async (token: string) => (await t.http().get('/api/enrolments/mine').set(auth(token)).expect(200)).body[0];
  const lessonBody = async (who: { token: string; enrolment: string }) =>
    markdownText((await t.http().get(`/api/enrolments/${who.enrolment}/lessons/${lessonKey}`).set(auth(who.token)).expect(200)).body.body as MarkdownNode[]);
  const consent = (who: { token: string; enrolment: string }) =>
    t.http().post(`/api/enrolments/${who.enrolment}/consent`).set(auth(who.token)).send({ idempotencyKey: randomUUID(), evaluationUse: true });

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await login(t, DEMO.admin)).token;
    trainer = (await login(t, DEMO.trainer)).token;
    started.token = (await login(t, DEMO.police)).token;
    waiting.token = (await login(t, DEMO.municipal)).token;
    started.enrolment = (await enrolmentOf(started.token)).id;
    waiting.enrolment = (await enrolmentOf(waiting.token)).id;
    [{ id: cohortId }] = await t.db.query(`SELECT cohort_id AS id FROM enrolments WHERE id = $1`, [started.enrolment]);
    await consent(started).expect(200);
    // A refused step (lessons before consent) records nothing: this learner has still not started.
    await t.http().post(`/api/enrolments/${waiting.enrolment}/lessons/${lessonKey}/complete`).set(auth(waiting.token)).send({ idempotencyKey: randomUUID() }).expect(409);

    const [summary] = (await t.http().get('/api/courses').set(auth(admin))).body;
    v1 = summary.latestPublished.id;
    const draft = (await t.http().post(`/api/courses/${summary.id}/draft`).set(auth(admin)).expect(200)).body;
    const lesson = structuredClone(modulesInOrder()[0]!.lessons[0]!);
    lesson.body = { es: `${lesson.body.es}\n\n${NEW_PARAGRAPH}`, en: `${lesson.body.en}\n\n${NEW_PARAGRAPH_EN}` };
    await t.http().put(`/api/course-versions/${draft.id}/items/lesson/${lessonKey}`).set(auth(admin)).send({ baseRevision: 0, value: lesson }).expect(200);
    v2 = (await t.http().post(`/api/course-versions/${draft.id}/publish`).set(auth(admin))
      .send({ changeNote: { es: 'Nuevo párrafo sobre la Ley 32535.', en: 'New paragraph on Law 32535.' } }).expect(200)).body.id;
  });
  afterAll(() => t.close());

  it('shows which version the learners are on and what changed in the newer one', async () => {
    const state = (await t.http().get(`/api/cohorts/${cohortId}/course-version`).set(auth(trainer)).expect(200)).body;
    expect(state.learners).toEqual([{ versionId: v1, version: 1, learners: 3, notStarted: 2 }]);
    expect(state.baseVersion).toBe(1);
    expect(state.newer).toEqual([expect.objectContaining({
      id: v2, version: 2, changeNote: { es: 'Nuevo párrafo sobre la Ley 32535.', en: 'New paragraph on Law 32535.' },
      changes: [expect.objectContaining({ kind: 'lesson', key: lessonKey, change: 'changed' })],
    })]);
  });

  it('moves the learners who have not started; the one who has keeps version 1', async () => {
    const moved = (await t.http().post(`/api/cohorts/${cohortId}/course-version`).set(auth(trainer)).send({ courseVersionId: v2 }).expect(200)).body;
    expect(moved).toMatchObject({ moved: 2, stayed: 1 });
    expect(moved.state).toMatchObject({ currentVersionId: v2, currentVersion: 2, fixed: true });
    expect(moved.state.learners).toEqual([
      { versionId: v1, version: 1, learners: 1, notStarted: 0 },
      { versionId: v2, version: 2, learners: 2, notStarted: 2 },
    ]);
    expect(await lessonBody(waiting)).toContain(NEW_PARAGRAPH);
    expect(await lessonBody(started)).not.toContain(NEW_PARAGRAPH);
    expect((await enrolmentOf(started.token)).version).toBe(1);
  });

  it('tells a learner whose version moved under a remembered one to try again, then accepts on the new version', async () => {
    const refused = await consent(waiting).expect(409);
    expect(refused.body.code).toBe('COURSE_VERSION_MOVED');
    const accepted = await consent(waiting).expect(200);
    expect(accepted.body.journey.courseVersionId).toBe(v2);
    // The learner on version 1 goes on there.
    const next = await t.http().post(`/api/enrolments/${started.enrolment}/assessments/pre/knowledge`).set(auth(started.token)).send({ idempotencyKey: randomUUID(), answers: {} }).expect(200);
    expect(next.body.journey.courseVersionId).toBe(v1);
  });

  it('never moves a cohort back, and keeps other trainers out', async () => {
    const back = await t.http().post(`/api/cohorts/${cohortId}/course-version`).set(auth(trainer)).send({ courseVersionId: v1 }).expect(409);
    expect(back.body.code).toBe('VERSION_NOT_NEWER');
    await t.http().post(`/api/cohorts/${cohortId}/course-version`).set(auth(trainer)).send({ courseVersionId: randomUUID() }).expect(404);
    await t.http().post('/api/users').set(auth(admin)).send({ email: 'otra.formadora@respeta.demo', displayName: 'Otra', password: 'otra formadora 2026', role: 'trainer' }).expect(201);
    const other = (await login(t, { email: 'otra.formadora@respeta.demo', password: 'otra formadora 2026' })).token;
    await t.http().get(`/api/cohorts/${cohortId}/course-version`).set(auth(other)).expect(404);
    await t.http().post(`/api/cohorts/${cohortId}/course-version`).set(auth(other)).send({ courseVersionId: v2 }).expect(404);
    await t.http().get(`/api/cohorts/${cohortId}/course-version`).set(auth(started.token)).expect(403);
  });
});

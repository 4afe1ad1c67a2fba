import { correctAnswers, likertAnswers, modulesInOrder, newLearner, Player } from '../support/course-player';
import { createReplica, createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * A replica starts a learner's next submission from the row it wrote last, without reading it
 * (RememberedEnrolments). Whatever changed the row or what it was computed from since must still count: another
 * replica's writes, a logout, the cohort's settings.
 */
describe('submissions from a remembered row', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createReplica(a, {});
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const journeyOf = async (p: Player) => (await p.get('/journey').expect(200)).body;

  it("another replica's steps count: a step they made possible is accepted, and none is lost", async () => {
    const p = await newLearner(a, 'Remembered');
    await p.pre(); // replica a remembers the row after the pre-assessment
    const module = modulesInOrder()[0]!;
    const onB = new Player(b, p.token, p.enrolmentId);
    for (const lesson of module.lessons) await onB.post(`/lessons/${lesson.key}/complete`).expect(200);
    // Replica a's row still has no lesson read: from it, the quiz would be refused.
    const quiz = await p.post(`/modules/${module.key}/quiz-attempts`, { answers: correctAnswers(module.quiz.questions) }).expect(200);
    expect(quiz.body.grade.passed).toBe(true);
    const progress = (await journeyOf(p)).snapshot.context.modules[0];
    expect([...progress.lessonsRead].sort()).toEqual(module.lessons.map((l) => l.key).sort());
    expect(progress.quiz.passed).toBe(true);
    // And back on b, which remembers its own older row: the next lesson is read from the module a just unlocked.
    const next = modulesInOrder()[1]!;
    await onB.post(`/lessons/${next.lessons[0]!.key}/complete`).expect(200);
    expect((await journeyOf(p)).snapshot.context.modules[1].lessonsRead).toEqual([next.lessons[0]!.key]);
    // Replica a's row (after the quiz) accepts another lesson of that module too, but lacks b's: its write must not hold.
    await p.post(`/lessons/${next.lessons[1]!.key}/complete`).expect(200);
    expect((await journeyOf(p)).snapshot.context.modules[1].lessonsRead).toEqual([next.lessons[0]!.key, next.lessons[1]!.key]);
  });

  it('a logout between two submissions: the second is refused and writes nothing', async () => {
    const p = await newLearner(a, 'LoggedOut');
    await p.post('/consent', { evaluationUse: true }).expect(200);
    await a.http().post('/api/auth/logout').set('Authorization', `Bearer ${p.token}`).expect(204);
    const before = await a.db.query(`SELECT journey, xmin::text AS v FROM enrolments WHERE id = $1`, [p.enrolmentId]);
    await p.post('/assessments/pre/attitude', { answers: likertAnswers(3) }).expect(401);
    const after = await a.db.query(`SELECT journey, xmin::text AS v FROM enrolments WHERE id = $1`, [p.enrolmentId]);
    expect(after).toEqual(before);
    expect((await a.db.query(`SELECT count(*)::int AS n FROM attempts WHERE enrolment_id = $1`, [p.enrolmentId]))[0].n).toBe(0);
  });

  it("the cohort's follow-up delay changed since: the next submission stores the journey under the new one", async () => {
    const p = await newLearner(a, 'Delay');
    await p.post('/consent', { evaluationUse: true }).expect(200);
    const [{ days }] = await a.db.query(`SELECT c.follow_up_days AS days FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id WHERE e.id = $1`, [p.enrolmentId]);
    await a.db.query(`UPDATE cohorts SET follow_up_days = $2 WHERE id = (SELECT cohort_id FROM enrolments WHERE id = $1)`, [p.enrolmentId, days + 7]);
    try {
      const answer = await p.post('/assessments/pre/attitude', { answers: likertAnswers(3) });
      expect(answer.status).toBe(200);
      expect(answer.body.journey.snapshot.context.outline.followUpDelayDays).toBe(days + 7);
      const [{ journey }] = await a.db.query(`SELECT journey FROM enrolments WHERE id = $1`, [p.enrolmentId]);
      expect(journey.context.outline.followUpDelayDays).toBe(days + 7);
    } finally {
      await a.db.query(`UPDATE cohorts SET follow_up_days = $2 WHERE id = (SELECT cohort_id FROM enrolments WHERE id = $1)`, [p.enrolmentId, days]);
    }
  });
});

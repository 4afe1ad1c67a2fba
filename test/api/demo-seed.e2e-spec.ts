import { loadConfig } from '../../apps/api/src/config/app-config';
import { CourseCatalog } from '../../apps/api/src/curriculum/course-catalog.service';
import { DatabasePool } from '../../apps/api/src/database/database-pool';
import { mainCohortLearners, smallCohortLearners } from '../../apps/api/src/database/seed/demo-population';
import { DEMO_ACCOUNTS, DEMO_COHORT_NAME, DEMO_SMALL_COHORT_NAME, DEMO_STUDY_NAME, DEMO_WAITLIST_COHORT_NAME, seedDemo } from '../../apps/api/src/database/seed/demo-seed';
import { course } from '../support/course-player';
import { DEMO, createTestApp, login, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const taken = () => new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The full demo seed (what `npm start` gives a newcomer), checked on the real database and through the API. */
describe('demo seed (full)', () => {
  let t: TestApp;
  let main: string;
  let small: string;
  const plan = mainCohortLearners(taken());
  const q = (sql: string, params: unknown[] = []) => t.db.query(sql, params);

  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'true' });
    [{ id: main }] = await q(`SELECT id FROM cohorts WHERE name = $1`, [DEMO_COHORT_NAME]);
    [{ id: small }] = await q(`SELECT id FROM cohorts WHERE name = $1`, [DEMO_SMALL_COHORT_NAME]);
  });
  afterAll(() => t.close());

  it('is the same demo every time: the plan is deterministic and the database holds exactly it', async () => {
    expect(mainCohortLearners(taken())).toEqual(plan);
    expect(plan).toHaveLength(40);
    const names = await q(
      `SELECT u.display_name FROM enrolments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 AND u.email NOT IN ($2, $3, $4)`,
      [main, DEMO.police.email, DEMO.municipal.email, DEMO.health.email],
    );
    expect(names.map((r: { display_name: string }) => r.display_name).sort()).toEqual(plan.map((l) => l.displayName).sort());
    // Several roles and regions, with at least one group small enough to be suppressed.
    const regions = new Map<string, number>();
    for (const l of plan) regions.set(l.region, (regions.get(l.region) ?? 0) + 1);
    expect(regions.size).toBeGreaterThanOrEqual(4);
    expect([...regions.values()].some((n) => n < 5)).toBe(true);
    expect(new Set(plan.map((l) => l.positionType))).toEqual(new Set(['police', 'municipal_official', 'health_staff', 'other']));
    expect(plan.every((l) => l.email.endsWith('@respeta.demo'))).toBe(true);
  });

  it('labels the cohorts as demo data, and the trainer sees isDemo', async () => {
    expect(await q(`SELECT name, is_demo FROM cohorts ORDER BY name COLLATE "C"`)).toEqual([
      { name: DEMO_COHORT_NAME, is_demo: true },
      { name: DEMO_SMALL_COHORT_NAME, is_demo: true },
      { name: DEMO_WAITLIST_COHORT_NAME, is_demo: true },
    ]);
    const trainer = await login(t, DEMO.trainer);
    const list = await t.http().get('/api/cohorts').set(auth(trainer.token)).expect(200);
    expect(list.body.map((c: { name: string; isDemo: boolean }) => [c.name, c.isDemo])).toEqual([[DEMO_COHORT_NAME, true], [DEMO_SMALL_COHORT_NAME, true], [DEMO_WAITLIST_COHORT_NAME, true]]);
    expect(list.body[0]).toMatchObject({ enrolled: 43 });
    const created = await t.http().post('/api/cohorts').set(auth(trainer.token)).send({ name: 'Cohorte real' }).expect(201);
    expect(created.body.isDemo).toBe(false);
    await q(`DELETE FROM cohorts WHERE id = $1`, [created.body.id]);
  });

  it('keeps the three named demo learners un-started so a visitor can play the course as one of them', async () => {
    const rows = await q(
      `SELECT u.email, e.journey FROM enrolments e JOIN users u ON u.id = e.user_id WHERE u.email IN ($1, $2, $3) AND e.cohort_id = $4`,
      [DEMO.police.email, DEMO.municipal.email, DEMO.health.email, main],
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.journey).toBeNull();
    await login(t, DEMO.police);
  });

  it('stores what real use stores: pre and post pairs, then-test, follow-ups, vectors, consent records, scenarios', async () => {
    const completers = plan.filter((l) => l.fate.kind === 'complete');
    const [counts] = await q(
      `SELECT count(*) FILTER (WHERE pre.id IS NOT NULL AND post.id IS NOT NULL)::int AS pairs,
              count(*) FILTER (WHERE thn.id IS NOT NULL)::int AS then_tests,
              count(*) FILTER (WHERE fu.id IS NOT NULL)::int AS follow_ups,
              count(*) FILTER (WHERE e.stage = 'withdrawn')::int AS withdrawn
         FROM enrolments e
         LEFT JOIN attempts pre ON pre.enrolment_id = e.id AND pre.kind = 'knowledge' AND pre.wave = 'pre'
         LEFT JOIN attempts post ON post.enrolment_id = e.id AND post.kind = 'knowledge' AND post.wave = 'post'
         LEFT JOIN attempts thn ON thn.enrolment_id = e.id AND thn.kind = 'attitude' AND thn.wave = 'then'
         LEFT JOIN attempts fu ON fu.enrolment_id = e.id AND fu.kind = 'knowledge' AND fu.wave = 'followup'
        WHERE e.cohort_id = $1`,
      [main],
    );
    expect(counts.pairs).toBe(completers.length);
    expect(counts.pairs).toBeGreaterThanOrEqual(30);
    expect(counts.then_tests).toBe(completers.length);
    expect(counts.follow_ups).toBeGreaterThanOrEqual(6);
    expect(counts.follow_ups).toBeLessThanOrEqual(completers.filter((l) => l.fate.kind === 'complete' && l.fate.followUp).length);
    expect(counts.withdrawn).toBe(1);

    // Knowledge rises on average, but not for everyone; the then-test sits below the pre-test on average.
    const [scores] = await q(
      `SELECT avg(pre.score) AS pre, avg(post.score) AS post, count(*) FILTER (WHERE post.score <= pre.score)::int AS not_improved
         FROM attempts pre JOIN attempts post ON post.enrolment_id = pre.enrolment_id AND post.kind = 'knowledge' AND post.wave = 'post'
        WHERE pre.kind = 'knowledge' AND pre.wave = 'pre'`,
    );
    expect(Number(scores.post) - Number(scores.pre)).toBeGreaterThan(15);
    expect(scores.not_improved).toBeGreaterThanOrEqual(1);
    const items = course().attitudeInstrument.items;
    const positive = (vector: (number | null)[]) => {
      const values = vector.map((v, i) => (v === null ? null : items[i]!.reverse ? 6 - v : v)).filter((v): v is number => v !== null);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    const attitude = await q(`SELECT wave, answer_vector FROM attempts WHERE kind = 'attitude'`);
    const meanOf = (wave: string) => {
      const rows = attitude.filter((r: { wave: string }) => r.wave === wave);
      return rows.reduce((sum: number, r: { answer_vector: (number | null)[] }) => sum + positive(r.answer_vector), 0) / rows.length;
    };
    expect(meanOf('post')).toBeGreaterThan(meanOf('pre') + 0.2);
    expect(meanOf('then')).toBeLessThan(meanOf('pre'));

    // Vectors in the version's item order, as the submission path writes them.
    const vectors = await q(`SELECT kind, array_length(answer_vector, 1) AS a, array_length(choice_vector, 1) AS c FROM attempts WHERE kind IN ('knowledge', 'attitude')`);
    for (const v of vectors) {
      if (v.kind === 'knowledge') expect([v.a, v.c]).toEqual([course().knowledgeTest.items.length, course().knowledgeTest.items.length]);
      else expect([v.a, v.c]).toEqual([items.length, null]);
    }
    // Some pre-test answers are wrong, drawn from the distractors.
    const [wrong] = await q(`SELECT count(*)::int AS n FROM attempts a, unnest(a.answer_vector) AS v WHERE a.kind = 'knowledge' AND a.wave = 'pre' AND v = 0`);
    expect(wrong.n).toBeGreaterThan(100);
    // Every consenting learner has a consent record; every scenario finished has its run and its attempt.
    const [consent] = await q(
      `SELECT (SELECT count(*) FROM enrolments WHERE consent_version IS NOT NULL)::int AS consented,
              (SELECT count(*) FROM consent_records WHERE action = 'given')::int AS given,
              (SELECT count(*) FROM consent_records WHERE action = 'withdrawn')::int AS withdrawn,
              (SELECT count(*) FROM scenario_runs WHERE finished_at IS NOT NULL)::int AS runs,
              (SELECT count(*) FROM attempts WHERE kind = 'scenario')::int AS scenario_attempts`,
    );
    expect(consent.given).toBe(consent.consented);
    expect(consent.withdrawn).toBe(1);
    expect(consent.runs).toBe(consent.scenario_attempts);
    expect(consent.runs).toBeGreaterThan(90);
    const outcomes = await q(`SELECT DISTINCT outcome FROM attempts WHERE kind = 'scenario'`);
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
  });

  it('has a few dropouts who stalled long ago, and learners still active', async () => {
    const rows = await q(
      `SELECT e.stage, e.last_activity_at FROM enrolments e WHERE e.cohort_id = $1 AND e.journey IS NOT NULL AND e.completed_at IS NULL AND e.stage <> 'withdrawn'`,
      [main],
    );
    const stalled = rows.filter((r: { last_activity_at: Date }) => r.last_activity_at.getTime() < Date.now() - 30 * 86_400_000);
    expect(stalled.length).toBeGreaterThanOrEqual(4);
    expect(stalled.length).toBeLessThanOrEqual(6);
    expect(rows.length - stalled.length).toBeGreaterThanOrEqual(1);
    const [latest] = await q(`SELECT max(last_activity_at) AS at FROM enrolments`);
    expect(latest.at.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('certifies the course-only learner and leaves them out of the report statistics', async () => {
    const courseOnly = await q(
      `SELECT e.id, c.code FROM enrolments e JOIN certificates c ON c.enrolment_id = e.id WHERE e.cohort_id = $1 AND e.evaluation_use = false`,
      [main],
    );
    expect(courseOnly).toHaveLength(1);
    const trainer = await login(t, DEMO.trainer);
    const report = await t.http().get(`/api/cohorts/${main}/report`).set(auth(trainer.token)).expect(200);
    const evaluated = plan.filter((l) => l.fate.kind === 'complete' && l.fate.evaluationUse).length;
    expect(report.body.measures[0].nPairs).toBeGreaterThanOrEqual(25);
    expect(report.body.measures[0].nPairs).toBe(evaluated);
  });

  it('seeds the small cohort (6 learners, two regions, 4 pairs) that shows suppression', async () => {
    const smallPlan = smallCohortLearners(new Set([...taken(), ...plan.map((l) => l.email)]));
    expect(new Set(smallPlan.map((l) => l.region)).size).toBe(2);
    const [row] = await q(
      `SELECT count(*)::int AS enrolled, count(*) FILTER (WHERE completed_at IS NOT NULL)::int AS completed FROM enrolments WHERE cohort_id = $1`,
      [small],
    );
    expect(row).toEqual({ enrolled: 6, completed: 4 });
  });

  it('gives the demo evaluator a small study: Ucayali took the course, an empty Lima cohort waits (register to try it)', async () => {
    const evaluator = await login(t, { email: 'evaluadora@respeta.demo', password: 'respeta-evaluadora-demo' });
    const [study] = (await t.http().get('/api/studies').set(auth(evaluator.token)).expect(200)).body;
    expect(study).toMatchObject({ name: DEMO_STUDY_NAME, assignment: 'hand', secondBaselineOpen: false });
    expect(study.arms.map((a: { cohortName: string; arm: string }) => [a.cohortName, a.arm])).toEqual([[DEMO_COHORT_NAME, 'treated'], [DEMO_WAITLIST_COHORT_NAME, 'waitlist']]);
    const report = (await t.http().get(`/api/studies/${study.id}/report`).set(auth(evaluator.token)).expect(200)).body;
    expect(report.arms[0].attrition.inStatistics).toBeGreaterThanOrEqual(30);
    expect(report.arms[1].attrition.inStatistics).toBe(0);
    // The demo trainer has no evaluator permission.
    await t.http().get('/api/studies').set(auth((await login(t, DEMO.trainer)).token)).expect(403);
  });

  it('runs once: a second start on the same database adds nothing', async () => {
    const [before] = await q(`SELECT (SELECT count(*) FROM users)::int AS u, (SELECT count(*) FROM attempts)::int AS a`);
    const logins = await seedDemo(t.app.get(DatabasePool), 'full', { catalog: t.app.get(CourseCatalog) });
    expect(logins?.map((l) => l.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    const [after] = await q(`SELECT (SELECT count(*) FROM users)::int AS u, (SELECT count(*) FROM attempts)::int AS a`);
    expect(after).toEqual(before);
  });

  it('is never configured in production, whatever SEED_DEMO says', () => {
    const secrets = { JWT_SECRET: 'production-secret-production-secret-0123', PSEUDONYM_SECRET: 'production-pseudonym-production-0123', DATABASE_URL: 'postgres://x@localhost/x', PUBLIC_URL: 'https://respeta.example.pe' };
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true', ...secrets }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: '/tmp', ...secrets }).seedDemo).toBe('full');
    expect(loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'accounts', DATA_DIR: '/tmp', ...secrets }).seedDemo).toBe('accounts');
  });
});

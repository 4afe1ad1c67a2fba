import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReportWorkers } from '../../apps/api/src/reports/report-workers.service';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { course } from '../support/course-player';
import { spawnApp, type SpawnedApp } from '../support/spawn-app';
import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * A large report is shared between the request's thread and worker threads (reports/report-workers.service.ts):
 * the learners' scan split by learners, the measures by measure. The split must not change a single figure. The
 * in-process app of this suite runs the TypeScript sources, which have no compiled worker: it computes every report
 * on one thread. The built server (`npm run build`, as npm test does) is told to split every report over four
 * threads; both read the same database and must answer the same report, byte for byte. Needs a real PostgreSQL
 * server (the embedded database serves one process at a time).
 */
const onServer = process.env.DATABASE_URL ? describe : describe.skip;

/** Learners with every kind of answer the report reads: missing waves, unanswered items, empty tests, small groups. */
async function seedCohort(t: TestApp, name: string, n: number): Promise<string> {
  const [{ id: trainer }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [DEMO.trainer.email]);
  const [{ id: version }] = await t.db.query(`SELECT id FROM course_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1`);
  const [{ id: cohort }] = await t.db.query(`INSERT INTO cohorts (name, trainer_id) VALUES ($1, $2) RETURNING id`, [name, trainer]);
  const masks = JSON.stringify(course().knowledgeTest.items.map((item, ord) => ({
    ord,
    right: item.options.reduce((m, o, bit) => (o.correct ? m | (1 << bit) : m), 0),
    wrong: 1 << item.options.findIndex((o) => !o.correct),
  })));
  await t.db.query(`SELECT setseed(0.42)`);
  await t.db.query(`
    WITH u AS (
      INSERT INTO users (email, display_name, password_hash, role, position_type, region)
      SELECT $2 || g || '@workers.test', 'L ' || g, 'x', 'learner',
             CASE WHEN g % 97 = 0 THEN 'other' ELSE (ARRAY['police', 'municipal_official', 'health_staff'])[1 + g % 3] END,
             CASE WHEN g % 41 = 0 THEN NULL ELSE (ARRAY['piura', 'lima', 'cusco', 'ucayali'])[1 + g % 4] END
        FROM generate_series(1, $1) g RETURNING id)
    INSERT INTO enrolments (cohort_id, user_id, course_version_id, stage, evaluation_use, consent_version)
    SELECT $3, u.id, $4, 'completed', true, '2' FROM u`, [n, name.toLowerCase().replace(/\W/g, ''), cohort, version]);
  // Knowledge: pre for all, post for ~90 %; ~8 % of items unanswered, one learner in 50 answered nothing.
  await t.db.query(`
    INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key, score, answer_vector, choice_vector)
    SELECT e.id, $2, 'knowledge', w.wave, 'kt', v.score, v.answers, v.choices
      FROM enrolments e, (VALUES ('pre', 0.5), ('post', 0.75)) w(wave, p),
      LATERAL (SELECT random() < 0.02 AS blank, random() < 0.1 AS absent WHERE e.id IS NOT NULL) l,
      LATERAL (SELECT 100.0 * coalesce(sum(g), 0) / count(*) AS score, array_agg(g::smallint ORDER BY ord) AS answers,
                      array_agg(CASE WHEN g IS NULL THEN NULL WHEN g = 1 THEN k.right ELSE k.wrong END ORDER BY ord) AS choices
                 FROM jsonb_to_recordset($3::jsonb) k(ord int, "right" int, wrong int),
                 LATERAL (SELECT CASE WHEN l.blank OR random() < 0.08 THEN NULL ELSE (random() < w.p)::int END AS g WHERE k.ord IS NOT NULL) x) v
     WHERE e.cohort_id = $1 AND NOT (w.wave = 'post' AND l.absent)`, [cohort, version, masks]);
  // Attitudes at pre, post and then; ~5 % of answers missing (some subscale scores fall under the 75 % rule).
  await t.db.query(`
    INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key, answer_vector)
    SELECT e.id, $2, 'attitude', w.wave, 'att',
           (SELECT array_agg(CASE WHEN random() < 0.05 THEN NULL ELSE least(5, greatest(1, round(2.5 + w.shift + random() * 2 - 1 + 0 * i)))::smallint END ORDER BY i)
              FROM generate_series(1, $3::int) i WHERE e.id IS NOT NULL)
      FROM enrolments e, (VALUES ('pre', 0), ('post', 0.8), ('then', -0.2)) w(wave, shift)
     WHERE e.cohort_id = $1 AND (w.wave <> 'then' OR random() < 0.7)`, [cohort, version, course().attitudeInstrument.items.length]);
  return cohort;
}

onServer('reports shared with worker threads', () => {
  let t: TestApp;
  let built: SpawnedApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'respeta-workers-'));
  let cohorts: string[];

  beforeAll(async () => {
    t = await createTestApp();
    cohorts = [await seedCohort(t, 'Workers A', 700), await seedCohort(t, 'Workers B', 45)];
    built = await spawnApp({
      DATABASE_URL: t.databaseUrl, DATABASE_POOL_SIZE: '4', NODE_ENV: 'test', SEED_DEMO: 'accounts', REMINDER_INTERVAL_SECONDS: '0',
      DATA_DIR: dataDir, LOG_LEVEL: 'info', REPORT_THREADS: '3', REPORT_PARALLEL_FROM: '1',
    }, 150_000);
  });
  afterAll(async () => {
    await built?.stop();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the same report as one thread, figure for figure, for one cohort and for two combined', async () => {
    const signInThere = async (who: typeof DEMO.trainer) => {
      const res = await fetch(`${built.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who) });
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    // A trainer reads their cohort's report; combined reports are for admins.
    const reads = [
      { path: `/api/cohorts/${cohorts[0]}/report`, who: DEMO.trainer },
      { path: `/api/reports/combined?cohortIds=${cohorts.join(',')}`, who: DEMO.admin },
    ];
    for (const { path, who } of reads) {
      const single = await t.http().get(path).set('Authorization', `Bearer ${(await login(t, who)).token}`).expect(200);
      const res = await fetch(`${built.url}${path}`, { headers: { Authorization: `Bearer ${await signInThere(who)}` } });
      expect(res.status).toBe(200);
      const { generatedAt: _a, ...a } = single.body;
      const { generatedAt: _b, ...b } = await res.json();
      expect(a.measures.length).toBeGreaterThan(1);
      expect(a.measures[0].nPairs).toBeGreaterThan(500);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
    // The built server did split them (it says so when its workers start).
    expect(built.output()).toMatch(/3 report worker threads started/);
  });

  it('a worker that fails or dies leaves its share to the request: the same figures, no error', async () => {
    const reports = t.app.get(ReportsService);
    const course = await reports.courseFor([cohorts[0]!]);
    const answers = await reports.answers([cohorts[0]!], course);
    const options = { threads: 0, parallelFrom: 1, script: new URL('file:///nowhere.js'), idleMs: 1000 };
    const alone = new ReportWorkers(options);
    const expected = await alone.scan(course, answers);
    const broken = {
      throws: `import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => { throw new Error('boom'); });`,
      exits: `import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(3));`,
    };
    for (const [name, code] of Object.entries(broken)) {
      const script = join(dataDir, `${name}.mjs`);
      writeFileSync(script, code);
      const workers = new ReportWorkers({ ...options, threads: 2, script: pathToFileURL(script) });
      try {
        const scan = await workers.scan(course, answers);
        expect(scan.shared).toBe(true); // split over three threads, two of which failed
        expect({ ...scan.scores, pairedItems: [...scan.scores.pairedItems] }).toEqual({ ...expected.scores, pairedItems: [...expected.scores.pairedItems] });
        const sum = (scans: typeof scan) => scans.items.reduce((n, part) => n + part.pre.n + part.post.n, 0);
        expect(sum(scan)).toBe(sum(expected));
      } finally {
        await workers.onApplicationShutdown();
      }
    }
  });
});

// bench/report: the trainer's pre/post report on a cohort of 2,000, 20,000 (and, with --sizes, 200,000) learners with
// full answers (knowledge pre/post with every item and the options chosen, 30 attitude items at pre, post and then,
// scenario runs). The report includes the knowledge item analysis.
// Targets: ≤ 150 ms at 2,000, ≤ 0.5 s at 20,000, ≤ 3 s at 200,000 (median of 5 requests after one warm-up).
// Usage: npm run build && node bench/report/run.mjs [--sizes 2000,20000,200000]
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { createDatabase, json, machine, ROOT, startApi } from '../lib/bench-env.mjs';
import { course } from '../lib/simulated-learners.mjs';


const i = process.argv.indexOf('--sizes');
const sizes = (i > 0 ? process.argv[i + 1] : '2000,20000').split(',').map(Number);

/** Inserts n learners with answers in bulk (set-based SQL, no per-learner loop). */
async function seed(dbUrl, cohortName, n) {
  const c = new pg.Client({ connectionString: dbUrl });
  c.on('error', () => undefined);
  await c.connect();
  const [{ trainer }] = (await c.query(`SELECT id AS trainer FROM users WHERE email = 'formadora@respeta.demo'`)).rows;
  const [{ version }] = (await c.query(`SELECT id AS version FROM course_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1`)).rows;
  const [{ cohort }] = (await c.query(`INSERT INTO cohorts (name, trainer_id) VALUES ($1, $2) RETURNING id AS cohort`, [cohortName, trainer])).rows;
  const scenario = course.scenarios[0];
  await c.query(`CREATE TEMP TABLE l (enrolment_id uuid PRIMARY KEY)`);
  await c.query(`
    WITH u AS (
      INSERT INTO users (email, display_name, password_hash, role, position_type, region)
      SELECT $2 || '-' || g || '@report.test', 'L ' || g, 'x', 'learner',
             (ARRAY['police','municipal_official','health_staff','other'])[1 + g % 4], (ARRAY['ucayali','arequipa','piura','junin','lima'])[1 + g % 5]
        FROM generate_series(1, $1) g RETURNING id),
    e AS (
      INSERT INTO enrolments (cohort_id, user_id, course_version_id, stage, percent_complete, evaluation_use, consent_version)
      SELECT $3, u.id, $4, 'completed', 100, true, '2' FROM u RETURNING id)
    INSERT INTO l SELECT id FROM e`, [n, cohortName.toLowerCase().replace(/\W/g, ''), cohort, version]);
  // Knowledge attempts (pre/post), written as the API writes them at submission: the answer vector (1 right, 0 wrong
  // per item), the chosen options as bitmasks and the graded percent; post is better on average. The report reads
  // the vectors (kept per enrolment in report_vectors by the database), never the responses, so the bench writes no
  // response rows for assessments: at 200,000 learners those were most of the seeding time.
  const masks = JSON.stringify(course.knowledgeTest.items.map((it, ord) => ({
    ord,
    right_mask: it.options.reduce((m, o, bit) => (o.correct ? m | (1 << bit) : m), 0),
    wrong_mask: 1 << it.options.findIndex((o) => !o.correct),
  })));
  // The LATERAL subqueries name the outer row, so random() is drawn afresh for every learner and wave.
  await c.query(`
    INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key, score, answer_vector, choice_vector)
    SELECT l.enrolment_id, $1, 'knowledge', w.wave, 'kt', v.score, v.answers, v.choices
      FROM l, (VALUES ('pre', 0.55), ('post', 0.8)) w(wave, p),
      LATERAL (SELECT 100.0 * sum(g) / count(*) AS score, array_agg(g::smallint ORDER BY ord) AS answers,
                      array_agg(CASE WHEN g = 1 THEN right_mask ELSE wrong_mask END ORDER BY ord) AS choices
                 FROM (SELECT k.ord, k.right_mask, k.wrong_mask, (random() < w.p AND l.enrolment_id IS NOT NULL)::int AS g
                         FROM jsonb_to_recordset($2::jsonb) k(ord int, right_mask int, wrong_mask int)) items) v`,
    [version, masks]);
  // Attitude answers at pre, post and then (1–5; post shifted up).
  await c.query(`
    INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key, answer_vector)
    SELECT l.enrolment_id, $1, 'attitude', w.wave, 'att',
           (SELECT array_agg(least(5, greatest(1, round(2.6 + w.shift + random() * 1.6 - 0.8 + 0 * i)))::smallint ORDER BY i)
              FROM generate_series(1, $2::int) i WHERE l.enrolment_id IS NOT NULL)
      FROM l, (VALUES ('pre', 0), ('post', 0.9), ('then', 0)) w(wave, shift)`, [version, course.attitudeInstrument.items.length]);
  // One scenario run each, following the first choice at the start node and a random one afterwards.
  await c.query(`
    WITH a AS (
      INSERT INTO attempts (enrolment_id, course_version_id, kind, module_key, target_key, score, outcome)
      SELECT l.enrolment_id, $1, 'scenario', 'm', $2, 5, 'good' FROM l RETURNING id)
    INSERT INTO responses (attempt_id, item_key, value) SELECT a.id, $3, to_jsonb((ARRAY['a','b','c'])[1 + (random() * 2)::int]) FROM a`,
    [version, scenario.key, scenario.start]);
  await c.query(`DROP TABLE l`);
  await c.query(`ANALYZE`);
  await c.end();
  return cohort;
}

const db = await createDatabase('bench_report');
execFileSync(process.execPath, [resolve(ROOT, 'dist/apps/api/src/cli/import-content.js')], { env: { ...process.env, DATABASE_URL: db.url }, stdio: 'ignore' });
const api = await startApi({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10' });
try {
  const login = await json(`${api.url}/api/auth/login`, { method: 'POST', body: { email: 'formadora@respeta.demo', password: 'respeta-formadora-demo' } });
  const token = login.body.accessToken;
  console.log(`bench/report — GET /api/cohorts/:id/report, median of 5 after a warm-up, ${machine()}`);
  for (const n of sizes) {
    const t0 = performance.now();
    const cohort = await seed(db.url, `Bench ${n}`, n);
    const seeded = ((performance.now() - t0) / 1000).toFixed(1);
    const times = [];
    let body;
    for (let k = 0; k < 6; k++) {
      const started = performance.now();
      const res = await json(`${api.url}/api/cohorts/${cohort}/report`, { token });
      if (res.status !== 200) throw new Error(`report answered ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}\n${api.output().slice(-3000)}`);
      if (k > 0) times.push(performance.now() - started);
      body = res.body;
    }
    times.sort((a, b) => a - b);
    const median = times[2];
    const target = n <= 2000 ? 150 : n <= 20000 ? 500 : 3000;
    const k = body.measures[0];
    console.log(`${String(n).padStart(6)} learners (seeded in ${seeded} s): ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}) — target ≤ ${target} ms ${median <= target ? 'PASS' : 'MISS'}; knowledge pairs ${k.nPairs}, t = ${k.change.t}, KR-20 pre ${body.itemAnalysis.pre.kr20.alpha}`);
  }
} finally {
  await api.stop();
  if (process.env.BENCH_KEEP_DB) console.log(`kept database ${db.name}`);
  else await db.drop();
}

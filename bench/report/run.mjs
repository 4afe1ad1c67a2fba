// bench/report: the trainer's pre/post report on a cohort of 2,000 and of 20,000 learners with full answers
// (knowledge pre/post with item responses, 30 attitude items at pre, post and then, scenario runs).
// The report includes the knowledge item analysis (options chosen per item, from choice vectors).
// Targets: ≤ 150 ms at 2,000 and ≤ 1 s at 20,000 (median of 5 requests after one warm-up).
// Usage: npm run build && node bench/report/run.mjs [--sizes 2000,20000]
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { createDatabase, json, machine, ROOT, startApi } from '../lib/bench-env.mjs';
import { course } from '../lib/simulated-learners.mjs';

const { FILL_ANSWER_VECTORS_SQL, FILL_CHOICE_VECTORS_SQL } = await import(resolve(ROOT, 'dist/apps/api/src/reports/answer-vectors-sql.js'));

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
  const attitude = JSON.stringify(course.attitudeInstrument.items.map((it) => it.key));
  // Per knowledge item: the correct option set and one wrong option (learners choose one or the other).
  const knowledge = JSON.stringify(course.knowledgeTest.items.map((it) => ({
    key: it.key, right: it.options.filter((o) => o.correct).map((o) => o.key), wrong: [it.options.find((o) => !o.correct).key],
  })));
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
  // Knowledge attempts (pre/post) with per-item correctness; post is better on average.
  await c.query(`
    WITH a AS (
      INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key, score)
      SELECT l.enrolment_id, $1, 'knowledge', w.wave, 'kt', 0 FROM l, (VALUES ('pre'), ('post')) w(wave) RETURNING id, enrolment_id, wave)
    INSERT INTO responses (attempt_id, item_key, value, correct)
    SELECT id, key, CASE WHEN good THEN right_keys ELSE wrong_keys END, good FROM (
      SELECT a.id, k->>'key' AS key, k->'right' AS right_keys, k->'wrong' AS wrong_keys, random() < CASE WHEN a.wave = 'pre' THEN 0.55 ELSE 0.8 END AS good
        FROM a, jsonb_array_elements($2::jsonb) k) x`, [version, knowledge]);
  await c.query(`UPDATE attempts a SET score = s.pct FROM (
      SELECT attempt_id, 100.0 * avg(CASE WHEN correct THEN 1 ELSE 0 END) AS pct FROM responses r JOIN attempts x ON x.id = r.attempt_id
       WHERE x.kind = 'knowledge' AND x.enrolment_id IN (SELECT enrolment_id FROM l) GROUP BY attempt_id) s WHERE a.id = s.attempt_id`);
  // Attitude answers at pre, post and then (1–5; post shifted up).
  await c.query(`
    WITH a AS (
      INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key)
      SELECT l.enrolment_id, $1, 'attitude', w.wave, 'att' FROM l, (VALUES ('pre'), ('post'), ('then')) w(wave) RETURNING id, wave)
    INSERT INTO responses (attempt_id, item_key, value)
    SELECT a.id, k.key, to_jsonb(least(5, greatest(1, round(2.6 + CASE WHEN a.wave = 'post' THEN 0.9 ELSE 0 END + random() * 1.6 - 0.8))::int))
      FROM a, jsonb_array_elements_text($2::jsonb) k(key)`, [version, attitude]);
  // One scenario run each, following the first choice at the start node and a random one afterwards.
  await c.query(`
    WITH a AS (
      INSERT INTO attempts (enrolment_id, course_version_id, kind, module_key, target_key, score, outcome)
      SELECT l.enrolment_id, $1, 'scenario', 'm', $2, 5, 'good' FROM l RETURNING id)
    INSERT INTO responses (attempt_id, item_key, value) SELECT a.id, $3, to_jsonb((ARRAY['a','b','c'])[1 + (random() * 2)::int]) FROM a`,
    [version, scenario.key, scenario.start]);
  await c.query(FILL_ANSWER_VECTORS_SQL); // bulk rows get the answer and choice vectors the API writes at submission
  await c.query(FILL_CHOICE_VECTORS_SQL);
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
    const target = n <= 2000 ? 150 : 1000;
    const k = body.measures[0];
    console.log(`${String(n).padStart(6)} learners (seeded in ${seeded} s): ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}) — target ≤ ${target} ms ${median <= target ? 'PASS' : 'MISS'}; knowledge pairs ${k.nPairs}, t = ${k.change.t}, KR-20 pre ${body.itemAnalysis.pre.kr20.alpha}`);
  }
} finally {
  await api.stop();
  if (process.env.BENCH_KEEP_DB) console.log(`kept database ${db.name}`);
  else await db.drop();
}

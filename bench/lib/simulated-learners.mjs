// Simulated learners for load and fault benchmarks: seeded straight into the database (setup is not what we
// measure), then driven through the real HTTP API with idempotency keys, retrying on network errors and 5xx.
import { createHmac, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { ROOT } from './bench-env.mjs';
import { request } from './http-client.mjs';

const { loadCourseFromDirectory } = await import(resolve(ROOT, 'dist/libs/curriculum/src/index.js'));
export const course = loadCourseFromDirectory(resolve(ROOT, 'libs/curriculum/content/gbv-response')).course;
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function sign(payload) {
  const data = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${data}.${createHmac('sha256', JWT_SECRET).update(data).digest('base64url')}`;
}

/** Creates `n` learners enrolled in the demo cohort with a live session each; returns { token, enrolmentId }. */
export async function seedLearners(dbUrl, n) {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const [{ hash }] = (await c.query(`SELECT password_hash AS hash FROM users WHERE email = 'policia@respeta.demo'`)).rows;
  const [{ cohort }] = (await c.query(`SELECT id AS cohort FROM cohorts LIMIT 1`)).rows;
  const { rows } = await c.query(
    `WITH u AS (
       INSERT INTO users (email, display_name, password_hash, role, position_type, region)
       SELECT 'bench' || g || '.' || $4 || '@load.test', 'Bench ' || g, $1, 'learner', 'police', 'lima' FROM generate_series(1, $2) g RETURNING id),
     e AS (
       INSERT INTO enrolments (cohort_id, user_id, course_version_id)
       SELECT $3, u.id, (SELECT id FROM course_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1) FROM u RETURNING id, user_id),
     s AS (INSERT INTO auth_sessions (user_id) SELECT id FROM u RETURNING id, user_id)
     SELECT e.id AS enrolment_id, s.user_id, s.id AS session_id FROM e JOIN s USING (user_id)`,
    [hash, n, cohort, randomUUID().slice(0, 8)], // a fresh suffix per call, so a script can seed twice
  );
  // A database in service has statistics for its tables: without them, plans the API prepared while the tables were
  // small (a warm-up) would stay in use for thousands of rows until autovacuum's next analyze.
  await c.query('ANALYZE users, enrolments, auth_sessions');
  await c.end();
  const now = Math.floor(Date.now() / 1000);
  return rows.map((r) => ({ enrolmentId: r.enrolment_id, token: sign({ sub: r.user_id, sid: r.session_id, role: 'learner', ver: 0, iat: now, exp: now + 3600 }) }));
}

const correct = (items) => Object.fromEntries(items.map((q) => [q.key, q.options.filter((o) => o.correct).map((o) => o.key)]));
const likert = () => Object.fromEntries(course.attitudeInstrument.items.map((i) => [i.key, 1 + Math.floor(Math.random() * 5)]));
const firstModule = course.modules.find((m) => m.key === course.moduleOrder[0]);

/** The submissions one learner makes, each with its own idempotency key (kept across retries). */
export function planFor() {
  return [
    { name: 'consent', path: '/consent', body: { evaluationUse: true }, item: { kind: 'consent' } },
    { name: 'pre.knowledge', path: '/assessments/pre/knowledge', body: { answers: correct(course.knowledgeTest.items) }, measured: true, item: { kind: 'assessment', wave: 'pre', part: 'knowledge' } },
    { name: 'pre.attitude', path: '/assessments/pre/attitude', body: { answers: likert() }, measured: true, item: { kind: 'assessment', wave: 'pre', part: 'attitude' } },
    ...firstModule.lessons.map((l) => ({ name: 'lesson', path: `/lessons/${l.key}/complete`, body: {}, item: { kind: 'lesson', moduleKey: firstModule.key, lessonKey: l.key } })),
    { name: 'quiz', path: `/modules/${firstModule.key}/quiz-attempts`, body: { answers: correct(firstModule.quiz.questions) }, measured: true, item: { kind: 'quiz', moduleKey: firstModule.key } },
  ].map((step) => {
    const body = { idempotencyKey: randomUUID(), ...step.body };
    // `item`: the same action as the web outbox queues it (its kind, the route's parameters and body), for a replay.
    return { ...step, body, item: { ...step.item, ...body } };
  });
}

/**
 * Sends one submission until it is acknowledged: network errors and 5xx are retried with the SAME idempotency key
 * (the server must then return the first result and create nothing new). Returns { status, ms } of the last try;
 * `onAnswer` sees every try's status (or 'no answer', with the error).
 */
export async function submit(baseUrl, learner, step, { retryUntil = Date.now() + 120_000, onAnswer = () => undefined } = {}) {
  for (let attempt = 0; ; attempt++) {
    const started = performance.now();
    try {
      const res = await request(`${baseUrl()}/api/enrolments/${learner.enrolmentId}${step.path}`, { method: 'POST', token: learner.token, body: step.body, json: false });
      onAnswer(res.status);
      if (res.status < 500) return { status: res.status, ms: performance.now() - started, attempts: attempt + 1 };
    } catch (error) {
      onAnswer('no answer', error); // connection refused / reset while the server is down, or our timeout: retry below
    }
    if (Date.now() > retryUntil) return { status: 0, ms: performance.now() - started, attempts: attempt + 1 };
    await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** Math.min(attempt, 4))));
  }
}

/** Every acknowledged submission is in the database exactly once (by its idempotency key and its attempt rows). */
export async function verifyAcknowledged(dbUrl, acknowledged, enrolmentIds = null) {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const keys = acknowledged.map((a) => a.key);
  const { rows } = await c.query(`SELECT key FROM idempotency_keys WHERE key = ANY($1)`, [keys]);
  const present = new Set(rows.map((r) => r.key));
  const lost = keys.filter((k) => !present.has(k)).length;
  // Exactly once: no learner has two attempts for one wave, or more quiz attempts than acknowledged (among the
  // learners measured, when `enrolmentIds` names them: a warm-up's learners are not counted).
  const among = `($1::uuid[] IS NULL OR enrolment_id = ANY($1::uuid[]))`;
  const dup = (await c.query(
    `SELECT count(*)::int AS n FROM (SELECT enrolment_id, kind, wave, module_key, count(*) FROM attempts WHERE ${among} GROUP BY 1, 2, 3, 4 HAVING count(*) > 1 AND kind <> 'quiz') d`,
    [enrolmentIds],
  )).rows[0].n;
  const quizAcks = acknowledged.filter((a) => a.name === 'quiz').length;
  const quizRows = (await c.query(`SELECT count(*)::int AS n FROM attempts WHERE kind = 'quiz' AND ${among}`, [enrolmentIds])).rows[0].n;
  await c.end();
  return { lost, duplicates: dup + Math.max(0, quizRows - quizAcks) };
}

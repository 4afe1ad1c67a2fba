import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DatabasePool } from '../database-pool.js';
import { hashPassword } from '../../auth/password-hasher.service.js';
import { SimulatedClock } from '../../common/clock.js';
import type { CourseCatalog } from '../../curriculum/course-catalog.service.js';
import { JourneyService } from '../../journey/journey.service.js';
import { OptionSeeds } from '../../journey/option-seeds.service.js';
import { AttemptStore } from '../../journey/attempt-store.service.js';
import { ScenarioRuns } from '../../journey/scenario-runs.service.js';
import { JourneySubmissions } from '../../journey/submission.service.js';
import { CertificateIssuer } from '../../certificates/certificate-issuer.service.js';
import { ItemBank, LearnerAnswers, Random, mainCohortLearners, smallCohortLearners, type SimulatedLearner } from './demo-population.js';
import { playLearner, type SeededEnrolment } from './demo-simulation.js';

export const DEMO_INVITE_CODE = 'DEMO-2026';
export const DEMO_COHORT_NAME = 'Demostración — Ucayali 2026';
export const DEMO_SMALL_COHORT_NAME = 'Demostración — grupo pequeño Piura y Tumbes';
export const DEMO_WAITLIST_COHORT_NAME = 'Demostración — lista de espera Lima';
export const DEMO_WAITLIST_INVITE_CODE = 'DEMO-ESPERA-2026';
export const DEMO_STUDY_NAME = 'Demostración — Ucayali (curso) frente a Lima (lista de espera)';
/** The demo study's waitlist takes its second baseline this many days after seeding (the evaluator can open it sooner). */
const DEMO_SECOND_BASELINE_IN_DAYS = 30;
/** Days between completing the course and the follow-up, in both demo cohorts (the usual default). */
const DEMO_FOLLOW_UP_DAYS = 90;
/** The demo cohort began this many days before the database was seeded, so its history covers a follow-up. */
const DEMO_STARTED_DAYS_AGO = 140;
const DAY = 24 * 60 * 60 * 1000;

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  note: string;
}
export type DemoLogins = DemoLogin[];

/**
 * `accounts`: the demo accounts and the demo cohort with its three un-started learners only (tests that need a
 * cohort with known answers). `full`: also ~40 simulated learners with whole histories and a second small cohort.
 */
export type DemoSeedMode = 'full' | 'accounts';

export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@respeta.demo', password: 'respeta-admin-demo', displayName: 'Ana Admin', positionType: null, region: null, institution: null, note: 'administra cuentas y contenidos' },
  { role: 'trainer', email: 'formadora@respeta.demo', password: 'respeta-formadora-demo', displayName: 'Rosa Formadora', positionType: 'other', region: 'ucayali', institution: 'Respeta', note: 'dirige las cohortes de demostración' },
  { role: 'trainer', email: 'evaluadora@respeta.demo', password: 'respeta-evaluadora-demo', displayName: 'Elena Evaluadora', positionType: 'other', region: 'lima', institution: 'Respeta', note: 'evalúa: estudios con lista de espera (permiso de evaluación)' },
  { role: 'learner', email: 'policia@respeta.demo', password: 'respeta-policia-demo', displayName: 'Carlos Quispe', positionType: 'police', region: 'ucayali', institution: 'PNP Comisaría Pucallpa', note: 'aprendiz: policía' },
  { role: 'learner', email: 'municipal@respeta.demo', password: 'respeta-municipal-demo', displayName: 'Lucía Mamani', positionType: 'municipal_official', region: 'arequipa', institution: 'Municipalidad Provincial de Arequipa', note: 'aprendiz: funcionaria municipal' },
  { role: 'learner', email: 'salud@respeta.demo', password: 'respeta-salud-demo', displayName: 'Jorge Huamán', positionType: 'health_staff', region: 'piura', institution: 'Centro de Salud Castilla', note: 'aprendiz: personal de salud' },
] as const;

export interface DemoSeedDeps {
  catalog: CourseCatalog;
}

interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any[]>;
}

/**
 * On an empty database (no accounts at all) creates the demo admin, trainer, the demo cohort with invite code and
 * three un-started learners (to try the course as), and in `full` mode the simulated learners and the small cohort.
 * Both cohorts are marked is_demo and named "Demostración — …". Never runs in production (the config turns it off).
 * Returns the demo logins when the demo data is present.
 */
export async function seedDemo(db: DatabasePool, mode: DemoSeedMode, deps: DemoSeedDeps): Promise<DemoLogins | null> {
  // The usual start (accounts exist) decides without hashing anything: argon2id costs ~50 ms and 19 MiB a password.
  const [{ empty }] = await db.query(`SELECT NOT EXISTS (SELECT 1 FROM users) AS empty`);
  // Simulated learners share one hash of a random password nobody knows: they cannot sign in, and it costs one hash.
  const passwords = empty ? [...DEMO_ACCOUNTS.map((a) => a.password), randomBytes(24).toString('base64url')] : [];
  // One at a time: argon2id takes its 19 MiB while it runs, and all at once (four on libuv's threads) raised the
  // process's peak memory by ~70 MB on every first start, for ~0.3 s saved.
  const hashes: string[] = [];
  for (const password of passwords) hashes.push(await hashPassword(password));
  const now = Date.now();
  const seeded = await db.transaction(async (m): Promise<SeededEnrolment[] | boolean> => {
    // Two processes starting at once must not both seed.
    await m.query(`SELECT pg_advisory_xact_lock(727001)`);
    const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM users`);
    if (count > 0 || hashes.length === 0) {
      const [demo] = await m.query(`SELECT 1 FROM users WHERE email = $1`, [DEMO_ACCOUNTS[0].email]);
      return Boolean(demo);
    }
    const ids: Record<string, string> = {};
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const [row] = await m.query(
        `INSERT INTO users (email, display_name, password_hash, role, locale, position_type, region, institution)
         VALUES ($1, $2, $3, $4, 'es', $5, $6, $7) RETURNING id`,
        [a.email, a.displayName, hashes[i], a.role, a.positionType, a.region, a.institution],
      );
      ids[a.email] = row.id;
    }
    const trainerId = ids['formadora@respeta.demo']!;
    await m.query(`UPDATE users SET can_evaluate = true WHERE id = $1`, [ids['evaluadora@respeta.demo']]);
    const started = now - DEMO_STARTED_DAYS_AGO * DAY;
    const main = await createCohort(m, DEMO_COHORT_NAME, 'ucayali', trainerId, started, started - 7 * DAY, DEMO_INVITE_CODE);
    for (const a of DEMO_ACCOUNTS.filter((x) => x.role === 'learner')) await enrol(m, main, ids[a.email]!, now);
    if (mode === 'accounts') return true;

    // Realistic histories need the course: without a published version (content import off) the demo stays small.
    const [version] = await m.query(`SELECT 1 FROM course_versions WHERE status = 'published' LIMIT 1`);
    if (!version) return true;
    const small = await createCohort(m, DEMO_SMALL_COHORT_NAME, 'piura', trainerId, started + 21 * DAY, started - 14 * DAY, 'DEMO-PIURA-2026');
    await seedDemoStudy(m, ids['evaluadora@respeta.demo']!, trainerId, main.id, started, now);
    const taken = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
    const enrolments: SeededEnrolment[] = [];
    for (const [cohort, learners] of [[main, mainCohortLearners(taken)], [small, smallCohortLearners(taken)]] as const) {
      const rng = new Random(cohort === main ? 11 : 12);
      for (const learner of learners) {
        const registeredAt = registrationTime(rng, learner, cohort.started, now);
        const [user] = await m.query(
          `INSERT INTO users (email, display_name, password_hash, role, locale, position_type, region, institution, created_at, updated_at)
           VALUES ($1, $2, $3, 'learner', 'es', $4, $5, $6, $7, $7) RETURNING id`,
          [learner.email, learner.displayName, hashes[DEMO_ACCOUNTS.length], learner.positionType, learner.region, learner.institution, new Date(registeredAt)],
        );
        const enrolmentId = await enrol(m, cohort, user.id, registeredAt);
        enrolments.push({ learner, userId: user.id, enrolmentId, registeredAt, followUpDays: DEMO_FOLLOW_UP_DAYS });
      }
    }
    return enrolments;
  });
  if (Array.isArray(seeded)) {
    const started = Date.now();
    await simulate(db, deps, seeded, now);
    new Logger('DemoSeed').log(`Simulated ${seeded.length} demo learners in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  return seeded ? DEMO_ACCOUNTS.map(({ role, email, password, note }) => ({ role, email, password, note })) : null;
}

/**
 * A small demo study by the demo evaluator: the main cohort took the course (treated), an empty Lima cohort is its
 * waitlist — register with DEMO-ESPERA-2026 to see the waitlist's two baselines; its second baseline is 30 days out.
 */
async function seedDemoStudy(m: SqlRunner, evaluatorId: string, trainerId: string, treatedCohortId: string, started: number, now: number) {
  const waitlist = await createCohort(m, DEMO_WAITLIST_COHORT_NAME, 'lima', trainerId, now, started - 30 * DAY, DEMO_WAITLIST_INVITE_CODE);
  const [study] = await m.query(
    `INSERT INTO studies (course_id, name, assignment, created_by, baseline_on, treated_post_on, second_baseline_at, created_at)
     SELECT v.course_id, $1, 'hand', $2, $3::timestamptz::date, $4::timestamptz::date, $5, $6
       FROM course_versions v WHERE v.status = 'published' ORDER BY v.published_at DESC, v.version DESC LIMIT 1
     RETURNING id`,
    [DEMO_STUDY_NAME, evaluatorId, new Date(started), new Date(now), new Date(now + DEMO_SECOND_BASELINE_IN_DAYS * DAY), new Date(started - 30 * DAY)],
  );
  await m.query(
    `INSERT INTO study_arms (study_id, cohort_id, arm, assigned_by) VALUES ($1, $2, 'treated', 'hand'), ($1, $3, 'waitlist', 'hand')`,
    [study.id, treatedCohortId, waitlist.id],
  );
}

/** Created before it started; the main cohort is the newer one, so it heads the trainer's list. */
async function createCohort(m: SqlRunner, name: string, region: string, trainerId: string, started: number, createdAt: number, code: string) {
  const [cohort] = await m.query(
    `INSERT INTO cohorts (name, region, trainer_id, start_date, follow_up_days, is_demo, created_at)
     VALUES ($1, $2, $3, $4::timestamptz::date, $5, true, $6) RETURNING id`,
    [name, region, trainerId, new Date(started), DEMO_FOLLOW_UP_DAYS, new Date(createdAt)],
  );
  await m.query(`INSERT INTO invite_codes (cohort_id, code, created_at) VALUES ($1, $2, $3)`, [cohort.id, code, new Date(createdAt)]);
  return { id: cohort.id as string, code, started };
}

/** As registration does: the enrolment pins the latest published version, and the invite code counts one use. */
async function enrol(m: SqlRunner, cohort: { id: string; code: string }, userId: string, at: number): Promise<string> {
  const [row] = await m.query(
    `INSERT INTO enrolments (cohort_id, user_id, course_version_id, created_at)
     VALUES ($1, $2, (SELECT id FROM course_versions WHERE status = 'published' ORDER BY published_at DESC, version DESC LIMIT 1), $3)
     RETURNING id`,
    [cohort.id, userId, new Date(at)],
  );
  await m.query(`UPDATE invite_codes SET uses = uses + 1 WHERE code = $1`, [cohort.code]);
  return row.id;
}

/** Most join in the cohort's first ten days; those still learning joined recently enough to be active now. */
function registrationTime(rng: Random, learner: SimulatedLearner, started: number, now: number): number {
  if (learner.fate.kind === 'inProgress') return now - (learner.fate.modulesDone * learner.pace * 1.4 + rng.uniform(2, 4)) * DAY;
  return started + rng.uniform(0, 10) * DAY;
}

/**
 * Each learner is played through a JourneyService of its own whose clock walks through that learner's past; on a
 * server a few learners run at once (they touch different enrolments), on the embedded database one at a time.
 */
async function simulate(db: DatabasePool, deps: DemoSeedDeps, enrolments: SeededEnrolment[], now: number): Promise<void> {
  const [{ version }] = await db.query(`SELECT course_version_id AS version FROM enrolments WHERE id = $1`, [enrolments[0]!.enrolmentId]);
  const course = await deps.catalog.publishedContent(version);
  const bank = new ItemBank(course);
  const poolSize = db.poolSize;
  const queue = enrolments.map((who, i) => ({ who, seed: 1000 + i }));
  const worker = async () => {
    const clock = new SimulatedClock(now);
    // The journey's services wired by hand around the simulated clock (Nest's container holds the real-time ones).
    const submissions = new JourneySubmissions(deps.catalog, db, new CertificateIssuer(), clock);
    const attempts = new AttemptStore();
    const services = {
      journey: new JourneyService(submissions, attempts),
      scenarios: new ScenarioRuns(db, deps.catalog, submissions, attempts, new OptionSeeds(db)),
    };
    for (let next = queue.shift(); next; next = queue.shift()) {
      await playLearner(services, clock, course, next.who, new LearnerAnswers(next.who.learner, bank, course, next.seed), now);
    }
  };
  // The embedded database has one session, so this applies to the seed's own writes only, and is reset after: its
  // commits then skip the WAL flush (on PGlite a file write per commit), which is most of the seeding time there.
  // A crash mid-seed can lose the last simulated steps, never consistency; nothing real is at stake.
  if (poolSize === 1) await db.query(`SET synchronous_commit TO off`);
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(4, poolSize - 1)) }, worker));
  } finally {
    if (poolSize === 1) await db.query(`RESET synchronous_commit`);
  }
}

export function printDemoLogins(logins: DemoLogins, url: string): void {
  const lines = logins.map((l) => `  ${l.role.padEnd(8)} ${l.email.padEnd(26)} ${l.password.padEnd(24)} ${l.note}`);
  process.stdout.write(
    `\nDemo accounts (not created when NODE_ENV=production):\n${lines.join('\n')}\n` +
      `  New learners can register at ${url}/register with the invite code ${DEMO_INVITE_CODE}\n\n`,
  );
}

import type { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/password-hasher.service.js';

export const DEMO_INVITE_CODE = 'DEMO-2026';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  note: string;
}
export type DemoLogins = DemoLogin[];

export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@respeta.demo', password: 'respeta-admin-demo', displayName: 'Ana Admin', positionType: null, region: null, institution: null, note: 'administra cuentas y contenidos' },
  { role: 'trainer', email: 'formadora@respeta.demo', password: 'respeta-formadora-demo', displayName: 'Rosa Formadora', positionType: 'other', region: 'ucayali', institution: 'Respeta', note: 'dirige la cohorte demo' },
  { role: 'learner', email: 'policia@respeta.demo', password: 'respeta-policia-demo', displayName: 'Carlos Quispe', positionType: 'police', region: 'ucayali', institution: 'PNP Comisaría Pucallpa', note: 'aprendiz: policía' },
  { role: 'learner', email: 'municipal@respeta.demo', password: 'respeta-municipal-demo', displayName: 'Lucía Mamani', positionType: 'municipal_official', region: 'arequipa', institution: 'Municipalidad Provincial de Arequipa', note: 'aprendiz: funcionaria municipal' },
  { role: 'learner', email: 'salud@respeta.demo', password: 'respeta-salud-demo', displayName: 'Jorge Huamán', positionType: 'health_staff', region: 'piura', institution: 'Centro de Salud Castilla', note: 'aprendiz: personal de salud' },
] as const;

/**
 * On an empty database (no accounts at all) creates the demo admin, trainer, cohort with invite code and three
 * learners. Never runs in production (the caller checks). Returns the demo logins when the demo data is present.
 */
export async function seedDemo(db: DataSource): Promise<DemoLogins | null> {
  // The usual start (accounts exist) decides without hashing anything: argon2id costs ~50 ms and 19 MiB a password.
  const [{ empty }] = await db.query(`SELECT NOT EXISTS (SELECT 1 FROM users) AS empty`);
  const hashes = empty ? await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password))) : [];
  const seeded = await db.transaction(async (m) => {
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
    const [cohort] = await m.query(`INSERT INTO cohorts (name, region, trainer_id) VALUES ($1, $2, $3) RETURNING id`, [
      'Cohorte demo — Ucayali 2026', 'ucayali', ids['formadora@respeta.demo'],
    ]);
    await m.query(`INSERT INTO invite_codes (cohort_id, code) VALUES ($1, $2)`, [cohort.id, DEMO_INVITE_CODE]);
    for (const a of DEMO_ACCOUNTS.filter((x) => x.role === 'learner')) {
      await m.query(
        `INSERT INTO enrolments (cohort_id, user_id, course_version_id)
         VALUES ($1, $2, (SELECT id FROM course_versions WHERE status = 'published' ORDER BY published_at DESC, version DESC LIMIT 1))`,
        [cohort.id, ids[a.email]],
      );
      await m.query(`UPDATE invite_codes SET uses = uses + 1 WHERE code = $1`, [DEMO_INVITE_CODE]);
    }
    return true;
  });
  return seeded ? DEMO_ACCOUNTS.map(({ role, email, password, note }) => ({ role, email, password, note })) : null;
}

export function printDemoLogins(logins: DemoLogins, url: string): void {
  const lines = logins.map((l) => `  ${l.role.padEnd(8)} ${l.email.padEnd(26)} ${l.password.padEnd(24)} ${l.note}`);
  process.stdout.write(
    `\nDemo accounts (not created when NODE_ENV=production):\n${lines.join('\n')}\n` +
      `  New learners can register at ${url}/register with the invite code ${DEMO_INVITE_CODE}\n\n`,
  );
}

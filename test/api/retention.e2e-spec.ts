import { Client } from 'pg';
import { SimulatedClock } from '../../apps/api/src/common/clock';
import { DailyJobs } from '../../apps/api/src/common/daily-jobs.service';
import { APP_CONFIG, type AppConfig } from '../../apps/api/src/config/app-config';
import { DatabasePool } from '../../apps/api/src/database/database-pool';
import { RetentionJob } from '../../apps/api/src/privacy/retention.service';
import { createReplica, createTestApp, DEMO, login, registerLearner, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);
const DAY = 86_400_000;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The retention schedule run against a simulated clock: nothing goes before its time, everything due goes, the job
 * runs once a day across two replicas, and audit entries younger than a year stay whatever the clock says.
 */
describe('retention schedule (daily job)', () => {
  let t: TestApp;
  const start = Date.now();
  const clock = new SimulatedClock(start);
  const env = { RETENTION_DELETED_ACCOUNT_DAYS: '30', RETENTION_UNCONSENTED_DAYS: '60', RETENTION_PROFILE_HISTORY_DAYS: '90', RETENTION_AUDIT_DAYS: '400' };
  const jobOn = (app: TestApp, pool = app.app.get(DatabasePool), config = app.app.get<AppConfig>(APP_CONFIG)) => new RetentionJob(new DailyJobs(pool, clock), config);
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0].count);

  let idle: { userId: string; enrolmentId: string };
  let renamed: { userId: string };

  beforeAll(async () => {
    t = await createTestApp(env);
    const admin = await login(t, DEMO.admin);
    // A learner who registered and never consented; one who corrected their legal name; one erased with a revoked certificate.
    const s = await registerLearner(t, { inviteCode: DEMO.inviteCode, email: 'quieta@muni.gob.pe', displayName: 'Quieta', password: 'frase larga de prueba 2026', positionType: 'other', region: 'lima' });
    const [e] = (await t.http().get('/api/enrolments/mine').set(auth(s.token)).expect(200)).body;
    idle = { userId: s.userId, enrolmentId: e.id };
    const police = await login(t, DEMO.police);
    await t.http().patch('/api/users/me').set(auth(police.token)).send({ legalName: 'Primer Nombre' }).expect(200);
    await t.http().patch('/api/users/me').set(auth(police.token)).send({ legalName: 'Nombre Corregido' }).expect(200);
    renamed = { userId: police.userId };
    const gone = await registerLearner(t, { inviteCode: DEMO.inviteCode, email: 'se.va@muni.gob.pe', displayName: 'Se Va', password: 'frase larga de prueba 2026', positionType: 'other', region: 'lima' });
    const request = (await t.http().post('/api/me/deletion-request').set(auth(gone.token)).send({ certificateChoice: 'revoke' }).expect(201)).body;
    await t.http().post(`/api/privacy/deletion-requests/${request.id}/confirm`).set(auth(admin.token)).expect(200);
    await t.db.query(
      `INSERT INTO certificates (code, learner_name, course_title, course_version, hours, completed_at, revoked_at, revoked_reason)
       VALUES ('ZZZZ-ZZZZ-ZZZZ', '', '{"es":"C","en":"C"}', 1, 8, now(), now(), 'holder_request')`,
    );
    // Two audit entries from long ago (written around the trigger, as only a superuser can: the app cannot back-date).
    const su = new Client({ connectionString: t.databaseUrl });
    await su.connect();
    try {
      await su.query(`SET session_replication_role = replica`);
      await su.query(`UPDATE audit_log SET at = now() - interval '500 days' WHERE seq IN (1, 2)`);
    } finally {
      await su.end();
    }
  });
  afterAll(() => t.close());

  it('removes only what is due: old audit entries now, nothing else before its time', async () => {
    clock.set(start + 20 * DAY);
    expect(await jobOn(t).runIfDue()).toEqual({ auditEntries: 2, deletionRequests: 0, revokedCertificates: 0, unconsentedEnrolments: 0, previousLegalNames: 0 });
    // The oldest entries went first: what remains is still one unbroken chain.
    expect((await t.db.query(`SELECT audit_log_broken_link() AS broken, min(seq)::int AS first FROM audit_log`))[0]).toEqual({ broken: null, first: 3 });
    expect(await count(`SELECT count(*) FROM enrolments WHERE id = $1`, [idle.enrolmentId])).toBe(1);
    expect(await count(`SELECT count(*) FROM profile_changes WHERE user_id = $1 AND old_value = 'Primer Nombre'`, [renamed.userId])).toBe(1);
  });

  it('runs once a day, on one of two replicas', async () => {
    clock.set(start + 20 * DAY + 3_600_000);
    expect(await jobOn(t).runIfDue()).toBeNull(); // ran less than a day ago
    clock.set(start + 45 * DAY);
    const replica = await createReplica(t, env, ['database/database-pool', 'config/app-config']);
    try {
      const replicaJob = jobOn(replica, replica.app.get(replica.load<{ DatabasePool: typeof DatabasePool }>('database/database-pool').DatabasePool),
        replica.app.get(replica.load<{ APP_CONFIG: typeof APP_CONFIG }>('config/app-config').APP_CONFIG));
      const runs = await Promise.all([jobOn(t).runIfDue(), replicaJob.runIfDue(), jobOn(t).runIfDue(), replicaJob.runIfDue()]);
      expect(runs.filter((r) => r !== null)).toEqual([{ auditEntries: 0, deletionRequests: 1, revokedCertificates: 1, unconsentedEnrolments: 0, previousLegalNames: 0 }]);
    } finally {
      await replica.close();
    }
    expect(await count(`SELECT count(*) FROM deletion_requests`)).toBe(0);
    await t.http().get('/api/certificates/ZZZZ-ZZZZ-ZZZZ').expect(404);
  });

  it('deletes inactive enrolments that never got a consent, and forgets previous legal names, when due', async () => {
    clock.set(start + 100 * DAY);
    expect(await jobOn(t).runIfDue()).toMatchObject({ unconsentedEnrolments: expect.any(Number), previousLegalNames: 1 });
    expect(await count(`SELECT count(*) FROM enrolments WHERE id = $1`, [idle.enrolmentId])).toBe(0);
    // The account stays (it may join again with a code); the change record stays without the old value.
    expect(await count(`SELECT count(*) FROM users WHERE id = $1`, [idle.userId])).toBe(1);
    expect(await count(`SELECT count(*) FROM profile_changes WHERE user_id = $1 AND field = 'legal_name' AND old_value IS NULL`, [renamed.userId])).toBe(2);
  });

  it('never removes audit entries younger than a year, whatever the clock says (the database refuses)', async () => {
    clock.set(start + 3000 * DAY);
    const before = await count(`SELECT count(*) FROM audit_log`);
    expect(await jobOn(t).runIfDue()).toMatchObject({ auditEntries: 0 });
    expect(await count(`SELECT count(*) FROM audit_log`)).toBe(before);
    await expect(t.db.query(`DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`)).rejects.toThrow(/append-only/);
  });
});

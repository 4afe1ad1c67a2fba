import { Client } from 'pg';
import { DatabasePool } from '../../../apps/api/src/database/database-pool';
import { createReplica, createTestApp, DEMO, login, registerLearner, type TestApp } from '../../support/test-app';

jest.setTimeout(120_000);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Entry { seq: number; action: string; actorId: string | null; actorRole: string; subjectId: string | null; subjectName: string | null; cohortIds: string[]; details: Record<string, unknown> }

/**
 * The audit log: staff reads of identifiable data and administrative changes are recorded; an admin sees who viewed
 * a learner's data; the application cannot alter past entries (a trigger refuses), and a change made around the
 * trigger is found by the hash chain.
 */
describe('security: audit log', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof login>>;
  let trainer: Awaited<ReturnType<typeof login>>;
  let police: Awaited<ReturnType<typeof login>>;
  let cohortId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t, DEMO.admin);
    trainer = await login(t, DEMO.trainer);
    police = await login(t, DEMO.police);
    [{ id: cohortId }] = await t.db.query(`SELECT cohort_id AS id FROM enrolments e JOIN users u ON u.id = e.user_id WHERE u.email = $1`, [DEMO.police.email]);
  });
  afterAll(() => t.close());

  const entries = async (query: Record<string, string | number>) =>
    (await t.http().get('/api/audit').query(query).set(auth(admin.token)).expect(200)).body as { entries: Entry[]; nextBefore: number | null };

  it('shows an admin who viewed a learner\'s data: roster, report, export and the account list', async () => {
    await t.http().get(`/api/cohorts/${cohortId}/roster`).set(auth(trainer.token)).expect(200);
    await t.http().get(`/api/cohorts/${cohortId}/report`).set(auth(trainer.token)).expect(200);
    await t.http().get(`/api/cohorts/${cohortId}/exports/bundle.zip`).set(auth(trainer.token)).expect(200);
    await t.http().get('/api/users').set(auth(admin.token)).expect(200);
    // A refused read is not a read: another trainer's 404 leaves no entry.
    await t.http().post('/api/users').set(auth(admin.token)).send({ email: 'otra@respeta.demo', displayName: 'Otra', password: 'otra formadora 2026', role: 'trainer' }).expect(201);
    const other = await login(t, { email: 'otra@respeta.demo', password: 'otra formadora 2026' });
    await t.http().get(`/api/cohorts/${cohortId}/roster`).set(auth(other.token)).expect(404);

    const { entries: about } = await entries({ subject: DEMO.police.email });
    const reads = about.filter((e) => e.actorId === trainer.userId).map((e) => e.action);
    expect(reads).toEqual(['export.download', 'report.read', 'roster.read']);
    expect(about.find((e) => e.action === 'accounts.list')?.actorId).toBe(admin.userId);
    expect(about.some((e) => e.actorId === other.userId)).toBe(false);

    // A learner who joined the cohort afterwards was not in those reads.
    const late = await registerLearner(t, {
      inviteCode: DEMO.inviteCode, email: 'tarde@pnp.gob.pe', displayName: 'Tarde', password: 'frase larga de prueba 2026', positionType: 'police', region: 'lima',
    });
    const { entries: aboutLate } = await entries({ subject: late.userId });
    expect(aboutLate.filter((e) => e.action === 'roster.read')).toEqual([]);

    // Filters: by actor and action, by cohort; entries name no one in their details.
    const byTrainer = await entries({ actor: DEMO.trainer.email, action: 'roster.read' });
    expect(byTrainer.entries.map((e) => e.cohortIds)).toEqual([[cohortId]]);
    expect((await entries({ cohortId })).entries.length).toBeGreaterThanOrEqual(3);
    expect((await entries({ subject: 'nadie@respeta.demo' })).entries).toEqual([]);
    const raw = await t.db.query(`SELECT details::text AS d FROM audit_log`);
    expect(raw.map((r: { d: string }) => r.d).join(' ')).not.toMatch(/@|Policía|policia/i);
  });

  it('records administrative changes: permissions, accounts, cohorts, invite codes, content', async () => {
    await t.http().patch(`/api/users/${trainer.userId}/permissions`).set(auth(admin.token)).send({ canEditContent: true }).expect(200);
    await t.http().post(`/api/users/${police.userId}/disable`).set(auth(admin.token)).expect(201);
    await t.http().post(`/api/users/${police.userId}/enable`).set(auth(admin.token)).expect(201);
    police = await login(t, DEMO.police); // disabling ended the old session
    await t.http().patch(`/api/cohorts/${cohortId}`).set(auth(trainer.token)).send({ name: 'Renombrada' }).expect(200);
    const code = (await t.http().post(`/api/cohorts/${cohortId}/invite-codes`).set(auth(trainer.token)).send({}).expect(201)).body;
    await t.http().post(`/api/cohorts/${cohortId}/invite-codes/${code.id}/revoke`).set(auth(trainer.token)).expect(200);
    const [course] = (await t.http().get('/api/courses').set(auth(admin.token)).expect(200)).body;
    const draft = (await t.http().post(`/api/courses/${course.id}/draft`).set(auth(admin.token)).expect(200)).body;
    await t.http().post(`/api/course-versions/${draft.id}/publish`).set(auth(admin.token)).send({ changeNote: { es: 'Sin cambios.', en: 'No changes.' } }).expect(200);
    await t.http().post(`/api/cohorts/${cohortId}/course-version`).set(auth(trainer.token)).send({ courseVersionId: draft.id }).expect(200);

    const { entries: recent } = await entries({ limit: 20 });
    const actions = recent.map((e) => e.action);
    for (const action of ['account.content_editor.grant', 'account.disable', 'account.enable', 'cohort.update', 'invite_code.create', 'invite_code.revoke', 'content.publish', 'cohort.course_version.move']) {
      expect(actions).toContain(action);
    }
    expect(recent.find((e) => e.action === 'cohort.update')?.details).toEqual({ fields: ['name'] });
    expect(recent.find((e) => e.action === 'account.disable')).toMatchObject({ actorId: admin.userId, subjectId: police.userId });
    // The import at start-up was recorded as the system's publication.
    const { entries: imports } = await entries({ action: 'content.publish', limit: 100 });
    expect(imports.some((e) => e.actorRole === 'system' && e.details.source === 'import')).toBe(true);
  });

  it('pages newest first and exports the filtered log as CSV (both recorded)', async () => {
    const first = await entries({ limit: 2 });
    expect(first.entries).toHaveLength(2);
    expect(first.entries[0].seq).toBeGreaterThan(first.entries[1].seq);
    const second = await entries({ limit: 2, before: first.nextBefore! });
    expect(second.entries[0].seq).toBeLessThan(first.entries[1].seq);
    const csv = await t.http().get('/api/audit/export.csv').query({ subject: DEMO.police.email }).set(auth(admin.token)).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toMatch(/^\uFEFFseq,at,actor_id,actor_name,actor_role,action,subject_id,subject_name/);
    expect(csv.text).toContain(',roster.read,');
    expect((await entries({ action: 'audit.export' })).entries[0].details).toMatchObject({ subjectId: police.userId, rows: expect.any(Number) });
    await t.http().get('/api/audit').set(auth(trainer.token)).expect(403);
    await t.http().get('/api/audit/export.csv').set(auth(police.token)).expect(403);
  });

  it('the application cannot alter or remove past entries (a trigger refuses, whatever the SQL)', async () => {
    const [before] = await t.db.query(`SELECT count(*)::int AS n, max(seq) AS last FROM audit_log`);
    await expect(t.db.query(`UPDATE audit_log SET action = 'roster.read' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`UPDATE audit_log SET details = '{}'::jsonb`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log WHERE seq = $1`, [before.last])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    // The same through the pool the services use (and the refusal leaves its connection usable for what follows).
    await expect(t.app.get(DatabasePool).rows(`DELETE FROM audit_log`, [])).rejects.toThrow(/append-only/);
    // Entries cannot be back-dated or linked elsewhere either: the database sets time, number and hash.
    await t.db.query(`INSERT INTO audit_log (seq, at, action, prev_hash, hash) VALUES (1, '2000-01-01', 'roster.read', 'x', 'y')`);
    const [forged] = await t.db.query(`SELECT seq, at, prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
    expect(Number(forged.seq)).toBe(Number(before.last) + 1);
    expect(new Date(forged.at).getFullYear()).toBeGreaterThan(2020);
    expect(forged.prev_hash).not.toBe('x');
    const [after] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after.n).toBe(before.n + 1);
  });

  it('keeps one unbroken hash chain across two replicas writing at once', async () => {
    const replica = await createReplica(t);
    try {
      const replicaTrainer = await login(replica, DEMO.trainer);
      await Promise.all(Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? t : replica).http().get(`/api/cohorts/${cohortId}/roster`).set(auth(i % 2 ? trainer.token : replicaTrainer.token)).expect(200)));
    } finally {
      await replica.close();
    }
    const seqs = (await t.db.query(`SELECT seq FROM audit_log ORDER BY seq`)).map((r: { seq: string }) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const integrity = (await t.http().get('/api/audit/integrity').set(auth(admin.token)).expect(200)).body;
    expect(integrity).toMatchObject({ intact: true, brokenAt: null, entries: seqs.length, headSeq: seqs.length, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('detects an entry changed by someone who got around the trigger (the hash chain breaks there)', async () => {
    // A superuser can switch triggers off; the chain still tells.
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE audit_log SET actor_id = NULL WHERE seq = 3`);
    } finally {
      await client.end();
    }
    const integrity = (await t.http().get('/api/audit/integrity').set(auth(admin.token)).expect(200)).body;
    expect(integrity).toMatchObject({ intact: false, brokenAt: 3 });
  });
});

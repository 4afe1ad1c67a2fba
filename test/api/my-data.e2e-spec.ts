import { randomUUID } from 'node:crypto';
import { modulesInOrder, Player } from '../support/course-player';
import { pdfText } from '../support/pdf-text';
import { createTestApp, DEMO, login, registerLearner, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const binary = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** "Mis datos": access and portability, rectification (legal name on the next certificate), deletion with consent-following aggregates. */
describe('personal data rights', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof login>>;
  let trainer: Awaited<ReturnType<typeof login>>;
  let cohortId: string;

  async function learner(name: string, evaluationUse: boolean, complete: boolean) {
    const email = `${name.toLowerCase()}.${randomUUID().slice(0, 6)}@muni.gob.pe`;
    const s = await registerLearner(t, {
      inviteCode: DEMO.inviteCode, email, displayName: name,
      password: 'frase larga de prueba 2026', positionType: 'municipal_official', region: 'ucayali',
    });
    const [enrolment] = (await t.http().get('/api/enrolments/mine').set(auth(s.token)).expect(200)).body;
    const p = new Player(t, s.token, enrolment.id);
    await p.pre();
    if (!evaluationUse) await p.put('/evaluation-use', { evaluationUse: false }).expect(200);
    if (complete) {
      for (let i = 0; i < modulesInOrder().length; i++) await p.module(i);
      await p.post_();
    }
    return { ...s, p, name, email };
  }

  const myData = async (token: string) => (await t.http().get('/api/me/data').set(auth(token)).expect(200)).body;
  const report = async () => (await t.http().get(`/api/cohorts/${cohortId}/report`).set(auth(trainer.token)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t, DEMO.admin);
    trainer = await login(t, DEMO.trainer);
    [{ id: cohortId }] = await t.db.query(`SELECT cohort_id AS id FROM invite_codes WHERE code = $1`, [DEMO.inviteCode]);
  });
  afterAll(() => t.close());

  it('a learner downloads everything held about them, as JSON and CSV, including who looked at it', async () => {
    const ana = await learner('Ana', true, true);
    await t.http().put(`/api/enrolments/${ana.p.enrolmentId}/action-plan`).set(auth(ana.token))
      .send({ commitments: ['Escuchar sin juzgar', 'Registrar la denuncia', 'Derivar al CEM'] }).expect(200);
    await t.http().get(`/api/cohorts/${cohortId}/roster`).set(auth(trainer.token)).expect(200);

    const data = await myData(ana.token);
    expect(data.profile).toMatchObject({ displayName: 'Ana', legalName: null, role: 'learner', positionType: 'municipal_official', region: 'ucayali' });
    const [enrolment] = data.enrolments;
    expect(enrolment.consentHistory.map((c: { action: string }) => c.action)).toEqual(['given']);
    expect(enrolment.evaluationUse).toBe(true);
    const kinds = new Set(enrolment.attempts.map((a: { kind: string }) => a.kind));
    expect([...kinds].sort()).toEqual(['attitude', 'knowledge', 'quiz', 'scenario']);
    const preKnowledge = enrolment.attempts.find((a: { kind: string; wave: string }) => a.kind === 'knowledge' && a.wave === 'pre');
    expect(preKnowledge.score).toEqual(expect.any(Number));
    expect(preKnowledge.answers.length).toBeGreaterThan(5);
    expect(enrolment.scenarioRuns.length).toBeGreaterThan(0);
    expect(enrolment.actionPlan.commitments).toEqual(['Escuchar sin juzgar', 'Registrar la denuncia', 'Derivar al CEM']);
    expect(enrolment.certificate).toMatchObject({ learnerName: 'Ana', code: expect.any(String) });
    expect(data.accessLog.map((e: { action: string; actorRole: string }) => `${e.actorRole}:${e.action}`)).toContain('trainer:roster.read');
    // Nobody else's data: the route has no id, and another learner gets their own.
    const other = await login(t, DEMO.police);
    expect((await myData(other.token)).profile.email).toBe(DEMO.police.email);

    const csv = await t.http().get('/api/me/data.csv').set(auth(ana.token)).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment/);
    expect(csv.text.startsWith('\uFEFFrecord,field,value\r\n')).toBe(true);
    expect(csv.text).toContain(`profile,email,${data.profile.email}`);
    expect(csv.text).toContain('enrolments.1.actionPlan.commitments,1,Escuchar sin juzgar');
    expect(csv.text).toMatch(/enrolments\.1\.attempts\.\d+\.answers\.\d+,itemKey,/);
    expect(csv.text).toContain('accessLog.1,action,');
  });

  it('a learner corrects their legal name: recorded, and the next certificate PDF prints it', async () => {
    const bea = await learner('Bea', true, true);
    const pdf = async () => pdfText((await bea.p.get('/certificate.pdf').buffer(true).parse(binary).expect(200)).body as Buffer);
    expect(await pdf()).toContain('Bea');

    await t.http().patch('/api/users/me').set(auth(bea.token)).send({ legalName: 'Beatriz Huamán Quispe' }).expect(200);
    expect(await pdf()).toContain('Beatriz Huamán Quispe');
    await t.http().patch('/api/users/me').set(auth(bea.token)).send({ legalName: 'Beatriz Huamán Quispe de Ríos', institution: 'Municipalidad de Pucallpa' }).expect(200);
    const text = await pdf();
    expect(text).toContain('Beatriz Huamán Quispe de Ríos');
    const { code } = (await bea.p.get('/certificate').expect(200)).body;
    expect((await t.http().get(`/api/certificates/${code}`).expect(200)).body).toMatchObject({ valid: true, learnerName: 'Beatriz Huamán Quispe de Ríos' });

    // Each change recorded (who, when, which field); the old value only for the legal name.
    const { profileChanges } = await myData(bea.token);
    expect(profileChanges.map((c: { field: string; by: string; oldValue: string | null }) => [c.field, c.by, c.oldValue])).toEqual([
      ['legal_name', 'self', null],
      ['legal_name', 'self', 'Beatriz Huamán Quispe'],
      ['institution', 'self', null],
    ]);
    // The chosen name stays the greeting; an unchanged value records nothing.
    await t.http().patch('/api/users/me').set(auth(bea.token)).send({ institution: 'Municipalidad de Pucallpa', displayName: 'Bea' }).expect(200);
    expect((await myData(bea.token)).profileChanges).toHaveLength(3);
    await t.http().patch('/api/users/me').set(auth(bea.token)).send({ displayName: null }).expect(400);
  });

  it('deletion: requested by the learner, confirmed by an admin; identifiable views forget them, aggregates follow the consent', async () => {
    const kept = await learner('Carmen', true, true); // evaluation use, certificate revoked
    const courseOnly = await learner('Dora', false, true); // course only, certificate kept
    const codeOf = async (l: typeof kept) => (await l.p.get('/certificate').expect(200)).body.code as string;
    const [keptCode, courseOnlyCode] = [await codeOf(kept), await codeOf(courseOnly)];
    const before = await report();
    const knowledgePairs = (r: { measures: { key: string; nPairs: number }[] }) => r.measures.find((m) => m.key === 'knowledge')!.nPairs;

    const asked = await t.http().post('/api/me/deletion-request').set(auth(kept.token)).send({ certificateChoice: 'revoke' }).expect(201);
    await t.http().post('/api/me/deletion-request').set(auth(kept.token)).send({ certificateChoice: 'keep' }).expect(409).expect((r) => expect(r.body.code).toBe('DELETION_REQUEST_PENDING'));
    await t.http().post('/api/me/deletion-request').set(auth(courseOnly.token)).send({ certificateChoice: 'keep' }).expect(201);
    await t.http().post('/api/me/deletion-request').set(auth(trainer.token)).send({ certificateChoice: 'keep' }).expect(403);
    expect((await myData(kept.token)).deletionRequests).toMatchObject([{ status: 'pending', certificateChoice: 'revoke' }]);

    // Only an admin sees the pending requests (a recorded read) and confirms.
    await t.http().get('/api/privacy/deletion-requests').set(auth(trainer.token)).expect(403);
    const pending = (await t.http().get('/api/privacy/deletion-requests').set(auth(admin.token)).expect(200)).body;
    expect(pending.find((r: { id: string }) => r.id === asked.body.id)).toMatchObject({ displayName: 'Carmen', enrolmentsKept: 1, enrolmentsDeleted: 0, certificates: 1 });
    await t.http().post(`/api/privacy/deletion-requests/${asked.body.id}/confirm`).set(auth(trainer.token)).expect(403);
    const done = await t.http().post(`/api/privacy/deletion-requests/${asked.body.id}/confirm`).set(auth(admin.token)).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', enrolmentsKept: 1, enrolmentsDeleted: 0, certificatesRevoked: 1 });
    await t.http().post(`/api/privacy/deletion-requests/${asked.body.id}/confirm`).set(auth(admin.token)).expect(409);
    const other = pending.find((r: { displayName: string }) => r.displayName === 'Dora');
    await t.http().post(`/api/privacy/deletion-requests/${other.id}/confirm`).set(auth(admin.token)).expect(200)
      .expect((r) => expect(r.body).toMatchObject({ enrolmentsKept: 0, enrolmentsDeleted: 1, certificatesKept: 1 }));

    // The accounts are gone: no sign-in, no session.
    await t.http().get('/api/auth/me').set(auth(kept.token)).expect(401);
    await t.http().post('/api/auth/login').send({ email: kept.email, password: 'frase larga de prueba 2026' }).expect(401);
    expect(await t.db.query(`SELECT 1 FROM users WHERE id = ANY($1)`, [[kept.userId, courseOnly.userId]])).toEqual([]);

    // No identifiable view shows them.
    const roster = (await t.http().get(`/api/cohorts/${cohortId}/roster`).set(auth(trainer.token)).expect(200)).body;
    expect(roster.map((r: { learnerName: string }) => r.learnerName)).not.toEqual(expect.arrayContaining(['Carmen']));
    expect(roster.map((r: { learnerName: string }) => r.learnerName)).not.toEqual(expect.arrayContaining(['Dora']));
    const after = await report();
    expect(after.learners.map((l: { name: string }) => l.name)).not.toEqual(expect.arrayContaining(['Carmen']));
    expect(after.learners.some((l: { name: string }) => l.name === '' || l.name === 'Dora')).toBe(false);
    const users = (await t.http().get('/api/users').set(auth(admin.token)).expect(200)).body;
    expect(users.some((u: { displayName: string }) => ['Carmen', 'Dora'].includes(u.displayName))).toBe(false);

    // Aggregates follow the consent: the evaluation-use learner still counts (pseudonymous), the course-only one is gone.
    expect(knowledgePairs(after)).toBe(knowledgePairs(before));
    expect(after.participation.inStatistics).toBe(before.participation.inStatistics);
    expect(after.participation.enrolled).toBe(before.participation.enrolled - 1);
    const [left] = await t.db.query(`SELECT user_id, erased_at FROM enrolments WHERE id = $1`, [kept.p.enrolmentId]);
    expect(left).toMatchObject({ user_id: null, erased_at: expect.any(Date) });
    const counts = async (id: string) => (await t.db.query(
      `SELECT (SELECT count(*) FROM attempts WHERE enrolment_id = $1)::int AS attempts, (SELECT count(*) FROM action_plans WHERE enrolment_id = $1)::int AS plans,
              (SELECT count(*) FROM scenario_runs WHERE enrolment_id = $1)::int AS runs, (SELECT count(*) FROM enrolments WHERE id = $1)::int AS enrolments`, [id]))[0];
    expect(await counts(kept.p.enrolmentId)).toMatchObject({ plans: 0, runs: 0, enrolments: 1 });
    expect((await counts(kept.p.enrolmentId)).attempts).toBeGreaterThan(0);
    expect(await counts(courseOnly.p.enrolmentId)).toEqual({ attempts: 0, plans: 0, runs: 0, enrolments: 0 });

    // Verification says which: revoked (no name) or kept.
    expect((await t.http().get(`/api/certificates/${keptCode}`).expect(200)).body).toMatchObject({ valid: false, status: 'revoked', learnerName: null, revokedAt: expect.any(String) });
    expect((await t.http().get(`/api/certificates/${courseOnlyCode}`).expect(200)).body).toMatchObject({ valid: true, status: 'valid', learnerName: 'Dora' });

    // The audit log keeps the erasure, by id only.
    const audit = (await t.http().get('/api/audit').query({ subject: kept.userId }).set(auth(admin.token)).expect(200)).body.entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['account.erase', 'deletion_request.create', 'deletion_requests.list']));
    expect(audit.find((e: { action: string }) => e.action === 'account.erase')).toMatchObject({ actorId: admin.userId, subjectName: null });
  });

  it('a learner may cancel a pending request; an admin may reject one; an admin reading someone\'s data is recorded', async () => {
    const eva = await learner('Eva', true, false);
    await t.http().post('/api/me/deletion-request').set(auth(eva.token)).send({ certificateChoice: 'keep' }).expect(201);
    await t.http().post('/api/me/deletion-request/cancel').set(auth(eva.token)).expect(200).expect((r) => expect(r.body.status).toBe('cancelled'));
    await t.http().post('/api/me/deletion-request/cancel').set(auth(eva.token)).expect(404);
    const again = await t.http().post('/api/me/deletion-request').set(auth(eva.token)).send({ certificateChoice: 'revoke' }).expect(201);
    await t.http().post(`/api/privacy/deletion-requests/${again.body.id}/reject`).set(auth(admin.token)).expect(200);
    await t.http().get('/api/auth/me').set(auth(eva.token)).expect(200);

    const seen = (await t.http().get(`/api/privacy/users/${eva.userId}/data`).set(auth(admin.token)).expect(200)).body;
    expect(seen.profile.displayName).toBe('Eva');
    await t.http().get(`/api/privacy/users/${eva.userId}/data`).set(auth(trainer.token)).expect(403);
    const log = (await myData(eva.token)).accessLog.map((e: { action: string; actorRole: string }) => `${e.actorRole}:${e.action}`);
    expect(log).toEqual(expect.arrayContaining(['admin:personal_data.read', 'admin:deletion_request.reject']));
  });
});

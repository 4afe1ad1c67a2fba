import { FILL_ANSWER_VECTORS_SQL } from '../../apps/api/src/reports/answer-vectors-sql';
import { course } from '../support/course-player';
import { cronbachAlpha } from '../../libs/evaluation/src/index';
import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

// TV1 (R's sleep data) as knowledge scores: the report must reproduce R's t.test and wilcox.test.
const PRE = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0].map((x) => 50 + x);
const POST = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4].map((x) => 50 + x);
const POSITIONS = ['police', 'police', 'police', 'police', 'police', 'police', 'municipal_official', 'municipal_official', 'municipal_official', 'health_staff'];

/** Inserts learners with known answers straight into the tables the report reads. */
async function seedCohort(t: TestApp, trainerId: string, name: string): Promise<{ cohortId: string; emails: string[]; names: string[] }> {
  const [cohort] = await t.db.query(`INSERT INTO cohorts (name, trainer_id) VALUES ($1, $2) RETURNING id`, [name, trainerId]);
  const [version] = await t.db.query(`SELECT id FROM course_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1`);
  const items = course().attitudeInstrument.items;
  const emails: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < PRE.length; i++) {
    const email = `learner${i}.${name.replace(/\W/g, '').toLowerCase()}@test.pe`;
    const display = `Aprendiz ${name} ${i}`;
    emails.push(email);
    names.push(display);
    const [user] = await t.db.query(
      `INSERT INTO users (email, display_name, password_hash, role, position_type, region) VALUES ($1, $2, 'x', 'learner', $3, 'piura') RETURNING id`,
      [email, display, POSITIONS[i]],
    );
    const [enrolment] = await t.db.query(
      `INSERT INTO enrolments (cohort_id, user_id, course_version_id, stage) VALUES ($1, $2, $3, 'completed') RETURNING id`,
      [cohort.id, user.id, version.id],
    );
    for (const [wave, score, likert] of [['pre', PRE[i], 2], ['post', POST[i], 4]] as const) {
      const [kt] = await t.db.query(`INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key, score) VALUES ($1, $2, 'knowledge', $3, 'kt', $4) RETURNING id`, [enrolment.id, version.id, wave, score]);
      // Item answers as the API stores them (option lists): item 1 right for everyone after the course, wrong before.
      const knowledge = course().knowledgeTest.items.slice(0, 3).map((item, j) => ({ item_key: item.key, value: ['a'], correct: j === 0 ? wave === 'post' : true }));
      await insertResponses(t, kt.id, knowledge);
      const [att] = await t.db.query(`INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key) VALUES ($1, $2, 'attitude', $3, 'att') RETURNING id`, [enrolment.id, version.id, wave]);
      // Every learner answers around `likert` on every statement (a known spread per learner and item).
      await insertResponses(t, att.id, items.map((item, j) => {
        const raw = item.reverse ? 6 - likert : likert;
        return { item_key: item.key, value: raw + ((i + j) % 3) - 1, correct: null }; // a per-learner, per-item spread (1..5), the same at pre and post
      }));
    }
  }
  // Bulk-inserted answers get the answer vectors the API writes at submission.
  await t.db.query(FILL_ANSWER_VECTORS_SQL);
  return { cohortId: cohort.id, emails, names };
}

/** One statement per attempt (a statement per answer made the setup slow on a busy machine). */
function insertResponses(t: TestApp, attemptId: string, rows: { item_key: string; value: unknown; correct: boolean | null }[]) {
  return t.db.query(
    `INSERT INTO responses (attempt_id, item_key, value, correct) SELECT $1, r.item_key, r.value, r.correct FROM jsonb_to_recordset($2::jsonb) AS r(item_key text, value jsonb, correct boolean)`,
    [attemptId, JSON.stringify(rows)],
  );
}

describe('trainer report and exports', () => {
  let t: TestApp;
  let trainerA: { token: string; userId: string };
  let trainerB: { token: string; userId: string };
  let cohortA: Awaited<ReturnType<typeof seedCohort>>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    trainerA = await login(t, DEMO.trainer);
    const admin = await login(t, DEMO.admin);
    await t.http().post('/api/users').set(auth(admin.token)).send({ email: 'b@respeta.demo', displayName: 'Trainer B', password: 'otro formador 2026', role: 'trainer' }).expect(201);
    trainerB = await login(t, { email: 'b@respeta.demo', password: 'otro formador 2026' });
    cohortA = await seedCohort(t, trainerA.userId, 'Alfa');
  });
  afterAll(() => t.close());

  it('computes the knowledge comparison exactly as R does (TV1)', async () => {
    const res = await t.http().get(`/api/cohorts/${cohortA.cohortId}/report?lang=en`).set(auth(trainerA.token)).expect(200);
    const k = res.body.measures.find((m: { key: string }) => m.key === 'knowledge');
    expect(k.nPairs).toBe(10);
    expect(k.nUnpaired).toBe(0);
    expect(k.change.meanDiff).toBeCloseTo(1.58, 4);
    expect(k.change.t).toBeCloseTo(4.0621, 4);
    expect(k.change.df).toBe(9);
    expect(k.change.p).toBeCloseTo(0.002833, 5);
    expect(k.change.ci95[0]).toBeCloseTo(0.7001, 4);
    expect(k.change.ci95[1]).toBeCloseTo(2.4599, 4);
    expect(k.change.dz).toBeCloseTo(1.2846, 4);
    expect(k.change.wilcoxon.v).toBe(45);
    expect(k.change.wilcoxon.p).toBeCloseTo(0.009091, 5);
    expect(k.change.reading).toMatch(/^Knowledge improved by 1\.6 percentage points, a large change \(d_z = 1\.28\).*p = 0\.003/);
    // TV1's differences: nine improved, one unchanged (0), spread over 0..4.6 → bins of 1 centred on 0..5.
    expect(k.distribution).toMatchObject({ binWidth: 1, improved: 9, unchanged: 1, declined: 0, range: [48.4, 55.5] });
    expect(k.distribution.bins.map((b: { centre: number }) => b.centre)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(k.pairSample).toHaveLength(10);
    expect(k.pairSample[0]).toEqual([PRE[0], POST[0]]);
    expect(res.body.learnersTotal).toBe(10);
    expect(res.body.learners).toHaveLength(10);
  });

  it('re-keys reverse items and scores subscales: everyone moved from 2 to 4 (plus a known spread)', async () => {
    const res = await t.http().get(`/api/cohorts/${cohortA.cohortId}/report`).set(auth(trainerA.token)).expect(200);
    const subscales = res.body.measures.filter((m: { scale: string }) => m.scale === 'likert');
    expect(subscales.length).toBe(course().attitudeInstrument.subscales.length);
    // α from the report's sums equals α computed here from the seeded answers (re-keyed, items in instrument order).
    const items = course().attitudeInstrument.items;
    for (const s of subscales) {
      const own = items.map((it, j) => ({ it, j })).filter(({ it }) => it.subscale === s.key);
      const matrix = PRE.map((_, i) => own.map(({ it, j }) => {
        const raw = it.reverse ? 4 : 2;
        const value = raw + ((i + j) % 3) - 1;
        return it.reverse ? 6 - value : value;
      }));
      const expected = cronbachAlpha(matrix);
      expect(expected.alpha).not.toBeNull();
      expect(s.alphaPre.alpha).toBeCloseTo(expected.alpha!, 4);
      expect(s.alphaPre.alphaIfDeleted.map((d: { itemKey: string }) => d.itemKey)).toEqual(own.map(({ it }) => it.key));
      s.alphaPre.alphaIfDeleted.forEach((d: { alpha: number | null }, i: number) => expect(d.alpha ?? NaN).toBeCloseTo(expected.alphaIfDeleted[i] ?? NaN, 4));
      expect(s.alphaPre.ci95[0]).toBeCloseTo(expected.ci95![0], 4);
    }
    for (const s of subscales) {
      expect(s.nPairs).toBe(10);
      expect(s.change.meanDiff).toBeCloseTo(2, 1);
      expect(s.alphaPre.n).toBe(10);
      expect(s.change.reading).toMatch(/mejor/);
    }
    const item = res.body.items.find((i: { key: string }) => i.key === course().attitudeInstrument.items[1].key);
    expect(item.shift).toBeCloseTo(2, 6);
    const knowledgeItem = res.body.items.find((i: { key: string }) => i.key === course().knowledgeTest.items[0].key);
    expect(knowledgeItem).toMatchObject({ kind: 'knowledge', pre: { n: 10, mean: 0 }, post: { n: 10, mean: 100 }, shift: 100 });
    expect(JSON.stringify(res.body)).not.toMatch(/NaN|Infinity/);
  });

  it('suppresses groups under 5 with complementary suppression', async () => {
    const res = await t.http().get(`/api/cohorts/${cohortA.cohortId}/report`).set(auth(trainerA.token)).expect(200);
    const byPosition = res.body.breakdowns.find((b: { by: string }) => b.by === 'positionType');
    const visible = byPosition.groups.filter((g: { suppressed: boolean }) => !g.suppressed);
    for (const g of visible) expect(g.n).toBeGreaterThanOrEqual(5);
    // police 6, municipal 3, health 1: the two small groups are hidden; with two hidden, neither can be recovered
    // from the total (10 − 6 = 4 = 3 + 1 cannot be split).
    const hidden = byPosition.groups.filter((g: { suppressed: boolean }) => g.suppressed);
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    for (const g of hidden) expect(g).not.toHaveProperty('n');
    // One region (everyone in Piura): visible as a single group of 10.
    const byRegion = res.body.breakdowns.find((b: { by: string }) => b.by === 'region');
    expect(byRegion.groups).toEqual([expect.objectContaining({ key: 'piura', n: 10, suppressed: false })]);
  });

  it("hides trainer A's cohort from trainer B (404) on report, roster and exports", async () => {
    for (const path of ['report', 'roster', 'exports/scores.csv', 'exports/export.xlsx', 'invite-codes']) {
      const res = await t.http().get(`/api/cohorts/${cohortA.cohortId}/${path}`).set(auth(trainerB.token));
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const list = await t.http().get('/api/cohorts').set(auth(trainerB.token)).expect(200);
    expect(list.body).toEqual([]);
  });

  it('exports pseudonymous CSV and XLSX with a codebook, never names or e-mails', async () => {
    const scores = await t.http().get(`/api/cohorts/${cohortA.cohortId}/exports/scores.csv`).set(auth(trainerA.token)).expect(200);
    expect(scores.headers['content-type']).toMatch(/text\/csv/);
    const lines = scores.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^pseudonym,cohort,position_type,region,wave,knowledge_pct,att_/);
    expect(lines).toHaveLength(1 + 20);
    expect(lines[1]).toMatch(/^P-[0-9a-f]{12},Alfa,/);
    const responses = await t.http().get(`/api/cohorts/${cohortA.cohortId}/exports/responses.csv`).set(auth(trainerA.token)).expect(200);
    const codebook = await t.http().get(`/api/cohorts/${cohortA.cohortId}/exports/codebook.csv`).set(auth(trainerA.token)).expect(200);
    expect(codebook.text).toMatch(/reverse_keyed/);
    const xlsx = await t.http().get(`/api/cohorts/${cohortA.cohortId}/exports/export.xlsx`).set(auth(trainerA.token))
      .buffer(true).parse((res, cb) => { const c: Buffer[] = []; res.on('data', (d: Buffer) => c.push(d)); res.on('end', () => cb(null, Buffer.concat(c))); })
      .expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    for (const text of [scores.text, responses.text, codebook.text]) {
      for (const email of cohortA.emails) expect(text).not.toContain(email);
      for (const name of cohortA.names) expect(text).not.toContain(name);
      expect(text).not.toMatch(/@/);
    }
  });

  it('manages cohorts, invite codes and the roster', async () => {
    const created = await t.http().post('/api/cohorts').set(auth(trainerA.token))
      .send({ name: 'Cohorte Junín', region: 'junin', startDate: '2026-12-01', endDate: '2026-12-20', followUpDays: 60 }).expect(201);
    expect(created.body).toMatchObject({ name: 'Cohorte Junín', trainerId: trainerA.userId, followUpDays: 60, enrolled: 0 });
    await t.http().post('/api/cohorts').set(auth(trainerA.token)).send({ name: 'X', startDate: '2026-12-20', endDate: '2026-12-01' }).expect(400);
    await t.http().post('/api/cohorts').set(auth(trainerA.token)).send({ name: 'X', trainerId: trainerB.userId }).expect(403);
    const code = await t.http().post(`/api/cohorts/${created.body.id}/invite-codes`).set(auth(trainerA.token)).send({ maxUses: 2 }).expect(201);
    expect(code.body).toMatchObject({ maxUses: 2, uses: 0, usable: true });
    const register = (inviteCode: string, n: number) => t.http().post('/api/auth/register').send({
      inviteCode, email: `junin${n}@muni.gob.pe`, displayName: `Junín ${n}`, password: 'frase larga de prueba', positionType: 'municipal_official', region: 'junin',
    });
    await register(code.body.code, 1).expect(202);
    const rotated = await t.http().post(`/api/cohorts/${created.body.id}/invite-codes/${code.body.id}/rotate`).set(auth(trainerA.token)).expect(200);
    expect(rotated.body.code).not.toBe(code.body.code);
    expect((await register(code.body.code, 2).expect(400)).body.code).toBe('INVITE_CODE_INVALID');
    await register(rotated.body.code, 3).expect(202);
    const roster = await t.http().get(`/api/cohorts/${created.body.id}/roster`).set(auth(trainerA.token)).expect(200);
    expect(roster.body.map((r: { learnerName: string }) => r.learnerName)).toEqual(['Junín 1', 'Junín 3']);
    await t.http().post(`/api/cohorts/${created.body.id}/enrolments/${roster.body[0].enrolmentId}/remove`).set(auth(trainerA.token)).expect(204);
    const after = await t.http().get(`/api/cohorts/${created.body.id}/roster`).set(auth(trainerA.token)).expect(200);
    expect(after.body[0]).toMatchObject({ learnerName: 'Junín 1', status: 'withdrawn' });
    await t.http().post(`/api/cohorts/${created.body.id}/enrolments/${roster.body[0].enrolmentId}/remove`).set(auth(trainerB.token)).expect(404);
  });

  it('lets an admin combine cohorts and reassign a trainer; trainers cannot combine', async () => {
    const admin = await login(t, DEMO.admin);
    const cohortB = await seedCohort(t, trainerB.userId, 'Beta');
    const combined = await t.http().get(`/api/reports/combined?cohortIds=${cohortA.cohortId},${cohortB.cohortId}`).set(auth(admin.token)).expect(200);
    expect(combined.body.measures[0].nPairs).toBe(20);
    await t.http().get(`/api/reports/combined?cohortIds=${cohortA.cohortId}`).set(auth(trainerA.token)).expect(403);
    await t.http().get('/api/reports/combined?cohortIds=nope').set(auth(admin.token)).expect(400);
    await t.http().put(`/api/cohorts/${cohortB.cohortId}/trainer`).set(auth(admin.token)).send({ trainerId: trainerA.userId }).expect(200);
    await t.http().get(`/api/cohorts/${cohortB.cohortId}/report`).set(auth(trainerA.token)).expect(200);
    await t.http().get(`/api/cohorts/${cohortB.cohortId}/report`).set(auth(trainerB.token)).expect(404);
  });
});

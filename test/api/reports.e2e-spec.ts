import { unzipSync } from 'fflate';
import { FILL_ANSWER_VECTORS_SQL, FILL_CHOICE_VECTORS_SQL } from '../support/answer-vectors-sql';
import { course } from '../support/course-player';
import { cronbachAlpha } from '../../libs/evaluation/src/index';
import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

// TV1 (R's sleep data) as knowledge scores: the report must reproduce R's t.test and wilcox.test.
const PRE = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0].map((x) => 50 + x);
const POST = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4].map((x) => 50 + x);
const POSITIONS = ['police', 'police', 'police', 'police', 'police', 'police', 'municipal_official', 'municipal_official', 'municipal_official', 'health_staff'];

const optionFor = (item: { options: { key: string; correct: boolean }[] }, correct: boolean) => item.options.find((o) => o.correct === correct)!.key;

/** Inserts learners with known answers straight into the tables the report reads (the first `count` of TV1). */
async function seedCohort(t: TestApp, trainerId: string, name: string, count = PRE.length): Promise<{ cohortId: string; emails: string[]; names: string[] }> {
  const [cohort] = await t.db.query(`INSERT INTO cohorts (name, trainer_id) VALUES ($1, $2) RETURNING id`, [name, trainerId]);
  const [version] = await t.db.query(`SELECT id FROM course_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1`);
  const items = course().attitudeInstrument.items;
  const emails: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `learner${i}.${name.replace(/\W/g, '').toLowerCase()}@test.pe`;
    const display = `Aprendiz ${name} ${i}`;
    emails.push(email);
    names.push(display);
    const [user] = await t.db.query(
      `INSERT INTO users (email, display_name, password_hash, role, position_type, region) VALUES ($1, $2, 'x', 'learner', $3, 'piura') RETURNING id`,
      [email, display, POSITIONS[i]],
    );
    const [enrolment] = await t.db.query(
      `INSERT INTO enrolments (cohort_id, user_id, course_version_id, stage, evaluation_use, consent_version) VALUES ($1, $2, $3, 'completed', true, '2') RETURNING id`,
      [cohort.id, user.id, version.id],
    );
    for (const [wave, score, likert] of [['pre', PRE[i], 2], ['post', POST[i], 4]] as const) {
      const [kt] = await t.db.query(`INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key, score) VALUES ($1, $2, 'knowledge', $3, 'kt', $4) RETURNING id`, [enrolment.id, version.id, wave, score]);
      // Item answers as the API stores them (option lists): item 1 right for everyone after the course, wrong before.
      const knowledge = course().knowledgeTest.items.slice(0, 3).map((item, j) => {
        const correct = j === 0 ? wave === 'post' : true;
        return { item_key: item.key, value: [optionFor(item, correct)], correct };
      });
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
  await t.db.query(FILL_CHOICE_VECTORS_SQL);
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
    expect(k.nPreOnly).toBe(0);
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
    // Every pair (10 ≤ the sample size), in whatever order the database hands learners over.
    for (let i = 0; i < PRE.length; i++) expect(k.pairSample).toContainEqual([PRE[i], POST[i]]);
    expect(res.body.learnersTotal).toBe(10);
    expect(res.body.learners).toHaveLength(10);
    expect(res.body.learners[0]).toEqual({
      enrolmentId: expect.any(String), name: cohortA.names[0], positionType: 'police', region: 'piura', stage: 'completed', evaluationUse: true,
      certified: false, knowledge: { pre: PRE[0], post: POST[0], change: expect.closeTo(POST[0]! - PRE[0]!, 3) },
    });
    expect(res.body.headlines[0]).toMatchObject({ measure: 'knowledge', nPairs: 10, meanDiff: 1.58, withheld: null });
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
    const item = res.body.itemShifts.attitude.find((i: { key: string }) => i.key === course().attitudeInstrument.items[1].key);
    expect(item).toMatchObject({ n: 10, suppressed: false });
    expect(item.shift).toBeCloseTo(2, 6);
    // Knowledge items: the share correct over the same paired learners, unanswered items counted wrong.
    const [first, second, fourth] = [0, 1, 3].map((j) => res.body.itemShifts.knowledge.find((i: { key: string }) => i.key === course().knowledgeTest.items[j].key));
    expect(first).toMatchObject({ n: 10, pre: 0, post: 1, shift: 1 });
    expect(second).toMatchObject({ n: 10, pre: 1, post: 1, shift: 0 });
    expect(fourth).toMatchObject({ n: 10, pre: 0, post: 0, shift: 0 });
    expect(res.body.itemShifts.knowledge[0].key).toBe(first.key); // ranked by |shift| within knowledge
    // Item analysis (facility follows the score rule; the options chosen give the distractor shares).
    const pre = res.body.itemAnalysis.pre;
    expect(pre).toMatchObject({ n: 10, nEmpty: 0, kr20: { n: 10, k: course().knowledgeTest.items.length } });
    const firstPre = pre.items.find((i: { key: string }) => i.key === first.key);
    expect(firstPre.facility).toBe(0);
    expect(pre.items.find((i: { key: string }) => i.key === fourth.key).flags).toContain('unused_distractor');
    const chosen = firstPre.options.find((o: { key: string }) => o.key === optionFor(course().knowledgeTest.items[0], false));
    expect(chosen).toMatchObject({ correct: false, count: 10, share: 1 });
    expect(pre.items.find((i: { key: string }) => i.key === second.key).flags).toContain('too_easy');
    expect(res.body.itemAnalysis.post.items.find((i: { key: string }) => i.key === second.key).flags).not.toContain('too_easy');
    expect(JSON.stringify(res.body)).not.toMatch(/NaN|Infinity/);
  });

  it('suppresses groups under 5 with complementary suppression, per measure, with totals equal to each measure\'s pairs', async () => {
    const res = await t.http().get(`/api/cohorts/${cohortA.cohortId}/report`).set(auth(trainerA.token)).expect(200);
    const byPositionAll = res.body.breakdowns.find((b: { by: string }) => b.by === 'positionType');
    expect(byPositionAll.measures.map((m: { measure: string }) => m.measure)).toEqual(res.body.measures.map((m: { key: string }) => m.key));
    for (const m of byPositionAll.measures) {
      expect(m.totalN).toBe(res.body.measures.find((x: { key: string }) => x.key === m.measure).nPairs);
    }
    const byPosition = byPositionAll.measures[0];
    const visible = byPosition.groups.filter((g: { suppressed: boolean }) => !g.suppressed);
    for (const g of visible) expect(g.n).toBeGreaterThanOrEqual(5);
    // police 6, municipal 3, health 1: the two small groups are hidden; with two hidden, neither can be recovered
    // from the total (10 − 6 = 4 = 3 + 1 cannot be split).
    const hidden = byPosition.groups.filter((g: { suppressed: boolean }) => g.suppressed);
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    for (const g of hidden) expect(g).not.toHaveProperty('n');
    // One region (everyone in Piura): visible as a single group of 10.
    const byRegion = res.body.breakdowns.find((b: { by: string }) => b.by === 'region');
    expect(byRegion.measures[0].groups).toEqual([expect.objectContaining({ key: 'piura', n: 10, suppressed: false })]);
  });

  it('never shows an attitude value for fewer than 5 learners, nor per learner, anywhere in the report', async () => {
    for (const size of [1, 4]) {
      const small = await seedCohort(t, trainerA.userId, `Pequeña ${size}`, size);
      const res = await t.http().get(`/api/cohorts/${small.cohortId}/report`).set(auth(trainerA.token)).expect(200);
      const body = res.body;
      for (const m of body.measures.filter((x: { kind: string }) => x.kind === 'attitude')) {
        expect(m).toMatchObject({ nPairs: size, withheld: { reason: 'small_n', n: size, minN: 5 }, change: null, distribution: null, pairSample: [] });
        expect(m.alphaPre ?? null).toBeNull();
        expect(m.responseShift ?? null).toBeNull();
      }
      for (const h of body.headlines.filter((x: { scale: string }) => x.scale === 'likert')) expect(h).toMatchObject({ meanDiff: null, ci95: null });
      expect(body.itemShifts.attitude.every((i: { suppressed: boolean; pre: unknown; post: unknown; shift: unknown }) => i.suppressed && i.pre === null && i.post === null && i.shift === null)).toBe(true);
      for (const b of body.breakdowns) {
        for (const m of b.measures) {
          expect(m.totalN).toBeNull();
          for (const g of m.groups) expect(g).toEqual({ key: g.key, suppressed: true, reason: expect.any(String) });
        }
      }
      for (const row of body.learners) expect(Object.keys(row).sort()).toEqual(['certified', 'enrolmentId', 'evaluationUse', 'knowledge', 'name', 'positionType', 'region', 'stage']);
      // No number that only an attitude answer could produce: every seeded attitude value is 1–5 around 2 and 4.
      const attitudeKeys = new Set(course().attitudeInstrument.subscales.map((x) => x.key));
      const scan = (value: unknown, path: string): void => {
        if (Array.isArray(value)) value.forEach((v, i) => scan(v, `${path}[${i}]`));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) scan(v, `${path}.${k}`);
        else if (typeof value === 'number' && [...attitudeKeys].some((k) => path.includes(k))) throw new Error(`attitude figure leaked at ${path}`);
      };
      scan(body.breakdowns, 'breakdowns');
      scan(body.learners, 'learners');
    }
  });

  it('leaves course-only learners, withdrawn learners and empty tests out of every statistic', async () => {
    const c = await seedCohort(t, trainerA.userId, 'Gamma');
    const [courseOnly, withdrawn, empty] = await t.db.query(
      `SELECT e.id FROM enrolments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 ORDER BY u.display_name LIMIT 3`, [c.cohortId],
    );
    await t.db.query(`UPDATE enrolments SET evaluation_use = false WHERE id = $1`, [courseOnly.id]);
    await t.db.query(`UPDATE enrolments SET consent_withdrawn_at = now() WHERE id = $1`, [withdrawn.id]);
    await t.db.query(`UPDATE attempts SET answer_vector = array_fill(NULL::smallint, ARRAY[cardinality(answer_vector)]), choice_vector = NULL, score = 0
                       WHERE enrolment_id = $1 AND kind = 'knowledge' AND wave = 'post'`, [empty.id]);
    // Only the course-only learner played a scenario decision: its shares must count nobody.
    const scenario = course().scenarios[0]!;
    const [version] = await t.db.query(`SELECT course_version_id AS id FROM enrolments WHERE id = $1`, [courseOnly.id]);
    const [run] = await t.db.query(
      `INSERT INTO attempts (enrolment_id, course_version_id, kind, module_key, target_key, score, outcome) VALUES ($1, $2, 'scenario', 'm', $3, 1, 'good') RETURNING id`,
      [courseOnly.id, version.id, scenario.key],
    );
    const decision = scenario.nodes.find((n) => n.kind === 'decision')! as { key: string; choices: { key: string }[] };
    await t.db.query(`INSERT INTO responses (attempt_id, item_key, value) VALUES ($1, $2, $3)`, [run.id, decision.key, JSON.stringify(decision.choices[0]!.key)]);
    const res = await t.http().get(`/api/cohorts/${c.cohortId}/report`).set(auth(trainerA.token)).expect(200);
    const shares = res.body.scenarios.find((x: { key: string }) => x.key === scenario.key).nodes.find((x: { key: string }) => x.key === decision.key);
    expect(shares.n).toBe(0);
    expect(res.body.participation).toMatchObject({ enrolled: 10, courseOnly: 1, consentWithdrawn: 1, inStatistics: 8, active: 9 });
    const knowledge = res.body.measures.find((m: { key: string }) => m.key === 'knowledge');
    expect(knowledge).toMatchObject({ nPairs: 7, nPreOnly: 1 }); // the empty post-test is missing, not 0 %
    expect(res.body.measures.find((m: { key: string }) => m.kind === 'attitude').nPairs).toBe(8);
    expect(res.body.itemAnalysis.post.n).toBe(7);
    const rows = res.body.learners.map((r: { enrolmentId: string }) => r.enrolmentId);
    expect(rows).not.toContain(withdrawn.id);
    expect(res.body.learners.find((r: { enrolmentId: string }) => r.enrolmentId === courseOnly.id)).toMatchObject({ evaluationUse: false, knowledge: null });
    expect(res.body.learners.find((r: { enrolmentId: string }) => r.enrolmentId === empty.id).knowledge).toMatchObject({ post: null, change: null });
    expect(res.body.privacyRules).toBe(course().consent.privacyRules.es.trim());
  });

  it('reads answers the database keeps current per enrolment: a changed or deleted attempt shows at once', async () => {
    const c = await seedCohort(t, trainerA.userId, 'Vectores', 6);
    const knowledge = async () => {
      const res = await t.http().get(`/api/cohorts/${c.cohortId}/report?lang=en`).set(auth(trainerA.token)).expect(200);
      return res.body.measures.find((m: { key: string }) => m.key === 'knowledge');
    };
    expect((await knowledge()).nPairs).toBe(6);
    const [first] = await t.db.query(
      `SELECT a.id FROM attempts a JOIN enrolments e ON e.id = a.enrolment_id JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1 AND a.kind = 'knowledge' AND a.wave = 'post' ORDER BY u.display_name LIMIT 1`,
      [c.cohortId],
    );
    await t.db.query(`UPDATE attempts SET score = 100 WHERE id = $1`, [first.id]);
    const changed = await knowledge();
    expect(changed.change.meanPost).toBeCloseTo((100 + POST.slice(1, 6).reduce((a, b) => a + b, 0)) / 6, 4);
    await t.db.query(`DELETE FROM attempts WHERE id = $1`, [first.id]);
    expect((await knowledge()).nPairs).toBe(5);
    // A deleted enrolment takes its row with it.
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM report_vectors rv JOIN enrolments e ON e.id = rv.enrolment_id WHERE e.cohort_id = $1`, [c.cohortId]);
    expect(n).toBe(6);
    await t.db.query(`DELETE FROM enrolments WHERE cohort_id = $1`, [c.cohortId]);
    const [{ left }] = await t.db.query(`SELECT count(*)::int AS left FROM report_vectors rv LEFT JOIN enrolments e ON e.id = rv.enrolment_id WHERE e.id IS NULL`);
    expect(left).toBe(0);
  });

  it('keeps each enrolment’s answer vectors current through any statement on attempts (row triggers)', async () => {
    const c = await seedCohort(t, trainerA.userId, 'Disparadores', 2);
    const [a, b] = await t.db.query(
      `SELECT e.id, e.course_version_id FROM enrolments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 ORDER BY u.display_name`, [c.cohortId]);
    const answers = async (id: string) => (await t.db.query(`SELECT answers FROM report_vectors WHERE enrolment_id = $1`, [id]))[0]!.answers as string;
    const before = { a: await answers(a.id), b: await answers(b.id) };
    // One statement writing follow-up attempts for both enrolments refreshes both.
    const inserted = await t.db.query(
      `INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key, score, answer_vector)
       VALUES ($1, $3, 'knowledge', 'followup', 'kt', 40, '{1,0}'), ($2, $3, 'knowledge', 'followup', 'kt', 60, '{1,1}') RETURNING id, enrolment_id`,
      [a.id, b.id, a.course_version_id],
    );
    expect(await answers(a.id)).toContain('knowledge:followup:40:10');
    expect(await answers(b.id)).toContain('knowledge:followup:60:11');
    // An attempt without a wave (a quiz) changes nothing.
    await t.db.query(`INSERT INTO attempts (enrolment_id, course_version_id, kind, target_key, score) VALUES ($1, $2, 'quiz', 'q', 100)`, [a.id, a.course_version_id]);
    // A deletion refreshes; moving an attempt to the other enrolment refreshes both; so does any change of an answer.
    const ofEnrolment = (id: string) => inserted.find((r: { enrolment_id: string }) => r.enrolment_id === id).id;
    await t.db.query(`DELETE FROM attempts WHERE id = $1`, [ofEnrolment(b.id)]);
    expect(await answers(b.id)).toBe(before.b);
    await t.db.query(`UPDATE attempts SET enrolment_id = $2 WHERE id = $1`, [ofEnrolment(a.id), b.id]);
    expect(await answers(a.id)).toBe(before.a);
    expect(await answers(b.id)).toContain('knowledge:followup:40:10');
    await t.db.query(`UPDATE attempts SET score = 70 WHERE id = $1`, [ofEnrolment(a.id)]);
    expect(await answers(b.id)).toContain('knowledge:followup:70:10');
  });

  it('returns only values its OpenAPI document declares for every enum', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const res = await t.http().get(`/api/cohorts/${cohortA.cohortId}/report`).set(auth(trainerA.token)).expect(200);
    type Schema = { $ref?: string; enum?: unknown[]; nullable?: boolean; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[] };
    const resolve = (schema: Schema): Schema => (schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema.allOf?.length === 1 ? resolve(schema.allOf[0]!) : schema);
    const seen: string[] = [];
    const check = (value: unknown, schema: Schema, path: string): void => {
      const s = resolve(schema);
      if (value === null || value === undefined) return;
      if (s.enum) {
        seen.push(path);
        const values = Array.isArray(value) ? value : [value];
        for (const v of values) expect({ path, value: v, allowed: s.enum.includes(v) }).toEqual({ path, value: v, allowed: true });
      }
      if (Array.isArray(value) && s.items) value.forEach((v, i) => check(v, s.items!, `${path}[${i}]`));
      else if (typeof value === 'object' && s.properties) for (const [k, v] of Object.entries(value as object)) if (s.properties[k]) check(v, s.properties[k]!, `${path}.${k}`);
    };
    check(res.body, { $ref: '#/components/schemas/CohortReportDto' }, 'report');
    expect(seen.some((p) => p.endsWith('wilcoxon.method'))).toBe(true);
    expect(seen.some((p) => p.includes('flags'))).toBe(true);
  });

  it("hides trainer A's cohort from trainer B (404) on report, roster and exports", async () => {
    for (const path of ['report', 'roster', 'exports/bundle.zip', 'invite-codes']) {
      const res = await t.http().get(`/api/cohorts/${cohortA.cohortId}/${path}`).set(auth(trainerB.token));
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const list = await t.http().get('/api/cohorts').set(auth(trainerB.token)).expect(200);
    expect(list.body).toEqual([]);
  });

  it('exports a pseudonymous ZIP bundle with a codebook, never names or e-mails (details: exports.e2e-spec)', async () => {
    const res = await t.http().get(`/api/cohorts/${cohortA.cohortId}/exports/bundle.zip`).set(auth(trainerA.token))
      .buffer(true).parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/application\/zip/);
    const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(res.body as Buffer))).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'attitudes.csv', 'codebook.csv', 'knowledge.csv', 'reproduce.R']);
    const lines = files['knowledge.csv']!.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^pseudonym,cohort,position_type,region,wave,status,knowledge_pct,/);
    expect(lines).toHaveLength(1 + 10 * 3); // every learner × pre, post, followup
    expect(lines[1]).toMatch(/^K-[0-9a-f]{16},Alfa,/);
    expect(files['codebook.csv']).toMatch(/reverse_keyed/);
    for (const text of Object.values(files)) {
      for (const email of cohortA.emails) expect(text).not.toContain(email);
      for (const name of cohortA.names) expect(text).not.toContain(name);
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

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ReminderJob } from '../../apps/api/src/reminders/reminder-job.service';
import { controlledComparison, rekey } from '../../libs/evaluation/src/index';
import { correctAnswers, course, modulesInOrder, Player, wrongAnswers } from '../support/course-player';
import { createTestApp, DEMO, login, registerLearner, type TestApp } from '../support/test-app';

// A waitlist study end to end: an admin grants the evaluator permission, the evaluator assigns two cohorts at random
// (seed and draw recorded and re-derivable), the waitlist takes the baseline twice and then the course, and the study
// report equals libs/evaluation run on the same answers — with course-only and withdrawn learners left out and
// attitude figures withheld while an arm has fewer than 5 pairs.
jest.setTimeout(300_000);
const { findRscript, HOW_TO_INSTALL } = require('../../scripts/rscript.cjs') as { findRscript: () => string | null; HOW_TO_INSTALL: string };

/** Minimal CSV reader (RFC 4180 quoting, CRLF, byte order mark). */
function records(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '').replace(/\r/g, '')) {
    if (quoted) { if (ch === '"') quoted = false; else cell += ch; } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const items = () => course().knowledgeTest.items;
/** The first k knowledge items right, the rest wrong. */
const knowledge = (k: number) => {
  const right = correctAnswers(items());
  const wrong = wrongAnswers(items());
  return Object.fromEntries(items().map((q, i) => [q.key, i < k ? right[q.key] : wrong[q.key]]));
};
/** Attitude answers: item i gets base + (i mod 2), kept on 1–5. */
const attitude = (base: number) =>
  Object.fromEntries(course().attitudeInstrument.items.map((item, i) => [item.key, Math.min(5, Math.max(1, base + (i % 2)))]));
/** The subscale scores those answers give, computed here from the instrument (re-keyed mean, everything answered). */
function subscales(base: number): Record<string, number> {
  const answers = attitude(base);
  const { items: all, subscales: scales } = course().attitudeInstrument;
  return Object.fromEntries(scales.map((s) => {
    const mine = all.filter((item) => item.subscale === s.key);
    return [s.key, mine.reduce((sum, item) => sum + rekey(answers[item.key]!, item.reverse), 0) / mine.length];
  }));
}

describe('studies: a waitlist comparison', () => {
  let t: TestApp;
  let admin: string;
  let trainer: string;
  let evaluator: string;
  let otherEvaluator: string;
  let cohortIds: string[];
  let study: { id: string; seed: string; arms: { cohortId: string; arm: string; draw: string; assignedBy: string }[] };
  const codeOf = new Map<string, string>();
  /** Attitude base per enrolment and wave, as submitted (what the expected subscale scores come from). */
  const attitudeBase = new Map<string, Record<string, number>>();
  const included: Record<'treated' | 'waitlist', string[]> = { treated: [], waitlist: [] };
  let waitlistPlayers: Player[] = [];

  async function staff(name: string): Promise<{ id: string; token: string }> {
    const email = `${name}.${randomUUID().slice(0, 6)}@respeta.test`;
    const password = 'una frase larga de prueba 2026';
    const { body } = await t.http().post('/api/users').set(auth(admin)).send({ email, displayName: name, password, role: 'trainer' }).expect(201);
    return { id: body.id, token: (await login(t, { email, password })).token };
  }
  async function learner(cohortId: string, name: string): Promise<Player> {
    const { token } = await registerLearner(t, {
      inviteCode: codeOf.get(cohortId), email: `${name.toLowerCase()}.${randomUUID().slice(0, 8)}@pnp.gob.pe`, displayName: name,
      password: 'frase larga de prueba 2026', positionType: 'police', region: 'ucayali',
    });
    const mine = await t.http().get('/api/enrolments/mine').set(auth(token)).expect(200);
    return new Player(t, token, mine.body[0].id);
  }
  const armCohort = (arm: string) => study.arms.find((a) => a.arm === arm)!.cohortId;
  const report = async (lang = 'en') => (await t.http().get(`/api/studies/${study.id}/report?lang=${lang}`).set(auth(evaluator)).expect(200)).body;
  const record = (p: Player, wave: string, base: number) => attitudeBase.set(p.enrolmentId, { ...attitudeBase.get(p.enrolmentId), [wave]: base });

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await login(t, DEMO.admin)).token;
    trainer = (await login(t, DEMO.trainer)).token;
    const [{ id: trainerId }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [DEMO.trainer.email]);
    cohortIds = [];
    for (const [name, code] of [['Estudio — Lima', 'STUDY-LIMA'], ['Estudio — Cusco', 'STUDY-CUSCO']]) {
      const [c] = await t.db.query(`INSERT INTO cohorts (name, region, trainer_id, follow_up_days) VALUES ($1, 'lima', $2, 90) RETURNING id`, [name, trainerId]);
      await t.db.query(`INSERT INTO invite_codes (cohort_id, code) VALUES ($1, $2)`, [c.id, code]);
      cohortIds.push(c.id);
      codeOf.set(c.id, code!);
    }
  });
  afterAll(() => t.close());

  it('needs the evaluator permission, which only an admin grants (and which the audit log records)', async () => {
    const eva = await staff('Evaluadora');
    const other = await staff('Otra');
    evaluator = eva.token;
    otherEvaluator = other.token;
    const refused = await t.http().get('/api/studies').set(auth(evaluator)).expect(403);
    expect(refused.body.code).toBe('EVALUATOR_REQUIRED');
    await t.http().patch(`/api/users/${eva.id}/evaluator`).set(auth(trainer)).send({ canEvaluate: true }).expect(403);
    const granted = await t.http().patch(`/api/users/${eva.id}/evaluator`).set(auth(admin)).send({ canEvaluate: true }).expect(200);
    expect(granted.body.canEvaluate).toBe(true);
    await t.http().patch(`/api/users/${other.id}/evaluator`).set(auth(admin)).send({ canEvaluate: true }).expect(200);
    await t.http().patch(`/api/users/${eva.id}/evaluator`).set(auth(admin)).send({ canEvaluate: 'yes' }).expect(400);
    await t.http().get('/api/studies').set(auth(evaluator)).expect(200, []);
    const [entry] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'account.evaluator.grant' AND subject_id = $1`, [eva.id]);
    expect(entry.n).toBe(1);
  });

  it('refuses bad studies with a clear 4xx', async () => {
    const base = { name: 'x', assignment: 'random', baselineOn: '2030-01-10', treatedPostOn: '2030-02-10', secondBaselineOn: '2030-02-10' };
    const post = (body: object) => t.http().post('/api/studies').set(auth(evaluator)).send(body);
    expect((await post({ ...base, cohorts: [{ cohortId: cohortIds[0] }] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await post({ ...base, cohorts: cohortIds.map((cohortId) => ({ cohortId })), treatedPostOn: '2029-01-01' }).expect(400)).body.message).toMatch(/treatedPostOn/);
    expect((await post({ ...base, assignment: 'hand', cohorts: cohortIds.map((cohortId) => ({ cohortId, arm: 'treated' })) }).expect(400)).body.message).toMatch(/waitlist/);
    expect((await post({ ...base, secondBaselineOn: '2020-01-01', baselineOn: '2020-01-01', treatedPostOn: '2020-01-01', cohorts: cohortIds.map((cohortId) => ({ cohortId })) }).expect(400)).body.message).toMatch(/future/);
    await post({ ...base, cohorts: [{ cohortId: cohortIds[0] }, { cohortId: randomUUID() }] }).expect(404);
    await post({ ...base, cohorts: cohortIds.map((cohortId) => ({ cohortId })), seed: 'not-hex' }).expect(400);
  });

  it('creates a study with a random assignment whose seed and draw are stored, shown, audited and re-derivable', async () => {
    const { body } = await t.http().post('/api/studies').set(auth(evaluator)).send({
      name: 'Lima vs Cusco 2030', assignment: 'random', cohorts: cohortIds.map((cohortId) => ({ cohortId })),
      baselineOn: '2030-01-10', treatedPostOn: '2030-02-10', secondBaselineOn: '2030-02-10', followUpOn: '2030-05-10',
    }).expect(201);
    study = body;
    expect(body).toMatchObject({ design: 'waitlist', assignment: 'random', secondBaselineOpen: false, followUpOn: '2030-05-10' });
    expect(body.seed).toMatch(/^[0-9a-f]{32}$/);
    const { createHash } = await import('node:crypto');
    const draws = cohortIds.map((id) => ({ id, draw: createHash('sha256').update(body.seed + id).digest('hex') })).sort((a, b) => a.draw.localeCompare(b.draw));
    expect(body.arms.find((a: { arm: string }) => a.arm === 'treated')).toMatchObject({ cohortId: draws[0]!.id, draw: draws[0]!.draw, assignedBy: 'random' });
    expect(body.arms.find((a: { arm: string }) => a.arm === 'waitlist')).toMatchObject({ cohortId: draws[1]!.id, draw: draws[1]!.draw });
    const [audit] = await t.db.query(`SELECT details, cohort_ids FROM audit_log WHERE action = 'study.create' AND target_id = $1`, [study.id]);
    expect(audit.details).toMatchObject({ assignment: 'random', seed: body.seed, treated: [draws[0]!.id], waitlist: [draws[1]!.id] });
    // A cohort is in one study at most.
    const again = await t.http().post('/api/studies').set(auth(evaluator)).send({
      name: 'again', assignment: 'hand', cohorts: [{ cohortId: cohortIds[0], arm: 'treated' }, { cohortId: cohortIds[1], arm: 'waitlist' }],
      baselineOn: '2030-01-10', treatedPostOn: '2030-02-10', secondBaselineOn: '2030-02-10',
    }).expect(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('keeps studies to their evaluator (and admins): others get 404, staff without the permission 403', async () => {
    await t.http().get(`/api/studies/${study.id}`).set(auth(otherEvaluator)).expect(404);
    await t.http().get(`/api/studies/${study.id}/report`).set(auth(otherEvaluator)).expect(404);
    await t.http().post(`/api/studies/${study.id}/second-baseline/open`).set(auth(otherEvaluator)).expect(404);
    await t.http().get('/api/studies').set(auth(otherEvaluator)).expect(200, []);
    await t.http().get(`/api/studies/${study.id}/report`).set(auth(trainer)).expect(403);
    const police = (await login(t, DEMO.police)).token;
    await t.http().get(`/api/studies/${study.id}`).set(auth(police)).expect(403);
    await t.http().get(`/api/studies/${study.id}`).set(auth(admin)).expect(200);
  });

  it('takes the treated arm through the course; course-only and withdrawn learners join but are not counted', async () => {
    const cohort = armCohort('treated');
    for (let i = 0; i < 5; i++) {
      const p = await learner(cohort, `Tratada${i}`);
      await p.post('/consent', { evaluationUse: true }).expect(200);
      expect((await p.get('/journey').expect(200)).body).toMatchObject({ stage: 'preAssessment', secondBaselineAt: null });
      await p.post('/assessments/pre/knowledge', { answers: knowledge(2 + (i % 3)) }).expect(200);
      await p.post('/assessments/pre/attitude', { answers: attitude(2 + (i % 2)) }).expect(200);
      record(p, 'pre', 2 + (i % 2));
      for (let m = 0; m < modulesInOrder().length; m++) await p.module(m);
      await p.post('/assessments/post/knowledge', { answers: knowledge(6 + i) }).expect(200);
      await p.post('/assessments/post/attitude', { answers: attitude(3 + (i % 3)) }).expect(200);
      await p.post('/assessments/post/then', { answers: attitude(2) }).expect(200);
      record(p, 'post', 3 + (i % 3));
      included.treated.push(p.enrolmentId);
    }
    const courseOnly = await learner(cohort, 'SoloCurso');
    await courseOnly.post('/consent', { evaluationUse: false }).expect(200);
    await courseOnly.post('/assessments/pre/knowledge', { answers: knowledge(0) }).expect(200);
    await courseOnly.post('/assessments/pre/attitude', { answers: attitude(1) }).expect(200);
    const withdrawn = await learner(cohort, 'Retirada');
    await withdrawn.post('/consent', { evaluationUse: true }).expect(200);
    await withdrawn.post('/assessments/pre/knowledge', { answers: knowledge(10) }).expect(200);
    await withdrawn.post('/withdraw').expect(200);
  });

  it('gives the waitlist the baseline, then a wait with its date, and refuses the course until the second baseline', async () => {
    const cohort = armCohort('waitlist');
    waitlistPlayers = [];
    for (let i = 0; i < 5; i++) {
      const p = await learner(cohort, `Espera${i}`);
      await p.post('/consent', { evaluationUse: true }).expect(200);
      const state = (await p.get('/journey').expect(200)).body;
      // The second baseline opens at the start of its day in Peru (UTC−5).
      expect(state).toMatchObject({ stage: 'baseline', secondBaselineAt: '2030-02-10T05:00:00.000Z' });
      await p.post('/assessments/pre/knowledge', { answers: knowledge(3 + (i % 2)) }).expect(200);
      await p.post('/assessments/pre/attitude', { answers: attitude(2 + (i % 3)) }).expect(200);
      record(p, 'baseline', 2 + (i % 3));
      waitlistPlayers.push(p);
      included.waitlist.push(p.enrolmentId);
    }
    const first = waitlistPlayers[0]!;
    expect((await first.get('/journey').expect(200)).body.stage).toBe('waiting');
    const early = await first.post('/assessments/pre/knowledge', { answers: knowledge(1) }).expect(409);
    expect(early.body.code).toBe('SECOND_BASELINE_NOT_OPEN');
    const lesson = modulesInOrder()[0]!.lessons[0]!.key;
    expect((await first.post(`/lessons/${lesson}/complete`).expect(409)).body.code).toBe('MODULE_LOCKED');
    const waves = await t.db.query(`SELECT kind, wave FROM attempts WHERE enrolment_id = $1 ORDER BY kind`, [first.enrolmentId]);
    expect(waves).toEqual([{ kind: 'attitude', wave: 'baseline' }, { kind: 'knowledge', wave: 'baseline' }]);
    // The baseline stays out of the cohort report's vectors (that report reads pre/post/then/follow-up only).
    const [vectors] = await t.db.query(`SELECT answers FROM report_vectors WHERE enrolment_id = $1`, [first.enrolmentId]);
    expect(vectors?.answers ?? null).toBeNull();
  });

  it('opens the second baseline when the evaluator brings it forward; the waitlist answers again, then starts the course', async () => {
    const opened = await t.http().post(`/api/studies/${study.id}/second-baseline/open`).set(auth(evaluator)).expect(200);
    expect(opened.body.secondBaselineOpen).toBe(true);
    await t.http().post(`/api/studies/${study.id}/second-baseline/open`).set(auth(evaluator)).expect(200); // idempotent
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'study.second_baseline.open' AND target_id = $1`, [study.id]);
    expect(n).toBe(1);
    // Due now: a waitlist_baseline reminder per waiting learner (logged without SMTP_URL), once, and on the trainer's list.
    const job = t.app.get(ReminderJob);
    await job.runOnce();
    await job.runOnce();
    const outbox = await t.db.query(`SELECT enrolment_id, status FROM reminder_outbox WHERE kind = 'waitlist_baseline' ORDER BY enrolment_id`);
    expect(outbox.map((r: { enrolment_id: string }) => r.enrolment_id)).toEqual([...included.waitlist].sort());
    expect(new Set(outbox.map((r: { status: string }) => r.status))).toEqual(new Set(['logged']));
    const schedule = (await t.http().get(`/api/cohorts/${armCohort('waitlist')}/follow-ups`).set(auth(admin)).expect(200)).body;
    expect(schedule.waitlist).toMatchObject({ secondBaselineAt: opened.body.secondBaselineAt });
    expect(schedule.waitlist.learners.map((l: { status: string }) => l.status)).toEqual(Array(5).fill('due'));
    const csv = (await t.http().get(`/api/cohorts/${armCohort('waitlist')}/follow-ups/due.csv`).set(auth(admin)).expect(200)).text;
    expect(csv.match(/second_baseline_due/g)).toHaveLength(5);
    expect((await t.http().get(`/api/cohorts/${armCohort('treated')}/follow-ups`).set(auth(admin)).expect(200)).body.waitlist).toBeNull();
    for (const [i, p] of waitlistPlayers.entries()) {
      expect((await p.get('/journey').expect(200)).body.stage).toBe('preAssessment');
      await p.post('/assessments/pre/knowledge', { answers: knowledge(3 + (i % 2) + (i === 4 ? 2 : i % 2)) }).expect(200);
      await p.post('/assessments/pre/attitude', { answers: attitude(2 + (i % 3) + (i === 2 ? 1 : 0)) }).expect(200);
      record(p, 'pre', 2 + (i % 3) + (i === 2 ? 1 : 0));
      if (i === 3) {
        // Four pairs in the waitlist: attitude figures are withheld, knowledge (not confidential) is shown.
        const small = await report();
        const attitudeMeasure = small.measures.find((m: { kind: string }) => m.kind === 'attitude');
        expect(attitudeMeasure).toMatchObject({ nWaitlist: 4, withheld: { reason: 'small_n', n: 4, minN: 5 }, means: null, comparison: null });
        expect(small.measures[0]).toMatchObject({ key: 'knowledge', nWaitlist: 4, withheld: null });
      }
    }
    const after = (await t.http().get(`/api/cohorts/${armCohort('waitlist')}/follow-ups`).set(auth(admin)).expect(200)).body;
    expect(after.waitlist.learners.map((l: { status: string }) => l.status)).toEqual(Array(5).fill('answered'));
    const { WaitlistBaselineReminders } = await import('../../apps/api/src/studies/waitlist-reminders');
    expect(await t.app.get(WaitlistBaselineReminders).due(Date.now())).toEqual([]);
    const first = waitlistPlayers[0]!;
    await first.module(0);
    expect((await first.get('/journey').expect(200)).body.stage).toBe('learning');
    const waves = await t.db.query(`SELECT kind, wave FROM attempts WHERE enrolment_id = $1 AND wave IS NOT NULL ORDER BY kind, wave`, [first.enrolmentId]);
    expect(waves).toEqual([
      { kind: 'attitude', wave: 'baseline' }, { kind: 'attitude', wave: 'pre' }, { kind: 'knowledge', wave: 'baseline' }, { kind: 'knowledge', wave: 'pre' },
    ]);
  });

  it('reports the effect equal to libs/evaluation on the same data, per measure, with attrition and the four means', async () => {
    const body = await report();
    expect(body.arms.map((a: { arm: string; attrition: { inStatistics: number } }) => [a.arm, a.attrition.inStatistics])).toEqual([['treated', 5], ['waitlist', 5]]);
    expect(body.arms[0].attrition).toMatchObject({ measuredBefore: 5, measuredBoth: 5, lost: 0, attritionShare: 0 });
    // Knowledge: the percent graded at submission, read back from the attempts themselves.
    const scores = await t.db.query(`SELECT enrolment_id, wave, score::float8 AS score FROM attempts WHERE kind = 'knowledge' AND wave IS NOT NULL`);
    const k = (id: string, wave: string) => scores.find((r: { enrolment_id: string; wave: string }) => r.enrolment_id === id && r.wave === wave)?.score ?? null;
    const expectedK = controlledComparison({
      treated: { pre: included.treated.map((id) => k(id, 'pre')), post: included.treated.map((id) => k(id, 'post')) },
      control: { pre: included.waitlist.map((id) => k(id, 'baseline')), post: included.waitlist.map((id) => k(id, 'pre')) },
    });
    const reported = body.measures.find((m: { key: string }) => m.key === 'knowledge');
    expect(reported).toMatchObject({ nTreated: 5, nWaitlist: 5, withheld: null });
    const check = (c: Record<string, any>, e: ReturnType<typeof controlledComparison>) => {
      expect(c.difference).toBeCloseTo(e.difference!, 4);
      expect(c.meanChangeTreated).toBeCloseTo(e.meanChangeTreated!, 4);
      expect(c.meanChangeWaitlist).toBeCloseTo(e.meanChangeControl!, 4);
      expect(c.ci95[0]).toBeCloseTo(e.ci95![0], 4);
      expect(c.ci95[1]).toBeCloseTo(e.ci95![1], 4);
      expect(c.t).toBeCloseTo(e.t!, 4);
      expect(c.hedgesG).toBeCloseTo(e.hedgesG!, 4);
      expect(c.ancova.effect).toBeCloseTo(e.ancova.effect!, 4);
      expect(c.ancova.se).toBeCloseTo(e.ancova.se!, 4);
      expect(c.ancova.df).toBe(e.ancova.df);
    };
    check(reported.comparison, expectedK);
    expect(reported.comparison.difference).toBeGreaterThan(0);
    expect(reported.comparison.reading).toMatch(/^Knowledge: the course raised the score by/);
    expect(reported.means.treatedBefore).toBeCloseTo(included.treated.reduce((s, id) => s + k(id, 'pre')!, 0) / 5, 4);
    // Attitudes: subscale scores computed here from the answers as submitted.
    for (const s of course().attitudeInstrument.subscales) {
      const a = (id: string, wave: string) => subscales(attitudeBase.get(id)![wave]!)[s.key]!;
      const expected = controlledComparison({
        treated: { pre: included.treated.map((id) => a(id, 'pre')), post: included.treated.map((id) => a(id, 'post')) },
        control: { pre: included.waitlist.map((id) => a(id, 'baseline')), post: included.waitlist.map((id) => a(id, 'pre')) },
      });
      const m = body.measures.find((x: { key: string }) => x.key === s.key);
      expect(m).toMatchObject({ kind: 'attitude', nTreated: 5, nWaitlist: 5, withheld: null });
      check(m.comparison, expected);
      expect(m.means.waitlistAfter).toBeCloseTo(included.waitlist.reduce((sum, id) => sum + a(id, 'pre'), 0) / 5, 4);
    }
    // Spanish reading; self-report practice section exists per arm (nobody has answered it yet: withheld).
    const es = await report('es');
    expect(es.measures[0].comparison.reading).toMatch(/^En Conocimientos/);
    expect(es.arms[1].practice).toMatchObject({ selfReport: true, respondents: 0, withheld: { reason: 'small_n' } });
    expect(es.method).toMatch(/uso para evaluación/);
  });

  it('exports the analysis file under study-keyed pseudonyms, and reproduce.R recomputes the report to 4 decimals', async () => {
    const res = await t.http().get(`/api/studies/${study.id}/export.zip`).set(auth(evaluator)).buffer(true)
      .parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); })
      .expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="respeta-study-\d{4}-\d{2}-\d{2}\.zip"/);
    await t.http().get(`/api/studies/${study.id}/export.zip`).set(auth(otherEvaluator)).expect(404);
    const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(res.body as Buffer))).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'reproduce.R', 'study.csv']);
    expect(files['README.md']).toContain(study.seed);
    const rows = records(files['study.csv']!);
    const subscaleKeys = course().attitudeInstrument.subscales.map((s) => s.key);
    expect(Object.keys(rows[0]!)).toEqual(['pseudonym', 'arm', 'wave', 'period', 'knowledge', ...subscaleKeys]);
    // One row per learner and wave: 5 + 5 learners × before/after; course-only and withdrawn learners absent.
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.pseudonym)).size).toBe(10);
    expect(rows.every((r) => /^S-[0-9a-f]{16}$/.test(r.pseudonym!))).toBe(true);
    expect(rows.filter((r) => r.arm === 'waitlist').map((r) => `${r.wave}:${r.period}`).sort()).toEqual([...Array(5).fill('baseline:before'), ...Array(5).fill('pre:after')]);
    expect(files['study.csv']).not.toMatch(/Tratada|Espera|@/);
    const rscript = findRscript();
    if (!rscript) {
      console.warn(HOW_TO_INSTALL);
      return;
    }
    const report = (await t.http().get(`/api/studies/${study.id}/report?lang=en`).set(auth(evaluator)).expect(200)).body;
    const dir = mkdtempSync(join(tmpdir(), 'respeta-study-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const r = spawnSync(rscript, ['reproduce.R'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      const reproduced = records(readFileSync(join(dir, 'reproduced.csv'), 'utf8'));
      const fromReport = (measure: string, statistic: string): number | null => {
        const m = report.measures.find((x: { key: string }) => x.key === measure);
        const c = m.comparison;
        const map: Record<string, number | null> = {
          n_treated: m.nTreated, n_waitlist: m.nWaitlist, mean_change_treated: c.meanChangeTreated, mean_change_waitlist: c.meanChangeWaitlist,
          difference: c.difference, ci_low: c.ci95[0], ci_high: c.ci95[1], t: c.t, df: c.df, p: c.p, hedges_g: c.hedgesG,
          ancova_effect: c.ancova.effect, ancova_se: c.ancova.se, ancova_t: c.ancova.t, ancova_df: c.ancova.df, ancova_p: c.ancova.p,
          ancova_ci_low: c.ancova.ci95[0], ancova_ci_high: c.ancova.ci95[1],
        };
        return map[statistic] ?? null;
      };
      expect([...new Set(reproduced.map((row) => row.measure))]).toEqual(['knowledge', ...subscaleKeys]);
      for (const row of reproduced) {
        const value = Number(row.value);
        const expected = fromReport(row.measure!, row.statistic!);
        // p is reported to 4 significant digits, everything else to 4 decimals.
        const tolerance = row.statistic!.endsWith('p') ? Math.max(5e-5, Math.abs(value) * 5e-4) : 5e-5 + 1e-9;
        expect({ ...row, report: expected, close: expected !== null && Math.abs(value - expected) <= tolerance }).toEqual({ ...row, report: expected, close: true });
      }
      expect(reproduced).toHaveLength((1 + subscaleKeys.length) * 18);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

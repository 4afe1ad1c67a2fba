import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { practiceShares } from '../../libs/evaluation/src/index';
import { correctAnswers, course, likertAnswers, modulesInOrder, Player } from '../support/course-player';
import { createTestApp, DEMO, login, registerLearner, type TestApp } from '../support/test-app';

// The behaviour follow-up: asked with the follow-up, stored as given, reported per cohort as shares with Wilson
// intervals (self-report, only evaluation-use learners, nothing under 5), and exported under its own pseudonyms.
type Answers = Record<string, string>;
const A = (social: string | null, condoms: string | null): Answers => ({
  'pq.cases-received': 'one-two',
  ...(social ? { 'pq.social-name': social } : {}),
  ...(condoms ? { 'pq.condoms-returned': condoms } : {}),
});
const EVALUATION: [string, Answers][] = [
  ['Ana', A('all', 'all')], ['Bea', A('most', 'na')], ['Cira', A('some', 'na')], ['Dina', A('none', 'na')], ['Eli', A('na', 'na')], ['Fio', A('all', null)],
];

// The setup walks several learners through the whole course over HTTP: slow on a busy 2-core machine.
jest.setTimeout(180_000);

describe('behaviour follow-up (practice questionnaire)', () => {
  let t: TestApp;
  let trainer: string;
  let cohortId: string;
  const players = new Map<string, Player>();

  async function learner(name: string, evaluationUse: boolean): Promise<Player> {
    const { token } = await registerLearner(t, {
      inviteCode: DEMO.inviteCode, email: `${name.toLowerCase()}.${randomUUID().slice(0, 8)}@pnp.gob.pe`, displayName: name,
      password: 'frase larga de prueba 2026', positionType: 'police', region: 'ucayali',
    });
    const mine = await t.http().get('/api/enrolments/mine').set('Authorization', `Bearer ${token}`).expect(200);
    const p = new Player(t, token, mine.body[0].id);
    await p.post('/consent', { evaluationUse }).expect(200);
    await p.post('/assessments/pre/knowledge', { answers: correctAnswers(course().knowledgeTest.items) }).expect(200);
    await p.post('/assessments/pre/attitude', { answers: likertAnswers(3) }).expect(200);
    for (let i = 0; i < modulesInOrder().length; i++) await p.module(i);
    await p.post_();
    await p.get('/journey').expect(200); // the follow-up opens (0 days)
    return p;
  }
  const followUp = (p: Player, practice: unknown, key = randomUUID()) =>
    p.post('/follow-up', { idempotencyKey: key, knowledge: correctAnswers(course().knowledgeTest.items), attitude: likertAnswers(4), practice });
  const report = async () => (await t.http().get(`/api/cohorts/${cohortId}/report?lang=es`).set('Authorization', `Bearer ${trainer}`).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.query(`UPDATE cohorts SET follow_up_days = 0`);
    trainer = (await login(t, DEMO.trainer)).token;
    [{ id: cohortId }] = await t.db.query(`SELECT id FROM cohorts WHERE name LIKE 'Demostración — Ucayali%'`);
    for (const [name] of EVALUATION) players.set(name, await learner(name, true));
    players.set('Gala', await learner('Gala', false));
  });
  afterAll(() => t.close());

  it('serves the questionnaire in the learner\'s language, without what the report counts as "did it"', async () => {
    const { body } = await players.get('Ana')!.get('/practice-questionnaire?lang=en').expect(200);
    expect(body.questionnaire).toMatchObject({ key: 'pq', recallMonths: 3, title: 'Your work in the last 3 months' });
    expect(body.questionnaire.items.find((i: { key: string }) => i.key === 'pq.social-name').options.at(-1)).toMatchObject({ key: 'na', notApplicable: true });
    expect(JSON.stringify(body)).not.toMatch(/indicator/);
  });

  it('refuses unknown questions or options (400, nothing stored), then stores the answers with the follow-up once', async () => {
    const ana = players.get('Ana')!;
    const bad = await followUp(ana, { 'pq.social-name': 'siempre' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await followUp(ana, { 'pq.unknown': 'all' }).expect(400);
    expect((await ana.get('/journey').expect(200)).body.stage).toBe('followUp');
    const key = randomUUID();
    await followUp(ana, EVALUATION[0]![1], key).expect(200);
    await followUp(ana, EVALUATION[0]![1], key).expect(200); // a replay creates nothing
    const rows = await t.db.query(
      `SELECT a.wave, a.answer_vector, count(r.*)::int AS responses FROM attempts a JOIN responses r ON r.attempt_id = a.id
        WHERE a.enrolment_id = $1 AND a.kind = 'practice' GROUP BY a.id`, [ana.enrolmentId],
    );
    const items = course().practiceQuestionnaire!.items;
    expect(rows).toEqual([{ wave: 'followup', responses: 3, answer_vector: items.map((i) => (EVALUATION[0]![1][i.key] ? i.options.findIndex((o) => o.key === EVALUATION[0]![1][i.key]) + 1 : null)) }]);
    for (const [name, answers] of EVALUATION.slice(1)) await followUp(players.get(name)!, answers).expect(200);
    await followUp(players.get('Gala')!, A('none', 'none')).expect(200); // course only: in no statistic
  });

  it('reports shares with Wilson intervals equal to libs/evaluation, explicit denominators, withheld under 5, labelled self-report', async () => {
    const { practice, learners } = await report();
    expect(practice).toMatchObject({ selfReport: true, respondents: 6, withheld: null, recallMonths: 3 });
    expect(practice.note).toMatch(/^Autoinforme/);
    const expected = practiceShares(course().practiceQuestionnaire!.items, EVALUATION.map(([, a]) => a));
    const social = practice.items.find((i: { key: string }) => i.key === 'pq.social-name');
    expect(social).toMatchObject({ answered: 6, notApplicable: 1, n: 5, withheld: null, indicator: { x: 3, n: 5, p: 0.6 } });
    const wilson = expected.items.find((i) => i.key === 'pq.social-name')!.indicator!;
    expect(social.indicator.ci95).toEqual(wilson.ci95);
    expect(social.options.map((o: { key: string; share: { x: number } }) => [o.key, o.share.x])).toEqual([['all', 2], ['most', 1], ['some', 1], ['none', 1]]);
    const condoms = practice.items.find((i: { key: string }) => i.key === 'pq.condoms-returned');
    expect(condoms).toMatchObject({ answered: 5, notApplicable: 4, n: 1, withheld: { reason: 'small_n', n: 1, minN: 5 }, indicator: null, options: [] });
    // Never per named learner.
    expect(JSON.stringify(learners)).not.toMatch(/pq\./);
  });

  it('drops a learner who turns to course only; with fewer than 5 respondents every share is withheld', async () => {
    // (After the follow-up the journey is done: consent can no longer be withdrawn, but evaluation use can be.)
    await players.get('Fio')!.put('/evaluation-use', { evaluationUse: false }).expect(200);
    let { practice } = await report();
    expect(practice.respondents).toBe(5);
    expect(practice.items.find((i: { key: string }) => i.key === 'pq.social-name')).toMatchObject({ n: 4, indicator: null });
    await players.get('Eli')!.put('/evaluation-use', { evaluationUse: false }).expect(200);
    ({ practice } = await report());
    expect(practice).toMatchObject({ respondents: 4, withheld: { reason: 'small_n', n: 4 } });
    expect(practice.items.every((i: { indicator: unknown }) => i.indicator === null)).toBe(true);
    await players.get('Eli')!.put('/evaluation-use', { evaluationUse: true }).expect(200);
  });

  it('exports practice.csv under its own pseudonyms with the codebook, only for learners in the statistics', async () => {
    const res = await t.http().get(`/api/cohorts/${cohortId}/exports/bundle.zip`).set('Authorization', `Bearer ${trainer}`)
      .buffer(true).parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); }).expect(200);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const practice = strFromU8(files['practice.csv']!).replace(/^\uFEFF/, '').trim().split('\r\n');
    const items = course().practiceQuestionnaire!.items.map((i) => i.key);
    expect(practice[0]).toBe(['pseudonym', 'cohort', 'position_type', 'region', 'wave', 'status', ...items].join(','));
    const rows = practice.slice(1).map((line) => line.split(','));
    expect(rows).toHaveLength(5); // Ana, Bea, Cira, Dina, Eli — not Fio nor Gala (course only)
    expect(rows.every((r) => /^P-[0-9a-f]{16}$/.test(r[0]!) && r[4] === 'followup' && r[5] === 'taken')).toBe(true);
    expect(rows.map((r) => r[items.indexOf('pq.social-name') + 6]).sort()).toEqual(['all', 'most', 'na', 'none', 'some']);
    const knowledgeCodes = strFromU8(files['knowledge.csv']!).split('\r\n').map((l) => l.split(',')[0]);
    expect(rows.some((r) => knowledgeCodes.includes(r[0]!))).toBe(false);
    const codebook = strFromU8(files['codebook.csv']!);
    expect(codebook).toContain('practice.csv,pq.social-name,item');
    expect(strFromU8(files['README.md']!)).toContain('practice.csv');
  });
});

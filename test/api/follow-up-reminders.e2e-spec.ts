import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { modulesInOrder, Player } from '../support/course-player';
import { createReplica, createTestApp, DEMO, login, registerLearner, type TestApp } from '../support/test-app';

// Follow-up due dates follow the cohort's current delay; the trainer sees and downloads who is due when; reminder
// e-mails go out once, through a real SMTP server, whatever restarts or replicas do.
const DAY = 24 * 60 * 60 * 1000;
const PUBLIC_URL = 'https://respeta.example.pe';

interface Mail { to: string; subject: string; text: string }

/** A real SMTP server on a free port that keeps every message it accepts. */
async function startSmtp(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void simpleParser(Buffer.concat(chunks)).then((parsed) => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: parsed.subject ?? '', text: parsed.text ?? '' });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// Each test starts whole API processes (replicas, restarts): on a busy 2-core machine that takes far longer than 30 s.
jest.setTimeout(180_000);

describe('follow-up due dates and reminders', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let trainer: string;
  let cohortId: string;
  const env = () => ({ SMTP_URL: smtp.url, PUBLIC_URL, REMINDER_INTERVAL_SECONDS: '0' });
  const asTrainer = (path: string) => t.http().get(`/api/cohorts/${cohortId}${path}`).set('Authorization', `Bearer ${trainer}`);

  async function learner(name: string, locale: 'es' | 'en' = 'es'): Promise<Player & { email: string }> {
    const email = `${name.toLowerCase().replace(/[^a-z]/g, '')}.${randomUUID().slice(0, 8)}@muni.gob.pe`;
    const { token } = await registerLearner(t, { inviteCode: DEMO.inviteCode, email, displayName: name, password: 'frase larga de prueba 2026', locale, positionType: 'municipal_official', region: 'ucayali' });
    const mine = await t.http().get('/api/enrolments/mine').set('Authorization', `Bearer ${token}`).expect(200);
    return Object.assign(new Player(t, token, mine.body[0].id), { email });
  }
  async function complete(p: Player) {
    await p.pre();
    for (let i = 0; i < modulesInOrder().length; i++) await p.module(i);
    return (await p.post_()).body.journey;
  }
  const setDays = (followUpDays: number) =>
    t.http().patch(`/api/cohorts/${cohortId}`).set('Authorization', `Bearer ${trainer}`).send({ followUpDays }).expect(200);
  const runReplica = async (work: 'runOnce' | 'enqueue') => {
    const replica = await createReplica(t, env(), ['reminders/reminder-job.service']);
    try {
      const { ReminderJob } = replica.load<{ ReminderJob: new () => { runOnce(): Promise<unknown>; enqueue(): Promise<number> } }>('reminders/reminder-job.service');
      return await replica.app.get(ReminderJob)[work]();
    } finally {
      await replica.close();
    }
  };

  let ana: Player & { email: string };
  let beto: Player & { email: string };
  let completedAt: number;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(env());
    trainer = (await login(t, DEMO.trainer)).token;
    [{ id: cohortId }] = await t.db.query(`SELECT id FROM cohorts WHERE name LIKE 'Demostración — Ucayali%'`);
    ana = await learner('Ana');
    beto = await learner('=HYPERLINK("http://x")', 'en');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('gives a completed learner the date from the cohort delay, then follows the trainer\'s change', async () => {
    const journey = await complete(ana);
    completedAt = journey.snapshot.context.completedAt;
    expect(journey.stage).toBe('completed');
    expect(Date.parse(journey.followUpOpensAt)).toBe(completedAt + 90 * DAY);
    let schedule = (await asTrainer('/follow-ups').expect(200)).body;
    expect(schedule.followUpDays).toBe(90);
    expect(schedule.learners.find((l: { enrolmentId: string }) => l.enrolmentId === ana.enrolmentId)).toMatchObject({
      status: 'waiting', dueAt: new Date(completedAt + 90 * DAY).toISOString(), link: `${PUBLIC_URL}/learn/${ana.enrolmentId}/follow-up`,
    });
    expect(schedule.learners.find((l: { enrolmentId: string }) => l.enrolmentId === beto.enrolmentId)).toMatchObject({ status: 'in_course', dueAt: null });

    // The trainer shortens the delay: Ana (already enrolled and completed) follows it at once.
    await setDays(0);
    schedule = (await asTrainer('/follow-ups').expect(200)).body;
    expect(schedule.learners[0]).toMatchObject({ enrolmentId: ana.enrolmentId, status: 'due', dueAt: new Date(completedAt).toISOString() });
    const state = (await ana.get('/journey').expect(200)).body;
    expect(state).toMatchObject({ stage: 'followUp', followUpOpensAt: new Date(completedAt).toISOString() });
    expect(state.snapshot.context.outline.followUpDelayDays).toBe(0);
  });

  it('keeps the date of a learner already asked; learners still in the course get the new delay', async () => {
    await setDays(30);
    const betoJourney = await complete(beto);
    expect(Date.parse(betoJourney.followUpOpensAt)).toBe(betoJourney.snapshot.context.completedAt + 30 * DAY);
    const schedule = (await asTrainer('/follow-ups').expect(200)).body;
    expect(schedule.learners.find((l: { enrolmentId: string }) => l.enrolmentId === ana.enrolmentId)).toMatchObject({ status: 'due', dueAt: new Date(completedAt).toISOString() });
    expect((await ana.get('/journey').expect(200)).body.stage).toBe('followUp');
    expect(schedule.learners.find((l: { enrolmentId: string }) => l.enrolmentId === beto.enrolmentId)).toMatchObject({ status: 'waiting' });
  });

  it('downloads the due list as a CSV safe against formulas, for the cohort\'s own trainer only', async () => {
    const res = await asTrainer('/follow-ups/due.csv').buffer(true).parse((r, cb) => {
      let body = '';
      r.on('data', (c: Buffer) => (body += c.toString('utf8')));
      r.on('end', () => cb(null, body));
    }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = (res.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('name,status,due_on,link');
    expect(lines).toContain(`Ana,due,${new Date(completedAt - 5 * 60 * 60 * 1000).toISOString().slice(0, 10)},${PUBLIC_URL}/learn/${ana.enrolmentId}/follow-up`);
    // The name that a spreadsheet would run as a formula stays text; no e-mail address is in the file.
    expect(lines.some((line) => line.startsWith(`"'=HYPERLINK(""http://x"")",waiting,`))).toBe(true);
    expect(res.body).not.toContain('@');
    const other = await t.http().post('/api/users').set('Authorization', `Bearer ${(await login(t, DEMO.admin)).token}`)
      .send({ email: `otra.${randomUUID().slice(0, 6)}@respeta.pe`, displayName: 'Otra', role: 'trainer', password: 'otra frase larga 2026' }).expect(201);
    const otherToken = (await login(t, { email: other.body.email, password: 'otra frase larga 2026' })).token;
    await t.http().get(`/api/cohorts/${cohortId}/follow-ups/due.csv`).set('Authorization', `Bearer ${otherToken}`).expect(404);
    await t.http().get(`/api/cohorts/${cohortId}/follow-ups`).set('Authorization', `Bearer ${otherToken}`).expect(404);
    await t.http().get(`/api/cohorts/${cohortId}/follow-ups`).set('Authorization', `Bearer ${ana.token}`).expect(403);
  });

  it('sends a due reminder exactly once across restarts and replicas, through the SMTP server', async () => {
    // A first process adds the due reminder to the outbox and stops before delivering it.
    expect(await runReplica('enqueue')).toBe(1);
    expect(smtp.mails).toHaveLength(0);
    // After the "restart", two replicas run at once: one mail.
    await Promise.all([runReplica('runOnce'), runReplica('runOnce')]);
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.to).toBe(ana.email);
    expect(mail!.subject).toBe('Respeta: su cuestionario de seguimiento ya está disponible');
    expect(mail!.text).toContain(`${PUBLIC_URL}/learn/${ana.enrolmentId}/follow-up`);
    expect(mail!.text).toContain('Hola, Ana:');
    expect(mail!.text).not.toContain('Hello');
    // More runs, more restarts: nothing new.
    await runReplica('runOnce');
    await runReplica('runOnce');
    expect(smtp.mails).toHaveLength(1);
    const rows = await t.db.query(`SELECT kind, status, attempts FROM reminder_outbox`);
    expect(rows).toEqual([{ kind: 'follow_up', status: 'sent', attempts: 1 }]);
  });

  it('writes to a learner who chose English in Spanish and English, and not before their date', async () => {
    await runReplica('runOnce');
    expect(smtp.mails.map((m) => m.to)).not.toContain(beto.email); // Beto's follow-up opens in 30 days
    await setDays(0);
    await runReplica('runOnce');
    const mail = smtp.mails.find((m) => m.to === beto.email)!;
    expect(mail.subject).toBe('Respeta: su cuestionario de seguimiento ya está disponible / Your follow-up questionnaire is open');
    expect(mail.text).toContain('Hello =HYPERLINK("http://x"),');
    expect(mail.text).toContain('Hola, =HYPERLINK("http://x"):');
    await runReplica('runOnce');
    expect(smtp.mails).toHaveLength(2);
  });

  it('never sends again a reminder claimed by a process that died mid-send, nor one already answered', async () => {
    const carla = await learner('Carla');
    await complete(carla);
    // A crashed process claimed Carla's reminder and died: it may have gone out, so it is closed, not resent.
    await runReplica('enqueue');
    await t.db.query(`UPDATE reminder_outbox SET status = 'sending', claimed_at = now() - interval '2 hours' WHERE enrolment_id = $1`, [carla.enrolmentId]);
    await runReplica('runOnce');
    expect(smtp.mails.map((m) => m.to)).not.toContain(carla.email);
    expect(await t.db.query(`SELECT status FROM reminder_outbox WHERE enrolment_id = $1`, [carla.enrolmentId])).toEqual([{ status: 'failed' }]);
    // A reminder whose follow-up was answered meanwhile is skipped at send time.
    const dora = await learner('Dora');
    await complete(dora);
    await runReplica('enqueue');
    await dora.get('/journey').expect(200);
    await dora.post('/follow-up', { knowledge: {}, attitude: { [Object.keys(await firstAttitudeItem(dora))[0]!]: 3 } }).expect(200);
    await runReplica('runOnce');
    expect(smtp.mails.map((m) => m.to)).not.toContain(dora.email);
    expect(await t.db.query(`SELECT status FROM reminder_outbox WHERE enrolment_id = $1`, [dora.enrolmentId])).toEqual([{ status: 'skipped' }]);
  });

  it('without SMTP_URL logs and keeps the reminder, and sends it once SMTP is configured', async () => {
    const eva = await learner('Eva');
    await complete(eva);
    const replica = await createReplica(t, { PUBLIC_URL, REMINDER_INTERVAL_SECONDS: '0' }, ['reminders/reminder-job.service']);
    try {
      const { ReminderJob } = replica.load<{ ReminderJob: new () => { runOnce(): Promise<{ logged: number }> } }>('reminders/reminder-job.service');
      expect((await replica.app.get(ReminderJob).runOnce()).logged).toBe(1);
      expect((await replica.app.get(ReminderJob).runOnce()).logged).toBe(0);
    } finally {
      await replica.close();
    }
    expect(smtp.mails.map((m) => m.to)).not.toContain(eva.email);
    await runReplica('runOnce');
    await runReplica('runOnce');
    expect(smtp.mails.filter((m) => m.to === eva.email)).toHaveLength(1);
  });
});

async function firstAttitudeItem(p: Player): Promise<Record<string, true>> {
  const instrument = (await p.get('/attitude-instrument').expect(200)).body;
  return { [instrument.items[0].key]: true };
}

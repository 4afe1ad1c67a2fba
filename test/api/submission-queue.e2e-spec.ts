import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { modulesInOrder, newLearner } from '../support/course-player';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * At most 4 × the pool's connections of submissions are under way per process; the others wait for their turn, and
 * one that waited SUBMISSION_QUEUE_WAIT_MS is refused with 503 SERVER_BUSY, nothing of it written, so the learner's
 * app keeps it and sends it again with the same key.
 */
// Needs a second connection holding a row lock: the embedded database serves one connection at a time.
(process.env.RESPETA_TEST_EMBEDDED_URL ? describe.skip : describe)('a submission that waits too long for its turn', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '1', SUBMISSION_QUEUE_WAIT_MS: '300' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is refused with 503 SERVER_BUSY and writes nothing; sent again with its key, it is saved once', async () => {
    const p = await newLearner(t, 'Queued');
    await p.pre();
    const lessons = modulesInOrder()[0]!.lessons.map((l) => l.key);
    const complete = (lessonKey: string, idempotencyKey: string) => p.post(`/lessons/${lessonKey}/complete`, { idempotencyKey }).then((res) => res);
    const blocker = new pg.Client({ connectionString: t.databaseUrl });
    const watcher = new pg.Client({ connectionString: t.databaseUrl });
    await Promise.all([blocker.connect(), watcher.connect()]);
    try {
      // The row locked: the first submission holds the pool's one connection in its write, three more wait for it.
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM enrolments WHERE id = $1 FOR UPDATE', [p.enrolmentId]);
      const underWay = [0, 1, 2, 0].map((i) => complete(lessons[i % lessons.length]!, randomUUID()));
      for (let tries = 0; ; tries++) {
        const [{ n }] = (await watcher.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%enrolments%'`,
        )).rows;
        if (n >= 1) break;
        if (tries > 200) throw new Error('the first submission never waited for the row');
        await new Promise((r) => setTimeout(r, 25));
      }
      const key = randomUUID();
      const started = Date.now();
      const refused = await complete(lessons[1]!, key);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('SERVER_BUSY');
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect((await watcher.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1`, [key])).rows[0].n).toBe(0);

      await blocker.query('COMMIT');
      expect((await Promise.all(underWay)).map((res) => res.status)).toEqual([200, 200, 200, 200]);
      const again = await complete(lessons[1]!, key);
      expect(again.status).toBe(200);
      expect((await watcher.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1`, [key])).rows[0].n).toBe(1);
    } finally {
      await Promise.all([blocker.end(), watcher.end()]);
    }
  });
});

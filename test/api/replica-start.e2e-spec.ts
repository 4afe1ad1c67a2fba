import { Client } from 'pg';
import { spawnApp, type SpawnedApp } from '../support/spawn-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

/**
 * Replicas of a new release start together on a database with pending migrations (a deploy, or a fresh database).
 * TypeORM takes no lock: before the advisory lock in runMigrationsOnce the second process stopped with
 * `relation "migrations" already exists`. Needs a real PostgreSQL server (DATABASE_URL): the embedded database serves
 * one process at a time, so replicas cannot share it.
 */
const onServer = process.env.DATABASE_URL ? describe : describe.skip;

onServer('replicas starting at once on an empty database', () => {
  let db: TestDatabase;
  const apps: SpawnedApp[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await db?.drop();
  });

  it('both start; each migration, the content import and the demo seed ran exactly once', async () => {
    const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '2', SEED_DEMO: 'accounts', NODE_ENV: 'test', REMINDER_INTERVAL_SECONDS: '0' };
    const started = await Promise.allSettled([spawnApp(env, 150_000), spawnApp(env, 150_000)]);
    for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason).slice(0, 2000) : 'started'))).toEqual(['started', 'started']);
    for (const app of apps) expect((await fetch(`${app.url}/api/health`)).status).toBe(200);

    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT name, count(*)::int AS n FROM migrations GROUP BY name`);
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      // The demo accounts were seeded once too (the seed takes its own advisory lock).
      const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM users WHERE email = 'admin@respeta.demo'`)).rows;
      expect(n).toBe(1);
      // Both imported the course files at start (IMPORT_CONTENT): one published version, not two.
      const versions = (await c.query(`SELECT count(*)::int AS n FROM course_versions`)).rows[0].n;
      expect(versions).toBe(1);
    } finally {
      await c.end();
    }
  });
});

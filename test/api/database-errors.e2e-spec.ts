import { QueryFailedError } from 'typeorm';
import { mapDatabaseError } from '../../apps/api/src/common/database-errors';
import { DatabasePool } from '../../apps/api/src/database/database-pool';
import { cuttableProxy } from '../support/cuttable-proxy';
import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * PostgreSQL errors become API answers in one place (common/database-errors.ts, through the exception filter), on
 * every path to the database: the app's pool (all services) and TypeORM (the users entity, migrations), which
 * borrows that same pool. Real routes, a real database; the connection is cut by a TCP proxy between app and database.
 */
describe('database errors reach clients as 4xx/503, never 500', () => {
  let t: TestApp;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
  let trainer: string;

  beforeAll(async () => {
    const direct = new URL(process.env.DATABASE_URL ?? process.env.RESPETA_TEST_EMBEDDED_URL!);
    proxy = await cuttableProxy(`http://${direct.hostname}:${direct.port || 5432}`);
    const through = new URL(proxy.url);
    t = await createTestApp({}, (url) => {
      const proxied = new URL(url);
      proxied.hostname = through.hostname;
      proxied.port = through.port;
      return proxied.toString();
    });
    trainer = (await login(t, DEMO.trainer)).token;
  });
  afterAll(async () => {
    proxy.restore();
    await t?.close();
    await proxy.close();
  });

  it('one pool: TypeORM borrows the pool the services use', async () => {
    const pool = t.app.get(DatabasePool);
    expect(pool.mode).toBe(process.env.DATABASE_URL ? 'server' : 'embedded');
    // Every pooled connection busy for 0.5 s: a TypeORM query has to wait for one (it would not with its own pool).
    const busy = Promise.all(Array.from({ length: t.poolSize }, () => pool.query('SELECT pg_sleep(0.5)')));
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await t.db.query('SELECT 1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await busy;
  });

  it('a duplicate key (23505) from a route is a 409', async () => {
    // A uniqueness rule the service does not check itself: only the database's refusal can answer.
    await t.db.query(`CREATE UNIQUE INDEX test_cohort_name_once ON cohorts (name)`);
    try {
      await t.http().post('/api/cohorts').set(auth(trainer)).send({ name: 'Lima 2027' }).expect(201);
      const res = await t.http().post('/api/cohorts').set(auth(trainer)).send({ name: 'Lima 2027' }).expect(409);
      expect(res.body).toEqual({ statusCode: 409, code: 'CONFLICT', message: expect.any(String) });
    } finally {
      await t.db.query(`DROP INDEX test_cohort_name_once`);
    }
  });

  it('data the database refuses as malformed (class 22) is a 400', async () => {
    const nul = await t.http().post('/api/cohorts').set(auth(trainer)).send({ name: 'Piura\u00002027' }).expect(400);
    expect(nul.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(nul.body)).not.toMatch(/0x00|invalid byte sequence|INSERT/i); // no SQL leaks out
  });

  it('TypeORM errors carry the same SQLSTATE, so they map the same way', async () => {
    const raised = await t.db.query(`SELECT 'a\u0001'::int`).catch((e: unknown) => e);
    expect(raised).toBeInstanceOf(QueryFailedError);
    expect(mapDatabaseError(raised)).toMatchObject({ statusCode: 400 });
    const duplicate = await t.db.query(`INSERT INTO users (email, display_name, password_hash, role) SELECT email, 'x', 'x', 'learner' FROM users LIMIT 1`).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(QueryFailedError);
    expect(mapDatabaseError(duplicate)).toMatchObject({ statusCode: 409 });
  });

  it('losing the database is a 503 on pool and TypeORM routes alike, and the app recovers when it is back', async () => {
    const admin = (await login(t, DEMO.admin)).token;
    proxy.cut();
    try {
      const routes = [
        t.http().get('/api/cohorts').set(auth(trainer)), // services on the pool (and the token check)
        t.http().get('/api/users').set(auth(admin)), // the users entity, through TypeORM
        t.http().post('/api/auth/login').send(DEMO.police), // public, throttled in the database
        t.http().get('/api/health'),
      ];
      for (const res of await Promise.all(routes)) {
        expect(res.status).toBe(503);
        expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
      }
    } finally {
      proxy.restore();
    }
    await t.http().get('/api/cohorts').set(auth(trainer)).expect(200);
    await t.http().get('/api/users').set(auth(admin)).expect(200);
  });
});

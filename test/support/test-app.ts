import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app-factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import type { Credentials } from './demo-accounts';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  databaseUrl: string;
  poolSize: number;
  mode: TestDatabase['mode'];
  /** TypeORM's DataSource (its query() answers UPDATE/DELETE with [rows, count]); the app's own pool is app.get(DatabasePool). */
  db: DataSource;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real API (all middleware, guards, migrations) on a fresh database. `env` overrides configuration;
 * `reach(url)` may change the address the API uses for that database (e.g. through a proxy a test can cut).
 */
export async function createTestApp(env: Record<string, string> = {}, reach: (url: string) => string = (url) => url): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await startTestApp({ ...database, url: reach(database.url) }, env, { createApp, loadConfig, DataSource });
  return { ...app, close: () => app.close().then(() => database.drop()) };
}

/**
 * A second API instance (a replica) on the database of `first`: both share every row, as replicas in production do.
 * Its modules are loaded afresh (jest.isolateModules), so it shares no singleton with the first (passport's
 * strategies, Nest's containers) — like a separate process. `replica.load(path)` reads a module of its own copy
 * (for `replica.app.get(...)`); paths are relative to apps/api/src, e.g. 'auth/password-hasher.service'.
 */
export async function createReplica(first: TestApp, env: Record<string, string> = {}, preload: string[] = []): Promise<TestApp & { load<T = Record<string, unknown>>(path: string): T }> {
  const loaded = new Map<string, unknown>();
  let mods!: AppModules;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    mods = {
      createApp: require('../../apps/api/src/app-factory').createApp,
      loadConfig: require('../../apps/api/src/config/app-config').loadConfig,
      DataSource: require('typeorm').DataSource,
    };
    for (const path of preload) loaded.set(path, require(`../../apps/api/src/${path}`));
  });
  const app = await startTestApp({ url: first.databaseUrl, poolSize: first.poolSize, mode: first.mode }, env, mods);
  return {
    ...app,
    load<T>(path: string): T {
      if (!loaded.has(path)) throw new Error(`createReplica: add '${path}' to preload`);
      return loaded.get(path) as T;
    },
  };
}

interface AppModules {
  createApp: typeof createApp;
  loadConfig: typeof loadConfig;
  DataSource: typeof DataSource;
}

async function startTestApp({ url: databaseUrl, poolSize, mode }: Omit<TestDatabase, 'drop'>, env: Record<string, string>, { createApp, loadConfig, DataSource }: AppModules): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    DATABASE_MODE: mode,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'respeta-test-data-')),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    PSEUDONYM_SECRET: 'test-pseudonym-test-pseudonym-test-0123456789',
    // The demo accounts and cohort only: suites seed the answers they assert on (the full demo has its own test).
    SEED_DEMO: 'accounts',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: join(tmpdir(), 'respeta-no-web'),
    ...env,
  });
  const running = await createApp(config, { logger: false });
  await running.app.init();
  const server = running.app.getHttpServer();
  return {
    app: running.app,
    databaseUrl,
    poolSize,
    mode,
    db: running.app.get(DataSource),
    http: () => request(server),
    close: () => running.close(),
  };
}

export { DEMO } from './demo-accounts';

export async function login(t: TestApp, who: Credentials): Promise<{ token: string; cookie: string; userId: string }> {
  const res = await t.http().post('/api/auth/login').send(who).expect(200);
  return { token: res.body.accessToken, cookie: refreshCookie(res), userId: res.body.user.id };
}

/** Registration answers 202 with no session (it must not reveal whether the e-mail had an account); then sign in. */
export async function registerLearner(t: TestApp, body: Record<string, unknown> & { email: string; password: string }): Promise<{ token: string; cookie: string; userId: string }> {
  await t.http().post('/api/auth/register').send(body).expect(202, { status: 'accepted' });
  return login(t, { email: body.email.trim().toLowerCase(), password: body.password });
}

export function refreshCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('respeta_rt='));
  if (!cookie) throw new Error('no refresh cookie in response');
  return cookie.split(';')[0];
}

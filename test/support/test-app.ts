import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app-factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The real API (all middleware, guards, migrations) on a fresh database. `env` overrides configuration. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(database.poolSize),
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
    db: running.app.get(DataSource),
    http: () => request(server),
    async close() {
      await running.close();
      await database.drop();
    },
  };
}

export const DEMO = {
  admin: { email: 'admin@respeta.demo', password: 'respeta-admin-demo' },
  trainer: { email: 'formadora@respeta.demo', password: 'respeta-formadora-demo' },
  police: { email: 'policia@respeta.demo', password: 'respeta-policia-demo' },
  municipal: { email: 'municipal@respeta.demo', password: 'respeta-municipal-demo' },
  health: { email: 'salud@respeta.demo', password: 'respeta-salud-demo' },
  inviteCode: 'DEMO-2026',
};

export async function login(t: TestApp, who: { email: string; password: string }): Promise<{ token: string; cookie: string; userId: string }> {
  const res = await t.http().post('/api/auth/login').send(who).expect(200);
  return { token: res.body.accessToken, cookie: refreshCookie(res), userId: res.body.user.id };
}

export function refreshCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('respeta_rt='));
  if (!cookie) throw new Error('no refresh cookie in response');
  return cookie.split(';')[0];
}

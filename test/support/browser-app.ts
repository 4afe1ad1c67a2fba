import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { type Credentials, DEMO } from './demo-accounts';
import { spawnApp, type SpawnedApp } from './spawn-app';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestServer extends ApiClient {
  /** The server's address (http://127.0.0.1:port). */
  url: string;
  server: SpawnedApp;
  db: TestDatabase;
  /** Stops what was started (server, database) and drops the database. */
  stop(): Promise<void>;
}

export interface BrowserApp extends TestServer {
  browser: Browser;
}

export interface ServerOptions {
  /** Extra server environment (DATA_DIR…); the database, NODE_ENV=test, the demo accounts and a JWT secret are set. */
  env?: Record<string, string>;
  /** Runs on the fresh database before the server starts for the tests, with the server's environment. */
  prepare?(db: TestDatabase, env: Record<string, string>): Promise<void>;
}

/** A fresh database and the built server on it (`npm run build` first) with the demo accounts. */
export async function startTestServer({ env = {}, prepare }: ServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  try {
    const serverEnv = {
      DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(db.poolSize), DATABASE_MODE: db.mode, NODE_ENV: 'test', SEED_DEMO: 'accounts',
      JWT_SECRET: `browser-test-${randomBytes(24).toString('hex')}`, ...env,
    };
    await prepare?.(db, serverEnv);
    const server = await spawnApp(serverEnv);
    return { url: server.url, server, db, ...apiClient(server.url), stop: () => server.stop().then(() => db.drop()) };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/** What every browser test starts from: startTestServer and Chromium. Call in beforeAll, and `stop()` in afterAll. */
export async function startBrowserApp(options: ServerOptions = {}): Promise<BrowserApp> {
  const started = await startTestServer(options);
  try {
    const browser = await launchChromium();
    return { ...started, browser, stop: () => browser.close().then(() => started.stop()) };
  } catch (error) {
    await started.stop();
    throw error;
  }
}

/** Signs in on the login page in Spanish (pinned, whatever the browser's language) and waits for the home page. */
export async function signIn(page: Page, url: string, who: Credentials): Promise<void> {
  await openInSpanish(page, url, '/login');
  await page.getByLabel('Correo electrónico').fill(who.email);
  await page.getByLabel('Contraseña').fill(who.password);
  await page.getByRole('button', { name: 'Ingresar', exact: true }).click();
  await page.waitForURL(`${url}/`);
}

export interface NewLearner extends Credentials {
  name: string;
  positionType: string;
  region: string;
  /** The demo cohort's unless given. */
  inviteCode?: string;
}

/** The page at `path`, in Spanish whatever the browser's language (the choice is kept in localStorage). */
async function openInSpanish(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.evaluate(() => localStorage.setItem('respeta.lang', 'es'));
  await page.reload();
}

/** Fills the registration form in Spanish and sends it (what follows, welcome or refusal, is the test's to check). */
export async function register(page: Page, url: string, who: NewLearner): Promise<void> {
  await openInSpanish(page, url, '/register');
  await page.getByLabel('Código de invitación').fill(who.inviteCode ?? DEMO.inviteCode);
  await page.getByLabel('Nombre con el que quiere que le llamen').fill(who.name);
  await page.getByLabel('Correo electrónico').fill(who.email);
  await page.getByLabel('Contraseña').fill(who.password);
  await page.getByLabel('Tipo de cargo').selectOption(who.positionType);
  await page.getByLabel('Departamento donde trabaja').selectOption(who.region);
  await page.getByRole('button', { name: 'Crear cuenta', exact: true }).click();
}

export type ApiClient = ReturnType<typeof apiClient>;

/** The JSON API as a test's setup uses it: throws on any error status; `token` signs in and returns the access token. */
export function apiClient(url: string) {
  const api = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const token = async (who: Credentials) => (await api('/api/auth/login', { method: 'POST', body: who })).accessToken as string;
  return { api, token };
}

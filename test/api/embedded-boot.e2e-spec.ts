import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnApp, type SpawnedApp } from '../support/spawn-app';

// What a newcomer gets: no DATABASE_URL, so the server starts PGlite in its data dir, migrates and seeds.
describe('embedded database default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'respeta-embedded-'));
  let app: SpawnedApp;

  beforeAll(async () => {
    // The first start also simulates the demo cohorts' ~45 learners (a few seconds on an idle machine; more when shared).
    app = await spawnApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, NODE_ENV: 'development' }, 240_000);
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots on PGlite, migrates, serves /api/health and prints the demo logins', async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(app.output()).toMatch(/embedded PGlite/);
    expect(app.output()).toMatch(/formadora@respeta\.demo/);
  });

  it('lets the demo trainer sign in', async () => {
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'formadora@respeta.demo', password: 'respeta-formadora-demo' }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).user.role).toBe('trainer');
  });

  it("shows the demo trainer the demo cohorts (the study's waitlist among them), labelled, with a full report", async () => {
    const signIn = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'formadora@respeta.demo', password: 'respeta-formadora-demo' }),
    });
    const auth = { Authorization: `Bearer ${(await signIn.json()).accessToken}` };
    const cohorts = await (await fetch(`${app.url}/api/cohorts`, { headers: auth })).json();
    // Ucayali (the demo study's treated arm), the small Piura group, and the study's empty waitlist in Lima.
    expect(cohorts.map((c: { enrolled: number }) => c.enrolled)).toEqual([43, 6, 0]);
    for (const c of cohorts) expect(c).toMatchObject({ isDemo: true, name: expect.stringMatching(/^Demostración — /) });
    expect(cohorts[0].enrolled).toBe(43);
    const report = await (await fetch(`${app.url}/api/cohorts/${cohorts[0].id}/report`, { headers: auth })).json();
    expect(report.measures[0].nPairs).toBeGreaterThanOrEqual(25);
  });

  it('keeps its data across a restart', async () => {
    await app.stop();
    app = await spawnApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, NODE_ENV: 'development' });
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'policia@respeta.demo', password: 'respeta-policia-demo' }),
    });
    expect(res.status).toBe(200);
  }, 90_000);

  it('never seeds demo accounts in production', async () => {
    const prodDir = mkdtempSync(join(tmpdir(), 'respeta-prod-'));
    const prod = await spawnApp({
      DATABASE_URL: undefined, DATA_DIR: prodDir, NODE_ENV: 'production', COOKIE_SECURE: 'false',
      JWT_SECRET: 'production-secret-production-secret-0123', PSEUDONYM_SECRET: 'production-pseudonym-production-0123',
      PUBLIC_URL: 'https://respeta.example.pe',
    });
    try {
      expect(prod.output()).not.toMatch(/respeta\.demo/);
      const res = await fetch(`${prod.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@respeta.demo', password: 'respeta-admin-demo' }),
      });
      expect(res.status).toBe(401);
    } finally {
      await prod.stop();
      rmSync(prodDir, { recursive: true, force: true });
    }
  }, 90_000);
});

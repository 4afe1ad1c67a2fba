import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../apps/api/src/config/app-config';
import { ExpiredRowsPurge, PURGE_LOCK_ID } from '../../../apps/api/src/auth/expired-rows-purge.service';
import { MAX_LIVE_INVITE_CODES } from '../../../apps/api/src/cohorts/cohorts.service';
import { createReplica, createTestApp, DEMO, login, type TestApp } from '../../support/test-app';

jest.setTimeout(120_000);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('security: hardening', () => {
  let t: TestApp;
  const web = mkdtempSync(join(tmpdir(), 'respeta-web-'));
  afterAll(() => rmSync(web, { recursive: true, force: true }));
  beforeAll(async () => {
    // A minimal web build: the page and one script.
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><script type="module" src="/assets/app-x1.js"></script>');
    writeFileSync(join(web, 'assets/app-x1.js'), 'export {};');
    t = await createTestApp({ VERIFY_IP_MAX: '5', VERIFY_WINDOW_SECONDS: '60', WEB_DIST_DIR: web });
  });
  afterAll(() => t.close());

  describe('bad input is a 4xx with a code, never a 500', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

    it('refuses deeply nested JSON before validation, also on the public login and registration routes', async () => {
      for (const path of ['/api/auth/login', '/api/auth/register']) {
        const res = await t.http().post(path).set('Content-Type', 'application/json').send(`{"email": ${deep(3000)}}`).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, code: 'JSON_TOO_DEEP' });
      }
      // Brackets inside strings are text, not nesting.
      const inString = await t.http().post('/api/auth/login').send({ email: DEMO.police.email, password: '['.repeat(500) });
      expect(inString.status).toBe(401);
    });

    it('answers a NUL byte in stored text with 400, not a database error', async () => {
      const s = await login(t, DEMO.municipal);
      const res = await t.http().patch('/api/users/me').set(auth(s.token)).send({ displayName: 'Ana\u0000María' }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      const reg = await t.http().post('/api/auth/register').send({
        inviteCode: DEMO.inviteCode, email: 'nul@muni.gob.pe', displayName: 'a\u0000b', password: 'una clave larga', positionType: 'other', region: 'lima',
      }).expect(400);
      expect(reg.body.code).toBe('VALIDATION_FAILED');
    });
  });

  it('pages get a CSP without inline styles, fonts only from this site', async () => {
    const res = await t.http().get('/learn');
    const csp = String(res.headers['content-security-policy']);
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
    expect(directive('style-src')).toBe("style-src 'self'");
    expect(directive('font-src')).toBe("font-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('build files get the headers a script needs, never a page: a missing one is a 404, not the page without its CSP', async () => {
    const page = await t.http().get('/learn').expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const res = await t.http().get('/assets/app-x1.js').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['content-security-policy']).toBeUndefined();
    const missing = await t.http().get('/assets/no-such-file.js').expect(404);
    expect(missing.text).not.toContain('<script');
    expect(String(missing.headers['content-type'])).toMatch(/^text\/plain/);
  });

  it('limits public certificate verification per client IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.http().get(`/api/certificates/AAAA-BBBB-CC${String(i).padStart(2, '0')}`)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
  });

  // CSV quoting of every delimiter (RFC 4180, `;` included): apps/api/src/reports/exports/export-csv.spec.ts.

  describe('content editing is a separate, admin-granted permission', () => {
    it('refuses a trainer without it, and follows grants and withdrawals at once', async () => {
      const admin = await login(t, DEMO.admin);
      const trainer = await login(t, DEMO.trainer);
      const [course] = (await t.http().get('/api/courses').set(auth(trainer.token)).expect(200)).body;
      const refused = await t.http().post(`/api/courses/${course.id}/draft`).set(auth(trainer.token)).expect(403);
      expect(refused.body.code).toBe('CONTENT_EDITOR_REQUIRED');
      // Only an admin grants it, and only to trainers.
      await t.http().patch(`/api/users/${trainer.userId}/permissions`).set(auth(trainer.token)).send({ canEditContent: true }).expect(403);
      const police = await login(t, DEMO.police);
      await t.http().patch(`/api/users/${police.userId}/permissions`).set(auth(admin.token)).send({ canEditContent: true }).expect(409);
      const granted = await t.http().patch(`/api/users/${trainer.userId}/permissions`).set(auth(admin.token)).send({ canEditContent: true }).expect(200);
      expect(granted.body.canEditContent).toBe(true);
      const draft = await t.http().post(`/api/courses/${course.id}/draft`).set(auth(trainer.token)).expect(200);
      await t.http().patch(`/api/users/${trainer.userId}/permissions`).set(auth(admin.token)).send({ canEditContent: false }).expect(200);
      await t.http().post(`/api/course-versions/${draft.body.id}/publish`).set(auth(trainer.token)).expect(403);
      await t.http().delete(`/api/course-versions/${draft.body.id}`).set(auth(trainer.token)).expect(403);
      await t.http().delete(`/api/course-versions/${draft.body.id}`).set(auth(admin.token)).expect(204);
    });
  });

  it(`caps usable invite codes per cohort at ${MAX_LIVE_INVITE_CODES} and pages their listing`, async () => {
    const trainer = await login(t, DEMO.trainer);
    const created = (await t.http().post('/api/cohorts').set(auth(trainer.token)).send({ name: 'Códigos' }).expect(201)).body;
    const codes = `/api/cohorts/${created.id}/invite-codes`;
    const made = await Promise.all(Array.from({ length: MAX_LIVE_INVITE_CODES + 3 }, () => t.http().post(codes).set(auth(trainer.token)).send({})));
    expect(made.filter((r) => r.status === 201)).toHaveLength(MAX_LIVE_INVITE_CODES);
    expect(made.filter((r) => r.status === 409).every((r) => r.body.code === 'INVITE_CODE_LIMIT')).toBe(true);
    // A revoked code frees a place.
    const first = made.find((r) => r.status === 201)!.body;
    await t.http().post(`${codes}/${first.id}/revoke`).set(auth(trainer.token)).expect(200);
    await t.http().post(codes).set(auth(trainer.token)).send({}).expect(201);
    const page1 = (await t.http().get(`${codes}?limit=15`).set(auth(trainer.token)).expect(200)).body;
    const page2 = (await t.http().get(`${codes}?limit=15&offset=15`).set(auth(trainer.token)).expect(200)).body;
    expect([page1.length, page2.length]).toEqual([15, 6]);
    expect(new Set([...page1, ...page2].map((c: { id: string }) => c.id)).size).toBe(21);
    expect((await t.http().get(codes).set(auth(trainer.token)).expect(200)).body).toHaveLength(21);
    await t.http().get(`${codes}?limit=1000`).set(auth(trainer.token)).expect(400);
  });

  it('purges expired throttle, session and refresh-token rows once a day, on one replica only', async () => {
    const [user] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [DEMO.health.email]);
    await t.db.query(`DELETE FROM scheduled_jobs`);
    await t.db.query(`INSERT INTO login_throttle (key, failures, window_started_at) VALUES ('ip:old', 3, now() - interval '3 days'), ('ip:fresh', 3, now())`);
    const [oldRevoked] = await t.db.query(`INSERT INTO auth_sessions (user_id, created_at, revoked_at) VALUES ($1, now() - interval '5 days', now() - interval '2 days') RETURNING id`, [user.id]);
    const [stale] = await t.db.query(`INSERT INTO auth_sessions (user_id, created_at) VALUES ($1, now() - interval '40 days') RETURNING id`, [user.id]);
    await t.db.query(`INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES ($1, 'stale-token', now() - interval '10 days')`, [stale.id]);
    const live = await login(t, DEMO.health);

    // While another replica holds the job's lock, this one skips it.
    const other = t.db.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(`SELECT pg_advisory_xact_lock($1::bigint)`, [PURGE_LOCK_ID]);
    try {
      expect(await t.app.get(ExpiredRowsPurge).runIfDue()).toBeNull();
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect(await t.db.query(`SELECT key FROM login_throttle WHERE key = 'ip:old'`)).toHaveLength(1);

    const replica = await createReplica(t, {}, ['auth/expired-rows-purge.service']);
    const ReplicaPurge = replica.load<{ ExpiredRowsPurge: typeof ExpiredRowsPurge }>('auth/expired-rows-purge.service').ExpiredRowsPurge;
    try {
      const runs = await Promise.all([t.app.get(ExpiredRowsPurge).runIfDue(), replica.app.get(ReplicaPurge).runIfDue()]);
      expect(runs.filter((r) => r !== null)).toHaveLength(1);
      expect(await replica.app.get(ReplicaPurge).runIfDue()).toBeNull(); // ran today already
    } finally {
      await replica.close();
    }
    const keys = (await t.db.query(`SELECT key FROM login_throttle WHERE key IN ('ip:old', 'ip:fresh')`)).map((r: { key: string }) => r.key);
    expect(keys).toEqual(['ip:fresh']);
    const sessions = (await t.db.query(`SELECT id FROM auth_sessions WHERE id = ANY($1)`, [[oldRevoked.id, stale.id]]));
    expect(sessions).toEqual([]);
    expect(await t.db.query(`SELECT 1 FROM refresh_tokens WHERE token_hash = 'stale-token'`)).toEqual([]);
    await t.http().get('/api/auth/me').set(auth(live.token)).expect(200);
  });
});

describe('security: production configuration', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), PSEUDONYM_SECRET: 'q'.repeat(40), DATA_DIR: '/tmp/respeta-prod-config' };

  it('requires PUBLIC_URL in production (certificate links never come from a Host header)', () => {
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://respeta.example.pe' }).publicUrl).toBe('https://respeta.example.pe');
  });

  it('serves /api/docs and /api/docs-json in production only with API_DOCS=true', async () => {
    const base = { NODE_ENV: 'production', PUBLIC_URL: 'https://respeta.example.pe', COOKIE_SECURE: 'false' };
    const closed = await createTestApp(base);
    try {
      await closed.http().get('/api/docs-json').expect(404);
      await closed.http().get('/api/docs/').expect(404);
      await closed.http().get('/api/health').expect(200);
    } finally {
      await closed.close();
    }
    const open = await createTestApp({ ...base, API_DOCS: 'true' });
    try {
      await open.http().get('/api/docs-json').expect(200);
    } finally {
      await open.close();
    }
  });
});

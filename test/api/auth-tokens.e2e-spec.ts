import { createHmac } from 'node:crypto';
import { createTestApp, DEMO, login, refreshCookie, type TestApp } from '../support/test-app';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function sign(header: object, payload: object, secret = SECRET, alg = 'sha256'): string {
  const data = `${b64(header)}.${b64(payload)}`;
  return `${data}.${createHmac(alg, secret).update(data).digest('base64url')}`;
}
const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('tokens and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const me = (token: string) => t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const refresh = (cookie: string) => t.http().post('/api/auth/refresh').set('Cookie', cookie);

  it('wrong password and unknown e-mail answer identically', async () => {
    const a = await t.http().post('/api/auth/login').send({ email: DEMO.police.email, password: 'not the password' });
    const b = await t.http().post('/api/auth/login').send({ email: 'nobody@respeta.demo', password: 'not the password' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(a.status);
    expect(b.body).toEqual(a.body);
    expect(a.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('rotates refresh tokens; replaying an old one after the family moved on revokes the whole family', async () => {
    const first = await login(t, DEMO.municipal);
    const r1 = await refresh(first.cookie).expect(200);
    const second = refreshCookie(r1);
    expect(second).not.toBe(first.cookie);
    await me(r1.body.accessToken).expect(200);
    const r2 = await refresh(second).expect(200); // the learner's phone goes on with the newest token
    // The old token again (a thief's copy): the family is revoked, the newest token and its access token with it.
    const reuse = await refresh(first.cookie).expect(401);
    expect(reuse.body.code).toBe('SESSION_EXPIRED');
    await refresh(refreshCookie(r2)).expect(401);
    await me(r2.body.accessToken).expect(401);
  });

  it('a refresh whose answer was lost may be sent again once, shortly: the lost token stops working, the session goes on', async () => {
    const s = await login(t, DEMO.municipal);
    const lost = await refresh(s.cookie).expect(200); // its answer (and new cookie) never reached the phone
    const again = await refresh(s.cookie).expect(200);
    expect(refreshCookie(again)).not.toBe(refreshCookie(lost));
    await me(again.body.accessToken).expect(200);
    // The token in the lost answer no longer works, without ending the session.
    expect((await refresh(refreshCookie(lost)).expect(401)).body.code).toBe('SESSION_EXPIRED');
    const next = await refresh(refreshCookie(again)).expect(200);
    await me(next.body.accessToken).expect(200);
  });

  it('a used refresh token sent again after the grace period is a replay: the family is revoked', async () => {
    const s = await login(t, DEMO.municipal);
    const r1 = await refresh(s.cookie).expect(200);
    await t.db.query(
      `UPDATE refresh_tokens SET used_at = used_at - interval '31 seconds' WHERE used_at IS NOT NULL AND session_id IN (SELECT id FROM auth_sessions WHERE user_id = $1)`,
      [s.userId],
    );
    await refresh(s.cookie).expect(401);
    await refresh(refreshCookie(r1)).expect(401);
    await me(r1.body.accessToken).expect(401);
  });

  it('logout revokes the refresh token and the access token', async () => {
    const s = await login(t, DEMO.health);
    await t.http().post('/api/auth/logout').set('Cookie', s.cookie).expect(204);
    await refresh(s.cookie).expect(401);
    await me(s.token).expect(401);
  });

  it('logout with only a bearer token (no cookie) revokes that session, and only that one', async () => {
    const a = await login(t, DEMO.health);
    const b = await login(t, DEMO.health);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${a.token}`).expect(204);
    await me(a.token).expect(401);
    await refresh(a.cookie).expect(401);
    await me(b.token).expect(200);
    // A forged token (wrong secret) naming b's session revokes nothing.
    const forged = sign({ alg: 'HS256', typ: 'JWT' }, decode(b.token), 'another-secret-another-secret-another-secret');
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${forged}`).expect(204);
    await me(b.token).expect(200);
  });

  it('refuses refresh and logout sent from another site (Origin check on cookie-authenticated POSTs)', async () => {
    const s = await login(t, DEMO.health);
    const evil = await refresh(s.cookie).set('Origin', 'https://evil.example').expect(403);
    expect(evil.body.code).toBe('ORIGIN_NOT_ALLOWED');
    await refresh(s.cookie).set('Sec-Fetch-Site', 'cross-site').expect(403);
    await t.http().post('/api/auth/logout').set('Cookie', s.cookie).set('Origin', 'https://evil.example').expect(403);
    await me(s.token).expect(200);
    // The app's own origin (the address the request came to) passes.
    const ok = await refresh(s.cookie).set('Host', 'respeta.local:3000').set('Origin', 'http://respeta.local:3000').expect(200);
    expect(ok.body.accessToken).toEqual(expect.any(String));
  });

  it('a password change revokes every session of the account', async () => {
    const phone = await login(t, DEMO.trainer);
    const laptop = await login(t, DEMO.trainer);
    await t.http().post('/api/auth/password').set('Authorization', `Bearer ${laptop.token}`)
      .send({ currentPassword: DEMO.trainer.password, newPassword: 'trainer-new-secret-2026' }).expect(204);
    await me(phone.token).expect(401);
    await me(laptop.token).expect(401);
    await refresh(phone.cookie).expect(401);
    await t.http().post('/api/auth/login').send(DEMO.trainer).expect(401);
    await t.http().post('/api/auth/login').send({ email: DEMO.trainer.email, password: 'trainer-new-secret-2026' }).expect(200);
  });

  it('a password change requires the current password and a good new one', async () => {
    const s = await login(t, DEMO.police);
    const wrong = await t.http().post('/api/auth/password').set('Authorization', `Bearer ${s.token}`)
      .send({ currentPassword: 'nope nope nope', newPassword: 'otra frase larga 2026' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const weak = await t.http().post('/api/auth/password').set('Authorization', `Bearer ${s.token}`)
      .send({ currentPassword: DEMO.police.password, newPassword: 'qwerty123' }).expect(400);
    expect(weak.body.code).toBe('PASSWORD_TOO_COMMON');
    await me(s.token).expect(200);
  });

  it('disabling an account revokes its sessions and blocks login; enabling restores login', async () => {
    const admin = await login(t, DEMO.admin);
    const victim = await login(t, DEMO.health);
    await t.http().post(`/api/users/${victim.userId}/disable`).set('Authorization', `Bearer ${admin.token}`).expect(201);
    await me(victim.token).expect(401);
    await refresh(victim.cookie).expect(401);
    const denied = await t.http().post('/api/auth/login').send(DEMO.health).expect(401);
    expect(denied.body.code).toBe('INVALID_CREDENTIALS');
    await t.http().post(`/api/users/${victim.userId}/enable`).set('Authorization', `Bearer ${admin.token}`).expect(201);
    await t.http().post('/api/auth/login').send(DEMO.health).expect(200);
  });

  describe('forged access tokens are 401', () => {
    let valid: string;
    beforeAll(async () => {
      valid = (await login(t, DEMO.admin)).token;
    });

    it('accepts the genuine token (control)', () => me(valid).expect(200));

    it('rejects alg none', async () => {
      const payload = decode(valid);
      await me(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`).expect(401);
    });
    it('rejects a swapped algorithm (HS512 with the same secret)', async () => {
      await me(sign({ alg: 'HS512', typ: 'JWT' }, decode(valid), SECRET, 'sha512')).expect(401);
    });
    it('rejects a tampered payload', async () => {
      const [h, , s] = valid.split('.');
      const learnerId = (await t.db.query(`SELECT id FROM users WHERE role = 'learner' LIMIT 1`))[0].id;
      await me(`${h}.${b64({ ...decode(valid), sub: learnerId })}.${s}`).expect(401);
    });
    it('rejects a wrong secret', async () => {
      await me(sign({ alg: 'HS256', typ: 'JWT' }, decode(valid), 'another-secret-another-secret-another')).expect(401);
    });
    it('rejects an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      await me(sign({ alg: 'HS256', typ: 'JWT' }, { ...decode(valid), iat: now - 3600, exp: now - 60 })).expect(401);
    });
    it('rejects a not-yet-valid token', async () => {
      const now = Math.floor(Date.now() / 1000);
      await me(sign({ alg: 'HS256', typ: 'JWT' }, { ...decode(valid), nbf: now + 3600 })).expect(401);
    });
    it('rejects garbage', () => me('not.a.jwt').expect(401));
  });

  describe('roles', () => {
    it('an unauthenticated call is 401 with a code', async () => {
      const res = await t.http().get('/api/users').expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });
    it('a learner calling an admin route gets 403', async () => {
      const s = await login(t, DEMO.police);
      const res = await t.http().get('/api/users').set('Authorization', `Bearer ${s.token}`).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });
    it('a trainer cannot create staff accounts', async () => {
      const s = await login(t, { email: DEMO.trainer.email, password: 'trainer-new-secret-2026' });
      await t.http().post('/api/users').set('Authorization', `Bearer ${s.token}`)
        .send({ email: 'x@respeta.demo', displayName: 'X', password: 'long enough secret', role: 'admin' }).expect(403);
    });
    it('an admin creates a trainer, who can then sign in', async () => {
      const s = await login(t, DEMO.admin);
      const res = await t.http().post('/api/users').set('Authorization', `Bearer ${s.token}`)
        .send({ email: 'Nuevo.Formador@respeta.demo', displayName: 'Nuevo Formador', password: 'formador nuevo 2026', role: 'trainer' }).expect(201);
      expect(res.body).toMatchObject({ email: 'nuevo.formador@respeta.demo', role: 'trainer' });
      expect(res.body).not.toHaveProperty('passwordHash');
      await t.http().post('/api/auth/login').send({ email: 'nuevo.formador@respeta.demo', password: 'formador nuevo 2026' }).expect(200);
    });
  });
});

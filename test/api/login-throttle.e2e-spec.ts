import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
jest.setTimeout(60_000);

describe('brute-force throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_ACCOUNT_MAX_FAILURES: '3', LOGIN_IP_MAX_FAILURES: '10', LOGIN_WINDOW_SECONDS: '60', LOGIN_LOCK_SECONDS: '4' });
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });

  it('locks an account after repeated failures, answers like a wrong password, and unlocks by itself', async () => {
    for (let i = 0; i < 3; i++) await attempt(DEMO.police.email, `wrong-${i}-password`).expect(401);
    const locked = await attempt(DEMO.police.email, DEMO.police.password).expect(401);
    const wrong = await attempt('nobody@respeta.demo', 'wrong password here').expect(401);
    expect(locked.body).toEqual(wrong.body);
    // The password-change path checks the same lock.
    await sleep(4200);
    const s = await login(t, DEMO.police);
    for (let i = 0; i < 3; i++) await attempt(DEMO.police.email, `wrong-${i}-password`).expect(401);
    await t.http().post('/api/auth/password').set('Authorization', `Bearer ${s.token}`)
      .send({ currentPassword: DEMO.police.password, newPassword: 'otra frase larga 2026' }).expect(401);
    await sleep(4200);
    await attempt(DEMO.police.email, DEMO.police.password).expect(200);
  });

  it('locks a client IP that sprays many accounts, then unlocks by itself', async () => {
    // The account test above left 8 failures from this IP (login and password-change paths); more reach the limit of 10.
    for (let i = 0; i < 4; i++) await attempt(`spray${i}@respeta.demo`, 'guess guess guess').expect(401);
    await attempt(DEMO.municipal.email, DEMO.municipal.password).expect(401);
    await sleep(4200);
    await attempt(DEMO.municipal.email, DEMO.municipal.password).expect(200);
  });
});

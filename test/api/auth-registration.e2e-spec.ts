import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

const learner = (over: Record<string, unknown> = {}) => ({
  inviteCode: DEMO.inviteCode,
  email: `nueva.${Math.random().toString(36).slice(2)}@muni.gob.pe`,
  displayName: 'María Torres',
  password: 'una frase larga y propia',
  positionType: 'municipal_official',
  region: 'junin',
  ...over,
});

describe('learner registration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const userCount = async () => Number((await t.db.query(`SELECT count(*) AS n FROM users`))[0].n);

  it('registers with a valid invite code and enrols in the cohort; the learner then signs in', async () => {
    const body = learner({ inviteCode: ' demo-2026 ' });
    const res = await t.http().post('/api/auth/register').send(body).expect(202);
    expect(res.body).toEqual({ status: 'accepted' });
    expect(res.headers['set-cookie']).toBeUndefined();
    const [enrolment] = await t.db.query(`SELECT e.status FROM enrolments e JOIN users u ON u.id = e.user_id WHERE u.email = $1`, [body.email]);
    expect(enrolment.status).toBe('active');
    const signedIn = await t.http().post('/api/auth/login').send({ email: body.email, password: body.password }).expect(200);
    expect(signedIn.body.user).toMatchObject({ email: body.email, role: 'learner', locale: 'es', positionType: 'municipal_official', region: 'junin' });
    expect(String(signedIn.headers['set-cookie'])).toMatch(/respeta_rt=.+HttpOnly.*SameSite=Strict/i);
  });

  it.each([
    ['unknown code', { inviteCode: 'NO-SUCH-CODE' }, 400, 'INVITE_CODE_INVALID'],
    ['short password', { password: 'corta' }, 400, 'PASSWORD_TOO_SHORT'],
    ['too long password', { password: 'x'.repeat(129) }, 400, 'PASSWORD_TOO_LONG'],
    ['common password', { password: 'password123' }, 400, 'PASSWORD_TOO_COMMON'],
    ['common password, other case', { password: 'Iloveyou1' }, 400, 'PASSWORD_TOO_COMMON'],
    ['a role sent by the client', { role: 'admin' }, 400, 'VALIDATION_FAILED'],
    ['bad e-mail', { email: 'no-es-correo' }, 400, 'VALIDATION_FAILED'],
    ['unknown region', { region: 'atlantis' }, 400, 'VALIDATION_FAILED'],
    ['wrong type', { displayName: 42 }, 400, 'VALIDATION_FAILED'],
  ])('rejects %s with a 4xx and a code, writing nothing', async (_label, over, status, code) => {
    const before = await userCount();
    const res = await t.http().post('/api/auth/register').send(learner(over)).expect(status);
    expect(res.body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
    expect(await userCount()).toBe(before);
  });

  it('names the offending field in validation messages', async () => {
    const res = await t.http().post('/api/auth/register').send(learner({ role: 'admin', email: undefined })).expect(400);
    expect(res.body.message).toMatch(/role: this field is not allowed/);
    expect(res.body.message).toMatch(/email/);
  });

  it('rejects an expired code', async () => {
    const [cohort] = await t.db.query(`SELECT id FROM cohorts LIMIT 1`);
    await t.db.query(`INSERT INTO invite_codes (cohort_id, code, expires_at) VALUES ($1, 'OLD-2020', now() - interval '1 day')`, [cohort.id]);
    const res = await t.http().post('/api/auth/register').send(learner({ inviteCode: 'OLD-2020' })).expect(400);
    expect(res.body.code).toBe('INVITE_CODE_EXPIRED');
  });

  it('rejects a code once its use limit is reached', async () => {
    const [cohort] = await t.db.query(`SELECT id FROM cohorts LIMIT 1`);
    await t.db.query(`INSERT INTO invite_codes (cohort_id, code, max_uses) VALUES ($1, 'ONCE-ONLY', 1)`, [cohort.id]);
    await t.http().post('/api/auth/register').send(learner({ inviteCode: 'ONCE-ONLY' })).expect(202);
    const res = await t.http().post('/api/auth/register').send(learner({ inviteCode: 'ONCE-ONLY' })).expect(400);
    expect(res.body.code).toBe('INVITE_CODE_EXHAUSTED');
    const [code] = await t.db.query(`SELECT uses FROM invite_codes WHERE code = 'ONCE-ONLY'`);
    expect(code.uses).toBe(1);
  });

  it('does not reveal that an e-mail (any case) has an account, and leaves that account untouched', async () => {
    const fresh = await t.http().post('/api/auth/register').send(learner());
    const known = await t.http().post('/api/auth/register').send(learner({ email: 'POLICIA@respeta.demo', password: 'la frase del intruso 99' }));
    expect(known.status).toBe(fresh.status);
    expect(known.body).toEqual(fresh.body);
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    expect(known.body).toEqual({ status: 'accepted' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'policia@respeta.demo'`);
    expect(n).toBe(1);
    await t.http().post('/api/auth/login').send({ email: DEMO.police.email, password: 'la frase del intruso 99' }).expect(401);
    await login(t, DEMO.police);
  });

  it('trims passwords the same way on every path and refuses one of spaces only', async () => {
    const spaces = await t.http().post('/api/auth/register').send(learner({ password: ' '.repeat(12) })).expect(400);
    expect(spaces.body.code).toBe('PASSWORD_TOO_SHORT');
    const padded = await t.http().post('/api/auth/register').send(learner({ password: '   corta   ' })).expect(400);
    expect(padded.body.code).toBe('PASSWORD_TOO_SHORT');
    const body = learner({ password: '  frase con espacios alrededor  ' });
    await t.http().post('/api/auth/register').send(body).expect(202);
    // Registered with spaces around it: the same password with or without them signs in.
    await t.http().post('/api/auth/login').send({ email: body.email, password: 'frase con espacios alrededor' }).expect(200);
    const s = await login(t, { email: body.email, password: 'frase con espacios alrededor ' });
    const blank = await t.http().post('/api/auth/password').set('Authorization', `Bearer ${s.token}`)
      .send({ currentPassword: ' frase con espacios alrededor', newPassword: '\t         \n' }).expect(400);
    expect(blank.body.code).toBe('PASSWORD_TOO_SHORT');
  });

  it('answers malformed JSON and oversized bodies with a 4xx and a code', async () => {
    const bad = await t.http().post('/api/auth/register').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(bad.body.code).toBe('MALFORMED_JSON');
    const big = await t.http().post('/api/auth/register').send(learner({ displayName: 'x'.repeat(300_000) })).expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

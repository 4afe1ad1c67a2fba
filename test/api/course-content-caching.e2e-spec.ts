import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

describe('course material on slow connections: compressed, and not sent again when unchanged', () => {
  let t: TestApp;
  let token: string;
  let enrolmentId: string;
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.http().get(path).set({ Authorization: `Bearer ${token}`, ...headers }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  beforeAll(async () => {
    t = await createTestApp();
    token = (await login(t, DEMO.police)).token;
    enrolmentId = (await t.http().get('/api/enrolments/mine').set('Authorization', `Bearer ${token}`).expect(200)).body[0].id;
  });
  afterAll(() => t.close());

  it('sends the outline gzip-compressed with an ETag, and 304 with no body when the phone already has it', async () => {
    const first = await get(`/api/enrolments/${enrolmentId}/outline?lang=es`, { 'Accept-Encoding': 'gzip' }).expect(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    // The test client unpacks it; the length on the wire is the compressed one.
    const outline = JSON.parse((first.body as Buffer).toString());
    expect(outline.modules.length).toBeGreaterThan(0);
    expect(Number(first.headers['content-length'])).toBeLessThan((first.body as Buffer).length / 2);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await get(`/api/enrolments/${enrolmentId}/outline?lang=es`, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag }).expect(304);
    expect((again.body as Buffer).length).toBe(0);
    // Another language is another text: a different tag, sent in full.
    const english = await get(`/api/enrolments/${enrolmentId}/outline?lang=en`, { 'If-None-Match': etag, 'Accept-Encoding': 'identity' }).expect(200);
    expect(english.headers.etag).not.toBe(etag);
    expect(english.headers['content-encoding']).toBeUndefined(); // the client did not offer gzip
    expect(JSON.parse((english.body as Buffer).toString()).modules.length).toBe(outline.modules.length);
  });

  it('never keeps the personal journey: no-store and no tag, though compressed on the way', async () => {
    const journey = await get(`/api/enrolments/${enrolmentId}/journey`, { 'Accept-Encoding': 'gzip' }).expect(200);
    expect(journey.headers['cache-control']).toBe('no-store');
    expect(journey.headers.etag).toBeUndefined();
    expect(journey.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse((journey.body as Buffer).toString()).enrolmentId).toBe(enrolmentId);
    const drafts = await get(`/api/enrolments/${enrolmentId}/drafts/pre-knowledge`, { 'Accept-Encoding': 'gzip' });
    expect(drafts.headers.etag).toBeUndefined();
    expect(drafts.headers['cache-control']).toBe('no-store');
  });

  it("another learner's enrolment is still 404, tag or not", async () => {
    const other = (await login(t, DEMO.municipal)).token;
    const outline = await get(`/api/enrolments/${enrolmentId}/outline?lang=es`, { 'Accept-Encoding': 'gzip' }).expect(200);
    await t.http().get(`/api/enrolments/${enrolmentId}/outline?lang=es`).set({ Authorization: `Bearer ${other}`, 'If-None-Match': outline.headers.etag }).expect(404);
  });
});

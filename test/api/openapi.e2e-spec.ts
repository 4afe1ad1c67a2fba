import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';

describe('API hygiene', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A stand-in built web app, so page responses (and their headers) can be checked.
    const web = mkdtempSync(join(tmpdir(), 'respeta-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div>');
    t = await createTestApp({ WEB_DIST_DIR: web });
  });
  afterAll(() => t.close());

  it('serves the OpenAPI document, and the web client was generated from this exact version', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../apps/web/src/lib/api/openapi.json'), 'utf8'));
    // If this fails: run `npm run openapi:generate` and commit the regenerated client types.
    expect(res.body).toEqual(committed);
  });

  it('serves the docs UI', async () => {
    const res = await t.http().get('/api/docs/').expect(200);
    expect(res.text).toMatch(/swagger/i);
  });

  it('answers health with the database checked', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok' });
  });

  it('sends security headers and a request id, and no x-powered-by', async () => {
    const res = await t.http().get('/api/health').set('X-Request-Id', 'test-request-0001');
    expect(res.headers['x-request-id']).toBe('test-request-0001');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['cache-control']).toBe('no-store');
    const page = await t.http().get('/learn/some-page').expect(200);
    expect(page.text).toMatch(/id="root"/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers an unknown API route with 401 or 404 JSON, never HTML', async () => {
    const res = await t.http().get('/api/does-not-exist');
    expect([401, 404]).toContain(res.status);
    expect(res.body.code).toEqual(expect.any(String));
  });

  it('every protected route declares its roles (deny by default)', async () => {
    const doc = (await t.http().get('/api/docs-json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const publicRoutes = new Set(['/api/health', '/api/auth/register', '/api/auth/login', '/api/auth/refresh', '/api/auth/logout', '/api/certificates/{code}']);
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (publicRoutes.has(path)) continue;
      for (const [method] of Object.entries(methods)) {
        const res = await t.http()[method as 'get'](path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'));
        expect({ path, method, status: res.status }).toEqual({ path, method, status: 401 });
      }
    }
  });
});

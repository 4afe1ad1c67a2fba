import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumOptions } from '../support/browser';
import { signIn, startTestServer, type TestServer } from '../support/browser-app';
import { correctAnswers, course, likertAnswers, modulesInOrder, wrongAnswers } from '../support/course-player';
import { cuttableProxy } from '../support/cuttable-proxy';
import { type Credentials, DEMO } from '../support/demo-accounts';

jest.setTimeout(300_000);

const exact = (name: string) => ({ name, exact: true });

/** Asks `check` every 250 ms until it answers true; fails after `timeout` ms. */
async function until(check: () => Promise<boolean>, timeout: number): Promise<void> {
  for (const end = Date.now() + timeout; !(await check()); await new Promise((r) => setTimeout(r, 250))) {
    if (Date.now() > end) throw new Error(`not true after ${timeout} ms`);
  }
}

/**
 * A phone on a weak signal, for real: a persistent browser profile (the learner's phone keeps its storage), a proxy
 * that drops the connection for the page and its service worker alike, and the browser closed entirely while answers
 * wait. The server must end with exactly one record of each action, with exactly the answers given offline.
 */
describe('browser: offline answers and reading, across a closed browser', () => {
  let app: TestServer;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
  let sql: Client;
  const profiles: string[] = [];

  beforeAll(async () => {
    app = await startTestServer();
    proxy = await cuttableProxy(app.url);
    sql = new Client({ connectionString: app.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await proxy?.close();
    await app?.stop();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  /** The same profile directory on every launch: like reopening the browser on the same phone. */
  function phone() {
    const dir = mkdtempSync(join(tmpdir(), 'respeta-phone-'));
    profiles.push(dir);
    return async (): Promise<{ context: BrowserContext; page: Page }> => {
      const context = await chromium.launchPersistentContext(dir, {
        ...chromiumOptions(), viewport: { width: 360, height: 740 }, locale: 'es-PE',
      });
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    };
  }

  async function offline(context: BrowserContext) {
    proxy.cut();
    await context.setOffline(true);
  }
  async function online(context?: BrowserContext) {
    proxy.restore();
    await context?.setOffline(false);
  }

  /** The learner's own API session, straight to the server (setting up the steps before the one under test). */
  async function learnerApi(who: Credentials) {
    const token = await app.token(who);
    const [enrolment] = await app.api('/api/enrolments/mine', { token });
    const post = (path: string, body: Record<string, unknown> = {}) =>
      app.api(`/api/enrolments/${enrolment.id}${path}`, { method: 'POST', token, body: { idempotencyKey: randomUUID(), ...body } });
    /** The answers of the learner's attempt of this kind and wave, as the learner's own data gives them back. */
    const answersOf = async (kind: string, wave: string | null) => {
      const data = await app.api('/api/me/data', { token });
      const attempt = data.enrolments.find((e: { id: string }) => e.id === enrolment.id).attempts.find((a: { kind: string; wave: string | null }) => a.kind === kind && a.wave === wave);
      return Object.fromEntries(attempt.answers.map((r: { itemKey: string; value: string }) => [r.itemKey, JSON.parse(r.value)]));
    };
    return { enrolmentId: enrolment.id as string, post, answersOf };
  }

  /** Through the proxy, as the phone reaches the site; the learner's courses are on the home page. */
  async function signInOnPhone(page: Page, who: Credentials) {
    await signIn(page, proxy.url, who);
    await page.getByRole('heading', { level: 2, name: 'Mis cursos' }).waitFor();
  }

  /** Every question, screen after screen (the first option shown, or the given ones); returns what was chosen. */
  async function answerAll(page: Page, submit: string, given?: Record<string, string[]>): Promise<Record<string, string[]>> {
    const chosen: Record<string, string[]> = {};
    for (;;) {
      const groups = page.locator('fieldset.question');
      for (let i = 0; i < (await groups.count()); i++) {
        const first = groups.nth(i).locator('input').first();
        const name = (await first.getAttribute('name'))!;
        if (chosen[name]) continue;
        if (given) for (const key of given[name]!) await groups.nth(i).locator(`input[value="${key}"]`).check();
        else await first.check();
        chosen[name] = given ? given[name]! : [(await first.getAttribute('value'))!];
        // Saved on the phone at once, with no connection at all.
        await groups.nth(i).getByText('Guardado en este teléfono').waitFor();
      }
      const next = page.getByRole('button', exact('Siguiente'));
      if (await next.isVisible()) await next.click();
      else break;
    }
    await page.getByRole('button', exact(submit)).click();
    return chosen;
  }

  const attemptsOf = async (enrolmentId: string, kind: string, wave: string | null) =>
    (await sql.query(`SELECT id FROM attempts WHERE enrolment_id = $1 AND kind = $2 AND wave IS NOT DISTINCT FROM $3`, [enrolmentId, kind, wave])).rows as { id: string }[];
  const responsesOf = async (attemptId: string) =>
    Object.fromEntries((await sql.query(`SELECT item_key, value FROM responses WHERE attempt_id = $1`, [attemptId])).rows.map((r) => [r.item_key, r.value]));

  it('pre-assessment answered offline, browser closed, reopened online: one attempt with exactly those answers, then the next step', async () => {
    const launch = phone();
    const learner = await learnerApi(DEMO.police);
    await learner.post('/consent', { evaluationUse: true });

    let { context, page } = await launch();
    await signInOnPhone(page, DEMO.police);
    const url = `${proxy.url}/learn/${learner.enrolmentId}/assessment/pre/knowledge`;
    await page.goto(url);
    await page.locator('fieldset.question').first().waitFor();

    await offline(context);
    await page.getByText(/^Sin conexión:/).waitFor();
    const chosen = await answerAll(page, 'Enviar respuestas');
    // The journey moves on at once (the browser's actor); the answers wait on the phone, and the page says so.
    await page.waitForURL(/\/assessment\/pre\/attitude$/);
    await page.getByText(/que esperan para enviarse: 1\./).waitFor();
    expect(Object.keys(chosen)).toHaveLength(course().knowledgeTest.items.length);
    expect(await attemptsOf(learner.enrolmentId, 'knowledge', 'pre')).toHaveLength(0);
    await context.close();

    await online();
    ({ context, page } = await launch());
    await page.goto(url);
    // The queue delivers the answers; the page then shows what the journey says comes next: the opinion questionnaire.
    await page.locator('a[href$="/assessment/pre/attitude"]', { hasText: 'Continuar' }).waitFor({ timeout: 60_000 });
    const attempts = await attemptsOf(learner.enrolmentId, 'knowledge', 'pre');
    expect(attempts).toHaveLength(1);
    // An assessment keeps its answers in the attempt's vectors: read back as the learner's own data gives them.
    expect(await learner.answersOf('knowledge', 'pre')).toEqual(chosen);
    await context.close();
  });

  it('quiz answered offline waits clearly marked, and is graded by the server once the reopened browser sends it', async () => {
    const launch = phone();
    const learner = await learnerApi(DEMO.municipal);
    const module = modulesInOrder()[0]!;
    await learner.post('/consent', { evaluationUse: true });
    await learner.post('/assessments/pre/knowledge', { answers: wrongAnswers(course().knowledgeTest.items) });
    await learner.post('/assessments/pre/attitude', { answers: likertAnswers(3) });
    for (const lesson of module.lessons) await learner.post(`/lessons/${lesson.key}/complete`);

    let { context, page } = await launch();
    await signInOnPhone(page, DEMO.municipal);
    const url = `${proxy.url}/learn/${learner.enrolmentId}/modules/${module.key}/quiz`;
    await page.goto(url);
    await page.locator('fieldset.question').first().waitFor();

    await offline(context);
    const chosen = await answerAll(page, 'Enviar evaluación', correctAnswers(module.quiz.questions));
    await page.getByText(/El cuestionario se calificará cuando lleguen al servidor/).waitFor();
    await context.close();
    expect(await attemptsOf(learner.enrolmentId, 'quiz', null)).toHaveLength(0);

    await online();
    ({ context, page } = await launch());
    await page.goto(url);
    // Graded when it arrived: the result and the way on are shown here.
    await page.getByRole('heading', { level: 2, name: 'Resultado' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', exact('Continuar')).waitFor();
    const attempts = await attemptsOf(learner.enrolmentId, 'quiz', null);
    expect(attempts).toHaveLength(1);
    expect(await responsesOf(attempts[0]!.id)).toEqual(chosen);
    await context.close();
  });

  it('a lesson read once opens offline after a reload (and so does the app), and "marcar como leída" offline is recorded once after the browser is reopened', async () => {
    const launch = phone();
    const learner = await learnerApi(DEMO.health);
    const module = modulesInOrder()[0]!;
    const [first, second, third] = module.lessons;
    await learner.post('/consent', { evaluationUse: false });
    await learner.post('/assessments/pre/knowledge', { answers: wrongAnswers(course().knowledgeTest.items) });
    await learner.post('/assessments/pre/attitude', { answers: likertAnswers(3) });
    const keysBefore = Number((await sql.query(`SELECT count(*) FROM idempotency_keys WHERE enrolment_id = $1`, [learner.enrolmentId])).rows[0].count);

    let { context, page } = await launch();
    await signInOnPhone(page, DEMO.health);
    const url = `${proxy.url}/learn/${learner.enrolmentId}/modules/${module.key}/lessons/${first!.key}`;
    await page.goto(url);
    const title = first!.title.es;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // The service worker keeps the lesson (it takes over the page shortly after the first visit).
    // (Polled from here: page.waitForFunction takes an async predicate's promise as a truthy answer and waits for nothing.)
    await until(() => page.evaluate(async (path) => Boolean(await caches.match(path, { ignoreVary: true })), `/api/enrolments/${learner.enrolmentId}/lessons/${first!.key}?lang=es`), 60_000);

    await offline(context);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(/^Sin conexión:/).waitFor();

    // The app shell offline: the home page, the learner's course from the stored copy.
    await page.goto(`${proxy.url}/`);
    await page.getByRole('heading', { level: 2, name: 'Mis cursos' }).waitFor();
    await page.getByRole('link', { name: /Continuar|Ver curso|Empezar/ }).first().waitFor();

    // The connection returns: the notice goes away by itself, with no button to press, and the session is renewed
    // (waited for: a renewal cut off mid-flight would leave the browser with a spent refresh token).
    const renewed = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.ok());
    await online(context);
    await page.getByText(/^Sin conexión:/).waitFor({ state: 'detached', timeout: 30_000 });
    await renewed;

    // Offline again, on the lesson: "read" is kept on the phone, and the browser is closed before it can be sent.
    await offline(context);
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', exact('Marcar como leída y seguir')).click();
    // On to the next lesson at once, offline too: the course's reached lessons were stored on the first visit.
    await page.waitForURL(new RegExp(`/lessons/${second!.key}$`));
    await page.getByRole('heading', { level: 1, name: second!.title.es }).waitFor();
    await page.getByText(/que esperan para enviarse: 1\./).waitFor();
    // The second lesson too, while the first still waits: both are on the phone (the third lesson was never reached, so
    // it has no copy to show; the queue is read directly).
    await page.getByRole('button', exact('Marcar como leída y seguir')).click();
    await page.waitForFunction(() => new Promise((resolve) => {
      const open = indexedDB.open('respeta-offline');
      open.onsuccess = () => {
        const count = open.result.transaction('outbox').objectStore('outbox').count();
        count.onsuccess = () => resolve(count.result === 2);
      };
    }), undefined, { timeout: 30_000, polling: 250 });
    await context.close();

    await online();
    ({ context, page } = await launch());
    // What each queue request carried (the lessons it names): a request may go twice (a session renewed on the way),
    // recording nothing the second time, as the key count below shows.
    const queueRequests: string[][] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === `/api/enrolments/${learner.enrolmentId}/submissions`) {
        queueRequests.push((JSON.parse(r.postData() ?? '{}').items ?? []).map((item: { lessonKey?: string }) => item.lessonKey));
      }
    });
    await page.goto(`${proxy.url}/learn/${learner.enrolmentId}`);
    // Once the queue has delivered both, the course page's next step is the third lesson.
    await page.locator(`a[href$="/lessons/${third!.key}"]`, { hasText: 'Continuar' }).first().waitFor({ timeout: 60_000 });
    await page.getByText(/esperan para enviarse/).waitFor({ state: 'detached' });
    const { rows } = await sql.query(`SELECT journey FROM enrolments WHERE id = $1`, [learner.enrolmentId]);
    const progress = rows[0].journey.context.modules.find((m: { key: string }) => m.key === module.key);
    expect(progress.lessonsRead).toEqual([first!.key, second!.key]);
    const keysAfter = Number((await sql.query(`SELECT count(*) FROM idempotency_keys WHERE enrolment_id = $1`, [learner.enrolmentId])).rows[0].count);
    expect(keysAfter - keysBefore).toBe(2);
    // Both went in one request, the phone's whole queue in one round trip.
    expect(queueRequests.length).toBeGreaterThan(0);
    for (const lessons of queueRequests) expect(lessons).toEqual([first!.key, second!.key]);

    // Signing out leaves nothing of this learner on the phone: no queue or drafts, no stored course copies.
    const stored = () => page.evaluate(async () => ({
      db: (await indexedDB.databases()).some((d) => d.name === 'respeta-offline'),
      copies: await caches.has('respeta-learner-api'),
      user: localStorage.getItem('respeta.offline.user') !== null,
    }));
    expect(await stored()).toEqual({ db: true, copies: true, user: true });
    await page.getByRole('button', exact('Cerrar sesión')).click();
    await page.waitForURL(/\/login$/);
    expect(await stored()).toEqual({ db: false, copies: false, user: false });
    await context.close();
  });
});

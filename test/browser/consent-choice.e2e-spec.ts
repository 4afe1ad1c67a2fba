import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { course } from '../support/course-player';
import { spawnApp, type SpawnedApp } from '../support/spawn-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

const exact = (name: string) => ({ name, exact: true });
const es = (text: { es: string }) => text.es;
const json = { 'content-type': 'application/json' };

/** The learner's journey as the server holds it, read with a session of its own. */
async function serverJourney(url: string, email: string, password: string) {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
  const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const [enrolment] = (await (await fetch(`${url}/api/enrolments/mine`, { headers: auth })).json()) as { id: string }[];
  const journey = (await (await fetch(`${url}/api/enrolments/${enrolment!.id}/journey`, { headers: auth })).json()) as {
    stage: string; snapshot: { context: { consentedAt: number | null; withdrawnFrom: string | null } };
  };
  return { auth, enrolmentId: enrolment!.id, journey };
}

/** Declining consent from the consent page, and the server correcting a page that acted on an old journey. */
describe('browser: the consent decision as the journey machine allows it', () => {
  let db: TestDatabase;
  let app: SpawnedApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  async function register(name: string, email: string, password: string) {
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true, locale: 'es-PE' });
    page = await context.newPage();
    await page.goto(`${app.url}/register`);
    await page.getByLabel('Código de invitación').fill('DEMO-2026');
    await page.getByLabel('Nombre con el que quiere que le llamen').fill(name);
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill(password);
    await page.getByLabel('Tipo de cargo').selectOption('municipal_official');
    await page.getByLabel('Departamento donde trabaja').selectOption('junin');
    await page.getByRole('button', exact('Crear cuenta')).click();
    await page.getByRole('link', { name: /^Empezar: Respeta/ }).click();
    await page.getByRole('heading', { level: 1, name: es(course().title) }).waitFor();
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await spawnApp({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(db.poolSize), DATABASE_MODE: db.mode, NODE_ENV: 'test', SEED_DEMO: 'accounts', JWT_SECRET: 'browser-test-secret-browser-test-secret-05' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('lets a learner decline after reading what declining means, and closes the course', async () => {
    const password = 'la sierra central en invierno';
    await register('Rosa Huamán', 'rosa.huaman@munihuancayo.gob.pe', password);
    await page.getByRole('link', exact('Empezar')).click();
    await page.getByRole('heading', { level: 1, name: es(course().consent.title) }).waitFor();

    await page.getByRole('link', exact('No deseo participar en este curso')).click();
    await page.getByRole('heading', { level: 1, name: 'No participar en este curso' }).waitFor();
    // What it means, said before it happens: nothing kept but the decision, no course, not undoable here, and the
    // alternative the learner may really want (course only).
    await page.getByText('No se guarda ninguna respuesta suya', { exact: false }).waitFor();
    await page.getByText('No podrá hacer este curso en este grupo ni obtener su certificado.').waitFor();
    await page.getByText('Esta decisión no se puede deshacer desde la plataforma.', { exact: false }).waitFor();
    await page.getByText('elija «solo el curso»', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Changing one's mind goes back to the consent, untouched.
    await page.getByRole('link', exact('No, volver al consentimiento')).click();
    await page.getByRole('heading', { level: 1, name: es(course().consent.title) }).waitFor();
    expect((await serverJourney(app.url, 'rosa.huaman@munihuancayo.gob.pe', password)).journey.stage).toBe('consent');

    await page.getByRole('link', exact('No deseo participar en este curso')).click();
    const [sent] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/withdraw') && r.request().method() === 'POST'),
      page.getByRole('button', exact('Sí, no deseo participar')).click(),
    ]);
    await page.getByRole('status').filter({ hasText: 'decidió no participar en este curso' }).waitFor();
    expect(await page.getByRole('link', exact('Continuar')).count()).toBe(0);

    // The server recorded the same decision (the actor moved at once; the request, with its key, followed).
    expect(sent.status()).toBe(200);
    expect(JSON.parse(sent.request().postData()!)).toEqual({ idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const { journey } = await serverJourney(app.url, 'rosa.huaman@munihuancayo.gob.pe', password);
    expect(journey.stage).toBe('withdrawn');
    expect(journey.snapshot.context).toMatchObject({ consentedAt: null, withdrawnFrom: 'consent' });

    // The consent page is closed now, with the machine's reason.
    await page.goto(`${page.url()}/consent`);
    await page.getByText('Ya no participa en este curso', { exact: false }).waitFor();
    await context.close();
  });

  it('lets the server’s journey win when this page acted on an old one, and says so', async () => {
    const password = 'costa norte y mucho calor';
    await register('Jorge Chávez', 'jorge.chavez@munipiura.gob.pe', password);
    await page.getByRole('link', exact('Empezar')).click();
    await page.getByRole('heading', { level: 1, name: es(course().consent.title) }).waitFor();
    // Meanwhile, on another device, the learner declined.
    const { auth, enrolmentId } = await serverJourney(app.url, 'jorge.chavez@munipiura.gob.pe', password);
    const declined = await fetch(`${app.url}/api/enrolments/${enrolmentId}/withdraw`, { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify({ idempotencyKey: crypto.randomUUID() }) });
    expect(declined.status).toBe(200);

    // This page still shows the consent: the machine here allows it, the server refuses (409) and its journey wins.
    await page.getByLabel(es(course().consent.choices.evaluation)).check();
    await page.getByRole('button', exact('Continuar')).click();
    await page.getByRole('alert').filter({ hasText: 'El servidor no aceptó un paso que usted dio: Ya no participa en este curso' }).waitFor();
    // The page the optimistic move opened (the pre-test) is closed again by the server's journey, with its reason.
    await page.locator('[data-unavailable="WITHDRAWN"]').waitFor();
    expect((await serverJourney(app.url, 'jorge.chavez@munipiura.gob.pe', password)).journey.stage).toBe('withdrawn');
    // The offline queue lists the refused step too (its own notice and "Entendido"); this dismisses the journey's.
    await page.getByRole('alert').filter({ hasText: 'El servidor no aceptó un paso' }).getByRole('button', exact('Entendido')).click();
    expect(await page.getByRole('alert').filter({ hasText: 'El servidor no aceptó un paso' }).count()).toBe(0);
    await context.close();
  });
});

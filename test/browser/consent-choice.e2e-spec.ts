import type { BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from '../support/axe';
import { course } from '../support/course-player';
import { type ApiClient, type BrowserApp, register, startBrowserApp } from '../support/browser-app';
import type { Credentials } from '../support/demo-accounts';

jest.setTimeout(180_000);

const exact = (name: string) => ({ name, exact: true });
const es = (text: { es: string }) => text.es;
const json = { 'content-type': 'application/json' };

/** The learner's journey as the server holds it, read with a session of its own. */
async function serverJourney({ api, token }: ApiClient, who: Credentials) {
  const access = await token(who);
  const [enrolment] = await api('/api/enrolments/mine', { token: access });
  const journey = (await api(`/api/enrolments/${enrolment.id}/journey`, { token: access })) as {
    stage: string; snapshot: { context: { consentedAt: number | null; withdrawnFrom: string | null } };
  };
  return { token: access, enrolmentId: enrolment.id as string, journey };
}

/** Declining consent from the consent page, and the server correcting a page that acted on an old journey. */
describe('browser: the consent decision as the journey machine allows it', () => {
  let app: BrowserApp;
  let context: BrowserContext;
  let page: Page;

  async function registerLearner(name: string, email: string, password: string) {
    context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true, locale: 'es-PE' });
    page = await context.newPage();
    await register(page, app.url, { name, email, password, positionType: 'municipal_official', region: 'junin' });
    await page.getByRole('link', { name: /^Empezar: Respeta/ }).click();
    await page.getByRole('heading', { level: 1, name: es(course().title) }).waitFor();
  }

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(() => app?.stop());

  it('lets a learner decline after reading what declining means, and closes the course', async () => {
    const password = 'la sierra central en invierno';
    await registerLearner('Rosa Huamán', 'rosa.huaman@munihuancayo.gob.pe', password);
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
    expect((await serverJourney(app, { email: 'rosa.huaman@munihuancayo.gob.pe', password })).journey.stage).toBe('consent');

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
    const { journey } = await serverJourney(app, { email: 'rosa.huaman@munihuancayo.gob.pe', password });
    expect(journey.stage).toBe('withdrawn');
    expect(journey.snapshot.context).toMatchObject({ consentedAt: null, withdrawnFrom: 'consent' });

    // The consent page is closed now, with the machine's reason.
    await page.goto(`${page.url()}/consent`);
    await page.getByText('Ya no participa en este curso', { exact: false }).waitFor();
    await context.close();
  });

  it('lets the server’s journey win when this page acted on an old one, and says so', async () => {
    const password = 'costa norte y mucho calor';
    await registerLearner('Jorge Chávez', 'jorge.chavez@munipiura.gob.pe', password);
    await page.getByRole('link', exact('Empezar')).click();
    await page.getByRole('heading', { level: 1, name: es(course().consent.title) }).waitFor();
    // Meanwhile, on another device, the learner declined.
    const { token, enrolmentId } = await serverJourney(app, { email: 'jorge.chavez@munipiura.gob.pe', password });
    const declined = await fetch(`${app.url}/api/enrolments/${enrolmentId}/withdraw`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...json }, body: JSON.stringify({ idempotencyKey: crypto.randomUUID() }) });
    expect(declined.status).toBe(200);

    // This page still shows the consent: the machine here allows it, the server refuses (409) and its journey wins.
    await page.getByLabel(es(course().consent.choices.evaluation)).check();
    await page.getByRole('button', exact('Continuar')).click();
    await page.getByRole('alert').filter({ hasText: 'El servidor no aceptó un paso que usted dio: Ya no participa en este curso' }).waitFor();
    // The page the optimistic move opened (the pre-test) is closed again by the server's journey, with its reason.
    await page.locator('[data-unavailable="WITHDRAWN"]').waitFor();
    expect((await serverJourney(app, { email: 'jorge.chavez@munipiura.gob.pe', password })).journey.stage).toBe('withdrawn');
    // The offline queue lists the refused step too (its own notice and "Entendido"); this dismisses the journey's.
    await page.getByRole('alert').filter({ hasText: 'El servidor no aceptó un paso' }).getByRole('button', exact('Entendido')).click();
    expect(await page.getByRole('alert').filter({ hasText: 'El servidor no aceptó un paso' }).count()).toBe(0);
    await context.close();
  });
});

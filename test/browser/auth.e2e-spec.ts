import type { Page } from 'playwright-core';
import { DEMO } from '../support/demo-accounts';
import { type BrowserApp, register, startBrowserApp } from '../support/browser-app';

jest.setTimeout(120_000);

describe('browser: register, switch language, sign out and in', () => {
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp();
    page = await app.browser.newPage({ viewport: { width: 360, height: 740 } });
  });
  afterAll(() => app?.stop());

  it('a learner registers with the demo invite code in Spanish, switches to English, signs out and signs in', async () => {
    // The strict CSP (no inline styles, fonts from this site) must not break any page on the way.
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(`${app.url}/register`);
    // The register page is a lazy chunk: wait for it rather than look the instant the URL loads.
    await page.getByRole('heading', { name: 'Crear su cuenta' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');

    await page.getByLabel('Código de invitación').fill('demo-2026');
    await page.getByLabel('Nombre con el que quiere que le llamen').fill('Valeria Ríos');
    await page.getByLabel('Correo electrónico').fill('valeria.rios@pnp.gob.pe');
    await page.getByLabel('Contraseña').fill('mi turno empieza a las seis');
    await page.getByLabel('Tipo de cargo').selectOption('police');
    await page.getByLabel('Departamento donde trabaja').selectOption('piura');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('heading', { name: 'Hola, Valeria Ríos' }).waitFor();
    expect(await page.getByText('Policía (PNP)').isVisible()).toBe(true);

    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Hello, Valeria Ríos' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // The choice persists across a reload (and the session is restored from the refresh cookie).
    await page.reload();
    await page.getByRole('heading', { name: 'Hello, Valeria Ríos' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Respeta' }).waitFor();

    await page.getByLabel('E-mail').fill('valeria.rios@pnp.gob.pe');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The e-mail or password is not correct.' }).waitFor();

    await page.getByLabel('Password').fill('mi turno empieza a las seis');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Valeria Ríos' }).waitFor();
    expect(violations).toEqual([]);
  });

  it('registering an e-mail that already has an account reveals nothing and kindly points to sign-in', async () => {
    const context = await app.browser.newContext();
    const fresh = await context.newPage();
    await register(fresh, app.url, { name: 'Otra persona', email: DEMO.police.email, password: 'una frase que no es la suya', positionType: 'police', region: 'lima' });
    await fresh.getByRole('alert').filter({ hasText: 'Si este correo ya tenía una cuenta, ingrese con la contraseña de esa cuenta' }).waitFor();
    expect(await fresh.getByText('Ya existe una cuenta').count()).toBe(0);
    await context.close();
  });

  it('keeps the session when two tabs restore it at the same moment', async () => {
    // Both tabs hold the same refresh cookie; a careless client would present it twice and the server would end the
    // session as if it had been stolen.
    const context = await app.browser.newContext();
    await context.request.post(`${app.url}/api/auth/login`, { data: DEMO.municipal });
    const [tabA, tabB] = [await context.newPage(), await context.newPage()];
    await Promise.all([tabA.goto(`${app.url}/`), tabB.goto(`${app.url}/`)]);
    for (const tab of [tabA, tabB]) await tab.getByRole('heading', { name: /Lucía Mamani/ }).waitFor();
    await Promise.all([tabA.reload(), tabB.reload()]);
    for (const tab of [tabA, tabB]) await tab.getByRole('heading', { name: /Lucía Mamani/ }).waitFor();
    await context.close();
  });

  it('shows a translated error for an unknown invite code', async () => {
    const context = await app.browser.newContext();
    const fresh = await context.newPage();
    await register(fresh, app.url, {
      inviteCode: 'NO-EXISTE', name: 'Prueba', email: 'prueba@muni.gob.pe', password: 'una frase bastante larga', positionType: 'municipal_official', region: 'junin',
    });
    await fresh.getByRole('alert').filter({ hasText: 'Ese código de invitación no existe' }).waitFor();
    await context.close();
  });
});

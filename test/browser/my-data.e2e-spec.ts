import { readFileSync } from 'node:fs';
import { seriousA11yViolations } from '../support/axe';
import { DEMO } from '../support/demo-accounts';
import { type BrowserApp, signIn, startBrowserApp } from '../support/browser-app';

jest.setTimeout(120_000);

describe('browser: Mis datos and the admin\'s privacy pages', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(() => app?.stop());

  it('a learner at 360 px corrects their legal name, downloads their data and asks for deletion (axe clean)', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, app.url, DEMO.police);
    await page.getByRole('link', { name: /Mis datos/ }).click();
    await page.getByRole('heading', { name: 'Mis datos', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Quién vio sus datos' }).waitFor();

    await page.getByLabel('Nombre completo para el certificado').fill('Rosa Elena Quispe Mamani');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('status').filter({ hasText: 'Cambios guardados' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar mis datos (JSON)' }).click()]);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.profile).toMatchObject({ email: 'policia@respeta.demo', legalName: 'Rosa Elena Quispe Mamani' });
    expect(data.profileChanges.map((c: { field: string }) => c.field)).toEqual(['legal_name']);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('profile,legalName,Rosa Elena Quispe Mamani');

    await page.getByLabel('Anularlos (la verificación dirá que fueron anulados)').check();
    await page.getByRole('button', { name: 'Pedir la eliminación' }).click();
    await page.getByRole('button', { name: 'Sí, pedir la eliminación' }).click();
    await page.getByRole('status').filter({ hasText: 'Falta la confirmación de la administración' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('an admin sees the request, and in the audit log who did what (axe clean)', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, app.url, DEMO.admin);
    await page.getByRole('link', { name: /administración/ }).click();
    await page.getByRole('link', { name: 'Datos personales' }).click();
    await page.getByRole('cell', { name: 'policia@respeta.demo' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Auditoría' }).click();
    await page.getByText('Registro íntegro').waitFor();
    await page.getByLabel('Sobre quién (correo o id)').fill('policia@respeta.demo');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByRole('cell', { name: 'pidió eliminar la cuenta' }).waitFor();
    expect(await page.getByRole('cell', { name: 'vio las solicitudes de eliminación pendientes' }).count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});

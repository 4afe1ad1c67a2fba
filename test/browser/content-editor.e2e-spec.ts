import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from '../support/axe';
import { course, likertAnswers, modulesInOrder } from '../support/course-player';
import { DEMO } from '../support/demo-accounts';
import { type BrowserApp, signIn, startBrowserApp } from '../support/browser-app';

jest.setTimeout(240_000);

const NEW_ES = 'Desde diciembre de 2025 la Ley 32535 cambió el nombre del enfoque de género; no cambió su deber de recibir toda denuncia.';
const NEW_EN = 'Since December 2025 Law 32535 renamed the gender approach; it did not change your duty to take every complaint.';
const SOURCE = 'Ley 32535, Ley de igualdad de oportunidades entre mujeres y hombres';
const SOURCE_URL = 'https://www.gob.pe/institucion/congreso/normas-legales/ley-32535';
const TRAINER = DEMO.trainer;
const MID_COURSE = DEMO.police;
const NOT_STARTED = DEMO.municipal;

/**
 * Issue 15, done-when: an editor (a trainer the admin made content editor) creates a draft, changes a lesson paragraph
 * in Spanish, sees the English flagged stale, fixes it, adds a source with a URL, sees the diff and publishes with a
 * note; the trainer moves the cohort; a learner who had not started reads the new paragraph, while a learner
 * mid-course on version 1 is unaffected. Every editor page is checked with axe.
 */
describe('browser: editing, reviewing and publishing course content', () => {
  let app: BrowserApp;
  const module = modulesInOrder()[0]!;
  const lesson = module.lessons[0]!;

  /** Consent and the pre-assessment through the API, so the first lesson is open. */
  const startCourse = async (who: { email: string; password: string }) => {
    const t = await app.token(who);
    const [enrolment] = await app.api('/api/enrolments/mine', { token: t });
    const post = (path: string, body: object = {}) => app.api(`/api/enrolments/${enrolment.id}${path}`, { method: 'POST', token: t, body: { idempotencyKey: randomUUID(), ...body } });
    await post('/consent', { evaluationUse: true });
    await post('/assessments/pre/knowledge', { answers: {} });
    await post('/assessments/pre/attitude', { answers: likertAnswers(3) });
    return { token: t, enrolmentId: enrolment.id as string };
  };
  const expectAxeClean = async (page: Page, where: string) => expect({ where, violations: await seriousA11yViolations(page) }).toEqual({ where, violations: [] });
  const lessonText = async (page: Page, enrolmentId: string) => {
    await page.goto(`${app.url}/learn/${enrolmentId}/modules/${module.key}/lessons/${lesson.key}`);
    await page.getByRole('heading', { level: 1, name: lesson.title.es }).waitFor();
    return page.locator('main .prose').first().innerText();
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    // The admin grants the demo trainer the content-editor permission.
    const admin = await app.token(DEMO.admin);
    const users = await app.api('/api/users', { token: admin });
    const trainer = users.find((u: { email: string }) => u.email === TRAINER.email);
    await app.api(`/api/users/${trainer.id}/permissions`, { method: 'PATCH', token: admin, body: { canEditContent: true } });
  });
  afterAll(() => app?.stop());

  it('an editor changes a lesson in both languages, adds a source, reviews the diff and publishes; the cohort moves', async () => {
    // A learner already mid-course on version 1 (consented, pre-assessment done, first lesson read).
    const midCourse = await startCourse(MID_COURSE);
    await app.api(`/api/enrolments/${midCourse.enrolmentId}/lessons/${lesson.key}/complete`, { method: 'POST', token: midCourse.token, body: { idempotencyKey: randomUUID() } });

    const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, app.url, TRAINER);
    await page.goto(`${app.url}/trainer`);
    await page.getByRole('link', { name: 'Editar los contenidos del curso' }).click();
    await page.getByRole('heading', { level: 1, name: 'Editor de contenidos' }).waitFor();
    await expectAxeClean(page, 'editor home');
    await page.getByRole('button', { name: 'Crear un borrador' }).click();
    await page.getByRole('heading', { level: 1, name: 'Borrador' }).waitFor();
    await expectAxeClean(page, 'draft overview');

    // The first lesson, from the outline.
    const outline = page.getByRole('navigation', { name: 'Elementos del borrador' });
    await outline.locator('summary', { hasText: module.title.es }).click();
    await outline.getByRole('link', { name: lesson.title.es }).click();
    await page.getByRole('heading', { level: 1, name: lesson.title.es }).waitFor();
    const body = page.getByRole('group', { name: 'Texto de la lección' });
    const spanish = body.getByRole('textbox', { name: 'Español' });
    const english = body.getByRole('textbox', { name: 'English' });
    const status = page.locator('.save-state__text');
    // After a change the item is first "unsaved" (for the autosave delay), then saved.
    const saved = async () => {
      await status.filter({ hasText: /sin guardar|Guardando/ }).waitFor();
      await status.filter({ hasText: /^Guardado$/ }).waitFor();
    };

    // A new paragraph in Spanish: saved by itself; the preview (the learner's renderer) shows it; English is stale.
    await spanish.fill(`${lesson.body.es}\n\n${NEW_ES}`);
    await saved();
    await page.getByText(NEW_ES, { exact: true }).waitFor();
    await body.getByText('Desactualizado: el texto en español cambió después.').waitFor();
    await expectAxeClean(page, 'lesson editor, English stale');
    await english.fill(`${lesson.body.en}\n\n${NEW_EN}`);
    await saved();
    await body.getByText(/Desactualizado/).waitFor({ state: 'detached' });

    // A source with an official URL: the locator rule is satisfied, nothing is listed against it.
    await page.getByRole('button', { name: 'Añadir una fuente' }).click();
    const source = page.getByRole('group', { name: /^Fuente \d+$/ }).last();
    await source.getByLabel('Cita').fill(SOURCE);
    await source.getByLabel('Tipo').selectOption('legal');
    await source.getByLabel('Dirección (URL)').fill(SOURCE_URL);
    await saved();
    expect(await source.getByRole('list', { name: 'Lo que le falta a esta fuente' }).count()).toBe(0);
    await expectAxeClean(page, 'lesson editor with a new source');

    // Review: no problems, the diff shows the new words, the change note is required, then publish.
    await outline.getByRole('link', { name: 'Revisar y publicar' }).click();
    await page.getByText('No hay problemas: el borrador se puede publicar.').waitFor();
    await page.locator('ins', { hasText: 'Ley 32535 cambió el nombre' }).first().waitFor();
    await page.locator('ins', { hasText: SOURCE_URL }).first().waitFor();
    await expectAxeClean(page, 'review');
    const publish = page.getByRole('button', { name: 'Publicar la versión nueva' });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByLabel('Nota de cambios (Español)').fill('Lección 1: qué cambió con la Ley 32535 y qué no.');
    await page.getByLabel('Nota de cambios (English)').fill('Lesson 1: what Law 32535 changed and what it did not.');
    await publish.click();
    await page.getByText('Versión 2 publicada.', { exact: false }).waitFor();

    // The trainer sees which version the cohort is on, what changed, and moves the cohort.
    await page.goto(`${app.url}/trainer`);
    await page.getByRole('link', { name: /Demostración — Ucayali/ }).first().click();
    await page.getByRole('link', { name: 'Versión del curso' }).click();
    await page.getByText('Lección 1: qué cambió con la Ley 32535 y qué no.').waitFor();
    await expectAxeClean(page, 'cohort course version');
    await page.getByRole('button', { name: 'Pasar la cohorte a la versión 2' }).click();
    await page.getByRole('button', { name: 'Sí, pasar' }).click();
    await page.getByText(/2 participantes pasaron; 1 siguen en su versión/).waitFor();
    await context.close();

    // A learner who had not started is now on version 2 and reads the new paragraph.
    const moved = await startCourse(NOT_STARTED);
    const learner = await app.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    const learnerPage = await learner.newPage();
    await signIn(learnerPage, app.url, NOT_STARTED);
    expect(await lessonText(learnerPage, moved.enrolmentId)).toContain(NEW_ES);
    await learner.close();

    // The learner mid-course stays on version 1: the old lesson, and the course goes on.
    const stayed = await app.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    const stayedPage = await stayed.newPage();
    await signIn(stayedPage, app.url, MID_COURSE);
    expect(await lessonText(stayedPage, midCourse.enrolmentId)).not.toContain(NEW_ES);
    const [mine] = await app.api('/api/enrolments/mine', { token: midCourse.token });
    expect(mine.version).toBe(1);
    await stayedPage.getByRole('button', { name: /Siguiente|Marcar como leída/ }).click();
    await stayedPage.getByRole('heading', { level: 1, name: module.lessons[1]!.title.es }).waitFor();
    await stayed.close();
  });

  it('checks questions, attitude items and scenarios as they are edited, and warns when two editors change one item', async () => {
    const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, app.url, TRAINER);
    await page.goto(`${app.url}/editor`);
    await page.getByRole('button', { name: 'Crear un borrador' }).click();
    await page.getByRole('heading', { level: 1, name: 'Borrador' }).waitFor();
    const draftUrl = page.url();
    const outline = page.getByRole('navigation', { name: 'Elementos del borrador' });
    const status = page.locator('.save-state__text');

    // A quiz question: the answer-cue lint shows course-wide shares as the author types.
    const question = module.quiz.questions[0]!;
    await outline.locator('summary', { hasText: module.title.es }).click();
    await outline.getByRole('link', { name: question.prompt.es.slice(0, 30) }).click();
    await page.getByRole('heading', { name: 'Pistas que delatan la respuesta' }).waitFor();
    await page.getByText(/La respuesta correcta es la más larga en el \d+ %/).first().waitFor();
    await expectAxeClean(page, 'question editor');

    // An attitude statement shows how it reads in the then-test.
    await outline.locator('summary', { hasText: 'Cuestionario de actitudes' }).click();
    await outline.getByRole('link', { name: course().attitudeInstrument.items[0]!.text.es.slice(0, 30) }).click();
    await page.getByRole('heading', { name: 'Cómo se lee en la mirada retrospectiva' }).waitFor();
    await expectAxeClean(page, 'attitude editor');

    // A scenario: a new decision nobody leads to is flagged at once, listed on the review page with a link back.
    await outline.locator('summary', { hasText: 'Escenarios' }).click();
    await outline.getByRole('link', { name: 'La denuncia de las 3 a. m.' }).click();
    await page.getByRole('heading', { name: 'Mapa de decisiones' }).waitFor();
    await page.getByRole('button', { name: 'Añadir una decisión' }).click();
    await page.getByText(/^No se puede llegar a: n\d+\.$/).waitFor();
    await status.filter({ hasText: /^Guardado$/ }).waitFor();
    const preview = page.getByRole('region', { name: 'Jugar este escenario' });
    for (let step = 0; step < 12 && (await preview.getByText(/^Puntaje: \d+ de \d+\./).count()) === 0; step++) {
      await preview.getByRole('listitem').getByRole('button').first().click();
    }
    await preview.getByText(/^Puntaje: \d+ de \d+\./).waitFor();
    await expectAxeClean(page, 'scenario editor with an unreachable node');
    await outline.getByRole('link', { name: 'Revisar y publicar' }).click();
    const problem = page.getByRole('alert').getByRole('link', { name: /Escenario sc\.denuncia-3am/ }).first();
    await problem.waitFor();
    await expectAxeClean(page, 'review with problems');
    await problem.click();
    await page.getByRole('button', { name: /^Quitar la decisión n\d+$/ }).last().click();
    await status.filter({ hasText: /^Guardado$/ }).waitFor();

    // Two editors on one lesson: the later save is refused and shows the other version; "keep mine" saves on top.
    const second = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const other = await second.newPage();
    await signIn(other, app.url, DEMO.admin);
    const lessonUrl = `${draftUrl}/lesson/${module.lessons[1]!.key}`;
    await page.goto(lessonUrl);
    await other.goto(lessonUrl);
    const title = (p: Page) => p.getByRole('group', { name: 'Título de la lección' }).getByRole('textbox', { name: 'Español' });
    await title(other).fill('Título cambiado por la administración');
    await other.locator('.save-state__text').filter({ hasText: /^Guardado$/ }).waitFor();
    await title(page).fill('Título cambiado por la formadora');
    await page.getByText('No se guardó: otra persona cambió este elemento.').waitFor();
    await page.locator('del', { hasText: 'administración' }).first().waitFor();
    await expectAxeClean(page, 'conflict');
    await page.getByRole('button', { name: 'Guardar mi versión encima' }).click();
    await status.filter({ hasText: /^Guardado$/ }).waitFor();
    await second.close();
    await context.close();
  });
});

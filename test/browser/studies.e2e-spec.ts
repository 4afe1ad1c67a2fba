import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from '../support/axe';
import { correctAnswers, course, likertAnswers, modulesInOrder, wrongAnswers } from '../support/course-player';
import { DEMO } from '../support/demo-accounts';
import { type BrowserApp, signIn, startBrowserApp } from '../support/browser-app';

jest.setTimeout(240_000);

const TRAINER = DEMO.trainer;
const PASSWORD = 'frase larga de prueba 2026';

/**
 * Issue 16, done-when: an evaluator (a trainer the admin granted the permission) creates a study in the browser and
 * reads its report with the chart (axe clean); a learner on the waitlist sees, in plain words, why they answer the
 * initial assessment twice, and the date they wait for on their home page.
 */
describe('browser: a waitlist study', () => {
  let app: BrowserApp;
  const cohorts: Record<string, { id: string; code: string }> = {};
  let studyId = '';
  let waitlistLearner = { email: '', enrolmentId: '', token: '' };

  /** A new learner in a cohort, consented, with a helper to post their steps. */
  async function learner(code: string, name: string) {
    const email = `${name.toLowerCase()}.${randomUUID().slice(0, 6)}@pnp.gob.pe`;
    await app.api('/api/auth/register', { method: 'POST', body: { inviteCode: code, email, displayName: name, password: PASSWORD, positionType: 'police', region: 'ucayali' } });
    const t = await app.token({ email, password: PASSWORD });
    const [enrolment] = await app.api('/api/enrolments/mine', { token: t });
    const post = (path: string, body: object = {}) => app.api(`/api/enrolments/${enrolment.id}${path}`, { method: 'POST', token: t, body: { idempotencyKey: randomUUID(), ...body } });
    await post('/consent', { evaluationUse: true });
    return { email, token: t, enrolmentId: enrolment.id as string, post };
  }
  const expectAxeClean = async (page: Page, where: string) => expect({ where, violations: await seriousA11yViolations(page) }).toEqual({ where, violations: [] });

  beforeAll(async () => {
    app = await startBrowserApp();
    const admin = await app.token(DEMO.admin);
    const users = await app.api('/api/users', { token: admin });
    const trainer = users.find((u: { email: string }) => u.email === TRAINER.email);
    await app.api(`/api/users/${trainer.id}/evaluator`, { method: 'PATCH', token: admin, body: { canEvaluate: true } });
    const trainerToken = await app.token(TRAINER);
    for (const name of ['Estudio Norte', 'Estudio Sur']) {
      const cohort = await app.api('/api/cohorts', { method: 'POST', token: trainerToken, body: { name, region: 'lima' } });
      const code = await app.api(`/api/cohorts/${cohort.id}/invite-codes`, { method: 'POST', token: trainerToken, body: {} });
      cohorts[name] = { id: cohort.id, code: code.code };
    }
  });
  afterAll(() => app?.stop());

  it('an evaluator creates a study with a random assignment and sees its seed and draws', async () => {
    const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, app.url, TRAINER);
    await page.goto(`${app.url}/trainer`);
    await page.getByRole('link', { name: 'Estudios (evaluación)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Estudios' }).waitFor();
    await expectAxeClean(page, 'study list');
    await page.getByRole('link', { name: 'Nuevo estudio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuevo estudio' }).waitFor();
    await page.getByLabel('Nombre del estudio').fill('Norte y Sur 2030');
    await page.getByRole('checkbox', { name: /Estudio Norte/ }).check();
    await page.getByRole('checkbox', { name: /Estudio Sur/ }).check();
    await page.getByLabel('Primera evaluación inicial (ambos grupos)').fill('2030-01-10');
    await page.getByLabel('Evaluación final del grupo del curso').fill('2030-02-10');
    await page.getByLabel('Segunda evaluación inicial de la lista de espera').fill('2030-02-10');
    await expectAxeClean(page, 'new study form');
    await page.getByRole('button', { name: 'Crear el estudio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Norte y Sur 2030' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Informe del estudio' }).waitFor();
    const seed = await page.locator('code.seed').innerText();
    expect(seed).toMatch(/^[0-9a-f]{32}$/);
    const [study] = await app.api('/api/studies', { token: await app.token(TRAINER) });
    expect(study.seed).toBe(seed);
    studyId = study.id;
    await expectAxeClean(page, 'study page');
    await context.close();
  });

  it('a waitlist learner is told plainly why they answer the initial assessment twice, and sees the date on home', async () => {
    const study = await app.api(`/api/studies/${studyId}`, { token: await app.token(TRAINER) });
    const name = (arm: string) => study.arms.find((a: { arm: string }) => a.arm === arm).cohortName as string;
    const waiting = await learner(cohorts[name('waitlist')]!.code, 'Espera');
    waitlistLearner = { email: waiting.email, enrolmentId: waiting.enrolmentId, token: waiting.token };
    const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, app.url, { email: waiting.email, password: PASSWORD });
    await page.goto(`${app.url}/learn/${waiting.enrolmentId}/assessment/pre/knowledge`);
    await page.getByRole('heading', { name: '¿Por qué responde esta evaluación dos veces?' }).waitFor();
    await page.getByText(/Su grupo participa en un estudio que compara grupos.*le pediremos responder de nuevo las mismas preguntas/).waitFor();
    await expectAxeClean(page, 'first baseline');
    // The baseline answered (through the API): home shows the date the course opens.
    await waiting.post('/assessments/pre/knowledge', { answers: wrongAnswers(course().knowledgeTest.items) });
    await waiting.post('/assessments/pre/attitude', { answers: likertAnswers(2) });
    await page.goto(`${app.url}/`);
    await page.getByText(/Su grupo está en lista de espera: el curso se abre el .*2030/).waitFor();
    await expectAxeClean(page, 'home while waiting');
    // The evaluator opens the second baseline: the learner is asked again, and told why.
    await app.api(`/api/studies/${studyId}/second-baseline/open`, { method: 'POST', token: await app.token(TRAINER) });
    await page.goto(`${app.url}/learn/${waiting.enrolmentId}/assessment/pre/knowledge`);
    await page.getByText(/Es la segunda vez que responde estas preguntas/).waitFor();
    await expectAxeClean(page, 'second baseline');
    await context.close();
  });

  it('the evaluator reads the report with the four-means chart and the export button (axe clean)', async () => {
    const study = await app.api(`/api/studies/${studyId}`, { token: await app.token(TRAINER) });
    const name = (arm: string) => study.arms.find((a: { arm: string }) => a.arm === arm).cohortName as string;
    // One learner through the course in the treated arm, and the waitlist learner's second baseline.
    const treated = await learner(cohorts[name('treated')]!.code, 'Curso');
    await treated.post('/assessments/pre/knowledge', { answers: wrongAnswers(course().knowledgeTest.items) });
    await treated.post('/assessments/pre/attitude', { answers: likertAnswers(2) });
    for (const m of modulesInOrder()) {
      for (const lesson of m.lessons) await treated.post(`/lessons/${lesson.key}/complete`);
      await treated.post(`/modules/${m.key}/quiz-attempts`, { answers: correctAnswers(m.quiz.questions) });
      if (m.scenario) {
        let run = await app.api(`/api/enrolments/${treated.enrolmentId}/scenarios/${m.scenario}/run`, { token: treated.token });
        while (!run.finished) run = await treated.post(`/scenarios/${m.scenario}/choices`, { nodeKey: run.current.key, choiceKey: run.current.choices[0].key });
      }
    }
    await treated.post('/assessments/post/knowledge', { answers: correctAnswers(course().knowledgeTest.items) });
    await treated.post('/assessments/post/attitude', { answers: likertAnswers(4) });
    await treated.post('/assessments/post/then', { answers: likertAnswers(2) });
    const post = (path: string, body: object) => app.api(`/api/enrolments/${waitlistLearner.enrolmentId}${path}`, { method: 'POST', token: waitlistLearner.token, body: { idempotencyKey: randomUUID(), ...body } });
    await post('/assessments/pre/knowledge', { answers: wrongAnswers(course().knowledgeTest.items) });
    await post('/assessments/pre/attitude', { answers: likertAnswers(2) });

    const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, app.url, TRAINER);
    await page.goto(`${app.url}/trainer/studies/${studyId}`);
    await page.getByRole('heading', { level: 3, name: 'Conocimientos' }).waitFor();
    await page.locator('figure.chart figcaption', { hasText: /Conocimientos: promedio del grupo del curso de/ }).waitFor();
    await page.getByText('Pares completos: curso 1, espera 1').first().waitFor();
    // Opinions rest on one learner per arm: withheld.
    expect(await page.locator('.withheld').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Descargar los datos del estudio (ZIP)' }).waitFor();
    await expectAxeClean(page, 'study report');
    // The waitlist cohort's follow-up tab: the second-baseline date and who answered it.
    await page.goto(`${app.url}/trainer/cohorts/${cohorts[name('waitlist')]!.id}/follow-ups`);
    await page.getByRole('heading', { level: 3, name: 'Lista de espera del estudio: segunda evaluación inicial' }).waitFor();
    const row = page.getByRole('row', { name: /Espera/ });
    await row.getByRole('cell', { name: 'Respondió las dos' }).waitFor();
    await expectAxeClean(page, 'waitlist follow-up tab');
    await context.close();
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from '../support/axe';
import { course, modulesInOrder } from '../support/course-player';
import { DEMO } from '../support/demo-accounts';
import { type ApiClient, type BrowserApp, register, startBrowserApp } from '../support/browser-app';

jest.setTimeout(240_000);

type Question = ReturnType<typeof course>['knowledgeTest']['items'][number];
const es = (text: { es: string }) => text.es;
const correctKeys = (q: Question) => q.options.filter((o) => o.correct).map((o) => o.key);
const exact = (name: string) => ({ name, exact: true });
const wrongKey = (q: Question) => q.options.find((o) => !o.correct)!.key;
const ACTION_PLAN = [
  'En mi próximo turno usaré el nombre social de cada mujer trans al hablarle y en el parte.',
  'Antes de fin de mes compartiré la ruta de derivación local con todo mi equipo.',
  'No decomisaré condones y se lo diré a mi supervisora si alguien lo hace.',
];

/** The demo cohort's follow-up normally opens 90 days after completion; the admin sets 0 so the test can reach it. */
async function openFollowUpAtOnce({ api, token }: ApiClient) {
  const admin = await token(DEMO.admin);
  for (const cohort of (await api('/api/cohorts', { token: admin })) as { id: string }[]) {
    await api(`/api/cohorts/${cohort.id}`, { method: 'PATCH', token: admin, body: { followUpDays: 0 } });
  }
}

/** A phone-sized learner, in Spanish, completing the whole course in the browser. */
describe('browser: the learner path from invitation to certificate', () => {
  let app: BrowserApp;
  let context: BrowserContext;
  let page: Page;
  const checked: string[] = [];

  /** axe-core on the current page: no serious or critical violations. */
  async function a11y(pageType: string, on: Page = page) {
    const problems = await seriousA11yViolations(on);
    expect({ pageType, problems }).toEqual({ pageType, problems: [] });
    checked.push(pageType);
  }

  const input = (name: string, value: string | number) => page.locator(`input[name="${name}"][value="${value}"]`);
  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  /** The option keys of one question in the order shown. */
  const optionOrder = (name: string) => page.locator(`input[name="${name}"]`).evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));

  /** A paged questionnaire: five items a screen, "Siguiente" between screens, submit on the last (from item `from`'s screen). */
  async function answerPaged(entries: [string, (string | number)[]][], submit: string, onFirstScreen?: () => Promise<void>, from = 0) {
    for (let i = from; i < entries.length; i++) {
      if (i > from && i % 5 === 0) {
        if (i === 5 && onFirstScreen) await onFirstScreen();
        await page.getByRole('button', exact('Siguiente')).click();
      }
      const [name, values] = entries[i]!;
      for (const value of values) await input(name, value).check();
    }
    await page.getByRole('button', exact(submit)).click();
  }

  beforeAll(async () => {
    app = await startBrowserApp();
    await openFollowUpAtOnce(app);
    // bypassCSP: the app forbids inline scripts, and axe-core is injected as one.
    context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true, acceptDownloads: true, locale: 'es-PE' });
    page = await context.newPage();
  });
  afterAll(() => app?.stop());

  it('registers, consents, takes the pre-test, every module, the post-test, and gets a verifiable certificate', async () => {
    const c = course();
    const modules = modulesInOrder();

    // ── Registration with the demo invite code, in Spanish ──────────────────────────────────────────────────
    await register(page, app.url, { name: 'Lucía Quispe', email: 'lucia.quispe@munilima.gob.pe', password: 'serenazgo de la noche 2026', positionType: 'municipal_official', region: 'lima' });

    // ── Home: my courses with a progress bar ──────────────────────────────────────────────────────────────────
    await page.getByRole('heading', { name: 'Hola, Lucía Quispe' }).waitFor();
    await page.getByRole('heading', { name: 'Mis cursos' }).waitFor();
    const start = page.getByRole('link', { name: /^Empezar: Respeta/ });
    await start.waitFor();
    expect(await page.getByRole('progressbar', { name: 'Avance del curso' }).getAttribute('value')).toBe('0');
    await a11y('home / my courses');
    await start.click();

    // ── Course page: modules locked / available, continue button ─────────────────────────────────────────────
    await h1(es(c.title)).waitFor();
    await expect(page.getByText('Bloqueado').count()).resolves.toBeGreaterThan(0);
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { tagName: string } } }).document.activeElement.tagName)).resolves.toBe('H1');
    await a11y('course page');
    // Content follows the interface language (re-fetched with ?lang=), and back.
    await page.getByLabel('Idioma').selectOption('en');
    await h1(c.title.en).waitFor();
    await page.getByText('Module 1:').waitFor();
    await page.getByLabel('Language').selectOption('es');
    await h1(es(c.title)).waitFor();
    await page.getByRole('link', exact('Empezar')).click();

    // ── Consent ──────────────────────────────────────────────────────────────────────────────────────────────
    await h1(es(c.consent.title)).waitFor();
    await a11y('consent');
    await page.getByLabel(es(c.consent.choices.evaluation)).check();
    await page.getByRole('button', exact('Continuar')).click();

    // ── Pre-assessment: knowledge (first option of each item), then opinions (3 on every statement) ───────────
    await h1('Evaluación inicial: ' + es(c.knowledgeTest.title)).waitFor();
    const itemCount = c.knowledgeTest.items.length;
    await page.getByText(`Pregunta 3 de ${itemCount}`).waitFor();
    await answerPaged(
      c.knowledgeTest.items.map((q) => [q.key, [q.options[0]!.key]]),
      'Enviar respuestas',
      async () => {
        await page.getByText(`5 de ${itemCount}`, { exact: true }).waitFor();
        await a11y('assessment (knowledge)');
      },
    );
    await h1('Evaluación inicial: ' + es(c.attitudeInstrument.title)).waitFor();
    await page.locator('fieldset.likert').first().waitFor();
    expect(await page.locator('fieldset.likert').first().getByRole('radio').count()).toBe(5);
    await answerPaged(
      c.attitudeInstrument.items.map((i) => [i.key, [3]]),
      'Enviar respuestas',
      () => a11y('assessment (opinions, Likert)'),
    );

    // ── Every module: lessons, quiz, scenario ─────────────────────────────────────────────────────────────────
    const uncertainLesson = modules.flatMap((m) => m.lessons).find((l) => l.sources.some((s) => s.certainty === 'uncertain'));
    for (const [index, module] of modules.entries()) {
      for (const lesson of module.lessons) {
        await h1(es(lesson.title)).waitFor();
        if (index === 0 && lesson === module.lessons[0]) {
          await page.getByText(/^Revisada el \d+ de \w+ de \d{4}$/).first().waitFor();
          await a11y('lesson');
        }
        if (lesson === uncertainLesson) await page.getByText('Dato incierto', { exact: true }).first().waitFor();
        if (lesson.actionPlan) {
          // The closing lesson's private action plan: three fields, saved, announced.
          await page.getByRole('heading', { level: 2, name: 'Mi plan de acción' }).waitFor();
          for (const [i, text] of ACTION_PLAN.entries()) await page.getByLabel(`Compromiso ${i + 1}`, { exact: true }).fill(text);
          await page.getByRole('button', exact('Guardar mi plan')).click();
          await page.getByRole('status').filter({ hasText: 'Su plan de acción está guardado.' }).waitFor();
          await a11y('lesson with the action plan');
        }
        await page.getByRole('button', exact('Marcar como leída y seguir')).click();
      }

      await h1(`Evaluación del módulo ${index + 1}: ${es(module.title)}`).waitFor();
      const questions = module.quiz.questions;
      if (index === 0) {
        // A failed attempt first: feedback on each chosen option, no right answers yet.
        for (const q of questions) await input(q.key, wrongKey(q)).check();
        await page.getByRole('button', exact('Enviar evaluación')).click();
        await page.getByRole('status').filter({ hasText: 'No llegó al 80 %' }).waitFor();
        await expect(page.getByText('No es así:').count()).resolves.toBeGreaterThan(0);
        expect(await page.getByText('Esta es la respuesta correcta:').count()).toBe(0);
        await a11y('quiz failed with feedback');
        // Retry: answers cleared, the options in this attempt's own order, the last attempt's feedback still there.
        await page.getByRole('button', exact('Intentar de nuevo')).click();
        await page.getByText(/^Nuevo intento: sus respuestas anteriores se borraron/).waitFor();
        expect(await page.locator('form.quiz-form input:checked').count()).toBe(0);
        expect(await page.getByText('El intento anterior:').count()).toBe(questions.length);
        expect(await page.locator('.previous-attempt').getByText('Su respuesta:').count()).toBe(questions.length);
        await a11y('quiz retry with the last feedback');
        // Answer half, let the autosave land, reload: the answers and the option order are still there.
        const half = questions.slice(0, 3);
        for (const q of half) for (const key of correctKeys(q)) await input(q.key, key).check();
        await page.getByText('Respuestas guardadas').waitFor();
        const retryOrder = await optionOrder(questions[0]!.key);
        await page.reload();
        await h1(`Evaluación del módulo 1: ${es(module.title)}`).waitFor();
        await input(half[0]!.key, correctKeys(half[0]!)[0]!).waitFor();
        expect(await optionOrder(questions[0]!.key)).toEqual(retryOrder);
        for (const q of half) for (const key of correctKeys(q)) expect(await input(q.key, key).isChecked()).toBe(true);
        for (const q of questions.slice(3)) for (const key of correctKeys(q)) await input(q.key, key).check();
      } else {
        for (const q of questions) for (const key of correctKeys(q)) await input(q.key, key).check();
      }
      await page.getByRole('button', exact('Enviar evaluación')).click();
      await page.getByRole('status').filter({ hasText: '¡Aprobó!' }).waitFor();
      if (index === 0) {
        await expect(page.getByText('Bien:').count()).resolves.toBeGreaterThan(0);
        await a11y('quiz with feedback');
      }
      await page.getByRole('link', exact('Continuar')).click();

      if (module.scenario) {
        const scenario = c.scenarios.find((s) => s.key === module.scenario)!;
        await h1(es(scenario.title)).waitFor();
        // The introduction is Markdown: bold text, never raw asterisks.
        await page.locator('.scenario-intro strong').first().waitFor();
        expect(await page.locator('.scenario-intro').textContent()).not.toContain('**');
        await page.getByRole('button', exact('Empezar el caso')).click();
        const ending = page.getByRole('heading', exact('Final del caso'));
        const confirm = page.getByRole('button', exact('Confirmar mi decisión'));
        for (let step = 0; ; step++) {
          await ending.or(confirm).waitFor();
          if (await ending.isVisible()) break;
          await page.locator('input[name="choice"]').first().check();
          await confirm.click();
          await page.getByRole('heading', exact('Lo que pasó')).waitFor();
          if (checked.indexOf('scenario') === -1) await a11y('scenario');
          await page.getByRole('button', exact('Continuar')).click();
          expect(step).toBeLessThan(20);
        }
        await page.getByText(/Sumó \d+ de \d+ puntos\./).waitFor();
        await page.getByRole('link', exact('Continuar')).click();
      }
    }

    // ── Post-assessment: knowledge (all right, explained), opinions, then-test with its own instructions ─────
    await h1('Evaluación final: ' + es(c.knowledgeTest.title)).waitFor();
    await answerPaged(c.knowledgeTest.items.map((q) => [q.key, correctKeys(q)]), 'Enviar respuestas');
    await page.getByRole('status').filter({ hasText: 'Obtuvo 100 %' }).waitFor();
    await page.getByRole('link', exact('Continuar')).click();
    await h1('Evaluación final: ' + es(c.attitudeInstrument.title)).waitFor();
    await page.getByText('Sección 2 de 3', { exact: true }).waitFor();
    // Stop after the first screen and come back later: the answers and the place are kept.
    const attitude = c.attitudeInstrument.items.map((i): [string, number[]] => [i.key, [4]]);
    for (const [name, values] of attitude.slice(0, 5)) await input(name, values[0]!).check();
    await page.getByRole('button', exact('Continuar más tarde')).click();
    await h1(es(c.title)).waitFor();
    await page.getByRole('link', exact('Continuar')).click();
    await h1('Evaluación final: ' + es(c.attitudeInstrument.title)).waitFor();
    // Back on the second screen (the first unanswered), with the five answers counted.
    await page.getByText(`5 de ${attitude.length}`, { exact: true }).waitFor();
    await input(attitude[5]![0], 4).waitFor();
    await answerPaged(attitude, 'Enviar respuestas', undefined, 5);
    // A break between the parts: what is left, go on now or later.
    await page.getByRole('heading', { name: 'Terminó la sección 2 de 3.' }).waitFor();
    await page.getByText('Le falta: Evaluación final: mirando atrás.').waitFor();
    await a11y('end of course: break between parts');
    await page.getByRole('link', exact('Seguir ahora')).click();
    await h1('Evaluación final: Mirando atrás').waitFor();
    await page.getByText('Sección 3 de 3', { exact: true }).waitFor();
    // Its own instructions (the first words: the wording is content and may be edited), and a reminder on every screen.
    await page.locator('.instructions').filter({ hasText: es(c.attitudeInstrument.thenTestInstructions!).slice(0, 24) }).waitFor();
    await page.getByText('Recuerde: marque lo que habría respondido antes del curso').waitFor();
    await answerPaged(c.attitudeInstrument.items.map((i) => [i.key, [2]]), 'Enviar respuestas');

    // ── Completion: certificate, PDF download, verification code ─────────────────────────────────────────────
    await h1('¡Completó el curso!').waitFor();
    const code = (await page.locator('.certificate__code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await page.getByRole('link', { name: new RegExp(`/verify/${code}$`) }).waitFor();
    // The learner's own plan, shown back.
    await page.getByRole('heading', { level: 2, name: 'Su plan de acción' }).waitFor();
    for (const text of ACTION_PLAN) await page.locator('.action-plan-list li').filter({ hasText: text }).waitFor();
    await a11y('completion');
    const [pdf, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/certificate.pdf')),
      page.waitForEvent('download'),
      page.getByRole('button', exact('Descargar el certificado (PDF)')).click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(download.suggestedFilename()).toBe(`respeta-certificado-${code}.pdf`);

    // Back home: 100 %, and (delay 0 in this cohort) the follow-up questionnaire is open.
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: /^Ver curso: Respeta/ }).click();
    await h1(es(c.title)).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Avance del curso' }).getAttribute('value')).toBe('100');
    await page.getByRole('link', exact('Continuar')).click();
    // The practice questions come first (before the tests could remind anyone of the "right" practice).
    await h1('Cuestionario de seguimiento: ' + es(c.practiceQuestionnaire!.title)).waitFor();
    // "¿Cumplió lo que se propuso?" for each commitment, saved on its own.
    await page.getByRole('heading', { level: 2, name: '¿Cumplió lo que se propuso?' }).waitFor();
    for (const text of ACTION_PLAN) await page.getByText(text, { exact: true }).waitFor();
    for (const [i, status] of ['done', 'partly', 'not_yet'].entries()) await input(`action-plan-${i}`, status).check();
    await page.getByRole('button', exact('Guardar mis respuestas')).click();
    await page.getByRole('status').filter({ hasText: 'Sus respuestas sobre el plan de acción están guardadas.' }).waitFor();
    await a11y('follow-up with the action plan');
    await answerPaged(c.practiceQuestionnaire!.items.map((q) => [q.key, [q.options.at(-1)!.key]]), 'Seguir con la prueba de conocimientos');
    await h1('Cuestionario de seguimiento: ' + es(c.knowledgeTest.title)).waitFor();
    await answerPaged(c.knowledgeTest.items.map((q) => [q.key, correctKeys(q)]), 'Seguir con el cuestionario de opiniones');
    await h1('Cuestionario de seguimiento: ' + es(c.attitudeInstrument.title)).waitFor();
    await answerPaged(c.attitudeInstrument.items.map((i) => [i.key, [5]]), 'Enviar respuestas');
    await page.getByRole('status').filter({ hasText: 'Gracias por responder el cuestionario de seguimiento.' }).waitFor();

    // ── Public verification, without signing in ─────────────────────────────────────────────────────────────
    const stranger = await app.browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const verify = await stranger.newPage();
    await verify.goto(`${app.url}/verify/${code}`);
    await verify.getByRole('status').filter({ hasText: 'Certificado válido' }).waitFor();
    await verify.getByText('Lucía Quispe').waitFor();
    await verify.getByText(es(c.title)).waitFor();
    expect(await verify.getByText('lucia.quispe@munilima.gob.pe').count()).toBe(0);
    await a11y('verify', verify);
    await verify.goto(`${app.url}/verify/AAAA-BBBB-CCCC`);
    await verify.getByRole('status').filter({ hasText: 'no corresponde a ningún certificado' }).waitFor();
    await stranger.close();

    expect(checked).toEqual(expect.arrayContaining([
      'home / my courses', 'course page', 'consent', 'assessment (knowledge)', 'lesson', 'quiz failed with feedback', 'quiz retry with the last feedback',
      'quiz with feedback', 'scenario', 'end of course: break between parts', 'lesson with the action plan', 'completion', 'follow-up with the action plan', 'verify',
    ]));
  });

  it('after three failed quiz attempts asks to review the lessons, gives new attempts, and lets the learner withdraw', async () => {
    const c = course();
    const [m1] = modulesInOrder();
    const learner = await app.browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    page = await learner.newPage();
    await register(page, app.url, { name: 'Julio Mamani', email: 'julio.mamani@pnp.gob.pe', password: 'guardia de la comisaria 2026', positionType: 'police', region: 'puno' });
    await page.getByRole('link', { name: /^Empezar: Respeta/ }).click();
    await page.getByRole('link', exact('Empezar')).click();
    await page.getByLabel(es(c.consent.choices.courseOnly)).check();
    await page.getByRole('button', exact('Continuar')).click();

    // Unanswered items are allowed (the learner is told how many are left); one answer each is enough here.
    // Five items per screen, as answerPaged assumes.
    const pagesOf = (items: readonly unknown[]) => Math.ceil(items.length / 5);
    for (const [title, first, pages] of [[c.knowledgeTest.title, `input[name="${c.knowledgeTest.items[0]!.key}"]`, pagesOf(c.knowledgeTest.items)], [c.attitudeInstrument.title, `input[name="${c.attitudeInstrument.items[0]!.key}"]`, pagesOf(c.attitudeInstrument.items)]] as const) {
      await h1('Evaluación inicial: ' + es(title)).waitFor();
      await page.locator(first).first().check();
      for (let i = 1; i < pages; i++) await page.getByRole('button', exact('Siguiente')).click();
      await page.getByText(/^Quedan \d+ sin responder/).waitFor();
      await page.getByRole('button', exact('Enviar respuestas')).click();
    }
    for (const lesson of m1!.lessons) {
      await h1(es(lesson.title)).waitFor();
      await page.getByRole('button', exact('Marcar como leída y seguir')).click();
    }

    const wrong = (q: Question) => q.options.find((o) => !o.correct)!.key;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await h1(/^Evaluación del módulo 1/).waitFor();
      for (const q of m1!.quiz.questions) await input(q.key, wrong(q)).check();
      await page.getByRole('button', exact('Enviar evaluación')).click();
      await page.getByRole('status').filter({ hasText: 'No llegó al 80 %' }).waitFor();
      await expect(page.getByText('No es así:').count()).resolves.toBeGreaterThan(0);
      if (attempt < 3) {
        expect(await page.getByText('Esta es la respuesta correcta:').count()).toBe(0);
        await page.getByRole('button', exact('Intentar de nuevo')).click();
        await page.getByText('El intento anterior:').first().waitFor();
      }
    }
    // The round's last attempt used: now the right answers, with why they are right.
    await expect(page.getByText('Esta es la respuesta correcta:').count()).resolves.toBeGreaterThan(0);
    // Review state: links to re-read every lesson of the module.
    for (const lesson of m1!.lessons) await page.getByRole('link', exact(es(lesson.title))).waitFor();
    await a11y('quiz review state');
    await page.getByRole('link', exact('Empezar el repaso')).click();
    for (const lesson of m1!.lessons) {
      await h1(es(lesson.title)).waitFor();
      await page.getByRole('button', exact('Marcar como repasada y seguir')).click();
    }
    await page.getByText('Le quedan 3 intentos de 3.', { exact: false }).waitFor();

    // Withdrawing consent: a discreet link on the course page, a confirmation, then a closed course.
    await page.getByRole('link', exact('Volver al curso')).click();
    await page.getByRole('link', exact('Retirar mi consentimiento')).click();
    await h1('Retirar mi consentimiento').waitFor();
    await a11y('withdraw confirmation');
    await page.getByRole('button', exact('Sí, retirar mi consentimiento')).click();
    await page.getByRole('status').filter({ hasText: 'Retiró su consentimiento el' }).waitFor();
    expect(await page.getByRole('link', exact('Continuar')).count()).toBe(0);
    await learner.close();
  });
});

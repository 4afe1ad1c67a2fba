import { FILL_ANSWER_VECTORS_SQL, FILL_CHOICE_VECTORS_SQL } from '../support/answer-vectors-sql';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from '../support/axe';
import { type BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { course } from '../support/course-player';
import { DEMO } from '../support/demo-accounts';
import { spawnApp } from '../support/spawn-app';

jest.setTimeout(180_000);

// TV1 (R's sleep data) as knowledge scores, so the page must show R's t.test: t(9) = 4.06, p = 0.003, d_z = 1.28.
const PRE = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0].map((x) => 50 + x);
const POST = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4].map((x) => 50 + x);
const POSITIONS = ['police', 'police', 'police', 'police', 'police', 'police', 'municipal_official', 'municipal_official', 'municipal_official', 'health_staff'];
const DEMO_COHORT = 'Demostración — Ucayali 2026';

/** Ten learners with known pre/post answers in the demo cohort, written straight into the tables the report reads. */
async function seedDemoCohort(url: string): Promise<string[]> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows: [cohort] } = await db.query(`SELECT id FROM cohorts WHERE name = $1`, [DEMO_COHORT]);
    const { rows: [version] } = await db.query(`SELECT id FROM course_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1`);
    const items = course().attitudeInstrument.items;
    const emails: string[] = [];
    for (let i = 0; i < PRE.length; i++) {
      const email = `aprendiz${i}@ucayali.test.pe`;
      emails.push(email);
      const { rows: [user] } = await db.query(
        `INSERT INTO users (email, display_name, password_hash, role, position_type, region) VALUES ($1, $2, 'x', 'learner', $3, 'ucayali') RETURNING id`,
        [email, `Aprendiz Ucayali ${i}`, POSITIONS[i]],
      );
      const { rows: [enrolment] } = await db.query(
        `INSERT INTO enrolments (cohort_id, user_id, course_version_id, stage, evaluation_use, consent_version) VALUES ($1, $2, $3, 'completed', true, '2') RETURNING id`,
        [cohort.id, user.id, version.id],
      );
      for (const [wave, score, likert] of [['pre', PRE[i], 2], ['post', POST[i], 4]] as const) {
        const { rows: [kt] } = await db.query(
          `INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key, score) VALUES ($1, $2, 'knowledge', $3, 'kt', $4) RETURNING id`,
          [enrolment.id, version.id, wave, score],
        );
        // Item answers as the API stores them (option lists; a test with no answer is missing): the score above is the
        // one graded at submission; the answers give the item analysis something to read (item 1 learnt, others mixed).
        const answers = course().knowledgeTest.items.map((item, j) => {
          const correct = j === 0 ? wave === 'post' : (i + j) % 3 !== 0;
          return { item_key: item.key, value: [item.options.find((o) => o.correct === correct)!.key], correct };
        });
        await db.query(
          `INSERT INTO responses (attempt_id, item_key, value, correct) SELECT $1, r.item_key, r.value, r.correct FROM jsonb_to_recordset($2::jsonb) AS r(item_key text, value jsonb, correct boolean)`,
          [kt.id, JSON.stringify(answers)],
        );
        const { rows: [attempt] } = await db.query(
          `INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, target_key) VALUES ($1, $2, 'attitude', $3, 'att') RETURNING id`,
          [enrolment.id, version.id, wave],
        );
        for (const [j, item] of items.entries()) {
          const raw = item.reverse ? 6 - likert : likert;
          const value = j % 6 === 0 ? Math.min(5, Math.max(1, raw + (i % 2))) : raw;
          await db.query(`INSERT INTO responses (attempt_id, item_key, value) VALUES ($1, $2, $3)`, [attempt.id, item.key, JSON.stringify(value)]);
        }
      }
    }
    // Bulk-inserted answers get the answer vectors the API writes at submission.
    await db.query(FILL_ANSWER_VECTORS_SQL);
    await db.query(FILL_CHOICE_VECTORS_SQL);
    // The report labels seeded demonstration data as such.
    await db.query(`UPDATE cohorts SET is_demo = true WHERE id = $1`, [cohort.id]);
    return emails;
  } finally {
    await db.end();
  }
}

/** axe's landmark-unique (impact moderate, so not in seriousA11yViolations): every region must have its own name. */
async function landmarkProblems(page: Page): Promise<string[]> {
  await seriousA11yViolations(page); // injects axe when missing
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { nodes: { target: string[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique'] }, resultTypes: ['violations'] });
    return results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
  });
}

describe('browser: the trainer reads the report, downloads an export; learners are kept out', () => {
  let app: BrowserApp;
  let learnerEmails: string[];
  const dataDir = mkdtempSync(join(tmpdir(), 'respeta-browser-trainer-'));

  beforeAll(async () => {
    app = await startBrowserApp({
      env: { DATA_DIR: dataDir },
      // First start: migrations, course import and demo seed. Then the known answers go in while the server is stopped
      // (the embedded test database takes one connection at a time), and the server starts again on the same data.
      prepare: async (db, env) => {
        const first = await spawnApp(env);
        await first.stop();
        learnerEmails = await seedDemoCohort(db.url);
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the demo trainer reads the report summary, opens its folded details (statistics, chart, groups, items) at 360 px with axe clean, prints, switches language and downloads the export ZIP', async () => {
    // bypassCSP: the app forbids inline scripts, and axe-core is injected as one.
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, app.url, DEMO.trainer);
    await page.getByRole('heading', { name: 'Hola, Rosa Formadora' }).waitFor();

    await page.getByRole('link', { name: 'Ir al área de formación (cohortes e informes)' }).click();
    await page.getByRole('heading', { name: 'Mis cohortes' }).waitFor();
    await page.getByRole('link', { name: DEMO_COHORT }).click();
    await page.getByRole('heading', { name: DEMO_COHORT, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Informe' }).click();

    // The one-minute summary: demo badge, participation in plural-aware counts, one line per measure with the reading.
    const summary = page.getByRole('region', { name: 'Resumen' });
    await summary.getByText('Datos de demostración').waitFor();
    const counts = await summary.getByRole('list', { name: 'Participación' }).getByRole('listitem').allTextContents();
    expect(counts).toEqual(expect.arrayContaining(['10 en las estadísticas', '10 completaron el curso', '0 eligieron solo el curso']));
    const knowledgeLine = summary.getByRole('listitem').filter({ has: page.getByText('Conocimientos', { exact: true }) });
    await expect(knowledgeLine.locator('.headline__figure').textContent()).resolves.toBe('Conocimientos +1.58 pp IC 95 % [0.70, 2.46] (10 pares)');
    await expect(knowledgeLine.locator('.reading').textContent()).resolves.toMatch(
      /^En Conocimientos, el puntaje promedio mejoró 1\.6 puntos porcentuales, un cambio grande \(d_z = 1\.28\).*p = 0\.003/,
    );
    expect(await summary.getByText(/no calculable/).count()).toBe(0);

    // Folded near the top: the privacy rules (the consent's Markdown, sanitised) and the glossary.
    await summary.getByText('Cómo leer este informe y quién ve qué').click();
    await summary.locator('.privacy-rules strong').filter({ hasText: 'nunca se muestran con su nombre, a nadie' }).waitFor();
    await summary.getByRole('term').filter({ hasText: 'Mirando atrás (then-test)' }).waitFor();

    // Details are folded: the knowledge figures open on request (keyboard: Enter on the summary).
    const knowledge = page.locator('article.measure-card').filter({ has: page.getByRole('heading', { name: 'Conocimientos' }) });
    expect(await knowledge.isVisible()).toBe(false);
    await page.locator('summary').filter({ hasText: 'Conocimientos: todas las cifras' }).focus();
    await page.keyboard.press('Enter');
    await knowledge.getByText('t(9) = 4.06, p = 0.003').waitFor();
    expect(await knowledge.getByText('V = 45, p = 0.009').count()).toBe(1);
    expect(await knowledge.getByText('IC 95 % [0.70, 2.46]').count()).toBe(1);
    expect(await knowledge.getByText('Solo antes', { exact: true }).count()).toBe(1);
    // The slope chart is drawn (an svg inside the chart container) and has a text alternative.
    await knowledge.locator('.chart svg').first().waitFor();
    await expect(knowledge.locator('.chart figcaption').first().textContent()).resolves.toContain('10 pares completos');
    // Attitude measures have no slope chart (never per learner) and say once that there is no then-test yet.
    const attitude = page.locator('details.measure-fold').nth(1);
    await attitude.locator(':scope > summary').click();
    await attitude.getByText(/^Histograma del cambio/).waitFor();
    expect(await attitude.getByText(/^Gráfico de pendientes/).count()).toBe(0);
    await attitude.getByText('Todavía no hay respuestas de «mirando atrás».').waitFor();

    // Small groups are suppressed (municipal 3, health 1): no numbers, the reason in words.
    await page.locator('summary').filter({ hasText: 'Por tipo de cargo' }).click();
    const byPosition = page.getByRole('table', { name: 'Conocimientos: cambio medio por tipo de cargo' });
    expect(await byPosition.getByText(/^oculto/).count()).toBeGreaterThanOrEqual(2);
    await expect(byPosition.getByRole('row', { name: /Total/ }).textContent()).resolves.toBe('Total10');

    // Every other fold open too, so axe sees the whole report.
    for (const fold of ['Análisis de las preguntas de conocimientos', 'Cambio por pregunta y por frase', 'Por departamento', 'Ver la tabla', 'Ver las decisiones']) {
      await page.locator('summary').filter({ hasText: fold }).click();
    }
    await page.getByRole('table', { name: 'Preguntas de conocimientos: evaluación inicial' }).waitFor();
    await page.getByRole('table', { name: /^Cada participante/ }).getByText('Aprendiz Ucayali 0').waitFor();
    // Nobody has played a scenario yet: each decision says so instead of showing shares.
    expect(await page.getByText('Menos de 5 personas llegaron a esta decisión: no se muestran las proporciones.').count()).toBeGreaterThan(0);
    // And the nested folds (α if an item is deleted, by stage) too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.getByRole('table', { name: /^α si se elimina cada ítem: Derechos/ }).first().waitFor();
    // Usable at 360 px: wide tables scroll inside their own box, the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await landmarkProblems(page)).toEqual([]);

    // Printing: no navigation or buttons, folded content printed.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Imprimir informe' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Secciones del informe' }).isVisible()).toBe(false);
    const folded = page.locator('details.measure-fold').last();
    await folded.evaluate((d) => ((d as HTMLDetailsElement).open = false));
    expect(await folded.locator('.measure-card').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The report is fetched again in the new language (the server writes the reading sentences).
    await page.getByLabel('Idioma').selectOption('en');
    const summaryEn = page.getByRole('region', { name: 'Summary' });
    await summaryEn.getByText(/^Knowledge improved by 1\.6 percentage points/).waitFor();
    expect(await summaryEn.getByText('95% CI [0.70, 2.46]').count()).toBe(1);
    await expect(summaryEn.locator('.headline__figure').first().textContent()).resolves.toBe('Knowledge +1.58 pp 95% CI [0.70, 2.46] (10 pairs)');

    await page.getByRole('link', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the export (ZIP)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^respeta-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.md', 'knowledge.csv', 'codebook.csv', 'reproduce.R']));
    const csv = Buffer.from(files['knowledge.csv']!).toString('utf8');
    expect(csv).toMatch(/^\uFEFFpseudonym,/);
    expect(csv).toMatch(/\nK-[0-9a-f]{16},/);
    for (const text of Object.values(files).map((bytes) => Buffer.from(bytes).toString('utf8'))) {
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]/i); // no e-mail address
      for (const email of learnerEmails) expect(text).not.toContain(email);
      expect(text).not.toContain('Aprendiz Ucayali');
    }
    await context.close();
  });

  it('the trainer creates a cohort, manages its invite codes (create, rotate, revoke) and removes a learner with confirmation', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await signIn(page, app.url, DEMO.trainer);
    await page.getByRole('heading', { name: 'Hola, Rosa Formadora' }).waitFor();
    await page.goto(`${app.url}/trainer/cohorts/new`);
    await page.getByLabel('Nombre de la cohorte').fill('Cohorte Pucallpa — serenazgo');
    await page.getByLabel('Departamento').selectOption('ucayali');
    await page.getByLabel('Fecha de inicio').fill('2026-12-01');
    await page.getByLabel('Fecha de fin').fill('2026-11-01');
    await page.getByRole('button', { name: 'Crear cohorte' }).click();
    await page.getByRole('alert').filter({ hasText: 'La fecha de fin no puede ser anterior' }).waitFor();
    await page.getByLabel('Fecha de fin').fill('2026-12-20');
    await page.getByRole('button', { name: 'Crear cohorte' }).click();

    await page.getByRole('heading', { name: 'Cohorte Pucallpa — serenazgo', level: 1 }).waitFor();
    await page.getByText('Cohorte creada.').waitFor();
    await page.getByLabel('Usos máximos (opcional)').fill('25');
    await page.getByRole('button', { name: 'Crear código' }).click();
    const created = await page.getByRole('status').filter({ hasText: 'Código creado:' }).textContent();
    const code = /Código creado: (\S+)/.exec(created ?? '')![1]!;
    const row = page.getByRole('row').filter({ hasText: code });
    await row.getByText('0 de 25').waitFor();

    await row.getByRole('button', { name: 'Cambiar por uno nuevo' }).click();
    await page.getByText(`¿Cambiar ${code} por un código nuevo?`).waitFor();
    await page.getByRole('button', { name: 'Sí, cambiar código' }).click();
    const rotated = await page.getByRole('status').filter({ hasText: 'dejó de funcionar' }).textContent();
    const newCode = /Nuevo código: (\S+)/.exec(rotated ?? '')![1]!;
    expect(newCode).not.toBe(code);
    await page.getByRole('row').filter({ hasText: code }).getByText('Revocado').waitFor();

    const newRow = page.getByRole('row').filter({ hasText: newCode });
    await newRow.getByRole('button', { name: 'Revocar' }).click();
    await page.getByRole('button', { name: 'Cancelar' }).click(); // changing one's mind leaves the code alone
    await newRow.getByText('Activo').waitFor();
    await newRow.getByRole('button', { name: 'Revocar' }).click();
    await page.getByRole('button', { name: 'Sí, revocar' }).click();
    await page.getByRole('status').filter({ hasText: `Código ${newCode} revocado.` }).waitFor();

    // Removing a learner asks first, then marks them withdrawn (their data stay).
    await page.goto(`${app.url}/trainer`);
    await page.getByRole('link', { name: DEMO_COHORT }).click();
    await page.getByRole('link', { name: 'Participantes' }).click();
    const carlos = page.getByRole('row').filter({ hasText: 'Carlos Quispe' });
    await carlos.getByRole('button', { name: 'Retirar de la cohorte' }).click();
    await page.getByText('¿Retirar a Carlos Quispe de la cohorte? Sus respuestas se conservan').waitFor();
    await page.getByRole('button', { name: 'Sí, retirar' }).click();
    await page.getByRole('status').filter({ hasText: 'Carlos Quispe fue retirada(o) de la cohorte' }).waitFor();
    await carlos.getByText('Retirada(o)', { exact: true }).first().waitFor();
    expect(await carlos.getByRole('button', { name: 'Retirar de la cohorte' }).count()).toBe(0);
    await context.close();
  });

  it('a learner who opens /trainer or /admin is sent back to the home page', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await signIn(page, app.url, DEMO.police);
    await page.getByRole('heading', { name: 'Hola, Carlos Quispe' }).waitFor();
    for (const path of ['/trainer', '/trainer/cohorts/new', '/admin/accounts']) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { name: 'Hola, Carlos Quispe' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.getByRole('heading', { name: 'Mis cohortes' }).count()).toBe(0);
    }
    await context.close();
  });

  it('an admin creates a trainer account (password policy refusal translated), opens a combined report and publishes a course draft', async () => {
    const context = await app.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, app.url, DEMO.admin);
    await page.getByRole('heading', { name: 'Hola, Ana Admin' }).waitFor();
    await page.getByRole('link', { name: 'Ir a la administración (cuentas, cohortes y contenidos)' }).click();
    await page.getByRole('heading', { name: 'Cuentas' }).waitFor();

    await page.getByLabel('Nombre', { exact: true }).fill('Marta Formadora');
    await page.getByLabel('Correo electrónico').fill('marta@respeta.test');
    await page.getByLabel('Contraseña inicial').fill('password');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('alert').filter({ hasText: 'Esa contraseña es muy común' }).waitFor();

    await page.getByLabel('Contraseña inicial').fill('la selva de ucayali en marzo');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('status').filter({ hasText: 'Cuenta creada: Marta Formadora' }).waitFor();
    await page.getByRole('table').getByText('marta@respeta.test').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Reassign the demo cohort; then a combined report over picked cohorts uses the same report view.
    await page.getByRole('link', { name: 'Cohortes', exact: true }).click();
    await page.getByLabel(`Formador(a) a cargo de ${DEMO_COHORT}`).selectOption({ label: 'Marta Formadora (Formador(a))' });
    await page.getByRole('button', { name: `Asignar formador(a) a ${DEMO_COHORT}` }).click();
    await page.getByRole('status').filter({ hasText: `${DEMO_COHORT} ahora está a cargo de Marta Formadora.` }).waitFor();
    await page.getByLabel(`Incluir ${DEMO_COHORT} en el informe combinado`).check();
    await page.getByRole('button', { name: 'Ver informe combinado (1 cohorte)' }).click();
    await page.getByRole('heading', { name: 'Informe combinado' }).waitFor();
    await page.getByRole('region', { name: 'Resumen' }).getByText('IC 95 % [0.70, 2.46]').waitFor();

    // Course content: a draft, opened in the editor, reviewed and published with its change note; the history lists it.
    await page.getByRole('link', { name: 'Contenidos del curso' }).click();
    await page.getByRole('button', { name: 'Crear borrador' }).click();
    await page.getByRole('link', { name: 'Abrir el editor' }).click();
    await page.getByRole('link', { name: 'Revisar y publicar' }).first().click();
    await page.getByText('No hay problemas: el borrador se puede publicar.').waitFor();
    await page.getByLabel('Nota de cambios (Español)').fill('Sin cambios de contenido: prueba de publicación.');
    await page.getByLabel('Nota de cambios (English)').fill('No content changes: a publishing test.');
    await page.getByRole('button', { name: 'Publicar la versión nueva' }).click();
    await page.getByText('Versión 2 publicada.', { exact: false }).waitFor();
    await page.goto(`${app.url}/admin/content`);
    await page.getByText('Historial de versiones').click();
    await page.getByText('Versión 2', { exact: true }).waitFor();
    await context.close();
  });
});

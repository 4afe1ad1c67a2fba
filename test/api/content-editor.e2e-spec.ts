import { strFromU8, unzipSync } from 'fflate';
import type { Lesson, Scenario } from '../../libs/curriculum/src/index.js';
import { course, modulesInOrder } from '../support/course-player';
import { createTestApp, DEMO, login, type TestApp } from '../support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const NOTE = { changeNote: { es: 'Cambios de prueba.', en: 'Test changes.' } };

/** The browser editor's API: item saves with revisions and conflicts, translation state, publication rules, YAML files. */
describe('content editor API', () => {
  let t: TestApp;
  let admin: string;
  let courseId: string;
  let v1: string;
  let draftId: string;
  const lesson = () => structuredClone(modulesInOrder()[0]!.lessons[0]!) as Lesson;
  const itemUrl = (kind: string, key: string) => `/api/course-versions/${draftId}/items/${kind}/${key}`;
  const save = (kind: string, key: string, value: object, baseRevision: number, token = admin) =>
    t.http().put(itemUrl(kind, key)).set(auth(token)).send({ baseRevision, value });
  const editor = async () => (await t.http().get(`/api/course-versions/${draftId}/editor`).set(auth(admin)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await login(t, DEMO.admin)).token;
    const [summary] = (await t.http().get('/api/courses').set(auth(admin)).expect(200)).body;
    courseId = summary.id;
    v1 = summary.latestPublished.id;
    draftId = (await t.http().post(`/api/courses/${courseId}/draft`).set(auth(admin)).expect(200)).body.id;
  });
  afterAll(() => t.close());

  it('saves an item with an untranslated text, counts its revision and flags the other language stale', async () => {
    const value = lesson();
    value.body.es += '\n\nUn párrafo nuevo sobre la Ley 32535.';
    const saved = await save('lesson', value.key, value, 0).expect(200);
    expect(saved.body).toMatchObject({ itemId: `lesson:${value.key}`, revision: 1, updatedBy: expect.any(String) });
    expect(saved.body.textEdits).toEqual([{ itemId: `lesson:${value.key}`, textId: 'body', es: expect.any(Number) }]);

    const state = await editor();
    expect(state.revisions).toEqual([expect.objectContaining({ itemId: `lesson:${value.key}`, revision: 1 })]);
    const report = (await t.http().post(`/api/course-versions/${draftId}/validate`).set(auth(admin)).expect(200)).body;
    expect(report.problems).toEqual([expect.objectContaining({ path: `lesson:${value.key} body.en`, place: { kind: 'lesson', key: value.key, field: 'body.en' } })]);

    // Fixing the English clears the flag (and does not flag the Spanish in turn).
    value.body.en += '\n\nA new paragraph about Law 32535.';
    await save('lesson', value.key, value, 1).expect(200);
    expect((await t.http().post(`/api/course-versions/${draftId}/validate`).set(auth(admin)).expect(200)).body).toEqual({ valid: true, problems: [] });

    // A new title in Spanish only, English left empty for now: saved, and listed as untranslated.
    value.title = { es: 'Título en revisión', en: '' };
    expect((await save('lesson', value.key, value, 2).expect(200)).body.value.title).toEqual({ es: 'Título en revisión', en: '' });
    const untranslated = (await t.http().post(`/api/course-versions/${draftId}/validate`).set(auth(admin)).expect(200)).body;
    expect(untranslated.problems).toEqual([expect.objectContaining({ message: 'the English text is empty (untranslated)', place: expect.objectContaining({ field: 'title.en' }) })]);
    value.title = lesson().title;
    await save('lesson', value.key, value, 3).expect(200);
  });

  it('refuses a save that started from an older revision (409 with the colleague’s version), and saves nothing', async () => {
    const key = course().attitudeInstrument.items[0]!.key;
    const original = structuredClone(course().attitudeInstrument.items[0]!);
    const mine = { ...original, text: { es: 'Mi versión', en: 'My version' } };
    const theirs = { ...original, text: { es: 'Su versión', en: 'Their version' } };
    await save('attitude-item', key, theirs, 0).expect(200);
    const conflict = await save('attitude-item', key, mine, 0).expect(409);
    expect(conflict.body).toMatchObject({ code: 'DRAFT_ITEM_CONFLICT', details: { itemId: `attitude-item:${key}`, revision: 1, updatedBy: expect.any(String), value: { text: { es: 'Su versión' } } } });
    // An unchanged save is not a new revision; saving on top of theirs works.
    expect((await save('attitude-item', key, theirs, 1).expect(200)).body.revision).toBe(1);
    await save('attitude-item', key, original, 1).expect(200);
  });

  it('refuses malformed items, a changed key and unknown kinds', async () => {
    const question = structuredClone(modulesInOrder()[0]!.quiz.questions[0]!);
    const noKey = { ...question, options: question.options.map((o) => ({ ...o, correct: false })) };
    const bad = await save('question', question.key, noKey, 0).expect(400);
    expect(bad.body.code).toBe('DRAFT_INVALID');
    expect(bad.body.details.problems).toEqual([expect.objectContaining({ path: 'value.options' })]);
    expect((await save('question', question.key, { ...question, key: 'otra.clave' }, 0).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await save('question', 'm99.q01', { ...question, key: 'm99.q01' }, 0).expect(404);
    await t.http().put(`/api/course-versions/${draftId}/items/module-header/${question.key}`).set(auth(admin)).send({ baseRevision: 0, value: question }).expect(404);
    await save('question', question.key, question, 0, (await login(t, DEMO.trainer)).token).expect(403);
    await save('question', question.key, question, 0, (await login(t, DEMO.police)).token).expect(403);
  });

  it('refuses to publish a legal source without a locator or an unreachable scenario node, listing where to fix them', async () => {
    const value = lesson();
    const base = (await editor()).revisions.find((r: { itemId: string }) => r.itemId === `lesson:${value.key}`).revision;
    value.sources.push({ citation: 'Ley 32535, Ley de igualdad de oportunidades entre mujeres y hombres', reviewedOn: '2026-12-04', certainty: 'firm' });
    await save('lesson', value.key, value, base).expect(200);
    const scenario = structuredClone(course().scenarios[0]!) as Scenario;
    const decision = scenario.nodes.find((n) => n.kind === 'decision')!;
    scenario.nodes.push({ ...structuredClone(decision), key: 'n-huerfano' });
    await save('scenario', scenario.key, scenario, 0).expect(200);

    const refused = await t.http().post(`/api/course-versions/${draftId}/publish`).set(auth(admin)).send(NOTE).expect(400);
    expect(refused.body.code).toBe('DRAFT_INVALID');
    expect(refused.body.details.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ message: expect.stringMatching(/legal source "Ley 32535.*needs a locator/), place: expect.objectContaining({ kind: 'lesson', key: value.key }) }),
      expect.objectContaining({ message: expect.stringMatching(/"n-huerfano" cannot be reached/), place: expect.objectContaining({ kind: 'scenario', key: scenario.key }) }),
    ]));
    expect((await t.http().get(`/api/course-versions/${draftId}`).set(auth(admin))).body.status).toBe('draft');

    value.sources[value.sources.length - 1]!.url = 'https://www.gob.pe/institucion/mimp/normas-legales/ley-32535';
    await save('lesson', value.key, value, base + 1).expect(200);
    await save('scenario', scenario.key, course().scenarios[0]!, 1).expect(200);
    const published = await t.http().post(`/api/course-versions/${draftId}/publish`).set(auth(admin)).send(NOTE).expect(200);
    expect(published.body).toMatchObject({ status: 'published', version: 2, changeNote: NOTE.changeNote });
    expect(published.body.content.modules[0].lessons[0].sources.at(-1)).toMatchObject({ url: expect.stringContaining('ley-32535') });
  });

  it('refuses to publish a stale translation until it is updated or confirmed as still right', async () => {
    draftId = (await t.http().post(`/api/courses/${courseId}/draft`).set(auth(admin)).expect(200)).body.id;
    const module = structuredClone(modulesInOrder()[1]!);
    const { lessons: _l, quiz: _q, ...header } = module;
    header.summary = { ...header.summary, es: `${header.summary.es} (revisado)` };
    await save('module', module.key, header, 0).expect(200);
    await t.http().post(`/api/course-versions/${draftId}/publish`).set(auth(admin)).send(NOTE).expect(400);
    const confirm = await t.http().post(`${itemUrl('module', module.key)}/confirm-translation`).set(auth(admin)).send({ textId: 'summary', locale: 'en' }).expect(200);
    expect(confirm.body).toMatchObject({ itemId: `module:${module.key}`, textId: 'summary', synced: expect.any(Number) });
    expect((await t.http().post(`/api/course-versions/${draftId}/validate`).set(auth(admin))).body.valid).toBe(true);
    await t.http().post(`${itemUrl('module', module.key)}/confirm-translation`).set(auth(admin)).send({ textId: 'summary', locale: 'fr' }).expect(400);
    await t.http().delete(`/api/course-versions/${draftId}`).set(auth(admin)).expect(204);
  });

  describe('YAML files', () => {
    const unzip = (body: Buffer) => Object.fromEntries(Object.entries(unzipSync(new Uint8Array(body))).map(([path, bytes]) => [path, strFromU8(bytes)]));
    const download = (versionId: string, token = admin) =>
      t.http().get(`/api/course-versions/${versionId}/export.zip`).set(auth(token)).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

    it('exports a published version that re-imports to an identical version', async () => {
      const zip = await download(v1).expect(200).expect('content-type', 'application/zip');
      const files = unzip(zip.body);
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['gbv-response/course.yaml', 'gbv-response/modules/01-genero.yaml', 'gbv-response/scenarios/denuncia-3am.yaml']));
      const inRepository = Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^gbv-response\//, ''), text]));
      const imported = await t.http().post(`/api/courses/${courseId}/import`).set(auth(admin)).send({ files: inRepository }).expect(200);
      const original = (await t.http().get(`/api/course-versions/${v1}`).set(auth(admin))).body;
      expect(imported.body.version).toMatchObject({ status: 'draft', contentHash: original.contentHash });
      expect(imported.body.version.content).toEqual(original.content);
      expect(imported.body.report).toEqual({ valid: true, problems: [] });
      // Exporting the re-imported draft gives the same bytes.
      expect(unzip((await download(imported.body.version.id).expect(200)).body)).toEqual(files);
      // Trainers may read (export) content; learners may not.
      await download(v1, (await login(t, DEMO.trainer)).token).expect(200);
      await download(v1, (await login(t, DEMO.police)).token).expect(403);
    });

    it('refuses files of another course, unreadable YAML and paths that are not course files, changing nothing', async () => {
      const files = unzip((await download(v1)).body);
      const repo = Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^gbv-response\//, ''), text]));
      const before = (await t.http().post(`/api/courses/${courseId}/draft`).set(auth(admin))).body.contentHash;
      const other = await t.http().post(`/api/courses/${courseId}/import`).set(auth(admin)).send({ files: { ...repo, 'course.yaml': repo['course.yaml']!.replace('key: gbv-response', 'key: otro-curso') } }).expect(400);
      expect(other.body.code).toBe('IMPORT_WRONG_COURSE');
      const broken = await t.http().post(`/api/courses/${courseId}/import`).set(auth(admin)).send({ files: { ...repo, 'modules/01-genero.yaml': 'key: [sin cerrar' } }).expect(400);
      expect(broken.body.details.problems).toEqual([expect.objectContaining({ file: 'modules/01-genero.yaml', message: expect.stringMatching(/YAML syntax error/) })]);
      await t.http().post(`/api/courses/${courseId}/import`).set(auth(admin)).send({ files: { ...repo, '../secreto.yaml': 'x' } }).expect(400);
      const malformed = structuredClone(repo);
      malformed['scenarios/denuncia-3am.yaml'] = malformed['scenarios/denuncia-3am.yaml']!.replace(/points: 2/, 'points: muchos');
      const shape = await t.http().post(`/api/courses/${courseId}/import`).set(auth(admin)).send({ files: malformed }).expect(400);
      expect(shape.body.details.problems[0]).toMatchObject({ file: 'scenarios/denuncia-3am.yaml', path: expect.stringMatching(/points$/) });
      expect((await t.http().post(`/api/courses/${courseId}/draft`).set(auth(admin))).body.contentHash).toBe(before);
    });
  });
});

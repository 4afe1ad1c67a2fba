import { ContentImporter } from '../../apps/api/src/curriculum/content-import.service';
import { createTestApp, DEMO, login, registerLearner, type TestApp } from '../support/test-app';

const FORBIDDEN_KEYS = ['correct', 'isCorrect', 'reverse', 'points', 'feedback', 'score', 'subscale', 'subscales', 'next', 'passed'];

/** Every object key anywhere in a JSON value. */
function keysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      found.add(k);
      keysIn(v, found);
    }
  }
  return found;
}

describe('curriculum: versions, learner views and authoring', () => {
  let t: TestApp;
  let learner: { token: string };
  let enrolmentId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    learner = await login(t, DEMO.police);
    const mine = await t.http().get('/api/enrolments/mine').set(auth(learner.token)).expect(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ version: 1, status: 'active', courseTitle: expect.any(String) });
    enrolmentId = mine.body[0].id;
  });
  afterAll(() => t.close());

  it('imports the course files once: a second import with unchanged files creates nothing', async () => {
    const again = await t.app.get(ContentImporter).importDirectory();
    expect(again).toMatchObject({ imported: false, version: 1 });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM course_versions`);
    expect(n).toBe(1);
  });

  it('never sends a learner an answer key, feedback, reverse key, points or scores', async () => {
    const get = (path: string) => t.http().get(`/api/enrolments/${enrolmentId}${path}`).set(auth(learner.token)).expect(200).then((r) => r.body);
    const outline = await get('/outline');
    expect(outline.modules.length).toBeGreaterThanOrEqual(8);
    const bodies: unknown[] = [outline, await get('/knowledge-test'), await get('/attitude-instrument')];
    for (const module of outline.modules) {
      bodies.push(await get(`/modules/${module.key}/quiz`));
      for (const lesson of module.lessons) bodies.push(await get(`/lessons/${lesson.key}`));
    }
    for (const scenario of outline.scenarios) {
      const intro = await get(`/scenarios/${scenario.key}`);
      bodies.push(intro);
      // Walk every node reachable through the public choice keys is impossible without `next`; fetch the start node.
      bodies.push(await get(`/scenarios/${scenario.key}/nodes/${intro.start}`));
    }
    const keys = keysIn(bodies);
    for (const forbidden of FORBIDDEN_KEYS) expect({ key: forbidden, present: keys.has(forbidden) }).toEqual({ key: forbidden, present: false });
    expect(keys.has('prompt')).toBe(true); // the scan did see questions
  });

  it('serves Spanish by default and English on request', async () => {
    const es = await t.http().get(`/api/enrolments/${enrolmentId}/outline`).set(auth(learner.token)).expect(200);
    const en = await t.http().get(`/api/enrolments/${enrolmentId}/outline?lang=en`).set(auth(learner.token)).expect(200);
    const header = await t.http().get(`/api/enrolments/${enrolmentId}/outline`).set(auth(learner.token)).set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
    expect(es.body.title).not.toEqual(en.body.title);
    expect(header.body.title).toEqual(en.body.title);
  });

  it("hides another learner's enrolment (404) and refuses staff on learner routes (403)", async () => {
    const other = await login(t, DEMO.municipal);
    const res = await t.http().get(`/api/enrolments/${enrolmentId}/outline`).set(auth(other.token)).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
    const trainer = await login(t, DEMO.trainer);
    await t.http().get(`/api/enrolments/${enrolmentId}/outline`).set(auth(trainer.token)).expect(403);
    await t.http().get(`/api/enrolments/${enrolmentId}/lessons/no-such-lesson`).set(auth(learner.token)).expect(404);
  });

  it('denies authoring to learners and version history to trainers', async () => {
    const courses = await t.http().get('/api/courses').set(auth(learner.token)).expect(403);
    expect(courses.body.code).toBe('FORBIDDEN');
    const trainer = await login(t, DEMO.trainer);
    const [{ id: courseId }] = (await t.http().get('/api/courses').set(auth(trainer.token)).expect(200)).body;
    await t.http().post(`/api/courses/${courseId}/draft`).set(auth(learner.token)).expect(403);
    await t.http().get(`/api/courses/${courseId}/versions`).set(auth(trainer.token)).expect(403);
  });

  describe('draft → publish', () => {
    let admin: { token: string };
    let courseId: string;
    let v1: string;
    let draftId: string;
    let lessonKey: string;
    let originalTitle: string;

    beforeAll(async () => {
      admin = await login(t, DEMO.admin);
      const [course] = (await t.http().get('/api/courses').set(auth(admin.token)).expect(200)).body;
      courseId = course.id;
      v1 = course.latestPublished.id;
      const outline = (await t.http().get(`/api/enrolments/${enrolmentId}/outline`).set(auth(learner.token))).body;
      lessonKey = outline.modules[0].lessons[0].key;
      originalTitle = outline.modules[0].lessons[0].title;
    });

    it('refuses to edit a published version (409), and the database refuses too', async () => {
      const res = await t.http().patch(`/api/course-versions/${v1}/lessons/${lessonKey}`).set(auth(admin.token))
        .send({ title: { es: 'Cambio', en: 'Change' } }).expect(409);
      expect(res.body.code).toBe('VERSION_PUBLISHED');
      await expect(t.db.query(`UPDATE course_versions SET content_hash = 'x' WHERE id = $1`, [v1])).rejects.toThrow(/immutable/);
    });

    it('creates one draft (idempotently) from the latest published version', async () => {
      const a = await t.http().post(`/api/courses/${courseId}/draft`).set(auth(admin.token)).expect(200);
      const b = await t.http().post(`/api/courses/${courseId}/draft`).set(auth(admin.token)).expect(200);
      expect(a.body.id).toBe(b.body.id);
      expect(a.body).toMatchObject({ status: 'draft', version: null, basedOnId: v1 });
      draftId = a.body.id;
    });

    it('rejects a malformed edit with every problem and its path, saving nothing', async () => {
      const before = (await t.http().get(`/api/course-versions/${draftId}`).set(auth(admin.token))).body.contentHash;
      const content = (await t.http().get(`/api/course-versions/${draftId}`).set(auth(admin.token))).body.content;
      content.modules[0].quiz.questions[0].options.forEach((o: { correct: boolean }) => (o.correct = false));
      delete content.modules[1].title.en;
      const broken = await t.http().put(`/api/course-versions/${draftId}/content`).set(auth(admin.token)).send({ content }).expect(400);
      expect(broken.body.code).toBe('DRAFT_INVALID');
      const paths = broken.body.details.problems.map((p: { path: string }) => p.path);
      expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^modules\[0\]\.quiz\.questions\[0\]/), 'modules[1].title.en']));
      const after = (await t.http().get(`/api/course-versions/${draftId}`).set(auth(admin.token))).body.contentHash;
      expect(after).toBe(before);
      const report = await t.http().post(`/api/course-versions/${draftId}/validate`).set(auth(admin.token)).expect(200);
      expect(report.body).toEqual({ valid: true, problems: [] });
    });

    it('saves an unfinished edit in the draft, which validation lists and publishing refuses until it is fixed', async () => {
      const original = (await t.http().get(`/api/course-versions/${draftId}`).set(auth(admin.token))).body.content.modules[0].lessons[0].body;
      await t.http().patch(`/api/course-versions/${draftId}/lessons/${lessonKey}`).set(auth(admin.token))
        .send({ body: { es: 'Muy corto.', en: 'Too short.' } }).expect(200);
      const report = await t.http().post(`/api/course-versions/${draftId}/validate`).set(auth(admin.token)).expect(200);
      expect(report.body.valid).toBe(false);
      expect(report.body.problems).toEqual(expect.arrayContaining([
        expect.objectContaining({ path: 'modules[0].lessons[0].body.es', place: { kind: 'lesson', key: lessonKey, field: 'body.es' } }),
      ]));
      const refused = await t.http().post(`/api/course-versions/${draftId}/publish`).set(auth(admin.token)).send({ changeNote: { es: 'x', en: 'x' } }).expect(400);
      expect(refused.body.code).toBe('DRAFT_INVALID');
      await t.http().patch(`/api/course-versions/${draftId}/lessons/${lessonKey}`).set(auth(admin.token)).send({ body: original }).expect(200);
    });

    it('rejects unknown fields in an edit', async () => {
      const res = await t.http().patch(`/api/course-versions/${draftId}/lessons/${lessonKey}`).set(auth(admin.token))
        .send({ title: { es: 'Nuevo', en: 'New' }, status: 'published' }).expect(400);
      expect(res.body.message).toMatch(/status: this field is not allowed/);
    });

    it('publishes the edited draft as version 2; old enrolments keep version 1, new ones get version 2', async () => {
      await t.http().patch(`/api/course-versions/${draftId}/lessons/${lessonKey}`).set(auth(admin.token))
        .send({ title: { es: 'Conceptos básicos (revisado)', en: 'Basic concepts (revised)' } }).expect(200);
      const note = { changeNote: { es: 'Título de la primera lección revisado.', en: 'First lesson title revised.' } };
      await t.http().post(`/api/course-versions/${draftId}/publish`).set(auth(admin.token)).send({}).expect(400);
      const published = await t.http().post(`/api/course-versions/${draftId}/publish`).set(auth(admin.token)).send(note).expect(200);
      expect(published.body).toMatchObject({ status: 'published', version: 2, changeNote: note.changeNote });
      await t.http().post(`/api/course-versions/${draftId}/publish`).set(auth(admin.token)).send(note).expect(409);

      const old = await t.http().get(`/api/enrolments/${enrolmentId}/lessons/${lessonKey}`).set(auth(learner.token)).expect(200);
      expect(old.body.title).toBe(originalTitle);

      const reg = await registerLearner(t, {
        inviteCode: DEMO.inviteCode, email: 'nueva.version@muni.gob.pe', displayName: 'Nueva', password: 'frase larga de prueba',
        positionType: 'municipal_official', region: 'piura',
      });
      const mine = (await t.http().get('/api/enrolments/mine').set(auth(reg.token)).expect(200)).body;
      expect(mine[0].version).toBe(2);
      const fresh = await t.http().get(`/api/enrolments/${mine[0].id}/lessons/${lessonKey}`).set(auth(reg.token)).expect(200);
      expect(fresh.body.title).toBe('Conceptos básicos (revisado)');

      const history = await t.http().get(`/api/courses/${courseId}/versions`).set(auth(admin.token)).expect(200);
      expect(history.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    });
  });
});

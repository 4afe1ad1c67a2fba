import { randomUUID } from 'node:crypto';
import { type Course, loadCourseFromDirectory } from '../../libs/curriculum/src/index.js';
import { DEMO, registerLearner, type TestApp } from './test-app';

let cached: Course | undefined;
/** The course as the server imported it — tests use it to know the right answers. */
export function course(): Course {
  if (!cached) {
    const loaded = loadCourseFromDirectory();
    if (!loaded.course) throw new Error(`course files invalid: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
    cached = loaded.course;
  }
  return cached;
}

export const correctAnswers = (questions: Course['knowledgeTest']['items']) =>
  Object.fromEntries(questions.map((q) => [q.key, q.options.filter((o) => o.correct).map((o) => o.key)]));
export const wrongAnswers = (questions: Course['knowledgeTest']['items']) =>
  Object.fromEntries(questions.map((q) => [q.key, [q.options.find((o) => !o.correct)!.key]]));
export const likertAnswers = (value: number) => Object.fromEntries(course().attitudeInstrument.items.map((i) => [i.key, value]));
export const modulesInOrder = () => course().moduleOrder.map((k) => course().modules.find((m) => m.key === k)!);

/** Drives one learner through the API. */
export class Player {
  constructor(
    readonly t: TestApp,
    readonly token: string,
    readonly enrolmentId: string,
  ) {}

  post(path: string, body: Record<string, unknown> = {}) {
    return this.t.http().post(`/api/enrolments/${this.enrolmentId}${path}`).set('Authorization', `Bearer ${this.token}`).send({ idempotencyKey: randomUUID(), ...body });
  }
  put(path: string, body: Record<string, unknown> = {}) {
    return this.t.http().put(`/api/enrolments/${this.enrolmentId}${path}`).set('Authorization', `Bearer ${this.token}`).send({ idempotencyKey: randomUUID(), ...body });
  }
  get(path: string) {
    return this.t.http().get(`/api/enrolments/${this.enrolmentId}${path}`).set('Authorization', `Bearer ${this.token}`);
  }

  async pre() {
    await this.post('/consent', { evaluationUse: true }).expect(200);
    await this.post('/assessments/pre/knowledge', { answers: wrongAnswers(course().knowledgeTest.items) }).expect(200);
    await this.post('/assessments/pre/attitude', { answers: likertAnswers(2) }).expect(200);
  }

  async module(index: number) {
    const m = modulesInOrder()[index];
    for (const lesson of m.lessons) await this.post(`/lessons/${lesson.key}/complete`).expect(200);
    await this.post(`/modules/${m.key}/quiz-attempts`, { answers: correctAnswers(m.quiz.questions) }).expect(200);
    if (m.scenario) await this.playScenario(m.scenario);
  }

  async playScenario(scenarioKey: string) {
    let run = (await this.get(`/scenarios/${scenarioKey}/run`).expect(200)).body;
    while (!run.finished) {
      run = (await this.post(`/scenarios/${scenarioKey}/choices`, { nodeKey: run.current.key, choiceKey: run.current.choices[0].key }).expect(200)).body;
    }
    return run;
  }

  async post_() {
    await this.post('/assessments/post/knowledge', { answers: correctAnswers(course().knowledgeTest.items) }).expect(200);
    await this.post('/assessments/post/attitude', { answers: likertAnswers(4) }).expect(200);
    return this.post('/assessments/post/then', { answers: likertAnswers(2) }).expect(200);
  }
}

/** A learner newly registered in the demo cohort with its invite code, driven through the API. */
export async function newLearner(
  t: TestApp, name: string, profile: { positionType?: string; region?: string; domain?: string } = {},
): Promise<Player> {
  const { positionType = 'police', region = 'ucayali', domain = 'pnp.gob.pe' } = profile;
  const { token } = await registerLearner(t, {
    inviteCode: DEMO.inviteCode, email: `${name.toLowerCase()}.${randomUUID().slice(0, 8)}@${domain}`, displayName: name, password: 'frase larga de prueba 2026',
    positionType, region,
  });
  const mine = await t.http().get('/api/enrolments/mine').set('Authorization', `Bearer ${token}`).expect(200);
  return new Player(t, token, mine.body[0].id);
}

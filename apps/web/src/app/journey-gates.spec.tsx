// Table-driven: for every page that gates a step, at every kind of place the machine can be, what the page shows
// equals what libs/journey answers (whyNotStep) for the same snapshot — the same code, translated as the server's.
// A page that grew a rule of its own (its own "read first", "locked", "already done"…) would disagree somewhere here.
// Pages render for real (real router, real i18n, the real browser actor); their content requests fail as offline,
// which is irrelevant: only the gate is read.
import { act, cleanup, render } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { journeyCheckpoints } from '../../../../libs/journey/test/journey-checkpoints';
import { threeModuleOutline } from '../../../../libs/journey/test/journey-fixtures';
import { DAY_MS, type JourneyStep, type PersistedJourney, type RejectionCode, whyNotStep } from '#journey';
import i18n, { loadPlayerStrings } from '../lib/i18n';
import { JourneyContext } from '../lib/journey/journey-context';
import { JourneyDriver } from '../lib/journey/journey-driver';
import type { CourseOutline } from '../lib/journey/journey-types';
import { CourseCard } from '../features/my-courses/components/course-card';
import { LearnPages } from './learn-routes';

const outline = threeModuleOutline();
const checkpoints = journeyCheckpoints(outline, Date.now() - DAY_MS);
const ID = '00000000-0000-4000-8000-000000000001';

const courseOutline: CourseOutline = {
  courseVersionId: ID, version: 1, key: 'gbv', title: 'Respeta', description: '', hours: 8,
  modules: outline.modules.map((m, i) => ({
    key: m.key, title: `Módulo ${m.key}`, summary: '', estimatedMinutes: 30, objectives: [],
    lessons: m.lessonKeys.map((key) => ({ key, title: `Lección ${m.key}/${key}` })),
    quiz: { key: m.quiz.key, passMark: m.quiz.passMark, maxAttempts: m.quiz.maxAttempts, questionCount: 5 },
    scenario: m.scenarioKey ? { key: m.scenarioKey, title: `Caso ${i + 1}` } : null,
  })),
  scenarios: [], knowledgeTest: { key: 'k', title: 'Conocimientos', itemCount: 10 }, attitudeInstrument: { key: 'a', title: 'Opiniones', itemCount: 10 },
  consent: { version: '2', title: 'Consentimiento informado', body: [['p', 'Texto']], privacyRules: '', choices: { evaluation: 'Con evaluación', courseOnly: 'Solo el curso' } },
};

/** One page of the path, rendered at `path` for this journey inside the real provider context. */
async function renderPage(snapshot: PersistedJourney, path: string) {
  const driver = new JourneyDriver(snapshot, {
    send: () => Promise.reject(new Error('nothing is sent in this test')),
    load: async () => snapshot,
  });
  const { snapshot: live, view } = driver.getState();
  const { hook } = memoryLocation({ path: `/learn/${ID}${path}` });
  let view$!: ReturnType<typeof render>;
  await act(async () => {
    view$ = render(
      <JourneyContext.Provider value={{ enrolmentId: ID, outline: courseOutline, snapshot: live, view, driver }}>
        <Router hook={hook}><LearnPages enrolmentId={ID} /></Router>
      </JourneyContext.Provider>,
    );
  });
  return view$.container;
}

const t = (key: string) => i18n.t(key);

/** What the page decided: the code it shows as unavailable (with the code's translated text), or null when it opened. */
function pageDecision(container: HTMLElement): string | null {
  const closed = container.querySelector('[data-unavailable]');
  if (!closed) return null;
  const code = closed.getAttribute('data-unavailable')!;
  expect(closed.textContent).toContain(t(`errors.${code}`));
  return code;
}

interface Gate {
  path: string;
  step: JourneyStep;
  /** How the page shows a step that was already taken, when it shows it rather than closing. */
  shownWhenDone?: { code: RejectionCode; text: string };
}

const gates: Gate[] = [
  { path: '/consent', step: { kind: 'consent' }, shownWhenDone: { code: 'ALREADY_SUBMITTED', text: 'Dio su consentimiento el' } },
  { path: '/withdraw', step: { kind: 'withdraw' } },
  { path: '/assessment/pre/knowledge', step: { kind: 'assessment', wave: 'pre', part: 'knowledge' } },
  { path: '/assessment/pre/attitude', step: { kind: 'assessment', wave: 'pre', part: 'attitude' } },
  { path: '/assessment/post/knowledge', step: { kind: 'assessment', wave: 'post', part: 'knowledge' } },
  { path: '/assessment/post/attitude', step: { kind: 'assessment', wave: 'post', part: 'attitude' } },
  { path: '/assessment/post/then', step: { kind: 'assessment', wave: 'post', part: 'then' } },
  { path: '/follow-up', step: { kind: 'followUp' }, shownWhenDone: { code: 'ALREADY_SUBMITTED', text: 'Gracias por responder el cuestionario de seguimiento.' } },
  { path: '/certificate', step: { kind: 'certificate' } },
  ...outline.modules.flatMap((m): Gate[] => [
    ...m.lessonKeys.map((lessonKey): Gate => ({ path: `/modules/${m.key}/lessons/${lessonKey}`, step: { kind: 'openLesson', moduleKey: m.key, lessonKey } })),
    { path: `/modules/${m.key}/quiz`, step: { kind: 'quiz', moduleKey: m.key } },
    { path: `/modules/${m.key}/scenario`, step: { kind: 'scenario', moduleKey: m.key } },
  ]),
];

beforeAll(() => loadPlayerStrings());
afterEach(cleanup);

describe.each(checkpoints.map((c) => [c.name, c.snapshot] as const))('at "%s"', (_name, snapshot) => {
  it.each(gates.map((g) => [g.path, g] as const))('%s decides as libs/journey does', async (_path, gate) => {
    const container = await renderPage(snapshot, gate.path);
    const expected = whyNotStep(snapshot, gate.step, Date.now());
    if (gate.shownWhenDone && expected === gate.shownWhenDone.code) {
      expect(container.textContent).toContain(gate.shownWhenDone.text);
      expect(pageDecision(container)).toBeNull();
    } else {
      expect(pageDecision(container)).toBe(expected);
    }
  });

  it('the course page links exactly the steps libs/journey allows', async () => {
    const container = await renderPage(snapshot, '');
    const linked = (href: string) => container.querySelector(`a[href="/learn/${ID}${href}"]`) !== null;
    const now = Date.now();
    for (const m of outline.modules) {
      const quiz = whyNotStep(snapshot, { kind: 'quiz', moduleKey: m.key }, now);
      expect({ quiz: m.key, linked: linked(`/modules/${m.key}/quiz`) }).toEqual({ quiz: m.key, linked: quiz === null });
      // Where the module's steps are listed, a closed quiz says the machine's reason (a passed one just says so).
      const item = [...container.querySelectorAll('li.module')].find((li) => li.querySelector('h3')?.textContent?.includes(`Módulo ${m.key}`));
      const quizItem = item?.querySelector('.module__steps')?.querySelector(`li:nth-child(${m.lessonKeys.length + 1})`);
      if (quizItem && quiz && quiz !== 'QUIZ_ALREADY_PASSED') {
        expect(quizItem.querySelector('[data-reason]')?.getAttribute('data-reason')).toBe(quiz);
        expect(quizItem.textContent).toContain(t(`errors.${quiz}`));
      }
      if (m.scenarioKey) {
        const scenario = whyNotStep(snapshot, { kind: 'scenario', moduleKey: m.key }, now);
        expect({ scenario: m.key, linked: linked(`/modules/${m.key}/scenario`) }).toEqual({ scenario: m.key, linked: scenario === null });
      }
      for (const lessonKey of m.lessonKeys) {
        const open = whyNotStep(snapshot, { kind: 'openLesson', moduleKey: m.key, lessonKey }, now) === null;
        expect({ lesson: `${m.key}/${lessonKey}`, linked: linked(`/modules/${m.key}/lessons/${lessonKey}`) }).toEqual({ lesson: `${m.key}/${lessonKey}`, linked: open });
      }
    }
    expect({ withdraw: linked('/withdraw') }).toEqual({ withdraw: whyNotStep(snapshot, { kind: 'withdraw' }, now) === null });
    expect({ certificate: linked('/certificate') }).toEqual({ certificate: whyNotStep(snapshot, { kind: 'certificate' }, now) === null });
  });

  it('the home page offers to change the consent choice exactly when libs/journey allows it', async () => {
    const allowed = whyNotStep(snapshot, { kind: 'evaluationUse' }, Date.now()) === null;
    const { container } = render(
      <CourseCard course={{
        enrolment: { id: ID, cohortId: ID, cohortName: 'Grupo', courseVersionId: ID, courseTitle: 'Respeta', evaluationUse: snapshot.context.consentedAt === null ? null : true } as never,
        journey: { stage: 'learning', percentComplete: 10, followUpOpensAt: null, secondBaselineAt: null, snapshot: snapshot as never },
      }} />,
    );
    expect(container.querySelector('.evaluation-use') !== null).toBe(allowed);
  });
});

// "May I?" in one place: whyNot agrees with what applyJourneyEvent (the server's path) does, step names map onto the
// machine's events, and the rules outside the machine are pinned per checkpoint.
import { journeyCheckpoints } from '../test/journey-checkpoints.js';
import { T0, threeModuleOutline } from '../test/journey-fixtures.js';
import {
  applyJourneyEvent,
  DAY_MS,
  describeJourney,
  isRejectionCode,
  REJECTION_CODES,
  rejectionMessage,
  restoreJourney,
  stepEvent,
  whyNot,
  whyNotStep,
  type JourneyEvent,
  type JourneyStep,
  type PersistedJourney,
  type RejectionCode,
} from './index.js';

const outline = threeModuleOutline();
const NOW = T0 + 10 * DAY_MS;
const checkpoints = journeyCheckpoints(outline, T0);
const named = (name: string): PersistedJourney => {
  const found = checkpoints.find((c) => c.name === name);
  if (!found) throw new Error(`no checkpoint ${name}`);
  return found.snapshot;
};

function everyEvent(at: number): JourneyEvent[] {
  const events: JourneyEvent[] = [
    { type: 'consent.given', at },
    { type: 'consent.withdrawn', at },
    { type: 'pre.submitted', part: 'knowledge', at },
    { type: 'pre.submitted', part: 'attitude', at },
    { type: 'post.submitted', part: 'knowledge', at },
    { type: 'post.submitted', part: 'then', at },
    { type: 'clock.tick', at },
    { type: 'followup.submitted', at },
    { type: 'lesson.completed', moduleKey: 'm9', lessonKey: 'intro', at },
    { type: 'pre.submitted', part: 'then', at } as unknown as JourneyEvent, // malformed on purpose
  ];
  for (const module of outline.modules) {
    for (const lessonKey of module.lessonKeys) events.push({ type: 'lesson.completed', moduleKey: module.key, lessonKey, at });
    events.push({ type: 'quiz.graded', moduleKey: module.key, passed: true, score: 1, at });
    if (module.scenarioKey) events.push({ type: 'scenario.finished', moduleKey: module.key, scenarioKey: module.scenarioKey, outcome: 'poor', at });
  }
  return events;
}

function everyStep(): JourneyStep[] {
  const steps: JourneyStep[] = [
    { kind: 'consent' }, { kind: 'withdraw' }, { kind: 'followUp' }, { kind: 'certificate' }, { kind: 'evaluationUse' },
    { kind: 'actionPlan' }, { kind: 'actionPlanReview' },
    { kind: 'assessment', wave: 'pre', part: 'knowledge' }, { kind: 'assessment', wave: 'pre', part: 'attitude' },
    { kind: 'assessment', wave: 'post', part: 'knowledge' }, { kind: 'assessment', wave: 'post', part: 'attitude' },
    { kind: 'assessment', wave: 'post', part: 'then' },
  ];
  for (const module of outline.modules) {
    for (const lessonKey of module.lessonKeys) {
      steps.push({ kind: 'openLesson', moduleKey: module.key, lessonKey }, { kind: 'completeLesson', moduleKey: module.key, lessonKey });
    }
    steps.push({ kind: 'quiz', moduleKey: module.key }, { kind: 'scenario', moduleKey: module.key });
  }
  return steps;
}

describe('whyNot: the same answer as the server path', () => {
  it.each(checkpoints.map((c) => [c.name, c.snapshot] as const))('%s', (_name, snapshot) => {
    const live = restoreJourney(snapshot);
    for (const event of [...everyEvent(NOW), ...everyEvent(T0 + 1000 * DAY_MS)]) {
      const result = applyJourneyEvent(snapshot, event);
      const expected = result.accepted ? null : result.reason;
      expect({ event, reason: whyNot(snapshot, event) }).toEqual({ event, reason: expected });
      expect({ event, reason: whyNot(live, event) }).toEqual({ event, reason: expected });
    }
  });
});

describe('whyNotStep', () => {
  it('answers a machine step with the machine’s verdict on its event', () => {
    for (const { snapshot } of checkpoints) {
      for (const step of everyStep()) {
        const probe = stepEvent(snapshot.context, step, NOW);
        if (probe) expect(whyNotStep(snapshot, step, NOW)).toBe(whyNot(snapshot, probe.event));
      }
    }
  });

  it('asks about graded steps with a placeholder verdict the machine treats like any other', () => {
    for (const { name, snapshot } of checkpoints) {
      for (const module of outline.modules) {
        const pass: JourneyEvent = { type: 'quiz.graded', moduleKey: module.key, passed: true, score: 1, at: NOW };
        expect({ name, pass: whyNot(snapshot, pass) }).toEqual({ name, pass: whyNotStep(snapshot, { kind: 'quiz', moduleKey: module.key }, NOW) });
        if (!module.scenarioKey) continue;
        for (const outcome of ['mixed', 'poor'] as const) {
          const event: JourneyEvent = { type: 'scenario.finished', moduleKey: module.key, scenarioKey: module.scenarioKey, outcome, at: NOW };
          expect({ name, outcome, r: whyNot(snapshot, event) }).toEqual({ name, outcome, r: whyNotStep(snapshot, { kind: 'scenario', moduleKey: module.key }, NOW) });
        }
      }
    }
  });

  it('says which steps wait for the server’s verdict', () => {
    const context = named('consent').context;
    expect(stepEvent(context, { kind: 'quiz', moduleKey: 'm1' }, NOW)?.graded).toBe(true);
    expect(stepEvent(context, { kind: 'scenario', moduleKey: 'm1' }, NOW)?.graded).toBe(true);
    expect(stepEvent(context, { kind: 'completeLesson', moduleKey: 'm1', lessonKey: 'intro' }, NOW)?.graded).toBe(false);
    expect(stepEvent(context, { kind: 'certificate' }, NOW)).toBeNull();
  });

  it('walks the path: what is open at each checkpoint', () => {
    const open = (name: string, at = NOW) =>
      everyStep().filter((step) => whyNotStep(named(name), step, at) === null).map((step) => Object.values(step).join(' '));
    expect(open('consent')).toEqual(['consent', 'withdraw']);
    expect(open('pre, knowledge submitted')).toEqual(['withdraw', 'evaluationUse', 'actionPlan', 'assessment pre attitude']);
    expect(open('learning m1, reading (one read)')).toEqual([
      'withdraw', 'evaluationUse', 'actionPlan',
      'openLesson m1 intro', 'completeLesson m1 intro', 'openLesson m1 law', 'completeLesson m1 law',
    ]);
    expect(open('learning m1, quiz')).toContain('quiz m1');
    expect(open('learning m1, locked for review')).not.toContain('quiz m1');
    expect(open('learning m1, scenario')).toEqual(expect.arrayContaining(['scenario m1', 'openLesson m1 law']));
    expect(open('learning m1, scenario')).not.toContain('quiz m1');
    expect(open('completed, follow-up not open')).toEqual(['withdraw', 'certificate', 'evaluationUse', 'actionPlan',
      ...outline.modules.flatMap((m) => m.lessonKeys.map((l) => `openLesson ${m.key} ${l}`))]);
    expect(open('follow-up')).toEqual(expect.arrayContaining(['followUp', 'actionPlanReview', 'certificate']));
    expect(open('done')).not.toContain('withdraw');
    expect(open('withdrawn after completing')).toEqual(outline.modules.flatMap((m) => m.lessonKeys.map((l) => `openLesson ${m.key} ${l}`)));
    expect(open('withdrawn at consent (declined)')).toEqual([]);
  });

  it('names the reason a page shows', () => {
    const why = (name: string, step: JourneyStep, at = NOW) => whyNotStep(named(name), step, at);
    expect(why('consent', { kind: 'assessment', wave: 'pre', part: 'knowledge' })).toBe('EVENT_NOT_ALLOWED');
    expect(why('pre, nothing submitted', { kind: 'consent' })).toBe('ALREADY_SUBMITTED');
    expect(why('pre, nothing submitted', { kind: 'openLesson', moduleKey: 'm1', lessonKey: 'intro' })).toBe('MODULE_LOCKED');
    expect(why('learning m1, reading (one read)', { kind: 'quiz', moduleKey: 'm1' })).toBe('LESSONS_NOT_READ');
    expect(why('learning m1, reading (one read)', { kind: 'openLesson', moduleKey: 'm2', lessonKey: 'rights' })).toBe('MODULE_LOCKED');
    expect(why('learning m1, locked for review', { kind: 'quiz', moduleKey: 'm1' })).toBe('QUIZ_ATTEMPTS_EXHAUSTED');
    expect(why('learning m1, quiz', { kind: 'scenario', moduleKey: 'm1' })).toBe('QUIZ_NOT_PASSED');
    expect(why('learning m1, quiz', { kind: 'scenario', moduleKey: 'm2' })).toBe('UNKNOWN_ITEM'); // m2 has no scenario
    expect(why('learning m2, reading', { kind: 'quiz', moduleKey: 'm1' })).toBe('QUIZ_ALREADY_PASSED');
    expect(why('learning m2, reading', { kind: 'scenario', moduleKey: 'm1' })).toBe('ALREADY_SUBMITTED');
    expect(why('learning m2, reading', { kind: 'certificate' })).toBe('COURSE_NOT_COMPLETED');
    expect(why('completed, follow-up not open', { kind: 'followUp' })).toBe('FOLLOW_UP_NOT_OPEN');
    expect(why('completed, follow-up not open', { kind: 'actionPlanReview' })).toBe('FOLLOW_UP_NOT_OPEN');
    expect(why('completed, follow-up delay passed', { kind: 'followUp' })).toBeNull();
    expect(why('completed, follow-up delay passed', { kind: 'actionPlanReview' })).toBeNull();
    expect(why('done', { kind: 'followUp' })).toBe('ALREADY_SUBMITTED');
    expect(why('consent', { kind: 'evaluationUse' })).toBe('EVENT_NOT_ALLOWED');
    expect(why('consent', { kind: 'actionPlan' })).toBe('EVENT_NOT_ALLOWED');
    for (const step of everyStep().filter((s) => s.kind !== 'openLesson')) {
      expect({ step, r: why('withdrawn while learning', step) }).toEqual({ step, r: 'WITHDRAWN' });
    }
  });

  it('opens lessons exactly where the path view shows the module unlocked, and the certificate where it is available', () => {
    for (const { name, snapshot } of checkpoints) {
      const view = describeJourney(snapshot);
      for (const module of view.modules) {
        for (const lessonKey of outline.modules.find((m) => m.key === module.key)!.lessonKeys) {
          const open = whyNotStep(snapshot, { kind: 'openLesson', moduleKey: module.key, lessonKey }, NOW) === null;
          expect({ name, module: module.key, open }).toEqual({ name, module: module.key, open: module.status !== 'locked' });
        }
      }
      expect({ name, certificate: whyNotStep(snapshot, { kind: 'certificate' }, NOW) === null }).toEqual({ name, certificate: view.certificateAvailable });
    }
  });
});

describe('rejection codes', () => {
  it('lists every code once, each with a sentence', () => {
    const all: RejectionCode[] = [
      'INVALID_EVENT', 'UNKNOWN_ITEM', 'EVENT_NOT_ALLOWED', 'MODULE_LOCKED', 'LESSONS_NOT_READ', 'QUIZ_NOT_PASSED', 'QUIZ_ALREADY_PASSED',
      'QUIZ_ATTEMPTS_EXHAUSTED', 'FOLLOW_UP_NOT_OPEN', 'ALREADY_SUBMITTED', 'WITHDRAWN', 'COURSE_NOT_COMPLETED',
      'SECOND_BASELINE_NOT_OPEN',
    ];
    expect(REJECTION_CODES).toEqual(all);
    for (const code of all) expect(rejectionMessage(code)).toMatch(/^[A-Z].+\.$/);
    expect(isRejectionCode('NOT_FOUND')).toBe(false);
    expect(rejectionMessage('NOT_FOUND')).toBe('This step is not allowed now.');
  });
});

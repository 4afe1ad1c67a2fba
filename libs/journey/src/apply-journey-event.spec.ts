// The server's path: stored JSON in, verdict and new stored JSON out. The rejection matrix is generated: every
// checkpoint of a journey × every event variant the outline allows to be written down.
import { createActor } from 'xstate';
import {
  applyAll,
  deepFreeze,
  followUpSteps,
  MINUTE,
  pathToCompletion,
  T0,
  threeModuleOutline,
  type Step,
} from '../test/journey-fixtures.js';
import {
  applyJourneyEvent,
  DAY_MS,
  isJourneyEvent,
  JOURNEY_EVENT_TYPES,
  journeyMachine,
  JourneyOutlineError,
  restoreJourney,
  startJourney,
  type JourneyEvent,
  type JourneyEventType,
  type JourneyOutline,
  type PersistedJourney,
  type RejectionCode,
} from './index.js';

const outline = threeModuleOutline();
const path = pathToCompletion(outline);
const FAR_FUTURE = T0 + 1000 * DAY_MS;

const stepIndex = (label: string) => {
  const index = path.findIndex((step) => step.label === label);
  if (index === -1) throw new Error(`no step ${label}`);
  return index;
};
/** The stored journey right after the step with this label. */
const after = (label: string): PersistedJourney => applyAll(startJourney(outline), path.slice(0, stepIndex(label) + 1));

const failM2 = (n: number): Step[] =>
  Array.from({ length: n }, (_, i) => ({
    label: `m2 fail ${i + 1}`,
    event: { type: 'quiz.graded', moduleKey: 'm2', passed: false, score: 0.3, at: T0 + DAY_MS + i } as const,
  }));

const completed = after('post then');
const completedAt = completed.context.completedAt!;
const [tick, followUp] = followUpSteps(outline, completedAt);

interface Checkpoint {
  name: string;
  snapshot: PersistedJourney;
  /** Event types with at least one accepted variant here; every other type must be refused outright. */
  legal: JourneyEventType[];
}

const checkpoints: Checkpoint[] = [
  // Joining a study's waitlist (waitlist.scheduled) is possible only before anything is answered.
  { name: 'consent', snapshot: startJourney(outline), legal: ['consent.given', 'followup.rescheduled', 'consent.withdrawn', 'waitlist.scheduled'] },
  { name: 'pre, nothing submitted', snapshot: after('consent'), legal: ['pre.submitted', 'followup.rescheduled', 'consent.withdrawn', 'waitlist.scheduled'] },
  { name: 'pre, knowledge submitted', snapshot: after('pre knowledge'), legal: ['pre.submitted', 'followup.rescheduled', 'consent.withdrawn'] },
  { name: 'learning m1, reading', snapshot: after('pre attitude'), legal: ['lesson.completed', 'followup.rescheduled', 'consent.withdrawn'] },
  { name: 'learning m1, quiz', snapshot: after('m1 lesson law'), legal: ['lesson.completed', 'quiz.graded', 'followup.rescheduled', 'consent.withdrawn'] },
  { name: 'learning m1, scenario', snapshot: after('m1 quiz'), legal: ['lesson.completed', 'scenario.finished', 'followup.rescheduled', 'consent.withdrawn'] },
  { name: 'learning m2, reading', snapshot: after('m1 scenario'), legal: ['lesson.completed', 'followup.rescheduled', 'consent.withdrawn'] },
  {
    name: 'learning m2, locked for review',
    snapshot: applyAll(after('m2 lesson duty'), failM2(3)),
    legal: ['lesson.completed', 'followup.rescheduled', 'consent.withdrawn'],
  },
  { name: 'learning m3, quiz', snapshot: after('m3 lesson intro'), legal: ['lesson.completed', 'quiz.graded', 'followup.rescheduled', 'consent.withdrawn'] },
  { name: 'post, nothing submitted', snapshot: after('m3 scenario'), legal: ['post.submitted', 'followup.rescheduled', 'consent.withdrawn'] },
  { name: 'post, two parts submitted', snapshot: after('post attitude'), legal: ['post.submitted', 'followup.rescheduled', 'consent.withdrawn'] },
  { name: 'completed', snapshot: completed, legal: ['clock.tick', 'followup.submitted', 'followup.rescheduled', 'consent.withdrawn'] },
  { name: 'followUp', snapshot: applyAll(completed, [tick!]), legal: ['followup.submitted', 'consent.withdrawn'] },
  { name: 'done', snapshot: applyAll(completed, [tick!, followUp!]), legal: [] },
  {
    name: 'withdrawn',
    snapshot: applyAll(after('m1 quiz'), [{ label: 'withdraw', event: { type: 'consent.withdrawn', at: T0 + DAY_MS } }]),
    legal: [],
  },
];
checkpoints.forEach((checkpoint) => deepFreeze(checkpoint.snapshot)); // any mutation by apply would throw

/** Every event the outline lets one write, plus a few naming things the course does not have. */
function allVariants(o: JourneyOutline): JourneyEvent[] {
  const at = T0 + 2 * DAY_MS;
  const variants: JourneyEvent[] = [
    { type: 'consent.given', at },
    { type: 'pre.submitted', part: 'knowledge', at },
    { type: 'pre.submitted', part: 'attitude', at },
    { type: 'post.submitted', part: 'knowledge', at },
    { type: 'post.submitted', part: 'attitude', at },
    { type: 'post.submitted', part: 'then', at },
    { type: 'clock.tick', at },
    { type: 'clock.tick', at: FAR_FUTURE },
    { type: 'followup.submitted', at },
    { type: 'followup.submitted', at: FAR_FUTURE },
    { type: 'consent.withdrawn', at },
    { type: 'followup.rescheduled', delayDays: 30, at },
    { type: 'followup.rescheduled', delayDays: o.followUpDelayDays, at }, // the same delay: nothing to change
    { type: 'waitlist.scheduled', secondBaselineAt: FAR_FUTURE, at },
    { type: 'waitlist.scheduled', secondBaselineAt: at - 1, at }, // the date has passed: too late to join
    { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'nope', at },
    { type: 'lesson.completed', moduleKey: 'nope', lessonKey: 'intro', at },
    { type: 'quiz.graded', moduleKey: 'nope', passed: true, score: 1, at },
    { type: 'scenario.finished', moduleKey: 'm2', scenarioKey: 's1', outcome: 'good', at },
  ];
  for (const module of o.modules) {
    for (const lessonKey of module.lessonKeys) variants.push({ type: 'lesson.completed', moduleKey: module.key, lessonKey, at });
    variants.push({ type: 'quiz.graded', moduleKey: module.key, passed: true, score: 1, at });
    variants.push({ type: 'quiz.graded', moduleKey: module.key, passed: false, score: 0, at });
    if (module.scenarioKey) {
      variants.push({ type: 'scenario.finished', moduleKey: module.key, scenarioKey: module.scenarioKey, outcome: 'good', at });
    }
  }
  return variants;
}

const variants = allVariants(outline);

describe('applyJourneyEvent: the full legal path', () => {
  it('accepts every step from consent to done and ends in a JSON-clean final snapshot', () => {
    let snapshot = startJourney(outline);
    expect(snapshot.value).toBe('consent');
    snapshot = applyAll(snapshot, path);
    expect(snapshot.value).toBe('completed');
    snapshot = applyAll(snapshot, followUpSteps(outline, snapshot.context.completedAt!));
    expect(snapshot).toMatchObject({ status: 'done', value: 'done' });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('reaches the same context as a live actor fed the same events', () => {
    const actor = createActor(journeyMachine, { input: outline }).start();
    for (const step of path) actor.send(step.event);
    expect(applyAll(startJourney(outline), path).context).toEqual(actor.getSnapshot().context);
    actor.stop();
  });

  it('returns the notifications of the transition instead of running them', () => {
    const result = applyJourneyEvent(after('m3 quiz'), path[stepIndex('m3 scenario')]!.event);
    expect(result).toMatchObject({
      accepted: true,
      notifications: [
        { kind: 'module.completed', moduleKey: 'm3' },
        { kind: 'stage.entered', stage: 'postAssessment' },
      ],
    });
  });
});

describe('applyJourneyEvent: the rejection matrix', () => {
  describe.each(checkpoints)('in "$name"', ({ snapshot, legal }) => {
    const illegalTypes = JOURNEY_EVENT_TYPES.filter((type) => !legal.includes(type));

    it.each(illegalTypes)('rejects every %s with the state unchanged', (type) => {
      const ofType = variants.filter((event) => event.type === type);
      expect(ofType.length).toBeGreaterThan(0);
      for (const event of ofType) {
        const result = applyJourneyEvent(snapshot, event);
        expect({ event, accepted: result.accepted }).toEqual({ event, accepted: false });
        expect(result.snapshot).toBe(snapshot);
        expect(restoreJourney(snapshot).can(event)).toBe(false);
        if (!result.accepted) expect(result.reason).not.toBe('INVALID_EVENT');
      }
    });

    if (legal.length > 0) {
      it.each(legal)('accepts at least one %s', (type) => {
        const accepted = variants.filter((event) => event.type === type && applyJourneyEvent(snapshot, event).accepted);
        expect(accepted.length).toBeGreaterThan(0);
      });
    }

    it('agrees with can() for every variant, and changes nothing when it rejects', () => {
      const live = restoreJourney(snapshot);
      for (const event of variants) {
        const result = applyJourneyEvent(snapshot, event);
        expect({ event, accepted: result.accepted }).toEqual({ event, accepted: live.can(event) });
        if (!result.accepted) expect(result.snapshot).toBe(snapshot);
        else expect(result.snapshot).not.toEqual(snapshot);
      }
    });
  });
});

describe('applyJourneyEvent: rejection reasons', () => {
  const at = T0 + 2 * DAY_MS;
  const cases: [string, PersistedJourney, JourneyEvent, RejectionCode][] = [
    ['consent twice', after('consent'), { type: 'consent.given', at }, 'ALREADY_SUBMITTED'],
    ['pre part twice', after('pre knowledge'), { type: 'pre.submitted', part: 'knowledge', at }, 'ALREADY_SUBMITTED'],
    ['pre before consent', startJourney(outline), { type: 'pre.submitted', part: 'knowledge', at }, 'EVENT_NOT_ALLOWED'],
    ['lesson before the pre-assessment', after('consent'), { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'intro', at }, 'MODULE_LOCKED'],
    ['module 3 before module 2', after('m1 scenario'), { type: 'lesson.completed', moduleKey: 'm3', lessonKey: 'intro', at }, 'MODULE_LOCKED'],
    ['quiz of module 3 before module 2', after('m1 scenario'), { type: 'quiz.graded', moduleKey: 'm3', passed: true, score: 1, at }, 'MODULE_LOCKED'],
    ['unknown lesson', after('pre attitude'), { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'duty', at }, 'UNKNOWN_ITEM'],
    ['unknown module', after('pre attitude'), { type: 'quiz.graded', moduleKey: 'm9', passed: true, score: 1, at }, 'UNKNOWN_ITEM'],
    ['wrong scenario for the module', after('m1 quiz'), { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's3', outcome: 'good', at }, 'UNKNOWN_ITEM'],
    ['scenario of a module without one', after('m1 scenario'), { type: 'scenario.finished', moduleKey: 'm2', scenarioKey: 's1', outcome: 'good', at }, 'UNKNOWN_ITEM'],
    ['quiz before the lessons', after('m1 lesson intro'), { type: 'quiz.graded', moduleKey: 'm1', passed: true, score: 1, at }, 'LESSONS_NOT_READ'],
    ['scenario before the quiz', after('m1 lesson law'), { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's1', outcome: 'good', at }, 'QUIZ_NOT_PASSED'],
    ['quiz after passing', after('m1 quiz'), { type: 'quiz.graded', moduleKey: 'm1', passed: true, score: 1, at }, 'QUIZ_ALREADY_PASSED'],
    ['quiz of a done module', after('m2 quiz'), { type: 'quiz.graded', moduleKey: 'm1', passed: false, score: 0, at }, 'QUIZ_ALREADY_PASSED'],
    ['scenario twice', after('m1 scenario'), { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's1', outcome: 'good', at }, 'ALREADY_SUBMITTED'],
    ['fourth attempt', applyAll(after('m2 lesson duty'), failM2(3)), { type: 'quiz.graded', moduleKey: 'm2', passed: true, score: 1, at }, 'QUIZ_ATTEMPTS_EXHAUSTED'],
    ['post before learning is over', after('m3 quiz'), { type: 'post.submitted', part: 'knowledge', at }, 'EVENT_NOT_ALLOWED'],
    ['post part twice', after('post knowledge'), { type: 'post.submitted', part: 'knowledge', at }, 'ALREADY_SUBMITTED'],
    ['lesson after learning', after('m3 scenario'), { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'intro', at }, 'EVENT_NOT_ALLOWED'],
    ['tick before the delay', completed, { type: 'clock.tick', at: completedAt + DAY_MS }, 'FOLLOW_UP_NOT_OPEN'],
    ['follow-up before the delay', completed, { type: 'followup.submitted', at: completedAt + 89 * DAY_MS }, 'FOLLOW_UP_NOT_OPEN'],
    ['follow-up before completion', after('post attitude'), { type: 'followup.submitted', at: FAR_FUTURE }, 'EVENT_NOT_ALLOWED'],
    ['tick while learning', after('pre attitude'), { type: 'clock.tick', at: FAR_FUTURE }, 'EVENT_NOT_ALLOWED'],
    ['follow-up twice', applyAll(completed, [tick!, followUp!]), { type: 'followup.submitted', at: FAR_FUTURE }, 'ALREADY_SUBMITTED'],
    ['reschedule once the follow-up is open', applyAll(completed, [tick!]), { type: 'followup.rescheduled', delayDays: 30, at }, 'EVENT_NOT_ALLOWED'],
    ['reschedule to the same delay', completed, { type: 'followup.rescheduled', delayDays: 90, at }, 'EVENT_NOT_ALLOWED'],
    ['withdrawal when done', applyAll(completed, [tick!, followUp!]), { type: 'consent.withdrawn', at: FAR_FUTURE }, 'EVENT_NOT_ALLOWED'],
    ['anything after withdrawal', checkpoints.at(-1)!.snapshot, { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's1', outcome: 'good', at }, 'WITHDRAWN'],
    ['withdrawing twice', checkpoints.at(-1)!.snapshot, { type: 'consent.withdrawn', at }, 'WITHDRAWN'],
  ];

  it.each(cases)('%s → %#', (_label, snapshot, event, reason) => {
    expect(applyJourneyEvent(snapshot, event)).toEqual({ accepted: false, reason, snapshot });
  });

  it('rejects the then-test part of a course version without one as an unknown item', () => {
    const noThen = threeModuleOutline({ hasThenTest: false });
    const snapshot = applyAll(startJourney(noThen), pathToCompletion(noThen).slice(0, -1));
    expect(applyJourneyEvent(snapshot, { type: 'post.submitted', part: 'then', at: FAR_FUTURE })).toMatchObject({
      accepted: false,
      reason: 'UNKNOWN_ITEM',
    });
  });

  it('rejects malformed events before they reach the machine', () => {
    const snapshot = after('m1 lesson law');
    const malformed: unknown[] = [
      null,
      { type: 'quiz.graded', moduleKey: 'm1', passed: true, score: 1 }, // no at
      { type: 'quiz.graded', moduleKey: 'm1', passed: true, score: 1, at: Number.NaN },
      { type: 'quiz.graded', moduleKey: 'm1', passed: 'yes', score: 1, at: T0 },
      { type: 'quiz.graded', moduleKey: 'm1', passed: true, at: T0 }, // no score
      { type: 'quiz.submitted', moduleKey: 'm1', at: T0 },
      { type: 'pre.submitted', part: 'then', at: T0 },
      { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's1', outcome: 'great', at: T0 },
      { type: 'lesson.completed', moduleKey: 'm1', at: T0 },
      { type: 'followup.rescheduled', at: T0 }, // no delay
      { type: 'followup.rescheduled', delayDays: -1, at: T0 },
      { type: 'followup.rescheduled', delayDays: 1.5, at: T0 },
      { type: 'followup.rescheduled', delayDays: 731, at: T0 },
    ];
    for (const event of malformed) {
      expect(isJourneyEvent(event)).toBe(false);
      expect(applyJourneyEvent(snapshot, event as JourneyEvent)).toEqual({ accepted: false, reason: 'INVALID_EVENT', snapshot });
    }
    for (const event of variants) expect(isJourneyEvent(event)).toBe(true);
  });
});

describe('applyJourneyEvent: purity and persistence', () => {
  it('gives equal answers for equal inputs and never mutates its input', () => {
    const snapshot = deepFreeze(after('m1 lesson intro'));
    const copy = JSON.parse(JSON.stringify(snapshot));
    const event: JourneyEvent = { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'law', at: T0 + DAY_MS };
    const first = applyJourneyEvent(snapshot, event);
    const second = applyJourneyEvent(snapshot, event);
    expect(first).toEqual(second);
    expect(first.snapshot).not.toBe(second.snapshot);
    expect(snapshot).toEqual(copy);
  });

  it('behaves the same when every snapshot goes through JSON.stringify → JSON.parse in between', () => {
    const steps = [...path, ...followUpSteps(outline, applyAll(startJourney(outline), path).context.completedAt!)];
    let viaJson = startJourney(outline);
    for (const step of steps) {
      const result = applyJourneyEvent(JSON.parse(JSON.stringify(viaJson)), step.event);
      expect({ step: step.label, accepted: result.accepted }).toEqual({ step: step.label, accepted: true });
      viaJson = result.snapshot;
    }
    expect(viaJson).toEqual(applyAll(startJourney(outline), steps));
  });

  it('restores a stored snapshot that a live actor can continue from, and vice versa', () => {
    const stored = JSON.parse(JSON.stringify(after('m2 lesson rights'))) as PersistedJourney;
    const actor = createActor(journeyMachine, { snapshot: stored, input: stored.context.outline }).start();
    actor.send({ type: 'lesson.completed', moduleKey: 'm2', lessonKey: 'duty', at: T0 + DAY_MS });
    expect(actor.getSnapshot().value).toEqual({ learning: 'quiz' });
    const back = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as PersistedJourney;
    actor.stop();
    expect(applyJourneyEvent(back, { type: 'quiz.graded', moduleKey: 'm2', passed: true, score: 1, at: T0 + DAY_MS + MINUTE }))
      .toMatchObject({ accepted: true, snapshot: { value: { learning: 'reading' } } });
  });

  it('refuses to reinterpret a snapshot written by another machine version', () => {
    const stored = JSON.parse(JSON.stringify(startJourney(outline)));
    stored.context.machineVersion = 0;
    expect(() => applyJourneyEvent(stored, { type: 'consent.given', at: T0 })).toThrow(/machineVersion 0/);
  });
});

describe('startJourney', () => {
  it('returns a JSON-serialisable snapshot in consent that carries its outline', () => {
    const snapshot = startJourney(outline);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot).toMatchObject({ status: 'active', value: 'consent', children: {} });
    expect(snapshot.context.outline).toEqual(outline);
    expect(snapshot.context.outline).not.toBe(outline);
  });

  it.each([
    ['no modules', { modules: [] }],
    ['a duplicate module key', { modules: [outline.modules[0]!, outline.modules[0]!] }],
    ['maxAttempts 0', { modules: [{ ...outline.modules[0]!, quiz: { key: 'q', passMark: 0.7, maxAttempts: 0 } }] }],
    ['a duplicate lesson', { modules: [{ ...outline.modules[0]!, lessonKeys: ['a', 'a'] }] }],
    ['a negative delay', { followUpDelayDays: -1 }],
    ['an empty course version id', { courseVersionId: '' }],
  ] as [string, Partial<JourneyOutline>][])('rejects an outline with %s', (_label, overrides) => {
    expect(() => startJourney(threeModuleOutline(overrides))).toThrow(JourneyOutlineError);
  });
});

// Drives the machine the way the browser does: a live actor, no React, no server.
import { createActor, type SnapshotFrom } from 'xstate';
import {
  followUpSteps,
  MINUTE,
  minuteClock,
  pathToCompletion,
  T0,
  threeModuleOutline,
} from '../test/journey-fixtures.js';
import {
  DAY_MS,
  journeyMachine,
  journeyStage,
  type JourneyEvent,
  type JourneyNotification,
  type PersistedJourney,
} from './index.js';

type Snapshot = SnapshotFrom<typeof journeyMachine>;

const outline = threeModuleOutline();

function startActor() {
  const actor = createActor(journeyMachine, { input: outline });
  actor.start();
  return actor;
}

/** Sends an event that must be accepted: can() said so beforehand. */
function sendAccepted(actor: ReturnType<typeof startActor>, event: JourneyEvent, label: string = event.type): Snapshot {
  expect({ label, can: actor.getSnapshot().can(event) }).toEqual({ label, can: true });
  actor.send(event);
  return actor.getSnapshot();
}

/** Sends an event that must be refused: can() is false and the snapshot is the very same object afterwards. */
function sendRejected(actor: ReturnType<typeof startActor>, event: JourneyEvent): void {
  const before = actor.getSnapshot();
  expect(before.can(event)).toBe(false);
  actor.send(event);
  expect(actor.getSnapshot()).toBe(before);
}

/** Runs the legal path up to (and including) the step whose label is given. */
function actorAt(label: string, now = minuteClock()) {
  const actor = startActor();
  for (const step of pathToCompletion(outline, now)) {
    sendAccepted(actor, step.event, step.label);
    if (step.label === label) return actor;
  }
  throw new Error(`no step ${label}`);
}

describe('journeyMachine: the full legal path', () => {
  it('goes consent → pre → modules in order → post → completed → followUp → done', () => {
    const now = minuteClock();
    const actor = startActor();
    expect(actor.getSnapshot().value).toBe('consent');

    const seen: unknown[] = [];
    for (const step of pathToCompletion(outline, now)) seen.push([step.label, sendAccepted(actor, step.event, step.label).value]);
    expect(seen).toEqual([
      ['consent', { preAssessment: { knowledge: 'pending', attitude: 'pending' } }],
      ['pre knowledge', { preAssessment: { knowledge: 'submitted', attitude: 'pending' } }],
      ['pre attitude', { learning: 'reading' }],
      ['m1 lesson intro', { learning: 'reading' }],
      ['m1 lesson law', { learning: 'quiz' }],
      ['m1 quiz', { learning: 'scenario' }],
      ['m1 scenario', { learning: 'reading' }],
      ['m2 lesson intro', { learning: 'reading' }],
      ['m2 lesson rights', { learning: 'reading' }],
      ['m2 lesson duty', { learning: 'quiz' }],
      ['m2 quiz', { learning: 'reading' }], // no scenario in m2: straight on to m3
      ['m3 lesson intro', { learning: 'quiz' }],
      ['m3 quiz', { learning: 'scenario' }],
      ['m3 scenario', { postAssessment: { knowledge: 'pending', attitude: 'pending', then: 'pending' } }],
      ['post knowledge', { postAssessment: { knowledge: 'submitted', attitude: 'pending', then: 'pending' } }],
      ['post attitude', { postAssessment: { knowledge: 'submitted', attitude: 'submitted', then: 'pending' } }],
      ['post then', 'completed'],
    ]);

    const completed = actor.getSnapshot();
    expect(completed.context.consentedAt).toBe(T0);
    expect(completed.context.completedAt).toBe(completed.context.post.then);
    expect(completed.context.modules.map((m) => m.completedAt !== null)).toEqual([true, true, true]);

    for (const step of followUpSteps(outline, completed.context.completedAt!)) sendAccepted(actor, step.event, step.label);
    const done = actor.getSnapshot();
    expect(done.value).toBe('done');
    expect(done.status).toBe('done');
    expect(done.context.followUpSubmittedAt).not.toBeNull();
    actor.stop();
  });

  it('accepts the pre-assessment parts in either order', () => {
    const actor = actorAt('consent');
    sendAccepted(actor, { type: 'pre.submitted', part: 'attitude', at: T0 + MINUTE });
    expect(actor.getSnapshot().value).toEqual({ preAssessment: { knowledge: 'pending', attitude: 'submitted' } });
    sendRejected(actor, { type: 'pre.submitted', part: 'attitude', at: T0 + 2 * MINUTE });
    sendAccepted(actor, { type: 'pre.submitted', part: 'knowledge', at: T0 + 3 * MINUTE });
    expect(journeyStage(actor.getSnapshot().value)).toBe('learning');
    actor.stop();
  });

  it('accepts the post-assessment parts in any order, and skips the then-test when the course has none', () => {
    const actor = actorAt('m3 scenario');
    for (const part of ['then', 'knowledge', 'attitude'] as const) sendAccepted(actor, { type: 'post.submitted', part, at: T0 + DAY_MS });
    expect(actor.getSnapshot().value).toBe('completed');
    actor.stop();

    const noThen = threeModuleOutline({ hasThenTest: false });
    const second = createActor(journeyMachine, { input: noThen }).start();
    for (const step of pathToCompletion(noThen)) second.send(step.event);
    expect(second.getSnapshot().value).toBe('completed');
    second.stop();
  });

  it('lets lessons be read in any order within the unlocked module', () => {
    const actor = actorAt('m1 scenario');
    for (const lessonKey of ['duty', 'intro', 'rights']) {
      sendAccepted(actor, { type: 'lesson.completed', moduleKey: 'm2', lessonKey, at: T0 + DAY_MS });
    }
    expect(actor.getSnapshot().value).toEqual({ learning: 'quiz' });
    expect(actor.getSnapshot().context.modules[1]!.lessonsRead).toEqual(['duty', 'intro', 'rights']);
    actor.stop();
  });
});

describe('journeyMachine: modules unlock one after another', () => {
  it('rejects module 3 (and module 2) before module 1 is done, and module 3 before module 2', () => {
    const actor = actorAt('pre attitude');
    const at = T0 + DAY_MS;
    sendRejected(actor, { type: 'lesson.completed', moduleKey: 'm2', lessonKey: 'intro', at });
    sendRejected(actor, { type: 'lesson.completed', moduleKey: 'm3', lessonKey: 'intro', at });
    actor.stop();

    const later = actorAt('m1 scenario');
    sendRejected(later, { type: 'lesson.completed', moduleKey: 'm3', lessonKey: 'intro', at });
    sendRejected(later, { type: 'quiz.graded', moduleKey: 'm3', passed: true, score: 1, at });
    sendRejected(later, { type: 'scenario.finished', moduleKey: 'm3', scenarioKey: 's3', outcome: 'good', at });
    later.stop();
  });

  it('keeps the quiz closed until every lesson is read, and the scenario until the quiz is passed', () => {
    const actor = actorAt('m1 lesson intro');
    const at = T0 + DAY_MS;
    sendRejected(actor, { type: 'quiz.graded', moduleKey: 'm1', passed: true, score: 1, at });
    sendRejected(actor, { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's1', outcome: 'good', at });
    sendAccepted(actor, { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'law', at });
    sendRejected(actor, { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's1', outcome: 'good', at });
    actor.stop();
  });

  it('requires the scenario of a module that has one before the next module unlocks', () => {
    const actor = actorAt('m1 quiz');
    sendRejected(actor, { type: 'lesson.completed', moduleKey: 'm2', lessonKey: 'intro', at: T0 + DAY_MS });
    sendRejected(actor, { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 'wrong', outcome: 'good', at: T0 + DAY_MS });
    sendAccepted(actor, { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's1', outcome: 'poor', at: T0 + DAY_MS });
    expect(actor.getSnapshot().context.modules[0]!.scenario).toEqual({ finishedAt: T0 + DAY_MS, outcome: 'poor' });
    sendAccepted(actor, { type: 'lesson.completed', moduleKey: 'm2', lessonKey: 'intro', at: T0 + DAY_MS });
    actor.stop();
  });

  it('allows re-reading a lesson already read in the current or an earlier module, without counting it twice', () => {
    const actor = actorAt('m2 lesson intro');
    const at = T0 + DAY_MS;
    sendAccepted(actor, { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'law', at });
    sendAccepted(actor, { type: 'lesson.completed', moduleKey: 'm2', lessonKey: 'intro', at: at + 1 });
    const { context, value } = actor.getSnapshot();
    expect(value).toEqual({ learning: 'reading' });
    expect(context.modules[0]!.lessonsRead).toEqual(['intro', 'law']);
    expect(context.modules[1]!.lessonsRead).toEqual(['intro']);
    expect(context.lastActivityAt).toBe(at + 1);
    actor.stop();
  });

  it('rejects a passed quiz being taken again, also while its scenario is pending', () => {
    const actor = actorAt('m1 quiz');
    sendRejected(actor, { type: 'quiz.graded', moduleKey: 'm1', passed: true, score: 1, at: T0 + DAY_MS });
    sendAccepted(actor, { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's1', outcome: 'good', at: T0 + DAY_MS });
    sendRejected(actor, { type: 'quiz.graded', moduleKey: 'm1', passed: false, score: 0, at: T0 + DAY_MS });
    sendRejected(actor, { type: 'scenario.finished', moduleKey: 'm1', scenarioKey: 's1', outcome: 'good', at: T0 + DAY_MS });
    actor.stop();
  });
});

describe('journeyMachine: quiz attempts and remediation', () => {
  const fail = (at: number): JourneyEvent => ({ type: 'quiz.graded', moduleKey: 'm2', passed: false, score: 0.4, at });
  const read = (lessonKey: string, at: number): JourneyEvent => ({ type: 'lesson.completed', moduleKey: 'm2', lessonKey, at });

  it('locks after 3 failures, unlocks 3 more attempts once every lesson is re-read, then lets a pass through', () => {
    const actor = actorAt('m2 lesson duty');
    let at = T0 + DAY_MS;
    for (let i = 0; i < 3; i++) sendAccepted(actor, fail(at++));
    expect(actor.getSnapshot().value).toEqual({ learning: 'review' });
    expect(actor.getSnapshot().context.modules[1]!.quiz).toMatchObject({ attempts: 3, attemptsThisRound: 3, passed: false });

    // Locked: a fourth attempt, even a passing one, is refused.
    sendRejected(actor, { type: 'quiz.graded', moduleKey: 'm2', passed: true, score: 1, at: at++ });

    // Re-reading counts separately from the first reads; a repeat within the review is harmless.
    sendAccepted(actor, read('rights', at++));
    sendAccepted(actor, read('rights', at++));
    sendAccepted(actor, read('intro', at++));
    expect(actor.getSnapshot().context.modules[1]!.quiz.lessonsReviewed).toEqual(['rights', 'intro']);
    expect(actor.getSnapshot().value).toEqual({ learning: 'review' });
    sendAccepted(actor, read('duty', at++));
    expect(actor.getSnapshot().value).toEqual({ learning: 'quiz' });
    expect(actor.getSnapshot().context.modules[1]!.quiz).toMatchObject({
      attempts: 3,
      attemptsThisRound: 0,
      reviewRounds: 1,
      lessonsReviewed: [],
    });
    expect(actor.getSnapshot().context.modules[1]!.lessonsRead).toEqual(['intro', 'rights', 'duty']);

    // Three more failures lock it again: never a dead end, the cycle repeats.
    for (let i = 0; i < 3; i++) sendAccepted(actor, fail(at++));
    expect(actor.getSnapshot().value).toEqual({ learning: 'review' });
    for (const lessonKey of ['intro', 'rights', 'duty']) sendAccepted(actor, read(lessonKey, at++));
    sendAccepted(actor, fail(at++));
    sendAccepted(actor, { type: 'quiz.graded', moduleKey: 'm2', passed: true, score: 0.8, at: at++ });
    expect(actor.getSnapshot().value).toEqual({ learning: 'reading' });
    expect(actor.getSnapshot().context.modules[1]!.quiz).toMatchObject({
      attempts: 8,
      attemptsThisRound: 2,
      reviewRounds: 2,
      passed: true,
      lastScore: 0.8,
      bestScore: 0.8,
    });
    actor.stop();
  });

  it('does not let reviewing another module, or an unknown lesson, count towards the review', () => {
    const actor = actorAt('m2 lesson duty');
    let at = T0 + DAY_MS;
    for (let i = 0; i < 3; i++) sendAccepted(actor, fail(at++));
    sendAccepted(actor, { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'intro', at: at++ });
    sendRejected(actor, read('nope', at++));
    expect(actor.getSnapshot().context.modules[1]!.quiz.lessonsReviewed).toEqual([]);
    actor.stop();
  });

  it('counts attempts per round for a custom maxAttempts', () => {
    const single = threeModuleOutline();
    single.modules[0]!.quiz.maxAttempts = 1;
    const actor = createActor(journeyMachine, { input: single }).start();
    for (const step of pathToCompletion(single).slice(0, 5)) actor.send(step.event);
    actor.send({ type: 'quiz.graded', moduleKey: 'm1', passed: false, score: 0, at: T0 + DAY_MS });
    expect(actor.getSnapshot().value).toEqual({ learning: 'review' });
    actor.stop();
  });
});

describe('journeyMachine: follow-up timing with an injected clock', () => {
  it('opens the follow-up exactly followUpDelayDays after completion, never before', () => {
    const actor = actorAt('post then');
    const completedAt = actor.getSnapshot().context.completedAt!;
    const opensAt = completedAt + 90 * DAY_MS;

    sendRejected(actor, { type: 'followup.submitted', at: completedAt + DAY_MS });
    sendRejected(actor, { type: 'clock.tick', at: opensAt - 1 });
    sendRejected(actor, { type: 'followup.submitted', at: opensAt - 1 });

    sendAccepted(actor, { type: 'clock.tick', at: opensAt });
    expect(actor.getSnapshot().value).toBe('followUp');
    expect(actor.getSnapshot().context.followUpOpenedAt).toBe(opensAt);
    sendRejected(actor, { type: 'clock.tick', at: opensAt + 1 }); // nothing left to open

    sendAccepted(actor, { type: 'followup.submitted', at: opensAt + DAY_MS });
    expect(actor.getSnapshot().value).toBe('done');
    expect(actor.getSnapshot().status).toBe('done');
    actor.stop();
  });

  it('accepts a follow-up submitted after the delay even when no tick came first', () => {
    const actor = actorAt('post then');
    const opensAt = actor.getSnapshot().context.completedAt! + 90 * DAY_MS;
    sendAccepted(actor, { type: 'followup.submitted', at: opensAt + 10 });
    expect(actor.getSnapshot().context).toMatchObject({ followUpOpenedAt: opensAt + 10, followUpSubmittedAt: opensAt + 10 });
    actor.stop();
  });

  it('with a delay of 0 days opens at completion', () => {
    const zero = threeModuleOutline({ followUpDelayDays: 0 });
    const actor = createActor(journeyMachine, { input: zero }).start();
    for (const step of pathToCompletion(zero)) actor.send(step.event);
    const completedAt = actor.getSnapshot().context.completedAt!;
    sendRejected(actor, { type: 'clock.tick', at: completedAt - 1 });
    sendAccepted(actor, { type: 'clock.tick', at: completedAt });
    actor.stop();
  });
});

describe('journeyMachine: withdrawal', () => {
  const labels = ['(start)', 'consent', 'pre knowledge', 'm1 lesson intro', 'm1 lesson law', 'm1 quiz', 'm3 scenario', 'post then'];

  it.each(labels)('is possible after "%s" and ends in the final withdrawn state', (label) => {
    const actor = label === '(start)' ? startActor() : actorAt(label);
    const from = journeyStage(actor.getSnapshot().value);
    sendAccepted(actor, { type: 'consent.withdrawn', at: T0 + 7 * DAY_MS });
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('withdrawn');
    expect(snapshot.status).toBe('done');
    expect(snapshot.context).toMatchObject({ withdrawnAt: T0 + 7 * DAY_MS, withdrawnFrom: from });
    actor.stop();
  });

  it('is possible from the review state and from followUp', () => {
    const review = actorAt('m1 lesson law');
    for (let i = 0; i < 3; i++) review.send({ type: 'quiz.graded', moduleKey: 'm1', passed: false, score: 0, at: T0 + i });
    expect(review.getSnapshot().value).toEqual({ learning: 'review' });
    sendAccepted(review, { type: 'consent.withdrawn', at: T0 + DAY_MS });
    review.stop();

    const follow = actorAt('post then');
    follow.send({ type: 'clock.tick', at: follow.getSnapshot().context.completedAt! + 90 * DAY_MS });
    expect(follow.getSnapshot().value).toBe('followUp');
    sendAccepted(follow, { type: 'consent.withdrawn', at: T0 + 100 * DAY_MS });
    expect(follow.getSnapshot().context.withdrawnFrom).toBe('followUp');
    follow.stop();
  });

  it('is not possible from the final states', () => {
    const withdrawn = startActor();
    withdrawn.send({ type: 'consent.withdrawn', at: T0 });
    expect(withdrawn.getSnapshot().can({ type: 'consent.withdrawn', at: T0 + 1 })).toBe(false);
    expect(withdrawn.getSnapshot().can({ type: 'consent.given', at: T0 + 1 })).toBe(false);
    withdrawn.stop();

    const done = actorAt('post then');
    const completedAt = done.getSnapshot().context.completedAt!;
    done.send({ type: 'followup.submitted', at: completedAt + 90 * DAY_MS });
    expect(done.getSnapshot().value).toBe('done');
    expect(done.getSnapshot().can({ type: 'consent.withdrawn', at: completedAt + 91 * DAY_MS })).toBe(false);
    done.stop();
  });
});

describe('journeyMachine: persistence', () => {
  it('continues identically after getPersistedSnapshot → JSON → createActor({ snapshot }) at every step', () => {
    const steps = pathToCompletion(outline);
    const straight = startActor();
    for (const step of steps) straight.send(step.event);

    let stored = JSON.stringify(createActor(journeyMachine, { input: outline }).getPersistedSnapshot());
    for (const step of steps) {
      // The input is ignored when a snapshot is given; the outline travels inside the context.
      const actor = createActor(journeyMachine, { snapshot: JSON.parse(stored), input: outline }).start();
      expect(actor.getSnapshot().can(step.event)).toBe(true);
      actor.send(step.event);
      stored = JSON.stringify(actor.getPersistedSnapshot());
      actor.stop();
    }
    const restored = createActor(journeyMachine, { snapshot: JSON.parse(stored), input: outline });
    expect(restored.getSnapshot().value).toEqual(straight.getSnapshot().value);
    expect(restored.getSnapshot().context).toEqual(straight.getSnapshot().context);
    straight.stop();
  });

  it('keeps rejecting what it rejected before the round trip', () => {
    const actor = actorAt('m1 quiz');
    const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as PersistedJourney;
    const restored = createActor(journeyMachine, { snapshot: stored, input: stored.context.outline }).start();
    const quizAgain: JourneyEvent = { type: 'quiz.graded', moduleKey: 'm1', passed: true, score: 1, at: T0 + DAY_MS };
    expect(actor.getSnapshot().can(quizAgain)).toBe(false);
    expect(restored.getSnapshot().can(quizAgain)).toBe(false);
    actor.stop();
    restored.stop();
  });
});

describe('journeyMachine: side effects', () => {
  it('has none by default and reports notifications through a provided notify action', () => {
    const notifications: JourneyNotification[] = [];
    const machine = journeyMachine.provide({ actions: { notify: (_, notification) => void notifications.push(notification) } });
    const actor = createActor(machine, { input: outline }).start();
    const steps = pathToCompletion(outline);
    for (const step of steps.slice(0, 10)) actor.send(step.event); // through m2's last lesson
    for (let i = 0; i < 3; i++) actor.send({ type: 'quiz.graded', moduleKey: 'm2', passed: false, score: 0, at: T0 + DAY_MS });
    actor.stop();
    expect(steps[9]!.label).toBe('m2 lesson duty');
    expect(notifications).toEqual([
      { kind: 'stage.entered', stage: 'preAssessment' },
      { kind: 'stage.entered', stage: 'learning' },
      { kind: 'module.completed', moduleKey: 'm1' },
      { kind: 'quiz.lockedForReview', moduleKey: 'm2' },
    ]);
  });
});

import { createActor } from 'xstate';
import {
  applyAll,
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
  describeJourney,
  journeyMachine,
  startJourney,
  type JourneyEvent,
  type JourneyView,
  type NextStep,
  type PersistedJourney,
} from './index.js';

const outline = threeModuleOutline();
const path = pathToCompletion(outline);
const after = (label: string): PersistedJourney =>
  applyAll(startJourney(outline), path.slice(0, path.findIndex((step) => step.label === label) + 1));

/** The event a learner following the UI's nextStep would cause; quizzes fail while `failQuiz` says so. */
function eventFor(step: NextStep, at: number, failQuiz: (moduleKey: string) => boolean): JourneyEvent {
  switch (step.kind) {
    case 'consent':
      return { type: 'consent.given', at };
    case 'preAssessment':
      return { type: 'pre.submitted', part: step.part, at };
    case 'lesson':
    case 'review':
      return { type: 'lesson.completed', moduleKey: step.moduleKey, lessonKey: step.lessonKey, at };
    case 'quiz': {
      const passed = !failQuiz(step.moduleKey);
      return { type: 'quiz.graded', moduleKey: step.moduleKey, passed, score: passed ? 0.9 : 0.2, at };
    }
    case 'scenario':
      return { type: 'scenario.finished', moduleKey: step.moduleKey, scenarioKey: step.scenarioKey, outcome: 'good', at };
    case 'postAssessment':
      return { type: 'post.submitted', part: step.part, at };
    case 'waitFollowUp':
      return { type: 'clock.tick', at: step.opensAt };
    case 'followUp':
      return { type: 'followup.submitted', at };
    case 'done':
    case 'withdrawn':
      throw new Error(`nothing to do at ${step.kind}`);
  }
}

describe('describeJourney: nextStep', () => {
  it('leads a learner who only follows it from consent to done, through a review, with every step accepted', () => {
    let clock = T0; // the server's clock: a minute per step, jumping to the tick when the learner waits
    let m2Failures = 0;
    const failQuiz = (moduleKey: string) => moduleKey === 'm2' && m2Failures++ < 3;
    let snapshot = startJourney(outline);
    const kinds: string[] = [];
    for (let guard = 0; guard < 100; guard++) {
      const view = describeJourney(snapshot);
      kinds.push(view.nextStep.kind);
      if (view.nextStep.kind === 'done') break;
      const event = eventFor(view.nextStep, (clock += MINUTE), failQuiz);
      clock = Math.max(clock, event.at);
      const result = applyJourneyEvent(snapshot, event);
      expect({ step: view.nextStep, accepted: result.accepted }).toEqual({ step: view.nextStep, accepted: true });
      snapshot = result.snapshot;
    }
    expect(snapshot.value).toBe('done');
    const compact = kinds.filter((kind, i) => kind !== kinds[i - 1]);
    expect(compact).toEqual([
      'consent',
      'preAssessment',
      'lesson', 'quiz', 'scenario', // m1
      'lesson', 'quiz', 'review', 'quiz', // m2: three failures, a review, then a pass
      'lesson', 'quiz', 'scenario', // m3
      'postAssessment',
      'waitFollowUp',
      'followUp',
      'done',
    ]);
  });

  it('names the exact item to do next', () => {
    expect(describeJourney(after('consent')).nextStep).toEqual({ kind: 'preAssessment', part: 'knowledge' });
    expect(describeJourney(after('m1 lesson intro')).nextStep).toEqual({ kind: 'lesson', moduleKey: 'm1', lessonKey: 'law' });
    expect(describeJourney(after('m1 lesson law')).nextStep).toEqual({ kind: 'quiz', moduleKey: 'm1', attemptsLeft: 3 });
    expect(describeJourney(after('m1 quiz')).nextStep).toEqual({ kind: 'scenario', moduleKey: 'm1', scenarioKey: 's1' });
    expect(describeJourney(after('post attitude')).nextStep).toEqual({ kind: 'postAssessment', part: 'then' });
    const completed = after('post then');
    expect(describeJourney(completed).nextStep).toEqual({
      kind: 'waitFollowUp',
      opensAt: completed.context.completedAt! + 90 * DAY_MS,
    });
  });
});

describe('describeJourney: percentComplete', () => {
  it('is 0 at the start, rises at every step of the legal path, is 100 at completion and stays there', () => {
    let snapshot = startJourney(outline);
    const percents = [describeJourney(snapshot).percentComplete];
    for (const step of path) {
      snapshot = applyAll(snapshot, [step]);
      percents.push(describeJourney(snapshot).percentComplete);
    }
    expect(percents[0]).toBe(0);
    percents.slice(1).forEach((percent, i) => expect(percent).toBeGreaterThan(percents[i]!));
    expect(percents.at(-1)).toBe(100);
    expect(percents.slice(0, -1).every((percent) => percent < 100)).toBe(true);
    for (const step of followUpSteps(outline, snapshot.context.completedAt!)) {
      snapshot = applyAll(snapshot, [step]);
      expect(describeJourney(snapshot).percentComplete).toBe(100);
    }
  });

  it('never goes down through failures, reviews and re-reads', () => {
    const fail: Step = { label: 'fail', event: { type: 'quiz.graded', moduleKey: 'm2', passed: false, score: 0, at: T0 + DAY_MS } };
    const read = (lessonKey: string): Step => ({
      label: `re-read ${lessonKey}`,
      event: { type: 'lesson.completed', moduleKey: 'm2', lessonKey, at: T0 + DAY_MS },
    });
    let snapshot = after('m2 lesson duty');
    let last = describeJourney(snapshot).percentComplete;
    for (const step of [fail, fail, read('intro'), fail, read('intro'), read('rights'), read('duty'), fail]) {
      snapshot = applyAll(snapshot, [step]);
      const percent = describeJourney(snapshot).percentComplete;
      expect(percent).toBe(last); // none of these is progress
      last = percent;
    }
  });

  it('reaches 100 without a then-test when the course has none', () => {
    const noThen = threeModuleOutline({ hasThenTest: false });
    const snapshot = applyAll(startJourney(noThen), pathToCompletion(noThen));
    const view = describeJourney(snapshot);
    expect(view.percentComplete).toBe(100);
    expect(view.post).toEqual({ done: ['knowledge', 'attitude'], pending: [] });
  });
});

describe('describeJourney: modules and stages', () => {
  it('shows the first unfinished module as available and the later ones locked', () => {
    const view = describeJourney(after('m2 lesson rights'));
    expect(view.stage).toBe('learning');
    expect(view.currentModuleKey).toBe('m2');
    expect(view.modules.map((m) => [m.key, m.status])).toEqual([
      ['m1', 'done'],
      ['m2', 'available'],
      ['m3', 'locked'],
    ]);
    expect(view.modules[0]).toMatchObject({ scenarioKey: 's1', scenarioDone: true, quiz: { passed: true, attempts: 1 } });
    expect(view.modules[1]).toMatchObject({
      lessonsRead: ['intro', 'rights'],
      lessonCount: 3,
      scenarioDone: null,
      quiz: { attempts: 0, attemptsLeft: 3, passed: false, lockedForReview: false, lessonsToReview: [] },
    });
  });

  it('shows every module locked before learning starts', () => {
    const view = describeJourney(after('pre knowledge'));
    expect(view).toMatchObject({ stage: 'preAssessment', currentModuleKey: null, pre: { done: ['knowledge'], pending: ['attitude'] } });
    expect(view.modules.every((m) => m.status === 'locked')).toBe(true);
  });

  it('shows the review state of a locked quiz', () => {
    const fail = (i: number): Step => ({
      label: `fail ${i}`,
      event: { type: 'quiz.graded', moduleKey: 'm1', passed: false, score: 0.5, at: T0 + DAY_MS + i },
    });
    const locked = applyAll(after('m1 lesson law'), [fail(1), fail(2), fail(3)]);
    expect(describeJourney(locked).modules[0]!.quiz).toEqual({
      attempts: 3,
      attemptsLeft: 0,
      passed: false,
      bestScore: 0.5,
      lockedForReview: true,
      lessonsToReview: ['intro', 'law'],
    });
    const halfway = applyAll(locked, [
      { label: 'review law', event: { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'law', at: T0 + 2 * DAY_MS } },
    ]);
    const view = describeJourney(halfway);
    expect(view.modules[0]!.quiz.lessonsToReview).toEqual(['intro']);
    expect(view.nextStep).toEqual({ kind: 'review', moduleKey: 'm1', lessonKey: 'intro' });
  });

  it('keeps the progress of a withdrawn learner for the roster but offers nothing', () => {
    const before = after('m1 quiz');
    const withdrawn = applyAll(before, [{ label: 'withdraw', event: { type: 'consent.withdrawn', at: T0 + DAY_MS } }]);
    const view = describeJourney(withdrawn);
    expect(view).toMatchObject({
      stage: 'withdrawn',
      nextStep: { kind: 'withdrawn' },
      withdrawnAt: T0 + DAY_MS,
      currentModuleKey: null,
      certificateAvailable: false,
      percentComplete: describeJourney(before).percentComplete,
    });
    expect(view.modules.map((m) => m.status)).toEqual(['locked', 'locked', 'locked']);
  });

  it('reports completion, the certificate and when the follow-up opens', () => {
    const completed = after('post then');
    const view: JourneyView = describeJourney(completed);
    expect(view).toMatchObject({
      stage: 'completed',
      courseVersionId: 'gbv-response@3',
      completedAt: completed.context.post.then,
      followUpOpensAt: completed.context.post.then! + 90 * DAY_MS,
      certificateAvailable: true,
      post: { done: ['knowledge', 'attitude', 'then'], pending: [] },
    });
    expect(view.modules.every((m) => m.status === 'done')).toBe(true);
  });

  it('describes a live actor snapshot the same as its persisted form', () => {
    const actor = createActor(journeyMachine, { input: outline }).start();
    for (const step of path.slice(0, 8)) actor.send(step.event);
    expect(describeJourney(actor.getSnapshot())).toEqual(describeJourney(actor.getPersistedSnapshot() as PersistedJourney));
    actor.stop();
  });
});

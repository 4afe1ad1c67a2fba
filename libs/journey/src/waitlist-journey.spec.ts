// A study's waitlist cohort: the baseline when enrolled, a wait until the study's date, the baseline again (the
// ordinary pre-assessment), then the course. Driven through an actor, as the browser does, and through
// applyJourneyEvent, as the server does: one machine, one answer.
import { createActor } from 'xstate';
import { applyAll, pathToCompletion, T0, threeModuleOutline } from '../test/journey-fixtures.js';
import {
  applyJourneyEvent,
  DAY_MS,
  describeJourney,
  journeyMachine,
  startJourney,
  whyNot,
  withWaitlistSchedule,
  type JourneyEvent,
} from './index.js';

const outline = threeModuleOutline();
const SECOND = T0 + 14 * DAY_MS;

describe('waitlist journey', () => {
  it('runs baseline → waiting → second baseline → learning in an actor, refusing the course while waiting', () => {
    const actor = createActor(journeyMachine, { input: outline }).start();
    actor.send({ type: 'waitlist.scheduled', secondBaselineAt: SECOND, at: T0 });
    actor.send({ type: 'consent.given', at: T0 + 1 });
    expect(actor.getSnapshot().value).toEqual({ baseline: { knowledge: 'pending', attitude: 'pending' } });
    actor.send({ type: 'pre.submitted', part: 'attitude', at: T0 + 2 });
    actor.send({ type: 'pre.submitted', part: 'knowledge', at: T0 + 3 });
    expect(actor.getSnapshot().value).toBe('waiting');
    expect(actor.getSnapshot().context.waitlist!.baseline).toEqual({ knowledge: T0 + 3, attitude: T0 + 2 });
    expect(actor.getSnapshot().context.pre).toEqual({ knowledge: null, attitude: null });
    // Not before the date: neither the pre-assessment nor a lesson.
    const early: JourneyEvent = { type: 'pre.submitted', part: 'knowledge', at: SECOND - 1 };
    expect(actor.getSnapshot().can(early)).toBe(false);
    expect(whyNot(actor.getSnapshot(), early)).toBe('SECOND_BASELINE_NOT_OPEN');
    expect(whyNot(actor.getSnapshot(), { type: 'clock.tick', at: SECOND - 1 })).toBe('SECOND_BASELINE_NOT_OPEN');
    expect(whyNot(actor.getSnapshot(), { type: 'lesson.completed', moduleKey: 'm1', lessonKey: 'intro', at: SECOND })).toBe('MODULE_LOCKED');
    actor.send({ type: 'clock.tick', at: SECOND });
    expect(actor.getSnapshot().value).toEqual({ preAssessment: { knowledge: 'pending', attitude: 'pending' } });
    actor.send({ type: 'pre.submitted', part: 'knowledge', at: SECOND + 1 });
    actor.send({ type: 'pre.submitted', part: 'attitude', at: SECOND + 2 });
    expect(actor.getSnapshot().value).toEqual({ learning: 'reading' });
    expect(actor.getSnapshot().context.waitlist).toEqual({
      secondBaselineAt: SECOND, baseline: { knowledge: T0 + 3, attitude: T0 + 2 }, secondBaselineOpenedAt: SECOND,
    });
    actor.stop();
  });

  it('gives the server the same answers (applyJourneyEvent) and describes each step for the learner', () => {
    let journey = withWaitlistSchedule(startJourney(outline), SECOND, T0);
    const steps: JourneyEvent[] = [
      { type: 'consent.given', at: T0 + 1 },
      { type: 'pre.submitted', part: 'knowledge', at: T0 + 2 },
    ];
    for (const event of steps) journey = applyJourneyEvent(journey, event).snapshot;
    expect(describeJourney(journey)).toMatchObject({
      stage: 'baseline', pre: { done: ['knowledge'], pending: ['attitude'] },
      nextStep: { kind: 'preAssessment', part: 'attitude', waitlistRound: 'first' },
      waitlist: { secondBaselineAt: SECOND, baselineDone: false, secondBaselineOpenedAt: null },
    });
    expect(applyJourneyEvent(journey, { type: 'pre.submitted', part: 'knowledge', at: T0 + 3 })).toMatchObject({ accepted: false, reason: 'ALREADY_SUBMITTED' });
    journey = applyJourneyEvent(journey, { type: 'pre.submitted', part: 'attitude', at: T0 + 3 }).snapshot;
    expect(describeJourney(journey).nextStep).toEqual({ kind: 'waitSecondBaseline', opensAt: SECOND });
    // The evaluator opens the second baseline early: a new date, then the next tick opens it.
    journey = withWaitlistSchedule(journey, T0 + 5 * DAY_MS, T0 + 5 * DAY_MS);
    journey = applyJourneyEvent(journey, { type: 'clock.tick', at: T0 + 5 * DAY_MS }).snapshot;
    expect(describeJourney(journey)).toMatchObject({ stage: 'preAssessment', nextStep: { kind: 'preAssessment', part: 'knowledge', waitlistRound: 'second' } });
    // Once open, the date no longer moves.
    expect(withWaitlistSchedule(journey, SECOND, T0 + 6 * DAY_MS)).toBe(journey);
  });

  it('lets only a learner who has answered nothing join, and only while the date is ahead', () => {
    const path = pathToCompletion(outline);
    const afterConsent = applyAll(startJourney(outline), path.slice(0, 1));
    const joined = withWaitlistSchedule(afterConsent, SECOND, T0 + 10);
    expect(describeJourney(joined).stage).toBe('baseline');
    const started = applyAll(startJourney(outline), path.slice(0, 2));
    expect(withWaitlistSchedule(started, SECOND, T0 + 10)).toBe(started);
    const fresh = startJourney(outline);
    expect(withWaitlistSchedule(fresh, SECOND, SECOND)).toBe(fresh);
    // A learner not on a waitlist goes straight to the pre-assessment, as before.
    expect(describeJourney(applyAll(fresh, path.slice(0, 1))).stage).toBe('preAssessment');
  });

  it('accepts a withdrawal while waiting, and then nothing else', () => {
    let journey = withWaitlistSchedule(startJourney(outline), SECOND, T0);
    for (const event of [
      { type: 'consent.given', at: T0 + 1 },
      { type: 'pre.submitted', part: 'knowledge', at: T0 + 2 },
      { type: 'pre.submitted', part: 'attitude', at: T0 + 3 },
      { type: 'consent.withdrawn', at: T0 + 4 },
    ] as JourneyEvent[]) journey = applyJourneyEvent(journey, event).snapshot;
    expect(journey.context.withdrawnFrom).toBe('waiting');
    expect(applyJourneyEvent(journey, { type: 'clock.tick', at: SECOND }).accepted).toBe(false);
    expect(withWaitlistSchedule(journey, SECOND + DAY_MS, SECOND)).toBe(journey);
  });
});

// A trainer changes the cohort's follow-up delay: learners who have not reached the follow-up follow the new date,
// learners already asked keep theirs, and stored snapshots written before the event existed still load.
import { applyAll, followUpSteps, pathToCompletion, T0, threeModuleOutline } from '../test/journey-fixtures.js';
import {
  applyJourneyEvent,
  DAY_MS,
  describeJourney,
  restoreJourney,
  startJourney,
  toPersisted,
  withCohortFollowUpDelay,
  type PersistedJourney,
} from './index.js';

const outline = threeModuleOutline(); // 90 days
const path = pathToCompletion(outline);
const completed = applyAll(startJourney(outline), path);
const completedAt = completed.context.completedAt!;

describe('followup.rescheduled', () => {
  it('moves the follow-up date of a completed journey and opens it on the new date', () => {
    const moved = withCohortFollowUpDelay(completed, 30, completedAt + DAY_MS);
    expect(describeJourney(moved).followUpOpensAt).toBe(completedAt + 30 * DAY_MS);
    expect(applyJourneyEvent(moved, { type: 'clock.tick', at: completedAt + 30 * DAY_MS - 1 }).accepted).toBe(false);
    expect(applyJourneyEvent(moved, { type: 'clock.tick', at: completedAt + 30 * DAY_MS })).toMatchObject({ accepted: true, snapshot: { value: 'followUp' } });
    // The old date no longer holds.
    expect(applyJourneyEvent(completed, { type: 'clock.tick', at: completedAt + 30 * DAY_MS }).accepted).toBe(false);
  });

  it('is carried through the rest of the course when it comes early, and is not learner activity', () => {
    let journey = applyAll(startJourney(outline), path.slice(0, 5));
    const before = journey.context.lastActivityAt;
    journey = withCohortFollowUpDelay(journey, 14, T0 + 3 * DAY_MS);
    expect(journey.context.lastActivityAt).toBe(before);
    expect(journey.value).toEqual(applyAll(startJourney(outline), path.slice(0, 5)).value);
    journey = applyAll(journey, path.slice(5));
    expect(describeJourney(journey).followUpOpensAt).toBe(journey.context.completedAt! + 14 * DAY_MS);
  });

  it('leaves a journey whose follow-up is open, answered or withdrawn as it is (same object)', () => {
    const [tick, answer] = followUpSteps(outline, completedAt);
    const open = applyAll(completed, [tick!]);
    const done = applyAll(open, [answer!]);
    const withdrawn = applyAll(completed, [{ label: 'withdraw', event: { type: 'consent.withdrawn', at: completedAt + DAY_MS } }]);
    for (const journey of [open, done, withdrawn]) expect(withCohortFollowUpDelay(journey, 10, completedAt + 100 * DAY_MS)).toBe(journey);
    expect(describeJourney(open).followUpOpensAt).toBe(completedAt + 90 * DAY_MS);
  });

  it('also covers a completed journey whose new date has already passed: the next tick opens it', () => {
    const moved = withCohortFollowUpDelay(completed, 0, completedAt + 5 * DAY_MS);
    expect(applyJourneyEvent(moved, { type: 'clock.tick', at: completedAt + 5 * DAY_MS })).toMatchObject({ accepted: true });
  });

  it('restores a snapshot stored before rescheduling existed and persists the same state value', () => {
    const stored = JSON.parse(JSON.stringify(completed)) as PersistedJourney;
    const moved = withCohortFollowUpDelay(stored, 45, completedAt);
    expect(moved.value).toBe('completed');
    expect(toPersisted(restoreJourney(moved))).toEqual(moved);
    expect(moved.context.machineVersion).toBe(stored.context.machineVersion);
  });
});

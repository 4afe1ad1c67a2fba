import { type PersistedJourney, applyJourneyEvent, describeJourney, journeyStage } from '#journey';
import { currentJourney } from '../journey/submission.service.js';

/**
 * baseline: on the waitlist, first baseline not (fully) taken; waiting: taken, second baseline ahead; due: its date has
 * come, not answered yet; answered: second baseline taken; withdrawn: left. null: not on a study's waitlist.
 */
export type WaitlistStatus = 'baseline' | 'waiting' | 'due' | 'answered' | 'withdrawn';

export interface WaitlistStanding {
  status: WaitlistStatus;
  /** When the second baseline opens (epoch ms). */
  dueAt: number;
}

/** Asked of the journey machine under the cohort's current settings (study date included) at `now`: no date rule here. */
export function waitlistStanding(
  stored: PersistedJourney | null, cohort: { follow_up_days: number; waitlist_at: Date | null }, now: number,
): WaitlistStanding | null {
  if (!stored || cohort.waitlist_at === null) return null;
  let journey = currentJourney(stored, cohort, now);
  if (journeyStage(journey.value) === 'waiting') {
    const tick = applyJourneyEvent(journey, { type: 'clock.tick', at: now });
    if (tick.accepted) journey = tick.snapshot;
  }
  const view = describeJourney(journey);
  if (view.waitlist === null) return null;
  const dueAt = view.waitlist.secondBaselineAt;
  switch (view.stage) {
    case 'withdrawn':
      return { status: 'withdrawn', dueAt };
    case 'consent':
    case 'baseline':
      return { status: 'baseline', dueAt };
    case 'waiting':
      return { status: 'waiting', dueAt };
    case 'preAssessment':
      return { status: 'due', dueAt };
    default:
      return { status: 'answered', dueAt };
  }
}

import { type PersistedJourney, applyJourneyEvent, describeJourney, withCohortFollowUpDelay } from '#journey';

/**
 * in_course: not completed yet (the date is set on completion); waiting: completed, follow-up opens on dueAt;
 * due: open now, not answered; answered: done; withdrawn: left the course.
 */
export const FOLLOW_UP_STATUSES = ['in_course', 'waiting', 'due', 'answered', 'withdrawn'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export interface FollowUpStanding {
  status: FollowUpStatus;
  /** When the follow-up opens (epoch ms) under the cohort's current delay; null before completion. */
  dueAt: number | null;
}

/**
 * Where one learner stands with the follow-up, asked of the journey machine (libs/journey) under the cohort's current
 * delay: the date it gives, and whether a tick now would open it. No date rule of its own.
 */
export function followUpStanding(stored: PersistedJourney | null, cohortDays: number, now: number): FollowUpStanding {
  if (!stored) return { status: 'in_course', dueAt: null };
  const journey = withCohortFollowUpDelay(stored, cohortDays, now);
  const view = describeJourney(journey);
  const dueAt = view.followUpOpensAt;
  switch (view.stage) {
    case 'withdrawn':
      return { status: 'withdrawn', dueAt: null };
    case 'done':
      return { status: 'answered', dueAt };
    case 'followUp':
      return { status: 'due', dueAt };
    case 'completed':
      return { status: applyJourneyEvent(journey, { type: 'clock.tick', at: now }).accepted ? 'due' : 'waiting', dueAt };
    default:
      return { status: 'in_course', dueAt: null };
  }
}

/** The learner's own follow-up page: they sign in as usual (the link carries no credential). */
export const followUpLink = (baseUrl: string, enrolmentId: string) => `${baseUrl.replace(/\/+$/, '')}/learn/${enrolmentId}/follow-up`;

/** Dates in mails, CSVs and outbox keys are Peru's calendar day (the programme's learners are there). */
export const FOLLOW_UP_TIME_ZONE = 'America/Lima';
export const calendarDay = (at: number) => new Date(at).toLocaleDateString('en-CA', { timeZone: FOLLOW_UP_TIME_ZONE });

// The server's (and the browser's) one way to move a stored journey forward: restore → can? → pure transition →
// persist. No actor is created, so nothing can leak, and the default machine runs no side effects.
import {
  journeyStage,
  restoreJourney,
  toPersisted,
  type LiveJourneySnapshot,
  type PersistedJourney,
} from './journey-persistence.js';
import {
  allLessonsRead,
  attemptsExhausted,
  hasLesson,
  isModuleUnlocked,
  isValidFollowUpDelay,
  moduleIndex,
} from './journey-progress.js';
import { pureTransition } from './pure-transition.js';
import {
  JOURNEY_EVENT_TYPES,
  POST_PARTS,
  PRE_PARTS,
  SCENARIO_OUTCOMES,
  type JourneyEvent,
  type JourneyNotification,
  type RejectionCode,
} from './journey-types.js';

export type ApplyJourneyEventResult =
  | { accepted: true; snapshot: PersistedJourney; notifications: JourneyNotification[] }
  | { accepted: false; reason: RejectionCode; snapshot: PersistedJourney };

const isString = (value: unknown): value is string => typeof value === 'string';
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  (values as readonly unknown[]).includes(value);

/**
 * Shape check for events assembled from request data. The machine trusts its types; this is where a NaN `at` or a
 * missing moduleKey is stopped before it could be stored.
 */
export function isJourneyEvent(value: unknown): value is JourneyEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  if (!isOneOf(JOURNEY_EVENT_TYPES, event.type) || !isFiniteNumber(event.at)) return false;
  switch (event.type) {
    case 'pre.submitted':
      return isOneOf(PRE_PARTS, event.part);
    case 'post.submitted':
      return isOneOf(POST_PARTS, event.part);
    case 'lesson.completed':
      return isString(event.moduleKey) && isString(event.lessonKey);
    case 'quiz.graded':
      return isString(event.moduleKey) && typeof event.passed === 'boolean' && isFiniteNumber(event.score);
    case 'scenario.finished':
      return isString(event.moduleKey) && isString(event.scenarioKey) && isOneOf(SCENARIO_OUTCOMES, event.outcome);
    case 'followup.rescheduled':
      return isValidFollowUpDelay(event.delayDays);
    case 'waitlist.scheduled':
      return isFiniteNumber(event.secondBaselineAt);
    default:
      return true;
  }
}

/**
 * Why the machine refused `event`. Only meaningful when `snapshot.can(event)` is false: it inspects the context to
 * name the most useful reason, from the most specific (unknown item, already done) to the generic.
 */
export function rejectionReason(snapshot: LiveJourneySnapshot, event: JourneyEvent): RejectionCode {
  const { context } = snapshot;
  const stage = journeyStage(snapshot.value);
  if (stage === 'withdrawn') return 'WITHDRAWN';
  const beforeLearning = stage === 'consent' || stage === 'baseline' || stage === 'waiting' || stage === 'preAssessment';

  switch (event.type) {
    case 'consent.given':
      return context.consentedAt !== null ? 'ALREADY_SUBMITTED' : 'EVENT_NOT_ALLOWED';

    case 'pre.submitted':
      if (stage === 'baseline') return context.waitlist?.baseline[event.part] != null ? 'ALREADY_SUBMITTED' : 'EVENT_NOT_ALLOWED';
      if (stage === 'waiting') return 'SECOND_BASELINE_NOT_OPEN';
      return context.pre[event.part] !== null ? 'ALREADY_SUBMITTED' : 'EVENT_NOT_ALLOWED';

    case 'lesson.completed':
      if (!hasLesson(context, event.moduleKey, event.lessonKey)) return 'UNKNOWN_ITEM';
      if (beforeLearning || (stage === 'learning' && !isModuleUnlocked(context, event.moduleKey))) {
        return 'MODULE_LOCKED';
      }
      return 'EVENT_NOT_ALLOWED';

    case 'quiz.graded': {
      const index = moduleIndex(context, event.moduleKey);
      if (index === -1) return 'UNKNOWN_ITEM';
      const outline = context.outline.modules[index]!;
      const progress = context.modules[index]!;
      if (progress.quiz.passed) return 'QUIZ_ALREADY_PASSED';
      if (beforeLearning || !isModuleUnlocked(context, event.moduleKey)) return 'MODULE_LOCKED';
      if (stage === 'learning' && !allLessonsRead(outline, progress)) return 'LESSONS_NOT_READ';
      if (stage === 'learning' && attemptsExhausted(outline, progress.quiz)) return 'QUIZ_ATTEMPTS_EXHAUSTED';
      return 'EVENT_NOT_ALLOWED';
    }

    case 'scenario.finished': {
      const index = moduleIndex(context, event.moduleKey);
      if (index === -1 || context.outline.modules[index]!.scenarioKey !== event.scenarioKey) return 'UNKNOWN_ITEM';
      const progress = context.modules[index]!;
      if (progress.scenario !== null) return 'ALREADY_SUBMITTED';
      if (beforeLearning || !isModuleUnlocked(context, event.moduleKey)) return 'MODULE_LOCKED';
      if (!progress.quiz.passed) return 'QUIZ_NOT_PASSED';
      return 'EVENT_NOT_ALLOWED';
    }

    case 'post.submitted':
      if (event.part === 'then' && !context.outline.hasThenTest) return 'UNKNOWN_ITEM';
      return context.post[event.part] !== null ? 'ALREADY_SUBMITTED' : 'EVENT_NOT_ALLOWED';

    case 'clock.tick':
      if (stage === 'waiting') return 'SECOND_BASELINE_NOT_OPEN';
      return stage === 'completed' ? 'FOLLOW_UP_NOT_OPEN' : 'EVENT_NOT_ALLOWED';

    case 'followup.submitted':
      if (context.followUpSubmittedAt !== null) return 'ALREADY_SUBMITTED';
      return stage === 'completed' || stage === 'followUp' ? 'FOLLOW_UP_NOT_OPEN' : 'EVENT_NOT_ALLOWED';

    case 'followup.rescheduled':
      // The follow-up already opened (its date stays), or the delay is the same.
      return 'EVENT_NOT_ALLOWED';

    case 'consent.withdrawn':
      // Accepted in every non-final state, so only `done` gets here.
      return 'EVENT_NOT_ALLOWED';

    case 'waitlist.scheduled':
      // Too late to join (something answered, or the date passed), the wait is over, or the date is the same.
      return 'EVENT_NOT_ALLOWED';
  }
}

const isLive = (journey: PersistedJourney | LiveJourneySnapshot): journey is LiveJourneySnapshot =>
  typeof (journey as { can?: unknown }).can === 'function';

/**
 * "May I?": null when the machine accepts `event` in this journey, otherwise the code the API answers 409 with.
 * The one question the server asks before it stores anything and the browser asks before it offers or moves.
 */
export function whyNot(journey: PersistedJourney | LiveJourneySnapshot, event: JourneyEvent): RejectionCode | null {
  if (!isJourneyEvent(event)) return 'INVALID_EVENT';
  const live = isLive(journey) ? journey : restoreJourney(journey);
  return live.status === 'active' && live.can(event) ? null : rejectionReason(live, event);
}

/**
 * The journey as it stands under the cohort's current follow-up delay: rescheduled when its follow-up has not opened
 * yet (the machine decides), else unchanged (same object). What every reader of a stored journey calls, so a trainer's
 * change reaches learners already enrolled without rewriting their rows first.
 */
export function withCohortFollowUpDelay(persisted: PersistedJourney, delayDays: number, at: number): PersistedJourney {
  // The same delay is never a reschedule (canReschedule): every submission asks, so it is answered without the machine.
  if (persisted.context.outline.followUpDelayDays === delayDays) return persisted;
  const result = applyJourneyEvent(persisted, { type: 'followup.rescheduled', delayDays, at });
  return result.accepted ? result.snapshot : persisted;
}

/**
 * The journey as it stands under its cohort's study: a waitlist cohort's learners get (or keep current) the study's
 * second-baseline date while the machine accepts it; otherwise unchanged (same object). null: no waitlist.
 */
export function withWaitlistSchedule(persisted: PersistedJourney, secondBaselineAt: number | null, at: number): PersistedJourney {
  if (secondBaselineAt === null) return persisted;
  const result = applyJourneyEvent(persisted, { type: 'waitlist.scheduled', secondBaselineAt, at });
  return result.accepted ? result.snapshot : persisted;
}

/**
 * Pure: the same stored journey and event always give the same answer. A rejected event returns the input
 * snapshot untouched (same object), so the caller can store `result.snapshot` either way.
 */
export function applyJourneyEvent(persisted: PersistedJourney, event: JourneyEvent): ApplyJourneyEventResult {
  if (!isJourneyEvent(event)) return { accepted: false, reason: 'INVALID_EVENT', snapshot: persisted };
  const live = restoreJourney(persisted);
  const reason = whyNot(live, event);
  if (reason) return { accepted: false, reason, snapshot: persisted };
  const [next, actions] = pureTransition(live, event);
  const notifications = actions
    .filter((action) => action.type === 'notify')
    .map((action) => action.params as JourneyNotification);
  return { accepted: true, snapshot: toPersisted(next), notifications };
}

// The journey's vocabulary: the outline it is built from, the events it accepts, and what it remembers.
// Everything here is plain JSON-serialisable data: the server stores the context inside a jsonb snapshot.

/** The keys of one course version, in learning order. Content (texts, questions) never enters the journey. */
export interface JourneyOutline {
  courseVersionId: string;
  modules: OutlineModule[];
  /**
   * Days after completion before the follow-up questionnaire opens, e.g. 90. The cohort's setting: copied in when the
   * journey starts and kept equal to the cohort's current one by `followup.rescheduled` until the follow-up opens.
   */
  followUpDelayDays: number;
  /** The post-assessment includes the retrospective then-test. */
  hasThenTest: boolean;
}

export interface OutlineModule {
  key: string;
  lessonKeys: string[];
  /** passMark is the server's business (it grades); maxAttempts is the machine's (it counts). */
  quiz: { key: string; passMark: number; maxAttempts: number };
  scenarioKey: string | null;
}

export type PrePart = 'knowledge' | 'attitude';
export type PostPart = 'knowledge' | 'attitude' | 'then';
export type ScenarioOutcome = 'good' | 'mixed' | 'poor';

export const PRE_PARTS: readonly PrePart[] = ['knowledge', 'attitude'];
export const POST_PARTS: readonly PostPart[] = ['knowledge', 'attitude', 'then'];
export const SCENARIO_OUTCOMES: readonly ScenarioOutcome[] = ['good', 'mixed', 'poor'];

/**
 * Every event carries `at` (epoch ms from the server's clock): the machine never reads a clock itself, which keeps it
 * pure and lets tests inject time. Graded events carry the server's verdict, never a score the client computed.
 */
export type JourneyEvent =
  | { type: 'consent.given'; at: number }
  | { type: 'pre.submitted'; part: PrePart; at: number }
  | { type: 'lesson.completed'; moduleKey: string; lessonKey: string; at: number }
  | { type: 'quiz.graded'; moduleKey: string; passed: boolean; score: number; at: number }
  | { type: 'scenario.finished'; moduleKey: string; scenarioKey: string; outcome: ScenarioOutcome; at: number }
  | { type: 'post.submitted'; part: PostPart; at: number }
  | { type: 'clock.tick'; at: number }
  | { type: 'followup.submitted'; at: number }
  /** The cohort's follow-up delay changed: applies to a journey whose follow-up has not opened yet. */
  | { type: 'followup.rescheduled'; delayDays: number; at: number }
  | { type: 'consent.withdrawn'; at: number }
  /**
   * The learner's cohort is a study's waitlist: the baseline is taken now and again from `secondBaselineAt` (the
   * study's date, which the evaluator may move or bring forward). Applied by readers like followup.rescheduled.
   */
  | { type: 'waitlist.scheduled'; secondBaselineAt: number; at: number };

export type JourneyEventType = JourneyEvent['type'];

export const JOURNEY_EVENT_TYPES: readonly JourneyEventType[] = [
  'consent.given',
  'pre.submitted',
  'lesson.completed',
  'quiz.graded',
  'scenario.finished',
  'post.submitted',
  'clock.tick',
  'followup.submitted',
  'followup.rescheduled',
  'consent.withdrawn',
  'waitlist.scheduled',
];

export type JourneyStage =
  | 'consent'
  /** Waitlist only: the first baseline, taken when enrolled (stored as its own wave). */
  | 'baseline'
  /** Waitlist only: baseline taken, waiting for the study's second-baseline date. */
  | 'waiting'
  | 'preAssessment'
  | 'learning'
  | 'postAssessment'
  | 'completed'
  | 'followUp'
  | 'done'
  | 'withdrawn';

export interface QuizProgress {
  /** Every graded attempt ever, for the record. */
  attempts: number;
  /** Attempts since the module unlocked or since the last completed review; the limit applies to these. */
  attemptsThisRound: number;
  /** How many times the learner had to review the lessons to earn more attempts. */
  reviewRounds: number;
  /** Lessons re-read in the current review; kept apart from lessonsRead so a review never looks like progress. */
  lessonsReviewed: string[];
  passed: boolean;
  passedAt: number | null;
  lastScore: number | null;
  bestScore: number | null;
}

export interface ModuleProgress {
  key: string;
  /** First reads, in the order they happened. */
  lessonsRead: string[];
  quiz: QuizProgress;
  scenario: { finishedAt: number; outcome: ScenarioOutcome } | null;
  completedAt: number | null;
}

export interface JourneyContext {
  /** Bumped when the context shape changes, so stored snapshots can be migrated. */
  machineVersion: typeof JOURNEY_MACHINE_VERSION;
  /** Kept in the snapshot so that a stored journey is self-contained and pinned to its course version. */
  outline: JourneyOutline;
  consentedAt: number | null;
  pre: Record<PrePart, number | null>;
  /** Same order as outline.modules. */
  modules: ModuleProgress[];
  post: Record<PostPart, number | null>;
  completedAt: number | null;
  followUpOpenedAt: number | null;
  followUpSubmittedAt: number | null;
  withdrawnAt: number | null;
  withdrawnFrom: JourneyStage | null;
  /** The `at` of the last accepted event: lets the trainer roster spot learners who stalled. */
  lastActivityAt: number | null;
  /**
   * Set when the cohort is a study's waitlist (absent in snapshots written before studies existed: read as null).
   * The first baseline's parts are kept here; the second baseline is the ordinary `pre`.
   */
  waitlist?: WaitlistProgress | null;
}

export interface WaitlistProgress {
  /** When the second baseline opens (the study's date, kept current until it opens). */
  secondBaselineAt: number;
  baseline: Record<PrePart, number | null>;
  /** When the wait ended and the second baseline (the normal pre-assessment) opened. */
  secondBaselineOpenedAt: number | null;
}

export const JOURNEY_MACHINE_VERSION = 1;

/**
 * Stable reasons for a rejected event (the API answers 409 with it; the UI keys its message off it).
 * Add new codes, never rename.
 */
export type RejectionCode =
  /** The event is malformed (unknown type, missing or non-finite `at`, wrong field types). */
  | 'INVALID_EVENT'
  /** A module, lesson, scenario or assessment part that this course version does not have. */
  | 'UNKNOWN_ITEM'
  /** The event has no place in the current stage. */
  | 'EVENT_NOT_ALLOWED'
  /** The module is not unlocked yet (earlier modules, or the pre-assessment, come first). */
  | 'MODULE_LOCKED'
  /** The quiz opens once every lesson of its module has been read. */
  | 'LESSONS_NOT_READ'
  /** The scenario opens once the module's quiz is passed. */
  | 'QUIZ_NOT_PASSED'
  | 'QUIZ_ALREADY_PASSED'
  /** All attempts of this round are used: review the module's lessons to earn more. */
  | 'QUIZ_ATTEMPTS_EXHAUSTED'
  | 'FOLLOW_UP_NOT_OPEN'
  /** Consent, an assessment part, a scenario or the follow-up was already recorded. */
  | 'ALREADY_SUBMITTED'
  | 'WITHDRAWN'
  /** The certificate exists once the course is completed (post-assessment done). */
  | 'COURSE_NOT_COMPLETED'
  /** Waitlist: the course starts with the second baseline, on the study's date. */
  | 'SECOND_BASELINE_NOT_OPEN';

/** Hook for side effects (e-mail, analytics): a no-op by default, supplied with journeyMachine.provide(). */
export type JourneyNotification =
  | { kind: 'stage.entered'; stage: JourneyStage }
  | { kind: 'module.completed'; moduleKey: string }
  | { kind: 'quiz.lockedForReview'; moduleKey: string };

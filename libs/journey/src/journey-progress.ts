// Questions about a learner's progress, answered from the context alone. The machine's guards, the rejection
// reasons and the view all ask through these, so "what unlocks what" is written once.
import {
  JOURNEY_MACHINE_VERSION,
  type JourneyContext,
  type JourneyOutline,
  type ModuleProgress,
  type OutlineModule,
  type PostPart,
  type QuizProgress,
} from './journey-types.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Thrown for an outline the journey cannot be built from: a bug in whoever assembled it, never learner data. */
export class JourneyOutlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JourneyOutlineError';
  }
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export function assertValidOutline(outline: JourneyOutline): void {
  const fail = (message: string): never => {
    throw new JourneyOutlineError(`journey outline ${String(outline?.courseVersionId)}: ${message}`);
  };
  if (!outline || typeof outline !== 'object') fail('missing');
  if (!isNonEmptyString(outline.courseVersionId)) fail('courseVersionId must be a non-empty string');
  if (!Array.isArray(outline.modules) || outline.modules.length === 0) fail('needs at least one module');
  if (!Number.isFinite(outline.followUpDelayDays) || outline.followUpDelayDays < 0) {
    fail('followUpDelayDays must be a number ≥ 0');
  }
  if (typeof outline.hasThenTest !== 'boolean') fail('hasThenTest must be a boolean');
  const moduleKeys = new Set<string>();
  for (const module of outline.modules) {
    if (!isNonEmptyString(module?.key)) fail('every module needs a key');
    if (moduleKeys.has(module.key)) fail(`module ${module.key} appears twice`);
    moduleKeys.add(module.key);
    if (!Array.isArray(module.lessonKeys) || !module.lessonKeys.every(isNonEmptyString)) {
      fail(`module ${module.key}: lessonKeys must be non-empty strings`);
    }
    // Lesson keys are only unique per module in the events (moduleKey + lessonKey), so that is all we require.
    if (new Set(module.lessonKeys).size !== module.lessonKeys.length) fail(`module ${module.key}: duplicate lesson`);
    if (!module.quiz || !isNonEmptyString(module.quiz.key)) fail(`module ${module.key}: quiz needs a key`);
    if (!Number.isInteger(module.quiz.maxAttempts) || module.quiz.maxAttempts < 1) {
      fail(`module ${module.key}: quiz.maxAttempts must be an integer ≥ 1`);
    }
    if (!Number.isFinite(module.quiz.passMark)) fail(`module ${module.key}: quiz.passMark must be a number`);
    if (module.scenarioKey !== null && !isNonEmptyString(module.scenarioKey)) {
      fail(`module ${module.key}: scenarioKey must be a non-empty string or null`);
    }
  }
}

export function initialContext(outline: JourneyOutline): JourneyContext {
  assertValidOutline(outline);
  return {
    machineVersion: JOURNEY_MACHINE_VERSION,
    // A deep copy: the snapshot must not share arrays with the caller's outline object.
    outline: JSON.parse(JSON.stringify(outline)) as JourneyOutline,
    consentedAt: null,
    pre: { knowledge: null, attitude: null },
    modules: outline.modules.map((module) => ({
      key: module.key,
      lessonsRead: [],
      quiz: {
        attempts: 0,
        attemptsThisRound: 0,
        reviewRounds: 0,
        lessonsReviewed: [],
        passed: false,
        passedAt: null,
        lastScore: null,
        bestScore: null,
      },
      scenario: null,
      completedAt: null,
    })),
    post: { knowledge: null, attitude: null, then: null },
    completedAt: null,
    followUpOpenedAt: null,
    followUpSubmittedAt: null,
    withdrawnAt: null,
    withdrawnFrom: null,
    lastActivityAt: null,
    waitlist: null,
  };
}

export function moduleIndex(context: JourneyContext, moduleKey: string): number {
  return context.outline.modules.findIndex((module) => module.key === moduleKey);
}

export function outlineModule(context: JourneyContext, moduleKey: string): OutlineModule | undefined {
  return context.outline.modules.find((module) => module.key === moduleKey);
}

export function hasLesson(context: JourneyContext, moduleKey: string, lessonKey: string): boolean {
  return outlineModule(context, moduleKey)?.lessonKeys.includes(lessonKey) ?? false;
}

export function allLessonsRead(outline: OutlineModule, progress: ModuleProgress): boolean {
  return outline.lessonKeys.every((lessonKey) => progress.lessonsRead.includes(lessonKey));
}

export function isModuleDone(outline: OutlineModule, progress: ModuleProgress): boolean {
  return (
    allLessonsRead(outline, progress) && progress.quiz.passed && (outline.scenarioKey === null || progress.scenario !== null)
  );
}

/** Modules unlock strictly in order, so the one being worked on is the first that is not done; -1 when all are. */
export function currentModuleIndex(context: JourneyContext): number {
  return context.outline.modules.findIndex((module, index) => !isModuleDone(module, context.modules[index]!));
}

export function allModulesDone(context: JourneyContext): boolean {
  return currentModuleIndex(context) === -1;
}

export function isCurrentModule(context: JourneyContext, moduleKey: string): boolean {
  const index = currentModuleIndex(context);
  return index !== -1 && context.outline.modules[index]!.key === moduleKey;
}

/** Current or earlier, i.e. the learner has been let into it. */
export function isModuleUnlocked(context: JourneyContext, moduleKey: string): boolean {
  const index = moduleIndex(context, moduleKey);
  if (index === -1) return false;
  const current = currentModuleIndex(context);
  return current === -1 || index <= current;
}

export function attemptsExhausted(outline: OutlineModule, quiz: QuizProgress): boolean {
  return !quiz.passed && quiz.attemptsThisRound >= outline.quiz.maxAttempts;
}

export function reviewComplete(outline: OutlineModule, quiz: QuizProgress): boolean {
  return outline.lessonKeys.every((lessonKey) => quiz.lessonsReviewed.includes(lessonKey));
}

export function requiredPostParts(outline: JourneyOutline): PostPart[] {
  return outline.hasThenTest ? ['knowledge', 'attitude', 'then'] : ['knowledge', 'attitude'];
}

export function followUpOpensAt(context: JourneyContext): number | null {
  return context.completedAt === null ? null : context.completedAt + context.outline.followUpDelayDays * DAY_MS;
}

export function isFollowUpOpen(context: JourneyContext, at: number): boolean {
  const opensAt = followUpOpensAt(context);
  return opensAt !== null && at >= opensAt;
}

/** Largest follow-up delay a cohort may set (the API and the database allow 0–730 days). */
export const MAX_FOLLOW_UP_DELAY_DAYS = 730;

export const isValidFollowUpDelay = (days: unknown): days is number =>
  typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= MAX_FOLLOW_UP_DELAY_DAYS;

/**
 * A new cohort delay applies while the follow-up has not opened (nor been answered) and the learner has not withdrawn:
 * a learner already asked keeps the date they were given. Same delay: nothing to change. (Checked on the context, not
 * the state, because xstate's can() still consults root transitions in a final state.)
 */
export function canReschedule(context: JourneyContext, delayDays: number): boolean {
  return context.followUpOpenedAt === null && context.followUpSubmittedAt === null && context.withdrawnAt === null
    && context.outline.followUpDelayDays !== delayDays;
}

/** Immutable update of one module's progress (assign must return new objects, never mutate). */
export function updateModule(
  context: JourneyContext,
  moduleKey: string,
  update: (progress: ModuleProgress, outline: OutlineModule) => ModuleProgress,
): ModuleProgress[] {
  return context.modules.map((progress, index) =>
    progress.key === moduleKey ? update(progress, context.outline.modules[index]!) : progress,
  );
}

/**
 * A learner can join a study's waitlist while the study's second baseline is still ahead and they have answered
 * nothing yet (consent, or a pre-assessment not started); later, the waitlist date can still move until it opens.
 */
export function canScheduleWaitlist(context: JourneyContext, secondBaselineAt: number, at: number): boolean {
  if (context.withdrawnAt !== null) return false;
  const waitlist = context.waitlist ?? null;
  if (waitlist === null) return at < secondBaselineAt && context.pre.knowledge === null && context.pre.attitude === null;
  return waitlist.secondBaselineOpenedAt === null && waitlist.secondBaselineAt !== secondBaselineAt;
}

export function isSecondBaselineDue(context: JourneyContext, at: number): boolean {
  const waitlist = context.waitlist ?? null;
  return waitlist !== null && at >= waitlist.secondBaselineAt;
}

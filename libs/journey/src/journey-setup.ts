// The journey machine's vocabulary: its guards and actions (setup), and the region every assessment part uses.
// journey-machine.ts composes the states from these; the rules themselves are the guards below and that state graph.
import { assertEvent, assign, setup } from 'xstate';
import {
  allLessonsRead,
  allModulesDone,
  attemptsExhausted,
  canReschedule,
  canScheduleWaitlist,
  currentModuleIndex,
  hasLesson,
  isCurrentModule,
  isFollowUpOpen,
  isModuleUnlocked,
  isSecondBaselineDue,
  outlineModule,
  requiredPostParts,
  reviewComplete,
  updateModule,
} from './journey-progress.js';
import type {
  JourneyContext,
  JourneyEvent,
  JourneyNotification,
  JourneyOutline,
  JourneyStage,
  PostPart,
  PrePart,
} from './journey-types.js';

/** The module being worked on; only called where the state guarantees there is one. */
export function current(context: JourneyContext) {
  const index = currentModuleIndex(context);
  return { index, outline: context.outline.modules[index]!, progress: context.modules[index]! };
}

export const eventModuleKey = (event: JourneyEvent): string => ('moduleKey' in event ? event.moduleKey : '');

export const journeySetup = setup({
  types: {
    context: {} as JourneyContext,
    events: {} as JourneyEvent,
    input: {} as JourneyOutline,
  },
  guards: {
    isPrePart: ({ event }, params: { part: PrePart }) => event.type === 'pre.submitted' && event.part === params.part,
    isPostPart: ({ event }, params: { part: PostPart }) =>
      event.type === 'post.submitted' && event.part === params.part,
    hasThenTest: ({ context }) => context.outline.hasThenTest,

    allModulesDone: ({ context }) => allModulesDone(context),
    currentLessonsAllRead: ({ context }) => {
      const { outline, progress } = current(context);
      return allLessonsRead(outline, progress);
    },
    currentQuizExhausted: ({ context }) => {
      const { outline, progress } = current(context);
      return attemptsExhausted(outline, progress.quiz);
    },
    currentReviewComplete: ({ context }) => {
      const { outline, progress } = current(context);
      return reviewComplete(outline, progress.quiz);
    },
    currentModuleHasScenario: ({ context }) => current(context).outline.scenarioKey !== null,

    isUnreadLessonOfCurrentModule: ({ context, event }) =>
      event.type === 'lesson.completed' &&
      isCurrentModule(context, event.moduleKey) &&
      hasLesson(context, event.moduleKey, event.lessonKey) &&
      !current(context).progress.lessonsRead.includes(event.lessonKey),
    isUnreviewedLessonOfCurrentModule: ({ context, event }) =>
      event.type === 'lesson.completed' &&
      isCurrentModule(context, event.moduleKey) &&
      hasLesson(context, event.moduleKey, event.lessonKey) &&
      !current(context).progress.quiz.lessonsReviewed.includes(event.lessonKey),
    // Going back to a lesson already read (in the current or an earlier module) is allowed and changes nothing
    // but lastActivityAt; lessons of later modules stay locked.
    isReread: ({ context, event }) =>
      event.type === 'lesson.completed' &&
      isModuleUnlocked(context, event.moduleKey) &&
      hasLesson(context, event.moduleKey, event.lessonKey) &&
      context.modules.some((m) => m.key === event.moduleKey && m.lessonsRead.includes(event.lessonKey)),

    isCurrentModuleQuiz: ({ context, event }) => event.type === 'quiz.graded' && isCurrentModule(context, event.moduleKey),
    quizPassed: ({ event }) => event.type === 'quiz.graded' && event.passed,
    isCurrentModuleScenario: ({ context, event }) =>
      event.type === 'scenario.finished' &&
      isCurrentModule(context, event.moduleKey) &&
      outlineModule(context, event.moduleKey)?.scenarioKey === event.scenarioKey,

    followUpOpen: ({ context, event }) => isFollowUpOpen(context, event.at),
    isReschedule: ({ context, event }) => event.type === 'followup.rescheduled' && canReschedule(context, event.delayDays),
    // Waitlist (a study's control group): joined before anything is answered, date movable until the wait ends.
    canScheduleWaitlist: ({ context, event }) =>
      event.type === 'waitlist.scheduled' && canScheduleWaitlist(context, event.secondBaselineAt, event.at),
    joinsWaitlist: ({ context, event }) =>
      event.type === 'waitlist.scheduled' && (context.waitlist ?? null) === null && canScheduleWaitlist(context, event.secondBaselineAt, event.at),
    onWaitlist: ({ context }) => (context.waitlist ?? null) !== null,
    secondBaselineDue: ({ context, event }) => isSecondBaselineDue(context, event.at),
  },
  actions: {
    /** Default: nothing. The server or the browser provide their own (e-mail, analytics, toasts). */
    notify: (_, _notification: JourneyNotification) => {},

    recordConsent: assign(({ event }) => {
      assertEvent(event, 'consent.given');
      return { consentedAt: event.at, lastActivityAt: event.at };
    }),
    recordPrePart: assign(({ context, event }) => {
      assertEvent(event, 'pre.submitted');
      return { pre: { ...context.pre, [event.part]: event.at }, lastActivityAt: event.at };
    }),
    recordLessonRead: assign(({ context, event }) => {
      assertEvent(event, 'lesson.completed');
      return {
        modules: updateModule(context, event.moduleKey, (progress) => ({
          ...progress,
          lessonsRead: [...progress.lessonsRead, event.lessonKey],
        })),
        lastActivityAt: event.at,
      };
    }),
    recordLessonReviewed: assign(({ context, event }) => {
      assertEvent(event, 'lesson.completed');
      return {
        modules: updateModule(context, event.moduleKey, (progress) => ({
          ...progress,
          quiz: { ...progress.quiz, lessonsReviewed: [...progress.quiz.lessonsReviewed, event.lessonKey] },
        })),
        lastActivityAt: event.at,
      };
    }),
    touch: assign(({ event }) => ({ lastActivityAt: event.at })),
    recordQuizResult: assign(({ context, event }) => {
      assertEvent(event, 'quiz.graded');
      return {
        modules: updateModule(context, event.moduleKey, (progress, outline) => ({
          ...progress,
          quiz: {
            ...progress.quiz,
            attempts: progress.quiz.attempts + 1,
            attemptsThisRound: progress.quiz.attemptsThisRound + 1,
            passed: event.passed,
            passedAt: event.passed ? event.at : null,
            lastScore: event.score,
            bestScore: progress.quiz.bestScore === null ? event.score : Math.max(progress.quiz.bestScore, event.score),
          },
          completedAt: event.passed && outline.scenarioKey === null ? event.at : null,
        })),
        lastActivityAt: event.at,
      };
    }),
    grantAttempts: assign(({ context }) => ({
      modules: updateModule(context, current(context).outline.key, (progress) => ({
        ...progress,
        quiz: {
          ...progress.quiz,
          attemptsThisRound: 0,
          lessonsReviewed: [],
          reviewRounds: progress.quiz.reviewRounds + 1,
        },
      })),
    })),
    recordScenario: assign(({ context, event }) => {
      assertEvent(event, 'scenario.finished');
      return {
        modules: updateModule(context, event.moduleKey, (progress) => ({
          ...progress,
          scenario: { finishedAt: event.at, outcome: event.outcome },
          completedAt: event.at,
        })),
        lastActivityAt: event.at,
      };
    }),
    recordPostPart: assign(({ context, event }) => {
      assertEvent(event, 'post.submitted');
      return { post: { ...context.post, [event.part]: event.at }, lastActivityAt: event.at };
    }),
    // Runs on the parallel state's done event, so the time comes from the parts, not from the event.
    recordCompletion: assign(({ context }) => ({
      completedAt: Math.max(...requiredPostParts(context.outline).map((part) => context.post[part] ?? 0)),
    })),
    // Not learner activity: lastActivityAt stays as it was.
    recordFollowUpDelay: assign(({ context, event }) => {
      assertEvent(event, 'followup.rescheduled');
      return { outline: { ...context.outline, followUpDelayDays: event.delayDays } };
    }),
    recordWaitlist: assign(({ context, event }) => {
      assertEvent(event, 'waitlist.scheduled');
      const waitlist = context.waitlist ?? null;
      return {
        waitlist: waitlist === null
          ? { secondBaselineAt: event.secondBaselineAt, baseline: { knowledge: null, attitude: null }, secondBaselineOpenedAt: null }
          : { ...waitlist, secondBaselineAt: event.secondBaselineAt },
      };
    }),
    recordBaselinePart: assign(({ context, event }) => {
      assertEvent(event, 'pre.submitted');
      const waitlist = context.waitlist!;
      return { waitlist: { ...waitlist, baseline: { ...waitlist.baseline, [event.part]: event.at } }, lastActivityAt: event.at };
    }),
    recordSecondBaselineOpened: assign(({ context, event }) => ({
      waitlist: { ...context.waitlist!, secondBaselineOpenedAt: event.at },
    })),
    recordFollowUpOpened: assign(({ event }) => ({ followUpOpenedAt: event.at })),
    recordFollowUp: assign(({ context, event }) => ({
      followUpOpenedAt: context.followUpOpenedAt ?? event.at,
      followUpSubmittedAt: event.at,
      lastActivityAt: event.at,
    })),
    recordWithdrawal: assign(({ event }, params: { from: JourneyStage }) => ({
      withdrawnAt: event.at,
      withdrawnFrom: params.from,
      lastActivityAt: event.at,
    })),
  },
});

// The region of one assessment part inside its parallel state: `pending` until that part is submitted, then the
// final `submitted`, so the assessment is done once every part is. Stored snapshots hold these state names.
const partRegion = (submitted: ReturnType<typeof journeySetup.createStateConfig>['on']) =>
  journeySetup.createStateConfig({
    initial: 'pending',
    states: {
      pending: { on: submitted },
      submitted: { type: 'final' },
    },
  });

export const prePart = (part: PrePart) =>
  partRegion({ 'pre.submitted': { guard: { type: 'isPrePart', params: { part } }, target: 'submitted', actions: 'recordPrePart' } });

// The waitlist's first baseline: the same answers as the pre-assessment (same event), recorded apart.
export const baselinePart = (part: PrePart) =>
  partRegion({ 'pre.submitted': { guard: { type: 'isPrePart', params: { part } }, target: 'submitted', actions: 'recordBaselinePart' } });

export const postPart = (part: PostPart) =>
  partRegion({ 'post.submitted': { guard: { type: 'isPostPart', params: { part } }, target: 'submitted', actions: 'recordPostPart' } });

// Every stage announces itself on entry, and every stage before the final ones lets the learner withdraw (recording
// where from): one shape for all of them.
export const enterStage = (stage: JourneyStage) => ({ type: 'notify', params: { kind: 'stage.entered', stage } }) as const;
export const withdrawFrom = (from: JourneyStage) => ({ target: 'withdrawn', actions: { type: 'recordWithdrawal', params: { from } } }) as const;

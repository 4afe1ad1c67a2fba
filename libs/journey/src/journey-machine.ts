// The one place where the rules of a learner's journey live. The browser runs it to draw the path; the server runs
// the same machine (through applyJourneyEvent) as the authority. Pure: no timers, no clock, no I/O; time arrives as
// `at` on every event and side effects are injected with journeyMachine.provide({ actions: { notify } }).
import { and, assertEvent, assign, setup } from 'xstate';
import {
  allLessonsRead,
  allModulesDone,
  attemptsExhausted,
  canReschedule,
  canScheduleWaitlist,
  currentModuleIndex,
  hasLesson,
  initialContext,
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
function current(context: JourneyContext) {
  const index = currentModuleIndex(context);
  return { index, outline: context.outline.modules[index]!, progress: context.modules[index]! };
}

const eventModuleKey = (event: JourneyEvent): string => ('moduleKey' in event ? event.moduleKey : '');

const journeySetup = setup({
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

const prePart = (part: PrePart) =>
  partRegion({ 'pre.submitted': { guard: { type: 'isPrePart', params: { part } }, target: 'submitted', actions: 'recordPrePart' } });

// The waitlist's first baseline: the same answers as the pre-assessment (same event), recorded apart.
const baselinePart = (part: PrePart) =>
  partRegion({ 'pre.submitted': { guard: { type: 'isPrePart', params: { part } }, target: 'submitted', actions: 'recordBaselinePart' } });

const postPart = (part: PostPart) =>
  partRegion({ 'post.submitted': { guard: { type: 'isPostPart', params: { part } }, target: 'submitted', actions: 'recordPostPart' } });

export const journeyMachine = journeySetup.createMachine({
  id: 'journey',
  context: ({ input }) => initialContext(input),
  initial: 'consent',
  // From any state, until the follow-up opens (the guard); final states take no events at all.
  on: {
    'followup.rescheduled': { guard: 'isReschedule', actions: 'recordFollowUpDelay' },
    // A new date for a waitlist already joined (consent, baseline, waiting); joining itself is per state below.
    'waitlist.scheduled': { guard: and(['onWaitlist', 'canScheduleWaitlist']), actions: 'recordWaitlist' },
  },
  states: {
    consent: {
      on: {
        'consent.given': [
          { guard: 'onWaitlist', target: 'baseline', actions: 'recordConsent' },
          { target: 'preAssessment', actions: 'recordConsent' },
        ],
        'waitlist.scheduled': { guard: 'joinsWaitlist', actions: 'recordWaitlist' },
        // Declining before starting counts as withdrawing: the learner leaves, nothing is recorded.
        'consent.withdrawn': { target: 'withdrawn', actions: { type: 'recordWithdrawal', params: { from: 'consent' } } },
      },
    },

    // Waitlist: the first baseline (both parts, either order), then a wait until the study's second-baseline date.
    baseline: {
      type: 'parallel',
      entry: { type: 'notify', params: { kind: 'stage.entered', stage: 'baseline' } },
      on: {
        'consent.withdrawn': { target: 'withdrawn', actions: { type: 'recordWithdrawal', params: { from: 'baseline' } } },
      },
      states: {
        knowledge: baselinePart('knowledge'),
        attitude: baselinePart('attitude'),
      },
      onDone: 'waiting',
    },

    // Like the follow-up: a guard on the tick's `at` (no timers). The second baseline is the ordinary pre-assessment.
    waiting: {
      entry: { type: 'notify', params: { kind: 'stage.entered', stage: 'waiting' } },
      on: {
        'clock.tick': { guard: 'secondBaselineDue', target: 'preAssessment', actions: 'recordSecondBaselineOpened' },
        'consent.withdrawn': { target: 'withdrawn', actions: { type: 'recordWithdrawal', params: { from: 'waiting' } } },
      },
    },

    // Both parts are required, in either order: one region each, done when both are.
    preAssessment: {
      type: 'parallel',
      entry: { type: 'notify', params: { kind: 'stage.entered', stage: 'preAssessment' } },
      on: {
        // Consented before the cohort joined a study's waitlist, nothing answered yet: the baseline comes first.
        'waitlist.scheduled': { guard: 'joinsWaitlist', target: 'baseline', actions: 'recordWaitlist' },
        'consent.withdrawn': {
          target: 'withdrawn',
          actions: { type: 'recordWithdrawal', params: { from: 'preAssessment' } },
        },
      },
      states: {
        knowledge: prePart('knowledge'),
        attitude: prePart('attitude'),
      },
      onDone: 'learning',
    },

    // The module count comes from the outline, so the substates describe the phase of the current module (the
    // first one not done, see journey-progress.ts) rather than one state per module.
    learning: {
      entry: { type: 'notify', params: { kind: 'stage.entered', stage: 'learning' } },
      initial: 'nextModule',
      on: {
        'lesson.completed': { guard: 'isReread', actions: 'touch' },
        'consent.withdrawn': { target: 'withdrawn', actions: { type: 'recordWithdrawal', params: { from: 'learning' } } },
      },
      states: {
        nextModule: {
          always: [{ guard: 'allModulesDone', target: '#journey.postAssessment' }, { target: 'reading' }],
        },
        reading: {
          always: { guard: 'currentLessonsAllRead', target: 'quiz' },
          on: { 'lesson.completed': { guard: 'isUnreadLessonOfCurrentModule', actions: 'recordLessonRead' } },
        },
        quiz: {
          always: {
            guard: 'currentQuizExhausted',
            target: 'review',
            actions: {
              type: 'notify',
              params: ({ context }) => ({ kind: 'quiz.lockedForReview', moduleKey: current(context).outline.key }),
            },
          },
          on: {
            'quiz.graded': [
              {
                guard: and(['isCurrentModuleQuiz', 'quizPassed', 'currentModuleHasScenario']),
                target: 'scenario',
                actions: 'recordQuizResult',
              },
              {
                guard: and(['isCurrentModuleQuiz', 'quizPassed']),
                target: 'nextModule',
                actions: [
                  'recordQuizResult',
                  { type: 'notify', params: ({ event }) => ({ kind: 'module.completed', moduleKey: eventModuleKey(event) }) },
                ],
              },
              { guard: 'isCurrentModuleQuiz', actions: 'recordQuizResult' },
            ],
          },
        },
        // Locked after maxAttempts failures: re-reading every lesson of the module earns a fresh set of attempts.
        review: {
          always: { guard: 'currentReviewComplete', target: 'quiz', actions: 'grantAttempts' },
          on: { 'lesson.completed': { guard: 'isUnreviewedLessonOfCurrentModule', actions: 'recordLessonReviewed' } },
        },
        scenario: {
          on: {
            'scenario.finished': {
              guard: 'isCurrentModuleScenario',
              target: 'nextModule',
              actions: [
                'recordScenario',
                { type: 'notify', params: ({ event }) => ({ kind: 'module.completed', moduleKey: eventModuleKey(event) }) },
              ],
            },
          },
        },
      },
    },

    postAssessment: {
      type: 'parallel',
      entry: { type: 'notify', params: { kind: 'stage.entered', stage: 'postAssessment' } },
      on: {
        'consent.withdrawn': {
          target: 'withdrawn',
          actions: { type: 'recordWithdrawal', params: { from: 'postAssessment' } },
        },
      },
      states: {
        knowledge: postPart('knowledge'),
        attitude: postPart('attitude'),
        // Course versions without a then-test finish this region at once; otherwise it is a part like the others.
        then: {
          initial: 'deciding',
          states: {
            deciding: { always: [{ guard: 'hasThenTest', target: 'pending' }, { target: 'notRequired' }] },
            ...postPart('then').states,
            notRequired: { type: 'final' },
          },
        },
      },
      onDone: { target: 'completed', actions: 'recordCompletion' },
    },

    // The certificate is available from here on. The follow-up opens followUpDelayDays later: a guard on the
    // event's `at`, not a delayed transition, because timers neither persist in a jsonb column nor stay pure.
    completed: {
      entry: { type: 'notify', params: { kind: 'stage.entered', stage: 'completed' } },
      on: {
        'clock.tick': { guard: 'followUpOpen', target: 'followUp', actions: 'recordFollowUpOpened' },
        // The server need not tick first: a submission after the delay is valid on its own.
        'followup.submitted': { guard: 'followUpOpen', target: 'done', actions: 'recordFollowUp' },
        'consent.withdrawn': {
          target: 'withdrawn',
          actions: { type: 'recordWithdrawal', params: { from: 'completed' } },
        },
      },
    },

    followUp: {
      entry: { type: 'notify', params: { kind: 'stage.entered', stage: 'followUp' } },
      on: {
        'followup.submitted': { guard: 'followUpOpen', target: 'done', actions: 'recordFollowUp' },
        'consent.withdrawn': { target: 'withdrawn', actions: { type: 'recordWithdrawal', params: { from: 'followUp' } } },
      },
    },

    done: {
      type: 'final',
      entry: { type: 'notify', params: { kind: 'stage.entered', stage: 'done' } },
    },

    withdrawn: {
      type: 'final',
      entry: { type: 'notify', params: { kind: 'stage.entered', stage: 'withdrawn' } },
    },
  },
});

export type JourneyMachine = typeof journeyMachine;

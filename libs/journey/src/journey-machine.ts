// The one place where the rules of a learner's journey live (this state graph, with its guards and actions in
// journey-setup.ts). The browser runs it to draw the path; the server runs the same machine (applyJourneyEvent) as the
// authority. Pure: no timers, no clock, no I/O; time arrives as `at` on every event and side effects are injected with
// journeyMachine.provide({ actions: { notify } }).
import { and } from 'xstate';
import { initialContext } from './journey-progress.js';
import { baselinePart, current, enterStage, eventModuleKey, journeySetup, postPart, prePart, withdrawFrom } from './journey-setup.js';

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
        'consent.withdrawn': withdrawFrom('consent'),
      },
    },

    // Waitlist: the first baseline (both parts, either order), then a wait until the study's second-baseline date.
    baseline: {
      type: 'parallel',
      entry: enterStage('baseline'),
      on: {
        'consent.withdrawn': withdrawFrom('baseline'),
      },
      states: {
        knowledge: baselinePart('knowledge'),
        attitude: baselinePart('attitude'),
      },
      onDone: 'waiting',
    },

    // Like the follow-up: a guard on the tick's `at` (no timers). The second baseline is the ordinary pre-assessment.
    waiting: {
      entry: enterStage('waiting'),
      on: {
        'clock.tick': { guard: 'secondBaselineDue', target: 'preAssessment', actions: 'recordSecondBaselineOpened' },
        'consent.withdrawn': withdrawFrom('waiting'),
      },
    },

    // Both parts are required, in either order: one region each, done when both are.
    preAssessment: {
      type: 'parallel',
      entry: enterStage('preAssessment'),
      on: {
        // Consented before the cohort joined a study's waitlist, nothing answered yet: the baseline comes first.
        'waitlist.scheduled': { guard: 'joinsWaitlist', target: 'baseline', actions: 'recordWaitlist' },
        'consent.withdrawn': withdrawFrom('preAssessment'),
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
      entry: enterStage('learning'),
      initial: 'nextModule',
      on: {
        'lesson.completed': { guard: 'isReread', actions: 'touch' },
        'consent.withdrawn': withdrawFrom('learning'),
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
      entry: enterStage('postAssessment'),
      on: {
        'consent.withdrawn': withdrawFrom('postAssessment'),
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
      entry: enterStage('completed'),
      on: {
        'clock.tick': { guard: 'followUpOpen', target: 'followUp', actions: 'recordFollowUpOpened' },
        // The server need not tick first: a submission after the delay is valid on its own.
        'followup.submitted': { guard: 'followUpOpen', target: 'done', actions: 'recordFollowUp' },
        'consent.withdrawn': withdrawFrom('completed'),
      },
    },

    followUp: {
      entry: enterStage('followUp'),
      on: {
        'followup.submitted': { guard: 'followUpOpen', target: 'done', actions: 'recordFollowUp' },
        'consent.withdrawn': withdrawFrom('followUp'),
      },
    },

    done: {
      type: 'final',
      entry: enterStage('done'),
    },

    withdrawn: {
      type: 'final',
      entry: enterStage('withdrawn'),
    },
  },
});

export type JourneyMachine = typeof journeyMachine;

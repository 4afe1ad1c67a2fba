// Public API of #journey: the learner's journey as one XState machine, plus the pure helpers the API and the web app
// use around it. No I/O, no clock, no node: imports, so the browser bundles it as is.

export { journeyMachine, type JourneyMachine } from './journey-machine.js';
export {
  JOURNEY_EVENT_TYPES,
  JOURNEY_MACHINE_VERSION,
  POST_PARTS,
  PRE_PARTS,
  SCENARIO_OUTCOMES,
  type JourneyContext,
  type JourneyEvent,
  type JourneyEventType,
  type JourneyNotification,
  type JourneyOutline,
  type JourneyStage,
  type ModuleProgress,
  type OutlineModule,
  type PostPart,
  type PrePart,
  type QuizProgress,
  type RejectionCode,
  type ScenarioOutcome,
  type WaitlistProgress,
} from './journey-types.js';
export {
  assertValidOutline,
  DAY_MS,
  followUpOpensAt,
  isValidFollowUpDelay,
  JourneyOutlineError,
  MAX_FOLLOW_UP_DELAY_DAYS,
} from './journey-progress.js';
export {
  isPersistedJourney,
  journeyStage,
  learningPhase,
  restoreJourney,
  startJourney,
  toPersisted,
  type JourneySnapshot,
  type JourneyStateValue,
  type LearningPhase,
  type LiveJourneySnapshot,
  type PersistedJourney,
} from './journey-persistence.js';
export {
  applyJourneyEvent,
  isJourneyEvent,
  rejectionReason,
  withCohortFollowUpDelay,
  withWaitlistSchedule,
  whyNot,
  type ApplyJourneyEventResult,
} from './apply-journey-event.js';
export { isRejectionCode, REJECTION_CODES, rejectionMessage } from './journey-rejections.js';
export { whyNotRule, type JourneyRuleStep, type RuleJourney } from './journey-rules.js';
export { stepEvent, whyNotStep, type JourneyMachineStep, type JourneyStep, type StepEvent } from './journey-steps.js';
export {
  describeJourney,
  percentComplete,
  type DescribableJourney,
  type JourneyView,
  type ModuleStatus,
  type ModuleView,
  type NextStep,
} from './journey-view.js';

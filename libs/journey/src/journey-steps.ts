// Every "may I do this?" of the learner's path, named the way the pages and routes name them, answered in one place.
// Machine steps become the event they stand for and the machine decides (whyNot); the rest are journey-rules.ts.
import { whyNot } from './apply-journey-event.js';
import type { LiveJourneySnapshot, PersistedJourney } from './journey-persistence.js';
import { outlineModule } from './journey-progress.js';
import { RULE_STEP_KINDS, whyNotRule, type JourneyRuleStep } from './journey-rules.js';
import type { JourneyContext, JourneyEvent, PostPart, PrePart, RejectionCode } from './journey-types.js';

/** A step the machine decides: it has an event. */
export type JourneyMachineStep =
  | { kind: 'consent' }
  /** Declining before consenting and withdrawing afterwards are one event (`consent.withdrawn`). */
  | { kind: 'withdraw' }
  | { kind: 'assessment'; wave: 'pre'; part: PrePart }
  | { kind: 'assessment'; wave: 'post'; part: PostPart }
  | { kind: 'completeLesson'; moduleKey: string; lessonKey: string }
  | { kind: 'quiz'; moduleKey: string }
  | { kind: 'scenario'; moduleKey: string }
  | { kind: 'followUp' };

export type JourneyStep = JourneyMachineStep | JourneyRuleStep;

export interface StepEvent {
  event: JourneyEvent;
  /**
   * The server supplies the verdict (quiz score, scenario outcome): the event here carries a placeholder verdict, good
   * for asking "may I?" (the machine accepts a pass and a fail alike) but not for moving ahead of the server.
   */
  graded: boolean;
}

const isRuleStep = (step: JourneyStep): step is JourneyRuleStep => (RULE_STEP_KINDS as readonly string[]).includes(step.kind);

/** The machine event a step stands for, at time `at`; null for steps the machine has no event for. */
export function stepEvent(context: JourneyContext, step: JourneyStep, at: number): StepEvent | null {
  if (isRuleStep(step)) return null;
  switch (step.kind) {
    case 'consent':
      return { event: { type: 'consent.given', at }, graded: false };
    case 'withdraw':
      return { event: { type: 'consent.withdrawn', at }, graded: false };
    case 'assessment':
      return step.wave === 'pre'
        ? { event: { type: 'pre.submitted', part: step.part, at }, graded: false }
        : { event: { type: 'post.submitted', part: step.part, at }, graded: false };
    case 'completeLesson':
      return { event: { type: 'lesson.completed', moduleKey: step.moduleKey, lessonKey: step.lessonKey, at }, graded: false };
    case 'quiz':
      return { event: { type: 'quiz.graded', moduleKey: step.moduleKey, passed: false, score: 0, at }, graded: true };
    case 'scenario': {
      // A module without a scenario gets an empty key, which the machine answers with UNKNOWN_ITEM.
      const scenarioKey = outlineModule(context, step.moduleKey)?.scenarioKey ?? '';
      return { event: { type: 'scenario.finished', moduleKey: step.moduleKey, scenarioKey, outcome: 'good', at }, graded: true };
    }
    case 'followUp':
      return { event: { type: 'followup.submitted', at }, graded: false };
  }
}

/**
 * null when the learner may take `step` now (at time `at`), otherwise the rejection code — the same one the API answers
 * 409 with for that step. Pages ask this instead of reading the progress themselves.
 */
export function whyNotStep(journey: PersistedJourney | LiveJourneySnapshot, step: JourneyStep, at: number): RejectionCode | null {
  if (isRuleStep(step)) return whyNotRule(journey, step, at);
  return whyNot(journey, stepEvent(journey.context, step, at)!.event);
}

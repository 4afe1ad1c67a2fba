// "May I?" for the learner's steps that are not machine events (opening a lesson, the certificate, the consent choice,
// the action plan). Read from the context alone and free of xstate, so the home page can ask without bundling the
// machine. The machine's own steps are answered in journey-steps.ts.
import { journeyStage, type JourneyStateValue } from './journey-stored.js';
import { hasLesson, isCurrentModule, isFollowUpOpen, isModuleDone, moduleIndex } from './journey-progress.js';
import type { JourneyContext, RejectionCode } from './journey-types.js';

/** Steps the machine has no event for; answered from what it recorded. */
export type JourneyRuleStep =
  /** Open a lesson to read it (marking it read is the machine's `completeLesson`). */
  | { kind: 'openLesson'; moduleKey: string; lessonKey: string }
  | { kind: 'certificate' }
  /** Change the consent choice (evaluation use or course only) after consenting. */
  | { kind: 'evaluationUse' }
  /** Write the closing lesson's action plan. */
  | { kind: 'actionPlan' }
  /** Answer "¿Cumplió lo que se propuso?" at the follow-up. */
  | { kind: 'actionPlanReview' };

export const RULE_STEP_KINDS: readonly JourneyRuleStep['kind'][] = ['openLesson', 'certificate', 'evaluationUse', 'actionPlan', 'actionPlanReview'];

/** Only value and context are read, so a stored snapshot, a live one or the API's state all work. */
export interface RuleJourney {
  value: JourneyStateValue;
  context: JourneyContext;
}

export function whyNotRule(journey: RuleJourney, step: JourneyRuleStep, at: number): RejectionCode | null {
  const { context } = journey;
  const stage = journeyStage(journey.value);
  switch (step.kind) {
    case 'openLesson': {
      if (!hasLesson(context, step.moduleKey, step.lessonKey)) return 'UNKNOWN_ITEM';
      const index = moduleIndex(context, step.moduleKey);
      // Lessons of a finished module stay open to re-read, whatever comes after; a module in progress only while learning.
      if (isModuleDone(context.outline.modules[index]!, context.modules[index]!)) return null;
      if (stage === 'withdrawn') return 'WITHDRAWN';
      return stage === 'learning' && isCurrentModule(context, step.moduleKey) ? null : 'MODULE_LOCKED';
    }
    case 'certificate':
      if (stage === 'withdrawn') return 'WITHDRAWN';
      return context.completedAt === null ? 'COURSE_NOT_COMPLETED' : null;
    case 'evaluationUse':
      if (stage === 'withdrawn') return 'WITHDRAWN';
      return context.consentedAt === null ? 'EVENT_NOT_ALLOWED' : null;
    case 'actionPlan':
      if (stage === 'withdrawn') return 'WITHDRAWN';
      return stage === 'consent' ? 'EVENT_NOT_ALLOWED' : null;
    case 'actionPlanReview':
      if (stage === 'withdrawn') return 'WITHDRAWN';
      if (stage === 'followUp' || stage === 'done') return null;
      // A completed journey whose delay has passed is at the follow-up even before a clock tick moved it there.
      return stage === 'completed' && isFollowUpOpen(context, at) ? null : 'FOLLOW_UP_NOT_OPEN';
  }
}

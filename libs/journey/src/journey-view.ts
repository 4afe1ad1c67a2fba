// Plain data for the learner's path page and the trainer roster, derived from a stored (or live) snapshot.
// Nothing here decides what is allowed: that is the machine's job; this only reads what it recorded.
import { journeyStage, learningPhase, type JourneyStateValue } from './journey-persistence.js';
import {
  allLessonsRead,
  attemptsExhausted,
  currentModuleIndex,
  followUpOpensAt,
  isModuleDone,
  requiredPostParts,
} from './journey-progress.js';
import {
  PRE_PARTS,
  type JourneyContext,
  type JourneyStage,
  type PostPart,
  type PrePart,
} from './journey-types.js';

/** What the UI should offer next. The certificate is not a step: see `certificateAvailable`. */
export type NextStep =
  | { kind: 'consent' }
  /** waitlistRound: on a study's waitlist, the first baseline or the second one (the ordinary pre-assessment). */
  | { kind: 'preAssessment'; part: PrePart; waitlistRound?: 'first' | 'second' }
  /** Waitlist: baseline taken; the second baseline (and the course) open at `opensAt`. */
  | { kind: 'waitSecondBaseline'; opensAt: number }
  | { kind: 'lesson'; moduleKey: string; lessonKey: string }
  | { kind: 'quiz'; moduleKey: string; attemptsLeft: number }
  | { kind: 'review'; moduleKey: string; lessonKey: string }
  | { kind: 'scenario'; moduleKey: string; scenarioKey: string }
  | { kind: 'postAssessment'; part: PostPart }
  | { kind: 'waitFollowUp'; opensAt: number }
  | { kind: 'followUp' }
  | { kind: 'done' }
  | { kind: 'withdrawn' };

export type ModuleStatus = 'locked' | 'available' | 'done';

export interface ModuleView {
  key: string;
  status: ModuleStatus;
  /** In outline order. Re-reads during a review do not count here (they are tracked per review round). */
  lessonsRead: string[];
  lessonCount: number;
  quiz: {
    attempts: number;
    /** In the current round; 0 once passed or while locked for review. */
    attemptsLeft: number;
    passed: boolean;
    bestScore: number | null;
    lockedForReview: boolean;
    /** Lessons still to re-read to unlock more attempts; empty unless lockedForReview. */
    lessonsToReview: string[];
  };
  scenarioKey: string | null;
  /** null when the module has no scenario. */
  scenarioDone: boolean | null;
}

export interface JourneyView {
  courseVersionId: string;
  stage: JourneyStage;
  /** 0–100, counting consent, each pre part, each lesson, quiz and scenario, each post part; 100 from completion. */
  percentComplete: number;
  pre: { done: PrePart[]; pending: PrePart[] };
  /** Only the parts this course version requires (no 'then' without a then-test). */
  post: { done: PostPart[]; pending: PostPart[] };
  modules: ModuleView[];
  /** The module being worked on while learning, else null. */
  currentModuleKey: string | null;
  consentedAt: number | null;
  completedAt: number | null;
  followUpOpensAt: number | null;
  certificateAvailable: boolean;
  withdrawnAt: number | null;
  lastActivityAt: number | null;
  /** The cohort is a study's waitlist: the learner answers the baseline twice (why, and when, is shown to them). */
  waitlist: { secondBaselineAt: number; baselineDone: boolean; secondBaselineOpenedAt: number | null } | null;
  nextStep: NextStep;
}

/** Accepts a persisted snapshot or a live one: only value and context are read. */
export interface DescribableJourney {
  value: JourneyStateValue;
  context: JourneyContext;
}

export function describeJourney(journey: DescribableJourney): JourneyView {
  const { context } = journey;
  const stage = journeyStage(journey.value);
  const currentIndex = stage === 'learning' ? currentModuleIndex(context) : -1;

  const modules = context.outline.modules.map((outline, index): ModuleView => {
    const progress = context.modules[index]!;
    const lockedForReview = attemptsExhausted(outline, progress.quiz);
    const status: ModuleStatus = isModuleDone(outline, progress)
      ? 'done'
      : index === currentIndex
        ? 'available'
        : 'locked';
    return {
      key: outline.key,
      status,
      lessonsRead: outline.lessonKeys.filter((lessonKey) => progress.lessonsRead.includes(lessonKey)),
      lessonCount: outline.lessonKeys.length,
      quiz: {
        attempts: progress.quiz.attempts,
        attemptsLeft:
          progress.quiz.passed || lockedForReview ? 0 : outline.quiz.maxAttempts - progress.quiz.attemptsThisRound,
        passed: progress.quiz.passed,
        bestScore: progress.quiz.bestScore,
        lockedForReview,
        lessonsToReview: lockedForReview
          ? outline.lessonKeys.filter((lessonKey) => !progress.quiz.lessonsReviewed.includes(lessonKey))
          : [],
      },
      scenarioKey: outline.scenarioKey,
      scenarioDone: outline.scenarioKey === null ? null : progress.scenario !== null,
    };
  });

  const postParts = requiredPostParts(context.outline);
  const opensAt = followUpOpensAt(context);
  return {
    courseVersionId: context.outline.courseVersionId,
    stage,
    percentComplete: percentComplete(context),
    // During the first baseline, the parts of that round (the same questions, recorded apart).
    pre: {
      done: PRE_PARTS.filter((part) => prePartsOfRound(context, stage)[part] !== null),
      pending: PRE_PARTS.filter((part) => prePartsOfRound(context, stage)[part] === null),
    },
    post: {
      done: postParts.filter((part) => context.post[part] !== null),
      pending: postParts.filter((part) => context.post[part] === null),
    },
    modules,
    currentModuleKey: currentIndex === -1 ? null : context.outline.modules[currentIndex]!.key,
    consentedAt: context.consentedAt,
    completedAt: context.completedAt,
    followUpOpensAt: opensAt,
    certificateAvailable: context.completedAt !== null && stage !== 'withdrawn',
    withdrawnAt: context.withdrawnAt,
    lastActivityAt: context.lastActivityAt,
    waitlist: waitlistView(context),
    nextStep: nextStep(journey, stage, opensAt),
  };
}

const prePartsOfRound = (context: JourneyContext, stage: JourneyStage) =>
  (stage === 'baseline' || stage === 'waiting') && context.waitlist ? context.waitlist.baseline : context.pre;

function waitlistView(context: JourneyContext): JourneyView['waitlist'] {
  const waitlist = context.waitlist ?? null;
  if (waitlist === null) return null;
  return {
    secondBaselineAt: waitlist.secondBaselineAt,
    baselineDone: PRE_PARTS.every((part) => waitlist.baseline[part] !== null),
    secondBaselineOpenedAt: waitlist.secondBaselineOpenedAt,
  };
}

/** Floored, so 100 means everything is done and never "99.6 rounded up". */
export function percentComplete(context: JourneyContext): number {
  let total = 1 + PRE_PARTS.length;
  let done = (context.consentedAt !== null ? 1 : 0) + PRE_PARTS.filter((part) => context.pre[part] !== null).length;
  context.outline.modules.forEach((outline, index) => {
    const progress = context.modules[index]!;
    total += outline.lessonKeys.length + 1 + (outline.scenarioKey === null ? 0 : 1);
    done += outline.lessonKeys.filter((lessonKey) => progress.lessonsRead.includes(lessonKey)).length;
    done += (progress.quiz.passed ? 1 : 0) + (progress.scenario !== null ? 1 : 0);
  });
  const postParts = requiredPostParts(context.outline);
  total += postParts.length;
  done += postParts.filter((part) => context.post[part] !== null).length;
  return Math.floor((done * 100) / total);
}

function nextStep(journey: DescribableJourney, stage: JourneyStage, opensAt: number | null): NextStep {
  const { context } = journey;
  switch (stage) {
    case 'consent':
      return { kind: 'consent' };
    case 'baseline':
      return { kind: 'preAssessment', part: PRE_PARTS.find((part) => context.waitlist!.baseline[part] === null)!, waitlistRound: 'first' };
    case 'waiting':
      return { kind: 'waitSecondBaseline', opensAt: context.waitlist!.secondBaselineAt };
    case 'preAssessment': {
      const part = PRE_PARTS.find((p) => context.pre[p] === null)!;
      return context.waitlist ? { kind: 'preAssessment', part, waitlistRound: 'second' } : { kind: 'preAssessment', part };
    }
    case 'learning': {
      const index = currentModuleIndex(context);
      const outline = context.outline.modules[index]!;
      const progress = context.modules[index]!;
      const phase = learningPhase(journey.value);
      if (phase === 'review') {
        const lessonKey = outline.lessonKeys.find((key) => !progress.quiz.lessonsReviewed.includes(key))!;
        return { kind: 'review', moduleKey: outline.key, lessonKey };
      }
      if (phase === 'scenario') return { kind: 'scenario', moduleKey: outline.key, scenarioKey: outline.scenarioKey! };
      if (phase === 'quiz' || allLessonsRead(outline, progress)) {
        const attemptsLeft = outline.quiz.maxAttempts - progress.quiz.attemptsThisRound;
        return { kind: 'quiz', moduleKey: outline.key, attemptsLeft };
      }
      const lessonKey = outline.lessonKeys.find((key) => !progress.lessonsRead.includes(key))!;
      return { kind: 'lesson', moduleKey: outline.key, lessonKey };
    }
    case 'postAssessment':
      return {
        kind: 'postAssessment',
        part: requiredPostParts(context.outline).find((part) => context.post[part] === null)!,
      };
    case 'completed':
      return { kind: 'waitFollowUp', opensAt: opensAt! };
    case 'followUp':
      return { kind: 'followUp' };
    case 'done':
      return { kind: 'done' };
    case 'withdrawn':
      return { kind: 'withdrawn' };
  }
}

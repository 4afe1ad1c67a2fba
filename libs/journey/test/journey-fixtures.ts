// Shared outline and event builders for the journey specs. Lesson keys repeat across modules on purpose: a lesson is
// identified by moduleKey + lessonKey, and the tests should catch any code that forgets the module.
import { applyJourneyEvent, DAY_MS, type JourneyEvent, type JourneyOutline, type PersistedJourney } from '../src/index.js';

export const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
export const MINUTE = 60_000;

export function threeModuleOutline(overrides: Partial<JourneyOutline> = {}): JourneyOutline {
  return {
    courseVersionId: 'gbv-response@3',
    modules: [
      { key: 'm1', lessonKeys: ['intro', 'law'], quiz: { key: 'q1', passMark: 0.75, maxAttempts: 3 }, scenarioKey: 's1' },
      { key: 'm2', lessonKeys: ['intro', 'rights', 'duty'], quiz: { key: 'q2', passMark: 0.75, maxAttempts: 3 }, scenarioKey: null },
      { key: 'm3', lessonKeys: ['intro'], quiz: { key: 'q3', passMark: 0.75, maxAttempts: 3 }, scenarioKey: 's3' },
    ],
    followUpDelayDays: 90,
    hasThenTest: true,
    ...overrides,
  };
}

/** A clock the test owns: every call is one minute later. */
export function minuteClock(start = T0): () => number {
  let now = start - MINUTE;
  return () => (now += MINUTE);
}

/** One labelled step of a journey, so a failing assertion names the step. */
export interface Step {
  label: string;
  event: JourneyEvent;
}

/** Every step from consent to the end of the post-assessment, in the order a diligent learner takes them. */
export function pathToCompletion(outline: JourneyOutline, now: () => number = minuteClock()): Step[] {
  const steps: Step[] = [
    { label: 'consent', event: { type: 'consent.given', at: now() } },
    { label: 'pre knowledge', event: { type: 'pre.submitted', part: 'knowledge', at: now() } },
    { label: 'pre attitude', event: { type: 'pre.submitted', part: 'attitude', at: now() } },
  ];
  for (const module of outline.modules) {
    for (const lessonKey of module.lessonKeys) {
      steps.push({
        label: `${module.key} lesson ${lessonKey}`,
        event: { type: 'lesson.completed', moduleKey: module.key, lessonKey, at: now() },
      });
    }
    steps.push({
      label: `${module.key} quiz`,
      event: { type: 'quiz.graded', moduleKey: module.key, passed: true, score: 0.9, at: now() },
    });
    if (module.scenarioKey) {
      steps.push({
        label: `${module.key} scenario`,
        event: { type: 'scenario.finished', moduleKey: module.key, scenarioKey: module.scenarioKey, outcome: 'mixed', at: now() },
      });
    }
  }
  const parts = outline.hasThenTest ? (['knowledge', 'attitude', 'then'] as const) : (['knowledge', 'attitude'] as const);
  for (const part of parts) steps.push({ label: `post ${part}`, event: { type: 'post.submitted', part, at: now() } });
  return steps;
}

/** The two steps after completion, timed from the completing event. */
export function followUpSteps(outline: JourneyOutline, completedAt: number): Step[] {
  const opensAt = completedAt + outline.followUpDelayDays * DAY_MS;
  return [
    { label: 'clock tick (follow-up opens)', event: { type: 'clock.tick', at: opensAt } },
    { label: 'follow-up', event: { type: 'followup.submitted', at: opensAt + 5 * MINUTE } },
  ];
}

/** Applies steps that must all be accepted; fails with the step's label otherwise. */
export function applyAll(persisted: PersistedJourney, steps: Step[]): PersistedJourney {
  let current = persisted;
  for (const step of steps) {
    const result = applyJourneyEvent(current, step.event);
    if (!result.accepted) throw new Error(`step "${step.label}" rejected: ${result.reason}`);
    current = result.snapshot;
  }
  return current;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

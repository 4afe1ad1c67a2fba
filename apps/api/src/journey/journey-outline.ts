import type { Course } from '#curriculum';
import { type JourneyOutline, type PersistedJourney, startJourney } from '#journey';

/** The journey only needs a course version's keys and limits; texts never enter the machine. */
export function outlineOf(course: Course, courseVersionId: string, followUpDelayDays: number): JourneyOutline {
  const byKey = new Map(course.modules.map((m) => [m.key, m] as const));
  return {
    courseVersionId,
    followUpDelayDays,
    hasThenTest: Boolean(course.attitudeInstrument.thenTestInstructions),
    modules: course.moduleOrder.map((key) => {
      const m = byKey.get(key)!;
      return {
        key: m.key,
        lessonKeys: m.lessons.map((l) => l.key),
        quiz: { key: m.quiz.key, passMark: m.quiz.passMark, maxAttempts: m.quiz.maxAttempts },
        scenarioKey: m.scenario ?? null,
      };
    }),
  };
}

const firstJourneys = new WeakMap<Course, Map<string, PersistedJourney>>();

/**
 * The journey every learner of a version (under a cohort's follow-up delay) starts from: the same for all of them, so
 * built once. Frozen, because it is shared: the machine's functions copy a journey, never change one.
 */
export function firstJourney(course: Course, courseVersionId: string, followUpDelayDays: number): PersistedJourney {
  let byVersion = firstJourneys.get(course);
  if (!byVersion) firstJourneys.set(course, (byVersion = new Map()));
  const key = `${courseVersionId}:${followUpDelayDays}`;
  let journey = byVersion.get(key);
  if (!journey) byVersion.set(key, (journey = deepFreeze(startJourney(outlineOf(course, courseVersionId, followUpDelayDays)))));
  return journey;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

const outlineTexts = new WeakMap<JourneyOutline, string>();

/**
 * The version's own outline (firstJourney's, frozen and shared) when `outline` is equal to it, else undefined: a
 * journey kept in memory for long can then share it instead of holding its own copy (about half of a journey).
 */
export function sharedOutline(course: Course, outline: JourneyOutline): JourneyOutline | undefined {
  const shared = firstJourney(course, outline.courseVersionId, outline.followUpDelayDays).context.outline;
  if (outline === shared) return shared;
  let text = outlineTexts.get(shared);
  if (text === undefined) outlineTexts.set(shared, (text = JSON.stringify(shared)));
  return JSON.stringify(outline) === text ? shared : undefined;
}

import type { Course } from '#curriculum';
import type { JourneyOutline } from '#journey';

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

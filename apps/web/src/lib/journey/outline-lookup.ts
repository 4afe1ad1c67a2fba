import type { CourseOutline, OutlineModule } from './journey-types';

export function findModule(outline: CourseOutline, moduleKey: string): { module: OutlineModule; number: number } | null {
  const index = outline.modules.findIndex((m) => m.key === moduleKey);
  return index === -1 ? null : { module: outline.modules[index]!, number: index + 1 };
}

export function findLesson(outline: CourseOutline, moduleKey: string, lessonKey: string) {
  const found = findModule(outline, moduleKey);
  const index = found?.module.lessons.findIndex((l) => l.key === lessonKey) ?? -1;
  return found && index !== -1 ? { ...found, lesson: found.module.lessons[index]!, lessonNumber: index + 1 } : null;
}

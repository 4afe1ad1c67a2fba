// Rules that need more than one file at a time, plus parseCourse(), the single entry point for drafts.
import { z } from 'zod';
import {
  AttitudeInstrumentSchema,
  CourseSchema,
  KeySchema,
  KnowledgeTestSchema,
  LOCALES,
  ModuleSchema,
  PracticeQuestionnaireSchema,
  ScenarioSchema,
  type AttitudeInstrument,
  type Course,
  type KnowledgeTest,
  type Module,
  type PracticeQuestionnaire,
  type Scenario,
} from './course-schema.js';
import { friendlyErrorMap, joinPath, zodIssuesToProblems, type Problem } from './problems.js';
import { validateScenarioGraph } from './scenario-graph.js';
import { countWords, findClaim, LESSON_MAX_WORDS, LESSON_MIN_WORDS } from './text-checks.js';

// A part that failed its own schema still tells us its key, so references to it are not reported twice.
interface Slot<T> {
  value?: T;
  key?: string;
}

interface CourseParts {
  key?: string;
  moduleOrder?: string[];
  modules: Slot<Module>[];
  knowledgeTest?: KnowledgeTest;
  attitudeInstrument?: AttitudeInstrument;
  practiceQuestionnaire?: PracticeQuestionnaire;
  scenarios: Slot<Scenario>[];
}

const LANGUAGE_NAME = { es: 'Spanish', en: 'English' } as const;

function checkUniqueKeys(parts: CourseParts, problems: Problem[]): void {
  const firstSeen = new Map<string, string>();
  const claim = (key: string | undefined, path: string): void => {
    if (key === undefined) return;
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) problems.push({ path, message: `key "${key}" is already used at ${earlier || 'the course'}; keys must be unique across the course` });
    else firstSeen.set(key, path);
  };
  claim(parts.key, 'key');
  parts.modules.forEach(({ value: module }, m) => {
    if (!module) return;
    claim(module.key, `modules[${m}].key`);
    module.lessons.forEach((lesson, l) => claim(lesson.key, `modules[${m}].lessons[${l}].key`));
    claim(module.quiz.key, `modules[${m}].quiz.key`);
    module.quiz.questions.forEach((question, q) => claim(question.key, `modules[${m}].quiz.questions[${q}].key`));
  });
  if (parts.knowledgeTest) {
    claim(parts.knowledgeTest.key, 'knowledgeTest.key');
    parts.knowledgeTest.items.forEach((item, i) => claim(item.key, `knowledgeTest.items[${i}].key`));
  }
  if (parts.attitudeInstrument) {
    claim(parts.attitudeInstrument.key, 'attitudeInstrument.key');
    parts.attitudeInstrument.items.forEach((item, i) => claim(item.key, `attitudeInstrument.items[${i}].key`));
  }
  if (parts.practiceQuestionnaire) {
    claim(parts.practiceQuestionnaire.key, 'practiceQuestionnaire.key');
    parts.practiceQuestionnaire.items.forEach((item, i) => claim(item.key, `practiceQuestionnaire.items[${i}].key`));
  }
  parts.scenarios.forEach(({ value: scenario }, s) => claim(scenario?.key, `scenarios[${s}].key`));
}

function checkModuleOrder(parts: CourseParts, problems: Problem[]): void {
  if (!parts.moduleOrder) return;
  const moduleKeys = new Set(parts.modules.map((slot) => slot.key).filter((key): key is string => key !== undefined));
  const listed = new Set<string>();
  parts.moduleOrder.forEach((key, index) => {
    if (listed.has(key)) problems.push({ path: `moduleOrder[${index}]`, message: `module "${key}" is listed twice in course.yaml` });
    listed.add(key);
    if (!moduleKeys.has(key)) problems.push({ path: `moduleOrder[${index}]`, message: `course.yaml lists module "${key}" but there is no module with that key` });
  });
  parts.modules.forEach(({ key }, index) => {
    if (key !== undefined && !listed.has(key)) {
      problems.push({ path: `modules[${index}].key`, message: `module "${key}" is not in course.yaml's module list, so learners would never reach it` });
    }
  });
}

function checkReferences(parts: CourseParts, problems: Problem[]): void {
  const scenarioKeys = new Set(parts.scenarios.map((slot) => slot.key));
  parts.modules.forEach(({ value: module }, m) => {
    if (module?.scenario !== undefined && !scenarioKeys.has(module.scenario)) {
      problems.push({ path: `modules[${m}].scenario`, message: `scenario "${module.scenario}" does not exist` });
    }
  });
  const moduleKeys = new Set(parts.modules.map((slot) => slot.key));
  parts.knowledgeTest?.items.forEach((item, i) => {
    if (!moduleKeys.has(item.module)) {
      problems.push({ path: `knowledgeTest.items[${i}].module`, message: `module "${item.module}" does not exist` });
    }
  });
}

function checkLessons(parts: CourseParts, problems: Problem[]): void {
  parts.modules.forEach(({ value: module }, m) => {
    module?.lessons.forEach((lesson, l) => {
      const at = `modules[${m}].lessons[${l}]`;
      for (const locale of LOCALES) {
        const words = countWords(lesson.body[locale]);
        if (words < LESSON_MIN_WORDS || words > LESSON_MAX_WORDS) {
          problems.push({
            path: `${at}.body.${locale}`,
            message: `the ${LANGUAGE_NAME[locale]} text has ${words} words; lessons need ${LESSON_MIN_WORDS}–${LESSON_MAX_WORDS} words per language`,
          });
        }
      }
      if (lesson.sources.length > 0) return;
      for (const locale of LOCALES) {
        const claim = findClaim(`${lesson.title[locale]}\n${lesson.body[locale]}`);
        if (claim) {
          problems.push({
            path: `${at}.sources`,
            message: `the ${LANGUAGE_NAME[locale]} text cites ${claim.what} ("${claim.match}") but the lesson lists no sources; legal and statistical claims need a source with reviewedOn`,
          });
          return;
        }
      }
    });
  });
}

/** The action plan is one private field per enrolment, so at most one lesson in a course may carry it. */
function checkActionPlan(parts: CourseParts, problems: Problem[]): void {
  const flagged: string[] = [];
  parts.modules.forEach(({ value: module }, m) => {
    module?.lessons.forEach((lesson, l) => {
      if (lesson.actionPlan === true) flagged.push(`modules[${m}].lessons[${l}]`);
    });
  });
  for (const path of flagged.slice(1)) {
    problems.push({
      path: `${path}.actionPlan`,
      message: `only one lesson in a course may have actionPlan: true (${flagged[0]} already has it)`,
    });
  }
}

function checkScenarios(parts: CourseParts, problems: Problem[]): void {
  parts.scenarios.forEach(({ value: scenario }, s) => {
    if (!scenario) return;
    for (const problem of validateScenarioGraph(scenario)) problems.push({ ...problem, path: joinPath(`scenarios[${s}]`, problem.path) });
  });
}

function crossCheck(parts: CourseParts): Problem[] {
  const problems: Problem[] = [];
  checkUniqueKeys(parts, problems);
  checkModuleOrder(parts, problems);
  checkReferences(parts, problems);
  checkScenarios(parts, problems);
  checkLessons(parts, problems);
  checkActionPlan(parts, problems);
  return problems;
}

/** Cross-file rules on a course that already passed the schema. Returns every problem, not just the first. */
export function validateCourse(course: Course): Problem[] {
  return crossCheck({
    key: course.key,
    moduleOrder: course.moduleOrder,
    modules: course.modules.map((module) => ({ value: module, key: module.key })),
    knowledgeTest: course.knowledgeTest,
    attitudeInstrument: course.attitudeInstrument,
    practiceQuestionnaire: course.practiceQuestionnaire,
    scenarios: course.scenarios.map((scenario) => ({ value: scenario, key: scenario.key })),
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function slotsOf<T>(raw: unknown, schema: z.ZodType<T>): Slot<T>[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item) => {
    const parsed = schema.safeParse(item);
    const key = isRecord(item) ? KeySchema.safeParse(item.key) : undefined;
    return { value: parsed.success ? parsed.data : undefined, key: key?.success ? key.data : undefined };
  });
}

// When the schema fails we still run the cross rules on every part that is valid on its own,
// so an author sees the whole list of problems at once instead of fixing them one round at a time.
function partsFromRaw(raw: Record<string, unknown>): CourseParts {
  const key = KeySchema.safeParse(raw.key);
  const moduleOrder = z.array(KeySchema).safeParse(raw.moduleOrder);
  const knowledgeTest = KnowledgeTestSchema.safeParse(raw.knowledgeTest);
  const attitudeInstrument = AttitudeInstrumentSchema.safeParse(raw.attitudeInstrument);
  const practiceQuestionnaire = PracticeQuestionnaireSchema.safeParse(raw.practiceQuestionnaire);
  return {
    key: key.success ? key.data : undefined,
    moduleOrder: moduleOrder.success ? moduleOrder.data : undefined,
    modules: slotsOf(raw.modules, ModuleSchema),
    knowledgeTest: knowledgeTest.success ? knowledgeTest.data : undefined,
    attitudeInstrument: attitudeInstrument.success ? attitudeInstrument.data : undefined,
    practiceQuestionnaire: practiceQuestionnaire.success ? practiceQuestionnaire.data : undefined,
    scenarios: slotsOf(raw.scenarios, ScenarioSchema),
  };
}

export type ParseCourseResult = { ok: true; course: Course } | { ok: false; problems: Problem[] };

/** Schema + cross-file rules in one call: the authoring API runs this on drafts, the loader on the content files. */
export function parseCourse(raw: unknown): ParseCourseResult {
  const result = CourseSchema.safeParse(raw, { error: friendlyErrorMap });
  if (result.success) {
    const problems = validateCourse(result.data);
    return problems.length === 0 ? { ok: true, course: result.data } : { ok: false, problems };
  }
  const problems = zodIssuesToProblems(result.error.issues);
  if (isRecord(raw)) problems.push(...crossCheck(partsFromRaw(raw)));
  return { ok: false, problems };
}

// The course as the repository holds it: YAML files (see ../FORMAT.md). Reading assembles the course object from the
// files' texts; writing turns a course back into the same files, so a version exported from the platform can be
// reviewed and committed in git, and re-imported to the identical version. Pure (no file system): the loader, the
// API's import and export and the tests all pass texts in and out.
import { isMap, isScalar, parse, parseDocument, stringify } from 'yaml';
import { parseCourse } from './course-rules.js';
import type { Course } from './course-schema.js';
import type { Problem } from './problems.js';

export const COURSE_FILE = 'course.yaml';
export const KNOWLEDGE_TEST_FILE = 'assessments/knowledge-test.yaml';
export const ATTITUDE_INSTRUMENT_FILE = 'assessments/attitude-instrument.yaml';
/** Optional: a course without it has no behaviour follow-up. */
export const PRACTICE_FILE = 'assessments/practice-questionnaire.yaml';

/** relative path (forward slashes) → file text */
export type CourseFiles = Record<string, string>;

export interface AssembledCourse {
  /** The object handed to parseCourse (course.yaml's `modules` renamed to `moduleOrder`). */
  raw: Record<string, unknown>;
  course: Course | null;
  problems: Problem[];
}

const keyOf = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as { key?: unknown }).key : undefined);

const filesUnder = (files: CourseFiles, folder: string): string[] =>
  Object.keys(files).filter((name) => name.startsWith(`${folder}/`) && !name.slice(folder.length + 1).includes('/') && /\.ya?ml$/.test(name)).sort();

/** Reads course.yaml, modules/*, assessments/* and scenarios/*, then runs parseCourse on the result. */
export function assembleCourse(files: CourseFiles): AssembledCourse {
  const problems: Problem[] = [];
  const read = (file: string): unknown => {
    const text = files[file];
    if (text === undefined) {
      problems.push({ path: '', file, message: 'file is missing' });
      return undefined;
    }
    try {
      return parse(text, { prettyErrors: true });
    } catch (error) {
      problems.push({ path: '', file, message: `YAML syntax error: ${(error as Error).message}` });
      return undefined;
    }
  };

  const courseFile = read(COURSE_FILE);
  const { modules: moduleOrder, ...header } =
    typeof courseFile === 'object' && courseFile !== null ? (courseFile as Record<string, unknown>) : ({} as Record<string, unknown>);

  // Modules follow course.yaml's order; files it does not list go last (by file name) so the rules can flag them.
  const moduleFiles = filesUnder(files, 'modules').map((file) => ({ file, value: read(file) }));
  const order = Array.isArray(moduleOrder) ? moduleOrder : [];
  const rank = (value: unknown): number => {
    const index = order.indexOf(keyOf(value));
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  moduleFiles.sort((a, b) => rank(a.value) - rank(b.value)); // stable: unlisted keep file-name order
  const scenarioFiles = filesUnder(files, 'scenarios').map((file) => ({ file, value: read(file) }));

  const raw: Record<string, unknown> = {
    ...header,
    moduleOrder,
    modules: moduleFiles.map((entry) => entry.value),
    knowledgeTest: read(KNOWLEDGE_TEST_FILE),
    attitudeInstrument: read(ATTITUDE_INSTRUMENT_FILE),
    ...(files[PRACTICE_FILE] !== undefined ? { practiceQuestionnaire: read(PRACTICE_FILE) } : {}),
    scenarios: scenarioFiles.map((entry) => entry.value),
  };

  // Point each problem at the file an author has to open.
  const fileFor = (problemPath: string): string => {
    const match = /^(modules|scenarios)\[(\d+)\]/.exec(problemPath);
    if (match) return (match[1] === 'modules' ? moduleFiles : scenarioFiles)[Number(match[2])]?.file ?? COURSE_FILE;
    if (problemPath.startsWith('knowledgeTest')) return KNOWLEDGE_TEST_FILE;
    if (problemPath.startsWith('attitudeInstrument')) return ATTITUDE_INSTRUMENT_FILE;
    if (problemPath.startsWith('practiceQuestionnaire')) return PRACTICE_FILE;
    return COURSE_FILE;
  };

  const parsed = parseCourse(raw);
  if (!parsed.ok) {
    for (const problem of parsed.problems) {
      // A file that failed to read is already reported once; skip the "is required" echo from the schema.
      if (problems.some((p) => p.file === fileFor(problem.path) && p.path === '')) continue;
      // `moduleOrder` is course.yaml's `modules` list under its assembled name; say so where the author looks.
      const message = problem.path.startsWith('moduleOrder') ? `${problem.message} (course.yaml: the "modules" list)` : problem.message;
      problems.push({ ...problem, message, file: fileFor(problem.path) });
    }
  }
  return { raw, course: parsed.ok && problems.length === 0 ? parsed.course : null, problems };
}

// Field order in the files, as FORMAT.md writes them (the database keeps JSON objects in its own order). Fields not
// listed follow in alphabetical order.
const FIELD_ORDER = [
  'key', 'test', 'kind', 'type', 'module', 'subscale', 'reverse', 'audience', 'title', 'description', 'summary', 'hours',
  'changeNote', 'modules', 'estimatedMinutes', 'objectives', 'scenario', 'version', 'instructions', 'thenTestInstructions',
  'scale', 'subscales', 'intro', 'start', 'situation', 'prompt', 'text', 'body', 'privacyRules', 'actionPlan', 'sources',
  'citation', 'norm', 'number', 'publishedOn', 'url', 'reviewedOn', 'certainty', 'notKnown', 'correct', 'points', 'critical',
  'feedback', 'next', 'outcome', 'when', 'minPercent', 'belowPercent', 'options', 'choices', 'evaluation', 'courseOnly',
  'lessons', 'quiz', 'passMark', 'maxAttempts', 'questions', 'items', 'nodes', 'endings', 'consent', 'es', 'en',
];
const rankOf = new Map(FIELD_ORDER.map((name, index) => [name, index]));

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, inner]) => inner !== undefined);
  entries.sort(([a], [b]) => (rankOf.get(a) ?? FIELD_ORDER.length) - (rankOf.get(b) ?? FIELD_ORDER.length) || a.localeCompare(b));
  return Object.fromEntries(entries.map(([name, inner]) => [name, ordered(inner)]));
}

/** YAML as authors write it: Markdown as literal blocks, no folded lines, dates and keys that read back as they were. */
function toYaml(value: unknown): string {
  return stringify(ordered(value), { blockQuote: 'literal', lineWidth: 0, minContentWidth: 0 });
}

/** The file a module or scenario is written to: `modules/01-genero.yaml` for `m01-genero`, `scenarios/denuncia-3am.yaml` for `sc.denuncia-3am`. */
function fileNames(keys: string[], folder: string, strip: RegExp): string[] {
  const used = new Set<string>();
  return keys.map((key) => {
    let name = key.replace(strip, '') || key;
    if (used.has(name)) name = key; // two keys that shorten alike keep their full key
    used.add(name);
    return `${folder}/${name}.yaml`;
  });
}

/** Writes a course as the repository's YAML files (the inverse of assembleCourse). */
export function courseToFiles(course: Course): CourseFiles {
  const { moduleOrder, modules, knowledgeTest, attitudeInstrument, practiceQuestionnaire, scenarios, ...header } = course;
  const files: CourseFiles = { [COURSE_FILE]: toYaml({ ...header, modules: moduleOrder }) };
  const moduleNames = fileNames(modules.map((module) => module.key), 'modules', /^m(?=\d)/);
  modules.forEach((module, index) => (files[moduleNames[index]!] = toYaml(module)));
  files[KNOWLEDGE_TEST_FILE] = toYaml(knowledgeTest);
  files[ATTITUDE_INSTRUMENT_FILE] = toYaml(attitudeInstrument);
  if (practiceQuestionnaire) files[PRACTICE_FILE] = toYaml(practiceQuestionnaire);
  const scenarioNames = fileNames(scenarios.map((scenario) => scenario.key), 'scenarios', /^sc\./);
  scenarios.forEach((scenario, index) => (files[scenarioNames[index]!] = toYaml(scenario)));
  return files;
}

/** The course key a course.yaml names, if it can be read (to check an import is for the right course). */
export function courseKeyOf(files: CourseFiles): string | null {
  const text = files[COURSE_FILE];
  if (text === undefined) return null;
  const document = parseDocument(text);
  if (!isMap(document.contents)) return null;
  const key = document.contents.get('key', true);
  return isScalar(key) && typeof key.value === 'string' ? key.value : null;
}

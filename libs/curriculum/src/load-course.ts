// The only I/O in this library: read the YAML files of one course directory and assemble the course object.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { ATTITUDE_BLUEPRINT_FILE, AttitudeBlueprintSchema, type AttitudeBlueprint } from './attitude-blueprint.js';
import { parseCourse } from './course-rules.js';
import { friendlyErrorMap, zodIssuesToProblems } from './problems.js';
import type { Course } from './course-schema.js';
import { KNOWLEDGE_BLUEPRINT_FILE, KnowledgeBlueprintSchema, type KnowledgeBlueprint } from './knowledge-blueprint.js';
import type { Problem } from './problems.js';

export const COURSE_CONTENT_SUBDIR = 'libs/curriculum/content/gbv-response';
export const PRACTICE_FILE = 'assessments/practice-questionnaire.yaml';

/**
 * Where the course files live. Resolved from a base directory (the repo root by default) rather than from this
 * file's location, because the code runs both as ESM (tsc output) and as CommonJS under jest.
 */
export function defaultContentDir(baseDir: string = process.cwd()): string {
  return path.resolve(baseDir, COURSE_CONTENT_SUBDIR);
}

/** JSON with object keys sorted at every level, so equal content always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner) || inner instanceof Date) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
  });
}

/** sha256 (hex) of the canonical JSON: the version fingerprint of a course's content. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export interface LoadedCourse {
  /** The assembled object handed to parseCourse (course.yaml's `modules` renamed to `moduleOrder`). */
  raw: Record<string, unknown>;
  course: Course | null;
  problems: Problem[];
  contentHash: string;
}

interface ReadResult {
  value: unknown;
  problem?: Problem;
}

function readYaml(dir: string, relative: string): ReadResult {
  const file = path.join(dir, relative);
  if (!existsSync(file)) return { value: undefined, problem: { path: '', file: relative, message: 'file is missing' } };
  try {
    return { value: parse(readFileSync(file, 'utf8'), { prettyErrors: true }) };
  } catch (error) {
    return { value: undefined, problem: { path: '', file: relative, message: `YAML syntax error: ${(error as Error).message}` } };
  }
}

const yamlFilesIn = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort() : [];

const keyOf = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as { key?: unknown }).key : undefined);

/** Reads course.yaml, modules/*, assessments/* and scenarios/*, then runs parseCourse on the result. */
export function loadCourseFromDirectory(dir: string = defaultContentDir()): LoadedCourse {
  const problems: Problem[] = [];
  const read = (relative: string): unknown => {
    const result = readYaml(dir, relative);
    if (result.problem) problems.push(result.problem);
    return result.value;
  };

  const courseFile = read('course.yaml');
  const { modules: moduleOrder, ...header } =
    typeof courseFile === 'object' && courseFile !== null ? (courseFile as Record<string, unknown>) : ({} as Record<string, unknown>);

  // Modules follow course.yaml's order; files it does not list go last (by file name) so the rules can flag them.
  const moduleFiles = yamlFilesIn(path.join(dir, 'modules')).map((name) => ({ file: `modules/${name}`, value: read(`modules/${name}`) }));
  const order = Array.isArray(moduleOrder) ? moduleOrder : [];
  const rank = (value: unknown): number => {
    const index = order.indexOf(keyOf(value));
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  moduleFiles.sort((a, b) => rank(a.value) - rank(b.value)); // stable: unlisted keep file-name order
  const scenarioFiles = yamlFilesIn(path.join(dir, 'scenarios')).map((name) => ({ file: `scenarios/${name}`, value: read(`scenarios/${name}`) }));

  const raw: Record<string, unknown> = {
    ...header,
    moduleOrder,
    modules: moduleFiles.map((entry) => entry.value),
    knowledgeTest: read('assessments/knowledge-test.yaml'),
    attitudeInstrument: read('assessments/attitude-instrument.yaml'),
    // Optional file: a course without it has no behaviour follow-up.
    ...(existsSync(path.join(dir, PRACTICE_FILE)) ? { practiceQuestionnaire: read(PRACTICE_FILE) } : {}),
    scenarios: scenarioFiles.map((entry) => entry.value),
  };

  // Point each problem at the file an author has to open.
  const fileFor = (problemPath: string): string => {
    const match = /^(modules|scenarios)\[(\d+)\]/.exec(problemPath);
    if (match) return (match[1] === 'modules' ? moduleFiles : scenarioFiles)[Number(match[2])]?.file ?? 'course.yaml';
    if (problemPath.startsWith('knowledgeTest')) return 'assessments/knowledge-test.yaml';
    if (problemPath.startsWith('attitudeInstrument')) return 'assessments/attitude-instrument.yaml';
    if (problemPath.startsWith('practiceQuestionnaire')) return PRACTICE_FILE;
    return 'course.yaml';
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
  return { raw, course: parsed.ok && problems.length === 0 ? parsed.course : null, problems, contentHash: contentHash(raw) };
}

/** Reads and shape-checks a blueprint file: documentation for authors that the content spec checks, not course content. */
function loadBlueprint<T>(dir: string, file: string, schema: z.ZodType<T>): { blueprint: T | null; problems: Problem[] } {
  const read = readYaml(dir, file);
  if (read.problem) return { blueprint: null, problems: [read.problem] };
  const parsed = schema.safeParse(read.value, { error: friendlyErrorMap });
  if (!parsed.success) return { blueprint: null, problems: zodIssuesToProblems(parsed.error.issues).map((p) => ({ ...p, file })) };
  return { blueprint: parsed.data, problems: [] };
}

export const loadKnowledgeBlueprint = (dir: string = defaultContentDir()): { blueprint: KnowledgeBlueprint | null; problems: Problem[] } =>
  loadBlueprint(dir, KNOWLEDGE_BLUEPRINT_FILE, KnowledgeBlueprintSchema);

export const loadAttitudeBlueprint = (dir: string = defaultContentDir()): { blueprint: AttitudeBlueprint | null; problems: Problem[] } =>
  loadBlueprint(dir, ATTITUDE_BLUEPRINT_FILE, AttitudeBlueprintSchema);

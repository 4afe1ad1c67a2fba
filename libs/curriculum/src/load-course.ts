// The only I/O in this library: read the YAML files of one course directory and assemble the course object.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { ATTITUDE_BLUEPRINT_FILE, AttitudeBlueprintSchema, type AttitudeBlueprint } from './attitude-blueprint.js';
import { canonicalJson } from './canonical-json.js';
import { assembleCourse, ATTITUDE_INSTRUMENT_FILE, COURSE_FILE, type CourseFiles, KNOWLEDGE_TEST_FILE, PRACTICE_FILE } from './course-files.js';
import { friendlyErrorMap, zodIssuesToProblems } from './problems.js';
import type { Course } from './course-schema.js';
import { KNOWLEDGE_BLUEPRINT_FILE, KnowledgeBlueprintSchema, type KnowledgeBlueprint } from './knowledge-blueprint.js';
import type { Problem } from './problems.js';

export const COURSE_CONTENT_SUBDIR = 'libs/curriculum/content/gbv-response';

/**
 * Where the course files live. Resolved from a base directory (the repo root by default) rather than from this
 * file's location, because the code runs both as ESM (tsc output) and as CommonJS under jest.
 */
export function defaultContentDir(baseDir: string = process.cwd()): string {
  return path.resolve(baseDir, COURSE_CONTENT_SUBDIR);
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

/** The texts of the files a course is assembled from (course.yaml, modules/*, assessments/*, scenarios/*). */
export function readCourseFiles(dir: string): CourseFiles {
  const files: CourseFiles = {};
  const add = (relative: string): void => {
    const file = path.join(dir, relative);
    if (existsSync(file)) files[relative] = readFileSync(file, 'utf8');
  };
  for (const relative of [COURSE_FILE, KNOWLEDGE_TEST_FILE, ATTITUDE_INSTRUMENT_FILE, PRACTICE_FILE]) add(relative);
  for (const folder of ['modules', 'scenarios']) for (const name of yamlFilesIn(path.join(dir, folder))) add(`${folder}/${name}`);
  return files;
}

/** Reads course.yaml, modules/*, assessments/* and scenarios/*, then runs parseCourse on the result. */
export function loadCourseFromDirectory(dir: string = defaultContentDir()): LoadedCourse {
  const assembled = assembleCourse(readCourseFiles(dir));
  return { ...assembled, contentHash: contentHash(assembled.raw) };
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

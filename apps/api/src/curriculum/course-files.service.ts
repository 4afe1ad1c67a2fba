import { Injectable } from '@nestjs/common';
import { strToU8, zipSync } from 'fflate';
import { DatabasePool } from '../database/database-pool.js';
import { assembleCourse, checkDraftCourse, courseKeyOf, courseToFiles, type Course, type CourseFiles, publicationProblems } from '#curriculum';
import { AppException, notFound } from '../common/app-exception.js';
import type { CourseVersionDto, ValidationReportDto } from './authoring.dto.js';
import { AuthoringService } from './authoring.service.js';
import { draftInvalid } from './draft-edits.service.js';
import { textEdits } from './draft-meta.js';

const MAX_FILES = 200;
const FILE_PATH = /^(?:course\.yaml|(?:modules|scenarios|assessments)\/[a-z0-9][a-z0-9._-]{0,100}\.ya?ml)$/;

export interface ExportedFiles {
  zip: Uint8Array;
  fileName: string;
}

/**
 * A version as the repository's YAML files (libs/curriculum/content/<course>/): exported as a ZIP so it can be
 * reviewed outside the platform and committed in git, and imported back into the course's draft. The files of a
 * version re-import to the identical content (course-files.ts; tested on the real course).
 */
@Injectable()
export class CourseFilesService {
  constructor(
    private readonly db: DatabasePool,
    private readonly authoring: AuthoringService,
  ) {}

  async export(versionId: string): Promise<ExportedFiles> {
    const [row]: { content: Course; key: string; version: number | null }[] = await this.db.query(
      `SELECT v.content, c.key, v.version FROM course_versions v JOIN courses c ON c.id = v.course_id WHERE v.id = $1`,
      [versionId],
    );
    if (!row) throw notFound('Course version');
    const files = Object.fromEntries(Object.entries(courseToFiles(row.content)).map(([path, text]) => [`${row.key}/${path}`, strToU8(text)]));
    // A fixed time in the archive, so the same version always exports to the same bytes.
    return { zip: zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }), fileName: `${row.key}-${row.version === null ? 'draft' : `v${row.version}`}.zip` };
  }

  /**
   * Replaces the content of the course's draft (created from the latest published version when there is none) with
   * the files. Files that cannot be read or assembled change nothing (400 with each problem and its file); a course
   * that reads but is not yet publishable is saved, and its problems are returned.
   */
  async import(courseId: string, files: Record<string, unknown>, actorId: string): Promise<{ version: CourseVersionDto; report: ValidationReportDto }> {
    const checked = checkFiles(files);
    const [course] = await this.db.query(`SELECT key FROM courses WHERE id = $1`, [courseId]);
    if (!course) throw notFound('Course');
    const key = courseKeyOf(checked);
    if (key !== null && key !== course.key) {
      throw new AppException(400, 'IMPORT_WRONG_COURSE', `These files are for the course "${key}", not "${course.key}".`);
    }
    const assembled = assembleCourse(checked);
    const unreadable = assembled.problems.filter((p) => p.path === '');
    if (unreadable.length > 0) throw draftInvalid(unreadable);
    const wellFormed = checkDraftCourse(assembled.raw);
    if (!wellFormed.ok) {
      // Name the file of each problem, as the loader does (its list holds the same paths with their files).
      const fileOf = new Map(assembled.problems.map((p) => [p.path, p.file]));
      throw draftInvalid(wellFormed.problems.map((p) => ({ ...p, file: fileOf.get(p.path) })));
    }
    const draft = await this.authoring.createDraft(courseId, actorId);
    const version = await this.authoring.replaceContent(draft.id, assembled.raw, actorId);
    const edits = await this.db.transaction((m) => textEdits(m, draft.id));
    const problems = publicationProblems(version.content as unknown as Course, edits);
    return { version, report: { valid: problems.length === 0, problems } };
  }
}

/** Only the files a course is made of, as text; anything else is refused before parsing. */
function checkFiles(files: Record<string, unknown>): CourseFiles {
  const entries = Object.entries(files);
  if (entries.length === 0 || entries.length > MAX_FILES) throw new AppException(400, 'VALIDATION_FAILED', `files: between 1 and ${MAX_FILES} course files.`);
  for (const [path, text] of entries) {
    if (!FILE_PATH.test(path)) throw new AppException(400, 'VALIDATION_FAILED', `files: "${path.slice(0, 120)}" is not a course file (course.yaml, modules/…, assessments/…, scenarios/…).`);
    if (typeof text !== 'string') throw new AppException(400, 'VALIDATION_FAILED', `files: "${path}" must be the text of the file.`);
  }
  return files as CourseFiles;
}

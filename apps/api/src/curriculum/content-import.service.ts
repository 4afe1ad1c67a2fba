import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { contentHash, loadCourseFromDirectory, type Course } from '#curriculum';

export interface ImportResult {
  imported: boolean;
  courseKey: string | null;
  version: number | null;
  problems: { path: string; message: string; file?: string }[];
}

/**
 * Loads the course files as a new published version when their content differs from the latest version of that
 * course (compared by content hash); unchanged files import nothing. Invalid files import nothing and say why.
 */
@Injectable()
export class ContentImporter {
  private readonly logger = new Logger('ContentImport');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async importDirectory(dir?: string): Promise<ImportResult> {
    const loaded = loadCourseFromDirectory(dir);
    if (!loaded.course) {
      this.logger.error(`Course files are invalid; nothing imported:\n${loaded.problems.map((p) => `  ${p.file ?? ''} ${p.path}: ${p.message}`).join('\n')}`);
      return { imported: false, courseKey: null, version: null, problems: loaded.problems };
    }
    return this.importCourse(loaded.course);
  }

  async importCourse(course: Course): Promise<ImportResult> {
    const hash = contentHash(course);
    return this.db.transaction(async (m) => {
      // Several replicas may start at once: one imports, the others then see its hash.
      await m.query(`SELECT pg_advisory_xact_lock(727002)`);
      await m.query(`INSERT INTO courses (key) VALUES ($1) ON CONFLICT (key) DO NOTHING`, [course.key]);
      const [{ id: courseId }] = await m.query(`SELECT id FROM courses WHERE key = $1`, [course.key]);
      const [latest]: { content_hash: string; version: number }[] = await m.query(
        `SELECT content_hash, version FROM course_versions WHERE course_id = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`,
        [courseId],
      );
      if (latest?.content_hash === hash) return { imported: false, courseKey: course.key, version: latest.version, problems: [] };
      const version = (latest?.version ?? 0) + 1;
      await m.query(
        `INSERT INTO course_versions (course_id, status, version, content, content_hash, source, published_at)
         VALUES ($1, 'published', $2, $3, $4, 'import', now())`,
        [courseId, version, JSON.stringify(course), hash],
      );
      this.logger.log(`Imported course "${course.key}" as published version ${version}.`);
      return { imported: true, courseKey: course.key, version, problems: [] };
    });
  }
}

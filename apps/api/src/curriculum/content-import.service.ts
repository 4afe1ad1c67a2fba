import { Injectable, Logger } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentHash, defaultContentDir, loadCourseFromDirectory, type Course } from '#curriculum';
import { AuditLog } from '../audit/audit-log.service.js';

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

  constructor(
    private readonly db: DatabasePool,
    private readonly audit: AuditLog,
  ) {}

  async importDirectory(dir: string = defaultContentDir()): Promise<ImportResult> {
    // Cheap check first: unchanged file bytes mean nothing to parse (parsing the whole course costs ~40 MB).
    const sourceHash = hashFiles(dir);
    const [known] = await this.db.query(
      `SELECT v.version, c.key FROM content_sources s JOIN course_versions v ON v.id = s.course_version_id JOIN courses c ON c.id = v.course_id
        WHERE s.source_hash = $1`,
      [sourceHash],
    );
    if (known) return { imported: false, courseKey: known.key, version: known.version, problems: [] };
    const loaded = loadCourseFromDirectory(dir);
    if (!loaded.course) {
      this.logger.error(`Course files are invalid; nothing imported:\n${loaded.problems.map((p) => `  ${p.file ?? ''} ${p.path}: ${p.message}`).join('\n')}`);
      return { imported: false, courseKey: null, version: null, problems: loaded.problems };
    }
    return this.importCourse(loaded.course, sourceHash);
  }

  async importCourse(course: Course, sourceHash?: string): Promise<ImportResult> {
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
      const remember = async (versionId: string) => {
        if (sourceHash) await m.query(`INSERT INTO content_sources (source_hash, course_version_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [sourceHash, versionId]);
      };
      if (latest?.content_hash === hash) {
        const [row] = await m.query(`SELECT id FROM course_versions WHERE course_id = $1 AND version = $2`, [courseId, latest.version]);
        await remember(row.id);
        return { imported: false, courseKey: course.key, version: latest.version, problems: [] };
      }
      const version = (latest?.version ?? 0) + 1;
      const [inserted] = await m.query(
        `INSERT INTO course_versions (course_id, status, version, content, content_hash, source, published_at)
         VALUES ($1, 'published', $2, $3, $4, 'import', now()) RETURNING id`,
        [courseId, version, JSON.stringify(course), hash],
      );
      await remember(inserted.id);
      await this.audit.record({ actor: null, action: 'content.publish', targetId: inserted.id, details: { source: 'import', version } }, m);
      this.logger.log(`Imported course "${course.key}" as published version ${version}.`);
      return { imported: true, courseKey: course.key, version, problems: [] };
    });
  }
}

/** sha256 over every file's relative path and bytes, in a stable order. */
function hashFiles(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): string[] =>
    readdirSync(d).sort().flatMap((name) => {
      const full = join(d, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  for (const file of walk(dir)) hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

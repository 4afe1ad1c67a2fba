import { Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import type { Course } from '#curriculum';
import { AppException } from '../common/app-exception.js';

/**
 * Reads course content by version. Published versions never change (a trigger enforces it), so they are cached in
 * memory for the life of the process — the learner's hot path never re-parses a large jsonb document.
 */
@Injectable()
export class CourseCatalog {
  private readonly published = new Map<string, Promise<Course>>();
  /** The same contents once loaded, readable without waiting (see loaded()). */
  private readonly ready = new Map<string, Course>();

  constructor(private readonly db: DatabasePool) {}

  /** Concurrent first reads share one load (a burst of learners must not each pull the whole course). */
  publishedContent(versionId: string): Promise<Course> {
    let pending = this.published.get(versionId);
    if (!pending) {
      pending = this.load(versionId);
      this.published.set(versionId, pending);
      pending.catch(() => this.published.delete(versionId));
    }
    return pending;
  }

  /**
   * The content of a version already loaded, or undefined (not yet read since the process started, or still loading):
   * for code inside a transaction, which must not wait for a second pooled connection (see JourneySubmissions).
   */
  loaded(versionId: string): Course | undefined {
    return this.ready.get(versionId);
  }

  private async load(versionId: string): Promise<Course> {
    const [row]: { content: Course; status: string }[] = await this.db.query(`SELECT content, status FROM course_versions WHERE id = $1`, [versionId]);
    if (!row || row.status !== 'published') throw new AppException(404, 'CONTENT_UNAVAILABLE', 'This course version is not available.');
    this.ready.set(versionId, row.content);
    return row.content;
  }

  async latestPublishedVersionId(courseKey?: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT v.id FROM course_versions v JOIN courses c ON c.id = v.course_id
        WHERE v.status = 'published' AND ($1::text IS NULL OR c.key = $1)
        ORDER BY v.published_at DESC, v.version DESC LIMIT 1`,
      [courseKey ?? null],
    );
    return rows[0]?.id ?? null;
  }
}

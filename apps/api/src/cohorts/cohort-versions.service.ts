import { Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import { changedItems } from '#curriculum';
import type { AuthUser } from '../auth/auth-user.js';
import { AppException, notFound } from '../common/app-exception.js';
import { CourseCatalog } from '../curriculum/course-catalog.service.js';
import { CohortAccess } from './cohort-access.service.js';
import type { CohortCourseVersionDto, MoveCohortVersionResultDto, NewerVersionDto } from './cohort-versions.dto.js';
import { AuditLog } from '../audit/audit-log.service.js';

/**
 * An enrolment that has not started: no consent given, no answer saved or submitted, no attempt. Only such learners
 * change version; anyone who has begun keeps the version their attempts pinned, so their scores never change.
 */
const NOT_STARTED = `e.status = 'active' AND (e.journey IS NULL OR e.stage = 'consent')
  AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.enrolment_id = e.id)
  AND NOT EXISTS (SELECT 1 FROM consent_records r WHERE r.enrolment_id = e.id)
  AND NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.enrolment_id = e.id)
  AND NOT EXISTS (SELECT 1 FROM answer_drafts d WHERE d.enrolment_id = e.id)`;

interface VersionRow { id: string; version: number; published_at: Date; course_id: string }

/** Which course version a cohort's learners are on, what changed in newer ones, and moving the cohort forward. */
@Injectable()
export class CohortVersions {
  constructor(
    private readonly db: DatabasePool,
    private readonly access: CohortAccess,
    private readonly catalog: CourseCatalog,
    private readonly audit: AuditLog,
  ) {}

  async state(actor: AuthUser, cohortId: string): Promise<CohortCourseVersionDto> {
    await this.access.assert(actor, cohortId);
    const [cohort]: { course_version_id: string | null }[] = await this.db.query(`SELECT course_version_id FROM cohorts WHERE id = $1`, [cohortId]);
    const current = cohort!.course_version_id ? await this.version(cohort!.course_version_id) : await this.latest();
    const groups: { version_id: string; version: number; learners: number; not_started: number }[] = await this.db.query(
      `SELECT e.course_version_id AS version_id, v.version, count(*)::int AS learners, count(*) FILTER (WHERE ${NOT_STARTED})::int AS not_started
         FROM enrolments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.cohort_id = $1 AND e.status = 'active' GROUP BY e.course_version_id, v.version ORDER BY v.version`,
      [cohortId],
    );
    const base = groups[0] ? await this.version(groups[0].version_id) : current;
    const newer: NewerVersionDto[] = [];
    if (base) {
      const baseContent = await this.catalog.publishedContent(base.id);
      const rows: VersionRow[] = await this.db.query(
        `SELECT id, version, published_at, course_id FROM course_versions WHERE course_id = $1 AND status = 'published' AND version > $2 ORDER BY version DESC`,
        [base.course_id, base.version],
      );
      for (const row of rows) {
        const content = await this.catalog.publishedContent(row.id);
        newer.push({
          id: row.id, version: row.version, publishedAt: row.published_at.toISOString(), changeNote: content.changeNote ?? null,
          changes: changedItems(baseContent, content).map(({ kind, key, change, label }) => ({ kind, key, change, label })),
        });
      }
    }
    return {
      currentVersionId: current?.id ?? null, currentVersion: current?.version ?? null, fixed: cohort!.course_version_id !== null,
      learners: groups.map((g) => ({ versionId: g.version_id, version: g.version, learners: g.learners, notStarted: g.not_started })),
      baseVersion: base?.version ?? null, newer,
    };
  }

  /** The cohort's version becomes `versionId`; its learners who have not started move with it, the others stay. */
  async move(actor: AuthUser, cohortId: string, versionId: string): Promise<MoveCohortVersionResultDto> {
    await this.access.assert(actor, cohortId);
    const target = await this.version(versionId);
    if (!target) throw notFound('Course version');
    const result = await this.db.transaction(async (m) => {
      const [cohort] = await m.query(
        `SELECT v.version, v.course_id FROM cohorts c LEFT JOIN course_versions v ON v.id = c.course_version_id WHERE c.id = $1 FOR UPDATE OF c`,
        [cohortId],
      );
      if (cohort.course_id && cohort.course_id !== target.course_id) throw notFound('Course version');
      if (cohort.version !== null && target.version < cohort.version) {
        throw new AppException(409, 'VERSION_NOT_NEWER', `The cohort is on version ${cohort.version}; it can only move to a newer version, not to ${target.version}.`);
      }
      // Lock the cohort's enrolments first: a learner's first submission (which locks its enrolment) either commits
      // before the check below, so that learner counts as started, or waits until the move is done.
      await m.query(`SELECT id FROM enrolments WHERE cohort_id = $1 FOR UPDATE`, [cohortId]);
      const moved = await m.query(
        `UPDATE enrolments e SET course_version_id = $2, journey = NULL, stage = 'consent', percent_complete = 0
          WHERE e.cohort_id = $1 AND e.course_version_id <> $2
            AND e.course_version_id IN (SELECT id FROM course_versions WHERE course_id = $3 AND version < $4)
            AND ${NOT_STARTED}
          RETURNING e.id`,
        [cohortId, target.id, target.course_id, target.version],
      );
      const [{ stayed }] = await m.query(
        `SELECT count(*)::int AS stayed FROM enrolments WHERE cohort_id = $1 AND status = 'active' AND course_version_id <> $2`,
        [cohortId, target.id],
      );
      await m.query(`UPDATE cohorts SET course_version_id = $2, updated_at = now() WHERE id = $1`, [cohortId, target.id]);
      await this.audit.record({ actor, action: 'cohort.course_version.move', cohortIds: [cohortId], targetId: target.id, details: { moved: moved.length, stayed } }, m);
      return { moved: moved.length, stayed };
    });
    return { ...result, state: await this.state(actor, cohortId) };
  }

  private async version(id: string): Promise<VersionRow | null> {
    const [row]: VersionRow[] = await this.db.query(`SELECT id, version, published_at, course_id FROM course_versions WHERE id = $1 AND status = 'published'`, [id]);
    return row ?? null;
  }

  private async latest(): Promise<VersionRow | null> {
    const id = await this.catalog.latestPublishedVersionId();
    return id ? this.version(id) : null;
  }
}

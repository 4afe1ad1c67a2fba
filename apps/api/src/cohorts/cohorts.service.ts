import { Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppException, notFound } from '../common/app-exception.js';
import { readableCode } from '../common/readable-code.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { CohortAccess } from './cohort-access.service.js';
import type { CohortDto, CreateCohortDto, CreateInviteCodeDto, InviteCodeDto, InviteCodePageQuery, RosterEntryDto, UpdateCohortDto } from './cohorts.dto.js';

const COHORT_SELECT = `
  SELECT c.id, c.name, c.is_demo, c.region, c.trainer_id, t.display_name AS trainer_name, c.course_version_id,
         to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.follow_up_days,
         count(e.id)::int AS enrolled,
         count(e.id) FILTER (WHERE e.status = 'active')::int AS active,
         count(e.id) FILTER (WHERE e.completed_at IS NOT NULL)::int AS completed,
         coalesce(round(avg(e.percent_complete) FILTER (WHERE e.status = 'active')), 0)::int AS mean_percent
    FROM cohorts c LEFT JOIN users t ON t.id = c.trainer_id LEFT JOIN enrolments e ON e.cohort_id = c.id`;

@Injectable()
export class CohortsService {
  constructor(
    private readonly db: DatabasePool,
    private readonly access: CohortAccess,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: AuthUser): Promise<CohortDto[]> {
    const rows = await this.db.query(
      `${COHORT_SELECT} WHERE ($1::uuid IS NULL OR c.trainer_id = $1) GROUP BY c.id, t.display_name ORDER BY c.created_at DESC`,
      [actor.role === 'admin' ? null : actor.id],
    );
    return rows.map(toCohort);
  }

  async get(actor: AuthUser, cohortId: string): Promise<CohortDto> {
    await this.access.assert(actor, cohortId);
    const [row] = await this.db.query(`${COHORT_SELECT} WHERE c.id = $1 GROUP BY c.id, t.display_name`, [cohortId]);
    return toCohort(row);
  }

  async create(actor: AuthUser, dto: CreateCohortDto): Promise<CohortDto> {
    const trainerId = actor.role === 'admin' ? (dto.trainerId ?? actor.id) : actor.id;
    if (dto.trainerId && actor.role !== 'admin') throw new AppException(403, 'FORBIDDEN', 'trainerId: only an admin assigns cohorts to other trainers.');
    await this.assertTrainer(trainerId, actor);
    await this.assertVersion(dto.courseVersionId);
    assertDates(dto.startDate, dto.endDate);
    const id = await this.db.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO cohorts (name, region, trainer_id, course_version_id, start_date, end_date, follow_up_days)
         VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, 90)) RETURNING id`,
        [dto.name, dto.region ?? null, trainerId, dto.courseVersionId ?? null, dto.startDate ?? null, dto.endDate ?? null, dto.followUpDays ?? null],
      );
      await this.audit.record({ actor, action: 'cohort.create', cohortIds: [row.id], details: { trainerId } }, m);
      return row.id as string;
    });
    return this.get(actor, id);
  }

  async update(actor: AuthUser, cohortId: string, dto: UpdateCohortDto): Promise<CohortDto> {
    await this.access.assert(actor, cohortId);
    if (dto.courseVersionId !== undefined) await this.assertVersion(dto.courseVersionId);
    const [current] = await this.db.query(`SELECT to_char(start_date, 'YYYY-MM-DD') AS s, to_char(end_date, 'YYYY-MM-DD') AS e FROM cohorts WHERE id = $1`, [cohortId]);
    assertDates(dto.startDate === undefined ? current.s : dto.startDate, dto.endDate === undefined ? current.e : dto.endDate);
    const sets: string[] = [];
    const params: unknown[] = [cohortId];
    const columns: [keyof UpdateCohortDto, string][] = [
      ['name', 'name'], ['region', 'region'], ['courseVersionId', 'course_version_id'], ['startDate', 'start_date'], ['endDate', 'end_date'], ['followUpDays', 'follow_up_days'],
    ];
    for (const [field, column] of columns) {
      if (dto[field] === undefined) continue;
      params.push(dto[field]);
      sets.push(`${column} = $${params.length}`);
    }
    // Existing enrolments keep the version they pinned; only new enrolments follow a changed version.
    if (sets.length) {
      await this.db.transaction(async (m) => {
        await m.query(`UPDATE cohorts SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
        const fields = columns.filter(([field]) => dto[field] !== undefined).map(([field]) => field);
        await this.audit.record({ actor, action: 'cohort.update', cohortIds: [cohortId], details: { fields } }, m);
      });
    }
    return this.get(actor, cohortId);
  }

  async assignTrainer(actor: AuthUser, cohortId: string, trainerId: string): Promise<CohortDto> {
    await this.access.assert(actor, cohortId);
    await this.assertTrainer(trainerId, actor);
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE cohorts SET trainer_id = $2, updated_at = now() WHERE id = $1`, [cohortId, trainerId]);
      await this.audit.record({ actor, action: 'cohort.trainer.assign', cohortIds: [cohortId], details: { trainerId } }, m);
    });
    return this.get(actor, cohortId);
  }

  async inviteCodes(actor: AuthUser, cohortId: string, page: InviteCodePageQuery = {}): Promise<InviteCodeDto[]> {
    await this.access.assert(actor, cohortId);
    const rows = await this.db.query(
      `SELECT * FROM invite_codes WHERE cohort_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [cohortId, page.limit ?? 50, page.offset ?? 0],
    );
    return rows.map(toInvite);
  }

  async createInviteCode(actor: AuthUser, cohortId: string, dto: CreateInviteCodeDto): Promise<InviteCodeDto> {
    await this.access.assert(actor, cohortId);
    if (dto.expiresAt && new Date(dto.expiresAt).getTime() <= Date.now()) throw new AppException(400, 'VALIDATION_FAILED', 'expiresAt: must be in the future.');
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.db.transaction(async (m) => {
          // Capped per cohort (the cohort row locked, so concurrent creations count each other): every live code is
          // a way in, and a trainer needs a handful, not thousands.
          await m.query(`SELECT 1 FROM cohorts WHERE id = $1 FOR UPDATE`, [cohortId]);
          const [{ live }] = await m.query(
            `SELECT count(*)::int AS live FROM invite_codes WHERE cohort_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
            [cohortId],
          );
          if (live >= MAX_LIVE_INVITE_CODES) {
            throw new AppException(409, 'INVITE_CODE_LIMIT', `A cohort may have at most ${MAX_LIVE_INVITE_CODES} usable invite codes; revoke one first.`);
          }
          const [row] = await m.query(
            `INSERT INTO invite_codes (cohort_id, code, max_uses, expires_at) VALUES ($1, $2, $3, $4) RETURNING *`,
            [cohortId, newInviteCode(), dto.maxUses ?? null, dto.expiresAt ?? null],
          );
          await this.audit.record({ actor, action: 'invite_code.create', cohortIds: [cohortId], targetId: row.id }, m);
          return toInvite(row);
        });
      } catch (error) {
        if ((error as { code?: string }).code !== '23505') throw error; // a collision: draw another code
      }
    }
    throw new AppException(503, 'SERVER_BUSY', 'Could not create a unique code; try again.');
  }

  async revokeInviteCode(actor: AuthUser, cohortId: string, codeId: string): Promise<InviteCodeDto> {
    await this.access.assert(actor, cohortId);
    return this.db.transaction(async (m) => {
      const rows = await m.query(
        `UPDATE invite_codes SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND cohort_id = $2 RETURNING *`,
        [codeId, cohortId],
      );
      if (!rows[0]) throw notFound('Invite code');
      await this.audit.record({ actor, action: 'invite_code.revoke', cohortIds: [cohortId], targetId: codeId }, m);
      return toInvite(rows[0]);
    });
  }

  /** Rotation: the old code stops working and a new one with the same limits replaces it, atomically. */
  async rotateInviteCode(actor: AuthUser, cohortId: string, codeId: string): Promise<InviteCodeDto> {
    await this.access.assert(actor, cohortId);
    return this.db.transaction(async (m) => {
      const rows = await m.query(`UPDATE invite_codes SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND cohort_id = $2 RETURNING *`, [codeId, cohortId]);
      const old = rows[0];
      if (!old) throw notFound('Invite code');
      const [row] = await m.query(
        `INSERT INTO invite_codes (cohort_id, code, max_uses, expires_at) VALUES ($1, $2, $3, CASE WHEN $4::timestamptz > now() THEN $4::timestamptz END) RETURNING *`,
        [cohortId, newInviteCode(), old.max_uses, old.expires_at],
      );
      await this.audit.record({ actor, action: 'invite_code.rotate', cohortIds: [cohortId], targetId: codeId, details: { newCodeId: row.id } }, m);
      return toInvite(row);
    });
  }

  async roster(actor: AuthUser, cohortId: string): Promise<RosterEntryDto[]> {
    await this.access.assert(actor, cohortId);
    await this.audit.record({ actor, action: 'roster.read', cohortIds: [cohortId] });
    // One query for the whole roster (no per-learner round trips).
    const rows = await this.db.query(
      `SELECT e.id, u.display_name, u.position_type, u.region, e.status, e.stage, e.percent_complete, e.last_activity_at, e.completed_at, e.created_at,
              coalesce(q.attempts, 0)::int AS quiz_attempts, coalesce(q.passed, 0)::int AS quizzes_passed
         FROM enrolments e JOIN users u ON u.id = e.user_id
         LEFT JOIN LATERAL (
           SELECT count(*) AS attempts, count(DISTINCT a.module_key) FILTER (WHERE a.passed) AS passed
             FROM attempts a WHERE a.enrolment_id = e.id AND a.kind = 'quiz') q ON true
        WHERE e.cohort_id = $1 ORDER BY u.display_name`,
      [cohortId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      enrolmentId: r.id as string,
      learnerName: r.display_name as string,
      positionType: r.position_type as string | null,
      region: r.region as string | null,
      status: r.status as string,
      stage: r.stage as string,
      percentComplete: r.percent_complete as number,
      quizAttempts: r.quiz_attempts as number,
      quizzesPassed: r.quizzes_passed as number,
      lastActivityAt: (r.last_activity_at as Date | null)?.toISOString() ?? null,
      completedAt: (r.completed_at as Date | null)?.toISOString() ?? null,
      enrolledAt: (r.created_at as Date).toISOString(),
    }));
  }

  /** The learner leaves the cohort; their answers stay for the record, marked withdrawn. */
  async removeLearner(actor: AuthUser, cohortId: string, enrolmentId: string): Promise<void> {
    await this.access.assert(actor, cohortId);
    await this.db.transaction(async (m) => {
      const rows = await m.query(
        `UPDATE enrolments SET status = 'withdrawn', removed_at = coalesce(removed_at, now()), removed_by = coalesce(removed_by, $3)
          WHERE id = $1 AND cohort_id = $2 RETURNING user_id`,
        [enrolmentId, cohortId, actor.id],
      );
      if (!rows[0]) throw notFound('Enrolment');
      await this.audit.record({ actor, action: 'cohort.learner.remove', cohortIds: [cohortId], subjectId: rows[0].user_id, targetId: enrolmentId }, m);
    });
  }

  private async assertTrainer(trainerId: string, actor: AuthUser): Promise<void> {
    const [row] = await this.db.query(`SELECT role FROM users WHERE id = $1 AND disabled_at IS NULL`, [trainerId]);
    if (!row || !['trainer', 'admin'].includes(row.role)) {
      throw new AppException(400, 'VALIDATION_FAILED', actor.role === 'admin' ? 'trainerId: no active trainer has this id.' : 'trainerId: not allowed.');
    }
  }

  private async assertVersion(versionId: string | null | undefined): Promise<void> {
    if (!versionId) return;
    const [row] = await this.db.query(`SELECT 1 FROM course_versions WHERE id = $1 AND status = 'published'`, [versionId]);
    if (!row) throw new AppException(400, 'VALIDATION_FAILED', 'courseVersionId: no published course version has this id.');
  }
}

function assertDates(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) throw new AppException(400, 'VALIDATION_FAILED', 'endDate: must not be before startDate.');
}

/** e.g. "RSP-7KQ2-M9XD": short enough to dictate in a classroom, long enough not to be guessed. */
export const MAX_LIVE_INVITE_CODES = 20;
const newInviteCode = () => `RSP-${readableCode([4, 4])}`;

function toCohort(r: Record<string, unknown>): CohortDto {
  return {
    id: r.id as string, name: r.name as string, isDemo: r.is_demo as boolean, region: r.region as string | null, trainerId: r.trainer_id as string | null,
    trainerName: r.trainer_name as string | null, courseVersionId: r.course_version_id as string | null,
    startDate: r.start_date as string | null, endDate: r.end_date as string | null, followUpDays: r.follow_up_days as number,
    enrolled: r.enrolled as number, active: r.active as number, completed: r.completed as number, meanPercentComplete: r.mean_percent as number,
  };
}

function toInvite(r: Record<string, unknown>): InviteCodeDto {
  const expiresAt = r.expires_at as Date | null;
  const revokedAt = r.revoked_at as Date | null;
  const maxUses = r.max_uses as number | null;
  const uses = r.uses as number;
  return {
    id: r.id as string, code: r.code as string, expiresAt: expiresAt?.toISOString() ?? null, maxUses, uses,
    revokedAt: revokedAt?.toISOString() ?? null, createdAt: (r.created_at as Date).toISOString(),
    usable: !revokedAt && (!expiresAt || expiresAt.getTime() > Date.now()) && (maxUses === null || uses < maxUses),
  };
}

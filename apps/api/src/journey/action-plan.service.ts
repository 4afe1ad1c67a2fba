import { Injectable } from '@nestjs/common';
import { type JourneyRuleStep, type PersistedJourney, rejectionMessage, whyNotStep, withCohortFollowUpDelay } from '#journey';
import { AppException, notFound } from '../common/app-exception.js';
import { DatabasePool, type SqlClient } from '../database/database-pool.js';
import { type ActionPlanDto, ACTION_PLAN_SIZE, COMMITMENT_MAX_CHARS, type FollowUpStatus } from './action-plan.dto.js';
import { Clock } from '../common/clock.js';

interface PlanRow {
  commitments: string[] | null;
  followup_status: FollowUpStatus[] | null;
  updated_at: Date | null;
}

const toDto = (row: PlanRow | undefined): ActionPlanDto => ({
  commitments: row?.commitments ?? null,
  followUpStatus: row?.followup_status ?? null,
  updatedAt: row?.updated_at ? new Date(row.updated_at).toISOString() : null,
});

const PLAN_COLUMNS = `p.commitments, p.followup_status, p.updated_at`;

/**
 * The learner's private action plan (the closing lesson's three commitments). Only the learner who owns the
 * enrolment reads or writes it: every query is scoped by `e.user_id`, and no staff route reads this table's text —
 * reports only count its rows.
 */
@Injectable()
export class ActionPlanService {
  constructor(
    private readonly reads: DatabasePool,
    private readonly clock: Clock,
  ) {}

  async get(userId: string, enrolmentId: string): Promise<ActionPlanDto> {
    const [row] = await this.reads.rows<PlanRow & { id: string }>(
      `SELECT e.id, ${PLAN_COLUMNS} FROM enrolments e LEFT JOIN action_plans p ON p.enrolment_id = e.id
        WHERE e.id = $1 AND e.user_id = $2 AND e.course_version_id IS NOT NULL`,
      [enrolmentId, userId],
    );
    if (!row) throw notFound('Enrolment');
    return toDto(row);
  }

  /** Idempotent: a PUT replaces the three commitments (the follow-up answers, if any, stay with them). */
  save(userId: string, enrolmentId: string, commitments: string[]): Promise<ActionPlanDto> {
    const texts = validCommitments(commitments);
    return this.reads.transaction(async (m) => {
      await this.lockOpen(m, userId, enrolmentId, { kind: 'actionPlan' });
      const [row] = await m.query(
        `INSERT INTO action_plans (enrolment_id, commitments) VALUES ($1, $2::text[])
         ON CONFLICT (enrolment_id) DO UPDATE SET commitments = EXCLUDED.commitments, updated_at = now()
         RETURNING commitments, followup_status, updated_at`,
        [enrolmentId, texts],
      );
      return toDto(row as PlanRow);
    });
  }

  /** "¿Cumplió lo que se propuso?": open once the journey reaches the follow-up (and after it); replaces earlier answers. */
  saveFollowUp(userId: string, enrolmentId: string, status: FollowUpStatus[]): Promise<ActionPlanDto> {
    return this.reads.transaction(async (m) => {
      // Open at the follow-up and after; a completed journey whose delay has passed counts even before a journey read
      // ticked it there, so the answer does not depend on which request came first.
      await this.lockOpen(m, userId, enrolmentId, { kind: 'actionPlanReview' });
      const [row] = await m.query(
        `UPDATE action_plans SET followup_status = $2::text[], followup_at = now() WHERE enrolment_id = $1
         RETURNING commitments, followup_status, updated_at`,
        [enrolmentId, status],
      );
      if (!row) throw new AppException(409, 'CONFLICT', 'There is no action plan to look back on: none was written in the closing lesson.');
      return toDto(row as PlanRow);
    });
  }

  /**
   * The owner's enrolment, locked, where the journey allows `step` (libs/journey decides): 404 for anyone else, 409
   * with the journey's reason, or once removed from the cohort.
   */
  private async lockOpen(m: SqlClient, userId: string, enrolmentId: string, step: JourneyRuleStep): Promise<void> {
    const [row] = await m.query(
      `SELECT e.status, e.journey, c.follow_up_days FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.id = $1 AND e.user_id = $2 AND e.course_version_id IS NOT NULL FOR UPDATE OF e`,
      [enrolmentId, userId],
    );
    if (!row) throw notFound('Enrolment');
    const now = this.clock.now();
    // Under the cohort's current follow-up delay (a trainer may have changed it since the journey was stored).
    const journey = row.journey ? withCohortFollowUpDelay(row.journey as PersistedJourney, row.follow_up_days, now) : null;
    // No journey yet: the learner has not even opened the course, so consent comes first.
    const reason = journey ? whyNotStep(journey, step, now) : 'EVENT_NOT_ALLOWED';
    // The learner's own withdrawal explains more than the cohort's status, so it is named first.
    if (reason === 'WITHDRAWN') throw new AppException(409, reason, rejectionMessage(reason));
    if (row.status !== 'active') throw new AppException(409, 'ENROLMENT_CLOSED', 'You were removed from this cohort; your record is kept but no new answers are accepted.');
    if (reason === 'EVENT_NOT_ALLOWED') throw new AppException(409, reason, 'Give your consent first: the action plan is part of the course.');
    if (reason) throw new AppException(409, reason, rejectionMessage(reason));
  }
}

/** Exactly three commitments, each 1–500 characters once trimmed; stored trimmed. */
function validCommitments(commitments: string[]): string[] {
  const texts = commitments.map((text) => text.trim());
  const problems: string[] = [];
  if (texts.length !== ACTION_PLAN_SIZE) problems.push('commitments must have exactly three entries');
  texts.forEach((text, i) => {
    if (text.length === 0) problems.push(`commitments[${i}]: write the commitment (it must not be empty)`);
    else if (text.length > COMMITMENT_MAX_CHARS) problems.push(`commitments[${i}]: at most ${COMMITMENT_MAX_CHARS} characters (got ${text.length})`);
  });
  if (problems.length > 0) throw new AppException(400, 'VALIDATION_FAILED', problems.join('; '), { fields: problems });
  return texts;
}

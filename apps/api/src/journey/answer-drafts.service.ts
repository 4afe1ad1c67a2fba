import { Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import { AppException, notFound } from '../common/app-exception.js';
import type { DraftDto } from './journey.dto.js';

const DRAFT_TARGET = /^((pre|post|followup)-(knowledge|attitude|then)|followup-practice|quiz-[a-z0-9][a-z0-9.-]{0,79})$/;

/** Autosaved in-progress answers, one per enrolment and target; a submission clears its draft when it commits. */
@Injectable()
export class AnswerDrafts {
  constructor(private readonly db: DatabasePool) {}

  async get(userId: string, enrolmentId: string, target: string): Promise<DraftDto> {
    await this.requireOwn(userId, enrolmentId, target);
    const [row] = await this.db.query(`SELECT answers, updated_at FROM answer_drafts WHERE enrolment_id = $1 AND target = $2`, [enrolmentId, target]);
    // A row with no answers only holds the attempt's option order (drawn when the quiz or test was opened).
    const answers = row?.answers ?? {};
    return { answers, updatedAt: Object.keys(answers).length ? row.updated_at.toISOString() : null };
  }

  /** Autosave of in-progress answers: last write wins; validated for real only when submitted. */
  async save(userId: string, enrolmentId: string, target: string, answers: Record<string, unknown>): Promise<DraftDto> {
    await this.requireOwn(userId, enrolmentId, target);
    if (Object.keys(answers).length > 200) throw new AppException(400, 'VALIDATION_FAILED', 'answers: too many entries.');
    // A draft holds only answer-shaped values (option keys or a 1–5 rating), so nothing odd is ever stored.
    for (const [itemKey, value] of Object.entries(answers)) {
      const optionKeys = Array.isArray(value) && value.length <= 20 && value.every((v) => typeof v === 'string' && /^[a-z0-9][a-z0-9.-]{0,39}$/.test(v));
      const rating = Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;
      if (!/^[a-z0-9][a-z0-9.-]{0,79}$/.test(itemKey) || !(optionKeys || rating)) {
        throw new AppException(400, 'VALIDATION_FAILED', `answers.${itemKey.slice(0, 80)}: must be a list of option keys or a rating from 1 to 5.`);
      }
    }
    const [row] = await this.db.query(
      `INSERT INTO answer_drafts (enrolment_id, target, answers) VALUES ($1, $2, $3)
       ON CONFLICT (enrolment_id, target) DO UPDATE SET answers = excluded.answers, updated_at = now() RETURNING updated_at`,
      [enrolmentId, target, JSON.stringify(answers)],
    );
    return { answers, updatedAt: row.updated_at.toISOString() };
  }

  /** An unknown target is a 404 like a missing draft; so is an enrolment that is not the learner's own. */
  private async requireOwn(userId: string, enrolmentId: string, target: string): Promise<void> {
    if (!DRAFT_TARGET.test(target)) throw notFound('Draft');
    const [row] = await this.db.query(`SELECT 1 FROM enrolments WHERE id = $1 AND user_id = $2`, [enrolmentId, userId]);
    if (!row) throw notFound('Enrolment');
  }
}

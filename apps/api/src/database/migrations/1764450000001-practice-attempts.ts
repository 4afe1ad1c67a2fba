import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The behaviour follow-up's answers are attempts too: kind 'practice', wave 'followup', one option key per response,
 * and an answer vector (1-based option position per item of the version, NULL unanswered). Down removes them.
 */
export class PracticeAttempts1764450000001 implements MigrationInterface {
  name = 'PracticeAttempts1764450000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE attempts
        DROP CONSTRAINT attempts_kind_check,
        DROP CONSTRAINT attempts_check,
        ADD CONSTRAINT attempts_kind_check CHECK (kind IN ('knowledge', 'attitude', 'quiz', 'scenario', 'practice')),
        ADD CONSTRAINT attempts_check CHECK ((kind IN ('knowledge', 'attitude', 'practice')) = (wave IS NOT NULL)),
        ADD CONSTRAINT attempts_practice_followup CHECK (kind <> 'practice' OR wave = 'followup')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM attempts WHERE kind = 'practice'`);
    await q.query(`
      ALTER TABLE attempts
        DROP CONSTRAINT attempts_practice_followup,
        DROP CONSTRAINT attempts_check,
        DROP CONSTRAINT attempts_kind_check,
        ADD CONSTRAINT attempts_kind_check CHECK (kind IN ('knowledge', 'attitude', 'quiz', 'scenario')),
        ADD CONSTRAINT attempts_check CHECK ((kind IN ('knowledge', 'attitude')) = (wave IS NOT NULL))`);
  }
}

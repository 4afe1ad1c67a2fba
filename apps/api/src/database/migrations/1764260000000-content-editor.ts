import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Course content reaches every cohort, so editing and publishing it is a separate permission an admin grants to
 * chosen trainers (admins hold it by their role). Nobody has it by default.
 */
export class ContentEditor1764260000000 implements MigrationInterface {
  name = 'ContentEditor1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN can_edit_content boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN can_edit_content`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every submission updates its enrolment row (snapshot, stage, last activity). PostgreSQL can do that in place — a
 * HOT update, no new entry in any of the table's five indexes — only when no indexed column changes and the page has
 * room. The retention job's index on `coalesce(last_activity_at, created_at)` made every submission change an
 * indexed value; it now indexes `created_at` (the job bounds both, see RetentionJob), and pages keep a fifth free for
 * the new versions. Measured under bench/exam (500 learners): HOT updates 0 → 85 % of 3,500, a lesson's final
 * statement 0.26 → 0.16 ms, a graded one's 1.20 → 0.88 ms. Pages already written fill up to the new factor only as
 * they are rewritten.
 */
export class EnrolmentsHotUpdates1764520000002 implements MigrationInterface {
  name = 'EnrolmentsHotUpdates1764520000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX enrolments_unconsented_idx`);
    await q.query(`CREATE INDEX enrolments_unconsented_idx ON enrolments (created_at) WHERE evaluation_use IS NULL AND consent_withdrawn_at IS NULL`);
    await q.query(`ALTER TABLE enrolments SET (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrolments RESET (fillfactor)`);
    await q.query(`DROP INDEX enrolments_unconsented_idx`);
    await q.query(`CREATE INDEX enrolments_unconsented_idx ON enrolments (coalesce(last_activity_at, created_at)) WHERE evaluation_use IS NULL AND consent_withdrawn_at IS NULL`);
  }
}

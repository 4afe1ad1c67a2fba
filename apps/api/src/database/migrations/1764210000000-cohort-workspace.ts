import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The trainer workspace: cohort dates, removal of learners (kept for the record), indexes for rosters and reports. */
export class CohortWorkspace1764210000000 implements MigrationInterface {
  name = 'CohortWorkspace1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cohorts
        ADD COLUMN start_date date,
        ADD COLUMN end_date date,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT cohorts_dates CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)`);
    await q.query(`ALTER TABLE enrolments ADD COLUMN removed_at timestamptz, ADD COLUMN removed_by uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX enrolments_cohort_idx ON enrolments (cohort_id)`);
    await q.query(`CREATE INDEX invite_codes_cohort_idx ON invite_codes (cohort_id)`);
    await q.query(`CREATE INDEX attempts_wave_idx ON attempts (enrolment_id, wave) WHERE wave IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX attempts_wave_idx`);
    await q.query(`DROP INDEX invite_codes_cohort_idx`);
    await q.query(`DROP INDEX enrolments_cohort_idx`);
    await q.query(`ALTER TABLE enrolments DROP COLUMN removed_by, DROP COLUMN removed_at`);
    await q.query(`ALTER TABLE cohorts DROP CONSTRAINT cohorts_dates, DROP COLUMN updated_at, DROP COLUMN end_date, DROP COLUMN start_date`);
  }
}

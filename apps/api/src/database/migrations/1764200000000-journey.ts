import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learner's journey: the machine's persisted snapshot on the enrolment, graded attempts with their item-level
 * responses, an idempotency ledger, autosaved answer drafts, scenario runs and certificates.
 */
export class Journey1764200000000 implements MigrationInterface {
  name = 'Journey1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cohorts ADD COLUMN follow_up_days int NOT NULL DEFAULT 90 CHECK (follow_up_days BETWEEN 0 AND 730)`);
    await q.query(`
      ALTER TABLE enrolments
        ADD COLUMN journey jsonb,
        ADD COLUMN stage text NOT NULL DEFAULT 'consent',
        ADD COLUMN percent_complete int NOT NULL DEFAULT 0,
        ADD COLUMN last_activity_at timestamptz,
        ADD COLUMN completed_at timestamptz,
        ADD COLUMN consent_withdrawn_at timestamptz`);
    await q.query(`
      CREATE TABLE attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
        course_version_id uuid NOT NULL REFERENCES course_versions(id),
        kind text NOT NULL CHECK (kind IN ('knowledge', 'attitude', 'quiz', 'scenario')),
        wave text CHECK (wave IN ('pre', 'post', 'then', 'followup')),
        module_key text,
        target_key text NOT NULL,
        score numeric,
        passed boolean,
        outcome text CHECK (outcome IN ('good', 'mixed', 'poor')),
        result jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind IN ('knowledge', 'attitude')) = (wave IS NOT NULL))
      )`);
    // An assessment wave, once submitted, is frozen: at most one attempt per enrolment, kind and wave.
    await q.query(`CREATE UNIQUE INDEX attempts_one_per_wave ON attempts (enrolment_id, kind, wave) WHERE wave IS NOT NULL`);
    await q.query(`CREATE INDEX attempts_enrolment_idx ON attempts (enrolment_id, kind)`);
    await q.query(`
      CREATE TABLE responses (
        attempt_id uuid NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        item_key text NOT NULL,
        value jsonb NOT NULL,
        correct boolean,
        PRIMARY KEY (attempt_id, item_key)
      )`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        enrolment_id uuid NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code int NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, key)
      )`);
    await q.query(`
      CREATE TABLE answer_drafts (
        enrolment_id uuid NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
        target text NOT NULL,
        answers jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, target)
      )`);
    await q.query(`
      CREATE TABLE scenario_runs (
        enrolment_id uuid NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
        scenario_key text NOT NULL,
        choices jsonb NOT NULL DEFAULT '[]'::jsonb,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, scenario_key)
      )`);
    await q.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL UNIQUE REFERENCES enrolments(id) ON DELETE CASCADE,
        code text NOT NULL UNIQUE,
        learner_name text NOT NULL,
        course_title jsonb NOT NULL,
        course_version int NOT NULL,
        hours numeric NOT NULL,
        completed_at timestamptz NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificates`);
    await q.query(`DROP TABLE scenario_runs`);
    await q.query(`DROP TABLE answer_drafts`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE responses`);
    await q.query(`DROP TABLE attempts`);
    await q.query(`
      ALTER TABLE enrolments DROP COLUMN journey, DROP COLUMN stage, DROP COLUMN percent_complete, DROP COLUMN last_activity_at,
        DROP COLUMN completed_at, DROP COLUMN consent_withdrawn_at`);
    await q.query(`ALTER TABLE cohorts DROP COLUMN follow_up_days`);
  }
}

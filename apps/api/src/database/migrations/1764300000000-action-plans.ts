import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learner's private action plan, written in the course's closing lesson: three commitments, shown back to the
 * learner on the completion page and at follow-up, where the learner says how far each was kept. Only the learner
 * who owns the enrolment reads it; reports only count the plans, never read their text.
 */
export class ActionPlans1764300000000 implements MigrationInterface {
  name = 'ActionPlans1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE action_plans (
        enrolment_id uuid PRIMARY KEY REFERENCES enrolments(id) ON DELETE CASCADE,
        commitments text[] NOT NULL CHECK (
          array_ndims(commitments) = 1 AND cardinality(commitments) = 3 AND array_position(commitments, NULL) IS NULL
          AND char_length(btrim(commitments[1])) BETWEEN 1 AND 500
          AND char_length(btrim(commitments[2])) BETWEEN 1 AND 500
          AND char_length(btrim(commitments[3])) BETWEEN 1 AND 500
        ),
        followup_status text[] CHECK (
          followup_status IS NULL OR (
            array_ndims(followup_status) = 1 AND cardinality(followup_status) = 3 AND array_position(followup_status, NULL) IS NULL
            AND followup_status <@ ARRAY['done', 'partly', 'not_yet']::text[]
          )
        ),
        followup_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE action_plans IS
      'Private to the learner: never returned to staff; reports count rows only'`);
    await q.query(`COMMENT ON COLUMN action_plans.followup_status IS
      'Self-assessment at follow-up, one per commitment: done | partly | not_yet; NULL until answered'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE action_plans`);
  }
}

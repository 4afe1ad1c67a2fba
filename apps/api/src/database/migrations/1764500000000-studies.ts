import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Studies (controlled comparisons): an evaluator — a trainer an admin granted the permission to — puts cohorts of one
 * course into a treated arm and a waitlist arm, by hand or by a seeded draw anyone can re-derive, with a planned
 * measurement calendar. A cohort belongs to at most one study. The waitlist's first baseline is stored as its own
 * assessment wave ('baseline'); its second baseline is the ordinary 'pre'. Baseline answers stay out of the cohort
 * report's vectors (that report reads pre/post/then/followup), the study report reads them itself.
 */
export class Studies1764500000000 implements MigrationInterface {
  name = 'Studies1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN can_evaluate boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE studies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
        design text NOT NULL DEFAULT 'waitlist' CHECK (design IN ('waitlist')),
        assignment text NOT NULL CHECK (assignment IN ('hand', 'random')),
        seed text CHECK (seed ~ '^[0-9a-f]{32}$'),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        baseline_on date NOT NULL,
        treated_post_on date NOT NULL,
        second_baseline_at timestamptz NOT NULL,
        follow_up_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((assignment = 'random') = (seed IS NOT NULL)),
        CHECK (treated_post_on >= baseline_on),
        CHECK (follow_up_on IS NULL OR follow_up_on >= treated_post_on)
      )`);
    await q.query(`CREATE INDEX studies_created_by_idx ON studies (created_by)`);
    await q.query(`
      CREATE TABLE study_arms (
        study_id uuid NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
        cohort_id uuid NOT NULL UNIQUE REFERENCES cohorts(id) ON DELETE RESTRICT,
        arm text NOT NULL CHECK (arm IN ('treated', 'waitlist')),
        assigned_by text NOT NULL CHECK (assigned_by IN ('hand', 'random')),
        draw text CHECK (draw ~ '^[0-9a-f]{64}$'),
        PRIMARY KEY (study_id, cohort_id),
        CHECK ((assigned_by = 'random') = (draw IS NOT NULL))
      )`);
    await q.query(`COMMENT ON COLUMN study_arms.draw IS 'SHA-256 hex of seed || cohort id: cohorts sorted by it, the first half (rounded up) is treated'`);
    await q.query(`ALTER TABLE attempts DROP CONSTRAINT attempts_wave_check`);
    await q.query(`ALTER TABLE attempts ADD CONSTRAINT attempts_wave_check CHECK (wave IN ('baseline', 'pre', 'post', 'then', 'followup'))`);
    await q.query(refreshFunction(`a.wave <> 'baseline'`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(refreshFunction('true'));
    await q.query(`DELETE FROM attempts WHERE wave = 'baseline'`);
    await q.query(`ALTER TABLE attempts DROP CONSTRAINT attempts_wave_check`);
    await q.query(`ALTER TABLE attempts ADD CONSTRAINT attempts_wave_check CHECK (wave IN ('pre', 'post', 'then', 'followup'))`);
    await q.query(`DROP TABLE study_arms`);
    await q.query(`DROP TABLE studies`);
    await q.query(`ALTER TABLE users DROP COLUMN can_evaluate`);
  }
}

/** report_vectors_refresh as ReportVectors1764480000000 wrote it, with one more filter on the answers' waves. */
const refreshFunction = (waveFilter: string) => `
  CREATE OR REPLACE FUNCTION report_vectors_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO report_vectors (enrolment_id, answers, choices)
    SELECT e.id,
           (SELECT string_agg(a.kind || ':' || a.wave || ':' || coalesce(a.score::text, '') || ':'
                              || coalesce(array_to_string(a.answer_vector, '', '-'), ''), '|' ORDER BY a.kind, a.wave)
              FROM attempts a WHERE a.enrolment_id = e.id AND a.kind IN ('knowledge', 'attitude') AND a.wave IS NOT NULL AND ${waveFilter}),
           (SELECT string_agg(a.wave || ':' || array_to_string(a.choice_vector, ',', '-'), '|' ORDER BY a.wave)
              FROM attempts a WHERE a.enrolment_id = e.id AND a.kind = 'knowledge' AND a.wave IN ('pre', 'post')
               AND a.choice_vector IS NOT NULL)
      FROM enrolments e WHERE e.id = ANY(ids)
    ON CONFLICT (enrolment_id) DO UPDATE SET answers = EXCLUDED.answers, choices = EXCLUDED.choices
  $$`;

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consent becomes a real choice and a record:
 * - enrolments.evaluation_use: true = the learner's answers may enter statistics and exports; false = course only
 *   (learning, progress and certificate unaffected); NULL until the learner consents.
 * - enrolments.consent_version: the version of the consent text the current choice was made under.
 * - consent_records: every consent, change of choice and withdrawal, append-only, with the text version.
 * Existing consents were given under the first text, which asked only for evaluation use.
 * Also: attempts.choice_vector (which options a knowledge answer chose, for distractor analysis; bit i = the i-th option
 * of the item in its version's order, NULL unanswered) and cohorts.is_demo (seeded demo data, labelled as such).
 */
export class ConsentChoice1764250000000 implements MigrationInterface {
  name = 'ConsentChoice1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrolments ADD COLUMN evaluation_use boolean, ADD COLUMN consent_version text`);
    await q.query(`
      CREATE TABLE consent_records (
        id bigserial PRIMARY KEY,
        enrolment_id uuid NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL CHECK (action IN ('given', 'changed', 'withdrawn')),
        consent_version text NOT NULL,
        evaluation_use boolean
      )`);
    await q.query(`CREATE INDEX consent_records_enrolment ON consent_records (enrolment_id, recorded_at)`);
    await q.query(`
      UPDATE enrolments SET evaluation_use = true, consent_version = '1'
       WHERE journey->'context'->>'consentedAt' IS NOT NULL`);
    await q.query(`
      INSERT INTO consent_records (enrolment_id, recorded_at, action, consent_version, evaluation_use)
      SELECT id, to_timestamp((journey->'context'->>'consentedAt')::float8 / 1000), 'given', '1', true
        FROM enrolments WHERE evaluation_use IS NOT NULL`);
    await q.query(`
      INSERT INTO consent_records (enrolment_id, recorded_at, action, consent_version, evaluation_use)
      SELECT id, consent_withdrawn_at, 'withdrawn', '1', NULL FROM enrolments WHERE consent_withdrawn_at IS NOT NULL`);

    await q.query(`ALTER TABLE attempts ADD COLUMN choice_vector integer[]`);
    await q.query(`COMMENT ON COLUMN attempts.choice_vector IS
      'Knowledge answers as option bitmasks in the version''s item and option order (bit i = i-th option chosen), NULL unanswered (copy of responses)'`);
    await q.query(`
      WITH items AS (
        SELECT v.id AS version_id, i.ord, i.item
          FROM course_versions v, LATERAL jsonb_array_elements(v.content->'knowledgeTest'->'items') WITH ORDINALITY i(item, ord)),
      vectors AS (
        SELECT a.id,
               array_agg((SELECT sum(1 << (o.ord - 1)::int)::int
                            FROM jsonb_array_elements(it.item->'options') WITH ORDINALITY o(opt, ord)
                           WHERE jsonb_typeof(r.value) = 'array' AND r.value ? (o.opt->>'key')) ORDER BY it.ord) AS v
          FROM attempts a JOIN items it ON it.version_id = a.course_version_id
          LEFT JOIN responses r ON r.attempt_id = a.id AND r.item_key = it.item->>'key'
         WHERE a.kind = 'knowledge'
         GROUP BY a.id)
      UPDATE attempts a SET choice_vector = vectors.v FROM vectors WHERE vectors.id = a.id`);

    await q.query(`ALTER TABLE cohorts ADD COLUMN is_demo boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cohorts DROP COLUMN is_demo`);
    await q.query(`ALTER TABLE attempts DROP COLUMN choice_vector`);
    await q.query(`DROP TABLE consent_records`);
    await q.query(`ALTER TABLE enrolments DROP COLUMN evaluation_use, DROP COLUMN consent_version`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attitude subscale scores computed once, when the answers are submitted: the mean of re-keyed answers when ≥ 75 %
 * of the subscale's items were answered (else null), and — when all were answered — the re-keyed answers in item-key
 * order for Cronbach's α. Reports then read one small row per attempt and subscale instead of every answer.
 * Existing attempts are backfilled from their responses and the item keys of the version they were taken on.
 */
export class AttemptScores1764230000000 implements MigrationInterface {
  name = 'AttemptScores1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attempt_scores (
        attempt_id uuid NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        measure text NOT NULL,
        score float8,
        items smallint[],
        PRIMARY KEY (attempt_id, measure)
      )`);
    await q.query(`
      WITH meta AS (
        SELECT a.id AS attempt_id, i->>'key' AS item_key, i->>'subscale' AS subscale, (i->>'reverse')::boolean AS reverse,
               count(*) OVER (PARTITION BY a.id, i->>'subscale') AS k
          FROM attempts a JOIN course_versions v ON v.id = a.course_version_id,
               jsonb_array_elements(v.content->'attitudeInstrument'->'items') i
         WHERE a.kind = 'attitude'),
      answered AS (
        SELECT m.attempt_id, m.subscale, m.item_key, m.k,
               CASE WHEN m.reverse THEN 6 - (r.value)::int ELSE (r.value)::int END AS v
          FROM meta m LEFT JOIN responses r ON r.attempt_id = m.attempt_id AND r.item_key = m.item_key)
      INSERT INTO attempt_scores (attempt_id, measure, score, items)
      SELECT attempt_id, subscale,
             CASE WHEN count(v) * 4 >= max(k) * 3 THEN avg(v)::float8 END,
             CASE WHEN count(v) = max(k) THEN array_agg(v::smallint ORDER BY item_key) END
        FROM answered GROUP BY attempt_id, subscale`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attempt_scores`);
  }
}

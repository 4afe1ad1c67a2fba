import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessment answers kept a second time, as one small vector per attempt, in the order of the items of the course
 * version it was taken on: knowledge 1 (correct) / 0 (incorrect), attitude the raw answer 1–5, NULL unanswered.
 * `responses` stays the record; the vector lets a report of 20,000 learners read 20,000 rows instead of two million.
 * Scoring (re-keying, the 75 % rule) moves out of the database into libs/evaluation, so attempt_scores goes.
 * Frozen copy of the backfill: reports/answer-vectors-sql.ts is the living one.
 */
export class AnswerVectors1764240000000 implements MigrationInterface {
  name = 'AnswerVectors1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attempts ADD COLUMN answer_vector smallint[]`);
    await q.query(`COMMENT ON COLUMN attempts.answer_vector IS
      'Assessment answers in the version''s item order: knowledge 1/0 correct, attitude raw 1-5, NULL unanswered (copy of responses)'`);
    await q.query(`
      WITH keys AS (
        SELECT v.id AS version_id, k.kind, i.ord, i.item->>'key' AS item_key
          FROM course_versions v,
               LATERAL (VALUES ('attitude', v.content->'attitudeInstrument'->'items'), ('knowledge', v.content->'knowledgeTest'->'items')) k(kind, items),
               LATERAL jsonb_array_elements(k.items) WITH ORDINALITY i(item, ord)),
      vectors AS (
        SELECT a.id, array_agg((CASE WHEN a.kind = 'knowledge' THEN r.correct::int ELSE (r.value)::int END)::smallint ORDER BY k.ord) AS v
          FROM attempts a JOIN keys k ON k.version_id = a.course_version_id AND k.kind = a.kind
          LEFT JOIN responses r ON r.attempt_id = a.id AND r.item_key = k.item_key
         WHERE a.kind IN ('attitude', 'knowledge')
         GROUP BY a.id)
      UPDATE attempts a SET answer_vector = vectors.v FROM vectors WHERE vectors.id = a.id`);
    await q.query(`DROP TABLE attempt_scores`);
  }

  async down(q: QueryRunner): Promise<void> {
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
    await q.query(`ALTER TABLE attempts DROP COLUMN answer_vector`);
  }
}

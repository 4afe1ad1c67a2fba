/**
 * Computes attempt_scores for attitude attempts that have none yet, from their responses and the item keys of the
 * course version they were taken on. The API writes scores itself at submission; this is for rows inserted by other
 * means (bulk seeds in tests and benchmarks, imports). Same rule as the submission path and the migration backfill.
 */
export const SCORE_UNSCORED_ATTEMPTS_SQL = `
  WITH meta AS (
    SELECT a.id AS attempt_id, i->>'key' AS item_key, i->>'subscale' AS subscale, (i->>'reverse')::boolean AS reverse,
           count(*) OVER (PARTITION BY a.id, i->>'subscale') AS k
      FROM attempts a JOIN course_versions v ON v.id = a.course_version_id,
           jsonb_array_elements(v.content->'attitudeInstrument'->'items') i
     WHERE a.kind = 'attitude' AND NOT EXISTS (SELECT 1 FROM attempt_scores s WHERE s.attempt_id = a.id)),
  answered AS (
    SELECT m.attempt_id, m.subscale, m.item_key, m.k,
           CASE WHEN m.reverse THEN 6 - (r.value)::int ELSE (r.value)::int END AS v
      FROM meta m LEFT JOIN responses r ON r.attempt_id = m.attempt_id AND r.item_key = m.item_key)
  INSERT INTO attempt_scores (attempt_id, measure, score, items)
  SELECT attempt_id, subscale,
         CASE WHEN count(v) * 4 >= max(k) * 3 THEN avg(v)::float8 END,
         CASE WHEN count(v) = max(k) THEN array_agg(v::smallint ORDER BY item_key) END
    FROM answered GROUP BY attempt_id, subscale`;

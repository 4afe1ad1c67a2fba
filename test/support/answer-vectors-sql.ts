/**
 * Fills attempts.answer_vector for assessment attempts inserted without one, from their responses and the item order
 * of the course version they were taken on. The API writes vectors itself at submission (journey/attempt-store.service.ts);
 * this SQL copy of that rule is for rows that tests and benchmarks insert in bulk, so it lives beside them, not in the API. Item keys are read once per version, not per attempt
 * (the content is large: reading it per attempt made a 100,000-attempt seed take minutes).
 */
export const FILL_ANSWER_VECTORS_SQL = `
  WITH keys AS (
    SELECT v.id AS version_id, k.kind, i.ord, i.item->>'key' AS item_key
      FROM course_versions v,
           LATERAL (VALUES ('attitude', v.content->'attitudeInstrument'->'items'), ('knowledge', v.content->'knowledgeTest'->'items')) k(kind, items),
           LATERAL jsonb_array_elements(k.items) WITH ORDINALITY i(item, ord)),
  vectors AS (
    SELECT a.id, array_agg((CASE WHEN a.kind = 'knowledge' THEN r.correct::int ELSE (r.value)::int END)::smallint ORDER BY k.ord) AS v
      FROM attempts a JOIN keys k ON k.version_id = a.course_version_id AND k.kind = a.kind
      LEFT JOIN responses r ON r.attempt_id = a.id AND r.item_key = k.item_key
     WHERE a.kind IN ('attitude', 'knowledge') AND a.answer_vector IS NULL
     GROUP BY a.id)
  UPDATE attempts a SET answer_vector = vectors.v FROM vectors WHERE vectors.id = a.id`;

/** Fills attempts.choice_vector (chosen options as bitmasks) for knowledge attempts inserted without one, likewise. */
export const FILL_CHOICE_VECTORS_SQL = `
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
     WHERE a.kind = 'knowledge' AND a.choice_vector IS NULL
     GROUP BY a.id)
  UPDATE attempts a SET choice_vector = vectors.v FROM vectors WHERE vectors.id = a.id`;

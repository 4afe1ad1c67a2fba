import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each enrolment's assessment answers as the report reads them, kept current by the database itself: one short row
 * per enrolment instead of aggregating every attempt's arrays on each report (at 20,000 learners that aggregation
 * alone took ~300 ms). Statement-level triggers on `attempts` refresh the enrolments a statement touched, so every
 * writer — the journey, a bulk import, a deletion — keeps it true; the report never reads a stale copy.
 *
 * Formats (parsed by apps/api/src/reports/cohort-answers.ts):
 *   answers  "kind:wave:score:digits|…" per knowledge/attitude attempt (one digit per item, "-" unanswered)
 *   choices  "wave:mask,mask,-,…|…" per pre/post knowledge attempt (bit i = the item's i-th option chosen)
 */
export class ReportVectors1764480000000 implements MigrationInterface {
  name = 'ReportVectors1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_vectors (
        enrolment_id uuid PRIMARY KEY REFERENCES enrolments(id) ON DELETE CASCADE,
        answers text,
        choices text
      )`);
    await q.query(`
      CREATE FUNCTION report_vectors_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_vectors (enrolment_id, answers, choices)
        SELECT e.id,
               (SELECT string_agg(a.kind || ':' || a.wave || ':' || coalesce(a.score::text, '') || ':'
                                  || coalesce(array_to_string(a.answer_vector, '', '-'), ''), '|' ORDER BY a.kind, a.wave)
                  FROM attempts a WHERE a.enrolment_id = e.id AND a.kind IN ('knowledge', 'attitude') AND a.wave IS NOT NULL),
               (SELECT string_agg(a.wave || ':' || array_to_string(a.choice_vector, ',', '-'), '|' ORDER BY a.wave)
                  FROM attempts a WHERE a.enrolment_id = e.id AND a.kind = 'knowledge' AND a.wave IN ('pre', 'post')
                   AND a.choice_vector IS NOT NULL)
          FROM enrolments e WHERE e.id = ANY(ids)
        ON CONFLICT (enrolment_id) DO UPDATE SET answers = EXCLUDED.answers, choices = EXCLUDED.choices
      $$`);
    // A deleted enrolment's row goes with it (ON DELETE CASCADE); refresh finds no enrolment and writes nothing.
    await q.query(`
      CREATE FUNCTION report_vectors_on_attempts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM report_vectors_refresh(ARRAY(SELECT DISTINCT enrolment_id FROM old_rows WHERE wave IS NOT NULL));
        ELSE
          PERFORM report_vectors_refresh(ARRAY(SELECT DISTINCT enrolment_id FROM new_rows WHERE wave IS NOT NULL));
        END IF;
        RETURN NULL;
      END $$`);
    for (const [event, table] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']]) {
      await q.query(`CREATE TRIGGER attempts_report_vectors_${event.toLowerCase()} AFTER ${event} ON attempts
        REFERENCING ${table} FOR EACH STATEMENT EXECUTE FUNCTION report_vectors_on_attempts()`);
    }
    await q.query(`SELECT report_vectors_refresh(ARRAY(SELECT DISTINCT enrolment_id FROM attempts WHERE wave IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER attempts_report_vectors_${event} ON attempts`);
    await q.query(`DROP FUNCTION report_vectors_on_attempts()`);
    await q.query(`DROP FUNCTION report_vectors_refresh(uuid[])`);
    await q.query(`DROP TABLE report_vectors`);
  }
}

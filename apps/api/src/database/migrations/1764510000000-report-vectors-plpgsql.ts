import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * report_vectors' refresh as PL/pgSQL instead of SQL: a SQL function that is not inlined is planned again on every
 * call, and the statement trigger on `attempts` called it for every statement that wrote an attempt — a quiz
 * attempt (no wave, nothing to refresh) included. PL/pgSQL keeps the plan for the session and returns at once when
 * no enrolment needs it. Measured on one connection (insert into attempts with and without the triggers): a quiz
 * attempt's trigger cost 200–290 µs before, 0–70 µs after; a knowledge attempt's 430–570 µs before, 200–270 µs after.
 * Same rows: the INSERT is Studies1764500000000's, word for word.
 */
export class ReportVectorsPlpgsql1764510000000 implements MigrationInterface {
  name = 'ReportVectorsPlpgsql1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION report_vectors_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(ids) = 0 THEN
          RETURN;
        END IF;
        ${REFRESH}
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION report_vectors_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$ ${REFRESH} $$`);
  }
}

/** The refresh itself, as Studies1764500000000 left it (answers of every wave but the waitlist's baseline). */
const REFRESH = `
  INSERT INTO report_vectors (enrolment_id, answers, choices)
  SELECT e.id,
         (SELECT string_agg(a.kind || ':' || a.wave || ':' || coalesce(a.score::text, '') || ':'
                            || coalesce(array_to_string(a.answer_vector, '', '-'), ''), '|' ORDER BY a.kind, a.wave)
            FROM attempts a WHERE a.enrolment_id = e.id AND a.kind IN ('knowledge', 'attitude') AND a.wave IS NOT NULL AND a.wave <> 'baseline'),
         (SELECT string_agg(a.wave || ':' || array_to_string(a.choice_vector, ',', '-'), '|' ORDER BY a.wave)
            FROM attempts a WHERE a.enrolment_id = e.id AND a.kind = 'knowledge' AND a.wave IN ('pre', 'post')
             AND a.choice_vector IS NOT NULL)
    FROM enrolments e WHERE e.id = ANY(ids)
  ON CONFLICT (enrolment_id) DO UPDATE SET answers = EXCLUDED.answers, choices = EXCLUDED.choices;`;

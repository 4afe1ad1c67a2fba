import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * report_vectors kept current by row triggers instead of statement triggers with transition tables. A journey
 * submission writes one attempt; the statement trigger copied it into a transition table and queried that table
 * (`SELECT DISTINCT … FROM new_rows`) on every write — a quiz attempt, which has no wave and refreshes nothing,
 * included. Measured under the exam load (bench/exam, pg_stat_statements): 0.41 ms per submission, of which the
 * refresh itself was 0.13. A row trigger's WHEN clause is checked by the executor without calling anything, so an
 * attempt without a wave costs nothing, and one with a wave refreshes its own enrolment only. Same refresh function,
 * same rows. The refresh's INSERT was planned anew on every call (PL/pgSQL's plan cache kept choosing a custom plan
 * for `= ANY(ids)`), ~0.3 ms each time; its generic plan is the same index lookups: 1,000 refreshes on one connection
 * took 205–225 ms with custom plans and 55 ms with the generic one. (A later CREATE OR REPLACE of the function must
 * repeat the SET.) An update now also refreshes when it clears a wave or moves an attempt to another enrolment (the
 * statement trigger refreshed only the new rows' enrolments). A statement touching many attempts refreshes once per
 * row (imports and erasures are rare; submissions are not).
 */
export class ReportVectorsRowTriggers1764520000000 implements MigrationInterface {
  name = 'ReportVectorsRowTriggers1764520000000';

  async up(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER attempts_report_vectors_${event} ON attempts`);
    await q.query(`
      CREATE FUNCTION report_vectors_on_attempt() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM report_vectors_refresh(ARRAY[NEW.enrolment_id]);
        ELSIF TG_OP = 'DELETE' OR NEW.enrolment_id IS DISTINCT FROM OLD.enrolment_id THEN
          PERFORM report_vectors_refresh(ARRAY[OLD.enrolment_id]);
        END IF;
        IF TG_OP = 'UPDATE' THEN
          PERFORM report_vectors_refresh(ARRAY[NEW.enrolment_id]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`ALTER FUNCTION report_vectors_refresh(uuid[]) SET plan_cache_mode = force_generic_plan`);
    await q.query(`CREATE TRIGGER attempts_report_vectors_insert AFTER INSERT ON attempts
      FOR EACH ROW WHEN (NEW.wave IS NOT NULL) EXECUTE FUNCTION report_vectors_on_attempt()`);
    await q.query(`CREATE TRIGGER attempts_report_vectors_update AFTER UPDATE ON attempts
      FOR EACH ROW WHEN (NEW.wave IS NOT NULL OR OLD.wave IS NOT NULL) EXECUTE FUNCTION report_vectors_on_attempt()`);
    await q.query(`CREATE TRIGGER attempts_report_vectors_delete AFTER DELETE ON attempts
      FOR EACH ROW WHEN (OLD.wave IS NOT NULL) EXECUTE FUNCTION report_vectors_on_attempt()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER attempts_report_vectors_${event} ON attempts`);
    await q.query(`DROP FUNCTION report_vectors_on_attempt()`);
    await q.query(`ALTER FUNCTION report_vectors_refresh(uuid[]) RESET plan_cache_mode`);
    for (const [event, table] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']]) {
      await q.query(`CREATE TRIGGER attempts_report_vectors_${event.toLowerCase()} AFTER ${event} ON attempts
        REFERENCING ${table} FOR EACH STATEMENT EXECUTE FUNCTION report_vectors_on_attempts()`);
    }
  }
}

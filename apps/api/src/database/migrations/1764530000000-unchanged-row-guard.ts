import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `written_once(n)`: true when a guarded write changed exactly one row, else an error that aborts the whole statement
 * (SQLSTATE R0001). A submission computed from a plain read writes in one autocommitted statement whose UPDATE of the
 * enrolment is guarded on the row being the one read (its xmin); the statement calls this with that UPDATE's row
 * count, so a row changed in between undoes every write of the statement and the submission runs again under the
 * row lock (JourneySubmissions.submitUnlocked).
 */
export class UnchangedRowGuard1764530000000 implements MigrationInterface {
  name = 'UnchangedRowGuard1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION written_once(n bigint) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        IF n = 1 THEN
          RETURN true;
        END IF;
        RAISE EXCEPTION 'the row changed since it was read' USING ERRCODE = 'R0001';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION written_once(bigint)`);
  }
}

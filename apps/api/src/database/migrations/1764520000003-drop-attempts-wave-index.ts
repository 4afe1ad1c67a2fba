import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `attempts_wave_idx (enrolment_id, wave) WHERE wave IS NOT NULL` duplicates what the unique
 * `attempts_one_per_wave (enrolment_id, kind, wave) WHERE wave IS NOT NULL` and `attempts_enrolment_idx
 * (enrolment_id, kind)` already give: every query on attempts finds an enrolment's few rows by `enrolment_id`. One
 * index entry less for every assessment attempt written (a quarter of its index work) and less to keep at national
 * size (~6 million attempts at 200,000 learners).
 */
export class DropAttemptsWaveIndex1764520000003 implements MigrationInterface {
  name = 'DropAttemptsWaveIndex1764520000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX attempts_wave_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX attempts_wave_idx ON attempts (enrolment_id, wave) WHERE wave IS NOT NULL`);
  }
}

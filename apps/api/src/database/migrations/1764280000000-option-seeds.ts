import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Option order per attempt: the seed that shuffled the options a learner saw. Drawn when the quiz or test is opened
 * (kept on the draft row, so reloads and autosaves keep the order), copied onto the attempt when it is submitted,
 * and kept on the scenario run for a play-through. NULL: the options were shown in the course file's order.
 */
export class OptionSeeds1764280000000 implements MigrationInterface {
  name = 'OptionSeeds1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE answer_drafts ADD COLUMN option_seed integer`);
    await q.query(`ALTER TABLE scenario_runs ADD COLUMN option_seed integer`);
    await q.query(`ALTER TABLE attempts ADD COLUMN option_seed integer`);
    await q.query(`COMMENT ON COLUMN attempts.option_seed IS
      'Seed of the option order the learner saw (libs/curriculum option-order.ts); NULL = course file order'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attempts DROP COLUMN option_seed`);
    await q.query(`ALTER TABLE scenario_runs DROP COLUMN option_seed`);
    await q.query(`ALTER TABLE answer_drafts DROP COLUMN option_seed`);
  }
}

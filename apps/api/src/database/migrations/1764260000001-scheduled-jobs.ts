import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When each periodic job last ran, so a daily job runs once a day across all replicas (with an advisory lock). */
export class ScheduledJobs1764260000001 implements MigrationInterface {
  name = 'ScheduledJobs1764260000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_jobs (
        name text PRIMARY KEY,
        last_run_at timestamptz NOT NULL,
        last_result jsonb
      )`);
    // The purge deletes refresh tokens by expiry and revoked sessions by date.
    await q.query(`CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX refresh_tokens_expires_idx`);
    await q.query(`DROP TABLE scheduled_jobs`);
  }
}

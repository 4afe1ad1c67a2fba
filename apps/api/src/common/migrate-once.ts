import { type DataSource, MigrationExecutor } from 'typeorm';

/** pg_advisory lock id held while migrating ("RSPMIGRA" in ASCII, as a 64-bit number; unique to this purpose). */
export const MIGRATION_LOCK_ID = '5932173427049189953';

/**
 * Runs the pending migrations while holding a session advisory lock, on that same connection. TypeORM takes no lock
 * of its own: two replicas started together on a database with pending migrations both ran them, and the second one
 * stopped with `relation "migrations" already exists` (or a migration applied twice). Now the second waits for the
 * first, then finds nothing pending. One connection for both, so a pool of 1 (the embedded database) works too.
 */
export async function runMigrationsOnce(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock($1::bigint)`, [MIGRATION_LOCK_ID]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      await executor.executePendingMigrations();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1::bigint)`, [MIGRATION_LOCK_ID]);
    }
  } finally {
    await runner.release();
  }
}

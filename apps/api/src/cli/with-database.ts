import { DataSource } from 'typeorm';
import { runMigrationsOnce } from '../common/migrate-once.js';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { DatabasePool, databaseSettings } from '../database/database-pool.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

/**
 * For command-line tools: the same database the server would use (DATABASE_URL, else the embedded one in DATA_DIR),
 * migrated (TypeORM, on the same one pool), then closed again — including the embedded server — whatever the work does.
 */
export async function withDatabase<T>(work: (db: DatabasePool, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const pool = new DatabasePool(databaseSettings(config, config.databaseUrl ?? embedded!.url));
  try {
    const migrator = new DataSource(dataSourceOptions(pool));
    await migrator.initialize();
    try {
      await runMigrationsOnce(migrator); // replicas and tools started together migrate one at a time
    } finally {
      await migrator.destroy();
    }
    return await work(pool, config);
  } finally {
    await pool.end();
    await embedded?.stop();
  }
}

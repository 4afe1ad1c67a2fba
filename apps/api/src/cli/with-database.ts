import { DataSource } from 'typeorm';
import { poolSizeFor } from '../app-factory.js';
import { runMigrationsOnce } from '../common/migrate-once.js';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

/**
 * For command-line tools: the same database the server would use (DATABASE_URL, else the embedded one in DATA_DIR),
 * migrated, then closed again — including the embedded server — whatever the work does.
 */
export async function withDatabase<T>(work: (db: DataSource, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const db = new DataSource(dataSourceOptions(config.databaseUrl ?? embedded!.url, poolSizeFor(config, embedded !== null)));
  await db.initialize();
  try {
    await runMigrationsOnce(db);
    return await work(db, config);
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}

import { DataSource } from 'typeorm';
import { poolSizeFor } from '../app-factory.js';
import { loadConfig } from '../config/app-config.js';
import { ContentImporter } from '../curriculum/content-import.service.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

/** `npm run content:import [-- <dir>]`: imports the course files as a new version if they changed (the server also does it on start). */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const db = new DataSource(dataSourceOptions(config.databaseUrl ?? embedded!.url, poolSizeFor(config, embedded !== null)));
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    const result = await new ContentImporter(db).importDirectory(process.argv[2] ?? config.contentDir);
    if (result.problems.length > 0) {
      process.stderr.write(result.problems.map((p) => `${p.file ?? ''} ${p.path}: ${p.message}`).join('\n') + '\n');
      process.exitCode = 1;
    } else {
      process.stdout.write(result.imported ? `Imported "${result.courseKey}" as version ${result.version}.\n` : `Unchanged: "${result.courseKey}" stays at version ${result.version}.\n`);
    }
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});

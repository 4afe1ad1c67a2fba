import { AuditLog } from '../audit/audit-log.service.js';
import { ContentImporter } from '../curriculum/content-import.service.js';
import { withDatabase } from './with-database.js';

/** `npm run content:import [-- <dir>]`: imports the course files as a new version if they changed (the server also does it on start). */
async function main(): Promise<void> {
  await withDatabase(async (db, config) => {
    const result = await new ContentImporter(db, new AuditLog(db)).importDirectory(process.argv[2] ?? config.contentDir);
    if (result.problems.length > 0) {
      process.stderr.write(result.problems.map((p) => `${p.file ?? ''} ${p.path}: ${p.message}`).join('\n') + '\n');
      process.exitCode = 1;
    } else {
      process.stdout.write(result.imported ? `Imported "${result.courseKey}" as version ${result.version}.\n` : `Unchanged: "${result.courseKey}" stays at version ${result.version}.\n`);
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});

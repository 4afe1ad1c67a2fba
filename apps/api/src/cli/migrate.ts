import { withDatabase } from './with-database.js';

/** `npm run migration:run`: brings the database (DATABASE_URL, else the embedded one) to the newest schema and says where it stands. */
async function main(): Promise<void> {
  await withDatabase(async (db) => {
    const [row] = await db.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
    process.stdout.write(`Schema up to date: ${row?.name ?? 'no migrations'}.\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});

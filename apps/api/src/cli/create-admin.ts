import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../auth/password-hasher.service.js';
import { checkPassword, normalisePassword } from '../auth/password-policy.js';
import { withDatabase } from './with-database.js';

/**
 * Creates the first (or another) admin: `npm run admin:create -- --email a@b.pe --name "Ana"`; the password is read
 * from ADMIN_PASSWORD or asked on the terminal (never passed as an argument, where it would land in shell history).
 */
async function main(): Promise<void> {
  const args = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) args.set(argv[i].replace(/^--/, ''), argv[i + 1]);
  const email = args.get('email')?.trim().toLowerCase();
  const name = args.get('name')?.trim() || 'Admin';
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error('Usage: npm run admin:create -- --email admin@example.pe [--name "Full name"]');
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Password for the new admin (8–128 characters): ');
    rl.close();
  }
  password = normalisePassword(password);
  const weak = checkPassword(password, email);
  if (weak) throw new Error(weak.message);

  await withDatabase(async (db) => {
    const [existing] = await db.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
    if (existing) throw new Error(`An account with ${email} already exists.`);
    await db.query(`INSERT INTO users (email, display_name, password_hash, role) VALUES ($1, $2, $3, 'admin')`, [email, name, await hashPassword(password)]);
    process.stdout.write(`Admin ${email} created.\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});

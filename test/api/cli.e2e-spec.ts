import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import argon2 from 'argon2';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const run = promisify(execFile);
const CLI = (name: string) => resolve(__dirname, `../../dist/apps/api/src/cli/${name}.js`);

jest.setTimeout(60_000);

/** The command-line tools a newcomer and an operator use (run from the build, as `npm run …` does). */
describe('command-line tools', () => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    db = await createTestDatabase();
    env = { ...process.env, DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(db.poolSize), DATABASE_MODE: db.mode, DATA_DIR: mkdtempSync(join(tmpdir(), 'respeta-cli-')), LOG_LEVEL: 'silent' };
  });
  afterAll(() => db.drop());

  const query = async (sql: string, params: unknown[] = []) => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows;
    } finally {
      await c.end();
    }
  };

  it('content:import imports the course once, then reports it unchanged', async () => {
    const first = await run(process.execPath, [CLI('import-content')], { env });
    expect(first.stdout).toMatch(/Imported "gbv-response" as version 1/);
    const second = await run(process.execPath, [CLI('import-content')], { env });
    expect(second.stdout).toMatch(/Unchanged: "gbv-response" stays at version 1/);
    expect((await query(`SELECT count(*)::int AS n FROM course_versions`))[0].n).toBe(1);
  });

  it('admin:create makes an argon2id admin from ADMIN_PASSWORD and refuses weak passwords and duplicates', async () => {
    await run(process.execPath, [CLI('create-admin'), '--email', 'Jefa@Muni.gob.pe', '--name', 'Jefa'], { env: { ...env, ADMIN_PASSWORD: 'una clave larga de prueba' } });
    const [user] = await query(`SELECT role, display_name, password_hash FROM users WHERE email = 'jefa@muni.gob.pe'`);
    expect(user).toMatchObject({ role: 'admin', display_name: 'Jefa' });
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await argon2.verify(user.password_hash, 'una clave larga de prueba')).toBe(true);
    await expect(run(process.execPath, [CLI('create-admin'), '--email', 'otra@muni.gob.pe'], { env: { ...env, ADMIN_PASSWORD: 'password123' } })).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/too common/) });
    await expect(run(process.execPath, [CLI('create-admin'), '--email', 'jefa@muni.gob.pe'], { env: { ...env, ADMIN_PASSWORD: 'otra clave larga 2026' } })).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });
  });
});

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  /** 1 on the embedded database (one session), more on a real server. */
  poolSize: number;
  /** What the API is told (DATABASE_MODE): the embedded PGlite is reached by URL here, so it cannot tell by itself. */
  mode: 'embedded' | 'server';
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file — never the developer's own data.
 * Real server (DATABASE_URL): a new database per file, dropped afterwards.
 * Embedded (no DATABASE_URL): the run's throwaway PGlite, its schema wiped; files then run one at a time.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `respeta_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      poolSize: 4,
      mode: 'server',
      drop: () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  const embeddedUrl = process.env.RESPETA_TEST_EMBEDDED_URL;
  if (!embeddedUrl) throw new Error('No test database: set DATABASE_URL or run through jest (its global setup starts an embedded one).');
  await withClient(embeddedUrl, (c) => c.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`));
  return { url: embeddedUrl, poolSize: 1, mode: 'embedded', drop: async () => undefined };
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

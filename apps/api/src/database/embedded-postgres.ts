import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) and serves it over TCP on 127.0.0.1 so the ordinary `pg` driver and
 * TypeORM talk to it exactly as to a server. PGlite has one session: callers must use a pool of size 1.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  const dbDir = resolve(dataDir, 'pglite');
  mkdirSync(dbDir, { recursive: true });
  // Loaded lazily: processes that talk to a real server never load the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create({ dataDir: dbDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  const actualPort = Number(conn.split(':').pop());
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${actualPort}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

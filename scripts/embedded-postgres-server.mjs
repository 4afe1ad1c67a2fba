// Serves a throwaway PGlite database over TCP for the test suite on machines without PostgreSQL.
// Prints "READY <url>" once listening; stops on SIGTERM.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const dataDir = process.argv[2];
const db = await PGlite.create(dataDir ? { dataDir } : {});
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
await server.start();
process.stdout.write(`READY postgres://postgres:postgres@${server.getServerConn()}/postgres\n`);
const stop = async () => {
  await server.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

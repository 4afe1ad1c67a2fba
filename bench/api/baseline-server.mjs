// The bare baseline: pg and either bare node:http (the default) or bare Fastify (BASELINE=fastify: the "bare
// Fastify + pg" of issue 17), same SQL as the API's hot read (session check, then the enrolment's journey), same pool
// size; no Nest, no token check (it trusts an x-user header), no validation, no logging. Prints "READY <port>".
import http from 'node:http';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 10) });

/** The hot read: 401 without a live session, else the enrolment's journey. */
async function journeyOf(enrolmentId, xUser) {
  const [userId, sessionId] = String(xUser ?? '').split(':');
  const auth = await pool.query(
    `SELECT u.role FROM users u JOIN auth_sessions s ON s.user_id = u.id
      WHERE u.id = $1 AND s.id = $2 AND u.disabled_at IS NULL AND u.token_version = $3 AND s.revoked_at IS NULL`,
    [userId, sessionId, 0],
  );
  if (!auth.rows[0]) return null;
  const { rows } = await pool.query(`SELECT journey, course_version_id FROM enrolments WHERE id = $1 AND user_id = $2`, [enrolmentId, userId]);
  return { enrolmentId, snapshot: rows[0]?.journey };
}

let close;
if (process.env.BASELINE === 'fastify') {
  const app = Fastify({ logger: false });
  app.get('/api/enrolments/:id/journey', async (req, reply) => (await journeyOf(req.params.id, req.headers['x-user'])) ?? reply.code(401).send());
  await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
  process.stdout.write(`READY ${app.server.address().port}\n`);
} else {
  const server = http.createServer(async (req, res) => {
    const [, , , enrolmentId] = req.url.split('/'); // /api/enrolments/:id/journey
    try {
      const body = await journeyOf(enrolmentId, req.headers['x-user']);
      if (!body) res.writeHead(401).end();
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise((r) => server.close(r));
  process.stdout.write(`READY ${server.address().port}\n`);
}
// A clean exit on SIGTERM, so that `node --cpu-prof` writes its profile (bench/api/run.mjs --cpu-prof).
process.once('SIGTERM', () => close().then(() => pool.end()).finally(() => process.exit(0)));

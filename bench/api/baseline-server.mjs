// The bare baseline: node:http + pg, same SQL as the API's hot read (session check, then the enrolment's journey),
// same pool size, no framework, no validation, no logging. Prints "READY <port>".
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 10) });
const server = http.createServer(async (req, res) => {
  const [, , , enrolmentId] = req.url.split('/'); // /api/enrolments/:id/journey
  const [userId, sessionId] = String(req.headers['x-user'] ?? '').split(':');
  try {
    const auth = await pool.query(
      `SELECT u.role FROM users u JOIN auth_sessions s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.disabled_at IS NULL AND u.token_version = $3 AND s.revoked_at IS NULL`,
      [userId, sessionId, 0],
    );
    if (!auth.rows[0]) {
      res.writeHead(401).end();
      return;
    }
    const { rows } = await pool.query(`SELECT journey, course_version_id FROM enrolments WHERE id = $1 AND user_id = $2`, [enrolmentId, userId]);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ enrolmentId, snapshot: rows[0]?.journey }));
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
// A clean exit on SIGTERM, so that `node --cpu-prof` writes its profile (bench/api/run.mjs --cpu-prof).
process.once('SIGTERM', () => server.close(() => pool.end().finally(() => process.exit(0))));
server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${server.address().port}\n`));

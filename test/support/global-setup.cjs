// Without DATABASE_URL the API tests run on an embedded PGlite served by a child process (one per test run).
const { spawn } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  const dir = mkdtempSync(join(tmpdir(), 'respeta-test-pglite-'));
  const child = spawn(process.execPath, [join(__dirname, '../../scripts/embedded-postgres-server.mjs'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
  process.env.RESPETA_TEST_EMBEDDED_URL = url;
  globalThis.__respetaEmbeddedPg = child;
};

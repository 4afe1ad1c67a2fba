// `npm test`: build once (the boot and browser tests run the built app), then every jest project.
// With DATABASE_URL the API tests use that server (a fresh database per test file, in parallel);
// without it they use a throwaway embedded PGlite, one file at a time (PGlite has a single session).
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', '--silent', 'build']);
const jestArgs = ['jest', '--ci', ...(process.env.DATABASE_URL ? ['--maxWorkers=2'] : ['--runInBand']), ...process.argv.slice(2)];
run('npx', jestArgs);

// `npm test`: build once (the boot and browser tests run the built app), lint (boundaries), then every jest project.
// With DATABASE_URL the API tests use that server (a fresh database per test file, in parallel);
// without it they use a throwaway embedded PGlite, one file at a time (PGlite has a single session).
// The browser tests need a Chromium: found (or installed where the machine allows) before anything runs; R likewise
// for the export test (optional: skipped with a message when R cannot be had).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const { ensureChromium } = createRequire(import.meta.url)('./chromium.cjs');
const { ensureRscript } = createRequire(import.meta.url)('./rscript.cjs');

const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const args = process.argv.slice(2);
const projects = args.includes('--selectProjects') ? args.slice(args.indexOf('--selectProjects') + 1) : ['browser'];
let env = process.env;
if (projects.includes('browser')) {
  const chromium = ensureChromium();
  if (!chromium) process.exit(1);
  console.log(`browser tests use ${chromium}`);
  env = { ...process.env, CHROMIUM_PATH: chromium };
}
if (projects.includes('browser') || projects.includes('api')) {
  // The export test runs reproduce.R; without R it is skipped (with how to install R printed), never the whole suite.
  const rscript = ensureRscript();
  if (rscript) env = { ...env, RSCRIPT_PATH: rscript };
}
run('npm', ['run', '--silent', 'build'], env);
run('npm', ['run', '--silent', 'lint'], env);
const jestArgs = ['jest', '--ci', ...(process.env.DATABASE_URL ? ['--maxWorkers=2'] : ['--runInBand']), ...args];
run('npx', jestArgs, env);

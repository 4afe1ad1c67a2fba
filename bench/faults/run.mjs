// bench/faults: (1) SIGKILL the API in the middle of an exam load, restart it, let clients retry with their
// idempotency keys: every acknowledged submission must be in the database exactly once. (2) With --pg-restart,
// stop PostgreSQL for 3 s under the same kind of load: the API must answer 503 (never 500) while it is down, recover
// by itself (/api/health says so), and every acknowledged submission must again be there exactly once.
// Exits 1 when a check fails (CI runs it: .ci/run). Usage: npm run build && node bench/faults/run.mjs [--learners 300] [--pg-restart]
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, machine, startApi } from '../lib/bench-env.mjs';
import { JWT_SECRET, planFor, seedLearners, submit, verifyAcknowledged } from '../lib/simulated-learners.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('learners', 300);
const freePort = () => new Promise((r) => { const s = createServer().listen(0, () => { const { port } = s.address(); s.close(() => r(port)); }); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const port = await freePort();
const db = await createDatabase('bench_faults');
const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10', JWT_SECRET, PORT: String(port) };
let api = await startApi(env);
const outputs = [api.output];
const baseUrl = () => `http://127.0.0.1:${port}`;
const failures = [];
const verdict = (ok, what) => {
  if (!ok) failures.push(what);
  return ok ? 'PASS' : 'MISS';
};

/** Runs every learner's plan (arrivals over `spreadMs`), retrying with the same keys; counts every answer seen. */
function runLoad(learners, spreadMs, retryMs) {
  const acknowledged = [];
  const answers = new Map();
  let retried = 0;
  const done = Promise.all(learners.map(async (learner) => {
    await sleep(Math.random() * spreadMs);
    for (const step of planFor()) {
      const res = await submit(baseUrl, learner, step, {
        retryUntil: Date.now() + retryMs,
        onAnswer: (status) => answers.set(String(status), (answers.get(String(status)) ?? 0) + 1),
      });
      if (res.attempts > 1) retried++;
      if (res.status === 200) acknowledged.push({ key: step.body.idempotencyKey, name: step.name });
      await sleep(Math.random() * 300);
    }
  }));
  return { acknowledged, answers, done, retried: () => retried };
}
const summary = (answers) => [...answers.entries()].sort().map(([k, v]) => `${k}×${v}`).join(', ');

console.log(`bench/faults — ${machine()}`);
try {
  // (1) kill -9 mid-load
  const learners = await seedLearners(db.url, N);
  const load = runLoad(learners, 2000, 90_000);
  await sleep(2500);
  const ackBeforeKill = load.acknowledged.length;
  api.child.kill('SIGKILL');
  await new Promise((r) => api.child.once('exit', r));
  await sleep(1500);
  api = await startApi(env);
  outputs.push(api.output);
  await load.done;
  const expected = N * planFor().length;
  {
    const { lost, duplicates } = await verifyAcknowledged(db.url, load.acknowledged);
    console.log(`SIGKILL during load: ${ackBeforeKill} submissions acknowledged before the kill, ${load.acknowledged.length}/${expected} in the end, ${load.retried()} retried with the same key`);
    console.log(`  lost ${lost}, duplicated ${duplicates} (target 0/0) ${verdict(lost + duplicates === 0 && load.acknowledged.length === expected, 'SIGKILL')}`);
  }

  // (2) PostgreSQL stopped for 3 s under load
  if (process.argv.includes('--pg-restart')) {
    const cluster = execSync('ls /etc/postgresql').toString().trim().split('\n')[0];
    const more = await seedLearners(db.url, N);
    const health = new Map();
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const res = await fetch(`${baseUrl()}/api/health`).catch(() => null);
        const key = res ? String(res.status) : 'no answer';
        health.set(key, (health.get(key) ?? 0) + 1);
        await sleep(50);
      }
    })();
    const pgLoad = runLoad(more, 2000, 60_000);
    await sleep(1500);
    const started = performance.now();
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${cluster} main stop -m fast`);
    await sleep(3000);
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${cluster} main start`);
    let recoveredAfter = null;
    while (recoveredAfter === null && performance.now() - started < 60_000) {
      const res = await fetch(`${baseUrl()}/api/health`).catch(() => null);
      if (res?.status === 200) recoveredAfter = (performance.now() - started) / 1000;
      else await sleep(100);
    }
    await pgLoad.done;
    polling = false;
    await poll;
    const { lost, duplicates } = await verifyAcknowledged(db.url, [...load.acknowledged, ...pgLoad.acknowledged]);
    // Only 200 or 503 (or no answer during the restart): a 500 is a crash, a 401 would sign learners out for our fault.
    const expectedOnly = (answers) => [...answers.keys()].every((k) => ['200', '503', 'no answer'].includes(k));
    const no500 = expectedOnly(health) && expectedOnly(pgLoad.answers);
    console.log(`PostgreSQL stopped for 3 s under load (${N} more learners): health answers ${summary(health)}; submissions answered ${summary(pgLoad.answers)}`);
    console.log(`  503 while down, never 500 or 401: ${verdict(no500 && health.has('503'), 'PG 503')}; healthy again ${recoveredAfter?.toFixed(1)} s after the stop by itself: ${verdict(recoveredAfter !== null, 'PG recovery')}`);
    console.log(`  ${pgLoad.acknowledged.length}/${expected} acknowledged, lost ${lost}, duplicated ${duplicates} (target 0/0) ${verdict(lost + duplicates === 0 && pgLoad.acknowledged.length === expected, 'PG load')}`);
  }
} finally {
  await api.stop();
  await db.drop().catch(() => undefined);
}
if (failures.length) {
  const log = join(tmpdir(), `bench-faults-api-${Date.now()}.log`);
  writeFileSync(log, outputs.map((read) => read()).join('\n--- restarted ---\n'));
  console.error(`bench/faults: failed — ${failures.join(', ')}; the API's output is in ${log}`);
  process.exit(1);
}

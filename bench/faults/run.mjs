// bench/faults: (1) SIGKILL the API in the middle of an exam load, restart it, let clients retry with their
// idempotency keys: every acknowledged submission must be in the database exactly once. (2) With --pg-restart,
// restart PostgreSQL under load: the API must answer 503 (not 500) while it is down, recover by itself, and
// /api/health must report it. Usage: npm run build && node bench/faults/run.mjs [--learners 300] [--pg-restart]
import { execSync } from 'node:child_process';
import { createServer } from 'node:net';
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
const baseUrl = () => `http://127.0.0.1:${port}`;
console.log(`bench/faults — ${machine()}`);
try {
  // (1) kill -9 mid-load
  const learners = await seedLearners(db.url, N);
  const acknowledged = [];
  let ackBeforeKill = 0;
  let killed = false;
  let retried = 0;
  const load = Promise.all(learners.map(async (learner) => {
    await sleep(Math.random() * 2000);
    for (const step of planFor()) {
      const res = await submit(baseUrl, learner, step, { retryUntil: Date.now() + 90_000 });
      if (res.attempts > 1) retried++;
      if (res.status === 200) {
        acknowledged.push({ key: step.body.idempotencyKey, name: step.name });
        if (!killed) ackBeforeKill++;
      }
      await sleep(Math.random() * 300);
    }
  }));
  await sleep(2500);
  killed = true;
  api.child.kill('SIGKILL');
  await new Promise((r) => api.child.once('exit', r));
  await sleep(1500);
  api = await startApi(env);
  await load;
  const { lost, duplicates } = await verifyAcknowledged(db.url, acknowledged);
  const expected = N * planFor().length;
  console.log(`SIGKILL during load: ${ackBeforeKill} submissions acknowledged before the kill, ${acknowledged.length}/${expected} in the end, ${retried} retried with the same key`);
  console.log(`  lost ${lost}, duplicated ${duplicates} (target 0/0) ${lost + duplicates === 0 && acknowledged.length === expected ? 'PASS' : 'MISS'}`);

  // (2) PostgreSQL restart under load
  if (process.argv.includes('--pg-restart')) {
    const cluster = execSync('ls /etc/postgresql').toString().trim().split('\n')[0];
    const statuses = new Map();
    let stop = false;
    const poll = (async () => {
      while (!stop) {
        const res = await fetch(`${baseUrl()}/api/health`).catch(() => null);
        const key = res ? String(res.status) : 'no answer';
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        await sleep(50);
      }
    })();
    await sleep(1000);
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
    stop = true;
    await poll;
    const summary = [...statuses.entries()].map(([k, v]) => `${k}×${v}`).join(', ');
    const ok = !statuses.has('500') && statuses.has('503') && recoveredAfter !== null;
    console.log(`PostgreSQL stopped for 3 s under polling: answers ${summary}; healthy again ${recoveredAfter?.toFixed(1)} s after the stop ${ok ? 'PASS' : 'MISS'}`);
  }
} finally {
  await api.stop();
  await db.drop().catch(() => undefined);
}

// bench/exam reconnect storm: N learners (default 1,000) each come back online with 3–7 submissions queued on their
// phone (consent, pre-test, opinions, lessons, quiz — a prefix of the exam plan, in order) and all reconnect within
// 5 s. Each replays its queue the way the web app's outbox does (apps/web/src/lib/offline/replay.ts): the whole
// queue of an enrolment in one request (POST /api/enrolments/:id/submissions, oldest first, each item with its
// idempotency key; one item alone goes to its own route), the same keys on every try, backoff with equal jitter on no
// answer / 408 / 429 / 5xx; the page then takes the journey from the queue's answer (it reads nothing more). `--single` replays one request per submission instead
// (the outbox before the queue route), for comparison. For a fifth of the learners the first queued submission had already reached the
// server before the phone lost the answer (sent once beforehand, its response discarded): the replay must get the
// first result back and create nothing new.
// Targets: 0 lost, 0 duplicated, p95 of the replay requests ≤ 200 ms.
// Usage: npm run build && node bench/exam/reconnect-storm.mjs [--learners 1000] [--window 5000] [--client-delay 1500] [--warmup 200] [--single]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import { cpuNow, cpuSince, createDatabase, machine, percentile, ROOT, startApi } from '../lib/bench-env.mjs';
import { request } from '../lib/http-client.mjs';
import { JWT_SECRET, planFor, seedLearners, verifyAcknowledged } from '../lib/simulated-learners.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('learners', 1000);
const WINDOW_MS = arg('window', 5000);
// The web app starts its replay 0–1.5 s after the connection returns (startReplay in replay.ts: a whole town's phones
// reconnecting at once spread out); --client-delay 0 sends the moment the connection is back.
const CLIENT_DELAY_MS = arg('client-delay', 1500);
const LOST_ACK_SHARE = 0.2;
const WARMUP = arg('warmup', 200);
const SINGLE = process.argv.includes('--single');
const BATCH_MAX = 20; // QUEUE_BATCH_MAX in apps/api/src/journey/journey.dto.ts

// The web app's backoff (replay.ts): 2 s doubling to 5 min, half fixed and half random.
const backoffMs = (tries) => {
  const ceiling = Math.min(300_000, 2000 * 2 ** Math.max(0, tries - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
};
const retryable = (status) => status === 0 || status === 408 || status === 429 || status >= 500;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function post(baseUrl, learner, path, body) {
  const started = performance.now();
  try {
    const res = await request(`${baseUrl}/api/enrolments/${learner.enrolmentId}${path}`, { method: 'POST', token: learner.token, body });
    return { status: res.status, ms: performance.now() - started, answer: res.body };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

/** What the outbox sends for a run of queued steps: one alone to its own route, several as one queue request. */
function requestFor(steps) {
  if (steps.length === 1) return { path: steps[0].path, body: steps[0].body };
  return { path: '/submissions', body: { items: steps.map((step) => step.item) } };
}

/** Each step's own status from an answered request (a queue request answers per item). */
function statusesOf(steps, res) {
  if (steps.length === 1 || res.status !== 200) return steps.map(() => res.status);
  return res.answer.outcomes.map((o) => o.status);
}

const db = await createDatabase('bench_storm');
execFileSync(process.execPath, [resolve(ROOT, 'dist/apps/api/src/cli/import-content.js')], { env: { ...process.env, DATABASE_URL: db.url }, stdio: 'ignore' });
const api = await startApi({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10', JWT_SECRET });
setPriority(process.pid, 10); // the phones are elsewhere: this process yields the CPU to the API and the database
try {
  const withQueue = (learner) => ({ ...learner, queue: planFor().slice(0, 3 + Math.floor(Math.random() * 5)) });
  // A server in a town's reconnect storm has been running for hours: other learners' queues first (not measured), so
  // that the measured storm does not include the API's first-use compilation of the code it runs.
  const warmup = (await seedLearners(db.url, WARMUP)).map(withQueue);
  for (let i = 0; i < warmup.length; i += 20) {
    await Promise.all(warmup.slice(i, i + 20).map((l) => {
      const { path, body } = requestFor(l.queue); // 3–7 steps: one request, as the storm's phones send theirs
      return post(api.url, l, path, body);
    }));
  }
  const learners = (await seedLearners(db.url, N)).map(withQueue);
  const queued = learners.reduce((n, l) => n + l.queue.length, 0);

  // Before the storm: some phones' first submission reached the server but its answer never came back.
  const lostAcks = learners.filter(() => Math.random() < LOST_ACK_SHARE);
  for (let i = 0; i < lostAcks.length; i += 50) await Promise.all(lostAcks.slice(i, i + 50).map((l) => post(api.url, l, l.queue[0].path, l.queue[0].body)));

  const requestsPlanned = learners.reduce((n, l) => n + (SINGLE ? l.queue.length : Math.ceil(l.queue.length / BATCH_MAX)), 0);
  const latencies = [];
  const acknowledged = [];
  const refused = [];
  let tries = 0;
  const rssPeak = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${api.child.pid}/status`, 'utf8'))[1]) / 1024;
  // CPU used by the API (all its threads) and by PostgreSQL (every server process) during the replay.
  const cpuBefore = cpuNow(api);
  const started = performance.now();
  await Promise.all(learners.map(async (learner) => {
    await sleep(Math.random() * WINDOW_MS); // the connection returns for everyone within the window
    await sleep(Math.random() * CLIENT_DELAY_MS); // then the phone's own random wait before it replays
    const runs = [];
    for (let i = 0; i < learner.queue.length; i += SINGLE ? 1 : BATCH_MAX) runs.push(learner.queue.slice(i, i + (SINGLE ? 1 : BATCH_MAX)));
    for (const steps of runs) {
      const { path, body } = requestFor(steps);
      for (let attempt = 1; ; attempt++) {
        const res = await post(api.url, learner, path, body);
        tries++;
        latencies.push(res.ms);
        if (res.status === 200) {
          statusesOf(steps, res).forEach((status, i) => {
            if (status === 200) acknowledged.push({ key: steps[i].body.idempotencyKey, name: steps[i].name });
            else refused.push({ name: steps[i].name, status });
          });
          break;
        }
        if (!retryable(res.status) || performance.now() - started > 120_000) {
          for (const step of steps) refused.push({ name: step.name, status: res.status });
          break;
        }
        await sleep(backoffMs(attempt));
      }
    }
    // No journey read follows: the web app takes the journey from the queue's answer (useOfflineCourse: driver.rebase).
  }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSince(api, cpuBefore);

  // Lost: queued but not acknowledged, or acknowledged but not in the database. Duplicated: recorded twice.
  const { lost, duplicates } = await verifyAcknowledged(db.url, acknowledged, learners.map((l) => l.enrolmentId));
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const ledger = (await c.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE enrolment_id = ANY($1::uuid[])`, [learners.map((l) => l.enrolmentId)])).rows[0].n;
  await c.end();
  const unacknowledged = queued - acknowledged.length;
  latencies.sort((a, b) => a - b);
  const p = (q) => percentile(latencies, q).toFixed(1);
  const ok = (cond) => (cond ? 'PASS' : 'MISS');
  console.log(`bench/exam reconnect storm — ${N} learners, ${queued} queued submissions (3–7 each), all reconnecting within ${WINDOW_MS / 1000} s (each replays 0–${CLIENT_DELAY_MS / 1000} s later, as the web app does); ${lostAcks.length} had their first one reach the server with the answer lost; ${SINGLE ? 'one request per submission (--single)' : 'each queue in one request'}; ${machine()}`);
  console.log(`replay     ${tries} requests in ${seconds.toFixed(1)} s = ${(tries / seconds).toFixed(0)} req/s, ${(queued / seconds).toFixed(0)} submissions/s (retries: ${tries - requestsPlanned})`);
  console.log(`latency    p50 ${p(50)} ms  p95 ${p(95)} ms  p99 ${p(99)} ms  max ${latencies.at(-1).toFixed(0)} ms  (target p95 ≤ 200) ${ok(Number(p(95)) <= 200)}`);
  console.log(`lost       ${unacknowledged + lost} (not acknowledged ${unacknowledged}, refused ${refused.length}${refused.length ? ` ${JSON.stringify(refused.slice(0, 3))}` : ''}; acknowledged but missing ${lost}) (target 0) ${ok(unacknowledged + lost === 0)}`);
  console.log(`duplicated ${duplicates}; idempotency ledger ${ledger} entries for ${queued} queued submissions (target 0 / equal) ${ok(duplicates === 0 && ledger === queued)}`);
  console.log(`CPU        API ${cpu.api.toFixed(2)} s (${((1000 * cpu.api) / tries).toFixed(2)} ms per request), PostgreSQL ${cpu.pg.toFixed(2)} s (${((1000 * cpu.pg) / tries).toFixed(2)} ms per request)`);
  console.log(`API peak RSS ${rssPeak().toFixed(0)} MB`);
} finally {
  await api.stop();
  if (process.env.BENCH_KEEP_DB) console.log(`kept database ${db.name}`);
  else await db.drop();
}

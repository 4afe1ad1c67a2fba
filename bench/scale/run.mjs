// bench/scale: two API replicas on one PostgreSQL database behind a real load balancer — HAProxy from Debian's
// packages, run with deploy/haproxy.cfg (the file docs/DEPLOY.md shows; ports come from its ${...} variables):
// round-robin, health checks on /api/health. The replicas start together on an empty database (as after a deploy).
// Checks, each PASS or MISS (exit 1 on any MISS):
//   1. a retry that lands on the other replica: the same submission sent to both replicas at once is recorded once;
//   2. the exam load through the balancer: every submission acknowledged, none lost, none duplicated, both replicas
//      served (round-robin);
//   3. login limits are shared: failures spread over both replicas lock the account on both;
//   4. logout is effective on both replicas at once (access token and refresh token);
//   5. one replica SIGKILLed mid-load: no acknowledged answer lost or duplicated, every client finishes through the
//      other replica, the balancer takes the dead one out and back in once it is restarted.
// Timing figures are printed for information only (this bench shares two cores with both replicas, PostgreSQL,
// HAProxy and its own simulated clients). HAProxy is installed with apt-get when missing (needs root).
// Usage: npm run build && node bench/scale/run.mjs [--learners 1000] [--kill-learners 400] [--think 8000] [--ramp 5000]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDatabase, json, machine, percentile, ROOT, startApi } from '../lib/bench-env.mjs';
import { JWT_SECRET, planFor, seedLearners, submit, verifyAcknowledged } from '../lib/simulated-learners.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('learners', 1000);
const KILL_N = arg('kill-learners', 400);
const THINK_MS = arg('think', 8000); // bench/exam's think-time model
const RAMP_MS = arg('ramp', 5000);
const CONFIG = resolve(ROOT, 'deploy/haproxy.cfg');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((r) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => r(port)); }); });

const failures = [];
const verdict = (ok, what) => {
  if (!ok) failures.push(what);
  return ok ? 'PASS' : 'MISS';
};

/** HAProxy from Debian's packages: found on the PATH, or installed with apt-get when this runs as root. */
function ensureHaproxy() {
  if (spawnSync('haproxy', ['-v']).status === 0) return;
  if (process.getuid?.() !== 0) {
    console.error('bench/scale needs HAProxy: run as root (it then installs Debian\'s package) or `sudo apt-get install -y haproxy`.');
    process.exit(1);
  }
  console.log('HAProxy is missing: installing Debian\'s package (apt-get install -y haproxy, as root) …');
  const apt = (...args) => spawnSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  const install = () => apt('install', '-y', '--no-install-recommends', 'haproxy');
  // A machine without package lists (fresh container) needs `apt-get update` first.
  if (!install() && !(apt('update') && install())) {
    console.error('bench/scale: apt-get could not install haproxy; install it by hand (apt-get update && apt-get install -y haproxy).');
    process.exit(1);
  }
}

/** One command on HAProxy's admin socket; `show stat` answers CSV, turned into { "api/api1": row, … }. */
function haproxyCommand(socket, command) {
  return new Promise((done, fail) => {
    let out = '';
    const c = createConnection(socket, () => c.end(`${command}\n`));
    c.on('data', (d) => (out += d));
    c.on('end', () => done(out));
    c.on('error', fail);
  });
}
async function serverStats(socket) {
  const [header, ...lines] = (await haproxyCommand(socket, 'show stat')).trim().split('\n');
  const cols = header.replace(/^# /, '').split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
  return Object.fromEntries(rows.filter((r) => r.svname.startsWith('api')).map((r) => [r.svname, r]));
}
async function waitForStatus(socket, server, status, timeoutMs = 30_000) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs && haproxy?.exitCode === null) {
    const stats = await serverStats(socket).catch(() => null);
    if (stats?.[server]?.status === status) return (performance.now() - started) / 1000;
    await sleep(100);
  }
  return null;
}

ensureHaproxy();
const [port1, port2, lbPort] = [await freePort(), await freePort(), await freePort()];
const db = await createDatabase('bench_scale');
const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
const socket = join(dir, 'haproxy.sock');
// The same secrets on every replica (a token signed by one is checked by the other); limits kept small to test them.
const apiEnv = (port) => ({
  DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10', JWT_SECRET, PSEUDONYM_SECRET: `${JWT_SECRET}-pseudonyms`, PORT: String(port),
  TRUST_PROXY: 'true', LOGIN_ACCOUNT_MAX_FAILURES: '4', LOGIN_WINDOW_SECONDS: '600', LOGIN_LOCK_SECONDS: '600', DATA_DIR: dir,
});
const replicas = {};
let haproxy = null;
let haproxyOut = '';
// Every submission acknowledged in any part: duplicates are counted over the whole database (verifyAcknowledged).
const allAcknowledged = [];
const lbUrl = `http://127.0.0.1:${lbPort}`;
const direct = { api1: `http://127.0.0.1:${port1}`, api2: `http://127.0.0.1:${port2}` };

console.log(`bench/scale — 2 API replicas + ${spawnSync('haproxy', ['-v']).stdout.toString().split('\n')[0]}, one PostgreSQL database, ${machine()}`);
try {
  // Both replicas start at the same moment on the empty database: migrations, content import and demo accounts each
  // run once (advisory locks), the other replica waits for them.
  const bootStarted = performance.now();
  [replicas.api1, replicas.api2] = await Promise.all([startApi(apiEnv(port1)), startApi(apiEnv(port2))]);
  console.log(`replicas   both started together on an empty database in ${((performance.now() - bootStarted) / 1000).toFixed(1)} s (ports ${port1}, ${port2})`);

  haproxy = spawn('haproxy', ['-db', '-f', CONFIG], {
    env: {
      ...process.env, RESPETA_LB_BIND: `127.0.0.1:${lbPort}`, RESPETA_API1: `127.0.0.1:${port1}`, RESPETA_API2: `127.0.0.1:${port2}`,
      RESPETA_LB_STATS_SOCKET: socket, ...(process.getuid?.() === 0 ? {} : { RESPETA_LB_NO_SETUID: '1' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (c) => (haproxyOut = (haproxyOut + c).slice(-20_000));
  haproxy.stdout.on('data', keep);
  haproxy.stderr.on('data', keep);
  haproxy.once('exit', (code) => keep(`\n[haproxy exited ${code}]\n`));
  const up = [await waitForStatus(socket, 'api1', 'UP'), await waitForStatus(socket, 'api2', 'UP')];
  if (up.includes(null)) throw new Error(`HAProxy did not report both replicas UP:\n${haproxyOut}`);
  console.log(`balancer   HAProxy on :${lbPort}, deploy/haproxy.cfg, round-robin, health checks on /api/health: api1 UP, api2 UP`);
  setPriority(process.pid, 10); // the simulated clients stand in for phones elsewhere: below the servers' priority

  // 1. The same submission (same idempotency key) sent to both replicas at once, three times each.
  {
    const [learner] = await seedLearners(db.url, 1);
    const steps = planFor();
    await submit(() => lbUrl, learner, steps[0]); // consent first, so the graded step is allowed
    const graded = steps[1];
    const sends = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(() => direct[i % 2 ? 'api2' : 'api1'], learner, graded, { retryUntil: Date.now() + 30_000 })));
    allAcknowledged.push({ key: steps[0].body.idempotencyKey, name: steps[0].name }, { key: graded.body.idempotencyKey, name: graded.name });
    const { lost, duplicates } = await verifyAcknowledged(db.url, allAcknowledged);
    const statuses = sends.map((s) => s.status);
    console.log(`1. same key on both replicas at once: answers ${statuses.join(', ')}; lost ${lost}, duplicated ${duplicates} ${verdict(statuses.every((s) => s === 200) && lost === 0 && duplicates === 0, 'idempotency across replicas')}`);
  }

  // 2. The exam load through the balancer.
  {
    const before = await serverStats(socket);
    const learners = await seedLearners(db.url, N);
    const latencies = [];
    const acknowledged = [];
    let errors = 0;
    let retried = 0;
    const retriedAfter = new Map(); // answers that made a client try again: whose (HAProxy's or a replica's) and what
    const onAnswer = (status, error) => {
      const why = error ? `no answer (${error.name === 'TimeoutError' ? 'timeout' : (error.cause?.code ?? error.cause?.name ?? error.name)})` : String(status);
      if (error || status >= 500) retriedAfter.set(why, (retriedAfter.get(why) ?? 0) + 1);
    };
    const started = performance.now();
    await Promise.all(learners.map(async (learner) => {
      await sleep(Math.random() * RAMP_MS);
      for (const step of planFor()) {
        const res = await submit(() => lbUrl, learner, step, { retryUntil: Date.now() + 60_000, onAnswer });
        if (res.attempts > 1) retried++;
        if (res.status === 200) acknowledged.push({ key: step.body.idempotencyKey, name: step.name });
        else errors++;
        if (step.measured) latencies.push(res.ms);
        await sleep(Math.random() * THINK_MS);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    allAcknowledged.push(...acknowledged);
    const { lost, duplicates } = await verifyAcknowledged(db.url, allAcknowledged);
    const after = await serverStats(socket);
    const served = ['api1', 'api2'].map((s) => Number(after[s].stot) - Number(before[s].stot));
    latencies.sort((a, b) => a - b);
    const expected = N * planFor().length;
    console.log(`2. exam load through HAProxy: ${N} learners × ${planFor().length} submissions, arrivals over ${RAMP_MS / 1000} s, think 0–${THINK_MS / 1000} s, ${seconds.toFixed(1)} s`);
    console.log(`   acknowledged ${acknowledged.length}/${expected}, errors ${errors}, retried ${retried} (after ${[...retriedAfter].map(([k, v]) => `${k}×${v}`).join(', ') || 'nothing'}), lost ${lost}, duplicated ${duplicates} ${verdict(acknowledged.length === expected && errors + lost + duplicates === 0, 'exam load')}`);
    console.log(`   requests per replica api1 ${served[0]}, api2 ${served[1]} ${verdict(served.every((n) => n > 0), 'round-robin')}; graded p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (information only: loaded 2-core machine)`);
  }

  // 3. Login limits live in PostgreSQL: 2 failures on each replica reach the limit of 4; the account is then locked on
  //    both (the right password is refused), while another account from the same address still signs in.
  {
    const who = { email: 'municipal@respeta.demo', password: 'respeta-municipal-demo' };
    const failed = [];
    for (let i = 0; i < 4; i++) failed.push((await json(`${direct[i % 2 ? 'api2' : 'api1']}/api/auth/login`, { method: 'POST', body: { email: who.email, password: `wrong password ${i}` } })).status);
    const locked = await Promise.all(['api1', 'api2'].map(async (r) => (await json(`${direct[r]}/api/auth/login`, { method: 'POST', body: who })).status));
    const other = (await json(`${lbUrl}/api/auth/login`, { method: 'POST', body: { email: 'salud@respeta.demo', password: 'respeta-salud-demo' } })).status;
    const ok = failed.every((s) => s === 401) && locked.every((s) => s === 401) && other === 200;
    console.log(`3. login limit shared: failures api1/api2 alternating ${failed.join(', ')}; right password then on api1 ${locked[0]}, api2 ${locked[1]}; another account ${other} ${verdict(ok, 'login limits')}`);
  }

  // 4. Logout through the balancer revokes the session on both replicas at once.
  {
    const loginRes = await fetch(`${lbUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'policia@respeta.demo', password: 'respeta-policia-demo' }) });
    const cookieOf = (res) => (res.headers.getSetCookie().find((c) => c.startsWith('refresh_token=')) ?? res.headers.getSetCookie()[0] ?? '').split(';')[0];
    const { accessToken } = await loginRes.json();
    const me = (r, token) => fetch(`${direct[r]}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } }).then((x) => x.status);
    const refresh = (r, cookie) => fetch(`${direct[r]}/api/auth/refresh`, { method: 'POST', headers: { Cookie: cookie } });
    const beforeMe = await Promise.all([me('api1', accessToken), me('api2', accessToken)]);
    const rotated = await refresh('api2', cookieOf(loginRes)); // a refresh on the other replica works before logout
    const cookie = cookieOf(rotated);
    const token = (await rotated.json()).accessToken;
    const logout = await fetch(`${lbUrl}/api/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, Cookie: cookie } });
    const afterMe = await Promise.all([me('api1', token), me('api2', token)]);
    const afterRefresh = await Promise.all([refresh('api1', cookie), refresh('api2', cookie)]).then((rs) => rs.map((r) => r.status));
    const ok = beforeMe.every((s) => s === 200) && rotated.status === 200 && logout.status === 204 && afterMe.every((s) => s === 401) && afterRefresh.every((s) => s === 401);
    console.log(`4. logout: before it /me ${beforeMe.join('/')}, refresh on api2 ${rotated.status}; logout ${logout.status}; at once after it /me ${afterMe.join('/')}, refresh ${afterRefresh.join('/')} on api1/api2 ${verdict(ok, 'revocation')}`);
  }

  // 5. api2 SIGKILLed mid-load: clients retry with their keys through the balancer and finish on api1.
  {
    const learners = await seedLearners(db.url, KILL_N);
    const acknowledged = [];
    const answers = new Map();
    const count = (status) => answers.set(String(status), (answers.get(String(status)) ?? 0) + 1);
    const load = Promise.all(learners.map(async (learner) => {
      await sleep(Math.random() * 2000);
      for (const step of planFor()) {
        const res = await submit(() => lbUrl, learner, step, { retryUntil: Date.now() + 90_000, onAnswer: count });
        if (res.status === 200) acknowledged.push({ key: step.body.idempotencyKey, name: step.name });
        await sleep(Math.random() * 300);
      }
    }));
    await sleep(2500);
    const ackBeforeKill = acknowledged.length;
    const killedAt = performance.now();
    replicas.api2.child.kill('SIGKILL');
    const downAfter = await waitForStatus(socket, 'api2', 'DOWN');
    await load;
    const finishedAfter = (performance.now() - killedAt) / 1000;
    allAcknowledged.push(...acknowledged);
    const { lost, duplicates } = await verifyAcknowledged(db.url, allAcknowledged);
    const expected = KILL_N * planFor().length;
    const no500 = [...answers.keys()].every((k) => ['200', '502', '503', 'no answer'].includes(k));
    console.log(`5. api2 SIGKILLed after ${ackBeforeKill} acknowledged submissions; HAProxy marked it DOWN ${downAfter?.toFixed(1)} s later; answers seen ${[...answers.entries()].sort().map(([k, v]) => `${k}×${v}`).join(', ')}`);
    console.log(`   every client finished through api1 (${acknowledged.length}/${expected} acknowledged, ${finishedAfter.toFixed(1)} s after the kill), lost ${lost}, duplicated ${duplicates}, no 500 ${verdict(downAfter !== null && acknowledged.length === expected && lost + duplicates === 0 && no500, 'replica killed')}`);
    replicas.api2 = await startApi(apiEnv(port2));
    const backAfter = await waitForStatus(socket, 'api2', 'UP');
    console.log(`   api2 restarted: back in rotation ${backAfter?.toFixed(1)} s after it listened ${verdict(backAfter !== null, 'replica back')}`);
  }
  const rss = Object.fromEntries(Object.entries(replicas).map(([k, r]) => [k, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${r.child.pid}/status`, 'utf8'))[1]) / 1024]));
  console.log(`peak RSS   api1 ${rss.api1.toFixed(0)} MB, api2 ${rss.api2.toFixed(0)} MB (api2 since its restart)`);
} catch (error) {
  failures.push(String(error));
  console.error(error);
} finally {
  haproxy?.kill('SIGTERM');
  await Promise.all(Object.values(replicas).map((r) => r.stop()));
  await db.drop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`bench/scale: failed — ${failures.join('; ')}\n--- HAProxy output (last lines) ---\n${haproxyOut.split('\n').slice(-40).join('\n')}`);
  process.exit(1);
}
console.log('bench/scale: every check passed');

// bench/api: the learner's hottest authenticated read (GET /api/enrolments/:id/journey) under autocannon, side by
// side with a bare node:http + pg baseline doing the same SQL with the same pool size. Target: ours ≥ 0.5 × baseline
// (issue 17 asks ≥ 0.9 ×, stable over five runs). --runs N repeats the whole measurement (fresh API and baseline
// processes each time) and prints the spread; --cpu-prof writes a V8 CPU profile of the API during every run and
// prints where its time went (bench/api/profile-summary.mjs). --baseline fastify measures against bare Fastify + pg
// instead (the baseline issue 17 names; bare node:http, the default, is the stricter one and the history's).
// Usage: npm run build && node bench/api/run.mjs [--seconds 5] [--rounds 3] [--connections 50] [--runs 1] [--cpu-prof] [--baseline http|fastify]
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDatabase, json, machine, ROOT, startApi, stop } from '../lib/bench-env.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 5);
const connections = arg('connections', 50);
const rounds = arg('rounds', 3);
const runs = arg('runs', 1);
const cpuProf = process.argv.includes('--cpu-prof');
const baselineKind = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : 'http';
if (!['http', 'fastify'].includes(baselineKind)) throw new Error(`--baseline: http or fastify, not ${baselineKind}`);
const POOL = 10;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const run = (url, headers, duration = seconds) =>
  new Promise((done, fail) => execFile(process.execPath, [resolve(ROOT, 'bench/api/load-generator.mjs'), JSON.stringify({ url, connections, duration, headers })],
    (err, stdout) => (err ? fail(err) : done(JSON.parse(stdout)))));
// When each server was under measured load, and how many requests it served then (for the profile summary).
const loadWindows = { ours: [], base: [] };
const served = { ours: 0, base: 0 };
const profileDir = cpuProf ? mkdtempSync(join(tmpdir(), 'bench-api-prof-')) : null;
const baselineProfileDir = cpuProf ? mkdtempSync(join(tmpdir(), 'bench-api-baseline-prof-')) : null;
// CPU the server process really used (user + system, from /proc; 100 ticks a second on Linux): a V8 profile samples
// the main thread's wall time, which on a shared machine includes time it was descheduled.
const cpuUsed = { ours: 0, base: 0 };
const cpuMsOf = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const timed = async (side, pid, load) => {
  const from = process.hrtime.bigint() / 1000n;
  const cpuFrom = cpuMsOf(pid);
  const result = await load;
  cpuUsed[side] += cpuMsOf(pid) - cpuFrom;
  loadWindows[side].push([Number(from), Number(process.hrtime.bigint() / 1000n)]);
  served[side] += result.requests.total;
  return result;
};

/** One whole measurement: a fresh API process and baseline on the same database, warmed, then alternating rounds. */
async function measure(db) {
  const api = await startApi({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(POOL) }, cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const baseline = spawn(process.execPath, [...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${baselineProfileDir}`] : []), resolve(ROOT, 'bench/api/baseline-server.mjs')], { env: { ...process.env, DATABASE_URL: db.url, POOL: String(POOL), BASELINE: baselineKind }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const login = await json(`${api.url}/api/auth/login`, { method: 'POST', body: { email: 'policia@respeta.demo', password: 'respeta-policia-demo' } });
    const token = login.body.accessToken;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const mine = await json(`${api.url}/api/enrolments/mine`, { token });
    const enrolmentId = mine.body[0].id;
    await json(`${api.url}/api/enrolments/${enrolmentId}/journey`, { token }); // creates the stored snapshot
    await json(`${api.url}/api/enrolments/${enrolmentId}/consent`, { method: 'POST', token, body: { idempotencyKey: 'bench-consent-0001' } });
    const port = await new Promise((r) => baseline.stdout.on('data', (c) => { const m = /READY (\d+)/.exec(String(c)); if (m) r(Number(m[1])); }));

    const oursUrl = `${api.url}/api/enrolments/${enrolmentId}/journey`;
    const baseUrl = `http://127.0.0.1:${port}/api/enrolments/${enrolmentId}/journey`;
    const oursHeaders = { authorization: `Bearer ${token}` };
    const baseHeaders = { 'x-user': `${claims.sub}:${claims.sid}` };
    // Warm both, then alternate rounds so drift on a shared 2-core machine hits both sides alike; report medians.
    await run(oursUrl, oursHeaders, 3);
    await run(baseUrl, baseHeaders, 3);
    const oursRounds = [];
    const baseRounds = [];
    for (let i = 0; i < rounds; i++) {
      oursRounds.push(await timed('ours', api.child.pid, run(oursUrl, oursHeaders)));
      baseRounds.push(await timed('base', baseline.pid, run(baseUrl, baseHeaders)));
    }
    const ratios = oursRounds.map((r, i) => r.requests.average / baseRounds[i].requests.average);
    return { ours: summary(oursRounds), base: summary(baseRounds), ratios, ratio: median(ratios) };
  } finally {
    await stop(baseline);
    await api.stop(); // a clean exit: that is when --cpu-prof writes the profile
  }
}

function summary(rs) {
  return {
    rps: median(rs.map((r) => r.requests.average)),
    p50: median(rs.map((r) => r.latency.p50)),
    p99: median(rs.map((r) => r.latency.p99)),
    errors: rs.reduce((n, r) => n + r.errors + r.non2xx, 0),
  };
}

const db = await createDatabase('bench_api');
const results = [];
try {
  for (let i = 0; i < runs; i++) results.push(await measure(db));
} finally {
  await db.drop();
}

const line = (name, r) => `${name.padEnd(10)} ${String(Math.round(r.rps)).padStart(7)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   errors ${r.errors}`;
console.log(`bench/api — GET /api/enrolments/:id/journey, ${connections} connections, ${rounds} alternating rounds × ${seconds} s (medians), pool ${POOL}, baseline bare ${baselineKind === 'fastify' ? 'Fastify' : 'node:http'} + pg${cpuProf ? ', API under --cpu-prof' : ''}, ${machine()}`);
results.forEach(({ ours, base, ratios, ratio }, i) => {
  if (runs > 1) console.log(`run ${i + 1}/${runs}`);
  console.log(line('respeta', ours));
  console.log(line('baseline', base));
  console.log(`ratio      ${ratio.toFixed(2)} × baseline (rounds: ${ratios.map((x) => x.toFixed(2)).join(', ')}; target ≥ 0.50) ${ratio >= 0.5 ? 'PASS' : 'MISS'}`);
});
if (runs > 1) {
  const all = results.map((r) => r.ratio).sort((a, b) => a - b);
  console.log(`spread     ${runs} runs: min ${all[0].toFixed(2)}, median ${median(all).toFixed(2)}, max ${all.at(-1).toFixed(2)} × baseline; runs ≥ 0.90: ${all.filter((x) => x >= 0.9).length}/${runs}`);
}
const usPerRequest = (side) => ((cpuUsed[side] * 1000) / served[side]).toFixed(0);
console.log(`CPU per request (process user+system time, all measured rounds): API ${usPerRequest('ours')} µs, baseline ${usPerRequest('base')} µs`);
if (profileDir) {
  const { breakdown, summarise } = await import('./profile-summary.mjs');
  const profiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
  console.log(`CPU profiles of the API in ${profileDir}, of the baseline in ${baselineProfileDir}; samples during the measured rounds only`);
  console.log(`API: ${summarise(profiles(profileDir), { windows: loadWindows.ours })}`);
  // CPU time per request, side by side: what the API spends that the bare server does not.
  const ours = breakdown(profiles(profileDir), loadWindows.ours);
  const base = breakdown(profiles(baselineProfileDir), loadWindows.base);
  const perReq = (ms, n) => ((ms * 1000) / n).toFixed(0).padStart(6);
  console.log(`main-thread time per request in the profiles (wall time while not idle, so including time descheduled): API ${perReq(ours.busy, served.ours)} µs, baseline ${perReq(base.busy, served.base)} µs; by owner, µs per request (API, baseline):`);
  const owners = [...new Set([...ours.byOwner.keys(), ...base.byOwner.keys()])].sort((a, b) => (ours.byOwner.get(b) ?? 0) / served.ours - (ours.byOwner.get(a) ?? 0) / served.ours);
  for (const o of owners.slice(0, 14)) console.log(`  ${perReq(ours.byOwner.get(o) ?? 0, served.ours)}  ${perReq(base.byOwner.get(o) ?? 0, served.base)}  ${o}`);
}

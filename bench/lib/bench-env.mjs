// Shared plumbing for bench scripts: a fresh database on the local PostgreSQL, the built API as a child process.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createDatabase(prefix) {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * V8 flags of `npm run start:prod`: a smaller young generation and a slowly growing old one keep the API's memory
 * (RSS) low under bursts — request garbage promoted during a burst is collected before the heap doubles. Measured
 * trade-off (bench/RESULTS.md): 2 MB semi-spaces gave the lowest RSS but cost a quarter of the hot read's throughput
 * in garbage collection; 8 MB keeps RSS ~210 MB at far less cost.
 */
export const PROD_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=30'];
/**
 * The environment `npm run start:prod` sets: a fixed glibc trim threshold, so that memory freed by the process (start-up
 * work, bursts) goes back to the system. glibc otherwise raises the threshold after each large free and keeps tens of
 * megabytes: idle RSS 212 → 145 MB (bench/RESULTS.md, seventh session).
 */
export const PROD_ENV = { MALLOC_TRIM_THRESHOLD_: '131072' };

/** Starts dist/apps/api/src/main.js as `npm run start:prod` does; resolves with its URL once it prints it. */
export function startApi(env, nodeArgs = []) {
  const extra = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...PROD_NODE_FLAGS, ...extra, ...nodeArgs, resolve(ROOT, 'dist/apps/api/src/main.js')], {
    cwd: ROOT,
    // Demo accounts and cohort only: the simulated demo learners are not what a benchmark measures.
    env: { ...process.env, ...PROD_ENV, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_DEMO: 'accounts', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${out}`)), 60_000);
    child.stdout.on('data', () => {
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveStart({ url: m[1].replace('localhost', '127.0.0.1'), child, output: () => out, stop: () => stop(child) });
      }
    });
    child.once('exit', (code) => reject(new Error(`API exited (${code}):\n${out}`)));
  });
}

export function stop(child) {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export async function json(url, { method = 'GET', token, body } = {}) {
  const res = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export const machine = () => `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

export function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * User + system CPU seconds of each of these processes so far, by pid, with that of their children that have ended
 * (Linux /proc; PostgreSQL's postmaster thus keeps the CPU of the connections closed meanwhile).
 */
function cpuSeconds(pids) {
  const byPid = new Map();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      byPid.set(pid, (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100); // USER_HZ
    } catch {
      // ended
    }
  }
  return byPid;
}

const postgresPids = () => execFileSync('pgrep', ['-u', 'postgres']).toString().trim().split('\n').map(Number);

/** CPU used so far by the API (all its threads) and by each PostgreSQL server process on this machine. */
export function cpuNow(api) {
  return { api: cpuSeconds([api.child.pid]), pg: cpuSeconds(postgresPids()) };
}

/**
 * CPU seconds used since `before` (a cpuNow()): the API's, and PostgreSQL's — every server process, those started
 * since (the pool's connections, autovacuum workers) counted whole, those ended meanwhile through the postmaster.
 */
export function cpuSince(api, before) {
  const now = cpuNow(api);
  const used = (after, earlier) => [...after].reduce((sum, [pid, seconds]) => sum + seconds - (earlier.get(pid) ?? 0), 0);
  return { api: used(now.api, before.api), pg: used(now.pg, before.pg) };
}

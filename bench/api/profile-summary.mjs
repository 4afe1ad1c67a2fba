// Where a V8 CPU profile (node --cpu-prof) spent its busy time (idle left out), two ways:
//   by owner — each sample goes to the nearest frame on its stack that belongs to a package or to our code, so the
//              Node core and native work a library asks for (sockets, crypto, buffers) counts for that library;
//   hottest functions — self time of single functions.
// `windows` (optional): [startUs, endUs] pairs on the system's monotonic clock (process.hrtime.bigint() / 1000n, the
// clock V8 stamps samples with) — only samples inside them count, e.g. the load rounds without the process's start.
// Usage: node bench/api/profile-summary.mjs <file.cpuprofile>…  (bench/api/run.mjs --cpu-prof calls it)
import { readFileSync } from 'node:fs';

const SPECIAL = { '(garbage collector)': 'V8: garbage collection', '(program)': 'V8/native (unattributed)', '(idle)': 'idle', '(root)': 'idle' };

/** Package or part of the app a script URL belongs to, or null for Node's own code. */
function ownerOf(url) {
  if (!url) return null;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const ours = /\/dist\/(apps\/api\/src|libs\/[^/]+)\/(?:([^/]+)\/)?/.exec(url);
  if (ours) return `respeta ${ours[1].replace('apps/api/src', 'api')}${ours[2] && !ours[2].endsWith('.js') ? `/${ours[2]}` : ''}`;
  return null;
}

/** Busy CPU (ms) of the profiles, by owner and by function. */
export function breakdown(files, windows = null) {
  const byOwner = new Map();
  const byFunction = new Map();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const owner = new Map(); // memoised: nearest owning frame of each node
    const ownerFor = (id) => {
      if (owner.has(id)) return owner.get(id);
      const n = nodes.get(id);
      const special = SPECIAL[n.callFrame.functionName];
      const own = special ?? ownerOf(n.callFrame.url) ?? (parent.has(id) ? ownerFor(parent.get(id)) : `node core`);
      owner.set(id, own === 'idle' && !special ? 'node core' : own);
      return owner.get(id);
    };
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i] ?? 0;
      if (windows && !windows.some(([from, to]) => at >= from && at <= to)) return;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const who = ownerFor(id);
      if (who === 'idle') return;
      busy += ms;
      byOwner.set(who, (byOwner.get(who) ?? 0) + ms);
      const f = nodes.get(id).callFrame;
      const name = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${f.lineNumber + 1}` : ''}`.trim();
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    });
  }
  return { busy, byOwner, byFunction };
}

export function summarise(files, { top = 15, windows = null } = {}) {
  const { busy, byOwner, byFunction } = breakdown(files, windows);
  const table = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([k, ms]) => `  ${(100 * ms / busy).toFixed(1).padStart(5)} %  ${k}`).join('\n');
  return `busy ${(busy / 1000).toFixed(1)} s of CPU in ${files.length} profile(s)\nby owner (the nearest package or app folder on the stack):\n${table(byOwner)}\nhottest functions (self time):\n${table(byFunction)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(summarise(process.argv.slice(2)));

// bench/web: what a learner's phone downloads and how soon the home page is usable on a slow network.
// Sizes: gzip of the JS and CSS the learner's first page loads (from dist/index.html) and of the trainer area
// (chunks fetched when /trainer opens). Timing: Chromium with 150 ms RTT, 1.6 Mbps down, 4× CPU slowdown; a signed-in
// learner opens "/" — first visit (empty cache) and repeat visit — until the course card can be clicked.
// Offline (issue 12): the service worker (dist/sw.js) counts in the first load; the answer queue's own chunk loads
// with the course player, or on the home page only when answers wait — its size is printed beside. The repeat visit's
// bytes are counted on the wire by a proxy in front of the server (what the phone really downloads, whoever asked:
// page or service worker), after the service worker has installed on the first visit.
// Every learner page type (issue 17: home, course map, lesson, quiz, assessment, scenario) is also opened directly by
// its address in a fresh browser profile (first visit: everything on the wire, API answers included) and again in
// the same profile once the service worker runs (repeat visit), each until its heading shows.
// Targets: learner first-load JS ≤ 100 KB gzip (service worker included), total transfer ≤ 150 KB, usable ≤ 5 s
// first and ≤ 2 s repeat, repeat visit ≤ 15 KB over the wire; every learner page ≤ 150 KB first, ≤ 15 KB repeat.
// Usage: npm run build && node bench/web/run.mjs
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createDatabase, json, machine, ROOT, startApi } from '../lib/bench-env.mjs';
import { course, planFor } from '../lib/simulated-learners.mjs';

const { ensureChromium } = createRequire(import.meta.url)('../../scripts/chromium.cjs');

const dist = resolve(ROOT, 'apps/web/dist');
const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(resolve(dist, file)), { level: 9 }).length;
const sum = (files) => files.reduce((n, f) => n + gz(f), 0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const js = firstLoad.filter((f) => f.endsWith('.js'));
const css = firstLoad.filter((f) => f.endsWith('.css'));
const serviceWorker = gz('sw.js');
// The queue: the chunks holding idb and the replay (named after replay.ts), loaded lazily.
const queueChunks = readdirSync(resolve(dist, 'assets')).filter((f) => /^replay-.*\.js$/.test(f)).map((f) => `assets/${f}`);

/** Counts the bytes the server sends to the browser (the phone's download), whatever asked for them. */
async function countingProxy(target) {
  const { port } = new URL(target);
  let received = 0;
  const requests = [];
  const server = createServer((client) => {
    const upstream = connect(Number(port), '127.0.0.1');
    upstream.on('data', (chunk) => (received += chunk.length));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    if (process.env.BENCH_WEB_DETAIL) client.on('data', (chunk) => { for (const m of String(chunk).matchAll(/^(GET|POST) (\S+)/gm)) requests.push(`${(received / 1024).toFixed(1).padStart(6)} KB before ${m[2]}`); });
    client.pipe(upstream).pipe(client);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, reset: () => ((received = 0), (requests.length = 0)), bytes: () => received, requests, close: () => server.close() };
}

// Chromium first: when it is missing, nothing else has been started that would be left running.
const browser = await chromium.launch({
  executablePath: ensureChromium() ?? process.exit(1),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const db = await createDatabase('bench_web');
const api = await startApi({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '4' }).catch(async (error) => {
  await browser.close();
  await db.drop();
  throw error;
});
const wire = await countingProxy(api.url);

/**
 * Each learner page type by its address: a learner driven through the API to module 1's scenario (consent, pre-test,
 * lessons, quiz) for the course map, a lesson, the quiz and the scenario; another who has just consented for the
 * pre-assessment. Fresh profile per page (empty cache), same throttling as above.
 */
async function learnerPages() {
  const signIn = async (email, password) => {
    const { body } = await json(`${api.url}/api/auth/login`, { method: 'POST', body: { email, password } });
    const mine = await json(`${api.url}/api/enrolments/mine`, { token: body.accessToken });
    return { token: body.accessToken, enrolmentId: mine.body[0].id };
  };
  const drive = async (learner, steps) => {
    for (const step of steps) {
      const res = await json(`${api.url}/api/enrolments/${learner.enrolmentId}${step.path}`, { method: 'POST', token: learner.token, body: step.body });
      if (res.status !== 200) throw new Error(`${step.name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  const ahead = await signIn('policia@respeta.demo', 'respeta-policia-demo');
  await drive(ahead, planFor());
  // On to the first module with a scenario (module 1 has none): its lessons and a passed quiz for each module before it.
  const correct = (questions) => Object.fromEntries(questions.map((q) => [q.key, q.options.filter((o) => o.correct).map((o) => o.key)]));
  const ordered = course.moduleOrder.map((key) => course.modules.find((m) => m.key === key));
  const withScenario = ordered.find((m) => m.scenario);
  for (const m of ordered.slice(1, ordered.indexOf(withScenario) + 1)) {
    await drive(ahead, [
      ...m.lessons.map((l) => ({ name: 'lesson', path: `/lessons/${l.key}/complete`, body: { idempotencyKey: randomUUID() } })),
      { name: 'quiz', path: `/modules/${m.key}/quiz-attempts`, body: { idempotencyKey: randomUUID(), answers: correct(m.quiz.questions) } },
    ]);
  }
  const starting = await signIn('municipal@respeta.demo', 'respeta-municipal-demo');
  await drive(starting, planFor().slice(0, 1));
  const module = course.modules.find((m) => m.key === course.moduleOrder[0]);
  const at = (learner, path) => ({ learner, path: `/learn/${learner.enrolmentId}${path}` });
  const types = [
    { name: 'home', ...at(ahead, ''), path: '/', ready: 'a[href^="/learn/"]' },
    { name: 'course map', ...at(ahead, '') },
    { name: 'lesson', ...at(ahead, `/modules/${module.key}/lessons/${module.lessons[0].key}`) },
    { name: 'quiz', ...at(ahead, `/modules/${module.key}/quiz`) },
    { name: 'assessment', ...at(starting, '/assessment/pre/knowledge') },
    { name: 'scenario', ...at(ahead, `/modules/${withScenario.key}/scenario`) },
  ];
  const credentials = new Map([[ahead, ['policia@respeta.demo', 'respeta-policia-demo']], [starting, ['municipal@respeta.demo', 'respeta-municipal-demo']]]);
  const results = [];
  for (const type of types) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const [email, password] = credentials.get(type.learner);
    await page.request.post(`${wire.url}/api/auth/login`, { data: { email, password } });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (0.75e6 / 8) });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // BENCH_WEB_DETAIL=1: what each page's first visit downloaded, largest first (the page's own requests).
    const urls = new Map();
    if (process.env.BENCH_WEB_DETAIL) {
      await cdp.send('Network.enable');
      cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
      cdp.on('Network.loadingFinished', (e) => urls.set(e.requestId, `${(e.encodedDataLength / 1024).toFixed(1).padStart(6)} KB ${urls.get(e.requestId) ?? '?'}`));
    }
    const visit = async () => {
      wire.reset();
      const started = performance.now();
      await page.goto(`${wire.url}${type.path}`, { waitUntil: 'commit' });
      await page.locator(type.ready ?? 'main h1').first().waitFor({ state: 'visible', timeout: 60_000 });
      const ms = performance.now() - started;
      const bytes = wire.bytes();
      if (process.env.BENCH_WEB_DETAIL) console.log(`${type.name}: heading at ${(bytes / 1024).toFixed(1)} KB\n${wire.requests.join('\n')}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1000);
      return { ms, bytes, background: wire.bytes() - bytes };
    };
    const first = await visit();
    // The offline copy: what the service worker (installing once the page shows) and the course page's
    // offline fetch download once the page is up, until the network is quiet again.
    wire.reset();
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(3000);
    first.background += wire.bytes();
    if (process.env.BENCH_WEB_DETAIL) console.log(`${type.name}:\n${[...urls.values()].filter((u) => / KB /.test(u)).sort().reverse().slice(0, 12).join('\n')}`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    urls.clear();
    const repeat = await visit();
    if (process.env.BENCH_WEB_DETAIL) console.log(`${type.name} (repeat):\n${[...urls.values()].filter((u) => / KB /.test(u)).sort().reverse().slice(0, 12).join('\n')}`);
    results.push({ name: type.name, first: first.bytes, firstMs: first.ms, background: first.background, repeat: repeat.bytes + repeat.background, repeatMs: repeat.ms });
    await context.close();
  }
  return results;
}

try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let transferred = 0;
  const scripts = new Set();
  cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.url.includes('/assets/') && e.response.url.endsWith('.js')) scripts.add(new URL(e.response.url).pathname.slice(1));
  });
  // Sign in once (a refresh cookie in the context), then measure under throttling.
  await page.request.post(`${api.url}/api/auth/login`, { data: { email: 'policia@respeta.demo', password: 'respeta-policia-demo' } });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (0.75e6 / 8) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const usable = async () => {
    const started = performance.now();
    await page.goto(`${wire.url}/`, { waitUntil: 'commit' });
    await page.locator('a[href^="/learn/"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    return performance.now() - started;
  };
  transferred = 0;
  const first = await usable();
  const firstTransfer = transferred;
  const firstScripts = [...scripts];
  // The service worker installs after the first visit (precaching the learner's files): wait until it runs the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  const repeat = await usable();
  // Repeat visit on the wire: everything the server sent until the page is usable and quiet again.
  wire.reset();
  const repeatAgain = await usable();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  const repeatWire = wire.bytes();

  // Trainer area: what opening /trainer adds (measured the same way, signed in as the trainer).
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  const staffScripts = new Set();
  staffPage.on('response', (r) => { if (r.url().includes('/assets/') && r.url().endsWith('.js')) staffScripts.add(new URL(r.url()).pathname.slice(1)); });
  await staffPage.request.post(`${api.url}/api/auth/login`, { data: { email: 'formadora@respeta.demo', password: 'respeta-formadora-demo' } });
  await staffPage.goto(`${api.url}/trainer`);
  await staffPage.getByRole('link', { name: /^Demostración — Ucayali/ }).first().click(); // the seeded demo cohort
  await staffPage.getByRole('tab').nth(3).click().catch(() => undefined);
  await staffPage.waitForLoadState('networkidle');
  const trainerOnly = [...staffScripts].filter((f) => !js.includes(f));

  const pages = await learnerPages();

  const line = (label, value, target, ok) => console.log(`${label.padEnd(44)} ${value.padStart(10)}   target ${target}  ${ok ? 'PASS' : 'MISS'}`);
  console.log(`bench/web — ${machine()}; Chromium, 150 ms RTT, 1.6 Mbps, 4× CPU slowdown, 360×740`);
  line('learner first-load JS (gzip, from index.html)', `${kb(sum(js))} KB`, '—', true);
  line('  + service worker (sw.js, gzip)', `${kb(sum(js) + serviceWorker)} KB`, '≤ 100 KB', sum(js) + serviceWorker <= 100 * 1024);
  line('  + the queue chunk too (answers waiting)', `${kb(sum(js) + serviceWorker + sum(queueChunks))} KB`, '(≤ 100 KB)', sum(js) + serviceWorker + sum(queueChunks) <= 100 * 1024);
  line('learner first-load CSS (gzip)', `${kb(sum(css))} KB`, '—', true);
  line('learner home: bytes transferred, first visit', `${kb(firstTransfer)} KB`, '≤ 150 KB', firstTransfer <= 150 * 1024);
  line('learner home usable, first visit', `${(first / 1000).toFixed(2)} s`, '≤ 5 s', first <= 5000);
  line('learner home usable, repeat visit', `${(Math.max(repeat, repeatAgain) / 1000).toFixed(2)} s`, '≤ 2 s', Math.max(repeat, repeatAgain) <= 2000);
  line('learner home, repeat visit: bytes on the wire', `${kb(repeatWire)} KB`, '≤ 15 KB', repeatWire <= 15 * 1024);
  console.log(`scripts on the learner's home: ${firstScripts.length} (${kb(sum(firstScripts.filter((f) => f.endsWith('.js'))))} KB gzip)`);
  console.log(`service worker ${kb(serviceWorker)} KB; answer queue (idb + replay) ${kb(sum(queueChunks))} KB in ${queueChunks.length} chunks`);
  console.log(`trainer area adds (gzip): ${kb(sum(trainerOnly))} KB in ${trainerOnly.length} chunks (charts load only here)`);
  console.log('learner pages by their address, bytes on the wire — first visit until the heading shows (≤ 150 KB), then the');
  console.log('offline copy the service worker and the course page fetch in the background; repeat visit in all (≤ 15 KB):');
  for (const p of pages) {
    const ok = p.first <= 150 * 1024 && p.repeat <= 15 * 1024;
    console.log(`  ${p.name.padEnd(12)} first ${kb(p.first).padStart(6)} KB in ${(p.firstMs / 1000).toFixed(2)} s (+${kb(p.background).padStart(5)} KB offline copy)   repeat ${kb(p.repeat).padStart(5)} KB in ${(p.repeatMs / 1000).toFixed(2)} s   ${ok ? 'PASS' : 'MISS'}`);
  }
} finally {
  wire.close();
  await browser.close();
  await api.stop();
  await db.drop();
}

import { FROM_CACHE_HEADER, LEARNER_CACHE } from '../lib/offline/offline-names';

// The app's service worker, small and hand-written (measured against Workbox in bench/RESULTS.md): the app shell and
// the learner's chunks are precached per build; the learner's course content is kept as it is read, for offline use.
// Built by service-worker-plugin.ts, which fills in these two.
declare const __PRECACHE__: string[];
declare const __BUILD__: string;
// In a service worker's own file `self` is its global scope (the WebWorker library types it as a plain worker).
declare const self: ServiceWorkerGlobalScope;
const sw = self;

const SHELL_PREFIX = 'respeta-shell-';
const SHELL = SHELL_PREFIX + __BUILD__;
/** Past this wait a stored copy is shown (the network answer, if it comes, still refreshes the copy). */
const NETWORK_PATIENCE_MS = 6000;

/**
 * Learner routes whose answers are kept for reading offline: the course list, a course's outline and journey, its
 * lessons, the learner view of its assessments and quizzes (options only, never an answer key) and scenarios. Nothing
 * a staff page reads is ever stored; the cache is deleted on sign-out and when another user signs in.
 */
const LEARNER_ROUTE =
  /^\/api\/enrolments\/(mine|[0-9a-f-]{36}\/(journey|outline|knowledge-test|attitude-instrument|lessons\/[^/]+|modules\/[^/]+\/quiz|scenarios\/[^/]+(\/run|\/nodes\/[^/]+)?))$/;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      // Files whose names carry their content hash are copied from the previous build's cache when unchanged: a new
      // deployment downloads only what changed.
      await Promise.all(
        __PRECACHE__.map(async (url) => {
          const kept = url.startsWith('/assets/') ? await caches.match(url) : undefined;
          const response = kept ?? (await fetch(url, { cache: 'no-cache' }));
          if (!response.ok) throw new Error(url);
          await cache.put(url, response);
        }),
      );
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The previous build's files stay one more deployment: a page still open on it (a learner mid-assessment)
      // keeps finding the chunks it loads later. Older ones go.
      const shells = (await caches.keys()).filter((name) => name.startsWith(SHELL_PREFIX) && name !== SHELL);
      await Promise.all(shells.slice(0, -1).map((name) => caches.delete(name)));
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) event.respondWith(appShell(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (LEARNER_ROUTE.test(url.pathname)) event.respondWith(networkFirst(request, event));
});

/** Every page of the app is the same index.html (the router does the rest): from this build's cache, else the network. */
async function appShell(request: Request): Promise<Response> {
  const shell = await (await caches.open(SHELL)).match('/index.html');
  return shell ?? fetch(request);
}

/** Hashed files never change: stored copy first; one not stored yet is kept after its first download. */
async function cacheFirst(request: Request): Promise<Response> {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

/** Fresh from the server when it answers (and stored); the stored copy, marked as such, when it does not. */
async function networkFirst(request: Request, event: FetchEvent): Promise<Response> {
  const cache = await caches.open(LEARNER_CACHE);
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  event.waitUntil(fromNetwork.catch(() => undefined));
  const patience = new Promise<undefined>((resolve) => setTimeout(resolve, NETWORK_PATIENCE_MS));
  try {
    const first = await Promise.race([fromNetwork, patience]);
    if (first) return first;
  } catch {
    // no connection: the stored copy below
  }
  const stored = await cache.match(request, { ignoreVary: true });
  if (!stored) return fromNetwork;
  const headers = new Headers(stored.headers);
  headers.set(FROM_CACHE_HEADER, '1');
  return new Response(stored.body, { status: stored.status, statusText: stored.statusText, headers });
}

import { ApiError } from '../api/api-client';
import type { Language } from '../i18n';
import { sendQueue, sendSubmission, type QueuedAnswer, type Submission } from '../journey/journey-submit';
import { connection } from './connection';
import { offlineDb, type OutboxEntry, type Receipt } from './offline-db';
import { outboxStatus, storedLearner } from './offline-store';

/** A submission that reached the server, or one kept on this phone to be sent when the connection allows. */
export type Outcome<T> = { state: 'sent'; data: T } | { state: 'queued' };
export interface QueuedRequest {
  enrolmentId: string;
  key: string;
  submission: Submission;
  lang: Language;
  label?: string;
}
/** "sent" carries the server's answer (in memory only: pages read stored answers through receipts). */
export type OutboxEvent = { type: 'changed' } | { type: 'sent'; key: string; enrolmentId: string; result: unknown } | { type: 'rejected'; key: string };

/** The queue's name for what an action answers: pages find their own entry by it. */
export function targetOf(submission: Submission): string {
  switch (submission.kind) {
    case 'assessment':
      return `${submission.wave}-${submission.part}`;
    case 'quiz':
      return `quiz-${submission.moduleKey}`;
    case 'lesson':
      return `lesson-${submission.lessonKey}`;
    case 'scenario':
      return `scenario-${submission.scenarioKey}-${submission.nodeKey}`;
    default:
      return submission.kind;
  }
}

const BASE_MS = 2_000;
const CAP_MS = 5 * 60_000;
const RECEIPT_TTL_MS = 24 * 3600_000;

/** Exponential backoff with "equal jitter": half the ceiling fixed, half random, so phones that failed together spread out. */
export function backoffMs(tries: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, tries - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/** No answer, a timeout, too many requests or a server/database outage: the action may be retried with its key. */
export const isRetryableStatus = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

/** The most entries one replay request carries (QUEUE_BATCH_MAX on the server). */
const BATCH_MAX = 20;

interface Deps {
  /** Sends one entry and resolves with the server's data, or throws an ApiError (status 0: no answer). */
  send(entry: OutboxEntry): Promise<unknown>;
  /**
   * Sends several entries of one enrolment, in order, in one request; resolves with each one's answer (the data its
   * own route would have returned, or its refusal), or throws an ApiError for the request as a whole. Absent: one at a time.
   */
  sendMany?(entries: OutboxEntry[]): Promise<QueuedAnswer[]>;
  /** The signed-in learner's id (the owner of what is queued now). */
  owner(): string | null;
  now(): number;
  random(): number;
  /** One sender across the browser's tabs (Web Locks), so two tabs never send the same entry at once. */
  exclusive<T>(run: () => Promise<T>): Promise<T>;
}

/** The same function the journey driver sends with (apiCall: session renewal, connection state, typed errors). */
const sendOverApi = (entry: OutboxEntry): Promise<unknown> => sendSubmission(entry.enrolmentId, entry.submission, entry.key, entry.lang);
const sendManyOverApi = (entries: OutboxEntry[]): Promise<QueuedAnswer[]> =>
  sendQueue(entries[0]!.enrolmentId, entries.map((e) => ({ key: e.key, submission: e.submission, lang: e.lang })), entries[0]!.lang);

function webLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request('respeta-outbox', run) : run();
}

/** The queue: IndexedDB first, then the network; replayed in order, each entry until the server has answered it. */
export function createOutbox(deps: Deps) {
  const listeners = new Set<(event: OutboxEvent) => void>();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('respeta-outbox');
  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pleaseIgnoreBackoff = false;
  /** Keys a learner is waiting for right now: their answer goes to that call, not to pages reading the receipts. */
  const claimed = new Set<string>();
  /** Creation times strictly increase, so two actions in the same millisecond keep their order. */
  let lastCreated = 0;

  function emit(event: OutboxEvent, fromOtherTab = false): void {
    for (const listener of listeners) listener(event);
    // Other tabs re-read the stores; the server's answer itself stays in this tab.
    if (!fromOtherTab) channel?.postMessage(event.type === 'sent' ? { type: 'changed' } : event);
  }
  if (channel) channel.onmessage = (message: MessageEvent<OutboxEvent>) => {
    emit(message.data, true);
    void refreshStatus();
  };

  async function refreshStatus(): Promise<void> {
    const owner = deps.owner();
    const entries = owner ? (await (await offlineDb()).getAll('outbox')).filter((e) => e.owner === owner) : [];
    outboxStatus.set({ waiting: entries.filter((e) => e.state === 'waiting').length, rejected: entries.filter((e) => e.state === 'rejected').length });
  }

  /**
   * One pass over the queue, oldest first. Within an enrolment order matters (lessons before their quiz): an entry
   * that could not be sent holds back the later ones. Several entries of one enrolment go in one request (a phone
   * coming back online sends its queue in one round trip); the server answers each as its own route would.
   */
  async function pass(ignoreBackoff: boolean): Promise<void> {
    const owner = deps.owner();
    if (!owner) return;
    await deps.exclusive(async () => {
      const db = await offlineDb();
      let soonest = Infinity;
      const due = new Map<string, OutboxEntry[]>();
      const held = new Set<string>();
      for (const queued of await db.getAllFromIndex('outbox', 'byCreated')) {
        if (queued.owner !== owner || queued.state !== 'waiting' || held.has(queued.enrolmentId)) continue;
        if (!ignoreBackoff && queued.nextAt > deps.now()) {
          held.add(queued.enrolmentId);
          soonest = Math.min(soonest, queued.nextAt);
          continue;
        }
        due.set(queued.enrolmentId, [...(due.get(queued.enrolmentId) ?? []), queued]);
      }

      /** Waits with backoff; the entries after it in its enrolment wait behind it. */
      const retryLater = async (entry: OutboxEntry) => {
        entry.tries += 1;
        entry.nextAt = deps.now() + backoffMs(entry.tries, deps.random);
        await db.put('outbox', entry);
        soonest = Math.min(soonest, entry.nextAt);
      };

      const size = deps.sendMany ? BATCH_MAX : 1;
      sending: for (const entries of due.values()) {
        for (let i = 0; i < entries.length; i += size) {
          // Another tab may have sent some while this one waited for the lock.
          const batch = (await Promise.all(entries.slice(i, i + size).map((e) => db.get('outbox', e.key))))
            .filter((e): e is OutboxEntry => e?.state === 'waiting');
          if (!batch.length) continue;
          let answers: QueuedAnswer[];
          try {
            answers = batch.length > 1 && deps.sendMany ? await deps.sendMany(batch) : [{ status: 200, result: await deps.send(batch[0]!) }];
          } catch (error) {
            const failure = error instanceof ApiError ? error : new ApiError('NETWORK_ERROR', String(error), 0);
            // The session ended and could not be renewed: keep everything for when this learner signs in again.
            if (failure.status === 401) break sending;
            if (isRetryableStatus(failure.status)) {
              await retryLater(batch[0]!);
              if (failure.status === 0) break sending; // no connection: the others would fail the same way
              continue sending;
            }
            // Refused as a whole (the enrolment is gone or closed…): each entry is refused the same way.
            answers = batch.map(() => ({ status: failure.status, code: failure.code }));
          }
          for (const [j, entry] of batch.entries()) {
            const answer = answers[j] ?? { status: 0, code: 'NETWORK_ERROR' };
            if (answer.status === 200) {
              const receipt: Receipt = { key: entry.key, owner, enrolmentId: entry.enrolmentId, target: entry.target, sentAt: deps.now(), result: answer.result };
              const tx = db.transaction(['outbox', 'receipts'], 'readwrite');
              await Promise.all([tx.objectStore('outbox').delete(entry.key), tx.objectStore('receipts').put(receipt), tx.done]);
              emit({ type: 'sent', key: entry.key, enrolmentId: entry.enrolmentId, result: answer.result });
            } else if (isRetryableStatus(answer.status)) {
              await retryLater(entry);
              continue sending;
            } else {
              // The server answered and refused (409 the journey does not allow it, 400, 404…): retrying cannot help.
              await db.put('outbox', { ...entry, state: 'rejected', error: { code: answer.code ?? 'ERROR', status: answer.status } });
              // An action the page is waiting for is reported by the page (one notice, not two); only one that waited
              // on the phone unseen goes to the list of refused answers.
              if (!claimed.has(entry.key)) emit({ type: 'rejected', key: entry.key });
            }
          }
        }
      }
      for (const receipt of await db.getAll('receipts')) {
        if (receipt.sentAt < deps.now() - RECEIPT_TTL_MS) await db.delete('receipts', receipt.key);
      }
      clearTimeout(timer);
      timer = soonest === Infinity ? undefined : setTimeout(() => void flush(), Math.max(0, soonest - deps.now()));
    });
    await refreshStatus();
  }

  /**
   * Sends what is due. `now` (a learner's action, the connection back, the page shown again) ignores the backoff.
   * Calls while a pass runs share one more pass after it, so every caller sees a pass that started after its call.
   */
  function flush(now = false): Promise<void> {
    pleaseIgnoreBackoff ||= now;
    if (!running) {
      const ignore = pleaseIgnoreBackoff;
      pleaseIgnoreBackoff = false;
      running = pass(ignore).finally(() => (running = null));
      return running;
    }
    again ??= running.catch(() => undefined).then(() => {
      again = null;
      return flush();
    });
    return again;
  }

  /** Writes made by keep() and not yet finished, by key: a send of the same key waits for its own write. */
  const keeping = new Map<string, Promise<void>>();
  /** Keys keep() stored that sendQueued() has not sent yet: their first send is not a resend. */
  const kept = new Set<string>();

  function entryOf(request: QueuedRequest, owner: string | null): OutboxEntry {
    lastCreated = Math.max(deps.now(), lastCreated + 1);
    return {
      key: request.key, owner: owner ?? '', enrolmentId: request.enrolmentId, target: targetOf(request.submission), label: request.label,
      submission: request.submission, lang: request.lang, createdAt: lastCreated, tries: 0, nextAt: 0, state: 'waiting',
    };
  }

  /**
   * Stores an action on the phone at once, in its place in the queue, without sending it: the journey driver sends
   * one action at a time, and the ones behind an undelivered one must survive a closed browser too.
   */
  function keep(request: QueuedRequest): Promise<void> {
    const owner = deps.owner();
    if (!owner) return Promise.resolve();
    const entry = entryOf(request, owner);
    const write = (async () => {
      const db = await offlineDb();
      if ((await db.get('outbox', entry.key)) ?? (await db.get('receipts', entry.key))) return;
      await db.put('outbox', entry);
      kept.add(entry.key);
      await refreshStatus();
      emit({ type: 'changed' });
    })()
      .catch(() => undefined) // no storage: sendQueued sends it as before
      .finally(() => keeping.delete(entry.key));
    keeping.set(entry.key, write);
    return write;
  }

  /**
   * A learner's action: stored on the phone first, then sent. Resolves "sent" with the server's answer, or "queued"
   * when there was no answer (it stays stored and is replayed); throws the server's ApiError when it refused.
   */
  async function sendQueued<T>(request: QueuedRequest): Promise<Outcome<T>> {
    const owner = deps.owner();
    const { key } = request;
    await keeping.get(key);
    const firstSend = kept.delete(key);
    const entry = entryOf(request, owner);
    let db;
    let resend = false;
    try {
      if (!owner) throw new Error('no learner');
      db = await offlineDb();
      // The same action sent again (the driver retrying, the learner pressing again): it keeps its place in the queue.
      const stored = Boolean((await db.get('outbox', key)) ?? (await db.get('receipts', key)));
      if (!stored) await db.put('outbox', entry);
      resend = stored && !firstSend;
    } catch {
      // No storage (private mode, quota, IndexedDB disabled): send as before, nothing is kept on the phone.
      return { state: 'sent', data: (await deps.send(entry)) as T };
    }
    claimed.add(key);
    try {
      await flush(true);
      const receipt = await db.get('receipts', key);
      if (receipt) {
        // A page may still want to show this answer (a quiz graded after the browser was reopened): a resend leaves it.
        if (!resend) await db.delete('receipts', key);
        return { state: 'sent', data: receipt.result as T };
      }
      const left = await db.get('outbox', key);
      if (left?.state === 'rejected') {
        await db.delete('outbox', key);
        await refreshStatus();
        throw new ApiError(left.error!.code as ApiError['code'], 'refused', left.error!.status);
      }
      if (!left) return { state: 'sent', data: (await deps.send(entry)) as T }; // answered and forgotten meanwhile: ask again (same key)
    } finally {
      claimed.delete(key);
    }
    // Kept on the phone: ask the browser not to evict it under storage pressure (granted silently or not at all).
    void (navigator as Navigator & { storage?: StorageManager }).storage?.persist?.().catch(() => undefined);
    emit({ type: 'changed' });
    return { state: 'queued' };
  }

  /** What this page's target has on the phone: an entry waiting or refused, and the server's answer if it came. */
  async function readTarget(enrolmentId: string, target: string): Promise<{ entry: OutboxEntry | null; receipt: Receipt | null }> {
    const owner = deps.owner();
    const db = await offlineDb();
    const mine = <E extends { key: string; owner: string; enrolmentId: string; target: string }>(e: E) =>
      e.owner === owner && e.enrolmentId === enrolmentId && e.target === target && !claimed.has(e.key);
    const entries = (await db.getAllFromIndex('outbox', 'byCreated')).filter(mine);
    const receipts = (await db.getAll('receipts')).filter(mine).sort((a, b) => a.sentAt - b.sentAt);
    return { entry: entries.at(-1) ?? null, receipt: receipts.at(-1) ?? null };
  }

  /** The page showed the server's answer, or the learner read a refusal: forget it. */
  async function forget(key: string): Promise<void> {
    const db = await offlineDb();
    await Promise.all([db.delete('receipts', key), db.delete('outbox', key)]);
    await refreshStatus();
    emit({ type: 'changed' });
  }

  async function rejected(): Promise<OutboxEntry[]> {
    const owner = deps.owner();
    return (await (await offlineDb()).getAll('outbox')).filter((e) => e.owner === owner && e.state === 'rejected' && !claimed.has(e.key));
  }

  function subscribe(listener: (event: OutboxEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { flush, keep, sendQueued, readTarget, forget, rejected, subscribe, refreshStatus };
}

export const outbox = createOutbox({
  send: sendOverApi,
  sendMany: sendManyOverApi,
  owner: () => storedLearner()?.id ?? null,
  now: () => Date.now(),
  random: Math.random,
  exclusive: webLock,
});

let started = false;
/** Replays on load, when the connection comes back (after a random moment: a whole town reconnects at once), and when the page is shown again. */
export function startReplay(): void {
  if (started) return;
  started = true;
  const now = () => void outbox.flush(true);
  connection.subscribe(() => {
    if (connection.isOnline()) setTimeout(now, Math.random() * 1500);
  });
  window.addEventListener('focus', now);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && now());
  now();
}

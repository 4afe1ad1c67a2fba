import { useSyncExternalStore } from 'react';
import type { User } from '../api/api-client';
import { DB_NAME, LEARNER_CACHE } from './offline-names';

/**
 * What the first download needs to know about the data kept on this phone, without the queue's own code: whose it
 * is, how many answers wait, and how to delete it all. The queue itself (idb, replay) loads with the course player, or
 * on the home page only when something is waiting.
 */
const USER_KEY = 'respeta.offline.user';

/** The learner whose answers and course copies are on this phone: lets the app open offline for them. */
export function storedLearner(): User | null {
  try {
    const user = JSON.parse(localStorage.getItem(USER_KEY) ?? 'null') as User | null;
    return user?.role === 'learner' ? user : null;
  } catch {
    return null;
  }
}

export function rememberLearner(user: User): void {
  if (user.role === 'learner') localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export interface OutboxStatus {
  /** Answers saved on this phone and not yet accepted by the server. */
  waiting: number;
  /** Answers the server refused, not yet read by the learner. */
  rejected: number;
}
let status: OutboxStatus = { waiting: 0, rejected: 0 };
const listeners = new Set<() => void>();

export const outboxStatus = {
  get: () => status,
  set(next: OutboxStatus): void {
    if (next.waiting === status.waiting && next.rejected === status.rejected) return;
    status = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const useOutboxStatus = () => useSyncExternalStore(outboxStatus.subscribe, outboxStatus.get, outboxStatus.get);

/** Loads the queue (its own chunk) and lets it replay; the course player imports it directly. */
export const loadOutbox = () => import('./replay').then((m) => (m.startReplay(), m));

/**
 * On page load: is anything waiting? Counted with the bare IndexedDB API, so a visit with nothing queued loads none of
 * the queue's code. A database that does not exist yet is not created here.
 */
export function replayIfWaiting(): void {
  if (typeof indexedDB === 'undefined' || !storedLearner()) return;
  const request = indexedDB.open(DB_NAME);
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onsuccess = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains('outbox')) return db.close();
    const count = db.transaction('outbox').objectStore('outbox').count();
    count.onsuccess = () => {
      db.close();
      if (count.result > 0) void loadOutbox();
    };
  };
}

/**
 * Signing out, or someone else signing in on this phone: the previous learner's answers still queued, drafts, course
 * copies and profile are deleted, so the next person neither sees nor sends them.
 */
export async function forgetOfflineData(): Promise<void> {
  localStorage.removeItem(USER_KEY);
  outboxStatus.set({ waiting: 0, rejected: 0 });
  await Promise.all([
    typeof caches === 'undefined' ? undefined : caches.delete(LEARNER_CACHE).catch(() => undefined),
    typeof indexedDB === 'undefined'
      ? undefined
      : new Promise<void>((done) => {
          // Open connections close themselves on the "versionchange" this fires (offline-db.ts), then it proceeds.
          const request = indexedDB.deleteDatabase(DB_NAME);
          request.onsuccess = request.onerror = request.onblocked = () => done();
        }),
  ]);
}

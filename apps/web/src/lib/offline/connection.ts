import { useSyncExternalStore } from 'react';

/**
 * Whether the server can be reached, as far as the page knows: the browser's online/offline events, corrected by
 * what requests actually did (a phone "connected" to a dead network reports online; a request without an answer, or
 * one the service worker answered from its copy, says otherwise; any real answer says the server is there).
 */
let online = typeof navigator === 'undefined' ? true : navigator.onLine;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (next === online) return;
  online = next;
  for (const listener of listeners) listener();
}

export const connection = {
  isOnline: () => online,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** A request got no answer from the server. */
  failed: () => set(false),
  /** The server answered (any status). */
  reached: () => set(true),
};

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => set(true));
  window.addEventListener('offline', () => set(false));
}

/** Re-renders when the connection comes or goes. */
export function useOnline(): boolean {
  return useSyncExternalStore(connection.subscribe, connection.isOnline, () => true);
}

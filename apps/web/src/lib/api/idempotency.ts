import { ApiError } from './api-client';

/** A UUID v4; crypto.randomUUID only exists in secure contexts, so plain-HTTP intranets get the manual build. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The request may not have been processed (or its answer was lost): safe to resend with the same key. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.code === 'SAVED_ON_PHONE' || [502, 503, 504].includes(error.status));
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one user action. A network failure is retried automatically with the SAME idempotency key, so the server
 * replays its first answer instead of recording the action twice.
 */
export async function sendWithRetry<T>(key: string, send: (key: string) => Promise<T>, retries = 2, delayMs = 800): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(key);
    } catch (error) {
      // Kept on the phone by the answer queue, which retries by itself (lib/offline): no quick retries on top.
      if (attempt >= retries || !isRetryable(error) || (error as ApiError).code === 'SAVED_ON_PHONE') throw error;
      await wait(delayMs * 2 ** attempt);
    }
  }
}

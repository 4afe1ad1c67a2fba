import { useCallback, useRef, useState } from 'react';
import { ApiError } from './api/api-client';
import { isRetryable, newIdempotencyKey, sendWithRetry } from './api/idempotency';

/**
 * One submit button's worth of state. Each user action gets a fresh idempotency key; if it failed on the network
 * and the learner presses again with the same request, the key is reused (the first try may have reached the server).
 */
export function useSubmission(options: { onRejected?: () => void } = {}) {
  const onRejected = useRef(options.onRejected);
  onRejected.current = options.onRejected;
  const pending = useRef<{ key: string; fingerprint: string } | null>(null);
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = useCallback(async <T,>(fingerprint: unknown, send: (key: string) => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    const print = JSON.stringify(fingerprint);
    const key = pending.current?.fingerprint === print ? pending.current.key : newIdempotencyKey();
    pending.current = { key, fingerprint: print };
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await sendWithRetry(key, send);
      pending.current = null;
      return result;
    } catch (e) {
      if (!isRetryable(e)) pending.current = null; // the server answered: pressing again is a new action
      setError(e);
      // 409: the server refused the step, so our copy of the journey is stale.
      if (e instanceof ApiError && e.status === 409) onRejected.current?.();
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { submit, busy, error, clearError };
}

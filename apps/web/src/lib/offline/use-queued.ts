import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';
import type { OutboxEntry } from './offline-db';
import { outbox } from './replay';

/**
 * A page's view of its own queued submission (by target): whether one waits on this phone, whether the server refused
 * one, and — once the queue delivers it, now or after the browser was closed — the server's answer, handed to `onSent`
 * exactly once (the same as if it had been answered at once).
 */
export function useQueued<T>(enrolmentId: string, target: string, onSent: (data: T) => void) {
  const [waiting, setWaiting] = useState(false);
  const [refused, setRefused] = useState<OutboxEntry | null>(null);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const check = useCallback(async () => {
    const { entry, receipt } = await outbox.readTarget(enrolmentId, target);
    if (receipt) {
      await outbox.forget(receipt.key);
      onSentRef.current(receipt.result as T);
    }
    setWaiting(entry?.state === 'waiting');
    setRefused(entry?.state === 'rejected' ? entry : null);
  }, [enrolmentId, target]);

  useEffect(() => {
    let live = true;
    const run = () => void (live && check().catch(() => undefined));
    run();
    const off = outbox.subscribe(run);
    return () => {
      live = false;
      off();
    };
  }, [check]);

  /** The learner read the refusal: it leaves the phone. */
  const dismiss = useCallback(() => {
    if (refused) void outbox.forget(refused.key);
    setRefused(null);
  }, [refused]);

  return { waiting, refused, refusedError: refused?.error ? new ApiError(refused.error.code as ApiError['code'], '', refused.error.status) : null, dismiss };
}

import { useCallback, useState } from 'react';

/**
 * One staff action's worth of state: busy while it runs (buttons disable), the error it failed with (cleared when the
 * next one starts). `run` resolves to true when the work succeeded; the error is kept for the form to show.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api/api-client';
import { connection } from './offline/connection';

export interface Query<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data when the dependencies change (e.g. the content language) and keeps showing the previous data while the
 * new one arrives, so a language switch does not blank the page. Late answers of superseded loads are dropped.
 */
export function useQuery<T>(load: () => Promise<T>, deps: DependencyList): Query<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  // "No connection" clears by itself: a load that failed for want of a connection runs again when it returns.
  const offlineFailure = error instanceof ApiError && error.code === 'NETWORK_ERROR';
  useEffect(() => (offlineFailure ? connection.subscribe(() => connection.isOnline() && reload()) : undefined), [offlineFailure, reload]);
  return { data, error, loading, reload };
}

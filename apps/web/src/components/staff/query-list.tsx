import type { ReactNode } from 'react';
import type { Query } from '../../lib/use-query';
import { Loading } from '../loading';
import { StaffError } from './staff-error';

/**
 * A staff list as it loads: the error (the page's own action `error` first, else the load's), a spinner until the
 * first answer, `empty` (if given) for an empty list, else `children(rows)`. Reloads keep showing the rows they replace.
 */
export function QueryList<T>({ query, error, empty, children }: { query: Query<T[]>; error?: unknown; empty?: string; children: (rows: T[]) => ReactNode }) {
  return (
    <>
      <StaffError error={error ?? query.error} />
      {query.loading && !query.data && <Loading />}
      {empty && query.data?.length === 0 && <p>{empty}</p>}
      {query.data && query.data.length > 0 && children(query.data)}
    </>
  );
}

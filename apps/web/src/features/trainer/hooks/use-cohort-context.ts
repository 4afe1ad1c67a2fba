import { createContext, useContext } from 'react';
import type { Cohort } from '../api/cohorts';

export interface CohortContext {
  cohort: Cohort;
  /** Reloads the cohort (counts, progress) after a change in a tab. */
  reload(): void;
}

const context = createContext<CohortContext | null>(null);

/** Set by the cohort page around the open tab. */
export const CohortProvider = context.Provider;

/** The cohort loaded by the cohort page, for its tabs. */
export function useCohortContext(): CohortContext {
  const value = useContext(context);
  if (!value) throw new Error('useCohortContext is for the tabs of the cohort page');
  return value;
}

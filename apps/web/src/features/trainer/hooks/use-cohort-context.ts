import { useOutletContext } from 'react-router';
import type { Cohort } from '../api/cohorts';

export interface CohortContext {
  cohort: Cohort;
  /** Reloads the cohort (counts, progress) after a change in a tab. */
  reload(): void;
}

/** The cohort loaded by the cohort page, for its tabs. */
export const useCohortContext = () => useOutletContext<CohortContext>();

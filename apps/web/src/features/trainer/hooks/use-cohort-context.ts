import { requiredContext } from '../../../lib/required-context';
import type { Cohort } from '../api/cohorts';

export interface CohortContext {
  cohort: Cohort;
  /** Reloads the cohort (counts, progress) after a change in a tab. */
  reload(): void;
}

/** useCohortContext: the cohort loaded by the cohort page, for its tabs. */
const [context, useCohortContext] = requiredContext<CohortContext>('useCohortContext is for the tabs of the cohort page');
export { useCohortContext };

/** Set by the cohort page around the open tab. */
export const CohortProvider = context.Provider;

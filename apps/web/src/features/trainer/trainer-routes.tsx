import { Redirect, Route } from 'wouter';
import { StaffRoutes } from '../../components/staff/staff-routes';
import { CohortListPage } from './components/cohort-list-page';
import { CohortPage, isCohortTab } from './components/cohort-page';
import { NewCohortPage } from './components/new-cohort-page';

/**
 * The trainer area under /trainer (trainers and admins; the app guards the route and the server checks every call).
 * Loaded as its own chunk: none of this, nor the chart library, is in the learner's bundle.
 */
export default function TrainerRoutes() {
  return (
    <StaffRoutes fallback="/trainer">
      <Route path="/trainer"><CohortListPage /></Route>
      <Route path="/trainer/cohorts/new"><NewCohortPage /></Route>
      {/* One route for the cohort and its tabs, so the cohort page (and its loaded cohort) stays while tabs change. */}
      <Route path="/trainer/cohorts/:cohortId/:tab?">
        {({ tab = '' }) => (isCohortTab(tab) ? <CohortPage /> : <Redirect to="/trainer" replace />)}
      </Route>
    </StaffRoutes>
  );
}

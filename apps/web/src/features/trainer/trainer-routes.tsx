import { Navigate, Route, Routes } from 'react-router';
import '../../components/staff/staff.css';
import { CohortListPage } from './components/cohort-list-page';
import { CohortPage } from './components/cohort-page';
import { CohortSummaryTab } from './components/cohort-summary-tab';
import { ExportsTab } from './components/exports-tab';
import { InviteCodesTab } from './components/invite-codes-tab';
import { NewCohortPage } from './components/new-cohort-page';
import { ReportTab } from './components/report-tab';
import { RosterTab } from './components/roster-tab';

/**
 * The trainer area under /trainer (trainers and admins; the app guards the route and the server checks every call).
 * Loaded as its own chunk: none of this, nor the chart library, is in the learner's bundle.
 */
export default function TrainerRoutes() {
  return (
    <div className="staff-area">
      <Routes>
        <Route index element={<CohortListPage />} />
        <Route path="cohorts/new" element={<NewCohortPage />} />
        <Route path="cohorts/:cohortId" element={<CohortPage />}>
          <Route index element={<CohortSummaryTab />} />
          <Route path="codes" element={<InviteCodesTab />} />
          <Route path="roster" element={<RosterTab />} />
          <Route path="report" element={<ReportTab />} />
          <Route path="exports" element={<ExportsTab />} />
        </Route>
        <Route path="*" element={<Navigate to="/trainer" replace />} />
      </Routes>
    </div>
  );
}

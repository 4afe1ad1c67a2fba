import { Redirect, Route } from 'wouter';
import { StaffRoutes } from '../../components/staff/staff-routes';
import { AccountsPage } from './components/accounts-page';
import { AdminNav } from './components/admin-nav';
import { AuditPage } from './components/audit-page';
import { CohortsPage } from './components/cohorts-page';
import { CombinedReportPage } from './components/combined-report-page';
import { ContentPage } from './components/content-page';
import { DeletionRequestsPage } from './components/deletion-requests-page';

/** The admin area under /admin (admins only; the app guards the route and the server checks every call). Its own chunk. */
export default function AdminRoutes() {
  // The fallback goes straight to the first section: a Redirect to /admin would stay mounted there (same place in the
  // Switch) and wouter redirects only on mount, so it would never move on to /admin/accounts.
  return (
    <StaffRoutes nav={<AdminNav />} fallback="/admin/accounts">
      <Route path="/admin"><Redirect to="/admin/accounts" replace /></Route>
      <Route path="/admin/accounts"><AccountsPage /></Route>
      <Route path="/admin/cohorts"><CohortsPage /></Route>
      <Route path="/admin/report"><CombinedReportPage /></Route>
      <Route path="/admin/content"><ContentPage /></Route>
      <Route path="/admin/privacy"><DeletionRequestsPage /></Route>
      <Route path="/admin/audit"><AuditPage /></Route>
    </StaffRoutes>
  );
}

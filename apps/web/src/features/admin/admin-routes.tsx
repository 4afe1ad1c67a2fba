import { Navigate, Route, Routes } from 'react-router';
import '../../components/staff/staff.css';
import { AccountsPage } from './components/accounts-page';
import { AdminNav } from './components/admin-nav';
import { CohortsPage } from './components/cohorts-page';
import { CombinedReportPage } from './components/combined-report-page';
import { ContentPage } from './components/content-page';

/** The admin area under /admin (admins only; the app guards the route and the server checks every call). Its own chunk. */
export default function AdminRoutes() {
  return (
    <div className="staff-area">
      <AdminNav />
      <Routes>
        <Route index element={<Navigate to="accounts" replace />} />
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="cohorts" element={<CohortsPage />} />
        <Route path="report" element={<CombinedReportPage />} />
        <Route path="content" element={<ContentPage />} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Routes>
    </div>
  );
}

import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/components/login-page';
import { RegisterPage } from '../features/auth/components/register-page';
import { SessionProvider, useSession } from '../lib/session';
import { HomeRoute } from './home-route';
import { Layout } from './layout';
import { LearnRoutes, VerifyPage } from './lazy-pages';
import { loadStaffStrings } from '../lib/i18n';
import { lazy, type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

function RequireSession({ children }: { children: ReactElement }) {
  const { status } = useSession();
  const { t } = useTranslation();
  if (status === 'loading') return <p role="status">{t('app.loading')}</p>;
  return status === 'signedIn' ? children : <Navigate to="/login" replace />;
}

function Lazy({ children }: { children: ReactElement }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p role="status">{t('app.loading')}</p>}>{children}</Suspense>;
}

// Staff areas: their own chunks (with the chart library), never in a learner's download; the server checks roles too.
const TrainerRoutes = lazy(() => Promise.all([import('../features/trainer/trainer-routes'), loadStaffStrings()]).then(([m]) => m));
const AdminRoutes = lazy(() => Promise.all([import('../features/admin/admin-routes'), loadStaffStrings()]).then(([m]) => m));

function RequireRole({ roles, children }: { roles: string[]; children: ReactElement }) {
  const { user } = useSession();
  return user && roles.includes(user.role) ? children : <Navigate to="/" replace />;
}

function GuestOnly({ children }: { children: ReactElement }) {
  const { status } = useSession();
  return status === 'signedIn' ? <Navigate to="/" replace /> : children;
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<RequireSession><HomeRoute /></RequireSession>} />
            <Route path="learn/:enrolmentId/*" element={<RequireSession><Lazy><LearnRoutes /></Lazy></RequireSession>} />
            <Route path="trainer/*" element={<RequireSession><RequireRole roles={['trainer', 'admin']}><Lazy><TrainerRoutes /></Lazy></RequireRole></RequireSession>} />
            <Route path="admin/*" element={<RequireSession><RequireRole roles={['admin']}><Lazy><AdminRoutes /></Lazy></RequireRole></RequireSession>} />
            <Route path="verify/:code" element={<Lazy><VerifyPage /></Lazy>} />
            <Route path="login" element={<GuestOnly><LoginPage /></GuestOnly>} />
            <Route path="register" element={<GuestOnly><RegisterPage /></GuestOnly>} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}

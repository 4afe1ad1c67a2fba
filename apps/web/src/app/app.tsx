import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/components/login-page';
import { RegisterPage } from '../features/auth/components/register-page';
import { HomePage } from '../features/home/components/home-page';
import { SessionProvider, useSession } from '../lib/session';
import { Layout } from './layout';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

function RequireSession({ children }: { children: ReactElement }) {
  const { status } = useSession();
  const { t } = useTranslation();
  if (status === 'loading') return <p role="status">{t('app.loading')}</p>;
  return status === 'signedIn' ? children : <Navigate to="/login" replace />;
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
            <Route index element={<RequireSession><HomePage /></RequireSession>} />
            <Route path="login" element={<GuestOnly><LoginPage /></GuestOnly>} />
            <Route path="register" element={<GuestOnly><RegisterPage /></GuestOnly>} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}

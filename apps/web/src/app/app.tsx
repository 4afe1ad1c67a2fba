import { type AroundNavHandler, Redirect, Route, Router, Switch } from 'wouter';
import { LoginPage } from '../features/auth/components/login-page';
import { SessionProvider, useSession } from '../lib/session';
import { HomeRoute } from './home-route';
import { Layout } from './layout';
import { LearnRoutes, VerifyPage } from './lazy-pages';
import { loadStaffStrings, useTranslation } from '../lib/i18n';
import { lazy, type ReactElement, Suspense } from 'react';

function RequireSession({ children }: { children: ReactElement }) {
  const { status } = useSession();
  const { t } = useTranslation();
  if (status === 'loading') return <p role="status">{t('app.loading')}</p>;
  return status === 'signedIn' ? children : <Redirect to="/login" replace />;
}

function Lazy({ children }: { children: ReactElement }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p role="status">{t('app.loading')}</p>}>{children}</Suspense>;
}

// Staff areas: their own chunks (with the chart library), never in a learner's download; the server checks roles too.
const TrainerRoutes = lazy(() => Promise.all([import('../features/trainer/trainer-routes'), loadStaffStrings()]).then(([m]) => m));
// Registration happens once per learner (from an invitation): not part of every visit's download.
const RegisterPage = lazy(() => import('../features/auth/components/register-page').then((m) => ({ default: m.RegisterPage })));
const MyDataPage = lazy(() => import('../features/my-data/components/my-data-page'));
const AdminRoutes = lazy(() => Promise.all([import('../features/admin/admin-routes'), loadStaffStrings()]).then(([m]) => m));
// The content editor (course library rules, diff): behind a small entry chunk, so the first download only learns its name.
const EditorEntry = lazy(() => import('./editor-entry'));
const StudiesEntry = lazy(() => import('./studies-entry'));

function RequireRole({ roles, children }: { roles: string[]; children: ReactElement }) {
  const { user } = useSession();
  return user && roles.includes(user.role) ? children : <Redirect to="/" replace />;
}

function GuestOnly({ children }: { children: ReactElement }) {
  const { status } = useSession();
  return status === 'signedIn' ? <Redirect to="/" replace /> : children;
}

// A link to the page already open replaces its history entry rather than stacking a copy (Back then leaves the page).
const replaceSamePage: AroundNavHandler = (navigate, to, options) =>
  navigate(to, { ...options, replace: options?.replace ?? to === location.pathname + location.search + location.hash });

export function App() {
  return (
    <SessionProvider>
      <Router aroundNav={replaceSamePage}>
        <Layout>
          <Switch>
            <Route path="/"><RequireSession><HomeRoute /></RequireSession></Route>
            <Route path="/learn/:enrolmentId/*?"><RequireSession><Lazy><LearnRoutes /></Lazy></RequireSession></Route>
            {/* Before /trainer/*: the evaluator area is its own chunk, behind its own permission. */}
            <Route path="/trainer/studies/*?"><RequireSession><RequireRole roles={['trainer', 'admin']}><Lazy><StudiesEntry /></Lazy></RequireRole></RequireSession></Route>
            <Route path="/trainer/*?"><RequireSession><RequireRole roles={['trainer', 'admin']}><Lazy><TrainerRoutes /></Lazy></RequireRole></RequireSession></Route>
            <Route path="/admin/*?"><RequireSession><RequireRole roles={['admin']}><Lazy><AdminRoutes /></Lazy></RequireRole></RequireSession></Route>
            <Route path="/my-data"><RequireSession><Lazy><MyDataPage /></Lazy></RequireSession></Route>
            <Route path="/editor/*?"><RequireSession><Lazy><EditorEntry /></Lazy></RequireSession></Route>
            <Route path="/verify/:code"><Lazy><VerifyPage /></Lazy></Route>
            <Route path="/login"><GuestOnly><LoginPage /></GuestOnly></Route>
            <Route path="/register"><GuestOnly><Lazy><RegisterPage /></Lazy></GuestOnly></Route>
            <Route><Redirect to="/" replace /></Route>
          </Switch>
        </Layout>
      </Router>
    </SessionProvider>
  );
}

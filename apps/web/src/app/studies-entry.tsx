import { lazy } from 'react';
import { Redirect } from 'wouter';
import { loadStaffStrings } from '../lib/i18n';
import { useSession } from '../lib/session';

const StudiesRoutes = lazy(() => Promise.all([import('../features/studies/studies-routes'), loadStaffStrings()]).then(([m]) => m));

/** /trainer/studies: holders of the evaluator permission only (the server checks every call as well). */
export default function StudiesEntry() {
  const { user } = useSession();
  return user?.canEvaluate ? <StudiesRoutes /> : <Redirect to="/trainer" replace />;
}

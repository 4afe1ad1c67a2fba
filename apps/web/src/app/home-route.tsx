import { useEffect } from 'react';
import { HomePage } from '../features/home/components/home-page';
import { MyCourses } from '../features/my-courses/components/my-courses';
import { useSession } from '../lib/session';
import { loadLearnRoutes } from './lazy-pages';

/** Learners see their courses on the home page (and the course player starts downloading); staff see the profile. */
export function HomeRoute() {
  const { user } = useSession();
  const learner = user?.role === 'learner';
  useEffect(() => {
    if (learner) void loadLearnRoutes().catch(() => undefined);
  }, [learner]);
  return learner ? <HomePage><MyCourses /></HomePage> : <HomePage />;
}

import { HomePage } from '../features/home/components/home-page';
import { MyCourses } from '../features/my-courses/components/my-courses';
import { useSession } from '../lib/session';
import { loadLearnRoutes } from './lazy-pages';

// Many learners pay for mobile data: the course player is fetched when they reach for a course (touch, pointer or
// keyboard focus on the list), not speculatively on every visit to the home page.
const prefetchCoursePlayer = () => void loadLearnRoutes().catch(() => undefined);

/** Learners see their courses on the home page; staff see their profile and links. */
export function HomeRoute() {
  const { user } = useSession();
  if (user?.role !== 'learner') return <HomePage />;
  return (
    <HomePage>
      <div onPointerDownCapture={prefetchCoursePlayer} onPointerEnter={prefetchCoursePlayer} onFocusCapture={prefetchCoursePlayer}>
        <MyCourses />
      </div>
    </HomePage>
  );
}

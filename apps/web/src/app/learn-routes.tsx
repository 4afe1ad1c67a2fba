import { Fragment, lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation, useParams } from 'wouter';
import { Loading } from '../components/loading';
import { learnPages } from './lazy-pages';
import { JourneyProvider } from './journey-provider';

// Full paths rather than a nested router: every link in the pages is absolute, and a nested base would prefix them.
const BASE = '/learn/:enrolmentId';

// Each page its own chunk (lazy-pages.ts); the one the address shows is fetched together with this frame.
const CoursePage = lazy(learnPages.course);
const ConsentPage = lazy(learnPages.consent);
const WithdrawPage = lazy(learnPages.withdraw);
const AssessmentPage = lazy(learnPages.assessment);
const LessonPage = lazy(learnPages.lesson);
const QuizPage = lazy(learnPages.quiz);
const ScenarioPage = lazy(learnPages.scenario);
const CompletionPage = lazy(learnPages.completion);
const FollowUpPage = lazy(learnPages.followUp);

/**
 * Everything under /learn/:enrolmentId: this frame (the journey machine and its provider) is one chunk, each page
 * another. Each page remounts on a new path, so its state and focus start fresh.
 */
export default function LearnRoutes() {
  const { enrolmentId = '' } = useParams();
  return (
    <JourneyProvider key={enrolmentId} enrolmentId={enrolmentId}>
      <LearnPages enrolmentId={enrolmentId} />
    </JourneyProvider>
  );
}

/** The pages of one enrolment's path, inside its JourneyProvider. */
export function LearnPages({ enrolmentId }: { enrolmentId: string }) {
  const [pathname] = useLocation();
  return (
    <Fragment key={pathname}>
      {/* Inside the provider: a page still loading never unmounts the journey above it. */}
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path={BASE}><CoursePage /></Route>
          <Route path={`${BASE}/consent`}><ConsentPage /></Route>
          <Route path={`${BASE}/withdraw`}><WithdrawPage /></Route>
          <Route path={`${BASE}/assessment/:wave/:part`}><AssessmentPage /></Route>
          <Route path={`${BASE}/modules/:moduleKey/lessons/:lessonKey`}><LessonPage /></Route>
          <Route path={`${BASE}/modules/:moduleKey/quiz`}><QuizPage /></Route>
          <Route path={`${BASE}/modules/:moduleKey/scenario`}><ScenarioPage /></Route>
          <Route path={`${BASE}/certificate`}><CompletionPage /></Route>
          <Route path={`${BASE}/follow-up`}><FollowUpPage /></Route>
          <Route><Redirect to={`/learn/${enrolmentId}`} replace /></Route>
        </Switch>
      </Suspense>
    </Fragment>
  );
}

import { Fragment } from 'react';
import { Redirect, Route, Switch, useLocation, useParams } from 'wouter';
import { AssessmentPage } from '../features/assessment/components/assessment-page';
import { FollowUpPage } from '../features/assessment/components/follow-up-page';
import { CompletionPage } from '../features/certificate/components/completion-page';
import { ConsentPage } from '../features/course/components/consent-page';
import { CoursePage } from '../features/course/components/course-page';
import { WithdrawPage } from '../features/course/components/withdraw-page';
import { LessonPage } from '../features/lesson/components/lesson-page';
import { QuizPage } from '../features/quiz/components/quiz-page';
import { ScenarioPage } from '../features/scenario/components/scenario-page';
import { JourneyProvider } from './journey-provider';

// Full paths rather than a nested router: every link in the pages is absolute, and a nested base would prefix them.
const BASE = '/learn/:enrolmentId';

/**
 * Everything under /learn/:enrolmentId, loaded as one chunk (the journey machine, Markdown and the players are not
 * needed before the learner opens a course). Each page remounts on a new path, so its state and focus start fresh.
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
    </Fragment>
  );
}

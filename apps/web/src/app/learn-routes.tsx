import { Fragment } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
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

/**
 * Everything under /learn/:enrolmentId, loaded as one chunk (the journey machine, Markdown and the players are not
 * needed before the learner opens a course). Each page remounts on a new path, so its state and focus start fresh.
 */
export default function LearnRoutes() {
  const { enrolmentId = '' } = useParams();
  const { pathname } = useLocation();
  return (
    <JourneyProvider key={enrolmentId} enrolmentId={enrolmentId}>
      <Fragment key={pathname}>
        <Routes>
          <Route index element={<CoursePage />} />
          <Route path="consent" element={<ConsentPage />} />
          <Route path="withdraw" element={<WithdrawPage />} />
          <Route path="assessment/:wave/:part" element={<AssessmentPage />} />
          <Route path="modules/:moduleKey/lessons/:lessonKey" element={<LessonPage />} />
          <Route path="modules/:moduleKey/quiz" element={<QuizPage />} />
          <Route path="modules/:moduleKey/scenario" element={<ScenarioPage />} />
          <Route path="certificate" element={<CompletionPage />} />
          <Route path="follow-up" element={<FollowUpPage />} />
          <Route path="*" element={<Navigate to={`/learn/${enrolmentId}`} replace />} />
        </Routes>
      </Fragment>
    </JourneyProvider>
  );
}

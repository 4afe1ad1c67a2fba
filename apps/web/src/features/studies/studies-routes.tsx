import { Route } from 'wouter';
import { StaffRoutes } from '../../components/staff/staff-routes';
import '../../components/report/report.css';
import { NewStudyPage } from './components/new-study-page';
import { StudyListPage } from './components/study-list-page';
import { StudyPage } from './components/study-page';

/**
 * The evaluator area under /trainer/studies (the evaluator permission; the server checks every call). Its own chunk:
 * none of it, nor the chart library, is in the learner's bundle.
 */
export default function StudiesRoutes() {
  return (
    <StaffRoutes fallback="/trainer/studies">
      <Route path="/trainer/studies"><StudyListPage /></Route>
      <Route path="/trainer/studies/new"><NewStudyPage /></Route>
      <Route path="/trainer/studies/:studyId"><StudyPage /></Route>
    </StaffRoutes>
  );
}

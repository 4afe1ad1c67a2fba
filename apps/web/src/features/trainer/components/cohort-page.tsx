import { useTranslation } from '../../../lib/i18n';
import { useParams } from 'wouter';
import { Loading } from '../../../components/loading';
import { NavLink } from '../../../components/nav-link';
import { PageHeading } from '../../../components/page-heading';
import { Breadcrumb } from '../../../components/staff/breadcrumb';
import { StaffError } from '../../../components/staff/staff-error';
import { useQuery } from '../../../lib/use-query';
import { getCohort } from '../api/cohorts';
import { type CohortContext, CohortProvider } from '../hooks/use-cohort-context';
import { CohortSummaryTab } from './cohort-summary-tab';
import { CourseVersionTab } from './course-version-tab';
import { ExportsTab } from './exports-tab';
import { FollowUpsTab } from './follow-ups-tab';
import { InviteCodesTab } from './invite-codes-tab';
import { ReportTab } from './report-tab';
import { RosterTab } from './roster-tab';

const TABS = [
  { path: '', key: 'summary', Tab: CohortSummaryTab },
  { path: 'codes', key: 'codes', Tab: InviteCodesTab },
  { path: 'roster', key: 'roster', Tab: RosterTab },
  { path: 'follow-ups', key: 'followUps', Tab: FollowUpsTab },
  { path: 'report', key: 'report', Tab: ReportTab },
  { path: 'exports', key: 'exports', Tab: ExportsTab },
  { path: 'version', key: 'version', Tab: CourseVersionTab },
] as const;

const tabAt = (path: string) => TABS.find((tab) => tab.path === path.toLowerCase());

/** Whether /trainer/cohorts/:cohortId/<path> is one of the cohort's tabs (the summary has the empty path). */
export const isCohortTab = (path: string) => tabAt(path) !== undefined;

/** One cohort: its name, then a row of section links (each a URL of its own, so they can be bookmarked and shared). */
export function CohortPage() {
  const { t } = useTranslation();
  const { cohortId = '', tab = '' } = useParams();
  const cohort = useQuery(() => getCohort(cohortId), [cohortId]);

  if (!cohort.data) return cohort.error ? <StaffError error={cohort.error} /> : <Loading />;
  const context: CohortContext = { cohort: cohort.data, reload: cohort.reload };
  const Tab = (tabAt(tab) ?? TABS[0]).Tab;
  return (
    <>
      <Breadcrumb parent={{ to: '/trainer', label: t('trainer.cohorts.title') }} current={cohort.data.name} />
      <PageHeading focusKey={cohortId}>{cohort.data.name}</PageHeading>
      <nav aria-label={t('trainer.tabs.label')}>
        <ul className="tabs">
          {TABS.map((item) => (
            <li key={item.key}>
              <NavLink to={`/trainer/cohorts/${cohortId}${item.path ? `/${item.path}` : ''}`} end>{t(`trainer.tabs.${item.key}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <CohortProvider value={context}>
        <Tab />
      </CohortProvider>
    </>
  );
}

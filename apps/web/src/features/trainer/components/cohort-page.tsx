import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { StaffError } from '../../../components/staff/staff-error';
import { useQuery } from '../../../lib/use-query';
import { getCohort } from '../api/cohorts';
import type { CohortContext } from '../hooks/use-cohort-context';

const TABS = [
  { path: '', key: 'summary' },
  { path: 'codes', key: 'codes' },
  { path: 'roster', key: 'roster' },
  { path: 'report', key: 'report' },
  { path: 'exports', key: 'exports' },
] as const;

/** One cohort: its name, then a row of section links (each a URL of its own, so they can be bookmarked and shared). */
export function CohortPage() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const cohort = useQuery(() => getCohort(cohortId), [cohortId]);

  if (!cohort.data) return cohort.error ? <StaffError error={cohort.error} /> : <Loading />;
  const context: CohortContext = { cohort: cohort.data, reload: cohort.reload };
  return (
    <>
      <nav aria-label={t('trainer.breadcrumbs')} className="breadcrumbs">
        <ol><li><Link to="/trainer">{t('trainer.cohorts.title')}</Link></li><li aria-current="page">{cohort.data.name}</li></ol>
      </nav>
      <PageHeading focusKey={cohortId}>{cohort.data.name}</PageHeading>
      <nav aria-label={t('trainer.tabs.label')}>
        <ul className="tabs">
          {TABS.map((tab) => (
            <li key={tab.key}>
              <NavLink to={`/trainer/cohorts/${cohortId}${tab.path ? `/${tab.path}` : ''}`} end>{t(`trainer.tabs.${tab.key}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={context} />
    </>
  );
}

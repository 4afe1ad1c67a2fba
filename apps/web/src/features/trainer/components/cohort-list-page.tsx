import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { PageHeading } from '../../../components/page-heading';
import { QueryList } from '../../../components/staff/query-list';
import { useSession } from '../../../lib/session';
import { formatDate } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { listCohorts } from '../api/cohorts';
import { CohortProgress } from './cohort-progress';

export function CohortListPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const cohorts = useQuery(listCohorts, []);
  return (
    <>
      <PageHeading>{t('trainer.cohorts.title')}</PageHeading>
      <p>{t('trainer.cohorts.intro')}</p>
      <div className="button-row">
        <Link className="button button--primary" to="/trainer/cohorts/new">{t('trainer.cohorts.new')}</Link>
        {user?.role === 'admin' && <Link className="button" to="/admin">{t('trainer.admin.nav')}</Link>}
        {user?.canEditContent && <Link className="button" to="/editor">{t('trainer.editorLink')}</Link>}
        {user?.canEvaluate && <Link className="button" to="/trainer/studies">{t('trainer.studies.link')}</Link>}
      </div>
      <QueryList query={cohorts} empty={t('trainer.cohorts.empty')}>
        {(rows) => (
        <ul className="cohort-list">
          {rows.map((c) => (
            <li key={c.id} className="card">
              <h2><Link to={`/trainer/cohorts/${c.id}`}>{c.name}</Link></h2>
              <p className="stat-note">
                {[
                  c.region && t(`regions.${c.region}`),
                  c.startDate && t('trainer.cohorts.dates', { start: formatDate(c.startDate, i18n.language), end: c.endDate ? formatDate(c.endDate, i18n.language) : '…' }),
                  c.trainerName && t('trainer.cohorts.trainer', { name: c.trainerName }),
                ].filter(Boolean).join(' · ')}
              </p>
              <CohortProgress cohort={c} />
            </li>
          ))}
        </ul>
        )}
      </QueryList>
    </>
  );
}

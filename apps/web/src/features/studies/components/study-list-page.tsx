import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { Breadcrumb } from '../../../components/staff/breadcrumb';
import { StaffError } from '../../../components/staff/staff-error';
import { formatDate } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { listStudies } from '../api/studies';

/** The evaluator's studies (an admin sees every study). */
export function StudyListPage() {
  const { t, i18n } = useTranslation();
  const studies = useQuery(listStudies, []);
  return (
    <>
      <Breadcrumb parent={{ to: '/trainer', label: t('trainer.cohorts.title') }} current={t('trainer.studies.title')} />
      <PageHeading>{t('trainer.studies.title')}</PageHeading>
      <p>{t('trainer.studies.intro')}</p>
      <div className="button-row"><Link className="button button--primary" to="/trainer/studies/new">{t('trainer.studies.new')}</Link></div>
      {studies.loading && !studies.data && <Loading />}
      <StaffError error={studies.error} />
      {studies.data?.length === 0 && <p>{t('trainer.studies.empty')}</p>}
      <ul className="cohort-list">
        {studies.data?.map((s) => (
          <li key={s.id} className="card">
            <h2><Link to={`/trainer/studies/${s.id}`}>{s.name}</Link></h2>
            <p className="stat-note">
              {t('trainer.studies.summary', {
                treated: s.arms.filter((a) => a.arm === 'treated').map((a) => a.cohortName).join(', '),
                waitlist: s.arms.filter((a) => a.arm === 'waitlist').map((a) => a.cohortName).join(', '),
                date: formatDate(s.secondBaselineAt, i18n.language),
              })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

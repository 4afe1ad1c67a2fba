import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation } from 'wouter';
import { PageHeading } from '../../../components/page-heading';
import { createCohort } from '../api/cohorts';
import { CohortForm } from './cohort-form';

export function NewCohortPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <>
      <nav aria-label={t('trainer.breadcrumbs')} className="breadcrumbs">
        <ol><li><Link to="/trainer">{t('trainer.cohorts.title')}</Link></li><li aria-current="page">{t('trainer.cohorts.new')}</li></ol>
      </nav>
      <PageHeading>{t('trainer.cohorts.new')}</PageHeading>
      <CohortForm submitLabel={t('trainer.cohortForm.create')} onSubmit={async (input) => {
        const cohort = await createCohort(input);
        navigate(`/trainer/cohorts/${cohort.id}/codes`, { state: { created: true } });
      }} />
    </>
  );
}

import { useTranslation } from '../../../lib/i18n';
import { useLocation } from 'wouter';
import { PageHeading } from '../../../components/page-heading';
import { Breadcrumb } from '../../../components/staff/breadcrumb';
import { createCohort } from '../api/cohorts';
import { CohortForm } from './cohort-form';

export function NewCohortPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <>
      <Breadcrumb parent={{ to: '/trainer', label: t('trainer.cohorts.title') }} current={t('trainer.cohorts.new')} />
      <PageHeading>{t('trainer.cohorts.new')}</PageHeading>
      <CohortForm submitLabel={t('trainer.cohortForm.create')} onSubmit={async (input) => {
        const cohort = await createCohort(input);
        navigate(`/trainer/cohorts/${cohort.id}/codes`, { state: { created: true } });
      }} />
    </>
  );
}

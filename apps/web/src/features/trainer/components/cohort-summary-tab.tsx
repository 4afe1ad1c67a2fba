import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { updateCohort } from '../api/cohorts';
import { useCohortContext } from '../hooks/use-cohort-context';
import { CohortForm } from './cohort-form';
import { CohortProgress } from './cohort-progress';
import { TabSection } from './tab-section';

export function CohortSummaryTab() {
  const { t } = useTranslation();
  const { cohort, reload } = useCohortContext();
  const [saved, setSaved] = useState(false);
  return (
    <TabSection id="summary" title={t('trainer.tabs.summary')}>
      <div className="card"><CohortProgress cohort={cohort} /></div>
      <h3 className="section-gap">{t('trainer.cohortForm.editTitle')}</h3>
      <CohortForm key={cohort.id} cohort={cohort} submitLabel={t('trainer.cohortForm.save')} onSubmit={async (input) => {
        setSaved(false);
        await updateCohort(cohort.id, input);
        setSaved(true);
        reload();
      }} />
      <p role="status" className="status">{saved ? t('trainer.cohortForm.saved') : ''}</p>
    </TabSection>
  );
}

import { useTranslation } from '../../../lib/i18n';
import type { Cohort } from '../api/cohorts';

/** Mean percent complete of active learners as a bar, with the numbers written out (the bar is decoration). */
export function CohortProgress({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const percent = Math.round(cohort.meanPercentComplete);
  return (
    <div className="cohort-progress">
      <p className="cohort-progress__text">
        {t('trainer.cohorts.meanProgress', { percent })}
        <span className="stat-note"> · {t('trainer.cohorts.counts', { enrolled: cohort.enrolled, active: cohort.active, completed: cohort.completed })}</span>
      </p>
      <span className="bar" aria-hidden="true"><span style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} /></span>
    </div>
  );
}

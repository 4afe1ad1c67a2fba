import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import type { Account } from '../api/users';
import type { Cohort } from '../api/cohorts';

/** Choose the trainer who runs a cohort (only active trainer and admin accounts are offered). */
export function TrainerAssign({ cohort, staff, busy, onAssign }: { cohort: Cohort; staff: Account[]; busy: boolean; onAssign: (trainerId: string) => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState(cohort.trainerId ?? '');
  const id = `trainer-${cohort.id}`;
  return (
    <div className="button-row">
      <label htmlFor={id} className="visually-hidden">{t('trainer.admin.cohorts.trainerFor', { name: cohort.name })}</label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {!cohort.trainerId && <option value="">{t('trainer.admin.cohorts.noTrainer')}</option>}
        {staff.map((s) => <option key={s.id} value={s.id}>{s.displayName} ({t(`roles.${s.role}`)})</option>)}
      </select>
      <button type="button" className="button button--small" disabled={busy || !choice || choice === cohort.trainerId}
        onClick={() => onAssign(choice)} aria-label={t('trainer.admin.cohorts.assignFor', { name: cohort.name })}>
        {t('trainer.admin.cohorts.assign')}
      </button>
    </div>
  );
}

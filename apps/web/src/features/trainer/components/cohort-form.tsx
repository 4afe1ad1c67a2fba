import { type FormEvent, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Field } from '../../../components/field';
import { SelectField } from '../../../components/select-field';
import { regionKeys } from '../../../components/staff/profile-keys';
import { StaffError } from '../../../components/staff/staff-error';
import { useCourseList } from '../../../lib/api/courses';
import { useBusyAction } from '../../../lib/use-busy-action';
import type { Cohort, CohortInput } from '../api/cohorts';

/** Create or edit a cohort: name, department, course version, dates and the follow-up delay. */
export function CohortForm({ cohort, submitLabel, onSubmit }: { cohort?: Cohort; submitLabel: string; onSubmit: (input: CohortInput) => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const courses = useCourseList();
  const [dateError, setDateError] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    const input: CohortInput = {
      name: String(form.get('name') ?? '').trim(),
      region: text('region') as CohortInput['region'],
      courseVersionId: text('courseVersionId'),
      startDate: text('startDate'),
      endDate: text('endDate'),
      followUpDays: Number(form.get('followUpDays')),
    };
    const badDates = Boolean(input.startDate && input.endDate && input.endDate < input.startDate);
    setDateError(badDates);
    if (badDates) return;
    await run(() => onSubmit(input));
  }

  const versions = (courses.data ?? []).flatMap((c) => (c.latestPublished ? [{ id: c.latestPublished.id, label: t('trainer.cohortForm.versionOption', { title: c.title, version: c.latestPublished.version }) }] : []));
  const pinned = cohort?.courseVersionId;
  return (
    <form onSubmit={submit} className="card">
      <div className="form-grid">
        <Field label={t('trainer.cohortForm.name')}>{(p) => <input {...p} name="name" required maxLength={160} defaultValue={cohort?.name} />}</Field>
        <SelectField label={t('trainer.cohortForm.region')} name="region" defaultValue={cohort?.region ?? ''} none={t('trainer.cohortForm.noRegion')} keys={regionKeys(i18n)} text={(r) => t(`regions.${r}`)} />
        <Field label={t('trainer.cohortForm.startDate')}>{(p) => <input {...p} name="startDate" type="date" defaultValue={cohort?.startDate ?? ''} />}</Field>
        <Field label={t('trainer.cohortForm.endDate')}>
          {(p) => <input {...p} name="endDate" type="date" defaultValue={cohort?.endDate ?? ''} aria-invalid={dateError || undefined} />}
        </Field>
        <Field label={t('trainer.cohortForm.followUpDays')} hint={t('trainer.cohortForm.followUpHint')}>
          {(p) => <input {...p} name="followUpDays" type="number" inputMode="numeric" required min={0} max={730} step={1} defaultValue={cohort?.followUpDays ?? 90} />}
        </Field>
        <Field label={t('trainer.cohortForm.courseVersion')} hint={t('trainer.cohortForm.courseVersionHint')}>
          {(p) => (
            <select {...p} name="courseVersionId" defaultValue={pinned ?? ''} key={versions.length}>
              <option value="">{t('trainer.cohortForm.latestVersion')}</option>
              {pinned && !versions.some((v) => v.id === pinned) && <option value={pinned}>{t('trainer.cohortForm.pinnedVersion')}</option>}
              {versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
            </select>
          )}
        </Field>
      </div>
      {dateError && <p role="alert" className="form-error">{t('trainer.cohortForm.datesOrder')}</p>}
      <StaffError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('trainer.saving') : submitLabel}</button>
      </div>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { SelectField } from '../../../components/select-field';
import { api, type User } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import { positionTypeKeys, regionKeys } from '../../../components/staff/profile-keys';
import { useSession } from '../../../lib/session';
import { useBusyAction } from '../../../lib/use-busy-action';

/** Rectification: name, legal name for certificates, position, institution, region. Each change is recorded. */
export function ProfileForm({ user, onSaved }: { user: User; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [form, setForm] = useState({
    displayName: user.displayName, legalName: user.legalName ?? '', positionType: user.positionType ?? '', institution: user.institution ?? '', region: user.region ?? '',
  });
  const { busy, error, run } = useBusyAction();
  const [status, setStatus] = useState('');
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await apiCall(() => api.PATCH('/api/users/me', { body: {
        displayName: form.displayName,
        legalName: form.legalName.trim() || null,
        ...(form.positionType ? { positionType: form.positionType as NonNullable<User['positionType']> } : {}),
        ...(form.institution.trim() ? { institution: form.institution } : {}),
        ...(form.region ? { region: form.region as NonNullable<User['region']> } : {}),
      } }));
      // The session's copy of the user (greeting, profile) follows: setLocale saves the unchanged language and keeps
      // the answer. Done this way so the learner's first download carries no extra session code.
      await session.setLocale(user.locale);
      setStatus(t('myData.profile.saved'));
      onSaved();
    });
  }

  return (
    <form onSubmit={save} aria-labelledby="profile-title">
      <h2 id="profile-title">{t('myData.profile.title')}</h2>
      <Field label={t('auth.displayName')}>
        {(p) => <input {...p} required maxLength={120} value={form.displayName} onChange={set('displayName')} autoComplete="nickname" />}
      </Field>
      <Field label={t('myData.profile.legalName')} hint={t('myData.profile.legalNameHint')}>
        {(p) => <input {...p} maxLength={160} value={form.legalName} onChange={set('legalName')} autoComplete="name" />}
      </Field>
      <SelectField label={t('home.positionType')} value={form.positionType} onChange={set('positionType')} none={t('home.notSet')} keys={positionTypeKeys(i18n)} text={(v) => t(`positionTypes.${v}`)} />
      <Field label={t('home.institution')}>
        {(p) => <input {...p} maxLength={160} value={form.institution} onChange={set('institution')} autoComplete="organization" />}
      </Field>
      <SelectField label={t('home.region')} value={form.region} onChange={set('region')} none={t('home.notSet')} keys={regionKeys(i18n)} text={(v) => t(`regions.${v}`)} />
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>{t('myData.profile.save')}</button>
      <p role="status" className="status">{status}</p>
    </form>
  );
}

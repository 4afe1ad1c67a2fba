import type { FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Field } from '../../../components/field';
import { SelectField } from '../../../components/select-field';
import { regionKeys } from '../../../components/staff/profile-keys';
import { StaffError } from '../../../components/staff/staff-error';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useBusyAction } from '../../../lib/use-busy-action';
import type { Account, NewStaff } from '../api/users';

/** A trainer or admin account. The server applies the password policy; its refusals are shown translated. */
export function AccountForm({ onCreate }: { onCreate: (body: NewStaff) => Promise<Account> }) {
  const { t, i18n } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const locale = useContentLanguage();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const optional = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const body: NewStaff = {
      displayName: String(form.get('displayName') ?? '').trim(),
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
      role: form.get('role') === 'admin' ? 'admin' : 'trainer',
      locale,
      region: optional('region') as NewStaff['region'],
      institution: optional('institution'),
    };
    await run(async () => {
      await onCreate(body);
      formElement.reset();
    });
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="account-form-title">
      <h2 id="account-form-title">{t('trainer.admin.accounts.createTitle')}</h2>
      <div className="form-grid">
        <Field label={t('trainer.admin.accounts.name')}>{(p) => <input {...p} name="displayName" required maxLength={120} autoComplete="off" />}</Field>
        <Field label={t('trainer.admin.accounts.email')}>{(p) => <input {...p} name="email" type="email" required maxLength={254} autoComplete="off" />}</Field>
        <Field label={t('trainer.admin.accounts.password')} hint={t('trainer.admin.accounts.passwordHint')}>
          {(p) => <input {...p} name="password" type="password" required minLength={8} maxLength={128} autoComplete="new-password" />}
        </Field>
        <Field label={t('trainer.admin.accounts.role')}>
          {(p) => (
            <select {...p} name="role" defaultValue="trainer">
              <option value="trainer">{t('roles.trainer')}</option>
              <option value="admin">{t('roles.admin')}</option>
            </select>
          )}
        </Field>
        <SelectField label={t('trainer.admin.accounts.region')} name="region" defaultValue="" none={t('trainer.cohortForm.noRegion')} keys={regionKeys(i18n)} text={(r) => t(`regions.${r}`)} />
        <Field label={t('trainer.admin.accounts.institution')}>{(p) => <input {...p} name="institution" maxLength={160} />}</Field>
      </div>
      <StaffError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('trainer.saving') : t('trainer.admin.accounts.create')}</button>
      </div>
    </form>
  );
}

import type { FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import type { ApiSchemas } from '../../../lib/api/api-client';
import { useSession } from '../../../lib/session';
import { useBusyAction } from '../../../lib/use-busy-action';
import { POSITION_TYPES, REGIONS } from '../profile-options';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { SelectField } from '../../../components/select-field';

type RegisterBody = ApiSchemas['RegisterDto'];

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { busy, error, run } = useBusyAction();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const institution = String(form.get('institution') ?? '').trim();
    const body: RegisterBody = {
      inviteCode: String(form.get('inviteCode')).trim(),
      displayName: String(form.get('displayName')).trim(),
      email: String(form.get('email')).trim(),
      password: String(form.get('password')),
      positionType: form.get('positionType') as RegisterBody['positionType'],
      region: form.get('region') as RegisterBody['region'],
      locale: i18n.language === 'en' ? 'en' : 'es',
      ...(institution ? { institution } : {}),
    };
    void run(() => session.register(body));
  }

  return (
    <section className="card narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t('auth.registerTitle')}</h1>
      <p>{t('auth.registerIntro')}</p>
      <form onSubmit={onSubmit}>
        <Field label={t('auth.inviteCode')}>{(p) => <input {...p} name="inviteCode" required autoCapitalize="characters" autoComplete="off" maxLength={40} />}</Field>
        <Field label={t('auth.displayName')}>{(p) => <input {...p} name="displayName" required autoComplete="name" maxLength={120} />}</Field>
        <Field label={t('auth.email')}>{(p) => <input {...p} name="email" type="email" required autoComplete="email" maxLength={254} />}</Field>
        <Field label={t('auth.password')} hint={t('auth.passwordHint')}>{(p) => <input {...p} name="password" type="password" required minLength={8} maxLength={128} autoComplete="new-password" />}</Field>
        <SelectField label={t('auth.positionType')} name="positionType" required defaultValue="" none={t('auth.choose')} keys={POSITION_TYPES} text={(v) => t(`positionTypes.${v}`)} />
        <SelectField label={t('auth.region')} name="region" required defaultValue="" none={t('auth.choose')} keys={REGIONS} text={(v) => t(`regions.${v}`)} />
        <Field label={t('auth.institution')}>{(p) => <input {...p} name="institution" maxLength={160} autoComplete="organization" />}</Field>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('auth.submitting') : t('auth.submitRegister')}</button>
      </form>
      <p><Link to="/login">{t('auth.haveAccount')}</Link></p>
    </section>
  );
}

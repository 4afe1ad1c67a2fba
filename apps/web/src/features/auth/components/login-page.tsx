import type { FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { useSession } from '../../../lib/session';
import { useBusyAction } from '../../../lib/use-busy-action';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  // Set by the sign-out button's navigation; kept in the history entry, so a refresh still says it.
  const signedOut = useHistoryState<{ signedOut?: boolean } | null>()?.signedOut;
  const { busy, error, run } = useBusyAction();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(() => session.signIn(String(form.get('email')), String(form.get('password'))));
  }

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.loginTitle')}</h1>
      {signedOut && <p role="status">{t('auth.signedOut')}</p>}
      <form onSubmit={onSubmit} noValidate={false}>
        <Field label={t('auth.email')}>{(p) => <input {...p} name="email" type="email" autoComplete="username" required maxLength={254} />}</Field>
        <Field label={t('auth.password')}>{(p) => <input {...p} name="password" type="password" autoComplete="current-password" required maxLength={128} />}</Field>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('auth.submitting') : t('auth.submitLogin')}</button>
      </form>
      <p><Link to="/register">{t('auth.noAccount')}</Link></p>
    </section>
  );
}

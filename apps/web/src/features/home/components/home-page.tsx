import type { ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { useSession } from '../../../lib/session';
import { StaffLinks } from './staff-links';

/** The signed-in home: greeting and profile; `children` (the learner's courses) go between them. */
export function HomePage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user) return null;
  const rows: [string, string][] = [
    [t('home.role'), t(`roles.${user.role}`)],
    [t('home.positionType'), user.positionType ? t(`positionTypes.${user.positionType}`) : t('home.notSet')],
    [t('home.institution'), user.institution ?? t('home.notSet')],
    [t('home.region'), user.region ? t(`regions.${user.region}`) : t('home.notSet')],
  ];
  return (
    <section className="card" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.greeting', { name: user.displayName })}</h1>
      <p>{t('home.signedInAs', { email: user.email })}</p>
      <StaffLinks role={user.role} />
      {children}
      {children && <h2>{t('learn.home.profile')}</h2>}
      <dl className="profile">
        {rows.map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      <p><Link to="/my-data">{t('home.myData')}</Link></p>
    </section>
  );
}

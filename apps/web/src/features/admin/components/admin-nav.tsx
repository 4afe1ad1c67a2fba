import { useTranslation } from '../../../lib/i18n';
import { NavLink } from '../../../components/nav-link';

const SECTIONS = ['accounts', 'cohorts', 'content', 'privacy', 'audit'] as const;

export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('trainer.admin.nav')} className="staff-nav">
      <ul>
        {SECTIONS.map((s) => <li key={s}><NavLink to={`/admin/${s}`}>{t(`trainer.admin.sections.${s}`)}</NavLink></li>)}
        <li><NavLink to="/trainer">{t('trainer.area')}</NavLink></li>
      </ul>
    </nav>
  );
}

import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import type { User } from '../../../lib/api/api-client';

/** Trainers and admins start their work from here: the trainer area, and for admins the admin area. */
export function StaffLinks({ role }: { role: User['role'] }) {
  const { t } = useTranslation();
  if (role === 'learner') return null;
  return (
    <nav aria-label={t('home.staffNav')}>
      <ul>
        <li><Link to="/trainer">{t('home.trainerLink')}</Link></li>
        {role === 'admin' && <li><Link to="/admin">{t('home.adminLink')}</Link></li>}
      </ul>
    </nav>
  );
}

import { Link } from 'wouter';
import { useTranslation } from '../../lib/i18n';

/** The way back above a staff page: its parent page's link, then the page itself. */
export function Breadcrumb({ parent, current }: { parent: { to: string; label: string }; current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('trainer.breadcrumbs')} className="breadcrumbs">
      <ol><li><Link to={parent.to}>{parent.label}</Link></li><li aria-current="page">{current}</li></ol>
    </nav>
  );
}

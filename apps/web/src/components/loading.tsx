import { useTranslation } from '../lib/i18n';

export function Loading() {
  const { t } = useTranslation();
  return <p role="status" className="loading">{t('app.loading')}</p>;
}

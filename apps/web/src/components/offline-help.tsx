import { useTranslation } from '../lib/i18n';

/** The honest limits of offline use, on the course page (README "Offline use" says the same). */
export function OfflineHelp() {
  const { t } = useTranslation();
  return (
    <details className="offline-help">
      <summary>{t('learn.offline.helpTitle')}</summary>
      <p>{t('learn.offline.helpRead')}</p>
      <p>{t('learn.offline.helpAnswers')}</p>
      <p>{t('learn.offline.helpLimits')}</p>
      <p>{t('learn.offline.helpKeep')}</p>
    </details>
  );
}

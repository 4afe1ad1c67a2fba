import { useTranslation } from '../lib/i18n';
import { useOnline } from '../lib/offline/connection';
import { useOutboxStatus } from '../lib/offline/offline-store';

/**
 * Under the header on every page: "no connection" while there is none (it goes away by itself when the connection
 * returns) and answers waiting on this phone. One live region, always present, so screen readers hear each change.
 * Answers the server refused are listed in the course player (RefusedAnswers), which has the queue's code.
 */
export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  const { waiting } = useOutboxStatus();
  const text = [!online && t('offline.banner'), waiting > 0 && t('offline.waiting', { count: waiting })].filter(Boolean).join(' ');
  return <div role="status" className={text ? 'offline-notice' : 'offline-notice offline-notice--empty'}>{text}</div>;
}

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../lib/offline/connection';
import { useOutboxStatus } from '../lib/offline/offline-store';
import { loadPlayerStrings } from '../lib/i18n';

// The list of refused answers needs the queue's code and the player's strings: loaded only when there is one.
const RefusedAnswers = lazy(() => Promise.all([import('./refused-answers'), loadPlayerStrings()]).then(([m]) => ({ default: m.RefusedAnswers })));

/**
 * Under the header on every page: "no connection" while there is none (it goes away by itself when the connection
 * returns), answers waiting on this phone, and answers the server refused. One live region, always present, so screen
 * readers hear each change.
 */
export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  const { waiting, rejected } = useOutboxStatus();
  const text = [!online && t('offline.banner'), waiting > 0 && t('offline.waiting', { count: waiting })].filter(Boolean).join(' ');
  return (
    <>
      <div role="status" className={text ? 'offline-notice' : 'offline-notice offline-notice--empty'}>{text}</div>
      {rejected > 0 && (
        <Suspense fallback={null}>
          <RefusedAnswers />
        </Suspense>
      )}
    </>
  );
}

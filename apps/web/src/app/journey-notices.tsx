import { useTranslation } from '../lib/i18n';
import type { DriverState, JourneyDriver } from '../lib/journey/journey-driver';

/**
 * What the learner must know about steps already taken: one the server did not accept (its journey now shows), or
 * steps that met no connection and wait on this page to be sent again. Steps kept in the answer queue on the phone
 * are the queue's to report (the offline notice says how many wait): this page may be closed.
 */
export function JourneyNotices({ state, driver }: { state: DriverState; driver: JourneyDriver }) {
  const { t } = useTranslation();
  return (
    <>
      {state.correction && (
        <div className="notice journey-notice" role="alert">
          <p>{t('learn.journey.corrected', { reason: t(`errors.${state.correction.code}`, { defaultValue: t('errors.CONFLICT') }) })}</p>
          <button type="button" className="secondary" onClick={() => driver.dismissCorrection()}>{t('learn.journey.understood')}</button>
        </div>
      )}
      {state.unsent > 0 && !state.unsentOnPhone && (
        <div className="notice journey-notice" role="status">
          <p>{t('learn.journey.unsent', { count: state.unsent })}</p>
          <button type="button" className="secondary" onClick={() => driver.retry()}>{t('learn.journey.retryNow')}</button>
        </div>
      )}
    </>
  );
}

import { useTranslation } from '../lib/i18n';
import { Link } from 'wouter';
import { useJourney } from '../lib/journey/journey-context';
import { coursePath } from '../lib/journey/step-path';

/** In place of a form whose submission waits on this phone for the connection: what happens next, and a way back. */
export function QueuedNotice({ message }: { message: string }) {
  const { t } = useTranslation();
  const { enrolmentId } = useJourney();
  return (
    <div className="queued-notice">
      <p role="status">{message}</p>
      <p className="back-link"><Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link></p>
    </div>
  );
}

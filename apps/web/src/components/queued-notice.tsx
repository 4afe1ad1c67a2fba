import { useTranslation } from '../lib/i18n';
import { Link } from 'wouter';
import { useJourney } from '../lib/journey/journey-context';
import { coursePath } from '../lib/journey/step-path';
import { PageHeading } from './page-heading';

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

/** A whole step page (quiz, assessment) while its submission waits on this phone: the step's heading and the notice. */
export function QueuedStepPage({ id, title, message }: { id: string; title: string; message: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <PageHeading id={id}>{title}</PageHeading>
      <QueuedNotice message={message} />
    </section>
  );
}

import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useJourney } from '../../../lib/journey/journey-context';
import { consentPath, coursePath } from '../../../lib/journey/step-path';
import { useJourneyAction, useStepGate } from '../../../lib/journey/use-journey-step';

/**
 * Leaving the course ends the journey for good, so it asks once more and says what it means. Before consenting this
 * is declining (nothing was answered yet); afterwards it is withdrawing consent. One machine event either way.
 */
export function WithdrawPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { enrolmentId, view } = useJourney();
  const gate = useStepGate({ kind: 'withdraw' });
  const { run, busy, error } = useJourneyAction();
  const declining = view.consentedAt === null;
  const copy = declining ? 'learn.decline' : 'learn.withdraw';

  if (gate) return <StepUnavailable title={t(`${copy}.title`)} code={gate} />;

  function onConfirm() {
    if (run({ kind: 'withdraw' }).accepted) navigate(coursePath(enrolmentId));
  }

  return (
    <section className="card" aria-labelledby="withdraw-title">
      <PageHeading id="withdraw-title">{t(`${copy}.title`)}</PageHeading>
      <p>{t(`${copy}.intro`)}</p>
      <ul>
        <li>{t(`${copy}.effectData`)}</li>
        <li>{t(`${copy}.effectCourse`)}</li>
        <li>{t(`${copy}.effectFinal`)}</li>
      </ul>
      {declining && <p>{t('learn.decline.alternative')}</p>}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
          {busy ? t('learn.sending') : t(`${copy}.confirm`)}
        </button>
        <Link to={declining ? consentPath(enrolmentId) : coursePath(enrolmentId)}>{t(`${copy}.cancel`)}</Link>
      </div>
    </section>
  );
}

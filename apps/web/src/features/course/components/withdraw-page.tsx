import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useJourney } from '../../../lib/journey/journey-context';
import { coursePath } from '../../../lib/journey/step-path';
import { useSubmission } from '../../../lib/use-submission';
import { withdrawConsent } from '../api/consent';

/** Withdrawing consent ends the journey for good, so it asks once more and says what it means. */
export function WithdrawPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { enrolmentId, view, accept, refresh } = useJourney();
  const { submit, busy, error } = useSubmission({ onRejected: refresh });

  if (view.stage === 'withdrawn' || view.stage === 'done' || view.consentedAt === null) {
    return <StepUnavailable title={t('learn.withdraw.title')} reason={t(view.stage === 'withdrawn' ? 'learn.unavailable.withdrawn' : 'learn.withdraw.notPossible')} />;
  }

  async function onConfirm() {
    const result = await submit({ withdraw: enrolmentId }, (key) => withdrawConsent(enrolmentId, key));
    if (!result) return;
    accept(result.journey);
    navigate(coursePath(enrolmentId));
  }

  return (
    <section className="card" aria-labelledby="withdraw-title">
      <PageHeading id="withdraw-title">{t('learn.withdraw.title')}</PageHeading>
      <p>{t('learn.withdraw.intro')}</p>
      <ul>
        <li>{t('learn.withdraw.effectData')}</li>
        <li>{t('learn.withdraw.effectCourse')}</li>
        <li>{t('learn.withdraw.effectFinal')}</li>
      </ul>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="danger" onClick={() => void onConfirm()} disabled={busy}>
          {busy ? t('learn.sending') : t('learn.withdraw.confirm')}
        </button>
        <Link to={coursePath(enrolmentId)}>{t('learn.withdraw.cancel')}</Link>
      </div>
    </section>
  );
}

import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useJourney } from '../../../lib/journey/journey-context';
import { coursePath } from '../../../lib/journey/step-path';
import { useStepGate } from '../../../lib/journey/use-journey-step';
import { formatDate, useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { getCertificate } from '../api/certificate-api';
import { ActionPlanSummary } from './action-plan-summary';
import { CertificateCard } from './certificate-card';

/** The end of the course: the certificate, and when the follow-up questionnaire comes. */
export function CompletionPage() {
  const { t, i18n } = useTranslation();
  const lang = useContentLanguage();
  const { enrolmentId, view, driver } = useJourney();
  const gate = useStepGate({ kind: 'certificate' });
  const followUp = useStepGate({ kind: 'followUp' });
  const available = gate === null;
  const certificate = useQuery(async () => {
    if (!available) return null;
    // The server issues the certificate with the step that completes the course: let that step land first.
    await driver.settled();
    return getCertificate(enrolmentId, lang);
  }, [enrolmentId, lang, available]);

  if (gate) return <StepUnavailable title={t('learn.certificate.title')} code={gate} />;
  return (
    <section className="card" aria-labelledby="completion-title">
      <PageHeading id="completion-title">{t('learn.certificate.congratulations')}</PageHeading>
      <p>{t('learn.certificate.intro')}</p>
      {certificate.data ? (
        <CertificateCard enrolmentId={enrolmentId} certificate={certificate.data} />
      ) : certificate.error ? (
        <ErrorMessage error={certificate.error} />
      ) : (
        <Loading />
      )}
      <ActionPlanSummary enrolmentId={enrolmentId} />
      <h2>{t('learn.followUp.title')}</h2>
      {followUp === 'FOLLOW_UP_NOT_OPEN' && view.followUpOpensAt !== null && (
        <p>{t('learn.followUp.notYet', { date: formatDate(view.followUpOpensAt, i18n.language) })}</p>
      )}
      {followUp === null && (
        <p>
          {t('learn.followUp.open')}{' '}
          <Link className="primary button-link" to={`/learn/${enrolmentId}/follow-up`}>{t('learn.followUp.start')}</Link>
        </p>
      )}
      {followUp === 'ALREADY_SUBMITTED' && <p>{t('learn.followUp.thanks')}</p>}
      <p><Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link></p>
    </section>
  );
}

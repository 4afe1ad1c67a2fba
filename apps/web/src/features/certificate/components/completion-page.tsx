import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useJourney } from '../../../lib/journey/journey-context';
import { coursePath } from '../../../lib/journey/step-path';
import { formatDate, useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { getCertificate } from '../api/certificate-api';
import { ActionPlanSummary } from './action-plan-summary';
import { CertificateCard } from './certificate-card';

/** The end of the course: the certificate, and when the follow-up questionnaire comes. */
export function CompletionPage() {
  const { t, i18n } = useTranslation();
  const lang = useContentLanguage();
  const { enrolmentId, view } = useJourney();
  const available = view.certificateAvailable;
  const certificate = useQuery(() => (available ? getCertificate(enrolmentId, lang) : Promise.resolve(null)), [enrolmentId, lang, available]);

  if (!available) return <StepUnavailable title={t('learn.certificate.title')} reason={t('learn.certificate.notYet')} />;
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
      {view.stage === 'completed' && view.followUpOpensAt !== null && (
        <p>{t('learn.followUp.notYet', { date: formatDate(view.followUpOpensAt, i18n.language) })}</p>
      )}
      {view.stage === 'followUp' && (
        <p>
          {t('learn.followUp.open')}{' '}
          <Link className="primary button-link" to={`/learn/${enrolmentId}/follow-up`}>{t('learn.followUp.start')}</Link>
        </p>
      )}
      {view.stage === 'done' && <p>{t('learn.followUp.thanks')}</p>}
      <p><Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link></p>
    </section>
  );
}

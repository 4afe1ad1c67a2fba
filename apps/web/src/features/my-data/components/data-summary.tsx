import { useTranslation } from '../../../lib/i18n';
import type { MyData } from '../api/my-data-api';

/** What is held, in a sentence per enrolment: the downloads have every value. */
export function DataSummary({ data }: { data: MyData }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="held-title">
      <h2 id="held-title">{t('myData.held.title')}</h2>
      <ul>
        <li>{t('myData.held.profile', { count: data.profileChanges.length })}</li>
        {data.enrolments.map((e) => (
          <li key={e.id}>
            {t('myData.held.enrolment', {
              cohort: e.cohortName,
              attempts: e.attempts.length,
              answers: e.attempts.reduce((n, a) => n + a.answers.length, 0),
              consents: e.consentHistory.length,
            })}
            {' '}{e.evaluationUse === null ? t('myData.held.noConsent') : t(e.evaluationUse ? 'myData.held.evaluation' : 'myData.held.courseOnly')}
            {e.actionPlan && ` ${t('myData.held.actionPlan')}`}
            {e.certificate && ` ${t('myData.held.certificate', { name: e.certificate.learnerName })}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

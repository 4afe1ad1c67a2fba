import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { useQuery } from '../../../lib/use-query';
import { getActionPlan } from '../api/certificate-api';

/** The learner's own commitments, shown back at the end of the course (nobody else ever sees them). */
export function ActionPlanSummary({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation();
  const plan = useQuery(() => getActionPlan(enrolmentId), [enrolmentId]);
  if (plan.error) return <ErrorMessage error={plan.error} />;
  // No plan, nothing to show back (a course version pinned before the action plan existed has no field for it).
  if (!plan.data?.commitments) return null;
  return (
    <section aria-labelledby="action-plan-summary-title">
      <h2 id="action-plan-summary-title">{t('learn.actionPlan.yourPlan')}</h2>
      <p>{t('learn.actionPlan.completionIntro')}</p>
      <ol className="action-plan-list">
        {plan.data.commitments.map((text, index) => <li key={index}>{text}</li>)}
      </ol>
    </section>
  );
}

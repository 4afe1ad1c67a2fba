import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ChoiceQuestion } from '../../../components/choice-question';
import { ErrorMessage } from '../../../components/error-message';
import { useQuery } from '../../../lib/use-query';
import { useSubmission } from '../../../lib/use-submission';
import { type FollowUpStatus, getActionPlan, saveActionPlanFollowUp } from '../api/assessment-api';

const STATUSES: FollowUpStatus[] = ['done', 'partly', 'not_yet'];

/** At follow-up: each of the learner's own commitments with "¿Cumplió lo que se propuso?" (Sí / En parte / Todavía no). */
export function ActionPlanReview({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation();
  const plan = useQuery(() => getActionPlan(enrolmentId), [enrolmentId]);
  const { submit, busy, error } = useSubmission();
  const [answers, setAnswers] = useState<(FollowUpStatus | undefined)[]>([]);
  const [saved, setSaved] = useState(false);
  const [incomplete, setIncomplete] = useState(false);

  useEffect(() => {
    if (plan.data?.followUpStatus) setAnswers(plan.data.followUpStatus);
  }, [plan.data]);

  if (plan.error) return <ErrorMessage error={plan.error} />;
  const commitments = plan.data?.commitments;
  if (!commitments) return null;

  function choose(index: number, status: FollowUpStatus) {
    setAnswers((current) => commitments!.map((_, i) => (i === index ? status : current[i])));
    setSaved(false);
    setIncomplete(false);
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const status = commitments!.map((_, i) => answers[i]);
    if (status.some((s) => s === undefined)) {
      setIncomplete(true);
      return;
    }
    const result = await submit({ actionPlanFollowUp: status }, () => saveActionPlanFollowUp(enrolmentId, status as FollowUpStatus[]));
    if (result) setSaved(true);
  }

  return (
    <form className="action-plan" aria-labelledby="action-plan-review-title" onSubmit={(event) => void onSave(event)} noValidate>
      <h2 id="action-plan-review-title">{t('learn.actionPlan.review.title')}</h2>
      <p>{t('learn.actionPlan.review.intro')}</p>
      {commitments.map((text, index) => (
        <ChoiceQuestion
          key={index}
          name={`action-plan-${index}`}
          counter={t('learn.actionPlan.commitment', { number: index + 1 })}
          prompt={text}
          type="single"
          options={STATUSES.map((status) => ({ key: status, text: t(`learn.actionPlan.review.${status}`) }))}
          value={answers[index] ? [answers[index]] : []}
          onChange={([status]) => choose(index, status as FollowUpStatus)}
        />
      ))}
      {incomplete && <p role="alert" className="form-error">{t('learn.actionPlan.review.incomplete')}</p>}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={busy}>{busy ? t('learn.sending') : t('learn.actionPlan.review.save')}</button>
      </div>
      <p role="status" className="save-status">{saved ? t('learn.actionPlan.review.saved') : ''}</p>
    </form>
  );
}

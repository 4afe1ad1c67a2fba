import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { useQuery } from '../../../lib/use-query';
import { useSubmission } from '../../../lib/use-submission';
import { getActionPlan, saveActionPlan } from '../api/lesson-api';

export const COMMITMENT_MAX_CHARS = 500;
const EMPTY = ['', '', ''];

/**
 * The closing lesson's private action plan: three commitments, saved for the learner alone (reports only count them).
 * `closed`: the journey's reason why the plan cannot be saved now (libs/journey), shown instead of the save button.
 */
export function ActionPlanForm({ enrolmentId, closed = null }: { enrolmentId: string; closed?: string | null }) {
  const { t } = useTranslation();
  const plan = useQuery(() => getActionPlan(enrolmentId), [enrolmentId]);
  const { submit, busy, error } = useSubmission();
  const [texts, setTexts] = useState<string[]>(EMPTY);
  const [saved, setSaved] = useState(false);
  const [incomplete, setIncomplete] = useState(false);

  useEffect(() => {
    if (plan.data?.commitments) setTexts(plan.data.commitments);
  }, [plan.data]);

  if (!plan.data) return plan.error ? <ErrorMessage error={plan.error} /> : <Loading />;

  function edit(index: number, value: string) {
    setTexts((current) => current.map((text, i) => (i === index ? value : text)));
    setSaved(false);
    setIncomplete(false);
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const commitments = texts.map((text) => text.trim());
    if (commitments.some((text) => text.length === 0)) {
      setIncomplete(true);
      return;
    }
    const result = await submit({ actionPlan: commitments }, () => saveActionPlan(enrolmentId, commitments));
    if (result) setSaved(true);
  }

  return (
    <form className="action-plan" aria-labelledby="action-plan-title" onSubmit={(event) => void onSave(event)} noValidate>
      <h2 id="action-plan-title">{t('learn.actionPlan.title')}</h2>
      <p>{t('learn.actionPlan.intro')}</p>
      {texts.map((text, index) => (
        <Field key={index} label={t('learn.actionPlan.commitment', { number: index + 1 })} hint={t('learn.actionPlan.hint', { count: COMMITMENT_MAX_CHARS - text.length })}>
          {(props) => (
            <textarea {...props} rows={3} maxLength={COMMITMENT_MAX_CHARS} value={text} onChange={(event) => edit(index, event.target.value)} />
          )}
        </Field>
      ))}
      {incomplete && <p role="alert" className="form-error">{t('learn.actionPlan.incomplete')}</p>}
      <ErrorMessage error={error} />
      <div className="actions">
        {closed ? (
          <p className="muted">{t(`errors.${closed}`)}</p>
        ) : (
          <button type="submit" className="secondary" disabled={busy}>{busy ? t('learn.sending') : t('learn.actionPlan.save')}</button>
        )}
      </div>
      <p role="status" className="save-status">{saved ? t('learn.actionPlan.saved') : ''}</p>
    </form>
  );
}

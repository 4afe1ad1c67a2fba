import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { useSubmission } from '../../../lib/use-submission';
import { changeEvaluationUse } from '../api/change-evaluation-use';

/** What the learner chose at consent (evaluation use or course only), and the way to change it at any time. */
export function EvaluationUseChoice({ enrolmentId, initial }: { enrolmentId: string; initial: boolean }) {
  const { t } = useTranslation();
  const [evaluationUse, setEvaluationUse] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { submit, busy, error } = useSubmission();

  async function toggle() {
    const next = !evaluationUse;
    const result = await submit({ evaluationUse: enrolmentId, next }, (key) => changeEvaluationUse(enrolmentId, next, key));
    if (result) {
      setEvaluationUse(next);
      setSaved(true);
    }
  }

  return (
    <div className="evaluation-use">
      <p className="muted">{evaluationUse ? t('learn.myCourses.evaluationOn') : t('learn.myCourses.evaluationOff')}</p>
      <button type="button" className="secondary" onClick={() => void toggle()} disabled={busy}>
        {evaluationUse ? t('learn.myCourses.switchOff') : t('learn.myCourses.switchOn')}
      </button>
      {saved && <p role="status">{t('learn.myCourses.changed')}</p>}
      <ErrorMessage error={error} />
    </div>
  );
}

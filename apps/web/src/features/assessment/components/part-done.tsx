import { useEffect, useRef } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { ContinueLink } from '../../../components/continue-link';
import { useJourney } from '../../../lib/journey/journey-context';
import { coursePath } from '../../../lib/journey/step-path';
import { useStepLabel } from '../../../lib/journey/use-step-label';

/** Between two parts of the final assessment: a break, what is left (the machine's next step), go on or stop for now. */
export function PartDone({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  const { enrolmentId, view } = useJourney();
  const stepLabel = useStepLabel();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="result result--passed">
      <h2 ref={ref} tabIndex={-1}>{t('learn.assessment.partDone', { done, total })}</h2>
      <p role="status">{t('learn.assessment.nextPart', { step: stepLabel(view.nextStep) })}</p>
      <p className="muted">{t('learn.assessment.laterHint')}</p>
      <ContinueLink label={t('learn.assessment.goOn')} />
      <p className="back-link"><Link to={coursePath(enrolmentId)}>{t('learn.assessment.later')}</Link></p>
    </div>
  );
}

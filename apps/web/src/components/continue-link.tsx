import { useTranslation } from '../lib/i18n';
import { Link } from 'wouter';
import { useJourney } from '../lib/journey/journey-context';
import { stepPath } from '../lib/journey/step-path';

/** "Continue" to whatever the journey says comes next (nothing once withdrawn). */
export function ContinueLink({ label }: { label?: string }) {
  const { t } = useTranslation();
  const { enrolmentId, view } = useJourney();
  if (view.nextStep.kind === 'withdrawn') return null;
  return (
    <Link className="primary button-link" to={stepPath(enrolmentId, view.nextStep)}>
      {label ?? t('learn.course.continue')}
    </Link>
  );
}

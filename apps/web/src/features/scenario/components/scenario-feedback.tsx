import { useTranslation } from '../../../lib/i18n';
import type { ScenarioStep } from '../api/scenario-api';
import { ScreenHeading } from './screen-heading';

const QUALITY = ['harmful', 'partial', 'rights'] as const;

/** What the learner's decision led to, read before moving on. */
export function ScenarioFeedback({ step, onContinue }: { step: ScenarioStep; onContinue(): void }) {
  const { t } = useTranslation();
  const quality = QUALITY[Math.max(0, Math.min(2, step.points))]!;
  return (
    <div className="scenario-feedback">
      <ScreenHeading focus>{t('learn.scenario.feedbackTitle')}</ScreenHeading>
      <p>
        <strong>{t('learn.scenario.youChose')}</strong> {step.choiceText}
      </p>
      <div aria-live="polite" className={`feedback feedback--${quality}`}>
        <p className="feedback__quality">{t(`learn.scenario.quality.${quality}`)}</p>
        {step.critical && <p className="verdict verdict--wrong"><strong>{t('learn.scenario.critical')}</strong></p>}
        <p>{step.feedback}</p>
      </div>
      <button type="button" className="primary" onClick={onContinue}>
        {t('learn.scenario.continue')}
      </button>
    </div>
  );
}

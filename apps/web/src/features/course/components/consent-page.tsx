import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Markdown } from '../../../components/markdown';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { ChoiceQuestion } from '../../../components/choice-question';
import { ContinueLink } from '../../../components/continue-link';
import { useJourney } from '../../../lib/journey/journey-context';
import { stepPath } from '../../../lib/journey/step-path';
import { formatDate } from '../../../lib/use-content-language';
import { useSubmission } from '../../../lib/use-submission';
import { giveConsent } from '../api/consent';

/** The outline's informed-consent text and the learner's decision: course with evaluation, or course only. */
export function ConsentPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const { enrolmentId, outline, view, accept, refresh } = useJourney();
  const { submit, busy, error } = useSubmission({ onRejected: refresh });
  const [choice, setChoice] = useState<'evaluation' | 'courseOnly' | null>(null);

  if (view.stage === 'withdrawn') return <StepUnavailable title={outline.consent.title} reason={t('learn.unavailable.withdrawn')} />;

  async function onAccept() {
    if (!choice) return;
    const evaluationUse = choice === 'evaluation';
    const result = await submit({ consent: enrolmentId, evaluationUse }, (key) => giveConsent(enrolmentId, evaluationUse, key));
    if (result) navigate(stepPath(enrolmentId, accept(result.journey).nextStep));
  }

  return (
    <article className="card" aria-labelledby="consent-title">
      <PageHeading id="consent-title">{outline.consent.title}</PageHeading>
      <Markdown source={outline.consent.body} />
      {view.consentedAt !== null ? (
        <div className="actions">
          <p role="status">{t('learn.consent.given', { date: formatDate(view.consentedAt, i18n.language) })}</p>
          <ContinueLink />
        </div>
      ) : (
        <div className="actions">
          <ChoiceQuestion
            name="evaluation-use"
            prompt={t('learn.consent.choose')}
            type="single"
            options={(['evaluation', 'courseOnly'] as const).map((key) => ({ key, text: outline.consent.choices[key] }))}
            value={choice ? [choice] : []}
            onChange={([key]) => setChoice(key === 'evaluation' ? 'evaluation' : 'courseOnly')}
          />
          <ErrorMessage error={error} />
          <button type="button" className="primary" onClick={() => void onAccept()} disabled={busy || !choice}>
            {busy ? t('learn.sending') : t('learn.consent.accept')}
          </button>
          <Link to="/">{t('learn.consent.notNow')}</Link>
        </div>
      )}
    </article>
  );
}

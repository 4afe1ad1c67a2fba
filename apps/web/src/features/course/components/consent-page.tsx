import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Markdown } from '../../../components/markdown';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { ChoiceQuestion } from '../../../components/choice-question';
import { ContinueLink } from '../../../components/continue-link';
import { useJourney } from '../../../lib/journey/journey-context';
import { stepPath, withdrawPath } from '../../../lib/journey/step-path';
import { useJourneyAction, useStepGate } from '../../../lib/journey/use-journey-step';
import { formatDate } from '../../../lib/use-content-language';

/** The outline's informed-consent text and the learner's decision: course with evaluation, course only, or not at all. */
export function ConsentPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const { enrolmentId, outline, view } = useJourney();
  const gate = useStepGate({ kind: 'consent' });
  const declinable = useStepGate({ kind: 'withdraw' }) === null;
  const { run, busy, error } = useJourneyAction();
  const [choice, setChoice] = useState<'evaluation' | 'courseOnly' | null>(null);

  // Already given: the page shows when (the text stays readable); any other reason closes it.
  if (gate && gate !== 'ALREADY_SUBMITTED') return <StepUnavailable title={outline.consent.title} code={gate} />;

  function onAccept() {
    if (!choice) return;
    const started = run({ kind: 'consent', evaluationUse: choice === 'evaluation' });
    if (started.accepted) navigate(stepPath(enrolmentId, started.view.nextStep));
  }

  return (
    <article className="card" aria-labelledby="consent-title">
      <PageHeading id="consent-title">{outline.consent.title}</PageHeading>
      <Markdown tree={outline.consent.body} />
      {gate === 'ALREADY_SUBMITTED' ? (
        <div className="actions">
          <p role="status">{t('learn.consent.given', { date: formatDate(view.consentedAt ?? Date.now(), i18n.language) })}</p>
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
          <button type="button" className="primary" onClick={onAccept} disabled={busy || !choice}>
            {busy ? t('learn.sending') : t('learn.consent.accept')}
          </button>
          <Link to="/">{t('learn.consent.notNow')}</Link>
          {declinable && <p className="discreet"><Link to={withdrawPath(enrolmentId)}>{t('learn.decline.link')}</Link></p>}
        </div>
      )}
    </article>
  );
}

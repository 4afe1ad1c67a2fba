import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { ContinueLink } from '../../../components/continue-link';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useJourney } from '../../../lib/journey/journey-context';
import { useJourneyAction, useStepGate } from '../../../lib/journey/use-journey-step';
import { formatDate, useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { getAttitudeInstrument, getKnowledgeTest, getPracticeQuestionnaire } from '../api/assessment-api';
import { ActionPlanReview } from './action-plan-review';
import { Questionnaire } from './questionnaire';

/**
 * The follow-up months after completion: the questions about practice at work (when the course version has them; asked
 * first, before the tests can remind anyone of the "right" practice), the knowledge test, then the opinion
 * questionnaire, all sent together.
 */
export function FollowUpPage() {
  const { t, i18n } = useTranslation();
  const lang = useContentLanguage();
  const { enrolmentId, view, driver } = useJourney();
  const gate = useStepGate({ kind: 'followUp' });
  const { run, busy, error } = useJourneyAction();
  const [practice, setPractice] = useState<Record<string, string> | null>(null);
  const [knowledge, setKnowledge] = useState<Record<string, unknown> | null>(null);
  const [finished, setFinished] = useState(false);
  const content = useQuery(async () => {
    if (gate !== null) return null;
    await driver.settled(); // the server picks the follow-up's option order by the stage it holds
    return {
      practice: (await getPracticeQuestionnaire(enrolmentId, lang)).questionnaire,
      test: await getKnowledgeTest(enrolmentId, lang),
      instrument: await getAttitudeInstrument(enrolmentId, lang),
    };
  }, [enrolmentId, lang, gate === null]);
  const title = t('learn.followUp.title');

  // Sent (here, or before): thanks, and the look back at the action plan stays open.
  if (finished || gate === 'ALREADY_SUBMITTED') {
    return (
      <section className="card" aria-labelledby="follow-up-title">
        <PageHeading id="follow-up-title">{title}</PageHeading>
        <p role="status">{t('learn.followUp.thanks')}</p>
        <ActionPlanReview enrolmentId={enrolmentId} />
        <ContinueLink label={t('learn.course.seeCertificate')} />
      </section>
    );
  }
  if (gate) {
    return (
      <StepUnavailable title={title} code={gate}>
        {gate === 'FOLLOW_UP_NOT_OPEN' && view.followUpOpensAt !== null && <p>{t('learn.followUp.notYet', { date: formatDate(view.followUpOpensAt, i18n.language) })}</p>}
      </StepUnavailable>
    );
  }
  if (!content.data) return content.error ? <ErrorMessage error={content.error} /> : <Loading />;
  const { test, instrument, practice: questionnaire } = content.data;
  const step = questionnaire && practice === null ? 'practice' : knowledge === null ? 'knowledge' : 'attitude';
  const heading = step === 'practice' ? questionnaire!.title : step === 'knowledge' ? test.title : instrument.title;
  const instructions = step === 'practice' ? questionnaire!.instructions : step === 'knowledge' ? test.instructions : instrument.instructions;

  async function sendAll(attitude: Record<string, unknown>): Promise<boolean> {
    const started = run({ kind: 'followUp', knowledge: knowledge ?? {}, attitude, ...(practice ? { practice } : {}) });
    if (started.accepted) setFinished(true);
    return started.accepted;
  }

  // The first parts are only kept here; everything is sent at once with the last (the attitude instrument).
  const keepFor = (keep: (answers: Record<string, string>) => void) => ({
    busy: false,
    error: null,
    onSubmit: async (answers: Record<string, unknown>) => {
      keep(answers as Record<string, string>);
      return true;
    },
  });

  return (
    <section className="card" aria-labelledby="follow-up-title">
      <PageHeading id="follow-up-title" focusKey={step}>
        {title}: {heading}
      </PageHeading>
      {step === (questionnaire ? 'practice' : 'knowledge') && <ActionPlanReview enrolmentId={enrolmentId} />}
      <p className="instructions">{instructions}</p>
      <Questionnaire
        key={`followup-${step}`}
        enrolmentId={enrolmentId}
        draftTarget={`followup-${step}`}
        {...(step === 'practice'
          ? { source: { kind: 'practice', questionnaire: questionnaire! }, submitLabel: t('learn.followUp.toKnowledge'), ...keepFor(setPractice) }
          : step === 'knowledge'
            ? { source: { kind: 'knowledge', test }, submitLabel: t('learn.followUp.toAttitude'), ...keepFor(setKnowledge) }
            : { source: { kind: 'attitude', instrument }, submitLabel: t('learn.assessment.submit'), busy, error, onSubmit: sendAll })}
      />
    </section>
  );
}

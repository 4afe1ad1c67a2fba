import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation, useParams } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { QueuedStepPage } from '../../../components/queued-notice';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useQueued } from '../../../lib/offline/use-queued';
import { useJourney } from '../../../lib/journey/journey-context';
import type { Grade } from '../../../lib/journey/journey-types';
import { coursePath, stepPath } from '../../../lib/journey/step-path';
import type { Submission } from '../../../lib/journey/journey-submit';
import { useJourneyAction, useStepGate } from '../../../lib/journey/use-journey-step';
import { formatDate, useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { getAttitudeInstrument, getKnowledgeTest, type Part, type Wave } from '../api/assessment-api';
import { KnowledgeResult } from './knowledge-result';
import { PartDone } from './part-done';
import { type Instrument, Questionnaire } from './questionnaire';

const PARTS: Record<Wave, Part[]> = { pre: ['knowledge', 'attitude'], post: ['knowledge', 'attitude', 'then'] };

/** A study's waitlist answers the initial assessment twice: say plainly why, each time. */
function WaitlistWhy({ first, opensAt }: { first: boolean; opensAt: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="notice waitlist-why" role="note" aria-labelledby="waitlist-why-title">
      <h2 id="waitlist-why-title">{t('learn.waitlist.whyTitle')}</h2>
      <p>{first ? t('learn.waitlist.first', { date: formatDate(opensAt, i18n.language) }) : t('learn.waitlist.second')}</p>
    </div>
  );
}

/** The pre- or post-assessment, one part per page: knowledge test, opinion questionnaire, or the then-test. */
export function AssessmentPage() {
  const params = useParams();
  const wave = params.wave as Wave;
  const part = params.part as Part;
  const valid = PARTS[wave]?.includes(part) ?? false;
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const lang = useContentLanguage();
  const { enrolmentId, view, driver } = useJourney();
  const step = wave === 'pre' ? { kind: 'assessment', wave, part: part as 'knowledge' | 'attitude' } as const : { kind: 'assessment', wave: 'post', part } as const;
  const gate = useStepGate(step);
  const { run, busy, error } = useJourneyAction();
  const [result, setResult] = useState<Grade | null>(null);
  /** This page took its step and waits for the server's grading: the journey has moved on, the page stays. */
  const [taken, setTaken] = useState(false);
  /** The part just submitted, when a break screen follows it (the page is reused for the next part, so keyed by part). */
  const [doneWith, setDoneWith] = useState<string | null>(null);
  const content = useQuery<Instrument | null>(async () => {
    if (!valid) return null;
    // The server orders the options by the stage it holds: let the steps already taken reach it first.
    await driver.settled();
    return part === 'knowledge'
      ? { kind: 'knowledge', test: await getKnowledgeTest(enrolmentId, lang) }
      : { kind: 'attitude', instrument: await getAttitudeInstrument(enrolmentId, lang) };
  }, [enrolmentId, part, lang, valid]);

  // Answers kept on this phone (offline, or a browser closed before they went): a notice instead of the form; the
  // final test's explained result when the queue delivers them.
  const queued = useQueued<{ grade?: Grade }>(enrolmentId, `${wave}-${part}`, (response) => {
    if (wave === 'post' && part === 'knowledge' && response.grade) setResult(response.grade);
  });

  const waveTitle = t(`learn.assessment.${wave === 'pre' ? 'preTitle' : 'postTitle'}`);
  if (!valid) return <StepUnavailable title={t('learn.unavailable.title')} code="UNKNOWN_ITEM" />;

  const source = content.data;
  const partTitle =
    part === 'then' ? t('learn.assessment.thenTitle') : source?.kind === 'knowledge' ? source.test.title : source?.kind === 'attitude' ? source.instrument.title : '';
  const title = partTitle ? `${waveTitle}: ${partTitle}` : waveTitle;
  // Which part of the wave this is, from what the machine recorded (it accepts the parts in any order).
  const parts = wave === 'pre' ? view.pre : view.post;
  const total = parts.done.length + parts.pending.length;
  const partNumber = (parts.done as string[]).includes(part) ? parts.done.length : parts.done.length + 1;

  if (doneWith === `${wave}-${part}`) {
    return (
      <section className="card" aria-labelledby="assessment-title">
        <PageHeading id="assessment-title">{waveTitle}</PageHeading>
        <PartDone done={parts.done.length} total={total} />
      </section>
    );
  }

  if (result && source?.kind === 'knowledge') {
    return (
      <section className="card" aria-labelledby="assessment-title">
        <PageHeading id="assessment-title">{title}</PageHeading>
        <KnowledgeResult grade={result} test={source.test} />
        {view.stage === 'postAssessment' && <p className="back-link"><Link to={coursePath(enrolmentId)}>{t('learn.assessment.later')}</Link></p>}
      </section>
    );
  }

  if (queued.waiting && !taken) {
    return <QueuedStepPage id="assessment-title" title={title} message={t('learn.offline.queued')} />;
  }
  if (gate && !taken) return <StepUnavailable title={waveTitle} code={gate} />;
  if (!source) return content.error ? <ErrorMessage error={content.error} /> : <Loading />;

  const instructions =
    source.kind === 'knowledge' ? source.test.instructions
      : source.kind === 'practice' ? source.questionnaire.instructions
        : part === 'then' ? source.instrument.thenTestInstructions ?? '' : source.instrument.instructions;
  const withReminder: Instrument = source.kind === 'attitude' && part === 'then' ? { ...source, reminder: t('learn.assessment.thenReminder') } : source;

  async function onSubmit(answers: Record<string, unknown>): Promise<boolean> {
    const submission = { kind: 'assessment', wave, part, answers } as Extract<Submission, { kind: 'assessment' }>;
    const started = run(submission);
    if (!started.accepted) return false;
    if (wave === 'post' && part === 'knowledge') {
      // The final test shows its explained result: that waits for the server's grading.
      setTaken(true);
      const outcome = await started.outcome;
      if (outcome.status === 'sent' && outcome.result.grade) setResult(outcome.result.grade);
      else setTaken(false);
      // Kept on this phone: the queue holds the answers now (the draft must not outlive them).
      return outcome.status === 'sent' || (outcome.status === 'unsent' && outcome.error.code === 'SAVED_ON_PHONE');
    }
    // Otherwise the path moves on at once; the answers reach the server in order behind the scenes.
    const next = started.view;
    // The end of the course comes in separate screens, with a break between parts (the learner may stop there).
    if (wave === 'post' && next.stage === 'postAssessment') setDoneWith(`${wave}-${part}`);
    else navigate(stepPath(enrolmentId, next.nextStep));
    return true;
  }

  return (
    <section className="card" aria-labelledby="assessment-title">
      <PageHeading id="assessment-title">{title}</PageHeading>
      {wave === 'pre' && view.waitlist && <WaitlistWhy first={view.stage === 'baseline'} opensAt={view.waitlist.secondBaselineAt} />}
      {total > 1 && <p className="crumbs">{t('learn.assessment.partOf', { number: partNumber, total })}</p>}
      <p className="instructions">{instructions}</p>
      <Questionnaire
        enrolmentId={enrolmentId}
        draftTarget={`${wave}-${part}`}
        source={withReminder}
        submitLabel={t('learn.assessment.submit')}
        busy={busy}
        error={error ?? queued.refusedError}
        refused={queued.refused?.submission.kind === 'assessment' ? queued.refused.submission.answers : undefined}
        onSubmit={onSubmit}
        onPause={() => navigate(coursePath(enrolmentId))}
      />
      <p className="back-link"><Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link></p>
    </section>
  );
}

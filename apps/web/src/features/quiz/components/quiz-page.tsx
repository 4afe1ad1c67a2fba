import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { ChoiceQuestion } from '../../../components/choice-question';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { SaveStatus } from '../../../components/save-status';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useJourney } from '../../../lib/journey/journey-context';
import type { Grade } from '../../../lib/journey/journey-types';
import { findModule } from '../../../lib/journey/outline-lookup';
import { coursePath } from '../../../lib/journey/step-path';
import { useContentLanguage } from '../../../lib/use-content-language';
import { optionKeysOf, useDraft } from '../../../lib/use-draft';
import { useQuery } from '../../../lib/use-query';
import { AnswerStateNote } from '../../../components/answer-state-note';
import { QueuedNotice } from '../../../components/queued-notice';
import { useQueued, useQueuedSubmission } from '../../../lib/offline/use-queued';
import { getQuiz, submitQuiz, type SubmissionResult } from '../api/quiz-api';
import { OptionFeedback, QuestionVerdict } from './option-feedback';
import { PreviousAttempt } from './previous-attempt';
import { QuizResult } from './quiz-result';
import { QuizReview } from './quiz-review';

/** A module's quiz: answers autosaved, graded by the server, feedback on every chosen option, limited attempts. */
export function QuizPage() {
  const { moduleKey = '' } = useParams();
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const { enrolmentId, outline, view, accept, refresh } = useJourney();
  const { submit, busy, error } = useQueuedSubmission({ onRejected: refresh });
  const found = findModule(outline, moduleKey);
  const progress = view.modules.find((m) => m.key === moduleKey);
  const [round, setRound] = useState(0);
  // Each attempt is fetched anew: the server shows its options in that attempt's own order.
  const quiz = useQuery(() => (found ? getQuiz(enrolmentId, moduleKey, lang) : Promise.resolve(null)), [enrolmentId, moduleKey, lang, Boolean(found), round]);
  const draft = useDraft(enrolmentId, `quiz-${moduleKey}`);
  const [grade, setGrade] = useState<Grade | null>(null);
  /** The failed attempt before this one: its feedback stays visible while retrying. */
  const [previous, setPrevious] = useState<Grade | null>(null);
  const [missing, setMissing] = useState(0);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (grade) resultRef.current?.focus();
  }, [grade]);
  /** Graded by the server: at once, or when the queue delivers answers given offline (then the result shows here). */
  function graded(response: SubmissionResult) {
    draft.markSubmitted();
    accept(response.journey);
    setGrade(response.grade ?? null);
  }
  const queued = useQueued<SubmissionResult>(enrolmentId, `quiz-${moduleKey}`, graded);
  const restored = useRef(false);
  const { loaded: draftLoaded, restore } = draft;
  const refusedAnswers = queued.refused?.init.body.answers as Record<string, unknown> | undefined;
  useEffect(() => {
    if (!draftLoaded || !refusedAnswers || restored.current) return;
    restored.current = true;
    restore(refusedAnswers);
  }, [draftLoaded, refusedAnswers, restore]);

  if (!found || !progress) return <StepUnavailable title={t('learn.unavailable.title')} reason={t('learn.unavailable.notFound')} />;
  const title = t('learn.quiz.title', { number: found.number, title: found.module.title });
  if (!grade && queued.waiting) {
    return (
      <section className="card" aria-labelledby="quiz-title">
        <PageHeading id="quiz-title">{title}</PageHeading>
        <QueuedNotice message={t('learn.offline.quizQueued')} />
      </section>
    );
  }
  if (!grade) {
    if (progress.status === 'locked') return <StepUnavailable title={title} reason={t('learn.unavailable.moduleLocked')} />;
    if (progress.quiz.passed) return <StepUnavailable title={title} reason={t('learn.quiz.alreadyPassed', { percent: Math.round((progress.quiz.bestScore ?? 0) * 100) })} />;
    if (progress.lessonsRead.length < progress.lessonCount) return <StepUnavailable title={title} reason={t('learn.quiz.readFirst')} />;
  }
  if (!quiz.data || !draft.loaded) return quiz.error ? <ErrorMessage error={quiz.error} /> : <Loading />;
  const { questions, passMark, maxAttempts } = quiz.data;

  if (!grade && progress.quiz.lockedForReview) {
    return (
      <section className="card" aria-labelledby="quiz-title">
        <PageHeading id="quiz-title">{title}</PageHeading>
        <QuizReview enrolmentId={enrolmentId} module={found.module} progress={progress} maxAttempts={maxAttempts} />
      </section>
    );
  }

  const answers = Object.fromEntries(questions.map((q) => [q.key, optionKeysOf(draft.answers[q.key])]).filter(([, keys]) => keys!.length > 0));
  const percentToPass = Math.round(passMark * 100);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const unanswered = questions.length - Object.keys(answers).length;
    setMissing(unanswered);
    if (unanswered > 0) return;
    await draft.settle();
    queued.dismiss();
    const outcome = await submit((key) => submitQuiz(enrolmentId, moduleKey, answers as Record<string, string[]>, key, lang, title));
    if (!outcome) return draft.resume();
    if (outcome.state === 'sent') return graded(outcome.data);
    draft.markSubmitted(); // the queue holds the answers now
    queued.markWaiting();
  }

  function tryAgain() {
    setPrevious(grade);
    setGrade(null);
    draft.clear();
    setMissing(0);
    setRound((r) => r + 1);
  }

  const gradedQuestion = (key: string) => grade?.questions.find((q) => q.key === key);
  const before = (key: string) => (grade ? undefined : previous?.questions.find((q) => q.key === key));
  return (
    <section className="card" aria-labelledby="quiz-title">
      <PageHeading id="quiz-title" focusKey={round}>{title}</PageHeading>
      {grade ? (
        <QuizResult
          ref={resultRef}
          grade={grade}
          percentToPass={percentToPass}
          enrolmentId={enrolmentId}
          module={found.module}
          progress={progress}
          maxAttempts={maxAttempts}
          onTryAgain={tryAgain}
        />
      ) : (
        <>
          <p className="instructions">
            {t('learn.quiz.intro', { percent: percentToPass, count: progress.quiz.attemptsLeft, max: maxAttempts })}
          </p>
          {previous && <p className="notice">{t('learn.quiz.retryNote')}</p>}
        </>
      )}
      <form onSubmit={(e) => void onSubmit(e)} className="quiz-form">
        {questions.map((question, index) => {
          const result = gradedQuestion(question.key);
          const last = before(question.key);
          return (
            <ChoiceQuestion
              key={question.key}
              name={question.key}
              counter={t('learn.question.counter', { number: index + 1, total: questions.length })}
              prompt={question.prompt}
              type={question.type}
              options={question.options}
              value={optionKeysOf(draft.answers[question.key])}
              onChange={(value) => {
                setMissing(0);
                draft.setAnswer(question.key, value);
              }}
              disabled={Boolean(grade) || busy}
              optionExtra={result ? (optionKey) => <OptionFeedback question={result} optionKey={optionKey} /> : undefined}
            >
              {result && <QuestionVerdict question={result} />}
              {last && <PreviousAttempt question={last} options={question.options} />}
              {!grade && <AnswerStateNote state={draft.answerState(question.key)} />}
            </ChoiceQuestion>
          );
        })}
        {!grade && (
          <>
            <SaveStatus state={draft.saveState} />
            {missing > 0 && <p role="alert" className="form-error">{t('learn.quiz.answerAll', { count: missing })}</p>}
            <ErrorMessage error={error ?? queued.refusedError} />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('learn.sending') : t('learn.quiz.submit')}
            </button>
          </>
        )}
      </form>
      <p className="back-link"><Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link></p>
    </section>
  );
}

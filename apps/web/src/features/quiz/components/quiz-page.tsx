import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { ChoiceItemQuestion } from '../../../components/choice-question';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { SaveStatus } from '../../../components/save-status';
import { AnswerStateNote } from '../../../components/answer-state-note';
import { QueuedStepPage } from '../../../components/queued-notice';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useQueued } from '../../../lib/offline/use-queued';
import type { Grade } from '../../../lib/journey/journey-types';
import { coursePath } from '../../../lib/journey/step-path';
import { useJourneyAction } from '../../../lib/journey/use-journey-step';
import { useModuleStep } from '../../../lib/journey/use-module-step';
import { useContentLanguage } from '../../../lib/use-content-language';
import { optionKeysOf, useDraft } from '../../../lib/use-draft';
import { useQuery } from '../../../lib/use-query';
import { getQuiz } from '../api/quiz-api';
import { OptionFeedback, QuestionVerdict } from './option-feedback';
import { PreviousAttempt } from './previous-attempt';
import { QuizResult } from './quiz-result';
import { QuizReview } from './quiz-review';

/** A module's quiz: answers autosaved, graded by the server, feedback on every chosen option, limited attempts. */
export function QuizPage() {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const { moduleKey, enrolmentId, gate, found, progress } = useModuleStep('quiz');
  const { run, busy, error } = useJourneyAction();
  const [round, setRound] = useState(0);
  // Each attempt is fetched anew: the server shows its options in that attempt's own order.
  const quiz = useQuery(() => (found ? getQuiz(enrolmentId, moduleKey, lang) : Promise.resolve(null)), [enrolmentId, moduleKey, lang, Boolean(found), round]);
  const draft = useDraft(enrolmentId, `quiz-${moduleKey}`);
  const [grade, setGrade] = useState<Grade | null>(null);
  /** The failed attempt before this one: its feedback stays visible while retrying. */
  const [previous, setPrevious] = useState<Grade | null>(null);
  const [missing, setMissing] = useState(0);
  /** An attempt of this page is with the server: the page stays on it, whatever the journey says meanwhile. */
  const [taken, setTaken] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (grade) resultRef.current?.focus();
  }, [grade]);
  // Answers kept on this phone wait, clearly marked; the server grades them when the queue delivers them, and the
  // result shows here (also after the browser was closed and reopened).
  const queued = useQueued<{ grade?: Grade }>(enrolmentId, `quiz-${moduleKey}`, (response) => {
    draft.markSubmitted();
    setGrade(response.grade ?? null);
  });

  if (!found || !progress) return <StepUnavailable title={t('learn.unavailable.title')} code={gate ?? 'UNKNOWN_ITEM'} />;
  const title = t('learn.quiz.title', { number: found.number, title: found.module.title });
  if (queued.waiting && !grade) {
    return <QueuedStepPage id="quiz-title" title={title} message={t('learn.offline.quizQueued')} />;
  }
  if (gate && !grade && !taken) {
    return (
      <StepUnavailable title={title} code={gate}>
        {gate === 'QUIZ_ATTEMPTS_EXHAUSTED' && <QuizReview enrolmentId={enrolmentId} module={found.module} progress={progress} maxAttempts={found.module.quiz.maxAttempts} />}
      </StepUnavailable>
    );
  }
  if (!quiz.data || !draft.loaded) return quiz.error ? <ErrorMessage error={quiz.error} /> : <Loading />;
  const { questions, passMark, maxAttempts } = quiz.data;

  const answers = Object.fromEntries(questions.map((q) => [q.key, optionKeysOf(draft.answers[q.key])]).filter(([, keys]) => keys!.length > 0));
  const percentToPass = Math.round(passMark * 100);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const unanswered = questions.length - Object.keys(answers).length;
    setMissing(unanswered);
    if (unanswered > 0) return;
    await draft.settle();
    setTaken(true);
    // Graded by the server: the actor moves when its verdict comes back.
    const outcome = await run({ kind: 'quiz', moduleKey, answers: answers as Record<string, string[]> }).outcome;
    if (outcome.status !== 'sent') {
      setTaken(false);
      // Kept on this phone: the queue holds the answers now (the draft must not outlive them).
      return outcome.status === 'unsent' && outcome.error.code === 'SAVED_ON_PHONE' ? draft.markSubmitted() : draft.resume();
    }
    draft.markSubmitted();
    setGrade(outcome.result.grade ?? null);
  }

  function tryAgain() {
    setPrevious(grade);
    setGrade(null);
    setTaken(false);
    draft.clear();
    setMissing(0);
    setRound((r) => r + 1);
  }

  const graded = (key: string) => grade?.questions.find((q) => q.key === key);
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
          const result = graded(question.key);
          const last = before(question.key);
          return (
            <ChoiceItemQuestion
              key={question.key}
              question={question}
              counter={t('learn.question.counter', { number: index + 1, total: questions.length })}
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
            </ChoiceItemQuestion>
          );
        })}
        {!grade && (
          <>
            <SaveStatus state={draft.saveState} />
            {missing > 0 && <p role="alert" className="form-error">{t('learn.quiz.answerAll', { count: missing })}</p>}
            <ErrorMessage error={error} />
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

import { forwardRef } from 'react';
import { useTranslation } from '../../../lib/i18n';
import type { ModuleView } from '#journey';
import { ContinueLink } from '../../../components/continue-link';
import type { Grade, OutlineModule } from '../../../lib/journey/journey-types';
import { QuizReview } from './quiz-review';

interface Props {
  grade: Grade;
  percentToPass: number;
  enrolmentId: string;
  module: OutlineModule;
  progress: ModuleView;
  maxAttempts: number;
  onTryAgain(): void;
}

/** The graded attempt: score (announced), then continue, try again, or the review of the lessons. */
export const QuizResult = forwardRef<HTMLHeadingElement, Props>(function QuizResult(
  { grade, percentToPass, enrolmentId, module, progress, maxAttempts, onTryAgain },
  headingRef,
) {
  const { t } = useTranslation();
  const attemptsLeft = grade.attemptsLeft ?? 0;
  return (
    <div className={`result ${grade.passed ? 'result--passed' : 'result--failed'}`}>
      <h2 ref={headingRef} tabIndex={-1}>{t('learn.quiz.resultTitle')}</h2>
      <p role="status" className="result__summary">
        {t('learn.quiz.score', { percent: grade.percent, correct: grade.correctCount, total: grade.questionCount })}{' '}
        {grade.passed
          ? t('learn.quiz.passed')
          : attemptsLeft > 0
            ? t('learn.quiz.failed', { percent: percentToPass, count: attemptsLeft })
            : t('learn.quiz.failedLast', { percent: percentToPass })}
      </p>
      {grade.passed ? (
        <ContinueLink />
      ) : attemptsLeft > 0 ? (
        <button type="button" className="primary" onClick={onTryAgain}>{t('learn.quiz.tryAgain')}</button>
      ) : (
        <QuizReview enrolmentId={enrolmentId} module={module} progress={progress} maxAttempts={maxAttempts} />
      )}
      <p className="hint">{t('learn.quiz.feedbackBelow')}</p>
    </div>
  );
});

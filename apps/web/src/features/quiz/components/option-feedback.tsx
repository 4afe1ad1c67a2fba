import { useTranslation } from '../../../lib/i18n';
import type { Grade } from '../../../lib/journey/journey-types';

type QuestionGrade = Grade['questions'][number];

/** Under one option after grading: the feedback on the learner's choice, and (once revealed) the right answers and why. */
export function OptionFeedback({ question, optionKey }: { question: QuestionGrade; optionKey: string }) {
  const { t } = useTranslation();
  const chosen = question.options.find((o) => o.optionKey === optionKey);
  const isCorrectAnswer = question.correctOptionKeys?.includes(optionKey) ?? false;
  if (!chosen && !isCorrectAnswer) return null;
  return (
    <div className="option-feedback">
      {chosen && (
        <p className={chosen.correct ? 'verdict verdict--right' : 'verdict verdict--wrong'}>
          <strong>{chosen.correct ? t('learn.feedback.choiceRight') : t('learn.feedback.choiceWrong')}</strong> {chosen.text}
        </p>
      )}
      {isCorrectAnswer && !chosen && (
        <p className="verdict verdict--right">
          <strong>{t('learn.feedback.thisIsRight')}</strong> {question.explanations?.find((e) => e.optionKey === optionKey)?.text}
        </p>
      )}
    </div>
  );
}

/** Below a question after grading: right, wrong or unanswered, in words. */
export function QuestionVerdict({ question }: { question: QuestionGrade }) {
  const { t } = useTranslation();
  const text = question.correct ? t('learn.feedback.correct') : question.answered ? t('learn.feedback.incorrect') : t('learn.feedback.unanswered');
  return <p className={`question-verdict ${question.correct ? 'verdict--right' : 'verdict--wrong'}`}>{text}</p>;
}

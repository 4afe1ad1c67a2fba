import { useTranslation } from '../../../lib/i18n';
import type { Grade } from '../../../lib/journey/journey-types';

type QuestionGrade = Grade['questions'][number];

/** While retrying: what the learner answered last time and why it was right or wrong (found by option key, not position). */
export function PreviousAttempt({ question, options }: { question: QuestionGrade; options: { key: string; text: string }[] }) {
  const { t } = useTranslation();
  const textOf = (key: string) => options.find((o) => o.key === key)?.text ?? key;
  const verdict = question.correct ? t('learn.feedback.correct') : question.answered ? t('learn.feedback.incorrect') : t('learn.feedback.unanswered');
  return (
    <div className="previous-attempt">
      <p>
        <strong>{t('learn.quiz.previousAttempt')}</strong> {verdict}
      </p>
      {question.options.map((o) => (
        <p key={o.optionKey} className={o.correct ? 'verdict verdict--right' : 'verdict verdict--wrong'}>
          <strong>{t('learn.feedback.yourAnswer')}</strong> {textOf(o.optionKey)}. {o.text}
        </p>
      ))}
    </div>
  );
}

import { useTranslation } from '../../../lib/i18n';
import { ContinueLink } from '../../../components/continue-link';
import type { Grade } from '../../../lib/journey/journey-types';
import type { KnowledgeTest } from '../api/assessment-api';

/** The post-test explains every item once it is submitted (the pre-test never does: it would teach the post-test). */
export function KnowledgeResult({ grade, test }: { grade: Grade; test: KnowledgeTest }) {
  const { t } = useTranslation();
  const textOf = (itemKey: string, optionKey: string) =>
    test.items.find((i) => i.key === itemKey)?.options.find((o) => o.key === optionKey)?.text ?? optionKey;
  return (
    <div className="result">
      <p role="status" className="result__summary">
        {t('learn.assessment.score', { percent: grade.percent, correct: grade.correctCount, total: grade.questionCount })}
      </p>
      <details>
        <summary>{t('learn.assessment.review')}</summary>
        <ol className="answer-review">
          {grade.questions.map((q) => {
            const item = test.items.find((i) => i.key === q.key);
            return (
              <li key={q.key}>
                <p className="answer-review__prompt">{item?.prompt ?? q.key}</p>
                <p className={q.correct ? 'verdict verdict--right' : 'verdict verdict--wrong'}>
                  {q.correct ? t('learn.feedback.correct') : q.answered ? t('learn.feedback.incorrect') : t('learn.feedback.unanswered')}
                </p>
                {q.options.map((o) => (
                  <p key={o.optionKey} className="option-feedback">
                    <strong>{t('learn.feedback.yourAnswer')}</strong> {textOf(q.key, o.optionKey)}. {o.text}
                  </p>
                ))}
                {q.correctOptionKeys && !q.correct && (
                  <p className="option-feedback">
                    <strong>{t('learn.feedback.rightAnswer')}</strong> {q.correctOptionKeys.map((k) => textOf(q.key, k)).join(' · ')}
                  </p>
                )}
                {!q.correct && q.explanations?.map((e) => <p key={e.optionKey} className="option-feedback">{e.text}</p>)}
              </li>
            );
          })}
        </ol>
      </details>
      <ContinueLink />
    </div>
  );
}

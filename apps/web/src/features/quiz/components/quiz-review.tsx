import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import type { ModuleView } from '#journey';
import type { OutlineModule } from '../../../lib/journey/journey-types';
import { lessonPath } from '../../../lib/journey/step-path';

/** After the last failed attempt of a round: re-read the module's lessons to earn new attempts. */
export function QuizReview({ enrolmentId, module, progress, maxAttempts }: { enrolmentId: string; module: OutlineModule; progress: ModuleView; maxAttempts: number }) {
  const { t } = useTranslation();
  const toReview = module.lessons.filter((l) => progress.quiz.lessonsToReview.includes(l.key));
  return (
    <div className="review-panel">
      <p>{t('learn.quiz.reviewIntro', { count: maxAttempts })}</p>
      <ul>
        {toReview.map((lesson) => (
          <li key={lesson.key}>
            <Link to={lessonPath(enrolmentId, module.key, lesson.key)}>{lesson.title}</Link>
          </li>
        ))}
      </ul>
      {toReview[0] && (
        <Link className="primary button-link" to={lessonPath(enrolmentId, module.key, toReview[0].key)}>
          {t('learn.quiz.startReview')}
        </Link>
      )}
    </div>
  );
}
